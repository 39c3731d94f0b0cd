// SPDX-License-Identifier: GPL-3.0-or-later
// Raw JSON over QWebSocket against an in-process MoreliaTalk test server, both dialects.
// Deliberately no client codec here: these tests pin the server's wire behaviour.
#include "moreliatestutil.h"
#include "testserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Natter::Testing;
using namespace Natter::Testing::MoreliaTest;

class TestMoreliaServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> startServer(Protocol protocol)
    {
        auto server = std::make_unique<TestServer>(protocol);
        if (!server->listen(QHostAddress::LocalHost, 0))
            return {};
        return server;
    }

private Q_SLOTS:
    void r17RegisterAndAuthenticate();
    void r17Errors();
    void r17AddFlow();
    void r17SendAndPage();
    void r17EditDeleteAndUpdate();
    void r17DeleteUser();
    void garbageFrames();
    void malformedRequests_data();
    void malformedRequests();
    void closeOnGarbage();
    void dropAndSilentHooks();
    void demoData();
    void twoServersInOneProcess();
};

// --- Revision 17 ----------------------------------------------------------------------------

void TestMoreliaServer::r17RegisterAndAuthenticate()
{
    auto server = startServer(Protocol::MoreliaR17);
    QVERIFY(server);
    QCOMPARE(server->url().scheme(), u"ws"_s);
    QCOMPARE(server->url().host(), u"127.0.0.1"_s);
    QVERIFY(server->port() > 0);
    QSignalSpy requests(server.get(), &TestServer::requestReceived);
    RawClient client(server->url());
    QVERIFY(client.waitConnected());

    auto reply = client.call(r17(u"register_user"_s, r17Credentials(u"alice"_s, u"pw1"_s)));
    QCOMPARE(reply.value(u"type"_s).toString(), u"register_user"_s);
    QCOMPARE(code(reply), 201);
    QCOMPARE(reply.value(u"jsonapi"_s).toObject().value(u"revision"_s).toString(), u"17"_s);
    QCOMPARE(reply.value(u"jsonapi"_s).toObject().value(u"version"_s).toString(), u"1.0"_s);
    const auto created = data(reply).value(u"user"_s).toArray();
    QCOMPARE(created.size(), 1);
    const auto uuid = created.first().toObject().value(u"uuid"_s).toString();
    bool numeric = false;
    uuid.toDouble(&numeric);
    QVERIFY2(numeric && uuid.size() >= 30, qPrintable(uuid));
    QVERIFY(data(reply).value(u"time"_s).isDouble());
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().first().toString(), u"register_user"_s);

    reply = client.call(r17(u"register_user"_s, r17Credentials(u"alice"_s, u"other"_s)));
    QCOMPARE(code(reply), 409);
    QCOMPARE(reply.value(u"errors"_s).toObject().value(u"status"_s).toString(), u"Conflict"_s);

    reply = client.call(r17(u"authentication"_s, r17Credentials(u"alice"_s, u"wrong"_s)));
    QCOMPARE(code(reply), 401);
    reply = client.call(r17(u"authentication"_s, r17Credentials(u"nobody"_s, u"pw1"_s)));
    QCOMPARE(code(reply), 401);

    reply = client.call(r17(u"authentication"_s, r17Credentials(u"alice"_s, u"pw1"_s)));
    QCOMPARE(code(reply), 200);
    const auto me = data(reply).value(u"user"_s).toArray().first().toObject();
    QCOMPARE(me.value(u"uuid"_s).toString(), uuid);
    QCOMPARE(me.value(u"auth_id"_s).toString(), server->lastAuthIdFor(u"alice"_s));
    QCOMPARE(server->userIdFor(u"alice"_s), uuid);

    const R17Session session { uuid, me.value(u"auth_id"_s).toString() };
    reply = client.call(r17Authed(session, u"user_info"_s));
    QCOMPARE(code(reply), 200);
    const auto profile = data(reply).value(u"user"_s).toArray().first().toObject();
    QCOMPARE(profile.value(u"login"_s).toString(), u"alice"_s);
    QVERIFY(profile.value(u"password"_s).isNull());
    QCOMPARE(profile.value(u"auth_id"_s).toString(), session.authId);
    QCOMPARE(code(client.call(r17Authed(session, u"ping_pong"_s))), 200);
}

