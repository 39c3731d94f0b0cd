// SPDX-License-Identifier: GPL-3.0-or-later
#include "memberlistmodel.h"

#include "avatar.h"

namespace Natter {

MemberListModel::MemberListModel(QObject *parent) : QAbstractListModel(parent) { }

MemberListModel::~MemberListModel() = default;

void MemberListModel::setCache(AccountCache *cache)
{
    m_link.clear();
    m_cache = cache && cache->isOpen() ? cache : nullptr;
    if (m_cache) {
        m_link.connect(
            &m_cache->flows(), &FlowStore::flowsUpdated, this, [this](const QStringList &ids) {
                if (ids.contains(m_flowId))
                    apply(storedMembers());
            });
        m_link.connect(&m_cache->flows(), &FlowStore::flowRemoved, this, [this](const QString &id) {
            if (id == m_flowId)
                apply({});
        });
        m_link.connect(
            &m_cache->users(), &UserStore::usersChanged, this, &MemberListModel::onUsersChanged);
        m_link.watch(*m_cache, this, [this] { setCache(nullptr); });
    }
    reload();
}

void MemberListModel::setFlow(const QString &flowId)
{
    if (flowId == m_flowId)
        return;
    m_flowId = flowId;
    reload();
}

QStringList MemberListModel::storedMembers() const
{
    if (!m_cache || m_flowId.isEmpty())
        return {};
    const std::optional<Flow> flow = m_cache->flows().flow(m_flowId);
    if (!flow)
        return {};
    QStringList members = flow->members;
    // The owner leads, as in Telegram's member list.
    if (members.removeOne(flow->owner))
        members.prepend(flow->owner);
    return members;
}

void MemberListModel::reload()
{
    beginResetModel();
    m_owner.clear();
    if (m_cache && !m_flowId.isEmpty())
        if (const std::optional<Flow> flow = m_cache->flows().flow(m_flowId))
            m_owner = flow->owner;
    m_rows = storedMembers();
    reindex();
    endResetModel();
}

void MemberListModel::apply(const QStringList &members)
{
    if (m_cache && !m_flowId.isEmpty())
        if (const std::optional<Flow> flow = m_cache->flows().flow(m_flowId);
            flow && flow->owner != m_owner) {
            m_owner = flow->owner;
            if (!m_rows.isEmpty())
                Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), { IsOwnerRole });
        }
    // Remove who left (from the bottom, so rows stay valid), then insert who is new where the
    // stored order puts them.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (members.contains(m_rows.at(row)))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    for (int i = 0; i < members.size(); ++i) {
        if (i < m_rows.size() && m_rows.at(i) == members.at(i))
            continue;
        const int existing = int(m_rows.indexOf(members.at(i)));
        if (existing >= 0) {
            beginMoveRows({}, existing, existing, {}, i);
            m_rows.move(existing, i);
            endMoveRows();
            continue;
        }
        beginInsertRows({}, i, i);
        m_rows.insert(i, members.at(i));
        endInsertRows();
    }
    reindex();
}

void MemberListModel::reindex()
{
    m_rowById.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowById.insert(m_rows.at(i), i);
}

void MemberListModel::onUsersChanged(const QStringList &ids)
{
    for (const QString &id : ids) {
        const int row = rowOf(id);
        if (row >= 0)
            Q_EMIT dataChanged(index(row), index(row));
    }
}

int MemberListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MemberListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &id = m_rows.at(index.row());
    const std::optional<User> user = m_cache ? m_cache->users().user(id) : std::nullopt;
    const QString name = user ? user->displayName() : id;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return name;
    case UserIdRole:
        return id;
    case LoginRole:
        return user ? user->login : QString();
    case InitialsRole:
        return initials(name, QStringLiteral("?"));
    case AvatarHueRole:
        return avatarHue(id);
    case AvatarRole:
        return user ? user->avatar : QByteArray();
    case IsOwnerRole:
        return !m_owner.isEmpty() && id == m_owner;
    case IsSelfRole:
        return m_cache && id == m_cache->users().ownUserId();
    default:
        return {};
    }
}

QHash<int, QByteArray> MemberListModel::roleNames() const
{
    return {
        { UserIdRole, "userId" },
        { NameRole, "name" },
        { LoginRole, "login" },
        { InitialsRole, "initials" },
        { AvatarHueRole, "avatarHue" },
        { AvatarRole, "avatar" },
        { IsOwnerRole, "isOwner" },
        { IsSelfRole, "isSelf" },
    };
}

} // namespace Natter
