// SPDX-License-Identifier: GPL-3.0-or-later
// End to end over loopback against the in-process MoreliaTalk r17 test server: a cold sync of
// a big history by a Session, and sequential sends through MoreliaClient.
#include "bench.h"
#include "clientharness.h"
#include "protocol/morelia/moreliaclient.h"
#include "protocol/morelia/moreliacodec.h"
#include "session/accountcache.h"
#include "session/session.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QWebSocket>

namespace Natter::Bench {

using Testing::TestServer;

namespace {

/// Runs the event loop until `done` holds; false on timeout.
template <typename Condition>
bool spinUntil(Condition done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(1, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

Account login(const QUrl &url, const QString &user)
{
    MoreliaClient client;
    if (!Testing::connectAndWait(client, url))
        qFatal("bench: cannot connect to the test server");
    const Testing::Outcome out
        = Testing::awaitRequest(client, client.login({ user, QStringLiteral("pw"), {}, {} }));
    if (!out.ok())
        qFatal("bench: login failed: %s", qPrintable(out.error.message));
    return out.account;
}

/// The baseline of a sync: a bare WebSocket asks for the same history and counts frames until
/// the last one (200). Transport and server, no decoding, no storage.
double rawFetchMs(const QUrl &url, const Account &account, const QString &flowId)
{
    QWebSocket socket;
    socket.open(url);
    if (!spinUntil([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 10000))
        qFatal("bench: raw socket did not connect");
    bool last = false;
    QObject::connect(&socket, &QWebSocket::textMessageReceived,
        [&](const QString &frame) { last |= frame.contains(QLatin1String("\"code\":200")); });
    const QJsonObject request = Morelia::encodeAllMessages(
        Morelia::Dialect::Rev17, { account.user.id, account.secret }, flowId, 0);
    QElapsedTimer t;
    t.start();
    socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
    if (!spinUntil([&] { return last; }, 600000))
        qFatal("bench: raw fetch timed out");
    return elapsedMs(t);
}

/// One send_message round trip over a bare WebSocket: the baseline of a send.
double rawSendMs(QWebSocket &socket, const Account &account, const QString &flowId, qint64 clientId)
{
    Morelia::OutgoingMessage message;
    message.flowId = flowId;
    message.text = Traffic::text(clientId);
    message.clientId = clientId;
    const QJsonObject request = Morelia::encodeSendMessage(
        Morelia::Dialect::Rev17, { account.user.id, account.secret }, message);
    bool answered = false;
    QEventLoop loop;
    const auto c = QObject::connect(&socket, &QWebSocket::textMessageReceived, &loop, [&] {
        answered = true;
        loop.quit();
    });
    QElapsedTimer t;
    t.start();
    socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
    if (!answered)
        loop.exec();
    const double ms = elapsedMs(t);
    QObject::disconnect(c);
    return ms;
}

} // namespace

void benchSync(const Scale &scale, const QString &dir, Report &report)
{
    TestServer server(Testing::Protocol::MoreliaR17);
    if (!server.listen())
        qFatal("bench: the test server does not listen");
    server.createUser(QStringLiteral("alice"), QStringLiteral("pw"));
    server.createUser(QStringLiteral("bob"), QStringLiteral("pw"));
    const QStringList members = { QStringLiteral("alice"), QStringLiteral("bob") };
    const QString history
        = server.createFlow(QStringLiteral("group"), QStringLiteral("History"), members);
    const QString chat
        = server.createFlow(QStringLiteral("group"), QStringLiteral("Chat"), members);
    const int n = scale.syncMessages;
    progress(QStringLiteral("sync: seeding the server with %1 messages").arg(n));
    if (server.bulkPostMessages(
            history, QStringLiteral("bob"), n, [](int i) { return Traffic::text(i); })
        != n)
        qFatal("bench: seeding the server failed");
    const Account alice = login(server.url(), QStringLiteral("alice"));

    progress(QStringLiteral("sync: raw WebSocket fetch (baseline)"));
    const double rawMs = rawFetchMs(server.url(), alice, history);

    progress(QStringLiteral("sync: Session cold sync"));
    double syncS = 0;
    {
        AccountCache cache;
        if (!cache.open(dir + QLatin1String("/sync-cache.sqlite")).isNone())
            qFatal("bench: cannot open the sync cache");
        auto client = std::make_shared<MoreliaClient>();
        Session session(client, cache);
        QElapsedTimer t;
        t.start();
        session.start(server.url(), alice);
        if (!spinUntil([&] { return session.state() == Session::State::Online; }, 600000))
            qFatal("bench: the sync did not finish");
        syncS = elapsedMs(t) / 1000.0;
        if (cache.messages().count(history) != n)
            qFatal("bench: synced %d of %d messages", cache.messages().count(history), n);
        session.stop();
    }
    const QString count = QString::number(n / 1000) + QLatin1String("k");
    report.addRow({ QLatin1String("cold sync of ") % count
            % QLatin1String(" messages by a Session, s"),
        Report::number(syncS, 2), Report::number(rawMs / 1000.0, 2) % QLatin1String(" raw fetch"),
        Report::number(syncS / (rawMs / 1000.0), 1), QStringLiteral("< 5 s"),
        Report::verdict(syncS < 5) });
    report.setKey(QStringLiteral("sync_100k_s"), syncS);

    progress(QStringLiteral("send: %1 sequential sends").arg(scale.sends));
    MoreliaClient client;
    client.setAccount(alice);
    if (!Testing::connectAndWait(client, server.url()))
        qFatal("bench: the sender cannot connect");
    QList<double> rtt;
    rtt.reserve(scale.sends);
    for (int i = 0; i < scale.sends; ++i) {
        QElapsedTimer t;
        t.start();
        const Testing::Outcome out
            = Testing::awaitRequest(client, client.sendMessage(chat, Traffic::text(i), {}, i + 1));
        rtt.append(elapsedMs(t));
        if (!out.ok() || out.serverId.isEmpty())
            qFatal("bench: send %d failed: %s", i, qPrintable(out.error.message));
    }
    QWebSocket socket;
    socket.open(server.url());
    if (!spinUntil([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 10000))
        qFatal("bench: raw socket did not connect");
    QList<double> raw;
    const int rawSends = std::min(scale.sends, 2000);
    for (int i = 0; i < rawSends; ++i)
        raw.append(rawSendMs(socket, alice, chat, 1000000 + i));
    const double p50 = median(rtt);
    const double p99 = percentile(rtt, 99);
    report.addRow({ QLatin1String("send round trip p50 (") % QString::number(scale.sends)
            % QLatin1String(" sequential), ms"),
        Report::number(p50, 3), Report::number(median(raw), 3) % QLatin1String(" raw"),
        Report::number(p50 / median(raw), 1), {}, {} });
    report.addRow({ QLatin1String("send round trip p99, ms"), Report::number(p99, 3),
        Report::number(percentile(raw, 99), 3) % QLatin1String(" raw"),
        Report::number(p99 / percentile(raw, 99), 1), {}, {} });
    report.addNote(QStringLiteral(
        "sync and send run against the in-process natter_testserver (morelia-r17, loopback, same "
        "thread as the client): its cost is in every figure. Sync baseline: a bare QWebSocket "
        "asking all_messages for the same flow and waiting for the last frame (transport + "
        "server, no decode, no storage). Send baseline: send_message round trips over a bare "
        "QWebSocket (%1 of them) to the same server.")
                       .arg(rawSends));
    report.setKey(QStringLiteral("send_p50_ms"), p50);
    report.setKey(QStringLiteral("send_p99_ms"), p99);
}

} // namespace Natter::Bench
