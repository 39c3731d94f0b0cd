// SPDX-License-Identifier: GPL-3.0-or-later
// The secrets sweep: register and log in through the real natter-cli (OS keychain backend) with a
// distinctive password, sync, send, read, and exit without logging out; then search every file
// the CLI could have written (data directory, HOME and XDG directories) and everything it printed
// (--json and plain output, debug logging on) for the password and the session secrets, as UTF-8,
// UTF-16 (both byte orders) and base64. Nothing may be found.
#include "clirunner.h"
#include "testserver.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter::Testing;

namespace {
const QString kPassword = QStringLiteral("sw33p-Pa55w0rd-7f3a9c");
const QString kText = QStringLiteral("sweep canary message 42");

struct Needle
{
    QString what;
    QByteArray bytes;
};

/// Every encoding a secret could be written in.
QList<Needle> encodings(const QString &name, const QString &secret)
{
    QByteArray le;
    QByteArray be;
    for (const QChar c : secret) {
        le.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
        be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
    }
    return { { name + QStringLiteral(" (UTF-8)"), secret.toUtf8() },
        { name + QStringLiteral(" (UTF-16LE)"), le }, { name + QStringLiteral(" (UTF-16BE)"), be },
        { name + QStringLiteral(" (base64)"), secret.toUtf8().toBase64() } };
}

/// "what in where" for every needle found in `haystack`.
QStringList findings(const QList<Needle> &needles, const QByteArray &haystack, const QString &where)
{
    QStringList found;
    for (const Needle &n : needles)
        if (!n.bytes.isEmpty() && haystack.contains(n.bytes))
            found << n.what + QStringLiteral(" in ") + where;
    return found;
}

/// Every regular file below `root`, hidden ones included.
QStringList filesBelow(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}
} // namespace

class TestSecretSweep : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_home;
    QString m_dataDir;
    QByteArray m_printed; ///< stdout and stderr of every run

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("natter.*=true"));
        // Whatever the CLI writes outside --data-dir lands here too, and is swept.
        const QString home = m_home->path();
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
        env.insert(QStringLiteral("XDG_STATE_HOME"), home + QStringLiteral("/state"));
        return env;
    }

    CliRun cli(QStringList args, const QByteArray &input = {}, bool json = true)
    {
        args = QStringList { QStringLiteral("--verbose"), QStringLiteral("--server"),
            m_server->url().toString(), QStringLiteral("--data-dir"), m_dataDir }
            + args;
        if (json)
            args.prepend(QStringLiteral("--json"));
        const CliRun run = runCli(args, input, environment());
        m_printed += run.out + run.err;
        return run;
    }

private Q_SLOTS:
    void sweep_data()
    {
        QTest::addColumn<Protocol>("protocol");
        QTest::newRow("morelia-r17") << Protocol::MoreliaR17;
        QTest::newRow("wsmode") << Protocol::WsMode;
        QTest::newRow("distet") << Protocol::Distet;
    }

    void sweep()
    {
        QFETCH(Protocol, protocol);
        m_server = std::make_unique<TestServer>(protocol);
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
        m_server->seedDemo();
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        m_dataDir = m_home->path() + QStringLiteral("/natter-data");
        m_printed.clear();

        const QString login = QStringLiteral("sweeper");
        const QString email = QStringLiteral("sweeper@example.org");
        const QString loginName = protocol == Protocol::Distet ? email : login;
        const QByteArray passwordLine = kPassword.toUtf8() + '\n';

        const CliRun reg = cli({ QStringLiteral("--password-stdin"), QStringLiteral("register"),
                                   login, QStringLiteral("--email"), email },
            passwordLine);
        if (keychainUnavailable(reg))
            QSKIP("no OS keychain here (.ci/test runs one under .ci/with-keyring)");
        QVERIFY2(reg.exitCode == 0, reg.err.constData());
        const QString registerSecret = m_server->lastAuthIdFor(login);
        QVERIFY(!registerSecret.isEmpty());

        const CliRun in
            = cli({ QStringLiteral("--password-stdin"), QStringLiteral("login"), loginName },
                passwordLine);
        QVERIFY2(in.exitCode == 0, in.err.constData());
        const QString secret = m_server->lastAuthIdFor(login);
        QVERIFY(!secret.isEmpty());
        QVERIFY(secret != registerSecret);

        // A flow with someone else in it, so there is something to sync and send to.
        const QString flow = m_server->createFlow(QStringLiteral("group"),
            QStringLiteral("Sweep room"), { login, QStringLiteral("alice") });
        QVERIFY(!flow.isEmpty());
        QVERIFY(
            !m_server->postMessage(flow, QStringLiteral("alice"), QStringLiteral("hi")).isEmpty());
        const CliRun sync = cli({ QStringLiteral("sync") });
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        QString flowId;
        for (const QJsonObject &o : cli({ QStringLiteral("flows") }).objects())
            if (o.value(QLatin1String("title")).toString() == QLatin1String("Sweep room"))
                flowId = o.value(QLatin1String("id")).toString();
        QVERIFY(!flowId.isEmpty());
        const CliRun sent = cli({ QStringLiteral("send"), flowId, kText });
        QVERIFY2(sent.exitCode == 0, sent.err.constData());
        QVERIFY(cli({ QStringLiteral("messages"), flowId }).exitCode == 0);
        QVERIFY(cli({ QStringLiteral("whoami") }).exitCode == 0);
        QVERIFY(cli({ QStringLiteral("whoami") }, {}, false).exitCode == 0);
        QVERIFY(cli({ QStringLiteral("messages"), flowId }, {}, false).exitCode == 0);
        // No logout: the session stays in the keychain, as after closing the app.

        QList<Needle> needles = encodings(QStringLiteral("password"), kPassword);
        needles += encodings(QStringLiteral("session secret"), secret);
        needles += encodings(QStringLiteral("earlier session secret"), registerSecret);

        // Controls: the sweep must see what the CLI wrote and printed, or it proves nothing.
        const QList<Needle> canary = encodings(QStringLiteral("message text"), kText);
        QVERIFY(m_printed.contains("natter."));
        QVERIFY(!findings(canary, m_printed, QStringLiteral("output")).isEmpty());

        QStringList found = findings(needles, m_printed, QStringLiteral("the CLI's output"));
        const QStringList files = filesBelow(m_home->path());
        QVERIFY(!files.isEmpty());
        bool canaryOnDisk = false;
        for (const QString &path : files) {
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray content = file.readAll();
            found += findings(needles, content, path);
            canaryOnDisk = canaryOnDisk || !findings(canary, content, path).isEmpty();
        }
        QVERIFY2(canaryOnDisk, "the sent message is in no file: the sweep read the wrong place");
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1String("\n"))));
    }

    void cleanup()
    {
        m_server.reset();
        m_home.reset();
    }
};

QTEST_GUILESS_MAIN(TestSecretSweep)
#include "tst_secretsweep.moc"
