// SPDX-License-Identifier: GPL-3.0-or-later
// WsModeClient against a fake transport: token check, correlation, pushes, status mapping,
// multi-frame requests, keep-alive and timeouts.
#include "faketransport.h"
#include "protocol/wsmode/wsmodeclient.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Natter;
using namespace Natter::Testing;

namespace {

QJsonObject answer(
    const QString &mode, const QJsonValue &status = 200, const QJsonObject &fields = {})
{
    QJsonObject o = fields;
    o.insert(QStringLiteral("mode"), mode);
    o.insert(QStringLiteral("timestamp"), 1700000000);
    o.insert(QStringLiteral("status"), status);
    return o;
}

QJsonObject wireMessage(int from, const QString &name, const QString &text, double time)
{
    return { { QStringLiteral("from_id"), from }, { QStringLiteral("from_name"), name },
        { QStringLiteral("content"), text },
        { QStringLiteral("content_type"), QStringLiteral("text") },
        { QStringLiteral("content_time"), time } };
}

QJsonObject chat(int id, const QString &type, double lastTime, const QJsonArray &members = {})
{
    return { { QStringLiteral("chat_id"), id }, { QStringLiteral("chat_type"), type },
        { QStringLiteral("chat_name"), QString(QStringLiteral("chat ") + QString::number(id)) },
        { QStringLiteral("last_message_time"), lastTime },
        { QStringLiteral("chat_members"), members } };
}

QString modeOf(const QJsonObject &frame)
{
    return frame.value(QLatin1String("mode")).toString();
}

/// Everything the client emitted, by request id.
struct Recorder
{
    explicit Recorder(ProtocolClient *client)
        : failed(client, &ProtocolClient::requestFailed),
          finished(client, &ProtocolClient::requestFinished),
          messages(client, &ProtocolClient::messagesReceived),
          flows(client, &ProtocolClient::flowsReceived),
          created(client, &ProtocolClient::flowCreated),
          sent(client, &ProtocolClient::messageSent),
          loggedIn(client, &ProtocolClient::loggedIn)
    { }
    Error errorOf(RequestId id) const
    {
        for (const auto &args : failed)
            if (args.at(0).value<RequestId>() == id)
                return args.at(1).value<Error>();
        return {};
    }
    bool finishedOk(RequestId id) const
    {
        for (const auto &args : finished)
            if (args.at(0).value<RequestId>() == id)
                return true;
        return false;
    }
    QList<Message> messagesOf(RequestId id) const
    {
        QList<Message> all;
        for (const auto &args : messages)
            if (args.at(0).value<RequestId>() == id)
                all += args.at(1).value<QList<Message>>();
        return all;
    }
    QSignalSpy failed, finished, messages, flows, created, sent, loggedIn;
};

} // namespace

class TestWsModeClient : public QObject
{
    Q_OBJECT

    FakeTransport *m_transport = nullptr;
    std::unique_ptr<WsModeClient> m_client;

    /// A client connected through the fake transport, logged in as alice with token "tok".
    void connectLoggedIn()
    {
        m_client->setAccount(Account {
            User { QStringLiteral("alice"), QStringLiteral("alice") }, QStringLiteral("tok") });
        m_client->connectToServer(QUrl(QStringLiteral("ws://127.0.0.1:1/")));
        QCOMPARE(modeOf(m_transport->sent.value(0)), QStringLiteral("checkToken"));
        m_transport->inject(answer(QStringLiteral("checkToken")));
        QCOMPARE(m_client->connectionState(), ConnectionState::Connected);
        m_transport->sent.clear();
    }

private Q_SLOTS:
    void init()
    {
        m_transport = new FakeTransport;
        m_client = std::make_unique<WsModeClient>(m_transport);
        m_client->setKeepAliveInterval(0);
    }
    void cleanup() { m_client.reset(); }

