// SPDX-License-Identifier: GPL-3.0-or-later
// natter-cli against the DisTet test server: e-mail login, confirmation, friends, blacklist,
// members, kick and server search, all with --json.
#include "clitestbase.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Natter::Testing;

class TestCliDistet : public CliTestBase
{
    Q_OBJECT

    QString flowId(const QString &profile, const QString &title)
    {
        for (const QJsonObject &o : cli({ QStringLiteral("flows") }, {}, profile).objects())
            if (o.value(QLatin1String("title")).toString() == title)
                return o.value(QLatin1String("id")).toString();
        return {};
    }

private Q_SLOTS:
    void init() { QVERIFY(startServer(Protocol::Distet)); }
    void cleanup() { stopServer(); }

    void loginByEmailAndFlows()
    {
        NATTER_LOGIN_OR_SKIP(login(QStringLiteral("alice@example.org"), QStringLiteral("a")));
        const CliRun who = cli({ QStringLiteral("whoami") }, {}, QStringLiteral("a"));
        QCOMPARE(who.exitCode, 0);
        QCOMPARE(who.object().value(QLatin1String("id")).toString(),
            m_server->userIdFor(QStringLiteral("alice")));
        QVERIFY(!flowId(QStringLiteral("a"), QStringLiteral("Natter team")).isEmpty());
    }

    void registerThenConfirm()
    {
        m_server->setRequireEmailActivation(true);
        const CliRun reg = cli({ QStringLiteral("--password-stdin"), QStringLiteral("register"),
                                   QStringLiteral("erin"), QStringLiteral("--email"),
                                   QStringLiteral("erin@example.org") },
            "pw-erin\n", QStringLiteral("e"));
        if (reg.exitCode == 3 && qEnvironmentVariableIsEmpty("NATTER_REQUIRE_KEYCHAIN"))
            QSKIP("no OS keychain here (.ci/test runs one)");
        QVERIFY2(reg.exitCode == 0, reg.err.constData());
        const CliRun refused = cli({ QStringLiteral("friends") }, {}, QStringLiteral("e"));
        QCOMPARE(refused.exitCode, 3);
        QCOMPARE(refused.errorObject().value(QLatin1String("error")).toString(),
            QStringLiteral("email_not_confirmed"));
        const CliRun confirmed
            = cli({ QStringLiteral("confirm-email"),
                      m_server->lastEmailCode(QStringLiteral("erin@example.org")) },
                {}, QStringLiteral("e"));
        QVERIFY2(confirmed.exitCode == 0, confirmed.err.constData());
        QCOMPARE(confirmed.object().value(QLatin1String("email_confirmed")).toBool(), true);
        QCOMPARE(cli({ QStringLiteral("friends") }, {}, QStringLiteral("e")).exitCode, 0);
    }

    void friendsAndBlacklist()
    {
        NATTER_LOGIN_OR_SKIP(login(QStringLiteral("alice@example.org"), QStringLiteral("a")));
        NATTER_LOGIN_OR_SKIP(login(QStringLiteral("bob@example.org"), QStringLiteral("b")));
        const QString alice = m_server->userIdFor(QStringLiteral("alice"));
        const QString bob = m_server->userIdFor(QStringLiteral("bob"));
        const QString carol = m_server->userIdFor(QStringLiteral("carol"));
        QCOMPARE(cli({ QStringLiteral("friend-add"), alice, QStringLiteral("--note"),
                         QStringLiteral("band mate") },
                     {}, QStringLiteral("b"))
                     .exitCode,
            0);
        const CliRun requests = cli({ QStringLiteral("friend-requests") }, {}, QStringLiteral("a"));
        QCOMPARE(requests.exitCode, 0);
        QCOMPARE(requests.objects().size(), 1);
        const QJsonObject r = requests.object();
        QCOMPARE(r.value(QLatin1String("id")).toString(), bob);
        QCOMPARE(r.value(QLatin1String("kind")).toString(), QStringLiteral("incoming"));
        QCOMPARE(r.value(QLatin1String("note")).toString(), QStringLiteral("band mate"));
        QCOMPARE(r.value(QLatin1String("name")).toString(), QStringLiteral("Bob Marley"));
        QVERIFY(r.value(QLatin1String("added")).toInteger() > 0);
        QCOMPARE(
            cli({ QStringLiteral("friend-accept"), bob }, {}, QStringLiteral("a")).exitCode, 0);
        const CliRun friends = cli({ QStringLiteral("friends") }, {}, QStringLiteral("b"));
        QCOMPARE(friends.object().value(QLatin1String("id")).toString(), alice);
        QCOMPARE(
            friends.object().value(QLatin1String("kind")).toString(), QStringLiteral("friend"));
        QCOMPARE(
            cli({ QStringLiteral("friend-remove"), alice }, {}, QStringLiteral("b")).exitCode, 0);
        QVERIFY(cli({ QStringLiteral("friends") }, {}, QStringLiteral("b")).objects().isEmpty());
        QCOMPARE(cli({ QStringLiteral("friend-add"), carol }, {}, QStringLiteral("b")).exitCode, 0);
        QCOMPARE(
            cli({ QStringLiteral("friend-cancel"), carol }, {}, QStringLiteral("b")).exitCode, 0);
        QCOMPARE(
            cli({ QStringLiteral("friend-cancel"), carol }, {}, QStringLiteral("b")).exitCode, 5);

        QCOMPARE(cli({ QStringLiteral("block"), carol }, {}, QStringLiteral("a")).exitCode, 0);
        const CliRun blocked = cli({ QStringLiteral("blocked") }, {}, QStringLiteral("a"));
        QCOMPARE(blocked.object().value(QLatin1String("id")).toString(), carol);
        QCOMPARE(
            blocked.object().value(QLatin1String("kind")).toString(), QStringLiteral("blocked"));
        QCOMPARE(cli({ QStringLiteral("unblock"), carol }, {}, QStringLiteral("a")).exitCode, 0);
        QVERIFY(cli({ QStringLiteral("blocked") }, {}, QStringLiteral("a")).objects().isEmpty());
    }

    void membersKickAndSearch()
    {
        NATTER_LOGIN_OR_SKIP(login(QStringLiteral("alice@example.org"), QStringLiteral("a")));
        const QString team = flowId(QStringLiteral("a"), QStringLiteral("Natter team"));
        QVERIFY(!team.isEmpty());
        const CliRun members = cli({ QStringLiteral("members"), team }, {}, QStringLiteral("a"));
        QCOMPARE(members.exitCode, 0);
        QCOMPARE(members.objects().size(), 3);
        QCOMPARE(members.object().value(QLatin1String("flow")).toString(), team);
        const QString carol = m_server->userIdFor(QStringLiteral("carol"));
        const CliRun kick = cli({ QStringLiteral("kick"), team, carol }, {}, QStringLiteral("a"));
        QCOMPARE(kick.exitCode, 0);
        QCOMPARE(
            cli({ QStringLiteral("members"), team }, {}, QStringLiteral("a")).objects().size(), 2);

        const CliRun found = cli(
            { QStringLiteral("search"), QStringLiteral("backoff"), QStringLiteral("--server") }, {},
            QStringLiteral("a"));
        QVERIFY2(found.exitCode == 0, found.err.constData());
        QCOMPARE(found.objects().size(), 2);
        for (const QJsonObject &m : found.objects()) {
            QVERIFY(m.value(QLatin1String("text")).toString().contains(QLatin1String("backoff")));
            QCOMPARE(m.value(QLatin1String("flow")).toString(), team);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliDistet)
#include "tst_cli_distet.moc"
