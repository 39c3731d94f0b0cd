// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox end to end: offline sends survive a server restart and a process restart, and go
// out exactly once, in order.
#include "sessionfixture.h"

using namespace Natter;
using namespace Natter::Testing;

class TestOutbox : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_tag; ///< the dialect row: QTest::currentDataTag() is empty for global rows
    std::unique_ptr<TestServer> m_server;
    QString m_serverFile;
    quint16 m_port = 0;
    Protocol m_protocol = Protocol::MoreliaR17;

    void startServer()
    {
        m_server = std::make_unique<TestServer>(m_protocol);
        QVERIFY(m_server->open(m_serverFile));
        QVERIFY2(
            m_server->listen(QHostAddress::LocalHost, m_port), qPrintable(m_server->errorString()));
        m_port = m_server->port();
    }

    std::unique_ptr<Session> makeSession(AccountCache &cache)
    {
        auto client = std::make_shared<MoreliaClient>();
        client->setRequestTimeout(5000);
        auto session = std::make_unique<Session>(client, cache);
        session->backoff() = Backoff(50, 300, 2.0, 0.2);
        session->sync().setIntervals(100, 100, 300);
        return session;
    }

    QString teamFlow(AccountCache &cache)
    {
        for (const Flow &flow : cache.flows().flows())
            if (flow.title == QLatin1String("Natter team"))
                return flow.id;
        return {};
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
        m_protocol = *protocolFromName(protocol);
        m_serverFile
            = m_dir.filePath(QStringLiteral("server-%1-%2.sqlite")
                                 .arg(QString::fromLatin1(QTest::currentTestFunction()), m_tag));
        m_port = 0;
        startServer();
        m_server->seedDemo();
    }

    void cleanup() { m_server.reset(); }

    void thousandOfflineSendsArriveOnceInOrder()
    {
        const Account alice
            = loginAccount(m_server->url(), QStringLiteral("alice"), QStringLiteral("demo"));
        AccountCache cache;
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("alice-%1.sqlite").arg(m_tag))).isNone());
        auto session = makeSession(cache);
        session->start(m_server->url(), alice);
        QVERIFY(waitUntil([&] { return session->state() == Session::State::Online; }));
        const QString team = teamFlow(cache);
        const int before = int(serverMessages(*m_server, QStringLiteral("alice"), team).size());

        // The server goes away; the user keeps writing.
        m_server->dropConnections();
        m_server.reset();
        QVERIFY(waitUntil([&] { return session->state() == Session::State::Reconnecting; }));
        const int count = 1000;
        for (int i = 0; i < count; ++i) {
            Result<qint64> id = session->sendMessage(
                team, QStringLiteral("offline %1").arg(i, 4, 10, QLatin1Char('0')));
            QVERIFY(id.ok());
        }
        QCOMPARE(cache.outbox().pending().size(), count);
        // Shown at once, as queued.
        const QList<Message> shown = cache.messages().newest(team, 1);
        QCOMPARE(shown.first().text, QStringLiteral("offline 0999"));
        QCOMPARE(cache.messages().deliveryState(messageKey(shown.first())), DeliveryState::Queued);

        startServer(); // same port, same data
        QVERIFY(waitUntil([&] { return cache.outbox().pending().isEmpty(); }, 120000));

        const QList<Testing::MessageRow> rows
            = serverMessages(*m_server, QStringLiteral("alice"), team);
        QCOMPARE(int(rows.size()), before + count);
        for (int i = 0; i < count; ++i)
            QCOMPARE(rows.at(before + i).text,
                QStringLiteral("offline %1").arg(i, 4, 10, QLatin1Char('0')));
        // The cache holds each message once, as the server copy.
        QVERIFY(waitUntil([&] { return cache.messages().count(team) == before + count; }));
        for (const Message &m : cache.messages().newest(team, 20))
            QCOMPARE(cache.messages().deliveryState(messageKey(m)), DeliveryState::Sent);
    }

    void queuedSendsSurviveProcessRestart()
    {
        const Account alice
            = loginAccount(m_server->url(), QStringLiteral("alice"), QStringLiteral("demo"));
        const QString cacheFile = m_dir.filePath(QStringLiteral("restart-%1.sqlite").arg(m_tag));
        QString team;
        {
            AccountCache cache;
            QVERIFY(cache.open(cacheFile).isNone());
            auto session = makeSession(cache);
            session->start(m_server->url(), alice);
            QVERIFY(waitUntil([&] { return session->state() == Session::State::Online; }));
            team = teamFlow(cache);
            session->stop();
            for (int i = 0; i < 5; ++i)
                QVERIFY(
                    session->sendMessage(team, QStringLiteral("before restart %1").arg(i)).ok());
            QCOMPARE(cache.outbox().pending().size(), 5);
        } // the process "exits" with five sends queued

        AccountCache cache;
        QVERIFY(cache.open(cacheFile).isNone());
        QCOMPARE(cache.outbox().pending().size(), 5);
        auto session = makeSession(cache);
        session->start(m_server->url(), alice);
        QVERIFY(waitUntil([&] { return cache.outbox().pending().isEmpty(); }));
        const QList<Testing::MessageRow> rows
            = serverMessages(*m_server, QStringLiteral("alice"), team);
        QCOMPARE(rows.last().text, QStringLiteral("before restart 4"));
        int seen = 0;
        for (const Testing::MessageRow &row : rows)
            seen += row.text.startsWith(QLatin1String("before restart"));
        QCOMPARE(seen, 5);
    }

    void refusedSendIsFailedAndRetryable()
    {
        const Account alice
            = loginAccount(m_server->url(), QStringLiteral("alice"), QStringLiteral("demo"));
        AccountCache cache;
        QVERIFY(
            cache.open(m_dir.filePath(QStringLiteral("refused-%1.sqlite").arg(m_tag))).isNone());
        auto session = makeSession(cache);
        session->start(m_server->url(), alice);
        QVERIFY(waitUntil([&] { return session->state() == Session::State::Online; }));
        QSignalSpy refused(&session->outbox(), &OutboxSender::refused);
        // A flow the server does not know: refused for good, the queue moves on.
        const Result<qint64> bad
            = session->sendMessage(QStringLiteral("424242"), QStringLiteral("lost?"));
        const Result<qint64> good
            = session->sendMessage(teamFlow(cache), QStringLiteral("after the bad one"));
        QVERIFY(bad.ok() && good.ok());
        QVERIFY(
            waitUntil([&] { return !refused.isEmpty() && cache.outbox().pending().isEmpty(); }));
        QCOMPARE(refused.first().at(0).toLongLong(), bad.value());
        const auto entry = cache.outbox().entry(bad.value());
        QVERIFY(entry.has_value());
        QCOMPARE(entry->state, OutboxEntry::State::Failed);
        QVERIFY(!entry->lastError.isEmpty());
        QCOMPARE(serverMessages(*m_server, QStringLiteral("alice"), teamFlow(cache)).last().text,
            QStringLiteral("after the bad one"));
        // Discarding removes the entry and its echo.
        QVERIFY(session->discardSend(bad.value()).isNone());
        QVERIFY(!cache.outbox().entry(bad.value()).has_value());
        QVERIFY(!cache.messages().messageByClientId(bad.value()).has_value());
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