    void storedTokenIsCheckedFirst()
    {
        Recorder r(m_client.get());
        m_client->setAccount(Account {
            User { QStringLiteral("alice"), QStringLiteral("alice") }, QStringLiteral("tok") });
        m_client->connectToServer(QUrl(QStringLiteral("ws://127.0.0.1:1/")));
        QCOMPARE(m_client->connectionState(), ConnectionState::Connecting);
        const RequestId flows = m_client->fetchFlows();
        QCOMPARE(m_transport->sent.size(), 1); // only the check went out
        QCOMPARE(
            m_transport->sent[0].value(QLatin1String("token")).toString(), QStringLiteral("tok"));
        m_transport->inject(answer(QStringLiteral("checkToken"), QStringLiteral("200")));
        QCOMPARE(m_client->connectionState(), ConnectionState::Connected);
        QCOMPARE(m_transport->sent.size(), 2);
        QCOMPARE(modeOf(m_transport->sent[1]), QStringLiteral("getChats"));
        m_transport->inject(answer(QStringLiteral("getChats"), 200,
            { { QStringLiteral("chats"),
                QJsonArray { chat(7, QStringLiteral("personal"), 1) } } }));
        QVERIFY(r.finishedOk(flows));
        QCOMPARE(r.flows.size(), 1);
    }

    void refusedTokenFailsRequestsUntilLogin()
    {
        Recorder r(m_client.get());
        m_client->setAccount(Account {
            User { QStringLiteral("alice"), QStringLiteral("alice") }, QStringLiteral("old") });
        m_client->connectToServer(QUrl(QStringLiteral("ws://127.0.0.1:1/")));
        const RequestId queued = m_client->fetchFlows();
        m_transport->inject(answer(QStringLiteral("checkToken"), 401));
        QCOMPARE(m_client->connectionState(), ConnectionState::Connected);
        QCOMPARE(r.errorOf(queued).code, Error::Code::SessionExpired);
        QCOMPARE(m_transport->sent.size(), 1); // the queued getChats never went out
        const RequestId later = m_client->fetchMessages(QStringLiteral("7"), 0);
        QVERIFY(r.failed.wait(1000));
        QCOMPARE(r.errorOf(later).code, Error::Code::SessionExpired);
        // Logging in again still works and lifts the block.
        const RequestId login
            = m_client->login({ QStringLiteral("alice"), QStringLiteral("demo"), {}, {} });
        QCOMPARE(modeOf(m_transport->sent.last()), QStringLiteral("auth"));
        m_transport->inject(answer(
            QStringLiteral("auth"), 200, { { QStringLiteral("token"), QStringLiteral("new") } }));
        // No mode tells our id: the login reads the chats first to find it.
        QVERIFY(!r.finishedOk(login));
        QCOMPARE(modeOf(m_transport->sent.last()), QStringLiteral("getChats"));
        const QJsonArray members { QJsonObject { { QStringLiteral("id"), 5 },
            { QStringLiteral("username"), QStringLiteral("alice") } } };
        m_transport->inject(answer(QStringLiteral("getChats"), 200,
            { { QStringLiteral("chats"),
                QJsonArray { chat(7, QStringLiteral("personal"), 1, members) } } }));
        QVERIFY(r.finishedOk(login));
        QCOMPARE(m_client->account().secret, QStringLiteral("new"));
        QCOMPARE(m_client->account().user.id, QStringLiteral("5"));
        QCOMPARE(r.loggedIn.value(0).at(1).value<Account>().user.id, QStringLiteral("5"));
        QCOMPARE(r.loggedIn.value(0).at(1).value<Account>().user.login, QStringLiteral("alice"));

        // A user without chats (or a server refusing getChats) is known by the username.
        const RequestId again
            = m_client->login({ QStringLiteral("bob"), QStringLiteral("demo"), {}, {} });
        m_transport->inject(answer(
            QStringLiteral("auth"), 200, { { QStringLiteral("token"), QStringLiteral("t2") } }));
        m_transport->inject(answer(QStringLiteral("getChats"), 501));
        QVERIFY(r.finishedOk(again));
        QCOMPARE(m_client->account().user.id, QStringLiteral("bob"));
        m_client->fetchFlows();
        QCOMPARE(m_transport->sent.last().value(QLatin1String("token")).toString(),
            QStringLiteral("t2"));
    }

    void serverWithoutCheckTokenIsTrusted()
    {
        m_client->setAccount(Account {
            User { QStringLiteral("alice"), QStringLiteral("alice") }, QStringLiteral("tok") });
        m_client->connectToServer(QUrl(QStringLiteral("ws://127.0.0.1:1/")));
        m_client->fetchFlows();
        m_transport->inject(answer(QStringLiteral("checkToken"), 501));
        QCOMPARE(m_client->connectionState(), ConnectionState::Connected);
        QCOMPARE(modeOf(m_transport->sent.last()), QStringLiteral("getChats"));
    }

