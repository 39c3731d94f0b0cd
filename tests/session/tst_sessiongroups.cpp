// SPDX-License-Identifier: GPL-3.0-or-later
// Session group management over DisTet: every change goes to the server, and the cache follows
// the server's state (flows and members read again), so models reading the cache see it.
#include "protocol/distet/distetclient.h"
#include "session/accountcache.h"
#include "session/session.h"
#include "session/syncengine.h"
#include "sessionfixture.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;
using namespace Natter::Testing;

namespace {
const QByteArray kPng = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUl"
                                               "EQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

Credentials demo(const QString &login)
{
    const QString email = login + QStringLiteral("@example.org");
    return { email, QStringLiteral("demo"), email, {} };
}
} // namespace

class TestSessionGroups : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_dir;
    AccountCache m_cache;
    std::unique_ptr<Session> m_session;
    QString m_team;

    std::optional<Flow> team() { return m_cache.flows().flow(m_team); }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>(Protocol::Distet);
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
        m_server->seedDemo();
        Account alice;
        auto client
            = loggedInClient<DistetClient>(m_server->url(), demo(QStringLiteral("alice")), &alice);
        QVERIFY(client);
        QVERIFY(m_cache
                    .open(m_dir.filePath(QStringLiteral("alice-%1.sqlite")
                                             .arg(QLatin1String(QTest::currentTestFunction()))))
                    .isNone());
        m_session = std::make_unique<Session>(client, m_cache);
        m_session->sync().setIntervals(100, 100, 300);
        m_session->start(m_server->url(), alice);
        QVERIFY(waitUntil([&] { return m_session->state() == Session::State::Online; }));
        m_team.clear();
        for (const Flow &flow : m_cache.flows().flows())
            if (flow.title == QLatin1String("Natter team"))
                m_team = flow.id;
        QVERIFY(!m_team.isEmpty());
        QCOMPARE(team()->isPrivate, std::optional<bool>(false));
    }
    void cleanup()
    {
        m_session.reset();
        m_cache.close();
        m_server.reset();
    }

    void renamePrivacyAndPhotoReachTheCache()
    {
        QSignalSpy finished(m_session.get(), &Session::groupActionFinished);
        const Result<RequestId> rename
            = m_session->renameFlow(m_team, QStringLiteral("  Natter core team "));
        QVERIFY(rename);
        QVERIFY(waitUntil([&] { return team()->title == QLatin1String("Natter core team"); }));
        QVERIFY(!finished.isEmpty());
        QCOMPARE(finished.first().at(0).value<RequestId>(), rename.value());
        QCOMPARE(finished.first().at(1).toString(), m_team);
        QVERIFY(finished.first().at(2).value<Error>().isNone());
        QCOMPARE(m_server->store().flowByUuid(m_team)->title, QStringLiteral("Natter core team"));

        QVERIFY(m_session->setFlowPrivate(m_team, true));
        QVERIFY(waitUntil([&] { return team()->isPrivate == std::optional<bool>(true); }));

        QVERIFY(m_session->setFlowPhoto(m_team, kPng, QStringLiteral("png")));
        QVERIFY(waitUntil([&] { return team()->photo == kPng; }));
        // The list read (the chat list's) carries it too.
        bool listed = false;
        for (const Flow &flow : m_cache.flows().flows())
            listed = listed || (flow.id == m_team && flow.photo == kPng);
        QVERIFY(listed);
        QCOMPARE(team()->title, QStringLiteral("Natter core team"));
    }

    void addFetchAndKickMembers()
    {
        m_server->createUser(
            QStringLiteral("dave"), QStringLiteral("demo"), QStringLiteral("Dave Grohl"));
        const QString dave = m_server->userIdFor(QStringLiteral("dave"));
        QVERIFY(!team()->members.contains(dave));
        QVERIFY(m_session->addMembers(m_team, { dave }));
        QVERIFY(waitUntil([&] { return team()->members.contains(dave); }));
        QCOMPARE(team()->members.size(), 4);
        // The cache learns the new member's name, so the member list can show it.
        QVERIFY(waitUntil([&] {
            const auto user = m_cache.users().user(dave);
            return user && user->name == QLatin1String("Dave Grohl");
        }));

        QVERIFY(m_session->kickMember(m_team, dave));
        QVERIFY(waitUntil([&] { return !team()->members.contains(dave); }));
        QVERIFY(!m_server->store().isMember(
            m_server->store().flowByUuid(m_team)->id, dave.toLongLong()));

        // fetchMembers puts the server's list into the cache even when the cache had none.
        QVERIFY(m_cache.flows().setMembers(m_team, {}).isNone());
        QVERIFY(team()->members.isEmpty());
        QVERIFY(m_session->fetchMembers(m_team));
        QVERIFY(waitUntil([&] { return team()->members.size() == 3; }));
    }

    void refusalsReachActionFailed()
    {
        QCOMPARE(m_session->renameFlow(m_team, QStringLiteral("   ")).error().code,
            Error::Code::InvalidArgument);
        QCOMPARE(m_session->addMembers(m_team, {}).error().code, Error::Code::InvalidArgument);
        QSignalSpy failed(m_session.get(), &Session::actionFailed);
        QSignalSpy finished(m_session.get(), &Session::groupActionFinished);
        const Result<RequestId> kick = m_session->kickMember(m_team, QStringLiteral("9999"));
        QVERIFY(kick);
        QVERIFY(waitUntil([&] { return !failed.isEmpty() && !finished.isEmpty(); }));
        QCOMPARE(failed.first().at(0).value<Error>().code, Error::Code::NotFound);
        QCOMPARE(finished.first().at(2).value<Error>().code, Error::Code::NotFound);
        QCOMPARE(team()->members.size(), 3);

        m_session->stop();
        QCOMPARE(m_session->renameFlow(m_team, QStringLiteral("x")).error().code,
            Error::Code::ConnectionLost);
    }
};

QTEST_GUILESS_MAIN(TestSessionGroups)
#include "tst_sessiongroups.moc"
