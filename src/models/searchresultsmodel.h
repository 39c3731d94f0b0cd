// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cachelink.h"
#include "core/message.h"

#include <QAbstractListModel>
#include <QHash>

namespace Natter {

/// The results of one message search: local hits from SearchIndex (newest first), then server
/// results appended as they come, without the messages already listed. Snippets are HTML: the
/// message text escaped (markup in a message shows as text) with matched words in <b></b>.
/// A snapshot: it does not follow later store changes; run search() again for fresh results.
/// Debouncing the query is the UI's job.
class SearchResultsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        MessageKeyRole = Qt::UserRole + 1, ///< QString, see messageKey()
        FlowIdRole,
        FlowTitleRole, ///< QString: the flow's title, else its id
        SnippetRole, ///< QString (HTML); also Qt::DisplayRole
        TimeRole, ///< QDateTime (local)
        FromIdRole,
        FromNameRole, ///< the message's name, else UserStore's display name, else the id
        ServerResultRole, ///< bool: from appendServerResults(), not in the local cache
    };
    Q_ENUM(Roles)

    /// Snippets of long server results are cut to about this many characters.
    static constexpr int SnippetLength = 160;

    explicit SearchResultsModel(QObject *parent = nullptr);
    ~SearchResultsModel() override;

    /// Searches `cache` (nullptr: none) from now on; clears the results. The cache must outlive
    /// the model or be closed first.
    void setCache(AccountCache *cache);
    AccountCache *cache() const { return m_cache; }

    /// Replaces the results with the local hits for `query` (every word must match; a word
    /// ending in `*` is a prefix), in one flow or, with an empty `flowId`, in all.
    void search(const QString &query, const QString &flowId = {}, int limit = 50);
    QString query() const { return m_query; }
    QString flowId() const { return m_flowId; }
    void clear();

    /// Appends results of a server search for the current query; messages already listed (by
    /// key) are skipped. Their snippets highlight the query's words like the local ones.
    void appendServerResults(const QList<Message> &messages);

    /// The row of a message key, -1 when not listed.
    int rowOf(const QString &key) const { return m_rowByKey.value(key, -1); }

    /// `text` escaped as HTML with every case-insensitive occurrence of the words of `query`
    /// between <b></b>, cut to about `length` characters around the first match.
    static QString highlight(const QString &text, const QString &query, int length = SnippetLength);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        QString key;
        QString flowId;
        QString fromId;
        QString fromName;
        qint64 time = 0;
        QString snippet;
        bool fromServer = false;
    };

    QString flowTitle(const QString &flowId) const;
    QString userName(const QString &userId) const;

    AccountCache *m_cache = nullptr;
    CacheLink m_link;
    QString m_query;
    QString m_flowId;
    QList<Row> m_rows;
    QHash<QString, int> m_rowByKey;
    mutable QHash<QString, QString> m_titles;
};

} // namespace Natter