void TestMoreliaServer::r17Errors()
{
    auto server = startServer(Protocol::MoreliaR17);
    QVERIFY(server);
    RawClient client(server->url());
    QVERIFY(client.waitConnected());
    const auto session = r17Register(client, u"alice"_s);
    QVERIFY(!session.authId.isEmpty());

    auto reply = client.call(r17(u"all_flow"_s));
    QCOMPARE(code(reply), 401);
    reply = client.call(r17Authed({ session.uuid, u"0000"_s }, u"all_flow"_s));
    QCOMPARE(code(reply), 401);

    // A single object where r17 wants a list: validation failure, "type": "error".
    reply = client.call(r17(u"all_flow"_s, { { u"user"_s, session.me() } }));
    QCOMPARE(code(reply), 415);
    QCOMPARE(reply.value(u"type"_s).toString(), u"error"_s);
    QVERIFY2(detail(reply).contains(u"data.user"_s), qPrintable(detail(reply)));

    reply = client.call(r17Authed(session, u"no_such_method"_s));
    QCOMPARE(code(reply), 405);
    QCOMPARE(reply.value(u"type"_s).toString(), u"no_such_method"_s);
    QCOMPARE(
        reply.value(u"errors"_s).toObject().value(u"status"_s).toString(), u"Method Not Allowed"_s);
    QCOMPARE(code(client.call(r17Authed(session, u"auth"_s))), 405); // 2020 name

    auto noVersion = r17Authed(session, u"all_flow"_s);
    noVersion.insert(u"jsonapi"_s, QJsonObject { { u"version"_s, u"2.0"_s } });
    QCOMPARE(code(client.call(noVersion)), 505);
    auto noApi = r17Authed(session, u"all_flow"_s);
    noApi.remove(u"jsonapi"_s);
    QCOMPARE(code(client.call(noApi)), 415);

    reply = client.call(r17Authed(session, u"all_messages"_s, { { u"time"_s, 0 } }));
    QCOMPARE(code(reply), 415);
    QVERIFY2(detail(reply).contains(u"data.flow"_s), qPrintable(detail(reply)));
    reply = client.call(r17Authed(session, u"all_messages"_s, flowRef(u"12345"_s)));
    QCOMPARE(code(reply), 415);
    QVERIFY2(detail(reply).contains(u"data.time"_s), qPrintable(detail(reply)));
    auto unknownFlow = flowRef(u"12345"_s);
    unknownFlow.insert(u"time"_s, 0);
    QCOMPARE(code(client.call(r17Authed(session, u"all_messages"_s, unknownFlow))), 404);
}

