// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QSqlQuery>
#include <QString>

namespace Natter {

class Database;

/// One message that matched a search.
struct SearchHit
{
    QString key; ///< the message key (see messageKey())
    QString flowId;
    QString fromId;
    qint64 time = 0;
    QString snippet; ///< text around the match, matched terms between the highlight markers

    bool operator==(const SearchHit &) const = default;
};

/// Full-text search over cached message text (SQLite FTS5, unicode61 tokenizer: case- and
/// diacritic-insensitive, any script). Triggers keep the index in step with `messages`, so
/// stores never write to it.
class SearchIndex
{
public:
    explicit SearchIndex(Database &db);

    /// Messages whose text holds every word of `query`, newest first, optionally in one flow.
    /// Cost grows with `limit`, not with the number of matches (see schema v3).
    /// A word ending in `*` matches as a prefix. Any user input is safe: operators and quotes
    /// are searched for as plain words, never parsed as FTS syntax.
    QList<SearchHit> search(const QString &query, const QString &flowId = {}, int limit = 50) const;

    /// Markers put around matched terms in snippets; "[" and "]" by default.
    void setHighlightMarkers(const QString &open, const QString &close);

    /// The FTS5 MATCH expression for user input: each word a quoted string (inner quotes
    /// doubled), ANDed; words without letters or digits dropped. Empty when nothing is left.
    static QString matchExpression(const QString &userInput);

    /// Rebuilds the index from the messages table (after a suspected corruption).
    Error rebuild();

private:
    QList<SearchHit> run(QSqlQuery &query) const;

    QString m_open = QStringLiteral("[");
    QString m_close = QStringLiteral("]");
    QSqlQuery m_rebuild;
    mutable QSqlQuery m_search;
    mutable QSqlQuery m_searchInFlow;
};

} // namespace Natter
