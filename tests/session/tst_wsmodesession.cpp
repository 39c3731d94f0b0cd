// SPDX-License-Identifier: GPL-3.0-or-later
// A Session over the mode protocol: a message pushed by the server reaches the cache without
// any polling, and a send dropped with the connection goes out once after the reconnect.
#include "protocol/wsmode/wsmodeclient.h"
#include "session/accountcache.h"
#include "session/session.h"
#include "session/syncengine.h"
#include "sessionfixture.h"
#include "store.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;
using namespace Natter::Testing;

class TestWsModeSession : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>(Protocol::WsMode);
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
        m_server->seedDemo();
    }
    void cleanup() { m_server.reset(); }

    void pushedMessageReachesCacheWithoutPolling()
    {
        Account alice, bob;
        auto aliceClient = loggedInClient<WsModeClient>(
            m_server->url(), { QStringLiteral("alice"), QStringLiteral("demo"), {}, {} }, &alice);
        auto bobClient = loggedInClient<WsModeClient>(
            m_server->url(), { QStringLiteral("bob"), QStringLiteral("demo"), {}, {} }, &bob);
        QVERIFY(aliceClient && bobClient);

        AccountCache cache;
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("push.sqlite"))).isNone());
        Session session(aliceClient, cache);
        // Polls far apart: whatever arrives within the test came as a push.
        session.sync().setIntervals(600000, 600000, 600000);
        session.start(m_server->url(), alice);
        QVERIFY(waitUntil([&] { return session.state() == Session::State::Online; }));
        QVERIFY(!cache.flows().flows().isEmpty());
        const QString chat = cache.flows().flows().first().id;

        QSignalSpy inserted(&cache.messages(), &MessageStore::messagesInserted);
        const Outcome sent = awaitRequest(
            *bobClient, bobClient->sendMessage(chat, QStringLiteral("pushed to alice"), {}, 3));
        QVERIFY2(sent.ok(), qPrintable(sent.error.message));
        QVERIFY(waitUntil(
            [&] {
                const QList<Message> newest = cache.messages().newest(chat, 1);
                return !newest.isEmpty() && newest.first().text == QLatin1String("pushed to alice");
            },
            5000));
        QVERIFY(!inserted.isEmpty());
    }

    void sendDroppedWithConnectionGoesOutOnce()
    {
        Account alice;
        auto aliceClient = loggedInClient<WsModeClient>(
            m_server->url(), { QStringLiteral("alice"), QStringLiteral("demo"), {}, {} }, &alice);
        QVERIFY(aliceClient);
        AccountCache cache;
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("drop.sqlite"))).isNone());
        Session session(aliceClient, cache);
        session.backoff() = Backoff(50, 300, 2.0, 0.2);
        session.sync().setIntervals(100, 100, 300);
        session.start(m_server->url(), alice);
        QVERIFY(waitUntil([&] { return session.state() == Session::State::Online; }));
        const QString chat = cache.flows().flows().first().id;
        const int before = m_server->messageCount();

        m_server->setDropOnMethod(QStringLiteral("sendMessage"));
        QVERIFY(session.sendMessage(chat, QStringLiteral("through the storm")).ok());
        QVERIFY(waitUntil([&] { return cache.outbox().pending().isEmpty(); }));
        QCOMPARE(m_server->messageCount(), before + 1);
        // The cache holds it once, as the server copy.
        QTest::qWait(500);
        int copies = 0;
        for (const Message &m : cache.messages().newest(chat, 10))
            copies += m.text == QLatin1String("through the storm");
        QCOMPARE(copies, 1);
    }
};

QTEST_GUILESS_MAIN(TestWsModeSession)
#include "tst_wsmodesession.moc"