void TestMoreliaServer::r17AddFlow()
{
    auto server = startServer(Protocol::MoreliaR17);
    QVERIFY(server);
    RawClient client(server->url());
    QVERIFY(client.waitConnected());
    const auto alice = r17Register(client, u"alice"_s);
    const auto bob = r17Register(client, u"bob"_s);
    const auto carol = r17Register(client, u"carol"_s);

    auto addFlow = [&](const QString &type, const QStringList &users) {
        QJsonObject flow { { u"type"_s, type }, { u"title"_s, QString(u"T "_s + type) },
            { u"info"_s, u"about"_s }, { u"owner"_s, alice.uuid },
            { u"users"_s, QJsonArray::fromStringList(users) } };
        return client.call(r17Authed(alice, u"add_flow"_s, { { u"flow"_s, QJsonArray { flow } } }));
    };
    auto reply = addFlow(u"chat"_s, { bob.uuid });
    QCOMPARE(code(reply), 201);
    const auto chat = data(reply).value(u"flow"_s).toArray().first().toObject();
    QVERIFY(!chat.value(u"uuid"_s).toString().isEmpty());
    QCOMPARE(chat.value(u"type"_s).toString(), u"chat"_s);
    QCOMPARE(chat.value(u"owner"_s).toString(), alice.uuid);
    const auto users = chat.value(u"users"_s).toArray();
    QCOMPARE(users.size(), 2);
    QVERIFY(users.contains(alice.uuid) && users.contains(bob.uuid));
    QVERIFY(chat.value(u"message_start"_s).isNull());

    QCOMPARE(code(addFlow(u"chat"_s, { bob.uuid, carol.uuid })), 400);
    QCOMPARE(code(addFlow(u"chat"_s, {})), 400);
    QCOMPARE(code(addFlow(u"lobby"_s, { bob.uuid })), 400);
    QCOMPARE(code(addFlow(u"group"_s, { u"999"_s })), 400);
    QCOMPARE(code(addFlow(u"group"_s, { bob.uuid, carol.uuid })), 201);

    reply = client.call(r17Authed(alice, u"all_flow"_s));
    QCOMPARE(code(reply), 200);
    QCOMPARE(data(reply).value(u"flow"_s).toArray().size(), 2);
    reply = client.call(r17Authed(carol, u"all_flow"_s));
    QCOMPARE(data(reply).value(u"flow"_s).toArray().size(), 1);
    const auto dave = r17Register(client, u"dave"_s);
    reply = client.call(r17Authed(dave, u"all_flow"_s));
    QCOMPARE(code(reply), 200);
    QVERIFY(data(reply).value(u"flow"_s).isArray());
    QCOMPARE(data(reply).value(u"flow"_s).toArray().size(), 0);

    // createFlow() is the test hook; it returns the r17 wire id.
    const auto hooked = server->createFlow(u"channel"_s, u"News"_s, { u"bob"_s, u"alice"_s });
    reply = client.call(r17Authed(bob, u"all_flow"_s));
    bool found = false;
    for (const auto &flow : data(reply).value(u"flow"_s).toArray())
        found = found || flow.toObject().value(u"uuid"_s).toString() == hooked;
    QVERIFY(found);
}

