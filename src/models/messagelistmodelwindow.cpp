// SPDX-License-Identifier: GPL-3.0-or-later
// MessageListModel: the window of loaded messages, paged at both ends.
#include "messagelistmodel.h"
#include "session/accountcache.h"

#include <QScopedValueRollback>

#include <algorithm>

namespace Natter {

void MessageListModel::setWindowSize(int messages)
{
    m_windowSize = std::max(messages, 3 * PageSize);
}

void MessageListModel::loadRows(const QList<Message> &messages)
{
    for (const Message &message : messages) {
        Row row = makeRow(message, ++m_lastSeq);
        (isHidden(message) ? m_hidden : m_rows).append(std::move(row));
    }
    reindex(0);
    resetOldestCursor();
    resetNewestCursor();
}

bool MessageListModel::isLoaded(const QString &key) const
{
    return rowOf(key) >= 0
        || std::any_of(m_hidden.cbegin(), m_hidden.cend(),
            [&key](const Row &row) { return row.key() == key; });
}

void MessageListModel::resetOldestCursor()
{
    const Row *oldest = m_rows.isEmpty() ? nullptr : &m_rows.first();
    if (!m_hidden.isEmpty() && (!oldest || m_hidden.first() < *oldest))
        oldest = &m_hidden.first();
    if (oldest) {
        m_oldestTime = oldest->message.time;
        m_oldestKey = oldest->key();
    }
}

void MessageListModel::resetNewestCursor()
{
    const Row *newest = m_rows.isEmpty() ? nullptr : &m_rows.last();
    if (!m_hidden.isEmpty() && (!newest || *newest < m_hidden.last()))
        newest = &m_hidden.last();
    if (newest) {
        m_newestTime = newest->message.time;
        m_newestKey = newest->key();
    }
}

bool MessageListModel::canFetchNewer() const
{
    return !m_flowId.isEmpty() && !m_busy && !m_atNewest;
}

void MessageListModel::fetchNewer()
{
    if (!canFetchNewer())
        return;
    const QScopedValueRollback<bool> busy(m_busy, true);
    const QList<Message> page
        = m_cache->messages().after(m_flowId, m_newestTime, m_newestKey, PageSize);
    m_atNewest = page.size() < PageSize;
    QList<Row> shown;
    for (const Message &message : page) {
        if (isLoaded(messageKey(message)))
            continue;
        Row row = makeRow(message, ++m_lastSeq);
        (isHidden(message) ? m_hidden : shown).append(std::move(row));
    }
    if (!page.isEmpty()) {
        m_newestTime = page.last().time;
        m_newestKey = messageKey(page.last());
    }
    insertSorted(std::move(shown));
    trimOldest();
}

void MessageListModel::showNewest()
{
    if (!m_atNewest && !m_flowId.isEmpty())
        setFlow(QString(m_flowId));
}

bool MessageListModel::showAround(const QString &key)
{
    if (rowOf(key) >= 0)
        return true;
    if (!m_cache || m_flowId.isEmpty() || key.isEmpty())
        return false;
    const auto message = m_cache->messages().message(key);
    if (!message || message->flowId != m_flowId || isHidden(*message))
        return false;
    const QScopedValueRollback<bool> busy(m_busy, true);
    const int reach = 2 * PageSize;
    const QList<Message> older = m_cache->messages().before(m_flowId, message->time, key, reach);
    const QList<Message> newer = m_cache->messages().after(m_flowId, message->time, key, reach);
    beginResetModel();
    clearRows();
    m_cacheExhausted = older.size() < reach;
    loadRows(older + QList<Message> { *message } + newer);
    m_atNewest = newer.size() < reach;
    endResetModel();
    return rowOf(key) >= 0;
}

void MessageListModel::trimNewest()
{
    qsizetype excess = m_rows.size() + m_hidden.size() - m_windowSize;
    if (excess <= 0)
        return;
    // Walk back from the newest end of both lists, dropping whichever row is newer.
    qsizetype shown = m_rows.size();
    qsizetype hidden = m_hidden.size();
    for (; excess > 0; --excess) {
        if (hidden == 0 || (shown > 0 && m_hidden.at(hidden - 1) < m_rows.at(shown - 1)))
            --shown;
        else
            --hidden;
    }
    m_hidden.resize(hidden);
    if (shown < m_rows.size()) {
        beginRemoveRows({}, int(shown), int(m_rows.size()) - 1);
        for (qsizetype i = shown; i < m_rows.size(); ++i)
            m_rowByKey.remove(m_rows.at(i).key());
        m_rows.resize(shown);
        endRemoveRows();
    }
    m_atNewest = false;
    resetNewestCursor();
}

void MessageListModel::trimOldest()
{
    qsizetype excess = m_rows.size() + m_hidden.size() - m_windowSize;
    if (excess <= 0)
        return;
    const QScopedValueRollback<bool> busy(m_busy, true);
    // Walk forward from the oldest end of both lists, dropping whichever row is older.
    qsizetype shown = 0;
    qsizetype hidden = 0;
    for (; excess > 0; --excess) {
        if (hidden == m_hidden.size()
            || (shown < m_rows.size() && m_rows.at(shown) < m_hidden.at(hidden)))
            ++shown;
        else
            ++hidden;
    }
    m_hidden.remove(0, hidden);
    if (shown > 0) {
        beginRemoveRows({}, 0, int(shown) - 1);
        for (qsizetype i = 0; i < shown; ++i)
            m_rowByKey.remove(m_rows.at(i).key());
        m_rows.remove(0, shown);
        reindex(0);
        endRemoveRows();
        neighbourChanged(0); // it lost the row above: a date pill and author line may appear
    }
    m_cacheExhausted = false;
    m_serverAsked = false;
    resetOldestCursor();
}

} // namespace Natter
