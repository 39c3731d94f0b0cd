// SPDX-License-Identifier: GPL-3.0-or-later
// WsModeClient against natter-testserver's wsmode backend (in-process, 127.0.0.1:0).
#include "clientharness.h"
#include "protocol/wsmode/wsmodeclient.h"
#include "testserver.h"
#include "wsmode/wsmodebackend.h"

#include <QSignalSpy>
#include <QTest>

using namespace Natter;
using namespace Natter::Testing;

namespace {
// A valid 1×1 PNG.
const QByteArray kPng = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUl"
                                               "EQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

/// Waits for the next push (messagesReceived with id 0).
QList<Message> awaitPush(ProtocolClient &client, int timeoutMs = 5000)
{
    QSignalSpy spy(&client, &ProtocolClient::messagesReceived);
    while (spy.wait(timeoutMs)) {
        for (const auto &args : std::as_const(spy))
            if (args.at(0).value<RequestId>() == 0)
                return args.at(1).value<QList<Message>>();
    }
    return {};
}
} // namespace

class TestWsModeIntegration : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

    WsModeBackend &backend() { return static_cast<WsModeBackend &>(m_server->backend()); }

    std::unique_ptr<WsModeClient> connectedClient(const Account &account = {})
    {
        auto client = std::make_unique<WsModeClient>();
        client->setRequestTimeout(5000);
        if (account.isValid())
            client->setAccount(account);
        if (!connectAndWait(*client, m_server->url()))
            return nullptr;
        return client;
    }

    Account registerUser(WsModeClient &client, const QString &login)
    {
        const Outcome out = awaitRequest(client,
            client.registerAccount({ login, QStringLiteral("pw-") + login,
                login + QStringLiteral("@example.org"), {} }));
        return out.ok() ? out.account : Account {};
    }

    QString createChat(WsModeClient &client, const QString &contact)
    {
        const Outcome out
            = awaitRequest(client, client.createFlow({ Flow::Type::Chat, {}, {}, { contact } }));
        return out.ok() && !out.flows.isEmpty() ? out.flows.first().id : QString();
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>(Protocol::WsMode);
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0), qPrintable(m_server->errorString()));
    }

    void cleanup() { m_server.reset(); }

    void conversationWithPushes()
    {
        auto alice = connectedClient();
        auto bob = connectedClient();
        QVERIFY(alice && bob);
        const Account a = registerUser(*alice, QStringLiteral("alice1"));
        const Account b = registerUser(*bob, QStringLiteral("bob1"));
        QCOMPARE(a.user.id, QStringLiteral("alice1")); // known by name until a chat says the id
        QVERIFY(!a.secret.isEmpty() && a.secret != b.secret);

        const QString chat = createChat(*alice, QStringLiteral("bob1"));
        QVERIFY(!chat.isEmpty());
        QCOMPARE(createChat(*alice, m_server->userIdFor(QStringLiteral("bob1"))),
            chat); // by id: same chat

        const Outcome bobsChats = awaitRequest(*bob, bob->fetchFlows());
        QVERIFY2(bobsChats.ok(), qPrintable(bobsChats.error.message));
        QCOMPARE(bobsChats.flows.size(), 1);
        QCOMPARE(bobsChats.flows[0].id, chat);
        QCOMPARE(bobsChats.flows[0].type, Flow::Type::Chat);
        QCOMPARE(bobsChats.flows[0].title, QStringLiteral("alice1"));
        QCOMPARE(bob->account().user.id, m_server->userIdFor(QStringLiteral("bob1")));

        // alice writes; bob gets it pushed, without asking.
        QSignalSpy bobPush(bob.get(), &ProtocolClient::messagesReceived);
        const Outcome text = awaitRequest(
            *alice, alice->sendMessage(chat, QStringLiteral("Hello, Bob! Привет!"), {}, 1));
        QVERIFY2(text.ok(), qPrintable(text.error.message));
        QTRY_COMPARE(bobPush.size(), 1);
        QCOMPARE(bobPush[0].at(0).value<RequestId>(), RequestId(0));
        const Message pushed = bobPush[0].at(1).value<QList<Message>>().value(0);
        QCOMPARE(pushed.text, QStringLiteral("Hello, Bob! Привет!"));
        QCOMPARE(pushed.flowId, chat);
        QCOMPARE(pushed.fromId, m_server->userIdFor(QStringLiteral("alice1")));

        // bob answers with a picture; alice gets it pushed.
        const Attachment picture = Attachment::fromBytes(QStringLiteral("dot.png"), kPng);
        QSignalSpy alicePush(alice.get(), &ProtocolClient::messagesReceived);
        const Outcome media = awaitRequest(*bob, bob->sendMessage(chat, {}, { picture }, 2));
        QVERIFY2(media.ok(), qPrintable(media.error.message));
        QTRY_COMPARE(alicePush.size(), 1);
        const Message got = alicePush[0].at(1).value<QList<Message>>().value(0);
        QCOMPARE(got.attachments.size(), 1);
        QCOMPARE(got.attachments[0].bytes, kPng);
        QCOMPARE(got.attachments[0].mime, QStringLiteral("image/png"));
        QCOMPARE(got.attachments[0].kind, Attachment::Kind::Picture);

        // History: both messages, the pushed copies have the same keys as the fetched ones.
        const Outcome history = awaitRequest(*alice, alice->fetchMessages(chat, 0));
        QVERIFY2(history.ok(), qPrintable(history.error.message));
        QCOMPARE(history.messages.size(), 2);
        QCOMPARE(history.messages[0].id, pushed.id);
        QCOMPARE(history.messages[1].id, got.id);
        QCOMPARE(alice->account().user.id, m_server->userIdFor(QStringLiteral("alice1")));

        // fetchUpdates since just before bob's picture: the chat and that message only.
        const Outcome updates = awaitRequest(*alice, alice->fetchUpdates(got.time));
        QVERIFY2(updates.ok(), qPrintable(updates.error.message));
        QCOMPARE(updates.messages.size(), 1);
        QCOMPARE(updates.messages[0].id, got.id);
        QCOMPARE(m_server->messageCount(), 2);
    }

    void badTokenAndForeignChat()
    {
        auto stale = connectedClient(Account {
            User { QStringLiteral("alice1"), QStringLiteral("alice1") }, QStringLiteral("bogus") });
        QVERIFY(stale);
        const Outcome refused = awaitRequest(*stale, stale->fetchFlows());
        QCOMPARE(refused.error.code, Error::Code::SessionExpired);

        auto alice = connectedClient();
        auto carol = connectedClient();
        QVERIFY(alice && carol);
        registerUser(*alice, QStringLiteral("alice1"));
        m_server->createUser(QStringLiteral("bob1"), QStringLiteral("pw"));
        registerUser(*carol, QStringLiteral("carol1"));
        const QString chat = createChat(*alice, QStringLiteral("bob1"));
        QVERIFY(!chat.isEmpty());
        QCOMPARE(awaitRequest(*carol, carol->fetchMessages(chat, 0)).error.code,
            Error::Code::NotAMember);
        QCOMPARE(awaitRequest(*carol, carol->sendMessage(chat, QStringLiteral("let me in"), {}, 1))
                     .error.code,
            Error::Code::NotAMember);
        QCOMPARE(m_server->messageCount(), 0);

        QCOMPARE(awaitRequest(*alice,
                     alice->createFlow({ Flow::Type::Chat, {}, {}, { QStringLiteral("nobody") } }))
                     .error.code,
            Error::Code::NotFound);
        QCOMPARE(awaitRequest(*carol,
                     carol->registerAccount({ QStringLiteral("alice1"), QStringLiteral("x"),
                         QStringLiteral("new@example.org"), {} }))
                     .error.code,
            Error::Code::AlreadyExists);
        QCOMPARE(awaitRequest(*carol,
                     carol->registerAccount({ QStringLiteral("new1"), QStringLiteral("x"),
                         QStringLiteral("ALICE1@example.org"), {} }))
                     .error.code,
            Error::Code::AlreadyExists);
        QCOMPARE(awaitRequest(*carol,
                     carol->login({ QStringLiteral("alice1"), QStringLiteral("wrong"), {}, {} }))
                     .error.code,
            Error::Code::WrongCredentials);
    }

    void droppedSendIsStoredOnceAfterResend()
    {
        auto alice = connectedClient();
        QVERIFY(alice);
        const Account a = registerUser(*alice, QStringLiteral("alice1"));
        m_server->createUser(QStringLiteral("bob1"), QStringLiteral("pw"));
        const QString chat = createChat(*alice, QStringLiteral("bob1"));
        m_server->setDropOnMethod(QStringLiteral("sendMessage"));
        const Outcome lost
            = awaitRequest(*alice, alice->sendMessage(chat, QStringLiteral("once"), {}, 7));
        QCOMPARE(lost.error.code, Error::Code::ConnectionLost);
        QCOMPARE(alice->connectionState(), ConnectionState::Disconnected);

        // Reconnect: the stored token is checked and still good; resend.
        QVERIFY(connectAndWait(*alice, m_server->url()));
        QCOMPARE(alice->account().secret, a.secret);
        const Outcome resent
            = awaitRequest(*alice, alice->sendMessage(chat, QStringLiteral("once"), {}, 7));
        QVERIFY2(resent.ok(), qPrintable(resent.error.message));
        QCOMPARE(m_server->messageCount(), 1);
        const Outcome first = awaitRequest(*alice, alice->fetchMessages(chat, 0));
        const Outcome second = awaitRequest(*alice, alice->fetchMessages(chat, 0));
        QCOMPARE(first.messages.size(), 1);
        QCOMPARE(second.messages.size(), 1);
        QCOMPARE(second.messages[0].id, first.messages[0].id); // re-fetching does not duplicate
    }

    void logoutRecoveryAndTokenLimit()
    {
        backend().setMaxTokensPerUser(2);
        backend().setStatusAsString(true); // '200', as in the 004 examples
        auto one = connectedClient();
        QVERIFY(one);
        const Account a = registerUser(*one, QStringLiteral("alice1")); // token 1
        QVERIFY(a.isValid());
        QVERIFY(awaitRequest(
            *one, one->login({ QStringLiteral("alice1"), QStringLiteral("pw-alice1"), {}, {} }))
                    .ok()); // token 2
        QCOMPARE(awaitRequest(*one,
                     one->login({ QStringLiteral("alice1"), QStringLiteral("pw-alice1"), {}, {} }))
                     .error.code,
            Error::Code::TooManySessions);

        QVERIFY(awaitRequest(*one,
            one->recoverAccount(
                QStringLiteral("alice1"), QStringLiteral("alice1@example.org"), true))
                    .ok());
        QVERIFY(awaitRequest(
            *one, one->recoverAccount(QStringLiteral("alice1"), QStringLiteral("alice1"), false))
                    .ok());
        QCOMPARE(awaitRequest(*one,
                     one->recoverAccount(
                         QStringLiteral("alice1"), QStringLiteral("x@example.org"), true))
                     .error.code,
            Error::Code::NotFound);

        // The first token, used elsewhere, still works; after its logout it does not.
        auto other = connectedClient(a);
        QVERIFY(other);
        QVERIFY(awaitRequest(*other, other->fetchFlows()).ok());
        QVERIFY(awaitRequest(*other, other->logout()).ok());
        QCOMPARE(
            awaitRequest(*other, other->fetchFlows()).error.code, Error::Code::NotAuthenticated);
        auto again = connectedClient(a);
        QVERIFY(again);
        QCOMPARE(awaitRequest(*again, again->fetchFlows()).error.code, Error::Code::SessionExpired);
        // A token slot was freed by the logout.
        QVERIFY(awaitRequest(
            *one, one->login({ QStringLiteral("alice1"), QStringLiteral("pw-alice1"), {}, {} }))
                    .ok());
    }

    void demoDataAndGroups()
    {
        m_server->seedDemo();
        backend().setSendMessageIds(true);
        auto alice = connectedClient();
        QVERIFY(alice);
        QVERIFY(awaitRequest(
            *alice, alice->login({ QStringLiteral("alice"), QStringLiteral("demo"), {}, {} }))
                    .ok());
        const Outcome chats = awaitRequest(*alice, alice->fetchFlows());
        QVERIFY2(chats.ok(), qPrintable(chats.error.message));
        QCOMPARE(chats.flows.size(), 3);
        QString personal, group;
        for (const Flow &f : chats.flows) {
            if (f.type == Flow::Type::Chat)
                personal = f.id;
            else if (f.title == QLatin1String("Natter team"))
                group = f.id;
        }
        QVERIFY(!personal.isEmpty() && !group.isEmpty());
        QVERIFY(alice->capabilities().groups);
        const Outcome history = awaitRequest(*alice, alice->fetchMessages(group, 0));
        QVERIFY(history.ok());
        QVERIFY(history.messages.size() >= 5);
        bool sawPicture = false;
        for (const Message &m : history.messages) {
            QVERIFY(!m.id.startsWith(QLatin1String("wsm:"))); // the server sends ids now
            sawPicture = sawPicture
                || (!m.attachments.isEmpty()
                    && m.attachments[0].mime == QLatin1String("image/png"));
        }
        QVERIFY(sawPicture);
        QVERIFY(
            awaitRequest(*alice, alice->sendMessage(group, QStringLiteral("hi team"), {}, 1)).ok());
        backend().setGroupMessagesEnabled(false); // a 004 server
        QCOMPARE(awaitRequest(*alice, alice->sendMessage(group, QStringLiteral("hi again"), {}, 2))
                     .error.code,
            Error::Code::NotSupported);
        QVERIFY(!alice->capabilities().groups);
        QVERIFY(awaitRequest(*alice, alice->sendMessage(personal, QStringLiteral("hi bob"), {}, 3))
                    .ok());
    }
};

QTEST_GUILESS_MAIN(TestWsModeIntegration)
#include "tst_wsmodeintegration.moc"
