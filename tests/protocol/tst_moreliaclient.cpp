// SPDX-License-Identifier: GPL-3.0-or-later
// MoreliaClient against a fake transport: correlation, dialect detection, timeouts, paging.
#include "faketransport.h"
#include "protocol/morelia/moreliaclient.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Natter;
using namespace Natter::Testing;

namespace {

QJsonObject r17(const QString &type, const QJsonObject &data, int code = 200)
{
    return { { QStringLiteral("type"), type }, { QStringLiteral("data"), data },
        { QStringLiteral("errors"),
            QJsonObject { { QStringLiteral("code"), code },
                { QStringLiteral("status"),
                    code < 300 ? QStringLiteral("OK") : QStringLiteral("Error") },
                { QStringLiteral("detail"), QStringLiteral("detail text") },
                { QStringLiteral("time"), 1700000000 } } },
        { QStringLiteral("jsonapi"),
            QJsonObject { { QStringLiteral("version"), QStringLiteral("1.0") },
                { QStringLiteral("revision"), QStringLiteral("17") } } } };
}

QJsonObject v2020(const QString &type, const QJsonValue &data, int code = 200)
{
    return { { QStringLiteral("type"), type }, { QStringLiteral("data"), data },
        { QStringLiteral("errors"),
            QJsonObject { { QStringLiteral("id"), 1 }, { QStringLiteral("time"), 1594492370.5 },
                { QStringLiteral("status"),
                    code < 300 ? QStringLiteral("OK") : QStringLiteral("Bad Request") },
                { QStringLiteral("code"), code },
                { QStringLiteral("detail"), QStringLiteral("detail text") } } },
        { QStringLiteral("jsonapi"), QJsonObject { { QStringLiteral("version"), 1.0 } } },
        { QStringLiteral("meta"), QJsonValue() } };
}

QJsonObject r17Message(const QString &uuid, const QString &flow, qint64 time)
{
    return { { QStringLiteral("uuid"), uuid }, { QStringLiteral("client_id"), 1 },
        { QStringLiteral("text"), QString(QStringLiteral("text ") + uuid) },
        { QStringLiteral("from_user"), QStringLiteral("77") },
        { QStringLiteral("from_flow"), flow }, { QStringLiteral("time"), time } };
}

} // namespace

class TestMoreliaClient : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        FakeTransport *transport;
        std::unique_ptr<MoreliaClient> client;
    };
    Fixture make(Morelia::Dialect dialect)
    {
        auto *transport = new FakeTransport;
        Fixture f { transport, std::make_unique<MoreliaClient>(dialect, transport) };
        f.client->connectToServer(QUrl(QStringLiteral("ws://127.0.0.1:1/ws")));
        return f;
    }

