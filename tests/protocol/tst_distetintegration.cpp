// SPDX-License-Identifier: GPL-3.0-or-later
// DistetClient against the in-process DisTet server (QHttpServer on 127.0.0.1:0).
#include "clientharness.h"
#include "distet/distetbackend.h"
#include "protocol/distet/distetclient.h"
#include "store.h"
#include "testserver.h"

#include <QTest>

using namespace Natter;
using namespace Natter::Testing;

namespace {
const QByteArray kPng = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUl"
                                               "EQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

/// What the DisTet-only signals carried for one request.
struct Extra
{
    QList<Contact> contacts;
    QList<Contact> changed;
    QStringList removed;
    QStringList members;
    QList<Message> found;
    bool emailConfirmed = false;
};

Outcome run(DistetClient &client, const std::function<RequestId()> &call, Extra *extra = nullptr)
{
    QList<QMetaObject::Connection> c;
    Extra local;
    Extra &e = extra ? *extra : local;
    c << QObject::connect(&client, &ProtocolClient::contactsReceived,
        [&](RequestId, Contact::Kind, const QList<Contact> &l) { e.contacts += l; });
    c << QObject::connect(&client, &ProtocolClient::contactChanged,
        [&](RequestId, const Contact &x) { e.changed << x; });
    c << QObject::connect(&client, &ProtocolClient::contactRemoved,
        [&](RequestId, Contact::Kind, const QString &id) { e.removed << id; });
    c << QObject::connect(&client, &ProtocolClient::membersReceived,
        [&](RequestId, const QString &, const QStringList &l) { e.members = l; });
    c << QObject::connect(&client, &ProtocolClient::searchResultsReceived,
        [&](RequestId, const QList<Message> &l) { e.found += l; });
    c << QObject::connect(
        &client, &ProtocolClient::emailConfirmed, [&](RequestId) { e.emailConfirmed = true; });
    const Outcome out = awaitRequest(client, call(), 30000);
    for (const auto &connection : std::as_const(c))
        QObject::disconnect(connection);
    return out;
}

QStringList ids(const QList<Contact> &contacts)
{
    QStringList list;
    for (const Contact &c : contacts)
        list << c.userId;
    return list;
}
} // namespace

