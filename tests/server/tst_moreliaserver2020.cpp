// SPDX-License-Identifier: GPL-3.0-or-later
// Raw JSON over QWebSocket against an in-process server speaking the July-2020 MoreliaTalk
// document (seeds 000/001). Revision 17, robustness and hooks: tst_moreliaserver.cpp.
#include "moreliatestutil.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Natter::Testing;
using namespace Natter::Testing::MoreliaTest;

class TestMoreliaServer2020 : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> startServer()
    {
        auto server = std::make_unique<TestServer>(Protocol::Morelia2020);
        if (!server->listen(QHostAddress::LocalHost, 0))
            return {};
        return server;
    }

private Q_SLOTS:
    void flow();
    void errors();
};

void TestMoreliaServer2020::flow()
{
    auto server = startServer();
    QVERIFY(server);
    RawClient client(server->url());
    QVERIFY(client.waitConnected());
    const auto alice = v2020Register(client, u"alice"_s);
    QVERIFY(alice.id > 0);
    QVERIFY(!alice.authId.isEmpty());
    const auto bob = v2020Register(client, u"bob"_s);
    QCOMPARE(code(client.call(v2020(u"register_user"_s,
                 { { u"user"_s,
                     QJsonObject { { u"login"_s, u"bob"_s }, { u"password"_s, u"x"_s } } } }))),
        409);

    // Both names of the login method; the reply echoes the request's type.
    for (const auto &type : { u"auth"_s, u"authentication"_s }) {
        const QJsonObject credentials { { u"login"_s, u"alice"_s },
            { u"password"_s, u"secret"_s } };
        const auto reply = client.call(v2020(type, { { u"user"_s, credentials } }));
        QCOMPARE(code(reply), 200);
        QCOMPARE(reply.value(u"type"_s).toString(), type);
        QCOMPARE(data(reply).value(u"user"_s).toObject().value(u"id"_s).toInteger(), alice.id);
        QVERIFY(reply.value(u"errors"_s).toObject().value(u"id"_s).isDouble());
    }
    const QJsonObject wrong { { u"login"_s, u"alice"_s }, { u"password"_s, u"bad"_s } };
    QCOMPARE(code(client.call(v2020(u"auth"_s, { { u"user"_s, wrong } }))), 401);

    // One flow: a single object. Two: a list. all_chat is the 000 name of all_flow.
    const auto chatId = server->createFlow(u"chat"_s, u"ab"_s, { u"alice"_s, u"bob"_s });
    auto reply = client.call(v2020Authed(alice, u"all_flow"_s));
    QCOMPARE(code(reply), 200);
    QVERIFY(data(reply).value(u"flow"_s).isObject());
    QCOMPARE(
        data(reply).value(u"flow"_s).toObject().value(u"id"_s).toInteger(), chatId.toLongLong());
    server->createFlow(u"group"_s, u"team"_s, { u"alice"_s, u"bob"_s });
    reply = client.call(v2020Authed(alice, u"all_chat"_s));
    QCOMPARE(reply.value(u"type"_s).toString(), u"all_chat"_s);
    QCOMPARE(data(reply).value(u"flow"_s).toArray().size(), 2);

    QJsonObject message { { u"text"_s, u"Hello!"_s },
        { u"file"_s, QJsonObject { { u"picture"_s, u"aGk="_s } } },
        { u"reply_to"_s, QJsonValue::Null } };
    reply = client.call(v2020Authed(alice, u"send_message"_s,
        { { u"flow"_s, QJsonObject { { u"id"_s, chatId.toLongLong() }, { u"type"_s, u"chat"_s } } },
            { u"message"_s, message } }));
    QCOMPARE(code(reply), 200);
    const auto sentAt = data(reply).value(u"time"_s).toDouble();
    QVERIFY(sentAt > 1.5e9);
    QCOMPARE(server->messageCount(), 1);

    reply = client.call(v2020Authed(bob, u"all_messages"_s, { { u"time"_s, 0.0 } }));
    QCOMPARE(code(reply), 200);
    auto received = data(reply).value(u"message"_s).toObject();
    const auto messageId = received.value(u"id"_s).toInteger();
    QVERIFY(messageId > 0);
    QCOMPARE(received.value(u"text"_s).toString(), u"Hello!"_s);
    QCOMPARE(received.value(u"from_user"_s).toObject().value(u"id"_s).toInteger(), alice.id);
    QCOMPARE(received.value(u"from_user"_s).toObject().value(u"username"_s).toString(), u"alice"_s);
    QCOMPARE(received.value(u"from_flow"_s).toObject().value(u"type"_s).toString(), u"chat"_s);
    QCOMPARE(received.value(u"file"_s).toObject().value(u"picture"_s).toString(), u"aGk="_s);
    QCOMPARE(received.value(u"time"_s).toDouble(), sentAt);

    const auto ref = [&](const QString &text) {
        QJsonObject object { { u"id"_s, messageId }, { u"time"_s, sentAt } };
        if (!text.isEmpty())
            object.insert(u"text"_s, text);
        return QJsonObject { { u"flow"_s, QJsonObject { { u"id"_s, chatId.toLongLong() } } },
            { u"message"_s, object } };
    };
    QCOMPARE(code(client.call(v2020Authed(bob, u"edited_message"_s, ref(u"mine now"_s)))), 403);
    reply = client.call(v2020Authed(alice, u"edited_message"_s, ref(u"Hello, edited"_s)));
    QCOMPARE(code(reply), 200);
    QVERIFY(reply.value(u"data"_s).isNull());

    QJsonObject since { { u"time"_s, sentAt },
        { u"flow"_s, QJsonObject { { u"id"_s, chatId.toLongLong() } } } };
    reply = client.call(v2020Authed(bob, u"get_update"_s, since));
    QCOMPARE(code(reply), 200);
    received = asList(data(reply).value(u"message"_s)).first().toObject();
    QCOMPARE(received.value(u"text"_s).toString(), u"Hello, edited"_s);
    QCOMPARE(received.value(u"edited_message"_s).toObject().value(u"status"_s).toBool(), true);
    QCOMPARE(asList(data(reply).value(u"flow"_s)).size(), 1); // filtered to the chat

    QCOMPARE(code(client.call(v2020Authed(alice, u"delete_message"_s, ref({})))), 200);
    reply = client.call(v2020Authed(bob, u"all_messages"_s, { { u"time"_s, 0 } }));
    received = data(reply).value(u"message"_s).toObject();
    QCOMPARE(received.value(u"text"_s).toString(), u"Message deleted"_s);
    QVERIFY(received.value(u"file"_s).isNull());

    reply = client.call(v2020Authed(alice, u"user_info"_s));
    QCOMPARE(data(reply).value(u"user"_s).toObject().value(u"login"_s).toString(), u"alice"_s);
    QCOMPARE(data(reply).value(u"user"_s).toObject().value(u"email"_s).toString(),
        u"alice@example.org"_s);

    const QJsonObject byPassword { { u"login"_s, u"bob"_s }, { u"password"_s, u"secret"_s } };
    reply = client.call(v2020(u"delete_user"_s, { { u"user"_s, byPassword } }));
    QCOMPARE(code(reply), 200);
    QCOMPARE(data(reply).value(u"user"_s).toObject().value(u"id"_s).toInteger(), bob.id);
    QCOMPARE(code(client.call(v2020Authed(bob, u"all_flow"_s))), 401);
}

