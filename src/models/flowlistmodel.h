// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cachelink.h"
#include "core/flow.h"
#include "core/message.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>

#include <optional>

namespace Natter {

/// The flows of one account, most recent activity first (the later of the flow's `updated` and
/// its newest message; ties by id, as FlowStore::flows()). Loaded once per cache, then kept in
/// step with FlowStore, MessageStore, ContactStore, UserStore and SettingsStore signals: rows are
/// inserted, changed, moved and removed one by one, never reset while the cache stays.
class FlowListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        FlowIdRole = Qt::UserRole + 1,
        TitleRole, ///< QString; also Qt::DisplayRole
        TypeRole, ///< int of Flow::Type
        InfoRole, ///< QString
        LastMessageTextRole, ///< QString, empty for a tombstone or when the flow has no message
        LastMessageTimeRole, ///< QDateTime (local), invalid when the flow has no message
        LastMessageAuthorRole, ///< QString: the author's display name
        UnreadCountRole, ///< int, capped at FlowStore::UnreadCap (the UI shows "999+")
        InitialsRole, ///< QString: up to two letters for a placeholder avatar
        AvatarHueRole, ///< int 0..359, stable per flow id
        MutedRole, ///< bool: the settings key mutedKey(flowId) is "1"
        BlockedRole, ///< bool: a two-person chat with a blocked user
        ActivityRole, ///< QDateTime (local): what the rows are ordered by
        LastMessageIsOwnRole, ///< bool: the last message is ours
        PhotoRole, ///< QByteArray: the group photo's image bytes, empty for none
    };
    Q_ENUM(Roles)

    explicit FlowListModel(QObject *parent = nullptr);
    ~FlowListModel() override;

    /// Shows the flows of `cache` (nullptr: none). The cache must outlive the model or be
    /// closed first; a closing cache empties the model.
    void setCache(AccountCache *cache);
    AccountCache *cache() const { return m_cache; }

    /// The SettingsStore key that mutes a flow when set to "1".
    static QString mutedKey(const QString &flowId);

    /// The row of a flow, -1 when not listed.
    int rowOf(const QString &flowId) const { return m_rowById.value(flowId, -1); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        Flow flow;
        std::optional<Message> last;
        QString lastAuthor;
        int unread = 0;
        bool muted = false;
        bool blocked = false;

        qint64 activity() const;
    };

    /// The current state of a flow, read from the stores; nullopt when it is gone.
    std::optional<Row> readRow(const QString &flowId) const;
    Row makeRow(Flow flow) const;
    QString authorName(const Message &message) const;
    bool isBlockedChat(const Flow &flow) const;
    /// Rereads a listed flow (emitting dataChanged and moving the row as needed) or inserts a
    /// flow not yet listed.
    void refresh(const QString &flowId);
    void insertRow(Row row);
    void removeFlow(const QString &flowId);
    /// Moves the row at `from` to where its activity puts it.
    void reposition(int from);
    /// The position `row` belongs at among rows other than `skip`.
    int positionFor(const Row &row, int skip = -1) const;
    void reindex(int from, int to);
    void emitChanged(int row, const QList<int> &roles);

    void onBlockedChanged();
    void onSettingChanged(const QString &key);
    void onUsersChanged(const QStringList &ids);
    void dropCache();

    AccountCache *m_cache = nullptr;
    CacheLink m_link;
    QList<Row> m_rows;
    QHash<QString, int> m_rowById;
    QSet<QString> m_blocked;
    QString m_ownUserId;
};

} // namespace Natter
