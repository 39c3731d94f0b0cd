// SPDX-License-Identifier: GPL-3.0-or-later
// The "Load" figure: one account with many flows and a big cache syncs new messages into many
// flows while a 1 ms timer on the main thread records the longest gap between its ticks, that
// is, the longest time the event loop (the UI thread in the app) could not run.
#include "bench.h"
#include "clientharness.h"
#include "protocol/morelia/moreliaclient.h"
#include "session/accountcache.h"
#include "session/session.h"
#include "testserver.h"

#include <QEventLoop>
#include <QMutex>
#include <QSemaphore>
#include <QThread>
#include <QTimer>

namespace Natter::Bench {

using Testing::TestServer;

namespace {

/// The test server in its own thread, so that its work is not counted as the client's.
class ServerThread : public QThread
{
public:
    ServerThread(int flows, int newPerFlow) : m_flows(flows), m_newPerFlow(newPerFlow) { }
    ~ServerThread() override
    {
        quit();
        wait();
    }

    /// Starts the thread and waits until the server listens with its flows seeded.
    void startAndWait()
    {
        start();
        m_ready.acquire();
    }
    /// Posts the new messages (in the server thread) and waits until they are stored.
    void postNewMessages()
    {
        QMetaObject::invokeMethod(m_server, [this] {
            for (const QString &flow : std::as_const(m_flowIds))
                m_server->bulkPostMessages(flow, QStringLiteral("bob"), m_newPerFlow,
                    [](int i) { return Traffic::text(5000000 + i); });
            m_ready.release();
        });
        m_ready.acquire();
    }
    QUrl url() const { return m_url; }
    QStringList flowIds() const { return m_flowIds; }

protected:
    void run() override
    {
        TestServer server(Testing::Protocol::MoreliaR17);
        if (!server.listen())
            qFatal("bench: the test server does not listen");
        server.createUser(QStringLiteral("alice"), QStringLiteral("pw"));
        server.createUser(QStringLiteral("bob"), QStringLiteral("pw"));
        const QStringList members = { QStringLiteral("alice"), QStringLiteral("bob") };
        for (int i = 0; i < m_flows; ++i)
            m_flowIds << server.createFlow(
                QStringLiteral("group"), QStringLiteral("Flow %1").arg(i), members);
        m_url = server.url();
        m_server = &server;
        m_ready.release();
        exec();
        m_server = nullptr;
    }

private:
    int m_flows;
    int m_newPerFlow;
    QStringList m_flowIds;
    QUrl m_url;
    TestServer *m_server = nullptr;
    QSemaphore m_ready;
};

/// Gaps between the ticks of a 1 ms precise timer on this thread's event loop.
class TickProbe
{
public:
    TickProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_gaps.append(double(now - m_last) / 1e6);
            m_last = now;
        });
    }
    void start()
    {
        m_gaps.clear();
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double maxMs() const
    {
        return m_gaps.isEmpty() ? 0 : *std::max_element(m_gaps.begin(), m_gaps.end());
    }
    double p99Ms() const { return percentile(m_gaps, 99); }
    qint64 elapsedMs() const { return m_clock.elapsed(); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    QList<double> m_gaps;
};

/// Runs the event loop for `ms`.
void idle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

void benchUiBlock(const Scale &scale, const QString &dir, Report &report)
{
    const int flows = scale.loadFlows;
    const int cached = scale.quick ? 100000 : scale.loadCache;
    const int perFlow = scale.quick ? 20 : scale.loadNewPerFlow;
    progress(QStringLiteral("load: a server with %1 flows").arg(flows));
    ServerThread server(flows, perFlow);
    server.startAndWait();

    const QString file = dir + QLatin1String("/load-cache.sqlite");
    progress(
        QStringLiteral("load: building a %1-message cache in %2 flows").arg(cached).arg(flows));
    buildCache(file, cached, server.flowIds());
    server.postNewMessages();

    MoreliaClient loginClient;
    if (!Testing::connectAndWait(loginClient, server.url()))
        qFatal("bench: cannot connect to the load server");
    const Testing::Outcome out = Testing::awaitRequest(
        loginClient, loginClient.login({ QStringLiteral("alice"), QStringLiteral("pw"), {}, {} }));
    if (!out.ok())
        qFatal("bench: login failed: %s", qPrintable(out.error.message));
    loginClient.disconnectFromServer();

    AccountCache cache;
    if (!cache.open(file).isNone())
        qFatal("bench: cannot open the load cache");
    const int before = cache.messages().count();
    auto client = std::make_shared<MoreliaClient>(Morelia::Dialect::Rev17);
    client->setRequestTimeout(600000);
    Session session(client, cache);

    progress(QStringLiteral("load: syncing %1 new messages into %2 flows")
                 .arg(perFlow * flows)
                 .arg(flows));
    TickProbe probe;
    probe.start();
    QEventLoop loop;
    QObject::connect(&session, &Session::synced, &loop, &QEventLoop::quit);
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    session.start(server.url(), out.account);
    loop.exec();
    probe.stop();
    const double syncMs = double(probe.elapsedMs());
    const double maxSync = probe.maxMs();
    const double p99Sync = probe.p99Ms();
    const int added = cache.messages().count() - before;
    if (added != perFlow * flows)
        qFatal("bench: the load sync stored %d of %d messages", added, perFlow * flows);
    session.stop();

    // The baseline: the same probe on an idle event loop for as long as the sync took.
    probe.start();
    idle(int(std::max(200.0, syncMs)));
    probe.stop();
    const double maxIdle = probe.maxMs();
    const double p99Idle = probe.p99Ms();

    const QString size = scale.quick ? QStringLiteral("100k") : QStringLiteral("1M");
    report.addRow(
        { QLatin1String("longest UI-thread block during a sync into ") % QString::number(flows)
                % QLatin1String(" flows of a ") % size % QLatin1String(" cache, ms"),
            Report::number(maxSync, 1), Report::number(maxIdle, 1) % QLatin1String(" idle"),
            Report::number(maxSync / std::max(0.001, maxIdle), 1), QStringLiteral("< 50 ms"),
            Report::verdict(maxSync < 50) });
    report.addRow({ QLatin1String("UI-thread tick gap p99 during that sync, ms"),
        Report::number(p99Sync, 2), Report::number(p99Idle, 2) % QLatin1String(" idle"),
        Report::number(p99Sync / std::max(0.001, p99Idle), 1), {}, {} });
    report.addNote(QStringLiteral(
        "load: %1 flows, %2 cached messages, then a Session's sync brings %3 new messages per flow "
        "(%4 in all, %5 ms) from a morelia-r17 test server running in its own thread. A 1 ms "
        "precise QTimer on the main thread records the gaps between its ticks: the longest is the "
        "longest the UI thread was blocked. Baseline: the same timer on an idle event loop for as "
        "long.")
                       .arg(flows)
                       .arg(cached)
                       .arg(perFlow)
                       .arg(perFlow * flows)
                       .arg(Report::number(syncMs, 0)));
    report.setKey(QStringLiteral("max_ui_block_ms_sync"), maxSync);
    report.setKey(QStringLiteral("p99_ui_block_ms_sync"), p99Sync);
    report.setKey(QStringLiteral("max_ui_block_ms_idle"), maxIdle);
}

} // namespace Natter::Bench