class TestDistetIntegration : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

    std::unique_ptr<DistetClient> client()
    {
        auto c = std::make_unique<DistetClient>();
        c->setRequestTimeout(20000);
        if (!connectAndWait(*c, m_server->url()))
            return nullptr;
        return c;
    }
    std::unique_ptr<DistetClient> loggedIn(
        const QString &email, const QString &password = QStringLiteral("demo"))
    {
        auto c = client();
        if (!c)
            return nullptr;
        const Outcome out = awaitRequest(*c, c->login({ email, password, {}, {} }));
        return out.ok() ? std::move(c) : nullptr;
    }
    DistetBackend &backend() { return static_cast<DistetBackend &>(m_server->backend()); }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>(Protocol::Distet);
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0), qPrintable(m_server->errorString()));
        QVERIFY(m_server->url().toString().startsWith(QLatin1String("http://127.0.0.1:")));
        m_server->seedDemo();
    }
    void cleanup() { m_server.reset(); }

    void registrationWithEmailConfirmation()
    {
        m_server->setRequireEmailActivation(true);
        auto c = client();
        QVERIFY(c);
        const Outcome reg = awaitRequest(*c,
            c->registerAccount({ QStringLiteral("dave"), QStringLiteral("pw-dave"),
                QStringLiteral("dave@example.org"), {} }));
        QVERIFY2(reg.ok(), qPrintable(reg.error.message));
        QVERIFY(!reg.account.user.id.isEmpty());
        QCOMPARE(reg.account.user.id, m_server->userIdFor(QStringLiteral("dave")));
        QVERIFY(reg.account.secret.endsWith(QLatin1Char('?') + reg.account.user.id));

        // Before confirmation most operations are refused with a distinct code.
        const Outcome refused = awaitRequest(*c, c->fetchFlows());
        QCOMPARE(refused.error.code, Error::Code::EmailNotConfirmed);
        // Stage 2: the profile photo is allowed before confirmation.
        QVERIFY(awaitRequest(*c, c->setProfilePhoto(kPng, QStringLiteral("png"))).ok());

        const QString first = m_server->lastEmailCode(QStringLiteral("dave@example.org"));
        QCOMPARE(first.size(), 6);
        QVERIFY(awaitRequest(*c, c->requestEmailCode(QStringLiteral("dave@example.org"))).ok());
        const QString code = m_server->lastEmailCode(QStringLiteral("dave@example.org"));
        QCOMPARE(code.size(), 6);
        const QString wrong
            = code == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
        QCOMPARE(awaitRequest(*c, c->confirmEmail(wrong)).error.code, Error::Code::Validation);
        Extra extra;
        QVERIFY(run(
            *c, [&] { return c->confirmEmail(code); }, &extra)
                    .ok());
        QVERIFY(extra.emailConfirmed);
        QVERIFY(awaitRequest(*c, c->fetchFlows()).ok());
        const Outcome profile = awaitRequest(*c, c->fetchProfile());
        QVERIFY(profile.ok());
        QCOMPARE(profile.user.avatar, kPng);
        QCOMPARE(profile.user.name, QStringLiteral("dave"));
    }

    void loginByPasswordAndToken()
    {
        auto c = client();
        QVERIFY(c);
        const Outcome bad = awaitRequest(
            *c, c->login({ QStringLiteral("alice@example.org"), QStringLiteral("nope"), {}, {} }));
        QCOMPARE(bad.error.code, Error::Code::WrongCredentials);
        const Outcome ok = awaitRequest(
            *c, c->login({ QStringLiteral("alice@example.org"), QStringLiteral("demo"), {}, {} }));
        QVERIFY(ok.ok());
        QCOMPARE(ok.account.user.id, m_server->userIdFor(QStringLiteral("alice")));

        auto again = client();
        again->setAccount(Account { User {}, ok.account.secret });
        QCOMPARE(again->account().user.id, ok.account.user.id);
        const Outcome token = awaitRequest(*again, again->login({}));
        QVERIFY2(token.ok(), qPrintable(token.error.message));
        QVERIFY(awaitRequest(*again, again->logout()).ok());
        // The session is gone on the server: the token no longer logs in.
        again->setAccount(Account { User {}, ok.account.secret });
        QCOMPARE(awaitRequest(*again, again->login({})).error.code, Error::Code::SessionExpired);
        QCOMPARE(
            awaitRequest(*again, again->fetchFlows()).error.code, Error::Code::NotAuthenticated);
    }

    void dialogWithTextPicturesEditAndDelete()
    {
        auto alice = loggedIn(QStringLiteral("alice@example.org"));
        auto bob = loggedIn(QStringLiteral("bob"));
        QVERIFY(alice && bob);
        const QString bobId = m_server->userIdFor(QStringLiteral("bob"));
        NewFlow nf;
        nf.type = Flow::Type::Chat;
        nf.title = QStringLiteral("pictures");
        nf.members = { bobId };
        const Outcome created = awaitRequest(*alice, alice->createFlow(nf));
        QVERIFY(created.ok());
        const QString flow = created.flows.value(0).id;
        QVERIFY(!flow.isEmpty());

        const Outcome sent
            = awaitRequest(*alice, alice->sendMessage(flow, QStringLiteral("hello bob"), {}, 1));
        QVERIFY(sent.ok() && !sent.serverId.isEmpty());
        QByteArray second = kPng;
        second.append("tail");
        const QList<Attachment> pictures { Attachment::fromBytes(QStringLiteral("one.png"), kPng),
            Attachment::fromBytes(QStringLiteral("two.png"), second) };
        const Outcome withMedia = awaitRequest(
            *bob, bob->sendMessage(flow, QStringLiteral("two pictures"), pictures, 2));
        QVERIFY(withMedia.ok());

        const Outcome history = awaitRequest(*alice, alice->fetchMessages(flow, 0));
        QVERIFY(history.ok());
        QCOMPARE(history.messages.size(), 2);
        const Message *media = nullptr;
        for (const Message &m : history.messages)
            if (m.id == withMedia.serverId)
                media = &m;
        QVERIFY(media);
        QCOMPARE(media->fromId, bobId);
        QCOMPARE(media->attachments.size(), 2);
        QCOMPARE(media->attachments.at(0).bytes, kPng);
        QCOMPARE(media->attachments.at(1).bytes, second);
        QCOMPARE(media->attachments.at(0).kind, Attachment::Kind::Picture);

        QVERIFY(awaitRequest(
            *alice, alice->editMessage(flow, sent.serverId, QStringLiteral("hello, Bob")))
                    .ok());
        QCOMPARE(awaitRequest(*bob, bob->editMessage(flow, sent.serverId, QStringLiteral("hijack")))
                     .error.code,
            Error::Code::ServerRefused);
        const qint64 before = QDateTime::currentMSecsSinceEpoch() - 1000;
        QVERIFY(awaitRequest(*alice, alice->deleteMessage(flow, sent.serverId)).ok());
        const Outcome afterDelete = awaitRequest(*bob, bob->fetchMessages(flow, 0));
        QCOMPARE(afterDelete.messages.size(), 1);

        // Deleted-message sync: GetDelMessages gives a tombstone.
        const Outcome tombstones = awaitRequest(*bob, bob->fetchDeletedMessages(flow, before));
        QVERIFY(tombstones.ok());
        QCOMPARE(tombstones.messages.size(), 1);
        QCOMPARE(tombstones.messages.first().id, sent.serverId);
        QVERIFY(tombstones.messages.first().deleted);
        const Outcome updates = awaitRequest(*bob, bob->fetchUpdates(before));
        QVERIFY(updates.ok());
        bool sawTombstone = false;
        for (const Message &m : updates.messages)
            sawTombstone |= m.id == sent.serverId && m.deleted;
        QVERIFY(sawTombstone);

        // Delete for me: gone for alice only.
        QVERIFY(awaitRequest(*alice, alice->deleteMessageForMe(flow, withMedia.serverId)).ok());
        QCOMPARE(awaitRequest(*alice, alice->fetchMessages(flow, 0)).messages.size(), 0);
        QCOMPARE(awaitRequest(*bob, bob->fetchMessages(flow, 0)).messages.size(), 1);
    }

    void flowsMembersAndKick()
    {
        auto alice = loggedIn(QStringLiteral("alice@example.org"));
        QVERIFY(alice);
        const Outcome flows = awaitRequest(*alice, alice->fetchFlows());
        QVERIFY(flows.ok());
        QString team;
        for (const Flow &f : flows.flows)
            if (f.title == QLatin1String("Natter team"))
                team = f.id;
        QVERIFY(!team.isEmpty());
        Extra extra;
        QVERIFY(run(
            *alice, [&] { return alice->fetchMembers(team); }, &extra)
                    .ok());
        QCOMPARE(extra.members.size(), 3);
        const QString carol = m_server->userIdFor(QStringLiteral("carol"));
        QVERIFY(extra.members.contains(carol));
        auto bob = loggedIn(QStringLiteral("bob@example.org"));
        QCOMPARE(awaitRequest(*bob, bob->kickMember(team, carol)).error.code,
            Error::Code::ServerRefused);
        QVERIFY(awaitRequest(*alice, alice->kickMember(team, carol)).ok());
        QVERIFY(run(
            *alice, [&] { return alice->fetchMembers(team); }, &extra)
                    .ok());
        QCOMPARE(extra.members.size(), 2);
        QVERIFY(!extra.members.contains(carol));
        QVERIFY(awaitRequest(*alice, alice->addMembers(team, { carol })).ok());
        QVERIFY(run(
            *alice, [&] { return alice->fetchMembers(team); }, &extra)
                    .ok());
        QVERIFY(extra.members.contains(carol));
    }

    void friendsAndBlacklistPagePast100()
    {
        auto alice = loggedIn(QStringLiteral("alice@example.org"));
        auto bob = loggedIn(QStringLiteral("bob@example.org"));
        QVERIFY(alice && bob);
        const QString aliceId = m_server->userIdFor(QStringLiteral("alice"));
        const QString bobId = m_server->userIdFor(QStringLiteral("bob"));
        const QString carolId = m_server->userIdFor(QStringLiteral("carol"));
        // 105 strangers ask alice for friendship: more than one page of 100.
        for (int i = 0; i < 105; ++i) {
            const QString login = QStringLiteral("fan%1").arg(i, 3, 10, QLatin1Char('0'));
            const auto user = m_server->store().createUser(login, QStringLiteral("x"), login);
            QVERIFY(user);
            QVERIFY(
                backend().addFriendRequest(user->id, aliceId.toLongLong(), QStringLiteral("fan")));
        }
        Extra incoming;
        QVERIFY(run(
            *alice, [&] { return alice->fetchContacts(Contact::Kind::Incoming); }, &incoming)
                    .ok());
        QCOMPARE(incoming.contacts.size(), 105);
        QCOMPARE(incoming.contacts.first().note, QStringLiteral("fan"));
        QCOMPARE(incoming.contacts.first().name, QStringLiteral("fan000"));

        Extra e;
        QVERIFY(run(
            *bob, [&] { return bob->requestFriend(aliceId, QStringLiteral("from school")); }, &e)
                    .ok());
        QCOMPARE(e.changed.value(0).kind, Contact::Kind::Outgoing);
        Extra outgoing;
        QVERIFY(run(
            *bob, [&] { return bob->fetchContacts(Contact::Kind::Outgoing); }, &outgoing)
                    .ok());
        QCOMPARE(ids(outgoing.contacts), QStringList { aliceId });
        QCOMPARE(outgoing.contacts.first().note, QStringLiteral("from school"));
        QVERIFY(run(*alice, [&] { return alice->acceptFriend(bobId); }).ok());
        Extra friends;
        QVERIFY(run(
            *alice, [&] { return alice->fetchContacts(Contact::Kind::Friend); }, &friends)
                    .ok());
        QCOMPARE(ids(friends.contacts), QStringList { bobId });
        QCOMPARE(friends.contacts.first().note, QString());
        Extra bobsFriends;
        QVERIFY(run(
            *bob, [&] { return bob->fetchContacts(Contact::Kind::Friend); }, &bobsFriends)
                    .ok());
        QCOMPARE(ids(bobsFriends.contacts), QStringList { aliceId });
        // The request's note stays with its writer.
        QCOMPARE(bobsFriends.contacts.first().note, QStringLiteral("from school"));
        QVERIFY(run(*alice, [&] {
            return alice->updateFriendNote(bobId, QStringLiteral("colleague"));
        }).ok());
        friends = {};
        QVERIFY(run(
            *alice, [&] { return alice->fetchContacts(Contact::Kind::Friend); }, &friends)
                    .ok());
        QCOMPARE(friends.contacts.first().note, QStringLiteral("colleague"));
        QVERIFY(run(*bob, [&] { return bob->removeFriend(aliceId); }).ok());
        friends = {};
        QVERIFY(run(
            *alice, [&] { return alice->fetchContacts(Contact::Kind::Friend); }, &friends)
                    .ok());
        QVERIFY(friends.contacts.isEmpty());

        QVERIFY(run(*bob, [&] { return bob->requestFriend(carolId); }).ok());
        QVERIFY(run(*bob, [&] { return bob->cancelFriendRequest(carolId); }).ok());
        QCOMPARE(run(*bob, [&] { return bob->cancelFriendRequest(carolId); }).error.code,
            Error::Code::NotFound);

        // Blocks: 102 entries page too; a blocked user cannot send a request.
        for (int i = 0; i < 101; ++i)
            QVERIFY(run(*alice, [&] {
                return alice->blockUser(
                    m_server->userIdFor(QStringLiteral("fan%1").arg(i, 3, 10, QLatin1Char('0'))));
            }).ok());
        QVERIFY(run(*alice, [&] { return alice->blockUser(carolId); }).ok());
        Extra blocked;
        QVERIFY(run(
            *alice, [&] { return alice->fetchContacts(Contact::Kind::Blocked); }, &blocked)
                    .ok());
        QCOMPARE(blocked.contacts.size(), 102);
        auto carol = loggedIn(QStringLiteral("carol@example.org"));
        QCOMPARE(run(*carol, [&] { return carol->requestFriend(aliceId); }).error.code,
            Error::Code::ServerRefused);
        QVERIFY(run(*alice, [&] { return alice->unblockUser(carolId); }).ok());
        blocked = {};
        QVERIFY(run(
            *alice, [&] { return alice->fetchContacts(Contact::Kind::Blocked); }, &blocked)
                    .ok());
        QCOMPARE(blocked.contacts.size(), 101);
        QVERIFY(!ids(blocked.contacts).contains(carolId));
        QVERIFY(run(*carol, [&] { return carol->requestFriend(aliceId); }).ok());
    }

    void serverSearch()
    {
        auto alice = loggedIn(QStringLiteral("alice@example.org"));
        QVERIFY(alice);
        Extra e;
        QVERIFY(run(
            *alice, [&] { return alice->searchMessages(QStringLiteral("backoff")); }, &e)
                    .ok());
        QCOMPARE(e.found.size(), 2);
        for (const Message &m : e.found) {
            QVERIFY(m.text.contains(QLatin1String("backoff")));
            QVERIFY(!m.flowId.isEmpty());
        }
        Extra none;
        QVERIFY(run(
            *alice, [&] { return alice->searchMessages(QStringLiteral("no such words")); }, &none)
                    .ok());
        QVERIFY(none.found.isEmpty());
    }

    void silentServerTimesOut()
    {
        auto alice = loggedIn(QStringLiteral("alice@example.org"));
        QVERIFY(alice);
        alice->setRequestTimeout(500);
        m_server->setSilentOnMethod(QStringLiteral("GetDialogs"));
        QCOMPARE(awaitRequest(*alice, alice->fetchFlows()).error.code, Error::Code::Timeout);
    }

    void unsupportedFailsAsynchronously()
    {
        auto alice = loggedIn(QStringLiteral("alice@example.org"));
        QVERIFY(alice);
        QCOMPARE(
            awaitRequest(*alice, alice->deleteAccount({})).error.code, Error::Code::NotSupported);
    }
};

QTEST_GUILESS_MAIN(TestDistetIntegration)
#include "tst_distetintegration.moc"