private Q_SLOTS:
    void autoDetectsRevision17()
    {
        Fixture f = make(Morelia::Dialect::Auto);
        QCOMPARE(f.client->connectionState(), ConnectionState::Connecting);
        // A request made before detection waits for it.
        f.client->fetchFlows();
        QCOMPARE(f.transport->sent.size(), 1);
        QCOMPARE(
            f.transport->sent[0][QLatin1String("type")].toString(), QStringLiteral("ping_pong"));
        f.transport->inject(r17(QStringLiteral("ping_pong"), {}, 401));
        QCOMPARE(f.client->dialect(), Morelia::Dialect::Rev17);
        QCOMPARE(f.client->connectionState(), ConnectionState::Connected);
        QCOMPARE(f.transport->sent.size(), 2);
        QCOMPARE(
            f.transport->sent[1][QLatin1String("type")].toString(), QStringLiteral("all_flow"));
        QVERIFY(f.transport->sent[1][QLatin1String("data")][QLatin1String("user")].isArray());
        QVERIFY(f.client->capabilities().createFlow);
    }

    void autoDetectsJuly2020()
    {
        Fixture f = make(Morelia::Dialect::Auto);
        f.transport->inject(v2020(QStringLiteral("ping_pong"), QJsonValue(), 400));
        QCOMPARE(f.client->dialect(), Morelia::Dialect::V2020);
        QVERIFY(!f.client->capabilities().createFlow);
        QSignalSpy failed(f.client.get(), &ProtocolClient::requestFailed);
        const RequestId id = f.client->createFlow(NewFlow {});
        QVERIFY(failed.wait(1000));
        QCOMPARE(failed.at(0).at(0).value<RequestId>(), id);
        QCOMPARE(failed.at(0).at(1).value<Error>().code, Error::Code::NotSupported);
    }

    void probeTimeoutFallsBackToJuly2020()
    {
        auto *transport = new FakeTransport;
        MoreliaClient client(Morelia::Dialect::Auto, transport);
        client.setProbeTimeout(50);
        client.connectToServer(QUrl(QStringLiteral("ws://127.0.0.1:1/ws")));
        QSignalSpy state(&client, &ProtocolClient::connectionStateChanged);
        QVERIFY(state.wait(1000));
        QCOMPARE(client.dialect(), Morelia::Dialect::V2020);
        QCOMPARE(client.connectionState(), ConnectionState::Connected);
    }

    void correlatesFifoPerType()
    {
        Fixture f = make(Morelia::Dialect::Rev17);
        QSignalSpy flows(f.client.get(), &ProtocolClient::flowsReceived);
        QSignalSpy messages(f.client.get(), &ProtocolClient::messagesReceived);
        const RequestId first = f.client->fetchMessages(QStringLiteral("10"), 0);
        const RequestId flowsId = f.client->fetchFlows();
        const RequestId second = f.client->fetchMessages(QStringLiteral("20"), 0);
        QCOMPARE(f.transport->sent.size(), 3);
        // Answers of another type interleave; same-type answers match oldest first.
        f.transport->inject(r17(QStringLiteral("all_messages"),
            { { QStringLiteral("message"),
                QJsonArray { r17Message(QStringLiteral("1"), QStringLiteral("10"), 100) } } }));
        f.transport->inject(
            r17(QStringLiteral("all_flow"), { { QStringLiteral("flow"), QJsonArray() } }));
        f.transport->inject(r17(QStringLiteral("all_messages"),
            { { QStringLiteral("message"),
                QJsonArray { r17Message(QStringLiteral("2"), QStringLiteral("20"), 100) } } }));
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).at(0).value<RequestId>(), first);
        QCOMPARE(messages.at(0).at(1).value<QList<Message>>().first().id, QStringLiteral("1"));
        QCOMPARE(messages.at(1).at(0).value<RequestId>(), second);
        QCOMPARE(messages.at(1).at(1).value<QList<Message>>().first().flowId, QStringLiteral("20"));
        QCOMPARE(flows.size(), 1);
        QCOMPARE(flows.at(0).at(0).value<RequestId>(), flowsId);
    }

    void errorTypeFailsOldestRequest()
    {
        Fixture f = make(Morelia::Dialect::Rev17);
        QSignalSpy failed(f.client.get(), &ProtocolClient::requestFailed);
        QSignalSpy finished(f.client.get(), &ProtocolClient::requestFinished);
        const RequestId first
            = f.client->sendMessage(QStringLiteral("1"), QStringLiteral("hi"), {}, 5);
        const RequestId second = f.client->fetchFlows();
        f.transport->inject(r17(QStringLiteral("error"), {}, 415));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<RequestId>(), first);
        const Error error = failed.at(0).at(1).value<Error>();
        QCOMPARE(error.code, Error::Code::Validation);
        QCOMPARE(error.serverCode, 415);
        f.transport->inject(r17(QStringLiteral("all_flow"), {}));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).value<RequestId>(), second);
    }

    void partialAnswersKeepRequestOpen()
    {
        Fixture f = make(Morelia::Dialect::Rev17);
        QSignalSpy messages(f.client.get(), &ProtocolClient::messagesReceived);
        QSignalSpy finished(f.client.get(), &ProtocolClient::requestFinished);
        const RequestId id = f.client->fetchMessages(QStringLiteral("10"), 0);
        f.transport->inject(r17(QStringLiteral("all_messages"),
            { { QStringLiteral("message"),
                QJsonArray { r17Message(QStringLiteral("1"), QStringLiteral("10"), 100) } } },
            206));
        QCOMPARE(messages.size(), 1);
        QCOMPARE(finished.size(), 0);
        f.transport->inject(r17(QStringLiteral("all_messages"),
            { { QStringLiteral("message"),
                QJsonArray { r17Message(QStringLiteral("2"), QStringLiteral("10"), 101) } } }));
        QCOMPARE(messages.size(), 2);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).value<RequestId>(), id);
    }

    void notFoundIsEmptyList()
    {
        Fixture f = make(Morelia::Dialect::Rev17);
        QSignalSpy flows(f.client.get(), &ProtocolClient::flowsReceived);
        QSignalSpy failed(f.client.get(), &ProtocolClient::requestFailed);
        f.client->fetchFlows();
        f.transport->inject(r17(QStringLiteral("all_flow"), {}, 404));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(flows.size(), 1);
        QVERIFY(flows.at(0).at(1).value<QList<Flow>>().isEmpty());
    }

    void allFlowFallsBackToAllChat()
    {
        Fixture f = make(Morelia::Dialect::V2020);
        QSignalSpy flows(f.client.get(), &ProtocolClient::flowsReceived);
        const RequestId id = f.client->fetchFlows();
        f.transport->inject(v2020(QStringLiteral("all_flow"), QJsonValue(), 400));
        QCOMPARE(f.transport->sent.size(), 2);
        QCOMPARE(
            f.transport->sent[1][QLatin1String("type")].toString(), QStringLiteral("all_chat"));
        f.transport->inject(v2020(QStringLiteral("all_chat"),
            QJsonObject { { QStringLiteral("flow"),
                QJsonObject { { QStringLiteral("id"), 5 }, { QStringLiteral("time"), 1594492370 },
                    { QStringLiteral("type"), QStringLiteral("group") },
                    { QStringLiteral("title"), QStringLiteral("G") } } } }));
        QCOMPARE(flows.size(), 1);
        QCOMPARE(flows.at(0).at(0).value<RequestId>(), id);
        QCOMPARE(flows.at(0).at(1).value<QList<Flow>>().first().id, QStringLiteral("5"));
        // Remembered for the connection: the next request uses all_chat directly.
        f.client->fetchFlows();
        QCOMPARE(
            f.transport->sent.last()[QLatin1String("type")].toString(), QStringLiteral("all_chat"));
    }

    void timeoutFailsRequest()
    {
        Fixture f = make(Morelia::Dialect::Rev17);
        f.client->setRequestTimeout(50);
        QSignalSpy failed(f.client.get(), &ProtocolClient::requestFailed);
        const RequestId id = f.client->fetchFlows();
        QVERIFY(failed.wait(1000));
        QCOMPARE(failed.at(0).at(0).value<RequestId>(), id);
        QCOMPARE(failed.at(0).at(1).value<Error>().code, Error::Code::Timeout);
        // A late answer is then dropped, not misattributed.
        QSignalSpy dropped(f.client.get(), &ProtocolClient::frameDropped);
        f.transport->inject(r17(QStringLiteral("all_flow"), {}));
        QCOMPARE(dropped.size(), 1);
    }

    void dropFailsEveryOutstandingRequest()
    {
        Fixture f = make(Morelia::Dialect::Rev17);
        QSignalSpy failed(f.client.get(), &ProtocolClient::requestFailed);
        QSignalSpy state(f.client.get(), &ProtocolClient::connectionStateChanged);
        f.client->fetchFlows();
        f.client->ping();
        f.transport->drop();
        QCOMPARE(failed.size(), 2);
        QCOMPARE(failed.at(0).at(1).value<Error>().code, Error::Code::ConnectionLost);
        QCOMPARE(f.client->connectionState(), ConnectionState::Disconnected);
        // Requests made while disconnected fail at once instead of hanging.
        f.client->fetchFlows();
        QVERIFY(failed.wait(1000));
        QCOMPARE(failed.size(), 3);
    }

    void garbageFramesAreDroppedNotFatal()
    {
        Fixture f = make(Morelia::Dialect::Rev17);
        QSignalSpy dropped(f.client.get(), &ProtocolClient::frameDropped);
        QSignalSpy finished(f.client.get(), &ProtocolClient::requestFinished);
        f.client->fetchFlows();
        f.transport->injectRaw("not json at all");
        f.transport->injectRaw("[1,2,3]");
        f.transport->injectRaw(QByteArray(100000, '['));
        f.transport->injectRaw("{\"type\": 5}");
        QCOMPARE(dropped.size(), 4);
        f.transport->inject(r17(QStringLiteral("all_flow"), {}));
        QCOMPARE(finished.size(), 1);
    }

    void sendReportsServerIdAndClientId()
    {
        Fixture f = make(Morelia::Dialect::Rev17);
        QSignalSpy sent(f.client.get(), &ProtocolClient::messageSent);
        const RequestId id = f.client->sendMessage(QStringLiteral("9"), QStringLiteral("hello"),
            { Attachment::fromBytes(QStringLiteral("a.txt"), "abc") }, 42);
        const QJsonObject request = f.transport->sent.last();
        const QJsonObject message
            = request[QLatin1String("data")][QLatin1String("message")][0].toObject();
        QCOMPARE(message[QLatin1String("client_id")].toInteger(), 42);
        QCOMPARE(message[QLatin1String("file_document")].toString(), QStringLiteral("YWJj"));
        f.transport->inject(r17(QStringLiteral("send_message"),
            { { QStringLiteral("message"),
                QJsonArray { QJsonObject { { QStringLiteral("uuid"), QStringLiteral("555") },
                    { QStringLiteral("client_id"), 42 },
                    { QStringLiteral("time"), 1700000000 } } } } }));
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.at(0).at(0).value<RequestId>(), id);
        QCOMPARE(sent.at(0).at(1).toLongLong(), 42);
        QCOMPARE(sent.at(0).at(2).toString(), QStringLiteral("555"));
        QCOMPARE(sent.at(0).at(3).toLongLong(), 1700000000000LL);
    }

    void unsolicitedMessagesArePushes()
    {
        Fixture f = make(Morelia::Dialect::V2020);
        QSignalSpy messages(f.client.get(), &ProtocolClient::messagesReceived);
        f.transport->inject(v2020(QStringLiteral("send_message"),
            QJsonObject { { QStringLiteral("message"),
                QJsonObject { { QStringLiteral("id"), 3 },
                    { QStringLiteral("text"), QStringLiteral("pushed") },
                    { QStringLiteral("time"), 1594492370.5 },
                    { QStringLiteral("from_user"),
                        QJsonObject { { QStringLiteral("id"), 1 },
                            { QStringLiteral("username"), QStringLiteral("V") } } },
                    { QStringLiteral("from_flow"),
                        QJsonObject { { QStringLiteral("id"), 8 },
                            { QStringLiteral("type"), QStringLiteral("chat") } } } } } }));
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.at(0).at(0).value<RequestId>(), RequestId(0));
        QCOMPARE(
            messages.at(0).at(1).value<QList<Message>>().first().text, QStringLiteral("pushed"));
    }

    void loginStoresAccountAndNeverLogsSecret()
    {
        Fixture f = make(Morelia::Dialect::V2020);
        QSignalSpy loggedIn(f.client.get(), &ProtocolClient::loggedIn);
        f.client->login({ QStringLiteral("alice"), QStringLiteral("pw"), {}, {} });
        QCOMPARE(
            f.transport->sent.last()[QLatin1String("type")].toString(), QStringLiteral("auth"));
        f.transport->inject(v2020(QStringLiteral("auth"),
            QJsonObject { { QStringLiteral("user"),
                QJsonObject { { QStringLiteral("id"), 12 },
                    { QStringLiteral("auth_id"), QStringLiteral("s3cr3t") } } } }));
        QCOMPARE(loggedIn.size(), 1);
        const Account account = loggedIn.at(0).at(1).value<Account>();
        QCOMPARE(account.user.id, QStringLiteral("12"));
        QCOMPARE(account.user.login, QStringLiteral("alice"));
        QCOMPARE(account.secret, QStringLiteral("s3cr3t"));
        QString printed;
        QDebug(&printed) << account;
        QVERIFY(!printed.contains(QStringLiteral("s3cr3t")));
        // Later requests carry the session.
        f.client->fetchFlows();
        const QJsonObject user
            = f.transport->sent.last()[QLatin1String("data")][QLatin1String("user")].toObject();
        QCOMPARE(user[QLatin1String("auth_id")].toString(), QStringLiteral("s3cr3t"));
        QCOMPARE(user[QLatin1String("id")].toInt(), 12);
    }
};

QTEST_GUILESS_MAIN(TestMoreliaClient)
#include "tst_moreliaclient.moc"
