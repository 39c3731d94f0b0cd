// SPDX-License-Identifier: GPL-3.0-or-later
// natter-cli end to end against natter-testserver's wsmode backend: the protocol is found by
// "auto" detection, create-chat and recover work, what the protocol lacks exits 6.
#include "clitestbase.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter::Testing;

namespace {
const QByteArray kPng = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUl"
                                               "EQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}

class TestCliWsMode : public CliTestBase
{
    Q_OBJECT

    QString errorName(const CliRun &run) const
    {
        return run.errorObject().value(QLatin1String("error")).toString();
    }

private Q_SLOTS:
    void init() { QVERIFY(startServer(Protocol::WsMode)); }

    void cleanup() { stopServer(); }

    void chatAndMessages()
    {
        NATTER_LOGIN_OR_SKIP(login(QStringLiteral("alice")));
        const CliRun who = cli({ QStringLiteral("whoami") });
        QVERIFY2(who.exitCode == 0, who.err.constData());
        QCOMPARE(who.object().value(QLatin1String("login")).toString(), QStringLiteral("alice"));

        const CliRun flows = cli({ QStringLiteral("flows") });
        QVERIFY2(flows.exitCode == 0, flows.err.constData());
        QCOMPARE(flows.objects().size(), 3);
        QString bobChat;
        for (const QJsonObject &o : flows.objects())
            if (o.value(QLatin1String("type")).toString() == QLatin1String("chat"))
                bobChat = o.value(QLatin1String("id")).toString();
        QVERIFY(!bobChat.isEmpty());

        const CliRun created = cli({ QStringLiteral("create-chat"), QStringLiteral("carol") });
        QVERIFY2(created.exitCode == 0, created.err.constData());
        const QString carolChat = created.object().value(QLatin1String("id")).toString();
        QVERIFY(!carolChat.isEmpty() && carolChat != bobChat);
        QCOMPARE(cli({ QStringLiteral("flows") }).objects().size(), 4);
        const CliRun nobody = cli({ QStringLiteral("create-chat"), QStringLiteral("nobody") });
        QCOMPARE(nobody.exitCode, 5);
        QCOMPARE(errorName(nobody), QStringLiteral("not_found"));

        const CliRun sent = cli({ QStringLiteral("send"), carolChat, QStringLiteral("Hi Carol!") });
        QVERIFY2(sent.exitCode == 0, sent.err.constData());
        QTemporaryDir files;
        QFile png(files.filePath(QStringLiteral("dot.png")));
        QVERIFY(png.open(QIODevice::WriteOnly) && png.write(kPng) == kPng.size());
        png.close();
        const CliRun withFile = cli({ QStringLiteral("send"), carolChat, QStringLiteral("a dot"),
            QStringLiteral("--file"), png.fileName() });
        QVERIFY2(withFile.exitCode == 0, withFile.err.constData());
        QCOMPARE(
            m_server->messageCount(), 21 + 3); // text, then "a dot" and the picture as two frames

        const CliRun messages = cli({ QStringLiteral("messages"), carolChat });
        QVERIFY2(messages.exitCode == 0, messages.err.constData());
        const QList<QJsonObject> list = messages.objects();
        QVERIFY2(list.size() == 3, messages.out.constData());
        QCOMPARE(list[0].value(QLatin1String("text")).toString(), QStringLiteral("Hi Carol!"));
        QCOMPARE(list[0].value(QLatin1String("from_name")).toString(), QStringLiteral("alice"));
        QCOMPARE(list[0].value(QLatin1String("from")).toString(),
            m_server->userIdFor(QStringLiteral("alice")));
        const QJsonArray attachments = list[2].value(QLatin1String("attachments")).toArray();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments[0].toObject().value(QLatin1String("mime")).toString(),
            QStringLiteral("image/png"));
        QCOMPARE(attachments[0].toObject().value(QLatin1String("size")).toInt(), kPng.size());
        // Listing again gives the same ids: nothing duplicates.
        QCOMPARE(cli({ QStringLiteral("messages"), carolChat }).objects(), list);

