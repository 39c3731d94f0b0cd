// SPDX-License-Identifier: GPL-3.0-or-later
// A Session over DisTet: dialogs and history mirrored, deleted messages become tombstones by
// polling, friends and the blacklist mirrored into the contacts tables.
#include "protocol/distet/distetclient.h"
#include "session/accountcache.h"
#include "session/session.h"
#include "session/syncengine.h"
#include "sessionfixture.h"
#include "testserver.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Natter;
using namespace Natter::Testing;

class TestDistetSession : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>(Protocol::Distet);
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
        m_server->seedDemo();
    }
    void cleanup() { m_server.reset(); }

    void mirrorsDialogsTombstonesAndContacts()
    {
        Account alice, bob;
        auto aliceClient = loggedInClient<DistetClient>(m_server->url(),
            { QStringLiteral("alice@example.org"), QStringLiteral("demo"),
                QStringLiteral("alice@example.org"), {} },
            &alice);
        auto bobClient = loggedInClient<DistetClient>(m_server->url(),
            { QStringLiteral("bob@example.org"), QStringLiteral("demo"),
                QStringLiteral("bob@example.org"), {} },
            &bob);
        QVERIFY(aliceClient && bobClient);
        QVERIFY(aliceClient->capabilities().serverContacts);

        AccountCache cache;
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("alice.sqlite"))).isNone());
        Session session(aliceClient, cache);
        session.sync().setIntervals(100, 100, 300);
        session.start(m_server->url(), alice);
        QVERIFY(waitUntil([&] { return session.state() == Session::State::Online; }));
        QVERIFY(cache.flows().flows().size() >= 2);

        // Bob writes in a shared dialog, then deletes it: alice's cache ends with a tombstone.
        QString shared;
        for (const Flow &flow : cache.flows().flows())
            if (flow.title == QLatin1String("Natter team"))
                shared = flow.id;
        QVERIFY(!shared.isEmpty());
        const Outcome sent = awaitRequest(
            *bobClient, bobClient->sendMessage(shared, QStringLiteral("soon gone"), {}, 7));
        QVERIFY2(sent.ok(), qPrintable(sent.error.message));
        QVERIFY(waitUntil([&] { return cache.messages().message(sent.serverId).has_value(); }));
        QCOMPARE(cache.messages().message(sent.serverId)->text, QStringLiteral("soon gone"));
        const Outcome deleted
            = awaitRequest(*bobClient, bobClient->deleteMessage(shared, sent.serverId));
        QVERIFY2(deleted.ok(), qPrintable(deleted.error.message));
        QVERIFY(waitUntil([&] { return cache.messages().message(sent.serverId)->deleted; }));
        QVERIFY(cache.messages().message(sent.serverId)->text.isEmpty());

        // Bob asks to be friends: alice's incoming list fills after the next refresh.
        const Outcome request = awaitRequest(
            *bobClient, bobClient->requestFriend(alice.user.id, QStringLiteral("hi from bob")));
        QVERIFY2(request.ok(), qPrintable(request.error.message));
        session.refreshContacts();
        QVERIFY(waitUntil(
            [&] { return !cache.contacts().contacts(Contact::Kind::Incoming).isEmpty(); }));
        QCOMPARE(cache.contacts().contacts(Contact::Kind::Incoming).first().userId, bob.user.id);

        // Blocking goes to the server and the cache follows its answer.
        QVERIFY(session.setBlocked(bob.user.id, true).isNone());
        QVERIFY(waitUntil([&] { return cache.contacts().isBlocked(bob.user.id); }));
        QVERIFY(!cache.contacts().contacts(Contact::Kind::Blocked).first().localOnly);
        QVERIFY(session.setBlocked(bob.user.id, false).isNone());
        QVERIFY(waitUntil([&] { return !cache.contacts().isBlocked(bob.user.id); }));
    }
};

QTEST_GUILESS_MAIN(TestDistetSession)
#include "tst_distetsession.moc"
