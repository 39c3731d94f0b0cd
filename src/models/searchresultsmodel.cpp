// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchresultsmodel.h"

#include "session/accountcache.h"
#include "storage/messagekey.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>

namespace Natter {

namespace {

// Unicode noncharacters: never in interchanged text, and left alone by toHtmlEscaped(), so the
// index marks matches with them and the markup is added after escaping.
constexpr char16_t s_open = 0xFDD0;
constexpr char16_t s_close = 0xFDD1;

QString htmlSnippet(const QString &marked)
{
    return marked.toHtmlEscaped()
        .replace(QChar(s_open), QLatin1String("<b>"))
        .replace(QChar(s_close), QLatin1String("</b>"));
}

/// The words of a query as SearchIndex reads them, without the prefix `*` and the punctuation
/// around them.
QStringList queryWords(const QString &query)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    QStringList words;
    for (const QString &word : query.split(whitespace, Qt::SkipEmptyParts)) {
        qsizetype begin = 0;
        qsizetype end = word.size();
        while (begin < end && !word.at(begin).isLetterOrNumber())
            ++begin;
        while (end > begin && !word.at(end - 1).isLetterOrNumber())
            --end;
        if (end > begin)
            words.append(word.mid(begin, end - begin));
    }
    return words;
}

} // namespace

SearchResultsModel::SearchResultsModel(QObject *parent) : QAbstractListModel(parent) { }

SearchResultsModel::~SearchResultsModel() = default;

void SearchResultsModel::setCache(AccountCache *cache)
{
    m_link.clear();
    m_cache = cache && cache->isOpen() ? cache : nullptr;
    if (m_cache)
        m_link.watch(*m_cache, this, [this] { setCache(nullptr); });
    clear();
}

void SearchResultsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rowByKey.clear();
    m_titles.clear();
    m_query.clear();
    m_flowId.clear();
    endResetModel();
}

void SearchResultsModel::search(const QString &query, const QString &flowId, int limit)
{
    beginResetModel();
    m_rows.clear();
    m_rowByKey.clear();
    m_titles.clear();
    m_query = query;
    m_flowId = flowId;
    if (m_cache) {
        // Every caller sets the markers it wants before searching (the index is shared).
        SearchIndex &index = m_cache->search();
        index.setHighlightMarkers(QString(QChar(s_open)), QString(QChar(s_close)));
        for (const SearchHit &hit : index.search(query, flowId, limit)) {
            if (m_rowByKey.contains(hit.key))
                continue;
            m_rowByKey.insert(hit.key, int(m_rows.size()));
            m_rows.append({ hit.key, hit.flowId, hit.fromId, userName(hit.fromId), hit.time,
                htmlSnippet(hit.snippet), false });
        }
    }
    endResetModel();
}

void SearchResultsModel::appendServerResults(const QList<Message> &messages)
{
    QList<Row> fresh;
    QSet<QString> seen;
    for (const Message &message : messages) {
        const QString key = messageKey(message);
        if (m_rowByKey.contains(key) || seen.contains(key) || message.deleted)
            continue;
        seen.insert(key);
        const QString name
            = message.fromName.isEmpty() ? userName(message.fromId) : message.fromName;
        fresh.append({ key, message.flowId, message.fromId, name, message.time,
            highlight(message.text, m_query), true });
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (Row &row : fresh) {
        m_rowByKey.insert(row.key, int(m_rows.size()));
        m_rows.append(std::move(row));
    }
    endInsertRows();
}

QString SearchResultsModel::highlight(const QString &text, const QString &query, int length)
{
    QList<bool> marked(text.size(), false);
    for (const QString &word : queryWords(query)) {
        for (qsizetype at = text.indexOf(word, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(word, at + word.size(), Qt::CaseInsensitive))
            std::fill(marked.begin() + at, marked.begin() + at + word.size(), true);
    }
    qsizetype begin = 0;
    qsizetype end = text.size();
    if (end > length) {
        const qsizetype first = std::max<qsizetype>(marked.indexOf(true), 0);
        begin = std::max<qsizetype>(first - length / 4, 0);
        end = std::min<qsizetype>(begin + length, text.size());
        begin = std::max<qsizetype>(end - length, 0);
        // Never split a surrogate pair.
        if (begin > 0 && text.at(begin).isLowSurrogate())
            --begin;
        if (end < text.size() && text.at(end).isLowSurrogate())
            ++end;
    }
    QString html = begin > 0 ? QStringLiteral("…") : QString();
    for (qsizetype i = begin; i < end;) {
        qsizetype j = i;
        while (j < end && marked.at(j) == marked.at(i))
            ++j;
        const QString part = text.mid(i, j - i).toHtmlEscaped();
        html += marked.at(i) ? QLatin1String("<b>") % part % QLatin1String("</b>") : part;
        i = j;
    }
    if (end < text.size())
        html += QStringLiteral("…");
    return html;
}

QString SearchResultsModel::flowTitle(const QString &flowId) const
{
    auto it = m_titles.constFind(flowId);
    if (it == m_titles.constEnd()) {
        const auto flow = m_cache ? m_cache->flows().flow(flowId) : std::nullopt;
        it = m_titles.insert(flowId, flow && !flow->title.isEmpty() ? flow->title : flowId);
    }
    return *it;
}

QString SearchResultsModel::userName(const QString &userId) const
{
    if (userId.isEmpty() || !m_cache)
        return userId;
    const auto user = m_cache->users().user(userId);
    return user ? user->displayName() : userId;
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case SnippetRole:
        return row.snippet;
    case MessageKeyRole:
        return row.key;
    case FlowIdRole:
        return row.flowId;
    case FlowTitleRole:
        return flowTitle(row.flowId);
    case TimeRole:
        return QDateTime::fromMSecsSinceEpoch(row.time);
    case FromIdRole:
        return row.fromId;
    case FromNameRole:
        return row.fromName;
    case ServerResultRole:
        return row.fromServer;
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultsModel::roleNames() const
{
    return {
        { Qt::DisplayRole, "display" },
        { MessageKeyRole, "messageKey" },
        { FlowIdRole, "flowId" },
        { FlowTitleRole, "flowTitle" },
        { SnippetRole, "snippet" },
        { TimeRole, "time" },
        { FromIdRole, "fromId" },
        { FromNameRole, "fromName" },
        { ServerResultRole, "serverResult" },
    };
}

} // namespace Natter