void TestMoreliaServer::r17SendAndPage()
{
    auto server = startServer(Protocol::MoreliaR17);
    QVERIFY(server);
    RawClient client(server->url());
    QVERIFY(client.waitConnected());
    const auto alice = r17Register(client, u"alice"_s);
    const auto bob = r17Register(client, u"bob"_s);
    const auto carol = r17Register(client, u"carol"_s);
    const auto flow = server->createFlow(u"chat"_s, u"ab"_s, { u"alice"_s, u"bob"_s });
    QVERIFY(!flow.isEmpty());

    constexpr int Count = 250;
    QStringList uuids;
    for (int i = 0; i < Count; ++i) {
        auto request = flowRef(flow);
        request.insert(u"message"_s,
            QJsonArray { QJsonObject { { u"uuid"_s, u"local"_s }, { u"client_id"_s, 1000 + i },
                { u"text"_s, u"message %1"_s.arg(i) } } });
        const auto reply = client.call(r17Authed(i % 2 ? bob : alice, u"send_message"_s, request));
        QCOMPARE(code(reply), 200);
        const auto sent = data(reply).value(u"message"_s).toArray().first().toObject();
        QCOMPARE(sent.value(u"client_id"_s).toInteger(), 1000 + i);
        QVERIFY(sent.value(u"time"_s).isDouble());
        QVERIFY(sent.value(u"uuid"_s).toString() != u"local"_s);
        uuids.append(sent.value(u"uuid"_s).toString());
    }
    QCOMPARE(server->messageCount(), Count);
    QCOMPARE(QSet<QString>(uuids.cbegin(), uuids.cend()).size(), Count);

    auto request = flowRef(flow);
    request.insert(u"time"_s, 0);
    client.send(r17Authed(alice, u"all_messages"_s, request));
    QList<int> codes;
    QStringList received;
    while (codes.isEmpty() || codes.constLast() == 206) {
        const auto page = client.next();
        QVERIFY(!page.isEmpty());
        QCOMPARE(page.value(u"type"_s).toString(), u"all_messages"_s);
        codes.append(code(page));
        const auto messages = data(page).value(u"message"_s).toArray();
        QVERIFY(messages.size() <= 100);
        for (const auto &message : messages)
            received.append(message.toObject().value(u"uuid"_s).toString());
    }
    QCOMPARE(codes, (QList<int> { 206, 206, 200 }));
    QCOMPARE(received, uuids); // every message once, oldest first
    QCOMPARE(client.pending(), 0);

    // Paging boundary: exactly 100 fits in one 200 frame; a time in the future gives none.
    request.insert(u"time"_s, qint64(QDateTime::currentSecsSinceEpoch()) + 3600);
    const auto empty = client.call(r17Authed(alice, u"all_messages"_s, request));
    QCOMPARE(code(empty), 200);
    QCOMPARE(data(empty).value(u"message"_s).toArray().size(), 0);

    // Not a member, missing client_id, client_id of the wrong type.
    auto send = flowRef(flow);
    send.insert(
        u"message"_s, QJsonArray { QJsonObject { { u"client_id"_s, 1 }, { u"text"_s, u"hi"_s } } });
    QCOMPARE(code(client.call(r17Authed(carol, u"send_message"_s, send))), 403);
    send.insert(u"message"_s, QJsonArray { QJsonObject { { u"text"_s, u"hi"_s } } });
    auto reply = client.call(r17Authed(alice, u"send_message"_s, send));
    QCOMPARE(code(reply), 415);
    QCOMPARE(reply.value(u"type"_s).toString(), u"error"_s);
    QVERIFY2(detail(reply).contains(u"client_id"_s), qPrintable(detail(reply)));
    send.insert(u"message"_s,
        QJsonArray { QJsonObject { { u"client_id"_s, u"seven"_s }, { u"text"_s, u"hi"_s } } });
    QCOMPARE(code(client.call(r17Authed(alice, u"send_message"_s, send))), 415);
    send.insert(u"message"_s,
        QJsonArray { QJsonObject { { u"client_id"_s, 1e300 }, { u"text"_s, u"hi"_s } } });
    QCOMPARE(code(client.call(r17Authed(alice, u"send_message"_s, send))), 415);
    QCOMPARE(server->messageCount(), Count);
}

