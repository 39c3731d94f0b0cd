// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app's account facade against local servers: a sign-in flow ends in exactly one
// outcome with a precise error; an adopted account keeps its secret where asked, syncs into its
// own cache, comes back after a restart, and leaves nothing behind when it signs out. Friends on
// a server that keeps none live on the device.
#include "secrets/secretstore.h"
#include "session/accountcache.h"
#include "session/accountmanager.h"
#include "session/session.h"
#include "session/signinflow.h"
#include "sessionfixture.h"
#include "testserver.h"

#include <QDir>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;
using namespace Natter::Testing;

namespace {

ServerProfile profileFor(const QUrl &url, const QString &protocol = QStringLiteral("auto"))
{
    ServerProfile p;
    p.id = QStringLiteral("test");
    p.name = QStringLiteral("Test server");
    p.url = url.toString();
    p.protocol = protocol;
    return p;
}

/// Runs one flow to its end and returns the error (None on success).
Error runLogin(SignInFlow &flow, const ServerProfile &profile, const QString &login,
    const QString &password, Account *account = nullptr)
{
    QSignalSpy ok(&flow, &SignInFlow::succeeded);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    flow.login(profile, { login, password, {}, {} });
    if (!waitUntil([&] { return ok.count() + failed.count() > 0; }, 20000))
        return Error::make(Error::Code::Timeout, QStringLiteral("the flow never ended"));
    QTest::qWait(50);
    if (ok.count() + failed.count() != 1)
        return Error::make(Error::Code::UnexpectedResponse, QStringLiteral("two outcomes"));
    if (!failed.isEmpty())
        return failed.first().first().value<Error>();
    if (account)
        *account = ok.first().at(1).value<Account>();
    return {};
}

} // namespace

