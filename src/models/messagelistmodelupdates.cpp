// SPDX-License-Identifier: GPL-3.0-or-later
// MessageListModel: following the stores once a flow is shown.
#include "messagelistmodel.h"
#include "session/accountcache.h"

#include <QScopedValueRollback>

#include <algorithm>

namespace Natter {

void MessageListModel::onInserted(const QString &flowId, const QStringList &keys)
{
    if (flowId != m_flowId || m_flowId.isEmpty())
        return;
    const QScopedValueRollback<bool> busy(m_busy, true);
    const bool anyLoaded = !m_rows.isEmpty() || !m_hidden.isEmpty();
    QList<Message> older;
    QList<Message> newer;
    int pastWindow = 0;
    bool ownPastWindow = false;
    for (const QString &key : keys) {
        if (isLoaded(key))
            continue;
        const auto message = m_cache->messages().message(key);
        if (!message || message->flowId != m_flowId)
            continue;
        if (!m_atNewest && anyLoaded && message->time >= m_newestTime) {
            // Past the newest loaded message: fetchNewer() brings it in order.
            if (message->fromId.isEmpty() || message->fromId != m_ownUserId)
                ++pastWindow;
            else if (message->id.isEmpty())
                ownPastWindow = true; // a local echo: sent from here just now
            continue;
        }
        if (anyLoaded && message->time < m_oldestTime) {
            // Older than what is loaded: a page will bring it, unless paging reached the end
            // (server history the session fetched on olderHistoryWanted).
            if (m_cacheExhausted)
                older.append(*message);
            continue;
        }
        newer.append(*message);
    }
    const auto byTime = [](const Message &a, const Message &b) { return a.time < b.time; };
    std::stable_sort(older.begin(), older.end(), byTime);
    std::stable_sort(newer.begin(), newer.end(), byTime);

    QList<Row> shown;
    const auto place = [&](const Message &message, qint64 seq) {
        Row row = makeRow(message, seq);
        if (isHidden(message))
            m_hidden.insert(std::upper_bound(m_hidden.begin(), m_hidden.end(), row), row);
        else
            shown.append(std::move(row));
    };
    m_firstSeq -= older.size();
    for (qsizetype i = 0; i < older.size(); ++i)
        place(older.at(i), m_firstSeq + i);
    for (const Message &message : std::as_const(newer))
        place(message, ++m_lastSeq);
    const Message *oldest = !older.isEmpty() ? &older.first()
        : (!anyLoaded && !newer.isEmpty())   ? &newer.first()
                                             : nullptr;
    if (oldest) {
        m_oldestTime = oldest->time;
        m_oldestKey = messageKey(*oldest);
    }
    // Older history arrived: the next fetchMore() may ask the server for more.
    if (!older.isEmpty())
        m_serverAsked = false;
    insertSorted(std::move(shown));
    if (!older.isEmpty())
        trimNewest(); // the view is paging up: let go of the far end
    else if (m_atNewest)
        resetNewestCursor();
    if (ownPastWindow) {
        // We sent something while reading old history: show it, as the view jumps to it. (Our
        // messages from other devices are only past the window, like anyone's.)
        showNewest();
        return;
    }
    if (pastWindow > 0)
        Q_EMIT newerArrived(pastWindow);
}

QList<int> MessageListModel::reread(Row &row, const Message &message) const
{
    Row fresh = makeRow(message, row.seq);
    fresh.sortTime = row.sortTime; // the row stays where it is
    const Message &a = row.message;
    const Message &b = fresh.message;
    QList<int> roles;
    if (row.key() != fresh.key())
        roles << MessageKeyRole;
    if (a.id != b.id)
        roles << ServerIdRole;
    if (a.fromId != b.fromId)
        roles << FromIdRole << IsOwnRole << ShowAuthorRole;
    if (a.fromId != b.fromId || a.fromName != b.fromName)
        roles << FromNameRole;
    if (a.text != b.text)
        roles << Qt::DisplayRole << TextRole;
    if (a.time != b.time)
        roles << TimeRole << DateSeparatorRole << ShowAuthorRole;
    if (a.edited != b.edited || a.editedTime != b.editedTime)
        roles << EditedRole;
    if (a.deleted != b.deleted)
        roles << DeletedRole;
    if (row.state != fresh.state)
        roles << DeliveryStateRole;
    if (row.failReason != fresh.failReason)
        roles << FailReasonRole;
    if (a.replyTo != b.replyTo)
        roles << ReplyToRole;
    if (row.attachments != fresh.attachments)
        roles << AttachmentsRole;
    std::sort(roles.begin(), roles.end());
    roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    row = std::move(fresh);
    return roles;
}

void MessageListModel::onUpdated(const QString &flowId, const QStringList &keys)
{
    if (flowId != m_flowId || m_flowId.isEmpty())
        return;
    const QScopedValueRollback<bool> busy(m_busy, true);
    for (const QString &key : keys) {
        const int at = rowOf(key);
        const auto hidden = std::find_if(
            m_hidden.begin(), m_hidden.end(), [&key](const Row &row) { return row.key() == key; });
        if (at < 0 && hidden == m_hidden.end())
            continue;
        const auto message = m_cache->messages().message(key);
        if (!message)
            continue;
        if (key == m_oldestKey)
            m_oldestTime = message->time;
        if (key == m_newestKey)
            m_newestTime = message->time;
        if (at < 0) {
            reread(*hidden, *message);
            continue;
        }
        const QList<int> roles = reread(m_rows[at], *message);
        if (roles.isEmpty())
            continue;
        Q_EMIT dataChanged(index(at), index(at), roles);
        if (roles.contains(TimeRole) || roles.contains(FromIdRole))
            neighbourChanged(at + 1);
    }
}

void MessageListModel::onRemoved(const QString &flowId, const QStringList &keys)
{
    if (flowId != m_flowId || m_flowId.isEmpty())
        return;
    const QScopedValueRollback<bool> busy(m_busy, true);
    const QSet<QString> gone(keys.cbegin(), keys.cend());
    m_hidden.removeIf([&gone](const Row &row) { return gone.contains(row.key()); });
    QList<int> rows;
    for (const QString &key : keys) {
        if (const int at = rowOf(key); at >= 0)
            rows.append(at);
    }
    removeShown(rows);
    const bool nothingLoaded = m_rows.isEmpty() && m_hidden.isEmpty();
    // A page cursor was removed: continue from the message still loaded at that end. With
    // nothing loaded and no key, before() / after() take what is strictly older / newer than
    // the time, and what had this very time and was loaded is gone.
    if (gone.contains(m_oldestKey)) {
        resetOldestCursor();
        if (nothingLoaded) {
            m_oldestTime += 1;
            m_oldestKey.clear();
        }
    }
    if (gone.contains(m_newestKey)) {
        resetNewestCursor();
        if (nothingLoaded) {
            m_newestTime -= 1;
            m_newestKey.clear();
        }
    }
}

void MessageListModel::onKeyChanged(
    const QString &flowId, const QString &oldKey, const QString &newKey)
{
    if (flowId != m_flowId || m_flowId.isEmpty())
        return;
    if (rowOf(newKey) >= 0) {
        // Both copies are shown: keep the server's (the store merges them the same way).
        onRemoved(flowId, { oldKey });
        return;
    }
    const QScopedValueRollback<bool> busy(m_busy, true);
    if (m_oldestKey == oldKey)
        m_oldestKey = newKey;
    if (m_newestKey == oldKey)
        m_newestKey = newKey;
    const auto message = m_cache->messages().message(newKey);
    if (!message)
        return;
    if (m_oldestKey == newKey)
        m_oldestTime = message->time;
    if (m_newestKey == newKey)
        m_newestTime = message->time;
    const auto hidden = std::find_if(m_hidden.begin(), m_hidden.end(),
        [&oldKey](const Row &row) { return row.key() == oldKey; });
    if (hidden != m_hidden.end()) {
        reread(*hidden, *message);
        return;
    }
    const int at = m_rowByKey.value(oldKey, -1);
    if (at < 0)
        return;
    // Same row, new key: a remove and insert would make the echo jump in the view.
    m_rowByKey.remove(oldKey);
    m_rowByKey.insert(newKey, at);
    const QList<int> roles = reread(m_rows[at], *message);
    Q_EMIT dataChanged(index(at), index(at), roles);
    if (roles.contains(TimeRole))
        neighbourChanged(at + 1);
}

void MessageListModel::onBlockedChanged()
{
    if (!m_cache)
        return;
    const QScopedValueRollback<bool> busy(m_busy, true);
    const QStringList blocked = m_cache->contacts().blockedUserIds();
    m_blocked = QSet<QString>(blocked.cbegin(), blocked.cend());
    QList<int> toHide;
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (isHidden(m_rows.at(i).message))
            toHide.append(i);
    }
    QList<Row> toShow;
    m_hidden.removeIf([&](const Row &row) {
        if (isHidden(row.message))
            return false;
        toShow.append(row);
        return true;
    });
    for (Row &row : removeShown(toHide))
        m_hidden.insert(std::upper_bound(m_hidden.begin(), m_hidden.end(), row), std::move(row));
    insertSorted(std::move(toShow));
}

void MessageListModel::onUsersChanged(const QStringList &ids)
{
    const QScopedValueRollback<bool> busy(m_busy, true);
    const QSet<QString> changed(ids.cbegin(), ids.cend());
    for (const QString &id : ids)
        m_names.remove(id);
    for (int i = 0; i < int(m_rows.size()); ++i) {
        const Message &message = m_rows.at(i).message;
        if (message.fromName.isEmpty() && changed.contains(message.fromId))
            Q_EMIT dataChanged(index(i), index(i), { FromNameRole });
    }
}

} // namespace Natter
