// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cachelink.h"
#include "core/message.h"
#include "storage/messagekey.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>

namespace Natter {

/// The messages of one flow, oldest first, as a chat view shows them. Holds only what was
/// loaded: the newest page on setFlow(), older pages through fetchMore() (keyset paging over
/// MessageStore::before, prepended so the view keeps its place), and what arrives meanwhile.
/// When the cache has nothing older, fetchMore() asks for server history once through
/// olderHistoryWanted(); older messages the session stores are then inserted at the top.
///
/// Memory and layout stay flat however far the user scrolls: at most windowSize() messages are
/// loaded. A page of older messages beyond it lets go of the newest ones (isAtNewest() turns
/// false, fetchNewer() brings them back page by page, letting go of the oldest), and messages
/// that arrive past the window are counted (newerArrived) instead of shown.
///
/// Rows of users on the block list are not rows at all: they are held aside while ContactStore
/// says the author is blocked and inserted back in place on unblock (so no delegate has to hide
/// rows and row counts, separators and runs only see what is shown).
///
/// Store signals become row inserts, removals and dataChanged with the roles that changed; a
/// local echo that becomes the server copy keeps its row (messageKeyChanged re-keys it).
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        MessageKeyRole = Qt::UserRole + 1, ///< QString, see messageKey()
        ServerIdRole, ///< QString, empty for an unconfirmed local echo
        FromIdRole,
        FromNameRole, ///< the message's name, else UserStore's display name, else the id
        TextRole, ///< QString; also Qt::DisplayRole. Empty for a tombstone
        TimeRole, ///< QDateTime (local)
        EditedRole, ///< bool
        DeletedRole, ///< bool: a tombstone
        IsOwnRole, ///< bool: from UserStore::ownUserId()
        DeliveryStateRole, ///< int of DeliveryState
        FailReasonRole, ///< QString, for DeliveryState::Failed
        ReplyToRole, ///< QString: the quoted message's id
        AttachmentsRole, ///< QVariantList of QVariantMap {index, kind, name, mime, size, path}
        DateSeparatorRole, ///< bool: first row, or another local day than the row above
        ShowAuthorRole, ///< bool: starts a run by one author (gap < 5 min, same day)
    };
    Q_ENUM(Roles)

    static constexpr int PageSize = 50;
    static constexpr int DefaultWindowSize = 1000;
    /// Messages further apart than this start a new run (ShowAuthorRole).
    static constexpr qint64 RunGapMs = 5 * 60 * 1000;

    explicit MessageListModel(QObject *parent = nullptr);
    ~MessageListModel() override;

    /// Uses `cache` (nullptr: none) and forgets the flow. The cache must outlive the model or be
    /// closed first; a closing cache empties the model.
    void setCache(AccountCache *cache);
    AccountCache *cache() const { return m_cache; }

    /// Shows the newest page of `flowId` (empty: nothing).
    void setFlow(const QString &flowId);
    QString flowId() const { return m_flowId; }

    /// The most messages loaded at once (at least three pages); applies from the next page.
    void setWindowSize(int messages);
    int windowSize() const { return m_windowSize; }
    /// False while the newest messages of the flow are not loaded (paged out or not yet in).
    bool isAtNewest() const { return m_atNewest; }
    bool canFetchNewer() const;
    /// Appends the next newer page from the cache, letting go of the oldest beyond the window.
    void fetchNewer();
    /// Loads the newest page again (a model reset) when it is not loaded.
    void showNewest();
    /// Lets go of the oldest messages beyond the window: for a view that follows the newest
    /// messages while they keep arriving.
    void keepNewestInWindow() { trimOldest(); }
    /// Makes `key` a loaded row: when it is not loaded, the window is reloaded around it (a
    /// model reset). False when the flow has no such message.
    bool showAround(const QString &key);

    /// True once the cache had nothing older than the oldest loaded message.
    bool historyExhausted() const { return m_cacheExhausted; }
    /// The row of a message key, -1 when not shown.
    int rowOf(const QString &key) const { return m_rowByKey.value(key, -1); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    /// True while the cache may hold older messages, or server history was not yet asked for.
    bool canFetchMore(const QModelIndex &parent) const override;
    /// Prepends the next older page from the cache; when there is none, emits
    /// olderHistoryWanted() (once until older messages arrive).
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    /// The cache has nothing older: the session may fetch older history from the server.
    void olderHistoryWanted(const QString &flowId);
    /// Messages arrived past the loaded window; `fromOthers` of them are not ours.
    void newerArrived(int fromOthers);

private:
    struct Row
    {
        Message message;
        DeliveryState state = DeliveryState::Sent;
        QString failReason;
        QVariantList attachments;
        // The position, fixed on arrival: (sortTime, seq) follows the store's (time, local id)
        // order and stays put when the echo's time becomes the server's.
        qint64 sortTime = 0;
        qint64 seq = 0;

        QString key() const { return messageKey(message); }
        bool operator<(const Row &other) const
        {
            return sortTime < other.sortTime || (sortTime == other.sortTime && seq < other.seq);
        }
    };

    Row makeRow(const Message &message, qint64 seq) const;
    QString authorName(const Message &message) const;
    QVariantList attachmentList(const Message &message) const;
    bool isHidden(const Message &message) const;
    const Message *previousShown(int row) const;

    /// Shows `rows` (sorted) at their places among the shown rows, in as few inserts as runs.
    void insertSorted(QList<Row> rows);
    /// Removes shown rows, in descending runs; returns them in ascending order.
    QList<Row> removeShown(QList<int> rows);
    /// Separators and runs of the row below a change may change too.
    void neighbourChanged(int row);
    void reindex(int from);
    void clearRows();
    /// Loads `messages` (sorted) as the only rows; the caller resets the model around it.
    void loadRows(const QList<Message> &messages);
    bool isLoaded(const QString &key) const;
    /// Lets go of loaded messages beyond the window at the newest or the oldest end.
    void trimNewest();
    void trimOldest();
    /// Moves the paging cursors to the oldest / newest loaded row.
    void resetOldestCursor();
    void resetNewestCursor();

    void onInserted(const QString &flowId, const QStringList &keys);
    void onUpdated(const QString &flowId, const QStringList &keys);
    void onRemoved(const QString &flowId, const QStringList &keys);
    void onKeyChanged(const QString &flowId, const QString &oldKey, const QString &newKey);
    void onBlockedChanged();
    void onUsersChanged(const QStringList &ids);
    /// Rereads a shown or hidden message; returns the roles that changed.
    QList<int> reread(Row &row, const Message &message) const;

    AccountCache *m_cache = nullptr;
    CacheLink m_link;
    QString m_flowId;
    QString m_ownUserId;
    QSet<QString> m_blocked;
    QList<Row> m_rows; ///< shown, in (sortTime, seq) order
    QHash<QString, int> m_rowByKey;
    QList<Row> m_hidden; ///< loaded rows of blocked authors, in order
    mutable QHash<QString, QString> m_names; ///< fromId → display name
    // The oldest message loaded (shown or not): where the next older page starts.
    qint64 m_oldestTime = 0;
    QString m_oldestKey;
    qint64 m_firstSeq = 0;
    qint64 m_lastSeq = -1;
    bool m_cacheExhausted = false;
    bool m_serverAsked = false;
    // The newest message loaded, where fetchNewer() continues while !m_atNewest.
    qint64 m_newestTime = 0;
    QString m_newestKey;
    bool m_atNewest = true;
    int m_windowSize = DefaultWindowSize;
    // Set while rows change: views and QAbstractItemModelTester call fetchMore() from inside
    // row signals, and a page must not land in the middle of another change.
    bool m_busy = false;
};

} // namespace Natter