void TestMoreliaServer::r17EditDeleteAndUpdate()
{
    auto server = startServer(Protocol::MoreliaR17);
    QVERIFY(server);
    RawClient client(server->url());
    QVERIFY(client.waitConnected());
    const auto alice = r17Register(client, u"alice"_s);
    const auto bob = r17Register(client, u"bob"_s);
    const auto flow = server->createFlow(u"group"_s, u"team"_s, { u"alice"_s, u"bob"_s });
    const auto picture = u"iVBORw0KGgo="_s;

    auto send = flowRef(flow);
    send.insert(u"message"_s,
        QJsonArray { QJsonObject {
            { u"client_id"_s, 7 }, { u"text"_s, u"first"_s }, { u"file_picture"_s, picture } } });
    auto reply = client.call(r17Authed(alice, u"send_message"_s, send));
    QCOMPARE(code(reply), 200);
    const auto sent = data(reply).value(u"message"_s).toArray().first().toObject();
    const auto uuid = sent.value(u"uuid"_s).toString();
    const auto sentAt = sent.value(u"time"_s).toInteger();

    auto update = client.call(r17Authed(bob, u"get_update"_s, { { u"time"_s, sentAt } }));
    QCOMPARE(code(update), 200);
    auto messages = data(update).value(u"message"_s).toArray();
    QCOMPARE(messages.size(), 1);
    auto message = messages.first().toObject();
    QCOMPARE(message.value(u"uuid"_s).toString(), uuid);
    QCOMPARE(message.value(u"client_id"_s).toInteger(), 7);
    QCOMPARE(message.value(u"from_user"_s).toString(), alice.uuid);
    QCOMPARE(message.value(u"from_flow"_s).toString(), flow);
    QCOMPARE(message.value(u"file_picture"_s).toString(), picture);
    QVERIFY(message.value(u"file_video"_s).isNull());
    QCOMPARE(message.value(u"edited_status"_s).toBool(), false);
    QVERIFY(message.value(u"edited_time"_s).isNull());
    QCOMPARE(data(update).value(u"flow"_s).toArray().size(), 1);
    QVERIFY(data(update).value(u"user"_s).toArray().size() >= 1);

    const auto change = [&](const QString &text) {
        QJsonObject object { { u"uuid"_s, uuid }, { u"client_id"_s, 7 } };
        if (!text.isEmpty())
            object.insert(u"text"_s, text);
        return QJsonObject { { u"message"_s, QJsonArray { object } } };
    };
    QCOMPARE(code(client.call(r17Authed(bob, u"edited_message"_s, change(u"hacked"_s)))), 403);
    QCOMPARE(code(client.call(r17Authed(bob, u"delete_message"_s, change({})))), 403);
    reply = client.call(r17Authed(alice, u"edited_message"_s, change(u"first, edited"_s)));
    QCOMPARE(code(reply), 200);
    message = data(reply).value(u"message"_s).toArray().first().toObject();
    QCOMPARE(message.value(u"text"_s).toString(), u"first, edited"_s);
    QCOMPARE(message.value(u"edited_status"_s).toBool(), true);
    QVERIFY(message.value(u"edited_time"_s).isDouble());

    reply = client.call(r17Authed(alice, u"delete_message"_s, change({})));
    QCOMPARE(code(reply), 200);
    update = client.call(r17Authed(bob, u"get_update"_s, { { u"time"_s, sentAt } }));
    messages = data(update).value(u"message"_s).toArray();
    QCOMPARE(messages.size(), 1);
    message = messages.first().toObject();
    QCOMPARE(message.value(u"text"_s).toString(), u"Message deleted"_s);
    QVERIFY(message.value(u"file_picture"_s).isNull());
    QCOMPARE(server->messageCount(), 1); // soft delete keeps the row
    QCOMPARE(code(client.call(r17Authed(alice, u"edited_message"_s, change(u"again"_s)))), 404);

    // Far in the future: nothing changed since then.
    const auto later = qint64(QDateTime::currentSecsSinceEpoch()) + 3600;
    update = client.call(r17Authed(bob, u"get_update"_s, { { u"time"_s, later } }));
    QCOMPARE(code(update), 200);
    QCOMPARE(data(update).value(u"message"_s).toArray().size(), 0);
    QCOMPARE(data(update).value(u"flow"_s).toArray().size(), 0);
}

void TestMoreliaServer::r17DeleteUser()
{
    auto server = startServer(Protocol::MoreliaR17);
    QVERIFY(server);
    RawClient client(server->url());
    QVERIFY(client.waitConnected());
    const auto alice = r17Register(client, u"alice"_s);
    // user[0] carries the session and the credentials together.
    const auto deleteUser = [&](const QString &password) {
        QJsonObject user = alice.me();
        user.insert(u"login"_s, u"alice"_s);
        user.insert(u"password"_s, password);
        return client.call(r17(u"delete_user"_s, { { u"user"_s, QJsonArray { user } } }));
    };
    QCOMPARE(code(deleteUser(u"nope"_s)), 401);
    const auto reply = deleteUser(u"secret"_s);
    QCOMPARE(code(reply), 200);
    QCOMPARE(data(reply).value(u"user"_s).toArray().first().toObject().value(u"login"_s).toString(),
        u"alice"_s);
    QCOMPARE(code(client.call(r17Authed(alice, u"all_flow"_s))), 401);
    QCOMPARE(
        code(client.call(r17(u"authentication"_s, r17Credentials(u"alice"_s, u"secret"_s)))), 401);
    QCOMPARE(code(client.call(r17(u"register_user"_s, r17Credentials(u"alice"_s, u"x"_s)))), 201);
}