void TestMoreliaServer2020::errors()
{
    auto server = startServer();
    QVERIFY(server);
    RawClient client(server->url());
    QVERIFY(client.waitConnected());
    const auto alice = v2020Register(client, u"alice"_s);
    v2020Register(client, u"carol"_s);

    auto reply = client.call(v2020Authed(alice, u"no_such_method"_s));
    QCOMPARE(code(reply), 400);
    QCOMPARE(reply.value(u"errors"_s).toObject().value(u"status"_s).toString(), u"Bad Request"_s);
    QCOMPARE(code(client.call(v2020Authed(alice, u"add_flow"_s))), 400); // not in 2020
    QCOMPARE(code(client.call(v2020Authed(alice, u"ping_pong"_s))), 400);

    reply = client.call(v2020(u"all_flow"_s));
    QCOMPARE(code(reply), 400);
    QVERIFY2(detail(reply).contains(u"data.user"_s), qPrintable(detail(reply)));
    reply = client.call(v2020Authed({ alice.id, u"bad"_s }, u"all_flow"_s));
    QCOMPARE(code(reply), 401);
    reply = client.call(v2020Authed({ alice.id + 1, alice.authId }, u"all_flow"_s));
    QCOMPARE(code(reply), 401);
    reply = client.call(v2020Authed(alice, u"all_messages"_s));
    QCOMPARE(code(reply), 400);
    QVERIFY2(detail(reply).contains(u"data.time"_s), qPrintable(detail(reply)));
    reply = client.call(v2020Authed(alice, u"all_messages"_s, { { u"time"_s, u"yesterday"_s } }));
    QCOMPARE(code(reply), 400);

    // Sending into a flow alice is not in; an unknown flow; huge and fractional ids.
    const auto carolsFlow = server->createFlow(u"group"_s, u"c"_s, { u"carol"_s });
    const auto send = [&](const QJsonValue &flowId) {
        return client.call(v2020Authed(alice, u"send_message"_s,
            { { u"flow"_s, QJsonObject { { u"id"_s, flowId } } },
                { u"message"_s, QJsonObject { { u"text"_s, u"hi"_s } } } }));
    };
    QCOMPARE(code(send(carolsFlow.toLongLong())), 403);
    QCOMPARE(code(send(987654)), 404);
    reply = send(1e308);
    QCOMPARE(code(reply), 400);
    QVERIFY2(detail(reply).contains(u"data.flow.id"_s), qPrintable(detail(reply)));
    QCOMPARE(code(send(1.5)), 400);
    QCOMPARE(server->messageCount(), 0);
}

QTEST_GUILESS_MAIN(TestMoreliaServer2020)
#include "tst_moreliaserver2020.moc"
