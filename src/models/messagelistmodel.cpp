// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagelistmodel.h"

#include "session/accountcache.h"

#include <QDateTime>
#include <QScopedValueRollback>

#include <algorithm>

namespace Natter {

namespace {

QDate localDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).date();
}

} // namespace

MessageListModel::MessageListModel(QObject *parent) : QAbstractListModel(parent) { }

MessageListModel::~MessageListModel() = default;

void MessageListModel::setCache(AccountCache *cache)
{
    const QScopedValueRollback<bool> busy(m_busy, true);
    beginResetModel();
    m_link.clear();
    clearRows();
    m_flowId.clear();
    m_blocked.clear();
    m_ownUserId.clear();
    m_cache = cache && cache->isOpen() ? cache : nullptr;
    if (m_cache) {
        const QStringList blocked = m_cache->contacts().blockedUserIds();
        m_blocked = QSet<QString>(blocked.cbegin(), blocked.cend());
        m_ownUserId = m_cache->users().ownUserId();
        MessageStore *messages = &m_cache->messages();
        m_link.connect(
            messages, &MessageStore::messagesInserted, this, &MessageListModel::onInserted);
        m_link.connect(
            messages, &MessageStore::messagesUpdated, this, &MessageListModel::onUpdated);
        m_link.connect(
            messages, &MessageStore::messagesRemoved, this, &MessageListModel::onRemoved);
        m_link.connect(
            messages, &MessageStore::messageKeyChanged, this, &MessageListModel::onKeyChanged);
        m_link.connect(
            &m_cache->contacts(), &ContactStore::contactsChanged, this, [this](Contact::Kind kind) {
                if (kind == Contact::Kind::Blocked)
                    onBlockedChanged();
            });
        m_link.connect(
            &m_cache->users(), &UserStore::usersChanged, this, &MessageListModel::onUsersChanged);
        m_link.connect(&m_cache->users(), &UserStore::ownUserChanged, this, [this] {
            const QScopedValueRollback<bool> busy(m_busy, true);
            m_ownUserId = m_cache->users().ownUserId();
            m_names.clear();
            if (!m_rows.isEmpty())
                Q_EMIT dataChanged(
                    index(0), index(int(m_rows.size()) - 1), { IsOwnRole, FromNameRole });
            onBlockedChanged(); // our own messages are never hidden
        });
        m_link.watch(*m_cache, this, [this] { setCache(nullptr); });
    }
    endResetModel();
}

void MessageListModel::clearRows()
{
    m_rows.clear();
    m_rowByKey.clear();
    m_hidden.clear();
    m_names.clear();
    m_oldestTime = 0;
    m_oldestKey.clear();
    m_firstSeq = 0;
    m_lastSeq = -1;
    m_cacheExhausted = false;
    m_serverAsked = false;
    m_newestTime = 0;
    m_newestKey.clear();
    m_atNewest = true;
}

void MessageListModel::setFlow(const QString &flowId)
{
    const QScopedValueRollback<bool> busy(m_busy, true);
    beginResetModel();
    clearRows();
    m_flowId = m_cache ? flowId : QString();
    if (!m_flowId.isEmpty()) {
        const QList<Message> page = m_cache->messages().newest(m_flowId, PageSize);
        m_cacheExhausted = page.size() < PageSize;
        loadRows(page);
    }
    endResetModel();
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

bool MessageListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_flowId.isEmpty() && !m_busy
        && (!m_cacheExhausted || !m_serverAsked);
}

void MessageListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const QScopedValueRollback<bool> busy(m_busy, true);
    if (!m_cacheExhausted) {
        const QList<Message> page
            = m_cache->messages().before(m_flowId, m_oldestTime, m_oldestKey, PageSize);
        m_cacheExhausted = page.size() < PageSize;
        if (!page.isEmpty()) {
            m_oldestTime = page.first().time;
            m_oldestKey = messageKey(page.first());
            m_firstSeq -= page.size();
            QList<Row> shown;
            QList<Row> hidden;
            for (qsizetype i = 0; i < page.size(); ++i) {
                const Message &message = page.at(i);
                (isHidden(message) ? hidden : shown).append(makeRow(message, m_firstSeq + i));
            }
            m_hidden = hidden + m_hidden;
            insertSorted(std::move(shown));
            trimNewest();
        }
        if (!m_cacheExhausted)
            return;
    }
    m_serverAsked = true;
    Q_EMIT olderHistoryWanted(m_flowId);
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Message &message = row.message;
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return message.text;
    case MessageKeyRole:
        return row.key();
    case ServerIdRole:
        return message.id;
    case FromIdRole:
        return message.fromId;
    case FromNameRole:
        return authorName(message);
    case TimeRole:
        return QDateTime::fromMSecsSinceEpoch(message.time);
    case EditedRole:
        return message.edited;
    case DeletedRole:
        return message.deleted;
    case IsOwnRole:
        return !m_ownUserId.isEmpty() && message.fromId == m_ownUserId;
    case DeliveryStateRole:
        return int(row.state);
    case FailReasonRole:
        return row.failReason;
    case ReplyToRole:
        return message.replyTo;
    case AttachmentsRole:
        return row.attachments;
    case DateSeparatorRole: {
        const Message *previous = previousShown(index.row());
        return !previous || localDate(previous->time) != localDate(message.time);
    }
    case ShowAuthorRole: {
        const Message *previous = previousShown(index.row());
        return !previous || previous->fromId != message.fromId
            || message.time - previous->time > RunGapMs
            || localDate(previous->time) != localDate(message.time);
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return {
        { Qt::DisplayRole, "display" },
        { MessageKeyRole, "messageKey" },
        { ServerIdRole, "serverId" },
        { FromIdRole, "fromId" },
        { FromNameRole, "fromName" },
        { TextRole, "text" },
        { TimeRole, "time" },
        { EditedRole, "edited" },
        { DeletedRole, "deleted" },
        { IsOwnRole, "isOwn" },
        { DeliveryStateRole, "deliveryState" },
        { FailReasonRole, "failReason" },
        { ReplyToRole, "replyTo" },
        { AttachmentsRole, "attachments" },
        { DateSeparatorRole, "dateSeparator" },
        { ShowAuthorRole, "showAuthor" },
    };
}

