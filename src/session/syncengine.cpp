// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncengine.h"

#include "accountcache.h"
#include "core/logging.h"

#include <algorithm>

namespace Natter {

SyncEngine::SyncEngine(ProtocolClient &client, AccountCache &cache, QObject *parent)
    : QObject(parent), m_client(client), m_cache(cache)
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &SyncEngine::pollNow);
    connect(&m_client, &ProtocolClient::requestFinished, this, &SyncEngine::onFinished);
    connect(&m_client, &ProtocolClient::requestFailed, this, &SyncEngine::onFailed);
    connect(&m_client, &ProtocolClient::messagesReceived, this, &SyncEngine::noteReceived);
    // What a poll brought is what changed in the cache: servers whose "since" is inclusive send
    // the newest message again every time, and storing it again changes nothing.
    const auto count
        = [this](const QString &, const QStringList &keys) { m_changes += int(keys.size()); };
    connect(&m_cache.messages(), &MessageStore::messagesInserted, this, count);
    connect(&m_cache.messages(), &MessageStore::messagesUpdated, this, count);
}

void SyncEngine::setIntervals(int openMs, int idleMinMs, int idleMaxMs)
{
    m_openMs = std::max(50, openMs);
    m_idleMinMs = std::max(50, idleMinMs);
    m_idleMaxMs = std::max(m_idleMinMs, idleMaxMs);
    m_interval = m_flowOpen ? m_openMs : m_idleMinMs;
}

void SyncEngine::start()
{
    stop();
    m_syncing = true;
    m_syncNewest = 0;
    m_done = 0;
    m_total = 1;
    Q_EMIT progress(0, m_total);
    m_inFlight.insert(m_client.fetchFlows(), Step::Flows);
}

void SyncEngine::stop()
{
    m_pollTimer.stop();
    m_inFlight.clear();
    m_received.clear();
    m_flowQueue.clear();
    m_syncing = false;
}

void SyncEngine::setFlowOpen(bool open)
{
    m_flowOpen = open;
    m_interval = open ? m_openMs : m_idleMinMs;
    if (!m_syncing && m_pollTimer.isActive())
        m_pollTimer.start(std::min(m_pollTimer.remainingTime(), m_interval));
}

void SyncEngine::pollNow()
{
    if (m_syncing)
        return;
    for (Step step : std::as_const(m_inFlight))
        if (step == Step::Poll)
            return; // one poll at a time
    m_pollTimer.stop();
    const RequestId id = m_client.fetchUpdates(m_cache.syncState().globalCursor());
    m_inFlight.insert(id, Step::Poll);
    m_pollStartChanges = m_changes;
}

void SyncEngine::fetchNextFlows()
{
    int running = 0;
    for (Step step : std::as_const(m_inFlight))
        running += step == Step::Messages;
    while (running < kParallelFlows && !m_flowQueue.isEmpty()) {
        const QString flowId = m_flowQueue.takeFirst();
        // Since what the last fetch of this flow proved; a flow this engine never fetched (a
        // cache from before it recorded that) starts from its newest server message.
        qint64 since = m_cache.syncState().state(flowId).newestServerTime;
        if (since == 0)
            since = m_cache.messages().newestServerTime(flowId);
        const RequestId id = m_client.fetchMessages(flowId, since);
        m_inFlight.insert(id, Step::Messages);
        // Once the fetch ends the flow is complete up to `since` at least; 1 marks "fetched"
        // for a flow that is still empty.
        m_received[id][flowId] = std::max<qint64>(since, 1);
        ++running;
    }
    if (running == 0 && m_syncing) {
        m_syncing = false;
        // Flows were fetched one after another: a message that reached a flow fetched early
        // may be older than the newest one a later fetch brought. So polls keep the cursor the
        // last poll proved (and fetch this sync's gap again); only a first sync sets it.
        if (m_cache.syncState().globalCursor() == 0 && m_syncNewest > 0)
            m_cache.syncState().setGlobalCursor(m_syncNewest);
        Q_EMIT synced();
        schedulePoll();
    }
}

void SyncEngine::onFinished(RequestId id)
{
    const auto it = m_inFlight.constFind(id);
    if (it == m_inFlight.constEnd())
        return;
    const Step step = it.value();
    m_inFlight.erase(it);
    const qint64 received = commitReceived(id);
    switch (step) {
    case Step::Flows: {
        // The Session stored the flows as they arrived; sync each one's messages.
        for (const Flow &flow : m_cache.flows().flows())
            m_flowQueue << flow.id;
        m_total = 1 + int(m_flowQueue.size());
        m_done = 1;
        Q_EMIT progress(m_done, m_total);
        fetchNextFlows();
        break;
    }
    case Step::Messages:
        m_syncNewest = std::max(m_syncNewest, received);
        Q_EMIT progress(++m_done, m_total);
        fetchNextFlows();
        break;
    case Step::Poll: {
        const int changed = m_changes - m_pollStartChanges;
        if (received > m_cache.syncState().globalCursor())
            m_cache.syncState().setGlobalCursor(received);
        // Back off while nothing happens; come back to the quick pace on activity.
        if (m_flowOpen)
            m_interval = m_openMs;
        else if (changed > 0)
            m_interval = m_idleMinMs;
        else
            m_interval = std::min(m_idleMaxMs, m_interval * 2);
        Q_EMIT polled(changed);
        schedulePoll();
        break;
    }
    }
}

void SyncEngine::onFailed(RequestId id, const Error &error)
{
    const auto it = m_inFlight.constFind(id);
    if (it == m_inFlight.constEnd())
        return;
    const Step step = it.value();
    m_inFlight.erase(it);
    m_received.remove(id);
    qCWarning(lcSession) << "sync step failed:" << error;
    if (step == Step::Messages && error.group() == Error::Group::Server) {
        // One flow the server will not give us must not stop the others.
        Q_EMIT progress(++m_done, m_total);
        fetchNextFlows();
        return;
    }
    const bool wasSyncing = m_syncing;
    stop();
    Q_EMIT failed(error);
    // A connection problem ends in a reconnect and a new sync; anything else polls again later.
    if (!wasSyncing && error.group() != Error::Group::Network
        && error.group() != Error::Group::Auth)
        schedulePoll();
}

void SyncEngine::noteReceived(RequestId id, const QList<Message> &messages)
{
    if (id == 0 || !m_inFlight.contains(id))
        return;
    auto &newest = m_received[id];
    for (const Message &m : messages) {
        if (m.id.isEmpty())
            continue;
        qint64 &time = newest[m.flowId];
        time = std::max(time, m.time);
    }
}

qint64 SyncEngine::commitReceived(RequestId id)
{
    qint64 newest = 0;
    const QHash<QString, qint64> flows = m_received.take(id);
    for (auto it = flows.cbegin(); it != flows.cend(); ++it) {
        if (Error e = m_cache.syncState().noteNewest(it.key(), it.value()); !e.isNone())
            qCWarning(lcSession) << "cannot record the sync position of" << it.key() << e;
        newest = std::max(newest, it.value());
    }
    return newest;
}

void SyncEngine::schedulePoll()
{
    m_pollTimer.start(m_flowOpen ? m_openMs : m_interval);
}

} // namespace Natter