        // What the mode protocol lacks exits 6.
        const QString id = list[0].value(QLatin1String("id")).toString();
        for (const QStringList &args :
            { QStringList { QStringLiteral("edit"), carolChat, id, QStringLiteral("x") },
                QStringList { QStringLiteral("delete"), carolChat, id } }) {
            const CliRun run = cli(args);
            QCOMPARE(run.exitCode, 6);
            QCOMPARE(errorName(run), QStringLiteral("not_supported"));
        }

        const CliRun logout = cli({ QStringLiteral("logout") });
        QVERIFY2(logout.exitCode == 0, logout.err.constData());
        QCOMPARE(cli({ QStringLiteral("whoami") }).exitCode, 3);
    }

    void explicitProtocolAndRegistration()
    {
        const CliRun reg
            = cli({ QStringLiteral("--protocol"), QStringLiteral("wsmode"),
                      QStringLiteral("--password-stdin"), QStringLiteral("--insecure-store"),
                      QStringLiteral("register"), QStringLiteral("dave"), QStringLiteral("--email"),
                      QStringLiteral("dave@example.org") },
                "dave-pw\n", QStringLiteral("dave"));
        QVERIFY2(reg.exitCode == 0, reg.err.constData());
        QCOMPARE(reg.object().value(QLatin1String("login")).toString(), QStringLiteral("dave"));
        const CliRun taken
            = cli({ QStringLiteral("--password-stdin"), QStringLiteral("--insecure-store"),
                      QStringLiteral("register"), QStringLiteral("eve"), QStringLiteral("--email"),
                      QStringLiteral("dave@example.org") },
                "x\n", QStringLiteral("eve"));
        QCOMPARE(taken.exitCode, 5);
        QCOMPARE(errorName(taken), QStringLiteral("already_exists"));
        const CliRun wrong = cli({ QStringLiteral("--password-stdin"), QStringLiteral("login"),
                                     QStringLiteral("alice") },
            "nope\n");
        QCOMPARE(wrong.exitCode, 3);
        QCOMPARE(errorName(wrong), QStringLiteral("wrong_credentials"));
        const CliRun chat = cli(
            { QStringLiteral("create-chat"), QStringLiteral("alice") }, {}, QStringLiteral("dave"));
        QVERIFY2(chat.exitCode == 0, chat.err.constData());
    }

    void recover()
    {
        const CliRun byEmail = cli({ QStringLiteral("recover"), QStringLiteral("alice"),
            QStringLiteral("--email"), QStringLiteral("alice@example.org") });
        QVERIFY2(byEmail.exitCode == 0, byEmail.err.constData());
        QCOMPARE(byEmail.object().value(QLatin1String("recovery_requested")).toBool(), true);
        const CliRun byName = cli({ QStringLiteral("recover"), QStringLiteral("alice"),
            QStringLiteral("--username"), QStringLiteral("alice") });
        QVERIFY2(byName.exitCode == 0, byName.err.constData());
        const CliRun wrong = cli({ QStringLiteral("recover"), QStringLiteral("alice"),
            QStringLiteral("--email"), QStringLiteral("eve@example.org") });
        QCOMPARE(wrong.exitCode, 5);
        QCOMPARE(errorName(wrong), QStringLiteral("not_found"));
        QCOMPARE(cli({ QStringLiteral("recover"), QStringLiteral("alice") }).exitCode, 2);

        // MoreliaTalk has no recovery: exit 6.
        TestServer morelia(Protocol::MoreliaR17);
        QVERIFY(morelia.listen(QHostAddress::LocalHost, 0));
        const CliRun unsupported = runCli({ QStringLiteral("--json"), QStringLiteral("--server"),
            morelia.url().toString(), QStringLiteral("--data-dir"), m_dir->path(),
            QStringLiteral("--profile"), QStringLiteral("m"), QStringLiteral("recover"),
            QStringLiteral("alice"), QStringLiteral("--email"), QStringLiteral("a@x") });
        QCOMPARE(unsupported.exitCode, 6);
        QCOMPARE(errorName(unsupported), QStringLiteral("not_supported"));
    }
};

QTEST_GUILESS_MAIN(TestCliWsMode)
#include "tst_cli_wsmode.moc"