// --- Robustness and hooks ------------------------------------------------------------------

void TestMoreliaServer::garbageFrames()
{
    for (const auto protocol : { Protocol::Morelia2020, Protocol::MoreliaR17 }) {
        auto server = startServer(protocol);
        QVERIFY(server);
        RawClient client(server->url());
        QVERIFY(client.waitConnected());

        client.sendText(u"this is {not json"_s);
        auto reply = client.next();
        QCOMPARE(code(reply), 400);
        QCOMPARE(reply.value(u"type"_s).toString(), u"error"_s);
        client.sendText(u"[1, 2, 3]"_s);
        QCOMPARE(code(client.next()), 400);
        client.sendText(u"null"_s);
        QCOMPARE(code(client.next()), 400);
        client.sendText(u"{\"type\": 42, \"jsonapi\": {\"version\": \"1.0\"}}"_s);
        reply = client.next();
        QVERIFY(code(reply) == 400 || code(reply) == 415);
        QCOMPARE(reply.value(u"type"_s).toString(), u"error"_s);
        client.sendText(u"{\"type\": \"all_flow\", \"data\": [], \"jsonapi\": 5}"_s);
        QVERIFY(code(client.next()) >= 400);
        client.sendText(u"{\"type\": \"all_flow\", \"data\": {\"user\": [\"x\", 1e999]},"
                        " \"jsonapi\": {\"version\": \"1.0\"}}"_s);
        QVERIFY(code(client.next()) >= 400);
        QVERIFY(client.isConnected());

        // A binary frame holding UTF-8 JSON is a request like any other.
        const auto request = protocol == Protocol::MoreliaR17
            ? r17(u"register_user"_s, r17Credentials(u"zoë"_s, u"pw"_s))
            : v2020(u"register_user"_s,
                { { u"user"_s,
                    QJsonObject { { u"login"_s, u"zoë"_s }, { u"password"_s, u"pw"_s } } } });
        client.sendBinary(QJsonDocument(request).toJson());
        reply = client.next();
        QVERIFY2(code(reply) == 200 || code(reply) == 201, qPrintable(detail(reply)));
        QVERIFY(!server->lastAuthIdFor(u"zoë"_s).isEmpty());
    }
}

void TestMoreliaServer::malformedRequests_data()
{
    QTest::addColumn<Protocol>("protocol");
    QTest::newRow("2020") << Protocol::Morelia2020;
    QTest::newRow("r17") << Protocol::MoreliaR17;
}

