// SPDX-License-Identifier: GPL-3.0-or-later
// Sync cursors move by what fetches brought, never by our own sends. Found by the chaos soak:
// a message from bob that alice had not fetched yet was skipped for good once her own later
// send (confirmed with a newer server time) became the "since" of the reconnect's sync.
#include "sessionfixture.h"

using namespace Natter;
using namespace Natter::Testing;

class TestSyncCursor : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static bool holds(AccountCache &cache, const QString &flow, const QString &text)
    {
        for (const Message &m : cache.messages().newest(flow, 100))
            if (m.text == text)
                return true;
        return false;
    }

private Q_SLOTS:
    void ownSendDoesNotSkipAnUnfetchedMessage()
    {
        TestServer server(Protocol::MoreliaR17);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        server.seedDemo();
        const QString flow = server.createFlow(QStringLiteral("chat"), QStringLiteral("Cursor"),
            { QStringLiteral("alice"), QStringLiteral("bob") });
        const Account alice
            = loginAccount(server.url(), QStringLiteral("alice"), QStringLiteral("demo"));
        AccountCache cache;
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("alice.db"))).isNone());
        auto client = std::make_shared<MoreliaClient>();
        Session session(client, cache);
        session.backoff() = Backoff(50, 200, 2.0, 0.2);
        session.sync().setIntervals(600000, 600000, 600000); // no poll unless asked
        session.start(server.url(), alice);
        QVERIFY(waitUntil([&] { return session.state() == Session::State::Online; }));
        QCOMPARE(cache.messages().count(flow), 0);

        // Bob writes; alice has not fetched it when, a second later (times on the wire are
        // whole seconds), her own message reaches the server and is confirmed.
        QVERIFY(
            !server.postMessage(flow, QStringLiteral("bob"), QStringLiteral("unseen")).isEmpty());
        QTest::qWait(1100);
        QVERIFY(session.sendMessage(flow, QStringLiteral("mine")).ok());
        QVERIFY(waitUntil([&] { return cache.outbox().pending().isEmpty(); }));
        QVERIFY(!holds(cache, flow, QStringLiteral("unseen")));

        // The connection drops; the reconnect's sync must still bring bob's message.
        QSignalSpy synced(&session, &Session::synced);
        server.dropConnections();
        QVERIFY(waitUntil([&] { return !synced.isEmpty(); }));
        QVERIFY(holds(cache, flow, QStringLiteral("unseen")));
        QCOMPARE(cache.messages().count(flow), 2);
    }
};

QTEST_GUILESS_MAIN(TestSyncCursor)
#include "tst_synccursor.moc"
