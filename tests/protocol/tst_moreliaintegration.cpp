// SPDX-License-Identifier: GPL-3.0-or-later
// MoreliaClient against natter-testserver (in-process, 127.0.0.1:0), in both dialects.
#include "clientharness.h"
#include "protocol/morelia/moreliaclient.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Natter;
using namespace Natter::Testing;

namespace {
// A valid 1×1 PNG.
const QByteArray kPng = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUl"
                                               "EQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
} // namespace

class TestMoreliaIntegration : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    Morelia::Dialect m_dialect = Morelia::Dialect::Auto;

    std::unique_ptr<MoreliaClient> connectedClient(
        Morelia::Dialect dialect = Morelia::Dialect::Auto)
    {
        auto client = std::make_unique<MoreliaClient>(dialect);
        client->setRequestTimeout(5000);
        if (!connectAndWait(*client, m_server->url()))
            return nullptr;
        return client;
    }

    Account registerUser(MoreliaClient &client, const QString &login)
    {
        const Outcome out = awaitRequest(client,
            client.registerAccount({ login, QStringLiteral("pw-") + login,
                login + QStringLiteral("@example.org"), QStringLiteral("User ") + login }));
        return out.ok() ? out.account : Account {};
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
        m_server = std::make_unique<TestServer>(*protocolFromName(protocol));
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0), qPrintable(m_server->errorString()));
        m_dialect = protocol == QLatin1String("morelia-2020") ? Morelia::Dialect::V2020
                                                              : Morelia::Dialect::Rev17;
    }

    void cleanup() { m_server.reset(); }

    void detectsDialect()
    {
        auto client = connectedClient();
        QVERIFY(client);
        QCOMPARE(client->dialect(), m_dialect);
    }

    void conversationBetweenTwoUsers()
    {
        auto alice = connectedClient();
        auto bob = connectedClient();
        QVERIFY(alice && bob);
        const Account a = registerUser(*alice, QStringLiteral("alice1"));
        const Account b = registerUser(*bob, QStringLiteral("bob1"));
        QVERIFY(!a.user.id.isEmpty() && !a.secret.isEmpty());
        QVERIFY(!b.user.id.isEmpty());
        QVERIFY(a.user.id != b.user.id);

        // A fresh login (not just the registration's session) works too.
        auto alice2 = connectedClient();
        QVERIFY(alice2);
        const Outcome login = awaitRequest(*alice2,
            alice2->login({ QStringLiteral("alice1"), QStringLiteral("pw-alice1"), {}, {} }));
        QVERIFY2(login.ok(), qPrintable(login.error.message));
        QCOMPARE(login.account.user.id, a.user.id);

        const Outcome profile = awaitRequest(*alice2, alice2->fetchProfile());
        QVERIFY2(profile.ok(), qPrintable(profile.error.message));
        QCOMPARE(profile.user.login, QStringLiteral("alice1"));
        QCOMPARE(profile.user.name, QStringLiteral("User alice1"));

        // Create the flow: with add_flow in revision 17; July 2020 has no such method.
        QString flowId;
        if (m_dialect == Morelia::Dialect::Rev17) {
            const Outcome created = awaitRequest(*alice,
                alice->createFlow(
                    { Flow::Type::Chat, QStringLiteral("Alice & Bob"), {}, { b.user.id } }));
            QVERIFY2(created.ok(), qPrintable(created.error.message));
            QCOMPARE(created.flows.size(), 1);
            QCOMPARE(created.flows.first().title, QStringLiteral("Alice & Bob"));
            flowId = created.flows.first().id;
        } else {
            const Outcome refused = awaitRequest(*alice,
                alice->createFlow({ Flow::Type::Chat, QStringLiteral("x"), {}, { b.user.id } }));
            QCOMPARE(refused.error.code, Error::Code::NotSupported);
            flowId = m_server->createFlow(QStringLiteral("chat"), QStringLiteral("Alice & Bob"),
                { QStringLiteral("alice1"), QStringLiteral("bob1") });
        }
        QVERIFY(!flowId.isEmpty());

        const Outcome bobsFlows = awaitRequest(*bob, bob->fetchFlows());
        QVERIFY2(bobsFlows.ok(), qPrintable(bobsFlows.error.message));
        QCOMPARE(bobsFlows.flows.size(), 1);
        QCOMPARE(bobsFlows.flows.first().id, flowId);
        QCOMPARE(bobsFlows.flows.first().type, Flow::Type::Chat);

        const Outcome text = awaitRequest(
            *alice, alice->sendMessage(flowId, QStringLiteral("Hello, Bob! Привет!"), {}, 1001));
        QVERIFY2(text.ok(), qPrintable(text.error.message));
        QVERIFY(text.serverTimeMs > 0);
        if (m_dialect == Morelia::Dialect::Rev17)
            QVERIFY(!text.serverId.isEmpty());
        const Attachment picture = Attachment::fromBytes(QStringLiteral("dot.png"), kPng);
        QCOMPARE(picture.kind, Attachment::Kind::Picture);
        const Outcome withPicture = awaitRequest(
            *alice, alice->sendMessage(flowId, QStringLiteral("a picture"), { picture }, 1002));
        QVERIFY2(withPicture.ok(), qPrintable(withPicture.error.message));

        Outcome read = awaitRequest(*bob, bob->fetchMessages(flowId, 0));
        QVERIFY2(read.ok(), qPrintable(read.error.message));
        QCOMPARE(read.messages.size(), 2);
        const Message first = read.messages.at(0).text.startsWith(QLatin1String("Hello"))
            ? read.messages.at(0)
            : read.messages.at(1);
        const Message second = read.messages.at(0).text.startsWith(QLatin1String("Hello"))
            ? read.messages.at(1)
            : read.messages.at(0);
        QCOMPARE(first.text, QStringLiteral("Hello, Bob! Привет!"));
        QCOMPARE(first.fromId, a.user.id);
        QCOMPARE(first.flowId, flowId);
        QCOMPARE(second.attachments.size(), 1);
        QCOMPARE(second.attachments.first().bytes, kPng);
        QCOMPARE(second.attachments.first().kind, Attachment::Kind::Picture);
        QCOMPARE(second.attachments.first().mime, QStringLiteral("image/png"));
        if (m_dialect == Morelia::Dialect::Rev17)
            QCOMPARE(first.id, text.serverId);

        const Outcome edit = awaitRequest(
            *alice, alice->editMessage(flowId, first.id, QStringLiteral("Hello again")));
        QVERIFY2(edit.ok(), qPrintable(edit.error.message));
        const Outcome del = awaitRequest(*alice, alice->deleteMessage(flowId, second.id));
        QVERIFY2(del.ok(), qPrintable(del.error.message));

        read = awaitRequest(*bob, bob->fetchMessages(flowId, 0));
        QVERIFY(read.ok());
        QCOMPARE(read.messages.size(), 2); // deletion is soft: the row stays as a marker
        for (const Message &m : std::as_const(read.messages)) {
            if (m.id == first.id) {
                QCOMPARE(m.text, QStringLiteral("Hello again"));
                QVERIFY(m.edited);
            } else {
                QCOMPARE(m.id, second.id);
                QVERIFY(m.attachments.isEmpty());
                QVERIFY(m.text != QLatin1String("a picture"));
            }
        }

        // Bob may not edit Alice's message.
        const Outcome foreignEdit
            = awaitRequest(*bob, bob->editMessage(flowId, first.id, QStringLiteral("hacked")));
        QVERIFY(!foreignEdit.ok());
        QCOMPARE(foreignEdit.error.group(), Error::Group::Server);

        // Updates since the start carry the flow and the messages.
        const Outcome updates = awaitRequest(*bob, bob->fetchUpdates(0));
        QVERIFY2(updates.ok(), qPrintable(updates.error.message));
        QVERIFY(updates.messages.size() >= 2);
    }

    void wrongPasswordIsClear()
    {
        m_server->createUser(
            QStringLiteral("carol1"), QStringLiteral("right"), QStringLiteral("Carol"));
        auto client = connectedClient();
        QVERIFY(client);
        const Outcome out = awaitRequest(
            *client, client->login({ QStringLiteral("carol1"), QStringLiteral("wrong"), {}, {} }));
        QVERIFY(!out.ok());
        QCOMPARE(out.error.code, Error::Code::WrongCredentials);
        QCOMPARE(out.error.group(), Error::Group::Auth);
    }

    void duplicateRegistrationRefused()
    {
        auto client = connectedClient();
        QVERIFY(client);
        QVERIFY(!registerUser(*client, QStringLiteral("dave")).user.id.isEmpty());
        const Outcome again = awaitRequest(*client,
            client->registerAccount({ QStringLiteral("dave"), QStringLiteral("x"),
                QStringLiteral("d@x.org"), QStringLiteral("D") }));
        QVERIFY(!again.ok());
        QCOMPARE(again.error.code, Error::Code::AlreadyExists);
    }

    void serverDropMidRequestFailsWithoutHang()
    {
        auto client = connectedClient();
        QVERIFY(client);
        QVERIFY(!registerUser(*client, QStringLiteral("erin")).user.id.isEmpty());
        m_server->setDropOnMethod(QStringLiteral("all_flow"));
        QElapsedTimer clock;
        clock.start();
        const Outcome out = awaitRequest(*client, client->fetchFlows());
        QVERIFY(!out.ok());
        QCOMPARE(out.error.code, Error::Code::ConnectionLost);
        QVERIFY2(clock.elapsed() < 4000, "the failure must come from the drop, not the deadline");
        QCOMPARE(client->connectionState(), ConnectionState::Disconnected);
    }

    void silentServerTimesOut()
    {
        auto client = connectedClient();
        QVERIFY(client);
        client->setRequestTimeout(300);
        m_server->setSilentOnMethod(QStringLiteral("register_user"));
        const Outcome out = awaitRequest(*client,
            client->registerAccount({ QStringLiteral("fay"), QStringLiteral("x"),
                QStringLiteral("f@x.org"), QStringLiteral("F") }));
        QCOMPARE(out.error.code, Error::Code::Timeout);
    }

    void unreachableServerFails()
    {
        const QUrl url = m_server->url();
        m_server.reset();
        MoreliaClient client(m_dialect);
        QVERIFY(!connectAndWait(client, url));
        const Outcome out = awaitRequest(client, client.fetchFlows());
        QVERIFY(!out.ok());
        QCOMPARE(out.error.group(), Error::Group::Network);
    }
};

QTEST_GUILESS_MAIN(TestMoreliaIntegration)
#include "tst_moreliaintegration.moc"
