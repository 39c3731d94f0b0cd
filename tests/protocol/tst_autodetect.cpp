// SPDX-License-Identifier: GPL-3.0-or-later
// "auto" on ws:// picks the mode protocol for a mode server and MoreliaTalk (with its own
// dialect detection) for both MoreliaTalk servers.
#include "clientharness.h"
#include "protocol/clientfactory.h"
#include "protocol/morelia/moreliaclient.h"
#include "protocol/wsmode/autodetectclient.h"
#include "protocol/wsmode/wsmodeclient.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Natter;
using namespace Natter::Testing;

Q_DECLARE_METATYPE(Natter::AutoDetectClient::Backend)

class TestAutoDetect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void picksTheServersProtocol_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<AutoDetectClient::Backend>("backend");
        QTest::addColumn<int>("dialect");
        QTest::newRow("wsmode") << QStringLiteral("wsmode") << AutoDetectClient::Backend::WsMode
                                << -1;
        QTest::newRow("morelia-r17")
            << QStringLiteral("morelia-r17") << AutoDetectClient::Backend::Morelia
            << int(Morelia::Dialect::Rev17);
        QTest::newRow("morelia-2020")
            << QStringLiteral("morelia-2020") << AutoDetectClient::Backend::Morelia
            << int(Morelia::Dialect::V2020);
    }

    void picksTheServersProtocol()
    {
        QFETCH(QString, server);
        QFETCH(AutoDetectClient::Backend, backend);
        QFETCH(int, dialect);
        TestServer testServer(*protocolFromName(server));
        QVERIFY(testServer.listen(QHostAddress::LocalHost, 0));
        testServer.seedDemo();

        Result<std::shared_ptr<ProtocolClient>> made
            = createClient(QStringLiteral("auto"), testServer.url());
        QVERIFY(made.ok());
        auto *client = qobject_cast<AutoDetectClient *>(made.value().get());
        QVERIFY(client);
        client->setRequestTimeout(5000);
        QVERIFY(connectAndWait(*client, testServer.url()));
        QCOMPARE(client->detected(), std::optional<AutoDetectClient::Backend>(backend));
        if (backend == AutoDetectClient::Backend::WsMode) {
            QVERIFY(qobject_cast<WsModeClient *>(client->delegate()));
            QVERIFY(client->capabilities().push);
        } else {
            auto *morelia = qobject_cast<MoreliaClient *>(client->delegate());
            QVERIFY(morelia);
            QCOMPARE(int(morelia->dialect()), dialect);
            QVERIFY(client->capabilities().editMessage);
        }
        // Requests and signals pass through.
        const Outcome login = awaitRequest(
            *client, client->login({ QStringLiteral("alice"), QStringLiteral("demo"), {}, {} }));
        QVERIFY2(login.ok(), qPrintable(login.error.message));
        QVERIFY(!client->account().secret.isEmpty());
        const Outcome flows = awaitRequest(*client, client->fetchFlows());
        QVERIFY2(flows.ok(), qPrintable(flows.error.message));
        QCOMPARE(flows.flows.size(), 3);
        // A reconnect to the same server keeps the choice without a new probe.
        client->disconnectFromServer();
        QTRY_COMPARE(client->connectionState(), ConnectionState::Disconnected);
        QVERIFY(connectAndWait(*client, testServer.url()));
        QCOMPARE(client->detected(), std::optional<AutoDetectClient::Backend>(backend));
    }

    void explicitNamesSkipTheProbe()
    {
        const QUrl url(QStringLiteral("ws://127.0.0.1:1/ws"));
        Result<std::shared_ptr<ProtocolClient>> mode = createClient(QStringLiteral("wsmode"), url);
        QVERIFY(mode.ok());
        QVERIFY(qobject_cast<WsModeClient *>(mode.value().get()));
        QVERIFY(qobject_cast<MoreliaClient *>(
            createClient(QStringLiteral("morelia"), url).value().get()));
        QCOMPARE(
            createClient(QStringLiteral("wsmode"), QUrl(QStringLiteral("http://x/"))).error().code,
            Error::Code::InvalidArgument);
    }

    void unreachableServerFailsTheConnection()
    {
        QTcpServer reserve; // a port nobody listens on once closed
        QVERIFY(reserve.listen(QHostAddress::LocalHost, 0));
        const quint16 port = reserve.serverPort();
        reserve.close();
        AutoDetectClient client;
        QSignalSpy errors(&client, &ProtocolClient::connectionError);
        QVERIFY(!connectAndWait(client, QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port))));
        QCOMPARE(client.connectionState(), ConnectionState::Disconnected);
        QCOMPARE(errors.size(), 1);
        QVERIFY(!client.detected());
        QSignalSpy failed(&client, &ProtocolClient::requestFailed);
        client.fetchFlows();
        QVERIFY(failed.wait(1000));
        QCOMPARE(failed[0].at(1).value<Error>().code, Error::Code::ConnectionLost);
    }

    void probeIsOneFrame()
    {
        TestServer testServer(Protocol::MoreliaR17);
        QVERIFY(testServer.listen(QHostAddress::LocalHost, 0));
        QStringList requests;
        connect(&testServer, &TestServer::requestReceived, this,
            [&](const QString &type) { requests << type; });
        AutoDetectClient client;
        QVERIFY(connectAndWait(client, testServer.url()));
        // The mode probe (no MoreliaTalk type), then MoreliaClient's own dialect probe.
        QCOMPARE(requests, (QStringList { QString(), QStringLiteral("ping_pong") }));
    }

    void silentServerMeansMorelia()
    {
        QWebSocketServer silent(QStringLiteral("silent"), QWebSocketServer::NonSecureMode);
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QList<QWebSocket *> sockets;
        connect(&silent, &QWebSocketServer::newConnection, this, [&] {
            while (QWebSocket *s = silent.nextPendingConnection())
                sockets << s; // never answers
        });
        AutoDetectClient client;
        client.setProbeTimeout(100);
        QSignalSpy state(&client, &ProtocolClient::connectionStateChanged);
        client.connectToServer(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(silent.serverPort())));
        QTRY_VERIFY(client.detected().has_value());
        QCOMPARE(*client.detected(), AutoDetectClient::Backend::Morelia);
        QVERIFY(qobject_cast<MoreliaClient *>(client.delegate()));
        qDeleteAll(sockets);
    }
};

QTEST_GUILESS_MAIN(TestAutoDetect)
#include "tst_autodetect.moc"