class TestAccountManager : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>(Protocol::MoreliaR17);
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
        m_server->seedDemo();
    }
    void cleanup() { m_server.reset(); }

    void signInSucceedsWithProfile()
    {
        SignInFlow flow;
        Account account;
        const Error e = runLogin(flow, profileFor(m_server->url()), QStringLiteral("alice"),
            QStringLiteral("demo"), &account);
        QVERIFY2(e.isNone(), qPrintable(e.message));
        QCOMPARE(flow.stage(), SignInFlow::Stage::Done);
        QCOMPARE(account.user.id, m_server->userIdFor(QStringLiteral("alice")));
        QVERIFY(!account.secret.isEmpty());
        QVERIFY(!account.user.name.isEmpty());
    }

    void signInErrorsArePrecise()
    {
        SignInFlow flow;
        QCOMPARE(runLogin(flow, profileFor(m_server->url()), QStringLiteral("alice"),
                     QStringLiteral("wrong"))
                     .code,
            Error::Code::WrongCredentials);
        QCOMPARE(flow.stage(), SignInFlow::Stage::Failed);

        // A port nobody listens on.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QUrl dead = m_server->url();
        dead.setPort(port);
        const Error unreachable = runLogin(flow, profileFor(dead, QStringLiteral("morelia")),
            QStringLiteral("a"), QStringLiteral("b"));
        QVERIFY2(unreachable.group() == Error::Group::Network, qPrintable(unreachable.message));

        QCOMPARE(runLogin(flow, profileFor(QUrl(QStringLiteral("ftp://x"))), QStringLiteral("a"),
                     QStringLiteral("b"))
                     .code,
            Error::Code::InvalidArgument);
    }

    void registrationWaitsForTheEmailCode()
    {
        TestServer distet(Protocol::Distet);
        QVERIFY(distet.listen(QHostAddress::LocalHost, 0));
        distet.setRequireEmailActivation(true);
        SignInFlow flow;
        QSignalSpy needed(&flow, &SignInFlow::emailCodeNeeded);
        QSignalSpy refused(&flow, &SignInFlow::emailCodeRefused);
        QSignalSpy ok(&flow, &SignInFlow::succeeded);
        QSignalSpy failed(&flow, &SignInFlow::failed);
        const QString email = QStringLiteral("dora@example.org");
        flow.registerAccount(profileFor(distet.url()),
            { QStringLiteral("dora"), QStringLiteral("secret-1"), email, QStringLiteral("Dora") });
        QVERIFY(waitUntil([&] { return !needed.isEmpty() || !failed.isEmpty(); }));
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<Error>().message));
        QCOMPARE(needed.first().first().toString(), email);
        QCOMPARE(flow.stage(), SignInFlow::Stage::AwaitingEmailCode);

        const QString code = distet.lastEmailCode(email);
        QVERIFY(!code.isEmpty());
        flow.submitEmailCode(
            code == QStringLiteral("000000") ? QStringLiteral("111111") : QStringLiteral("000000"));
        QVERIFY(waitUntil([&] { return !refused.isEmpty(); }));
        QCOMPARE(flow.stage(), SignInFlow::Stage::AwaitingEmailCode);
        flow.submitEmailCode(code);
        QVERIFY(waitUntil([&] { return !ok.isEmpty() || !failed.isEmpty(); }));
        QVERIFY(failed.isEmpty());
        const Account account = ok.first().at(1).value<Account>();
        QVERIFY(!account.secret.isEmpty());
        QCOMPARE(account.user.login, QStringLiteral("dora"));
    }

    void cancelEndsWithoutOutcome()
    {
        SignInFlow flow;
        QSignalSpy ok(&flow, &SignInFlow::succeeded);
        QSignalSpy failed(&flow, &SignInFlow::failed);
        m_server->setSilentOnMethod(QStringLiteral("authentication"));
        flow.login(profileFor(m_server->url(), QStringLiteral("morelia-r17")),
            { QStringLiteral("alice"), QStringLiteral("demo"), {}, {} });
        QVERIFY2(waitUntil([&] { return flow.stage() == SignInFlow::Stage::Authenticating; }),
            qPrintable(QString::number(int(flow.stage()))));
        flow.cancel();
        QCOMPARE(flow.stage(), SignInFlow::Stage::Idle);
        QTest::qWait(200);
        QCOMPARE(ok.count() + failed.count(), 0);
    }

    void adoptedAccountSyncsResumesAndSignsOut()
    {
        QTemporaryDir dir;
        SignInFlow flow;
        Account account;
        const ServerProfile profile = profileFor(m_server->url());
        QVERIFY(runLogin(flow, profile, QStringLiteral("alice"), QStringLiteral("demo"), &account)
                    .isNone());
        QString key;
        QString folder;
        {
            SecretStore secrets;
            AccountManager manager(dir.path(), secrets);
            QVERIFY(manager.load().isNone());
            QSignalSpy current(&manager, &AccountManager::currentChanged);
            QVERIFY(manager.adopt(profile, account, true, SecretPlace::InsecureFile).isNone());
            key = manager.currentKey();
            QCOMPARE(current.count(), 1);
            QVERIFY(manager.session() && manager.cache());
            QVERIFY(
                waitUntil([&] { return manager.session()->state() == Session::State::Online; }));
            QCOMPARE(manager.cache()->flows().flows().size(), 3);
            folder = manager.cacheFolder(key);
            QVERIFY(QDir(folder).exists());
            QVERIFY(folder.startsWith(dir.path()));
        }
        {
            // A restart: the saved account opens from its cache with the stored secret.
            SecretStore secrets;
            AccountManager manager(dir.path(), secrets);
            QVERIFY(manager.load().isNone());
            QCOMPARE(manager.registry().currentAccount(), key);
            QCOMPARE(manager.accounts().size(), 1);
            QVERIFY(manager.open(key).isNone());
            QCOMPARE(manager.cache()->flows().flows().size(), 3); // before any network
            QVERIFY(
                waitUntil([&] { return manager.session()->state() == Session::State::Online; }));

            bool done = false;
            manager.logout(key, [&] { done = true; });
            QVERIFY(waitUntil([&] { return done; }));
            QVERIFY(manager.accounts().isEmpty());
            QVERIFY(!manager.session());
            QVERIFY(!QDir(folder).exists());
            QVERIFY(manager.open(key).code == Error::Code::NotFound);
        }
        {
            SecretStore secrets;
            secrets.setBackend(SecretStore::Backend::InsecureFile);
            secrets.setInsecureFilePath(
                QDir(dir.path()).filePath(QStringLiteral("secrets.insecure")));
            QCOMPARE(secrets.read(key).value(), QString());
        }
    }

    void memorySecretDiesWithTheProcess()
    {
        QTemporaryDir dir;
        SignInFlow flow;
        Account account;
        const ServerProfile profile = profileFor(m_server->url());
        QVERIFY(runLogin(flow, profile, QStringLiteral("bob"), QStringLiteral("demo"), &account)
                    .isNone());
        QString key;
        {
            SecretStore secrets;
            AccountManager manager(dir.path(), secrets);
            QVERIFY(manager.adopt(profile, account, false).isNone());
            key = manager.currentKey();
            QCOMPARE(manager.currentAccount().secretPlace, SecretPlace::Memory);
        }
        SecretStore secrets;
        AccountManager manager(dir.path(), secrets);
        QVERIFY(manager.load().isNone());
        QCOMPARE(manager.open(key).code, Error::Code::NotAuthenticated);
    }

    void friendsLiveOnTheDeviceWithoutServerContacts()
    {
        QTemporaryDir dir;
        SignInFlow flow;
        Account account;
        const ServerProfile profile = profileFor(m_server->url());
        QVERIFY(runLogin(flow, profile, QStringLiteral("alice"), QStringLiteral("demo"), &account)
                    .isNone());
        SecretStore secrets;
        AccountManager manager(dir.path(), secrets);
        QVERIFY(manager.adopt(profile, account, false).isNone());
        Session &session = *manager.session();
        QVERIFY(waitUntil([&] { return session.state() == Session::State::Online; }));
        QVERIFY(!session.client().capabilities().serverContacts);
        ContactStore &contacts = manager.cache()->contacts();

        // By login, when the cache knows the login.
        const QString bobId = m_server->userIdFor(QStringLiteral("bob"));
        User bob;
        bob.id = bobId;
        bob.login = QStringLiteral("bob");
        QVERIFY(manager.cache()->users().upsertUsers({ bob }).isNone());
        QCOMPARE(session.resolveUser(QStringLiteral("BOB")), bobId);
        QCOMPARE(
            session.resolveUser(QStringLiteral("nobody-known")), QStringLiteral("nobody-known"));
        QVERIFY(session.requestFriend(QStringLiteral("bob"), QStringLiteral("from work")).isNone());
        QList<Contact> friends = contacts.contacts(Contact::Kind::Friend);
        QCOMPARE(friends.size(), 1);
        QCOMPARE(friends.first().userId, bobId);
        QCOMPARE(friends.first().note, QStringLiteral("from work"));
        QVERIFY(friends.first().localOnly);

        QVERIFY(session.updateFriendNote(bobId, QStringLiteral("climbing")).isNone());
        QCOMPARE(contacts.contacts(Contact::Kind::Friend).first().note, QStringLiteral("climbing"));
        QCOMPARE(session.acceptFriend(bobId).code, Error::Code::NotSupported);
        QCOMPARE(session.requestFriend(account.user.id).code, Error::Code::InvalidArgument);
        QVERIFY(session.removeFriend(bobId).isNone());
        QVERIFY(contacts.contacts(Contact::Kind::Friend).isEmpty());

        const QString carolId = m_server->userIdFor(QStringLiteral("carol"));
        QVERIFY(session.setBlocked(carolId, true).isNone());
        QVERIFY(contacts.isBlocked(carolId));
        QVERIFY(contacts.contacts(Contact::Kind::Blocked).first().localOnly);
    }
};

QTEST_GUILESS_MAIN(TestAccountManager)
#include "tst_accountmanager.moc"