    void correlatesFifoPerMode()
    {
        connectLoggedIn();
        Recorder r(m_client.get());
        const RequestId first = m_client->fetchMessages(QStringLiteral("7"), 0);
        const RequestId chats = m_client->fetchFlows();
        const RequestId second = m_client->fetchMessages(QStringLiteral("8"), 0);
        QCOMPARE(m_transport->sent.size(), 3);
        m_transport->inject(answer(QStringLiteral("getMessages"), 200,
            { { QStringLiteral("messages"),
                QJsonArray {
                    wireMessage(2, QStringLiteral("bob"), QStringLiteral("in 7"), 100) } } }));
        m_transport->inject(answer(QStringLiteral("getMessages"), 200,
            { { QStringLiteral("messages"),
                QJsonArray {
                    wireMessage(3, QStringLiteral("carol"), QStringLiteral("in 8"), 101) } } }));
        QCOMPARE(r.messagesOf(first).value(0).text, QStringLiteral("in 7"));
        QCOMPARE(r.messagesOf(first).value(0).flowId, QStringLiteral("7"));
        QCOMPARE(r.messagesOf(second).value(0).flowId, QStringLiteral("8"));
        QVERIFY(r.finishedOk(first) && r.finishedOk(second));
        QVERIFY(!r.finishedOk(chats));
    }

    void pushesAreNotAnswers()
    {
        connectLoggedIn();
        Recorder r(m_client.get());
        const RequestId send
            = m_client->sendMessage(QStringLiteral("7"), QStringLiteral("hi"), {}, 55);
        // A push of someone else's message arrives before our answer: it is not the answer.
        m_transport->inject(answer(QStringLiteral("sendMessage"), 200,
            { { QStringLiteral("chat_id"), 7 },
                { QStringLiteral("messages"),
                    QJsonArray { wireMessage(
                        2, QStringLiteral("bob"), QStringLiteral("pushed"), 100) } } }));
        QCOMPARE(r.messagesOf(0).size(), 1);
        QCOMPARE(r.messagesOf(0).value(0).flowId, QStringLiteral("7"));
        QVERIFY(!r.finishedOk(send));
        m_transport->inject(answer(QStringLiteral("sendMessage")));
        QVERIFY(r.finishedOk(send));
        QCOMPARE(r.sent.size(), 1);
        QCOMPARE(r.sent[0].at(1).toLongLong(), 55);
        // An unrequested getMessages frame is a push too.
        m_transport->inject(answer(QStringLiteral("getMessages"), 200,
            { { QStringLiteral("chat_id"), 9 },
                { QStringLiteral("messages"),
                    QJsonArray {
                        wireMessage(2, QStringLiteral("bob"), QStringLiteral("again"), 101) } } }));
        QCOMPARE(r.messagesOf(0).size(), 2);
        QCOMPARE(r.messagesOf(0).value(1).flowId, QStringLiteral("9"));
        // A frame of a mode nobody asked for is dropped, nothing fails.
        QSignalSpy dropped(m_client.get(), &ProtocolClient::frameDropped);
        m_transport->inject(answer(QStringLiteral("getChats")));
        m_transport->injectRaw("{not json");
        QCOMPARE(dropped.size(), 2);
        QCOMPARE(r.failed.size(), 0);
    }

    void statusCodesMapToErrors_data()
    {
        QTest::addColumn<QString>("call");
        QTest::addColumn<QJsonValue>("status");
        QTest::addColumn<Error::Code>("code");
        using C = Error::Code;
        QTest::newRow("auth 401") << QStringLiteral("login") << QJsonValue(401)
                                  << C::WrongCredentials;
        QTest::newRow("auth 403") << QStringLiteral("login") << QJsonValue(QStringLiteral("403"))
                                  << C::TooManySessions;
        QTest::newRow("register 409")
            << QStringLiteral("register") << QJsonValue(409) << C::AlreadyExists;
        QTest::newRow("createChat 409")
            << QStringLiteral("create") << QJsonValue(409) << C::NotFound;
        QTest::newRow("getMessages 423")
            << QStringLiteral("messages") << QJsonValue(423) << C::NotAMember;
        QTest::newRow("getMessages 401")
            << QStringLiteral("messages") << QJsonValue(401) << C::SessionExpired;
        QTest::newRow("send 422") << QStringLiteral("send") << QJsonValue(422) << C::Validation;
        QTest::newRow("getChats 500")
            << QStringLiteral("flows") << QJsonValue(500) << C::ServerFailure;
        QTest::newRow("getChats 501")
            << QStringLiteral("flows") << QJsonValue(501) << C::NotSupported;
        QTest::newRow("recovery 409")
            << QStringLiteral("recover") << QJsonValue(409) << C::NotFound;
        QTest::newRow("logout 418")
            << QStringLiteral("logout") << QJsonValue(418) << C::ServerRefused;
    }

