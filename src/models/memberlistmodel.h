// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cachelink.h"

#include <QAbstractListModel>
#include <QHash>

namespace Natter {

/// The members of one flow as the cache holds them (FlowStore), named from UserStore; the
/// owner, when the cache knows it, comes first. Membership changes remove and insert rows;
/// profile changes are dataChanged; only a new cache or flow resets.
class MemberListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        UserIdRole = Qt::UserRole + 1,
        NameRole, ///< QString: UserStore's display name, else the id
        LoginRole, ///< QString, empty when unknown
        InitialsRole, ///< QString: up to two letters for a placeholder avatar
        AvatarHueRole, ///< int 0..359, stable per user id
        AvatarRole, ///< QByteArray: the profile photo's bytes, empty when none
        IsOwnerRole, ///< bool
        IsSelfRole, ///< bool: the signed-in user
    };
    Q_ENUM(Roles)

    explicit MemberListModel(QObject *parent = nullptr);
    ~MemberListModel() override;

    /// The cache must outlive the model or be closed first; a closing cache empties the model.
    void setCache(AccountCache *cache);
    void setFlow(const QString &flowId);
    QString flowId() const { return m_flowId; }
    int rowOf(const QString &userId) const { return m_rowById.value(userId, -1); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void reload();
    QStringList storedMembers() const;
    void apply(const QStringList &members);
    void reindex();
    void onUsersChanged(const QStringList &ids);

    AccountCache *m_cache = nullptr;
    CacheLink m_link;
    QString m_flowId;
    QString m_owner;
    QStringList m_rows; ///< user ids
    QHash<QString, int> m_rowById;
};

} // namespace Natter
