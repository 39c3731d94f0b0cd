// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchindex.h"

#include "database.h"
#include "messagekey.h"
#include "sql.h"

#include <QRegularExpression>

#include <algorithm>

namespace Natter {

namespace {

// The FTS table drives the loop (CROSS JOIN keeps SQLite from reordering it) and is walked by
// rowid, i.e. search_key, i.e. (time, local_id), downwards: the first `limit` hits are the newest
// and the rest are never read. The flow test in SQL is exact; the FTS flow term only narrows.
QString searchSql(bool inFlow)
{
    return QLatin1String(
               "SELECT m.server_id, m.client_id, m.flow_id, m.from_id, m.time, "
               "snippet(messages_fts, 0, :open, :close, :ellipsis, 16) "
               "FROM messages_fts CROSS JOIN messages m ON m.search_key = messages_fts.rowid "
               "WHERE messages_fts MATCH :match AND m.deleted = 0 ")
        % (inFlow ? QLatin1String("AND m.flow_id = :flow_id ") : QLatin1String())
        % QLatin1String("ORDER BY messages_fts.rowid DESC LIMIT :limit");
}

bool hasWordCharacters(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isLetterOrNumber(); });
}

/// An FTS5 string: every character literal except '"', which is doubled. FTS5 reads the query
/// as a C string, so a NUL (a server's flow id, a pasted search) would end it mid-string.
QString quoted(QString text)
{
    text.remove(QChar(0));
    return u'"' % text.replace(u'"', QLatin1String("\"\"")) % u'"';
}

} // namespace

SearchIndex::SearchIndex(Database &db)
    : m_rebuild(
        db.prepare(QStringLiteral("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')"))),
      m_search(db.prepare(searchSql(false))),
      m_searchInFlow(db.prepare(searchSql(true)))
{ }

void SearchIndex::setHighlightMarkers(const QString &open, const QString &close)
{
    m_open = open;
    m_close = close;
}

QString SearchIndex::matchExpression(const QString &userInput)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    QStringList terms;
    for (QString word : userInput.split(whitespace, Qt::SkipEmptyParts)) {
        const bool prefix = word.endsWith(u'*');
        while (word.endsWith(u'*'))
            word.chop(1);
        // A word of punctuation only would be an empty phrase: nothing to look for.
        if (!hasWordCharacters(word))
            continue;
        terms.append(quoted(word) % (prefix ? QLatin1String("*") : QLatin1String()));
    }
    return terms.join(u' ');
}

QList<SearchHit> SearchIndex::search(const QString &query, const QString &flowId, int limit) const
{
    const QString match = matchExpression(query);
    if (match.isEmpty() || limit <= 0)
        return {};
    // User words match message text only, never the indexed flow ids.
    QString fullMatch = QLatin1String("text : (") % match % u')';
    if (hasWordCharacters(flowId))
        fullMatch += QLatin1String(" AND flow_id : ^") % quoted(flowId);
    QSqlQuery &q = flowId.isEmpty() ? m_search : m_searchInFlow;
    q.bindValue(QStringLiteral(":open"), m_open);
    q.bindValue(QStringLiteral(":close"), m_close);
    q.bindValue(QStringLiteral(":ellipsis"), QStringLiteral("…"));
    q.bindValue(QStringLiteral(":match"), fullMatch);
    if (!flowId.isEmpty())
        q.bindValue(QStringLiteral(":flow_id"), flowId);
    q.bindValue(QStringLiteral(":limit"), limit);
    return run(q);
}

QList<SearchHit> SearchIndex::run(QSqlQuery &query) const
{
    Sql::QueryReset reset(query);
    QList<SearchHit> hits;
    if (!Sql::exec(query))
        return hits;
    while (query.next()) {
        SearchHit hit;
        const QString serverId = query.value(0).toString();
        hit.key = serverId.isEmpty() ? localEchoKey(query.value(1).toLongLong()) : serverId;
        hit.flowId = query.value(2).toString();
        hit.fromId = query.value(3).toString();
        hit.time = query.value(4).toLongLong();
        hit.snippet = query.value(5).toString();
        hits.append(hit);
    }
    return hits;
}

Error SearchIndex::rebuild()
{
    return Sql::exec(m_rebuild) ? Error()
                                : Sql::error(m_rebuild, QStringLiteral("cannot rebuild index"));
}

} // namespace Natter
