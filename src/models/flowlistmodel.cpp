// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowlistmodel.h"

#include "avatar.h"
#include "session/accountcache.h"

#include <QDateTime>

#include <algorithm>

namespace Natter {

namespace {

QDateTime localTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms) : QDateTime();
}

} // namespace

qint64 FlowListModel::Row::activity() const
{
    return std::max(flow.updated, last ? last->time : qint64(0));
}

FlowListModel::FlowListModel(QObject *parent) : QAbstractListModel(parent) { }

FlowListModel::~FlowListModel() = default;

QString FlowListModel::mutedKey(const QString &flowId)
{
    return QLatin1String("muted/") % flowId;
}

void FlowListModel::setCache(AccountCache *cache)
{
    beginResetModel();
    m_link.clear();
    m_rows.clear();
    m_rowById.clear();
    m_blocked.clear();
    m_ownUserId.clear();
    m_cache = cache && cache->isOpen() ? cache : nullptr;
    if (m_cache) {
        const QStringList blocked = m_cache->contacts().blockedUserIds();
        m_blocked = QSet<QString>(blocked.cbegin(), blocked.cend());
        m_ownUserId = m_cache->users().ownUserId();
        for (const Flow &flow : m_cache->flows().flows())
            m_rows.append(makeRow(flow));
        // FlowStore::flows() uses the same order; sorting again keeps positionFor() honest.
        std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
            return a.activity() > b.activity()
                || (a.activity() == b.activity() && a.flow.id < b.flow.id);
        });
        reindex(0, int(m_rows.size()) - 1);

        FlowStore *flows = &m_cache->flows();
        MessageStore *messages = &m_cache->messages();
        const auto refreshIds = [this](const QStringList &ids) {
            for (const QString &id : ids)
                refresh(id);
        };
        m_link.connect(flows, &FlowStore::flowsInserted, this, refreshIds);
        m_link.connect(flows, &FlowStore::flowsUpdated, this, refreshIds);
        m_link.connect(flows, &FlowStore::flowRemoved, this, &FlowListModel::removeFlow);
        // messageKeyChanged is always followed by messagesUpdated: no need to listen to it.
        const auto refreshFlow = [this](const QString &flowId) { refresh(flowId); };
        m_link.connect(messages, &MessageStore::messagesInserted, this, refreshFlow);
        m_link.connect(messages, &MessageStore::messagesUpdated, this, refreshFlow);
        m_link.connect(messages, &MessageStore::messagesRemoved, this, refreshFlow);
        m_link.connect(
            &m_cache->contacts(), &ContactStore::contactsChanged, this, [this](Contact::Kind kind) {
                if (kind == Contact::Kind::Blocked)
                    onBlockedChanged();
            });
        m_link.connect(&m_cache->settings(), &SettingsStore::valueChanged, this,
            &FlowListModel::onSettingChanged);
        m_link.connect(
            &m_cache->users(), &UserStore::usersChanged, this, &FlowListModel::onUsersChanged);
        m_link.connect(&m_cache->users(), &UserStore::ownUserChanged, this, [this] {
            m_ownUserId = m_cache->users().ownUserId();
            // Unread counts and blocked chats both depend on who we are.
            const QStringList ids = m_rowById.keys();
            for (const QString &id : ids)
                refresh(id);
        });
        m_link.watch(*m_cache, this, [this] { dropCache(); });
    }
    endResetModel();
}

void FlowListModel::dropCache()
{
    setCache(nullptr);
}

int FlowListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant FlowListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return row.flow.title;
    case FlowIdRole:
        return row.flow.id;
    case TypeRole:
        return int(row.flow.type);
    case InfoRole:
        return row.flow.info;
    case LastMessageTextRole:
        return row.last && !row.last->deleted ? row.last->text : QString();
    case LastMessageTimeRole:
        return localTime(row.last ? row.last->time : 0);
    case LastMessageAuthorRole:
        return row.lastAuthor;
    case PhotoRole:
        return row.flow.photo;
    case LastMessageIsOwnRole:
        return row.last && !m_ownUserId.isEmpty() && row.last->fromId == m_ownUserId;
    case UnreadCountRole:
        return row.unread;
    case InitialsRole:
        return initials(row.flow.title, row.flow.id);
    case AvatarHueRole:
        return avatarHue(row.flow.id);
    case MutedRole:
        return row.muted;
    case BlockedRole:
        return row.blocked;
    case ActivityRole:
        return localTime(row.activity());
    default:
        return {};
    }
}

QHash<int, QByteArray> FlowListModel::roleNames() const
{
    return {
        { Qt::DisplayRole, "display" },
        { FlowIdRole, "flowId" },
        { TitleRole, "title" },
        { TypeRole, "type" },
        { InfoRole, "info" },
        { LastMessageTextRole, "lastMessageText" },
        { LastMessageTimeRole, "lastMessageTime" },
        { LastMessageAuthorRole, "lastMessageAuthor" },
        { LastMessageIsOwnRole, "lastMessageIsOwn" },
        { PhotoRole, "photo" },
        { UnreadCountRole, "unreadCount" },
        { InitialsRole, "initials" },
        { AvatarHueRole, "avatarHue" },
        { MutedRole, "muted" },
        { BlockedRole, "blocked" },
        { ActivityRole, "activity" },
    };
}

std::optional<FlowListModel::Row> FlowListModel::readRow(const QString &flowId) const
{
    auto flow = m_cache->flows().flow(flowId);
    if (!flow)
        return std::nullopt;
    return makeRow(std::move(*flow));
}

FlowListModel::Row FlowListModel::makeRow(Flow flow) const
{
    const QString flowId = flow.id;
    Row row;
    row.flow = std::move(flow);
    row.last = m_cache->flows().lastMessage(flowId);
    row.lastAuthor = row.last ? authorName(*row.last) : QString();
    row.unread = m_cache->flows().unreadCount(flowId);
    row.muted = m_cache->settings().value(mutedKey(flowId)) == QLatin1String("1");
    row.blocked = isBlockedChat(row.flow);
    return row;
}

QString FlowListModel::authorName(const Message &message) const
{
    if (!message.fromName.isEmpty())
        return message.fromName;
    if (message.fromId.isEmpty())
        return {};
    const auto user = m_cache->users().user(message.fromId);
    return user ? user->displayName() : message.fromId;
}

bool FlowListModel::isBlockedChat(const Flow &flow) const
{
    if (flow.type != Flow::Type::Chat || m_blocked.isEmpty())
        return false;
    return std::any_of(flow.members.cbegin(), flow.members.cend(),
        [this](const QString &id) { return id != m_ownUserId && m_blocked.contains(id); });
}

void FlowListModel::refresh(const QString &flowId)
{
    if (!m_cache)
        return;
    std::optional<Row> fresh = readRow(flowId);
    const int at = rowOf(flowId);
    if (!fresh) {
        if (at >= 0)
            removeFlow(flowId);
        return;
    }
    if (at < 0) {
        insertRow(std::move(*fresh));
        return;
    }
    Row &row = m_rows[at];
    QList<int> roles;
    if (row.flow.title != fresh->flow.title)
        roles << Qt::DisplayRole << TitleRole << InitialsRole;
    if (row.flow.type != fresh->flow.type)
        roles << TypeRole;
    if (row.flow.info != fresh->flow.info)
        roles << InfoRole;
    if (row.flow.photo != fresh->flow.photo)
        roles << PhotoRole;
    const auto text
        = [](const Row &r) { return r.last && !r.last->deleted ? r.last->text : QString(); };
    if (text(row) != text(*fresh))
        roles << LastMessageTextRole;
    if ((row.last ? row.last->time : 0) != (fresh->last ? fresh->last->time : 0))
        roles << LastMessageTimeRole;
    if (row.lastAuthor != fresh->lastAuthor)
        roles << LastMessageAuthorRole;
    if ((row.last ? row.last->fromId : QString())
        != (fresh->last ? fresh->last->fromId : QString()))
        roles << LastMessageIsOwnRole;
    if (row.unread != fresh->unread)
        roles << UnreadCountRole;
    if (row.muted != fresh->muted)
        roles << MutedRole;
    if (row.blocked != fresh->blocked)
        roles << BlockedRole;
    if (row.activity() != fresh->activity())
        roles << ActivityRole;
    row = std::move(*fresh);
    if (!roles.isEmpty())
        emitChanged(at, roles);
    if (roles.contains(ActivityRole))
        reposition(at);
}

