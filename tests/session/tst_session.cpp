// SPDX-License-Identifier: GPL-3.0-or-later
// Session against the in-process server: full sync, polling, drops mid-sync, auth failure.
#include "sessionfixture.h"

using namespace Natter;
using namespace Natter::Testing;

class TestSession : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_dir;
    QString m_tag; ///< the dialect row: QTest::currentDataTag() is empty for global rows
    std::unique_ptr<AccountCache> m_cache;
    std::unique_ptr<Session> m_session;

    void startSession(const Account &account)
    {
        m_cache = std::make_unique<AccountCache>();
        QVERIFY(m_cache
                    ->open(m_dir.filePath(
                        QStringLiteral("cache-%1-%2.sqlite")
                            .arg(QString::fromLatin1(QTest::currentTestFunction()), m_tag)))
                    .isNone());
        auto client = std::make_shared<MoreliaClient>();
        client->setRequestTimeout(3000);
        m_session = std::make_unique<Session>(client, *m_cache);
        m_session->backoff() = Backoff(50, 400, 2.0, 0.2);
        m_session->sync().setIntervals(100, 100, 400);
        m_session->start(m_server->url(), account);
    }

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("protocol");
        QTest::newRow("july-2020") << QStringLiteral("morelia-2020");
        QTest::newRow("revision-17") << QStringLiteral("morelia-r17");
    }

    void init()
    {
        QFETCH_GLOBAL(QString, protocol);
        m_tag = protocol;
        m_server = std::make_unique<TestServer>(*protocolFromName(protocol));
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
        m_server->seedDemo();
    }

    void cleanup()
    {
        m_session.reset();
        m_cache.reset();
        m_server.reset();
    }

    void fullSyncMirrorsServer()
    {
        const Account alice
            = loginAccount(m_server->url(), QStringLiteral("alice"), QStringLiteral("demo"));
        QVERIFY(!alice.secret.isEmpty());
        startSession(alice);
        QSignalSpy progress(m_session.get(), &Session::syncProgress);
        QVERIFY(waitUntil([&] { return m_session->state() == Session::State::Online; }));
        QCOMPARE(m_cache->flows().flows().size(), 3);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toInt(), progress.last().at(1).toInt()); // done == total
        int total = 0;
        for (const Flow &flow : m_cache->flows().flows()) {
            const int cached = m_cache->messages().count(flow.id);
            QCOMPARE(
                cached, int(serverMessages(*m_server, QStringLiteral("alice"), flow.id).size()));
            total += cached;
        }
        QCOMPARE(total, m_server->messageCount());
        QVERIFY(m_cache->syncState().globalCursor() > 0);

        // A second full sync changes nothing.
        m_session->stop();
        m_session->start(m_server->url(), alice);
        QVERIFY(waitUntil([&] { return m_session->state() == Session::State::Online; }));
        QCOMPARE(m_cache->messages().count(), total);
    }

    void pollingBringsNewMessages()
    {
        startSession(
            loginAccount(m_server->url(), QStringLiteral("alice"), QStringLiteral("demo")));
        QVERIFY(waitUntil([&] { return m_session->state() == Session::State::Online; }));
        QString team;
        for (const Flow &flow : m_cache->flows().flows())
            if (flow.title == QLatin1String("Natter team"))
                team = flow.id;
        QVERIFY(!team.isEmpty());
        QSignalSpy inserted(&m_cache->messages(), &MessageStore::messagesInserted);
        const QString id
            = m_server->postMessage(team, QStringLiteral("carol"), QStringLiteral("Polled in"));
        QVERIFY(!id.isEmpty());
        QVERIFY(waitUntil([&] { return m_cache->messages().message(id).has_value(); }, 10000));
        QCOMPARE(m_cache->messages().message(id)->text, QStringLiteral("Polled in"));
        QVERIFY(!inserted.isEmpty());
    }

    void pollingBacksOffWhenIdleAndSpeedsUpForAnOpenChat()
    {
        startSession(
            loginAccount(m_server->url(), QStringLiteral("alice"), QStringLiteral("demo")));
        m_session->sync().setIntervals(50, 100, 800);
        QVERIFY(waitUntil([&] { return m_session->state() == Session::State::Online; }));
        QSignalSpy polls(&m_session->sync(), &SyncEngine::polled);
        // Nothing happens on the server: each empty poll doubles the wait, up to the cap.
        QVERIFY(waitUntil([&] { return m_session->sync().currentIntervalMs() == 800; }, 10000));
        QVERIFY(polls.size() >= 3);
        // Activity brings the quick pace back.
        QString team;
        for (const Flow &flow : m_cache->flows().flows())
            if (flow.title == QLatin1String("Natter team"))
                team = flow.id;
        m_server->postMessage(team, QStringLiteral("bob"), QStringLiteral("wake up"));
        m_session->sync().pollNow();
        QVERIFY(waitUntil([&] { return m_session->sync().currentIntervalMs() == 100; }, 5000));
        // An open chat polls at the open pace whatever happened.
        m_session->setOpenFlow(team);
        QCOMPARE(m_session->sync().currentIntervalMs(), 50);
        m_session->setOpenFlow(QString());
        QCOMPARE(m_session->sync().currentIntervalMs(), 100);
    }

    void dropMidSyncEndsConsistent()
    {
        const Account alice
            = loginAccount(m_server->url(), QStringLiteral("alice"), QStringLiteral("demo"));
        // Make history big enough to page (revision 17 sends 100 per frame).
        const QString flow = m_server->createFlow(QStringLiteral("group"), QStringLiteral("Busy"),
            { QStringLiteral("alice"), QStringLiteral("bob") });
        for (int i = 0; i < 250; ++i)
            QVERIFY(
                !m_server->postMessage(flow, QStringLiteral("bob"), QStringLiteral("m%1").arg(i))
                     .isEmpty());
        m_server->setDropOnMethod(QStringLiteral("all_messages"));
        startSession(alice);
        QSignalSpy stateSpy(m_session.get(), &Session::stateChanged);
        QVERIFY(waitUntil([&] { return m_session->state() == Session::State::Online; }));
        bool reconnected = false;
        for (const QList<QVariant> &s : std::as_const(stateSpy))
            reconnected |= s.at(0).value<Session::State>() == Session::State::Reconnecting;
        QVERIFY2(reconnected, "the drop must have forced a reconnect");
        QCOMPARE(m_cache->messages().count(flow), 250);
        QCOMPARE(m_cache->messages().count(), m_server->messageCount());
        const QList<Message> newest = m_cache->messages().newest(flow, 1);
        QCOMPARE(newest.first().text, QStringLiteral("m249"));
    }

    void serverDownThenUpReconnects()
    {
        startSession(
            loginAccount(m_server->url(), QStringLiteral("alice"), QStringLiteral("demo")));
        QVERIFY(waitUntil([&] { return m_session->state() == Session::State::Online; }));
        const quint16 port = m_server->port();
        m_server->close();
        m_server->dropConnections();
        QVERIFY(waitUntil([&] { return m_session->state() == Session::State::Reconnecting; }));
        QVERIFY(m_session->reconnectInMs() <= 400);
        QVERIFY(m_server->listen(QHostAddress::LocalHost, port));
        QVERIFY(waitUntil([&] { return m_session->state() == Session::State::Online; }));
    }

    void silentServerIsLeftAndRejoined()
    {
        startSession(
            loginAccount(m_server->url(), QStringLiteral("alice"), QStringLiteral("demo")));
        m_session->client().setRequestTimeout(300);
        QVERIFY(waitUntil([&] { return m_session->state() == Session::State::Online; }));
        QSignalSpy states(m_session.get(), &Session::stateChanged);
        // Polls go unanswered: the session must not sit on a dead connection.
        m_server->setSilentOnMethod(QStringLiteral("get_update"));
        QVERIFY(waitUntil(
            [&] {
                for (const QList<QVariant> &s : std::as_const(states))
                    if (s.at(0).value<Session::State>() == Session::State::Reconnecting)
                        return true;
                return false;
            },
            10000));
        m_server->setSilentOnMethod(QString());
        QString team;
        for (const Flow &flow : m_cache->flows().flows())
            if (flow.title == QLatin1String("Natter team"))
                team = flow.id;
        const QString id
            = m_server->postMessage(team, QStringLiteral("bob"), QStringLiteral("still here?"));
        QVERIFY(waitUntil([&] { return m_cache->messages().message(id).has_value(); }, 15000));
    }

    void refusedSessionStopsReconnecting()
    {
        Account fake
            = loginAccount(m_server->url(), QStringLiteral("alice"), QStringLiteral("demo"));
        fake.secret = QStringLiteral("not-the-secret");
        startSession(fake);
        QSignalSpy errors(m_session.get(), &Session::errorOccurred);
        QVERIFY(waitUntil([&] { return m_session->state() == Session::State::AuthFailed; }));
        QVERIFY(!errors.isEmpty());
        QCOMPARE(errors.first().at(0).value<Error>().group(), Error::Group::Auth);
        QTest::qWait(600);
        QCOMPARE(m_session->state(), Session::State::AuthFailed);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
