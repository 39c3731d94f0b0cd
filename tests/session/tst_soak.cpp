// SPDX-License-Identifier: GPL-3.0-or-later
// The chaos soak: alice and bob, each a Session with its own cache, exchange 5,000 numbered
// messages through a test server that delays, reorders, garbles, drops connections and
// restarts. Every message must arrive exactly once on both sides, in each sender's order, and
// both caches must agree with the server's database.
#include "chaos.h"
#include "sessionfixture.h"

#include <QElapsedTimer>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

using namespace Natter;
using namespace Natter::Testing;

namespace {

constexpr int kMessages = 5000;
constexpr int kWindow = 8; ///< sends a sender may have queued before it waits
constexpr int kTimeoutMs = 200000; // typically ~100 s in a Debug build on 2 cores

/// One side of the conversation.
struct Peer
{
    QString login;
    AccountCache cache;
    std::unique_ptr<Session> session;
    QHash<qint64, int> attempts; ///< client id → markSending() calls seen
    int queued = 0;
};

QString textOf(int number, const QString &login)
{
    return QStringLiteral("soak %1 from %2").arg(number, 4, 10, QLatin1Char('0')).arg(login);
}

/// The number in a soak text, or -1.
int numberOf(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^soak (\\d{4}) from (\\w+)$"));
    const auto match = pattern.match(text);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

QString senderOf(int number)
{
    return number % 2 == 0 ? QStringLiteral("alice") : QStringLiteral("bob");
}

} // namespace

class TestSoak : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    void startPeer(Peer &peer, TestServer &server, const Account &account, const QString &flow)
    {
        QVERIFY(peer.cache.open(m_dir.filePath(peer.login + QLatin1String(".sqlite"))).isNone());
        auto client = std::make_shared<MoreliaClient>();
        client->setRequestTimeout(5000);
        peer.session = std::make_unique<Session>(client, peer.cache);
        peer.session->backoff() = Backoff(50, 400, 2.0, 0.2);
        peer.session->sync().setIntervals(100, 100, 300);
        peer.session->setOpenFlow(flow);
        QObject::connect(
            &peer.cache.outbox(), &OutboxStore::entryChanged, this, [&peer](qint64 clientId) {
                if (const auto entry = peer.cache.outbox().entry(clientId))
                    peer.attempts[clientId]
                        = std::max(peer.attempts.value(clientId), entry->attempts);
            });
        peer.session->start(server.url(), account);
    }

