// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocolclient.h"

#include <QHash>
#include <QStringList>
#include <QTimer>

namespace Natter {

class AccountCache;

/// Brings the cache up to date: a full sync (flows, then each flow's messages since its newest
/// cached time), then polling for updates on a timer that is fast while a chat is open and backs
/// off while nothing happens. It only asks; the Session writes what the answers carry.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    SyncEngine(ProtocolClient &client, AccountCache &cache, QObject *parent = nullptr);

    /// Starts a full sync; polling follows when it is done.
    void start();
    /// Stops polling and forgets requests in flight (after a disconnect).
    void stop();
    bool isSyncing() const { return m_syncing; }

    /// A chat is in view: poll fast.
    void setFlowOpen(bool open);
    /// Poll at once (e.g. the user pressed "Retry now" or sent a message).
    void pollNow();

    /// Polling intervals: while a chat is open, and the idle range it backs off within.
    void setIntervals(int openMs, int idleMinMs, int idleMaxMs);
    int currentIntervalMs() const { return m_interval; }

    /// Most flows whose messages are fetched at the same time during a full sync.
    static constexpr int kParallelFlows = 4;

Q_SIGNALS:
    void progress(int done, int total);
    void synced(); ///< a full sync completed
    void polled(int changedMessages); ///< an update poll completed; how many rows it changed
    void failed(const Natter::Error &error);

private:
    enum class Step { Flows, Messages, Poll };
    void fetchNextFlows();
    void onFinished(RequestId id);
    void onFailed(RequestId id, const Error &error);
    void schedulePoll();
    /// Records what a fetch brought: the newest server time per flow.
    void noteReceived(RequestId id, const QList<Message> &messages);
    /// A fetch ended: each flow it brought messages of is complete up to the newest of them.
    /// Returns the newest time over all flows (0 when it brought nothing).
    qint64 commitReceived(RequestId id);

    ProtocolClient &m_client;
    AccountCache &m_cache;
    QHash<RequestId, Step> m_inFlight;
    /// Per running fetch, flow → newest server time it brought. Cursors move only by what a
    /// fetch brought, never by our own sends: a send the server stored after a message we have
    /// not fetched yet must not move the "since" past that message.
    QHash<RequestId, QHash<QString, qint64>> m_received;
    qint64 m_syncNewest = 0; ///< newest time the running full sync brought
    int m_changes = 0; ///< cache rows inserted or updated, ever
    int m_pollStartChanges = 0; ///< m_changes when the running poll started
    QStringList m_flowQueue;
    int m_total = 0;
    int m_done = 0;
    bool m_syncing = false;
    bool m_flowOpen = false;
    int m_openMs = 2000;
    int m_idleMinMs = 5000;
    int m_idleMaxMs = 60000;
    int m_interval = 5000;
    QTimer m_pollTimer;
};

} // namespace Natter