void TestMoreliaServer::malformedRequests()
{
    // Every method with wrongly shaped data, unauthenticated and authenticated: each must get
    // an answer (never a 500, never a crash) and the connection must stay usable.
    QFETCH(Protocol, protocol);
    auto server = startServer(protocol);
    QVERIFY(server);
    server->seedDemo();
    RawClient client(server->url());
    QVERIFY(client.waitConnected());
    const bool isR17 = protocol == Protocol::MoreliaR17;
    const auto login = client.call(isR17
            ? r17(u"authentication"_s, r17Credentials(u"alice"_s, u"demo"_s))
            : v2020(u"auth"_s,
                { { u"user"_s,
                    QJsonObject { { u"login"_s, u"alice"_s }, { u"password"_s, u"demo"_s } } } }));
    QCOMPARE(code(login), 200);
    const auto me = asList(data(login).value(u"user"_s)).first().toObject();

    const QStringList methods { u"register_user"_s, u"auth"_s, u"authentication"_s, u"user_info"_s,
        u"add_flow"_s, u"all_flow"_s, u"all_chat"_s, u"all_messages"_s, u"get_update"_s,
        u"send_message"_s, u"edited_message"_s, u"delete_message"_s, u"delete_user"_s,
        u"ping_pong"_s };
    const QList<QByteArray> shapes {
        "{}",
        "{\"user\": 5, \"flow\": \"x\", \"message\": true, \"time\": \"now\"}",
        "{\"user\": [5, null], \"flow\": [[]], \"message\": [\"m\"], \"time\": -1}",
        "{\"user\": [{}], \"flow\": [{}], \"message\": [{}], \"time\": 1e308}",
        "{\"user\": {\"id\": \"1\", \"auth_id\": 5, \"login\": [], \"password\": {}}}",
        "{\"flow\": [{\"uuid\": 1, \"id\": 1.5, \"type\": 9, \"users\": \"all\"}],"
        " \"message\": [{\"uuid\": [], \"id\": -1e20, \"client_id\": 1e300, \"text\": 5,"
        " \"file\": \"x\", \"file_picture\": 7}], \"time\": 99999999999999999999}",
        "{\"flow\": {\"id\": 1, \"uuid\": \"1\"}, \"message\": {\"id\": 1, \"uuid\": \"1\","
        " \"client_id\": 1, \"text\": \"\"}, \"time\": 0}",
    };
    int answered = 0;
    for (const auto &method : methods) {
        for (const auto &shape : shapes) {
            for (const bool authed : { false, true }) {
                auto payload = QJsonDocument::fromJson(shape).object();
                QVERIFY2(!payload.isEmpty() || shape == "{}", shape.constData());
                if (authed) {
                    const QJsonObject session = isR17
                        ? QJsonObject { { u"uuid"_s, me.value(u"uuid"_s) },
                              { u"auth_id"_s, me.value(u"auth_id"_s) } }
                        : QJsonObject { { u"id"_s, me.value(u"id"_s) },
                              { u"auth_id"_s, me.value(u"auth_id"_s) } };
                    payload.insert(u"user"_s,
                        isR17 ? QJsonValue(QJsonArray { session }) : QJsonValue(session));
                }
                // delete_user with valid credentials would end the session: never sent here.
                const auto reply
                    = client.call(isR17 ? r17(method, payload) : v2020(method, payload));
                const auto context = QString(method + u' ' + QString::fromUtf8(shape)).toUtf8();
                QVERIFY2(!reply.isEmpty(), context.constData());
                QVERIFY2(code(reply) >= 200 && code(reply) != 500, context.constData());
                ++answered;
            }
        }
    }
    QCOMPARE(answered, int(methods.size() * shapes.size() * 2));
    QVERIFY(client.isConnected());
    QCOMPARE(server->messageCount(), 21); // no garbage got stored
}

void TestMoreliaServer::closeOnGarbage()
{
    auto server = startServer(Protocol::MoreliaR17);
    QVERIFY(server);
    server->setCloseOnGarbage(true);
    RawClient client(server->url());
    QVERIFY(client.waitConnected());
    client.sendText(u"garbage"_s);
    QVERIFY(client.waitDisconnected());
    QCOMPARE(client.pending(), 0);
}