    /// Checks one cache against the server's rows: the same messages, once each, with the
    /// server's ids, each sender's messages in send order.
    void verifyCache(Peer &peer, const QString &flow, const QHash<QString, QString> &serverTexts)
    {
        const QList<Message> cached = peer.cache.messages().newest(flow, kMessages * 2);
        QSet<int> present;
        for (const Message &m : cached)
            present.insert(numberOf(m.text));
        QStringList missing;
        for (int number = 0; number < kMessages && missing.size() < 10; ++number)
            if (!present.contains(number))
                missing << textOf(number, senderOf(number));
        QVERIFY2(missing.isEmpty(),
            qPrintable(peer.login + QLatin1String("'s cache lacks ") + missing.join(u", ")));
        QSet<int> seen;
        QHash<QString, int> last; // sender → last number seen, in cache order
        for (const Message &m : cached) {
            const int number = numberOf(m.text);
            QVERIFY2(number >= 0, qPrintable(m.text));
            QVERIFY2(!seen.contains(number), qPrintable(QLatin1String("duplicate ") + m.text));
            seen.insert(number);
            QVERIFY2(!m.id.isEmpty(), qPrintable(QLatin1String("no server id: ") + m.text));
            QCOMPARE(serverTexts.value(m.id), m.text);
            const QString sender = senderOf(number);
            QVERIFY2(number > last.value(sender, -1),
                qPrintable(QStringLiteral("%1's cache: %2 after %3")
                               .arg(peer.login, m.text)
                               .arg(last.value(sender))));
            last[sender] = number;
        }
        QCOMPARE(cached.size(), kMessages);
        QVERIFY(peer.cache.outbox().entries().isEmpty());
    }

private Q_SLOTS:
    void fiveThousandMessagesThroughChaos()
    {
        TestServer server(Protocol::MoreliaR17);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        server.seedDemo();
        const QString flow = server.createFlow(QStringLiteral("chat"), QStringLiteral("Soak"),
            { QStringLiteral("alice"), QStringLiteral("bob") });
        QVERIFY(!flow.isEmpty());
        const Account aliceAccount
            = loginAccount(server.url(), QStringLiteral("alice"), QStringLiteral("demo"));
        const Account bobAccount
            = loginAccount(server.url(), QStringLiteral("bob"), QStringLiteral("demo"));
        QVERIFY(!aliceAccount.secret.isEmpty() && !bobAccount.secret.isEmpty());

        ChaosOptions options;
        options.seed = qEnvironmentVariableIsSet("NATTER_SOAK_SEED")
            ? qEnvironmentVariable("NATTER_SOAK_SEED").toULongLong()
            : 20240917;
        options.delayRate = 0.1;
        options.maxDelayMs = 300;
        options.reorderRate = 0.05;
        options.dropRate = 0.002;
        options.dropAfterApplyRate = 0.003;
        options.garbageRate = 0.02;
        options.restartRate = 0.001;
        Chaos *chaos = server.enableChaos(options);
        QVERIFY(chaos);

        Peer alice, bob;
        alice.login = QStringLiteral("alice");
        bob.login = QStringLiteral("bob");
        startPeer(alice, server, aliceAccount, flow);
        startPeer(bob, server, bobAccount, flow);
        const auto peerFor = [&](int number) -> Peer & { return number % 2 == 0 ? alice : bob; };

        QElapsedTimer clock;
        clock.start();
        int next = 0;
        qint64 lastReport = 0;
        // Done when nothing is left to send and both caches hold what the server holds.
        int serverCount = 0;
        qint64 lastCount = 0;
        const auto settled = [&] {
            if (next < kMessages || !alice.cache.outbox().pending().isEmpty()
                || !bob.cache.outbox().pending().isEmpty())
                return false;
            if (clock.elapsed() - lastCount > 500) {
                lastCount = clock.elapsed();
                serverCount = int(serverMessages(server, QStringLiteral("alice"), flow).size());
            }
            return serverCount >= kMessages && alice.cache.messages().count(flow) == serverCount
                && bob.cache.messages().count(flow) == serverCount;
        };
        while (!settled() && clock.elapsed() < kTimeoutMs) {
            // Alternate senders in number order; a sender with a full window holds the line.
            while (next < kMessages) {
                Peer &peer = peerFor(next);
                if (peer.cache.outbox().pending().size() >= kWindow)
                    break;
                QVERIFY(peer.session->sendMessage(flow, textOf(next, peer.login)).ok());
                ++next;
            }
            if (clock.elapsed() - lastReport > 10000) {
                lastReport = clock.elapsed();
                const auto s = chaos->stats();
                qInfo("soak: %lld s, queued %d, server %d, alice %d, bob %d; requests %d, "
                      "drops %d+%d, restarts %d",
                    clock.elapsed() / 1000, next,
                    int(serverMessages(server, QStringLiteral("alice"), flow).size()),
                    alice.cache.messages().count(flow), bob.cache.messages().count(flow),
                    s.requests, s.drops, s.dropsAfterApply, s.restarts);
            }
            QTest::qWait(5);
        }
        if (clock.elapsed() >= kTimeoutMs)
            qWarning("soak: not settled after %d s: queued %d, outboxes %d/%d, sessions %d/%d",
                kTimeoutMs / 1000, next, int(alice.cache.outbox().pending().size()),
                int(bob.cache.outbox().pending().size()), int(alice.session->state()),
                int(bob.session->state()));
        const double seconds = clock.elapsed() / 1000.0;
        const ChaosStats stats = chaos->stats();
        alice.session->stop();
        bob.session->stop();

        // The server holds each message once, each sender's in send order.
        const QList<Testing::MessageRow> rows
            = serverMessages(server, QStringLiteral("alice"), flow);
        QHash<QString, QString> serverTexts;
        QHash<qint64, int> lastByUser;
        QSet<int> seen;
        for (const Testing::MessageRow &row : rows) {
            const int number = numberOf(row.text);
            QVERIFY2(number >= 0, qPrintable(row.text));
            QVERIFY2(!seen.contains(number),
                qPrintable(QStringLiteral("the server holds \"%1\" twice (client id %2)")
                               .arg(row.text)
                               .arg(row.clientId.value_or(-1))));
            seen.insert(number);
            QVERIFY2(number > lastByUser.value(row.userId, -1), qPrintable(row.text));
            lastByUser[row.userId] = number;
            serverTexts.insert(row.uuid, row.text);
        }
        QCOMPARE(rows.size(), kMessages);
        verifyCache(alice, flow, serverTexts);
        verifyCache(bob, flow, serverTexts);

        int resends = 0;
        for (const Peer *peer : { &alice, &bob })
            for (const int attempts : peer->attempts)
                resends += std::max(0, attempts - 1);
        qInfo("soak: %d messages in %.1f s through chaos seed %llu: %d requests, %d answers "
              "delayed, %d reordered, %d garbage frames, %d drops before and %d after applying, "
              "%d restarts; %d resends",
            kMessages, seconds, static_cast<unsigned long long>(options.seed), stats.requests,
            stats.delayed, stats.reordered, stats.garbage, stats.drops, stats.dropsAfterApply,
            stats.restarts, resends);
        // The chaos really happened.
        QVERIFY(stats.drops + stats.dropsAfterApply > 0);
        QVERIFY(stats.garbage > 0);
        QVERIFY(stats.reordered > 0);
    }
};

QTEST_GUILESS_MAIN(TestSoak)
#include "tst_soak.moc"
