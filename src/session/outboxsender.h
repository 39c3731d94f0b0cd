// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocolclient.h"

namespace Natter {

class AccountCache;

/// Sends the outbox one message at a time, in order. A send the server refuses for good is
/// marked failed with its reason and the queue moves on; a send lost to the network goes back
/// to the queue and waits until the Session is online and synced again. Before resending, the
/// outbox is reconciled with the cache, so a send whose server copy a sync already brought back
/// is confirmed instead of sent twice.
class OutboxSender : public QObject
{
    Q_OBJECT
public:
    OutboxSender(ProtocolClient &client, AccountCache &cache, QObject *parent = nullptr);

    /// Online and synced: reconcile, then send what is queued. Offline: stop sending.
    void setReady(bool ready);
    bool isReady() const { return m_ready; }
    /// Sends the next queued entry if nothing is in flight.
    void pump();
    /// Confirms entries whose server copy is already cached.
    void reconcile();
    bool isBusy() const { return m_inFlight != 0; }
    /// The send on its way (0: none) and its client id, for upload progress and cancelling.
    RequestId inFlightRequest() const { return m_inFlight; }
    qint64 inFlightClientId() const { return m_inFlight ? m_inFlightClientId : 0; }

Q_SIGNALS:
    void sent(qint64 clientId, const QString &serverId);
    /// The server refused the send for good; the entry is Failed with `error.message`.
    void refused(qint64 clientId, const Natter::Error &error);
    /// The outbox has nothing left to send.
    void drained();

private:
    void onSent(RequestId id, qint64 clientId, const QString &serverId, qint64 serverTimeMs);
    void onFinished(RequestId id);
    void onFailed(RequestId id, const Error &error);

    ProtocolClient &m_client;
    AccountCache &m_cache;
    bool m_ready = false;
    RequestId m_inFlight = 0;
    qint64 m_inFlightClientId = 0;
    bool m_confirmed = false;
};

} // namespace Natter