void TestMoreliaServer::dropAndSilentHooks()
{
    auto server = startServer(Protocol::MoreliaR17);
    QVERIFY(server);
    QSignalSpy disconnected(server.get(), &TestServer::clientDisconnected);
    RawClient first(server->url());
    QVERIFY(first.waitConnected());
    QTRY_COMPARE(server->connectionCount(), 1);
    const auto alice = r17Register(first, u"alice"_s);

    server->setDropOnMethod(u"all_flow"_s);
    first.send(r17Authed(alice, u"all_flow"_s));
    QVERIFY(first.waitDisconnected());
    QCOMPARE(first.pending(), 0);
    QTRY_COMPARE(disconnected.size(), 1);

    // One shot: the next connection is answered.
    RawClient second(server->url());
    QVERIFY(second.waitConnected());
    QCOMPARE(code(second.call(r17Authed(alice, u"all_flow"_s))), 200);

    server->setSilentOnMethod(u"get_update"_s);
    second.send(r17Authed(alice, u"get_update"_s, { { u"time"_s, 0 } }));
    QVERIFY(second.next(500).isEmpty());
    QCOMPARE(code(second.call(r17Authed(alice, u"ping_pong"_s))), 200);
    server->setSilentOnMethod({});
    QCOMPARE(code(second.call(r17Authed(alice, u"get_update"_s, { { u"time"_s, 0 } }))), 200);

    server->dropConnections();
    QVERIFY(second.waitDisconnected());
    QTRY_COMPARE(server->connectionCount(), 0);
}

void TestMoreliaServer::demoData()
{
    auto server = startServer(Protocol::MoreliaR17);
    QVERIFY(server);
    server->seedDemo();
    server->seedDemo(); // idempotent
    QCOMPARE(server->messageCount(), 21);
    RawClient client(server->url());
    QVERIFY(client.waitConnected());
    auto reply = client.call(r17(u"authentication"_s, r17Credentials(u"carol"_s, u"demo"_s)));
    QCOMPARE(code(reply), 200);
    const auto me = data(reply).value(u"user"_s).toArray().first().toObject();
    const R17Session carol { me.value(u"uuid"_s).toString(), me.value(u"auth_id"_s).toString() };

    reply = client.call(r17Authed(carol, u"all_flow"_s));
    QStringList titles;
    QString team;
    for (const auto &flow : data(reply).value(u"flow"_s).toArray()) {
        titles.append(flow.toObject().value(u"title"_s).toString());
        if (titles.constLast() == u"Natter team"_s)
            team = flow.toObject().value(u"uuid"_s).toString();
    }
    titles.sort();
    QCOMPARE(titles, (QStringList { u"Announcements"_s, u"Natter team"_s }));

    auto request = flowRef(team);
    request.insert(u"time"_s, 0);
    reply = client.call(r17Authed(carol, u"all_messages"_s, request));
    QCOMPARE(code(reply), 200);
    QByteArray png;
    for (const auto &message : data(reply).value(u"message"_s).toArray()) {
        const auto picture = message.toObject().value(u"file_picture"_s);
        if (picture.isString())
            png = QByteArray::fromBase64(picture.toString().toLatin1());
    }
    QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
    QCOMPARE(png.size(), 183);
    QVERIFY(png.endsWith("IEND\xae\x42\x60\x82"));

    QJsonObject wanted { { u"uuid"_s,
        data(reply)
            .value(u"message"_s)
            .toArray()
            .first()
            .toObject()
            .value(u"from_user"_s)
            .toString() } };
    reply = client.call(r17Authed(carol, u"user_info"_s, { { u"user"_s, QJsonArray { wanted } } }));
    const auto profile = data(reply).value(u"user"_s).toArray().first().toObject();
    QCOMPARE(profile.value(u"username"_s).toString(), u"Alice Liddell"_s);
    QVERIFY(profile.value(u"auth_id"_s).isNull()); // not carol's own profile
}

void TestMoreliaServer::twoServersInOneProcess()
{
    auto a = startServer(Protocol::MoreliaR17);
    auto b = startServer(Protocol::Morelia2020);
    QVERIFY(a && b);
    QVERIFY(a->port() != b->port());
    a->seedDemo();
    QCOMPARE(a->messageCount(), 21);
    QCOMPARE(b->messageCount(), 0);
    QVERIFY(!a->userIdFor(u"alice"_s).isEmpty());
    QVERIFY(b->userIdFor(u"alice"_s).isEmpty());
}

QTEST_GUILESS_MAIN(TestMoreliaServer)
#include "tst_moreliaserver.moc"
