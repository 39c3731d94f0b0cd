// SPDX-License-Identifier: GPL-3.0-or-later
// natter-cli and the local cache: --offline reads, local search, an offline send queued in the
// outbox and delivered once by `sync` after the server comes back.
#include "clirunner.h"
#include "store.h"
#include "testserver.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Natter::Testing;

class TestCliCache : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    QString m_url;
    quint16 m_port = 0;

    void startServer()
    {
        m_server = std::make_unique<TestServer>(Protocol::MoreliaR17);
        QVERIFY(m_server->open(m_dir.filePath(QStringLiteral("server.sqlite"))));
        QVERIFY2(
            m_server->listen(QHostAddress::LocalHost, m_port), qPrintable(m_server->errorString()));
        m_port = m_server->port();
        m_url = m_server->url().toString();
    }
    CliRun cli(const QStringList &args, const QByteArray &input = {})
    {
        return runCli(QStringList { QStringLiteral("--json"), QStringLiteral("--server"), m_url,
                          QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("natter")) }
                + args,
            input);
    }
    QString teamFlow()
    {
        for (const QJsonObject &o :
            cli({ QStringLiteral("--offline"), QStringLiteral("flows") }).objects())
            if (o.value(QLatin1String("title")).toString() == QLatin1String("Natter team"))
                return o.value(QLatin1String("id")).toString();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        startServer();
        m_server->seedDemo();
        const CliRun login = cli({ QStringLiteral("--password-stdin"), QStringLiteral("login"),
                                     QStringLiteral("alice") },
            "demo\n");
        if (keychainUnavailable(login))
            QSKIP("no OS keychain here (.ci/test runs one)");
        QVERIFY2(login.exitCode == 0, login.err.constData());
    }

    void syncFillsTheCache()
    {
        const CliRun sync = cli({ QStringLiteral("sync") });
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        QCOMPARE(sync.object().value(QLatin1String("flows")).toInt(), 3);
        QCOMPARE(sync.object().value(QLatin1String("messages")).toInt(), m_server->messageCount());
        QCOMPARE(sync.object().value(QLatin1String("outbox_pending")).toInt(), 0);
    }

    void localSearch()
    {
        const QString team = teamFlow();
        QVERIFY(!team.isEmpty());
        const CliRun sent = cli(
            { QStringLiteral("send"), team, QStringLiteral("the zebra crossing is painted") });
        QVERIFY2(sent.exitCode == 0, sent.err.constData());
        const CliRun found = cli({ QStringLiteral("search"), QStringLiteral("zebra") });
        QVERIFY2(found.exitCode == 0, found.err.constData());
        QCOMPARE(found.objects().size(), 1);
        QCOMPARE(found.object().value(QLatin1String("text")).toString(),
            QStringLiteral("the zebra crossing is painted"));
        QCOMPARE(found.object().value(QLatin1String("id")).toString(),
            sent.object().value(QLatin1String("id")).toString());
        // Prefixes match; other flows do not; FTS syntax in the query is only text.
        QCOMPARE(cli({ QStringLiteral("search"), QStringLiteral("zeb*") }).objects().size(), 1);
        QCOMPARE(cli({ QStringLiteral("search"), QStringLiteral("zebra"), QStringLiteral("--flow"),
                         QStringLiteral("nope") })
                     .objects()
                     .size(),
            0);
        const CliRun odd = cli({ QStringLiteral("search"), QStringLiteral("\"AND (OR* zebra") });
        QCOMPARE(odd.exitCode, 0);
    }

    void offlineReadsAndQueuedSend()
    {
        const QString team = teamFlow();
        const int onServer = m_server->messageCount();
        m_server->dropConnections();
        m_server.reset(); // the server is gone

        const CliRun flows = cli({ QStringLiteral("--offline"), QStringLiteral("flows") });
        QVERIFY2(flows.exitCode == 0, flows.err.constData());
        QCOMPARE(flows.objects().size(), 3);
        const CliRun history = cli({ QStringLiteral("--offline"), QStringLiteral("messages"), team,
            QStringLiteral("--limit"), QStringLiteral("2") });
        QVERIFY2(history.exitCode == 0, history.err.constData());
        QCOMPARE(history.objects().size(), 2);
        QCOMPARE(history.objects().last().value(QLatin1String("text")).toString(),
            QStringLiteral("the zebra crossing is painted"));
        QCOMPARE(cli({ QStringLiteral("messages"), team }).exitCode, 4);

        const CliRun queued
            = cli({ QStringLiteral("send"), team, QStringLiteral("written on the train") });
        QCOMPARE(queued.exitCode, 4);
        QVERIFY(queued.errorObject()
                    .value(QLatin1String("message"))
                    .toString()
                    .contains(QLatin1String("queued")));
        const CliRun outbox = cli({ QStringLiteral("outbox") });
        QCOMPARE(outbox.exitCode, 0);
        QCOMPARE(outbox.objects().size(), 1);
        QCOMPARE(
            outbox.object().value(QLatin1String("state")).toString(), QStringLiteral("queued"));
        QCOMPARE(outbox.object().value(QLatin1String("text")).toString(),
            QStringLiteral("written on the train"));
        // It already shows in the offline history, at the end.
        const CliRun withEcho = cli({ QStringLiteral("--offline"), QStringLiteral("messages"), team,
            QStringLiteral("--limit"), QStringLiteral("1") });
        QCOMPARE(withEcho.object().value(QLatin1String("text")).toString(),
            QStringLiteral("written on the train"));

        startServer(); // back, same port and data
        const CliRun sync = cli({ QStringLiteral("sync") });
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        QCOMPARE(sync.object().value(QLatin1String("outbox_pending")).toInt(), 0);
        QCOMPARE(cli({ QStringLiteral("outbox") }).objects().size(), 0);
        QCOMPARE(m_server->messageCount(), onServer + 1);
        // A second sync sends nothing twice.
        QCOMPARE(cli({ QStringLiteral("sync") }).exitCode, 0);
        QCOMPARE(m_server->messageCount(), onServer + 1);
        const CliRun last = cli(
            { QStringLiteral("messages"), team, QStringLiteral("--limit"), QStringLiteral("1") });
        QCOMPARE(last.object().value(QLatin1String("text")).toString(),
            QStringLiteral("written on the train"));
        QVERIFY(!last.object().value(QLatin1String("id")).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliCache)
#include "tst_cli_cache.moc"
