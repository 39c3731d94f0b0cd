// SPDX-License-Identifier: GPL-3.0-or-later
#include "outboxsender.h"

#include "accountcache.h"
#include "core/logging.h"

namespace Natter {

namespace {
/// Failures after which the message may or may not have reached the server: keep it queued.
bool isTransient(const Error &error)
{
    return error.group() == Error::Group::Network || error.group() == Error::Group::Protocol
        || error.group() == Error::Group::Auth || error.code == Error::Code::ServerFailure;
}
} // namespace

OutboxSender::OutboxSender(ProtocolClient &client, AccountCache &cache, QObject *parent)
    : QObject(parent), m_client(client), m_cache(cache)
{
    connect(&m_client, &ProtocolClient::messageSent, this, &OutboxSender::onSent);
    connect(&m_client, &ProtocolClient::requestFinished, this, &OutboxSender::onFinished);
    connect(&m_client, &ProtocolClient::requestFailed, this, &OutboxSender::onFailed);
}

void OutboxSender::setReady(bool ready)
{
    m_ready = ready;
    if (!ready) {
        // Whatever was in flight may or may not have arrived: the next sync tells.
        m_inFlight = 0;
        m_cache.outbox().requeueInterrupted();
        return;
    }
    reconcile();
    pump();
}

void OutboxSender::reconcile()
{
    for (const OutboxEntry &entry : m_cache.outbox().pending()) {
        if (entry.clientId == m_inFlightClientId && m_inFlight)
            continue;
        const auto copy = m_cache.messages().messageByClientId(entry.clientId);
        if (copy && !copy->id.isEmpty()) {
            qCInfo(lcSession) << "send" << entry.clientId << "already reached the server as"
                              << copy->id;
            m_cache.outbox().markSent(entry.clientId, copy->id, copy->time);
            Q_EMIT sent(entry.clientId, copy->id);
        }
    }
}

void OutboxSender::pump()
{
    if (!m_ready || m_inFlight)
        return;
    const QList<OutboxEntry> pending = m_cache.outbox().pending();
    if (pending.isEmpty()) {
        Q_EMIT drained();
        return;
    }
    const OutboxEntry &entry = pending.first();
    if (Error e = m_cache.outbox().markSending(entry.clientId); !e.isNone()) {
        qCWarning(lcSession) << "cannot mark send" << entry.clientId << "as sending:" << e;
        return;
    }
    m_inFlightClientId = entry.clientId;
    m_confirmed = false;
    m_inFlight = m_client.sendMessage(entry.flowId, entry.text, entry.attachments, entry.clientId);
}

void OutboxSender::onSent(RequestId id, qint64, const QString &serverId, qint64 serverTimeMs)
{
    if (id != m_inFlight || !m_inFlight)
        return;
    if (Error e = m_cache.outbox().markSent(m_inFlightClientId, serverId, serverTimeMs);
        !e.isNone())
        qCWarning(lcSession) << "cannot confirm send" << m_inFlightClientId << e;
    m_confirmed = true;
    Q_EMIT sent(m_inFlightClientId, serverId);
}

void OutboxSender::onFinished(RequestId id)
{
    if (id != m_inFlight || !m_inFlight)
        return;
    if (!m_confirmed)
        m_cache.outbox().markSent(m_inFlightClientId, QString(), 0);
    m_inFlight = 0;
    m_inFlightClientId = 0;
    pump();
}

void OutboxSender::onFailed(RequestId id, const Error &error)
{
    if (id != m_inFlight || !m_inFlight)
        return;
    const qint64 clientId = m_inFlightClientId;
    m_inFlight = 0;
    m_inFlightClientId = 0;
    if (isTransient(error)) {
        // Not sent, or sent without an answer: wait for the next sync to tell, then retry.
        qCInfo(lcSession) << "send" << clientId << "interrupted:" << error;
        m_cache.outbox().requeueInterrupted();
        m_ready = false;
        return;
    }
    m_cache.outbox().markFailed(clientId, error.message);
    Q_EMIT refused(clientId, error);
    pump();
}

} // namespace Natter
