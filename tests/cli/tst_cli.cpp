// SPDX-License-Identifier: GPL-3.0-or-later
// natter-cli end to end: the real binary, --json, against natter-testserver in both dialects.
#include "clirunner.h"
#include "testserver.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Natter::Testing;

class TestCli : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    bool m_rev17 = false;

    QStringList base(const QString &profile = QStringLiteral("default")) const
    {
        return { QStringLiteral("--json"), QStringLiteral("--server"), m_server->url().toString(),
            QStringLiteral("--data-dir"), m_dir->path(), QStringLiteral("--profile"), profile };
    }
    CliRun cli(const QStringList &args, const QByteArray &input = {},
        const QString &profile = QStringLiteral("default"))
    {
        return runCli(base(profile) + args, input);
    }
    /// Logs `login` in with the OS keychain, or skips where none runs (CI always has one).
    CliRun keychainLogin(const QString &login, const QString &password,
        const QString &profile = QStringLiteral("default"))
    {
        return cli({ QStringLiteral("--password-stdin"), QStringLiteral("login"), login },
            password.toUtf8() + '\n', profile);
    }
    QString flowId(const QString &profile, const QString &title)
    {
        for (const QJsonObject &o : cli({ QStringLiteral("flows") }, {}, profile).objects())
            if (o.value(QLatin1String("title")).toString() == title)
                return o.value(QLatin1String("id")).toString();
        return {};
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
        m_rev17 = protocol == QLatin1String("morelia-r17");
        m_server = std::make_unique<TestServer>(*protocolFromName(protocol));
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
        m_server->seedDemo();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void usageErrors()
    {
        QCOMPARE(runCli({}).exitCode, 2);
        QCOMPARE(runCli({ QStringLiteral("frobnicate") }).exitCode, 2);
        const CliRun argvPassword = runCli({ QStringLiteral("--json"), QStringLiteral("login"),
            QStringLiteral("alice"), QStringLiteral("--password"), QStringLiteral("demo") });
        QCOMPARE(argvPassword.exitCode, 2);
        QCOMPARE(argvPassword.errorObject().value(QLatin1String("error")).toString(),
            QStringLiteral("invalid_argument"));
        QCOMPARE(runCli({ QStringLiteral("messages") }).exitCode, 2);
        const CliRun help = runCli({ QStringLiteral("--help") });
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("create-flow"));
        const CliRun version = runCli({ QStringLiteral("--version") });
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("natter-cli 0."));
    }

    void registerLoginWhoamiLogout()
    {
        const CliRun reg
            = cli({ QStringLiteral("--password-stdin"), QStringLiteral("--insecure-store"),
                      QStringLiteral("register"), QStringLiteral("zed"), QStringLiteral("--email"),
                      QStringLiteral("zed@example.org"), QStringLiteral("--name"),
                      QStringLiteral("Zed Shaw") },
                "zed-password\n", QStringLiteral("zed"));
        QVERIFY2(reg.exitCode == 0, reg.err.constData());
        const QJsonObject account = reg.object();
        QCOMPARE(account.value(QLatin1String("login")).toString(), QStringLiteral("zed"));
        QCOMPARE(account.value(QLatin1String("name")).toString(), QStringLiteral("Zed Shaw"));
        QCOMPARE(account.value(QLatin1String("id")).toString(),
            m_server->userIdFor(QStringLiteral("zed")));
        QCOMPARE(account.keys(),
            (QStringList {
                QStringLiteral("id"), QStringLiteral("login"), QStringLiteral("name") }));

        const CliRun duplicate
            = cli({ QStringLiteral("--password-stdin"), QStringLiteral("--insecure-store"),
                      QStringLiteral("register"), QStringLiteral("zed") },
                "other\n", QStringLiteral("zed2"));
        QCOMPARE(duplicate.exitCode, 5);
        QCOMPARE(duplicate.errorObject().value(QLatin1String("error")).toString(),
            QStringLiteral("already_exists"));

        const CliRun wrong = cli({ QStringLiteral("--password-stdin"), QStringLiteral("login"),
                                     QStringLiteral("alice") },
            "nope\n");
        QCOMPARE(wrong.exitCode, 3);
        QCOMPARE(wrong.errorObject().value(QLatin1String("error")).toString(),
            QStringLiteral("wrong_credentials"));

        NATTER_LOGIN_OR_SKIP(keychainLogin(QStringLiteral("alice"), QStringLiteral("demo")));
        const CliRun who = cli({ QStringLiteral("whoami") });
        QVERIFY2(who.exitCode == 0, who.err.constData());
        QCOMPARE(who.object().value(QLatin1String("login")).toString(), QStringLiteral("alice"));
        QCOMPARE(
            who.object().value(QLatin1String("name")).toString(), QStringLiteral("Alice Liddell"));

        // The session secret is in the keychain, not in the data directory.
        const QString secret = m_server->lastAuthIdFor(QStringLiteral("alice"));
        QVERIFY(!secret.isEmpty());
        QDirIterator files(m_dir->path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            if (file.fileName().endsWith(QLatin1String("insecure-secrets.json")))
                continue; // zed opted in to the file store above
            QVERIFY2(!content.contains(secret.toUtf8()), qPrintable(file.fileName()));
            QVERIFY(!content.contains("demo"));
        }
        QVERIFY(!who.out.contains(secret.toUtf8()) && !who.err.contains(secret.toUtf8()));

        const CliRun logout = cli({ QStringLiteral("logout") });
        QVERIFY2(logout.exitCode == 0, logout.err.constData());
        QCOMPARE(cli({ QStringLiteral("whoami") }).exitCode, 3);
        // zed's profile, on the insecure file store, is still logged in.
        const CliRun zed = cli({ QStringLiteral("whoami") }, {}, QStringLiteral("zed"));
        QVERIFY2(zed.exitCode == 0, zed.err.constData());
        QCOMPARE(zed.object().value(QLatin1String("login")).toString(), QStringLiteral("zed"));
    }

    void noKeychainRefusesClearly()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
            QStringLiteral("unix:path=/nonexistent/natter-bus"));
        const CliRun run = runCli(base()
                + QStringList { QStringLiteral("--password-stdin"), QStringLiteral("login"),
                    QStringLiteral("alice") },
            "demo\n", env);
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(run.errorObject().value(QLatin1String("error")).toString(),
            QStringLiteral("no_secret_store"));
        QVERIFY(run.errorObject()
                    .value(QLatin1String("message"))
                    .toString()
                    .contains(QLatin1String("--insecure-store")));
        // Nothing was remembered.
        QCOMPARE(runCli(base() + QStringList { QStringLiteral("whoami") }, {}, env).exitCode, 3);
    }

    void flowsAndMessages()
    {
        NATTER_LOGIN_OR_SKIP(keychainLogin(QStringLiteral("alice"), QStringLiteral("demo")));
        const CliRun flows = cli({ QStringLiteral("flows") });
        QVERIFY2(flows.exitCode == 0, flows.err.constData());
        const QList<QJsonObject> list = flows.objects();
        QCOMPARE(list.size(), 3);
        for (const QJsonObject &f : list)
            QCOMPARE(f.keys(),
                (QStringList { QStringLiteral("id"), QStringLiteral("info"),
                    QStringLiteral("title"), QStringLiteral("type"), QStringLiteral("updated") }));
        const QString team = flowId(QStringLiteral("default"), QStringLiteral("Natter team"));
        QVERIFY(!team.isEmpty());

        const CliRun recent = cli(
            { QStringLiteral("messages"), team, QStringLiteral("--limit"), QStringLiteral("3") });
        QVERIFY2(recent.exitCode == 0, recent.err.constData());
        QCOMPARE(recent.objects().size(), 3);
        const QJsonObject m = recent.objects().first();
        QCOMPARE(m.keys(),
            (QStringList { QStringLiteral("attachments"), QStringLiteral("edited"),
                QStringLiteral("flow"), QStringLiteral("from"), QStringLiteral("from_name"),
                QStringLiteral("id"), QStringLiteral("text"), QStringLiteral("time") }));
        QCOMPARE(m.value(QLatin1String("flow")).toString(), team);
        QVERIFY(!m.value(QLatin1String("from_name")).toString().isEmpty());
        QVERIFY(recent.objects().at(0).value(QLatin1String("time")).toInteger()
            <= recent.objects().at(2).value(QLatin1String("time")).toInteger());

        // Send text with a picture; read it back as bob.
        QTemporaryDir files;
        QFile png(files.filePath(QStringLiteral("dot.png")));
        QVERIFY(png.open(QIODevice::WriteOnly));
        png.write(QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42"
                                         "mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        png.close();
        const CliRun sent = cli({ QStringLiteral("send"), team, QStringLiteral("Look at this"),
            QStringLiteral("--file"), png.fileName() });
        QVERIFY2(sent.exitCode == 0, sent.err.constData());
        const QJsonObject s = sent.object();
        const QString sentId = s.value(QLatin1String("id")).toString();
        QVERIFY(!sentId.isEmpty());
        QCOMPARE(s.value(QLatin1String("text")).toString(), QStringLiteral("Look at this"));
        QCOMPARE(s.value(QLatin1String("attachments"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("kind"))
                     .toString(),
            QStringLiteral("picture"));

        NATTER_LOGIN_OR_SKIP(
            keychainLogin(QStringLiteral("bob"), QStringLiteral("demo"), QStringLiteral("bob")));
        const CliRun bobReads = cli(
            { QStringLiteral("messages"), team, QStringLiteral("--limit"), QStringLiteral("1") },
            {}, QStringLiteral("bob"));
        QVERIFY2(bobReads.exitCode == 0, bobReads.err.constData());
        const QJsonObject last = bobReads.object();
        QCOMPARE(last.value(QLatin1String("id")).toString(), sentId);
        QCOMPARE(
            last.value(QLatin1String("from_name")).toString(), QStringLiteral("Alice Liddell"));
        const QJsonObject attachment
            = last.value(QLatin1String("attachments")).toArray().at(0).toObject();
        QCOMPARE(attachment.value(QLatin1String("mime")).toString(), QStringLiteral("image/png"));
        QCOMPARE(attachment.value(QLatin1String("size")).toInt(), 70);

        const CliRun edit
            = cli({ QStringLiteral("edit"), team, sentId, QStringLiteral("Look at this one") });
        QVERIFY2(edit.exitCode == 0, edit.err.constData());
        const CliRun afterEdit = cli(
            { QStringLiteral("messages"), team, QStringLiteral("--limit"), QStringLiteral("1") },
            {}, QStringLiteral("bob"));
        QCOMPARE(afterEdit.object().value(QLatin1String("text")).toString(),
            QStringLiteral("Look at this one"));
        QVERIFY(afterEdit.object().value(QLatin1String("edited")).toBool());

        // Bob cannot delete Alice's message; Alice can.
        QCOMPARE(
            cli({ QStringLiteral("delete"), team, sentId }, {}, QStringLiteral("bob")).exitCode, 5);
        const CliRun del = cli({ QStringLiteral("delete"), team, sentId });
        QVERIFY2(del.exitCode == 0, del.err.constData());
        QVERIFY(del.object().value(QLatin1String("deleted")).toBool());

        const CliRun missing = cli({ QStringLiteral("send"), team, QStringLiteral("x"),
            QStringLiteral("--file"), files.filePath(QStringLiteral("missing.bin")) });
        QCOMPARE(missing.exitCode, 2);
    }

    void createFlowDependsOnDialect()
    {
        NATTER_LOGIN_OR_SKIP(keychainLogin(QStringLiteral("alice"), QStringLiteral("demo")));
        const QStringList args { QStringLiteral("create-flow"), QStringLiteral("--type"),
            QStringLiteral("group"), QStringLiteral("--title"), QStringLiteral("Book club"),
            QStringLiteral("--member"), m_server->userIdFor(QStringLiteral("carol")) };
        const CliRun run = cli(args);
        if (!m_rev17) {
            QCOMPARE(run.exitCode, 6);
            QCOMPARE(run.errorObject().value(QLatin1String("error")).toString(),
                QStringLiteral("not_supported"));
            return;
        }
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(
            run.object().value(QLatin1String("title")).toString(), QStringLiteral("Book club"));
        QCOMPARE(run.object().value(QLatin1String("type")).toString(), QStringLiteral("group"));
        QVERIFY(!flowId(QStringLiteral("default"), QStringLiteral("Book club")).isEmpty());
    }

    void watchPrintsNewMessages()
    {
        NATTER_LOGIN_OR_SKIP(keychainLogin(QStringLiteral("alice"), QStringLiteral("demo")));
        const QString team = flowId(QStringLiteral("default"), QStringLiteral("Natter team"));
        // Carol writes while alice watches.
        QTimer::singleShot(1500, this, [&] {
            m_server->postMessage(team, QStringLiteral("carol"), QStringLiteral("Watch this"));
        });
        const CliRun run = cli({ QStringLiteral("watch"), team, QStringLiteral("--count"),
            QStringLiteral("1"), QStringLiteral("--timeout"), QStringLiteral("20"),
            QStringLiteral("--poll"), QStringLiteral("300") });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.objects().size(), 1);
        QCOMPARE(
            run.object().value(QLatin1String("text")).toString(), QStringLiteral("Watch this"));
        QCOMPARE(run.object().value(QLatin1String("from_name")).toString(),
            QStringLiteral("Carol Danvers"));
    }

    void serverDownIsNetworkError()
    {
        NATTER_LOGIN_OR_SKIP(keychainLogin(QStringLiteral("alice"), QStringLiteral("demo")));
        const QStringList args = base() + QStringList { QStringLiteral("flows") };
        m_server->close();
        const CliRun run = runCli(args);
        QVERIFY2(run.exitCode == 4, run.err.constData());
        QVERIFY(!run.errorObject().value(QLatin1String("message")).toString().isEmpty());
    }

    void deleteAccount()
    {
        m_server->createUser(
            QStringLiteral("gone"), QStringLiteral("pw-gone"), QStringLiteral("Gone Soon"));
        NATTER_LOGIN_OR_SKIP(keychainLogin(QStringLiteral("gone"), QStringLiteral("pw-gone")));
        QCOMPARE(
            cli({ QStringLiteral("--password-stdin"), QStringLiteral("delete-account") }, "bad\n")
                .exitCode,
            3);
        const CliRun run = cli(
            { QStringLiteral("--password-stdin"), QStringLiteral("delete-account") }, "pw-gone\n");
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.object().value(QLatin1String("deleted")).toBool());
        QCOMPARE(cli({ QStringLiteral("--password-stdin"), QStringLiteral("login"),
                         QStringLiteral("gone") },
                     "pw-gone\n")
                     .exitCode,
            3);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