void FlowListModel::insertRow(Row row)
{
    const int at = positionFor(row);
    beginInsertRows({}, at, at);
    m_rows.insert(at, std::move(row));
    reindex(at, int(m_rows.size()) - 1);
    endInsertRows();
}

void FlowListModel::removeFlow(const QString &flowId)
{
    const int at = rowOf(flowId);
    if (at < 0)
        return;
    beginRemoveRows({}, at, at);
    m_rows.removeAt(at);
    m_rowById.remove(flowId);
    reindex(at, int(m_rows.size()) - 1);
    endRemoveRows();
}

void FlowListModel::reposition(int from)
{
    const int to = positionFor(m_rows.at(from), from);
    if (to == from)
        return;
    // beginMoveRows names the destination in the list before the move.
    beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    m_rows.move(from, to);
    reindex(std::min(from, to), std::max(from, to));
    endMoveRows();
}

int FlowListModel::positionFor(const Row &row, int skip) const
{
    const qint64 activity = row.activity();
    int position = 0;
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (i == skip)
            continue;
        const Row &other = m_rows.at(i);
        const bool otherFirst = other.activity() > activity
            || (other.activity() == activity && other.flow.id < row.flow.id);
        if (!otherFirst)
            break;
        ++position;
    }
    return position;
}

void FlowListModel::reindex(int from, int to)
{
    for (int i = std::max(from, 0); i <= to && i < int(m_rows.size()); ++i)
        m_rowById.insert(m_rows.at(i).flow.id, i);
}

void FlowListModel::emitChanged(int row, const QList<int> &roles)
{
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at, roles);
}

void FlowListModel::onBlockedChanged()
{
    const QStringList blocked = m_cache->contacts().blockedUserIds();
    m_blocked = QSet<QString>(blocked.cbegin(), blocked.cend());
    for (int i = 0; i < int(m_rows.size()); ++i) {
        Row &row = m_rows[i];
        const bool isBlocked = isBlockedChat(row.flow);
        if (isBlocked != row.blocked) {
            row.blocked = isBlocked;
            emitChanged(i, { BlockedRole });
        }
    }
}

void FlowListModel::onSettingChanged(const QString &key)
{
    if (!key.startsWith(QLatin1String("muted/")))
        return;
    const int at = rowOf(key.mid(6));
    if (at < 0)
        return;
    Row &row = m_rows[at];
    const bool muted = m_cache->settings().value(key) == QLatin1String("1");
    if (muted != row.muted) {
        row.muted = muted;
        emitChanged(at, { MutedRole });
    }
}

void FlowListModel::onUsersChanged(const QStringList &ids)
{
    const QSet<QString> changed(ids.cbegin(), ids.cend());
    for (int i = 0; i < int(m_rows.size()); ++i) {
        Row &row = m_rows[i];
        if (!row.last || !changed.contains(row.last->fromId))
            continue;
        const QString name = authorName(*row.last);
        if (name != row.lastAuthor) {
            row.lastAuthor = name;
            emitChanged(i, { LastMessageAuthorRole });
        }
    }
}

} // namespace Natter