    void statusCodesMapToErrors()
    {
        QFETCH(QString, call);
        QFETCH(QJsonValue, status);
        QFETCH(Error::Code, code);
        connectLoggedIn();
        Recorder r(m_client.get());
        RequestId id = 0;
        if (call == QLatin1String("login"))
            id = m_client->login({ QStringLiteral("alice"), QStringLiteral("x"), {}, {} });
        else if (call == QLatin1String("register"))
            id = m_client->registerAccount(
                { QStringLiteral("bob"), QStringLiteral("x"), QStringLiteral("b@x"), {} });
        else if (call == QLatin1String("create"))
            id = m_client->createFlow({ Flow::Type::Chat, {}, {}, { QStringLiteral("nobody") } });
        else if (call == QLatin1String("messages"))
            id = m_client->fetchMessages(QStringLiteral("99"), 0);
        else if (call == QLatin1String("send"))
            id = m_client->sendMessage(QStringLiteral("7"), QStringLiteral("x"), {}, 1);
        else if (call == QLatin1String("flows"))
            id = m_client->fetchFlows();
        else if (call == QLatin1String("recover"))
            id = m_client->recoverAccount(QStringLiteral("alice"), QStringLiteral("a@x"), true);
        else
            id = m_client->logout();
        QCOMPARE(m_transport->sent.size(), 1);
        m_transport->inject(answer(modeOf(m_transport->sent[0]), status));
        QCOMPARE(r.failed.size(), 1);
        QCOMPARE(r.errorOf(id).code, code);
        QVERIFY(!r.finishedOk(id));
    }

    void timesOut()
    {
        connectLoggedIn();
        m_client->setRequestTimeout(50);
        Recorder r(m_client.get());
        const RequestId id = m_client->fetchFlows();
        QVERIFY(r.failed.wait(2000));
        QCOMPARE(r.errorOf(id).code, Error::Code::Timeout);
    }

    void droppedConnectionFailsOutstanding()
    {
        connectLoggedIn();
        Recorder r(m_client.get());
        const RequestId id = m_client->sendMessage(QStringLiteral("7"), QStringLiteral("x"), {}, 1);
        m_transport->drop();
        QCOMPARE(r.errorOf(id).code, Error::Code::ConnectionLost);
        QCOMPARE(m_client->connectionState(), ConnectionState::Disconnected);
        const RequestId after = m_client->fetchFlows();
        QVERIFY(r.failed.wait(1000));
        QCOMPARE(r.errorOf(after).code, Error::Code::ConnectionLost);
    }