MessageListModel::Row MessageListModel::makeRow(const Message &message, qint64 seq) const
{
    Row row;
    row.message = message;
    // Messages from the server are always Sent: only local echoes need the lookup.
    if (message.id.isEmpty())
        row.state = m_cache->messages().deliveryState(row.key(), &row.failReason);
    row.attachments = attachmentList(message);
    row.sortTime = message.time;
    row.seq = seq;
    return row;
}

QString MessageListModel::authorName(const Message &message) const
{
    if (!message.fromName.isEmpty() || message.fromId.isEmpty() || !m_cache)
        return message.fromName;
    auto it = m_names.constFind(message.fromId);
    if (it == m_names.constEnd()) {
        const auto user = m_cache->users().user(message.fromId);
        it = m_names.insert(message.fromId, user ? user->displayName() : message.fromId);
    }
    return *it;
}

QVariantList MessageListModel::attachmentList(const Message &message) const
{
    QVariantList list;
    const QString key = messageKey(message);
    for (qsizetype i = 0; i < message.attachments.size(); ++i) {
        const Attachment &a = message.attachments.at(i);
        list.append(QVariantMap {
            { QStringLiteral("index"), int(i) },
            { QStringLiteral("kind"), attachmentKindName(a.kind) },
            { QStringLiteral("name"), a.name },
            { QStringLiteral("mime"), a.mime },
            { QStringLiteral("size"), a.size },
            { QStringLiteral("path"), m_cache->messages().attachmentPath(key, int(i)) },
        });
    }
    return list;
}

bool MessageListModel::isHidden(const Message &message) const
{
    return !message.fromId.isEmpty() && message.fromId != m_ownUserId
        && m_blocked.contains(message.fromId);
}

const Message *MessageListModel::previousShown(int row) const
{
    return row > 0 ? &m_rows.at(row - 1).message : nullptr;
}

void MessageListModel::insertSorted(QList<Row> rows)
{
    if (rows.isEmpty())
        return;
    // Where each new row goes among the rows shown now; equal positions form one insert.
    QList<int> positions;
    positions.reserve(rows.size());
    for (const Row &row : std::as_const(rows))
        positions.append(
            int(std::upper_bound(m_rows.cbegin(), m_rows.cend(), row) - m_rows.cbegin()));
    QSet<QString> inserted;
    qsizetype end = rows.size();
    while (end > 0) {
        // Last run first, so the positions of earlier runs stay valid.
        qsizetype begin = end - 1;
        while (begin > 0 && positions.at(begin - 1) == positions.at(end - 1))
            --begin;
        const int at = positions.at(end - 1);
        beginInsertRows({}, at, at + int(end - begin) - 1);
        for (qsizetype i = begin; i < end; ++i) {
            inserted.insert(rows.at(i).key());
            m_rows.insert(at + (i - begin), std::move(rows[i]));
        }
        reindex(at);
        endInsertRows();
        end = begin;
    }
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (inserted.contains(m_rows.at(i).key()) && i + 1 < int(m_rows.size())
            && !inserted.contains(m_rows.at(i + 1).key()))
            neighbourChanged(i + 1);
    }
}

QList<MessageListModel::Row> MessageListModel::removeShown(QList<int> rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QList<Row> removed;
    QStringList neighbours;
    qsizetype end = rows.size();
    while (end > 0) {
        qsizetype begin = end - 1;
        while (begin > 0 && rows.at(begin - 1) == rows.at(begin) - 1)
            --begin;
        const int first = rows.at(begin);
        const int last = rows.at(end - 1);
        if (last + 1 < int(m_rows.size()))
            neighbours.append(m_rows.at(last + 1).key());
        beginRemoveRows({}, first, last);
        QList<Row> run(m_rows.cbegin() + first, m_rows.cbegin() + last + 1);
        m_rows.remove(first, last - first + 1);
        for (const Row &row : std::as_const(run))
            m_rowByKey.remove(row.key());
        reindex(first);
        endRemoveRows();
        removed = run + removed;
        end = begin;
    }
    for (const QString &key : std::as_const(neighbours))
        neighbourChanged(rowOf(key));
    return removed;
}

void MessageListModel::neighbourChanged(int row)
{
    if (row < 0 || row >= int(m_rows.size()))
        return;
    Q_EMIT dataChanged(index(row), index(row), { DateSeparatorRole, ShowAuthorRole });
}

void MessageListModel::reindex(int from)
{
    for (int i = std::max(from, 0); i < int(m_rows.size()); ++i)
        m_rowByKey.insert(m_rows.at(i).key(), i);
}

} // namespace Natter
