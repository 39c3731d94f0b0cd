// SPDX-License-Identifier: GPL-3.0-or-later
// The chaos layer on its own: decisions repeat for a seed, answers get late and out of order
// but never in a way a client could not correlate, and rates parse.
#include "chaos.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Natter::Testing;

class TestChaos : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameDecisions()
    {
        ChaosOptions options;
        options.seed = 42;
        options.dropRate = 0.2;
        options.dropAfterApplyRate = 0.2;
        options.restartRate = 0.1;
        Chaos a(options), b(options);
        options.seed = 43;
        Chaos c(options);
        QList<Chaos::Verdict> first, second, other;
        for (int i = 0; i < 500; ++i) {
            first << a.onRequest(nullptr);
            second << b.onRequest(nullptr);
            other << c.onRequest(nullptr);
        }
        QCOMPARE(first, second);
        QVERIFY(first != other);
        QVERIFY(first.contains(Chaos::Verdict::Drop));
        QVERIFY(first.contains(Chaos::Verdict::DropAfterApply));
        QVERIFY(first.contains(Chaos::Verdict::Restart));
        QCOMPARE(a.stats().requests, 500);
        QVERIFY(a.restartDownMs() >= options.restartMinMs);
        QVERIFY(a.restartDownMs() <= options.restartMaxMs);
    }

    void answersStayCorrelatable()
    {
        QWebSocketServer server(QStringLiteral("chaos"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QWebSocket client;
        QStringList received;
        connect(&client, &QWebSocket::textMessageReceived, this,
            [&](const QString &frame) { received << frame; });
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(server.serverPort())));
        QTRY_VERIFY(server.hasPendingConnections());
        QWebSocket *socket = server.nextPendingConnection();
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);

        ChaosOptions options;
        options.seed = 7;
        options.delayRate = 0.6;
        options.maxDelayMs = 60;
        options.reorderRate = 0.3;
        options.garbageRate = 0; // garbage is not JSON with a sequence number; tested elsewhere
        Chaos chaos(options);
        const QStringList kinds = { QStringLiteral("send_message"), QStringLiteral("get_update"),
            QStringLiteral("all_flow"), QStringLiteral("error") };
        const int count = 400;
        for (int i = 0; i < count; ++i) {
            const QString kind = kinds.at((i * 7 + i / 3) % (i % 25 == 24 ? 4 : 3));
            chaos.deliver(
                socket, { { QStringLiteral("type"), kind }, { QStringLiteral("seq"), i } });
        }
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), count, 20000);

        QHash<QString, int> lastOfKind;
        int lastBarrier = -1;
        int highest = -1;
        for (const QString &frame : std::as_const(received)) {
            const auto o = QJsonDocument::fromJson(frame.toUtf8()).object();
            const QString kind = o.value(QStringLiteral("type")).toString();
            const int seq = o.value(QStringLiteral("seq")).toInt();
            // One kind keeps its order (clients match answers FIFO per kind).
            QVERIFY2(seq > lastOfKind.value(kind, -1), qPrintable(frame));
            lastOfKind[kind] = seq;
            // Nothing sent after an error answer overtakes it, and an error answer comes after
            // everything sent before it (clients give it to the oldest outstanding request).
            QVERIFY2(seq > lastBarrier, qPrintable(frame));
            if (kind == QLatin1String("error")) {
                QVERIFY2(seq > highest, qPrintable(frame));
                lastBarrier = seq;
            }
            highest = std::max(highest, seq);
        }
        QVERIFY(chaos.stats().delayed > 0);
        QVERIFY(chaos.stats().reordered > 0);
    }

    void ratesParse()
    {
        QString error;
        const auto options = ChaosOptions::parse(
            QStringLiteral("delay=0.5,max-delay=100,drop=0,restart-min=10,restart-max=20"), {},
            &error);
        QVERIFY2(options, qPrintable(error));
        QCOMPARE(options->delayRate, 0.5);
        QCOMPARE(options->maxDelayMs, 100);
        QCOMPARE(options->dropRate, 0.0);
        QCOMPARE(options->restartMaxMs, 20);
        QCOMPARE(options->garbageRate, ChaosOptions().garbageRate);
        QVERIFY(!ChaosOptions::parse(QStringLiteral("drop=2"), {}, &error));
        QVERIFY(!ChaosOptions::parse(QStringLiteral("dorp=0.1"), {}, &error));
        QVERIFY(error.contains(QLatin1String("dorp")));
    }
};

QTEST_GUILESS_MAIN(TestChaos)
#include "tst_chaos.moc"