    void textAndAttachmentsGoAsSeparateFrames()
    {
        connectLoggedIn();
        Recorder r(m_client.get());
        const Attachment png = Attachment::fromBytes(QStringLiteral("a.png"),
            QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8B"
                                   "QDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        const Attachment pdf
            = Attachment::fromBytes(QStringLiteral("b.pdf"), QByteArray("%PDF-1.4 x"));
        const RequestId id
            = m_client->sendMessage(QStringLiteral("7"), QStringLiteral("look"), { png, pdf }, 9);
        QCOMPARE(m_transport->sent.size(), 3);
        QCOMPARE(m_transport->sent[0].value(QLatin1String("content_type")).toString(),
            QStringLiteral("text"));
        QCOMPARE(m_transport->sent[1].value(QLatin1String("content_type")).toString(),
            QStringLiteral("image/png"));
        QCOMPARE(QByteArray::fromBase64(
                     m_transport->sent[1].value(QLatin1String("content")).toString().toLatin1()),
            png.bytes);
        QCOMPARE(m_transport->sent[2].value(QLatin1String("content_type")).toString(), pdf.mime);
        m_transport->inject(answer(QStringLiteral("sendMessage")));
        m_transport->inject(answer(QStringLiteral("sendMessage")));
        QVERIFY(!r.finishedOk(id));
        m_transport->inject(answer(QStringLiteral("sendMessage")));
        QVERIFY(r.finishedOk(id));
        QCOMPARE(r.sent.size(), 1);

        // The second of two pieces fails: the request fails once, nothing finishes.
        const RequestId two
            = m_client->sendMessage(QStringLiteral("7"), QStringLiteral("x"), { png }, 10);
        m_transport->inject(answer(QStringLiteral("sendMessage")));
        m_transport->inject(answer(QStringLiteral("sendMessage"), 500));
        QCOMPARE(r.errorOf(two).code, Error::Code::ServerFailure);
        QCOMPARE(r.failed.size(), 1);
        QVERIFY(!r.finishedOk(two));
    }

    void updatesFetchChangedChats()
    {
        connectLoggedIn();
        Recorder r(m_client.get());
        // First sync: everything is new.
        m_client->fetchFlows();
        m_transport->inject(answer(QStringLiteral("getChats"), 200,
            { { QStringLiteral("chats"),
                QJsonArray { chat(7, QStringLiteral("personal"), 1000),
                    chat(8, QStringLiteral("personal"), 3000) } } }));
        m_transport->sent.clear();
        const RequestId id = m_client->fetchUpdates(2000 * 1000);
        m_transport->inject(answer(QStringLiteral("getChats"), 200,
            { { QStringLiteral("chats"),
                QJsonArray { chat(7, QStringLiteral("personal"), 1000),
                    chat(8, QStringLiteral("personal"), 3000) } } }));
        QCOMPARE(m_transport->sent.size(), 2); // getChats, then getMessages for chat 8 only
        QCOMPARE(m_transport->sent[1].value(QLatin1String("chat_id")).toInt(), 8);
        QVERIFY(
            !m_transport->sent[1].contains(QLatin1String("min_message_id"))); // no real ids known
        QVERIFY(!r.finishedOk(id));
        m_transport->inject(answer(QStringLiteral("getMessages"), 200,
            { { QStringLiteral("messages"),
                QJsonArray { wireMessage(2, QStringLiteral("bob"), QStringLiteral("old"), 1000),
                    wireMessage(2, QStringLiteral("bob"), QStringLiteral("new"), 3000) } } }));
        QVERIFY(r.finishedOk(id));
        const QList<Message> got = r.messagesOf(id);
        QCOMPARE(got.size(), 1);
        QCOMPARE(got[0].text, QStringLiteral("new"));
        QCOMPARE(got[0].flowId, QStringLiteral("8"));
    }

    void minMessageIdOnlyWithRealIds()
    {
        connectLoggedIn();
        m_client->fetchMessages(QStringLiteral("7"), 0);
        QJsonObject withId = wireMessage(2, QStringLiteral("bob"), QStringLiteral("x"), 100);
        withId.insert(QStringLiteral("message_id"), 41);
        m_transport->inject(answer(QStringLiteral("getMessages"), 200,
            { { QStringLiteral("messages"), QJsonArray { withId } } }));
        m_client->fetchMessages(QStringLiteral("7"), 100000);
        QCOMPARE(m_transport->sent.last().value(QLatin1String("min_message_id")).toInteger(), 42);
        m_client->fetchMessages(QStringLiteral("8"), 100000);
        QVERIFY(!m_transport->sent.last().contains(QLatin1String("min_message_id")));
        m_client->fetchMessages(QStringLiteral("7"), 0);
        QVERIFY(!m_transport->sent.last().contains(QLatin1String("min_message_id")));
    }

    void learnsOwnIdAndGroups()
    {
        connectLoggedIn();
        QVERIFY(!m_client->capabilities().groups);
        const QJsonArray members { QJsonObject { { QStringLiteral("id"), 5 },
                                       { QStringLiteral("username"), QStringLiteral("alice") } },
            QJsonObject { { QStringLiteral("id"), 6 },
                { QStringLiteral("username"), QStringLiteral("bob") } } };
        m_client->fetchFlows();
        m_transport->inject(answer(QStringLiteral("getChats"), 200,
            { { QStringLiteral("chats"),
                QJsonArray { chat(7, QStringLiteral("personal"), 1, members),
                    chat(8, QStringLiteral("group"), 1) } } }));
        QCOMPARE(m_client->account().user.id, QStringLiteral("5"));
        QVERIFY(m_client->capabilities().groups);
        Recorder r(m_client.get());
        const RequestId toGroup
            = m_client->sendMessage(QStringLiteral("8"), QStringLiteral("hi all"), {}, 1);
        QCOMPARE(modeOf(m_transport->sent.last()), QStringLiteral("sendGroupMessage"));
        m_client->sendMessage(QStringLiteral("7"), QStringLiteral("hi bob"), {}, 2);
        QCOMPARE(modeOf(m_transport->sent.last()), QStringLiteral("sendMessage"));
        m_transport->inject(answer(QStringLiteral("sendGroupMessage"), 501));
        QCOMPARE(r.errorOf(toGroup).code, Error::Code::NotSupported);
        QVERIFY(!m_client->capabilities().groups);
    }

    void createChatByIdOrUsername()
    {
        connectLoggedIn();
        Recorder r(m_client.get());
        const RequestId id
            = m_client->createFlow({ Flow::Type::Chat, {}, {}, { QStringLiteral("6") } });
        QCOMPARE(m_transport->sent.last().value(QLatin1String("contact_mode")).toString(),
            QStringLiteral("id"));
        m_client->createFlow({ Flow::Type::Chat, {}, {}, { QStringLiteral("bob") } });
        QCOMPARE(m_transport->sent.last().value(QLatin1String("contact_mode")).toString(),
            QStringLiteral("username"));
        m_transport->inject(
            answer(QStringLiteral("createChat"), 200, { { QStringLiteral("chat_id"), 12 } }));
        QVERIFY(r.finishedOk(id));
        QCOMPARE(r.created.size(), 1);
        QCOMPARE(r.created[0].at(1).value<Flow>().id, QStringLiteral("12"));
        const RequestId group = m_client->createFlow(
            { Flow::Type::Group, QStringLiteral("g"), {}, { QStringLiteral("bob") } });
        QVERIFY(r.failed.wait(1000));
        QCOMPARE(r.errorOf(group).code, Error::Code::NotSupported);
    }

    void unsupportedFeaturesFailLater()
    {
        connectLoggedIn();
        Recorder r(m_client.get());
        const RequestId edit
            = m_client->editMessage(QStringLiteral("7"), QStringLiteral("1"), QStringLiteral("x"));
        const RequestId del = m_client->deleteMessage(QStringLiteral("7"), QStringLiteral("1"));
        const RequestId account = m_client->deleteAccount({});
        const RequestId other = m_client->fetchProfile(QStringLiteral("bob"));
        QSignalSpy profile(m_client.get(), &ProtocolClient::profileReceived);
        const RequestId own = m_client->fetchProfile();
        QCOMPARE(m_transport->sent.size(), 0);
        QTRY_COMPARE(r.failed.size(), 4);
        for (const RequestId id : { edit, del, account, other })
            QCOMPARE(r.errorOf(id).code, Error::Code::NotSupported);
        QTRY_VERIFY(r.finishedOk(own));
        QCOMPARE(profile.value(0).at(1).value<User>().login, QStringLiteral("alice"));
        const Capabilities c = m_client->capabilities();
        QVERIFY(c.registration && c.logout && c.recovery && c.createFlow && c.push && c.media);
        QVERIFY(!c.editMessage && !c.deleteMessage && !c.profile && !c.serverContacts
            && !c.serverSearch && !c.deleteAccount);
    }

    void keepAliveAndDeadConnection()
    {
        connectLoggedIn();
        m_client->setRequestTimeout(200);
        m_client->setKeepAliveInterval(30);
        QTRY_VERIFY(!m_transport->sent.isEmpty());
        QCOMPARE(modeOf(m_transport->sent[0]), QStringLiteral("checkConnection"));
        QVERIFY(!m_transport->sent[0].contains(QLatin1String("token")));
        m_transport->inject(answer(QStringLiteral("checkConnection"), QStringLiteral("200")));
        QCOMPARE(m_client->connectionState(), ConnectionState::Connected);
        // Nobody answers any more: the unanswered keep-alive ends the connection.
        QTRY_COMPARE_WITH_TIMEOUT(m_client->connectionState(), ConnectionState::Disconnected, 3000);
    }
};

QTEST_GUILESS_MAIN(TestWsModeClient)
#include "tst_wsmodeclient.moc"
