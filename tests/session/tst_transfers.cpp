// SPDX-License-Identifier: GPL-3.0-or-later
// Media transfers against the local servers: upload progress (DisTet, MoreliaTalk), cancelling
// a DisTet upload and retrying it, and clearing the media cache then fetching a file again.
#include "protocol/distet/distetclient.h"
#include "session/transfers.h"
#include "sessionfixture.h"

#include <QRandomGenerator>

using namespace Natter;
using namespace Natter::Testing;

namespace {

QByteArray randomBytes(int size, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = char(rng.bounded(256));
    return bytes;
}

Credentials demoLogin(Protocol protocol, const QString &login)
{
    const QString email = login + QStringLiteral("@example.org");
    if (protocol == Protocol::Distet)
        return { email, QStringLiteral("demo"), email, {} };
    return { login, QStringLiteral("demo"), {}, {} };
}

std::shared_ptr<ProtocolClient> demoClient(
    TestServer &server, const QString &login, Account *account)
{
    const Credentials c = demoLogin(server.protocol(), login);
    if (server.protocol() == Protocol::Distet)
        return loggedInClient<DistetClient>(server.url(), c, account);
    return loggedInClient<MoreliaClient>(server.url(), c, account);
}

/// Progress reports of one request: they rise, and the last says everything went.
struct Progress
{
    QList<QPair<qint64, qint64>> reports;
    QString check(qint64 atLeast) const
    {
        if (reports.size() < 2)
            return QStringLiteral("only %1 progress reports").arg(reports.size());
        qint64 last = -1;
        for (const auto &[done, total] : reports) {
            if (done < last || done > total || total <= 0)
                return QStringLiteral("bad report %1/%2 after %3").arg(done).arg(total).arg(last);
            last = done;
        }
        const auto [done, total] = reports.last();
        if (done != total || total < atLeast)
            return QStringLiteral("ended at %1/%2").arg(done).arg(total);
        if (reports.first().first >= total)
            return QStringLiteral("no report before the end");
        return {};
    }
};

} // namespace

class TestTransfers : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static QString flowTitled(AccountCache &cache, const QString &title)
    {
        for (const Flow &flow : cache.flows().flows())
            if (flow.title == title)
                return flow.id;
        return {};
    }

    void uploadReportsProgress(Protocol protocol)
    {
        TestServer server(protocol);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        server.seedDemo();
        Account alice;
        auto client = demoClient(server, QStringLiteral("alice"), &alice);
        QVERIFY(client);
        const Outcome flows = awaitRequest(*client, client->fetchFlows());
        QVERIFY(flows.ok() && !flows.flows.isEmpty());

        const QByteArray bytes = randomBytes(3 * 1024 * 1024, 7);
        const Attachment file = Attachment::fromBytes(QStringLiteral("data.bin"), bytes);
        client->setRequestTimeout(60000);
        Progress progress;
        RequestId sendId = 0;
        connect(client.get(), &ProtocolClient::transferProgress, this,
            [&](RequestId id, qint64 done, qint64 total) {
                if (id == sendId)
                    progress.reports.append({ done, total });
            });
        sendId = client->sendMessage(flows.flows.first().id, QStringLiteral("big"), { file }, 11);
        const Outcome sent = awaitRequest(*client, sendId, 60000);
        QVERIFY2(sent.ok(), qPrintable(sent.error.message));
        // Base64 makes 4 bytes of 3 on the wire.
        const QString problem = progress.check(bytes.size() * 4 / 3);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

private Q_SLOTS:
    void distetUploadReportsProgress() { uploadReportsProgress(Protocol::Distet); }
    void moreliaSendReportsProgress() { uploadReportsProgress(Protocol::MoreliaR17); }

    void cancelledDistetUploadFailsAndRetrySendsIt()
    {
        TestServer server(Protocol::Distet);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        server.seedDemo();
        Account alice;
        auto client = demoClient(server, QStringLiteral("alice"), &alice);
        QVERIFY(client);
        client->setRequestTimeout(60000);
        AccountCache cache;
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("cancel.sqlite"))).isNone());
        Session session(client, cache);
        session.start(server.url(), alice);
        QVERIFY(waitUntil([&] { return session.state() == Session::State::Online; }));
        const QString flow = flowTitled(cache, QStringLiteral("Natter team"));
        QVERIFY(!flow.isEmpty());

        int cancels = 0;
        bool cancelled = false;
        connect(&session, &Session::transferProgress, this,
            [&](const QString &key, qint64 done, qint64 total) {
                if (cancels++ == 0 && total > 0 && done < total)
                    cancelled = session.cancelTransfer(key);
            });
        const QByteArray bytes = randomBytes(8 * 1024 * 1024, 3);
        const Result<qint64> clientId = session.sendMessage(flow, QStringLiteral("cancel me"),
            { Attachment::fromBytes(QStringLiteral("big.bin"), bytes) });
        QVERIFY(clientId);
        const QString key = localEchoKey(clientId.value());
        QString reason;
        QVERIFY(waitUntil(
            [&] { return cache.messages().deliveryState(key, &reason) == DeliveryState::Failed; }));
        QVERIFY(cancelled);
        QCOMPARE(reason, QStringLiteral("Cancelled"));
        QCOMPARE(cache.outbox().entry(clientId.value())->state, OutboxEntry::State::Failed);
        // Nothing reached the server: a poll brings no copy of it.
        session.sync().pollNow();
        QTest::qWait(500);
        QVERIFY(cache.messages().messageByClientId(clientId.value())->id.isEmpty());

        // Retry sends it after all, file and all.
        QVERIFY(session.retrySend(clientId.value()).isNone());
        QVERIFY(waitUntil(
            [&] {
                const auto m = cache.messages().messageByClientId(clientId.value());
                return m && !m->id.isEmpty();
            },
            60000));
        QVERIFY(!cache.outbox().entry(clientId.value()));
    }

    void clearedFileIsFetchedAgain_data()
    {
        QTest::addColumn<Protocol>("protocol");
        QTest::addColumn<QString>("flowTitle");
        QTest::newRow("distet") << Protocol::Distet << QStringLiteral("Natter team");
        QTest::newRow("morelia-r17") << Protocol::MoreliaR17 << QStringLiteral("Alice & Bob");
    }
    void clearedFileIsFetchedAgain()
    {
        QFETCH(Protocol, protocol);
        QFETCH(QString, flowTitle);
        TestServer server(protocol);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        server.seedDemo();
        Account alice, bob;
        auto aliceClient = demoClient(server, QStringLiteral("alice"), &alice);
        auto bobClient = demoClient(server, QStringLiteral("bob"), &bob);
        QVERIFY(aliceClient && bobClient);
        AccountCache cache;
        QVERIFY(cache
                    .open(m_dir.filePath(
                        QLatin1String(QTest::currentDataTag()) + QStringLiteral(".sqlite")))
                    .isNone());
        Session session(aliceClient, cache);
        session.sync().setIntervals(100, 100, 300);
        session.start(server.url(), alice);
        QVERIFY(waitUntil([&] { return session.state() == Session::State::Online; }));
        const QString flow = flowTitled(cache, flowTitle);
        QVERIFY(!flow.isEmpty());

        // Bob sends alice a file; her session stores it.
        const QByteArray bytes = randomBytes(300 * 1024, 5);
        const Outcome sent = awaitRequest(*bobClient,
            bobClient->sendMessage(flow, QStringLiteral("a file for you"),
                { Attachment::fromBytes(QStringLiteral("notes.bin"), bytes) }, 21));
        QVERIFY2(sent.ok(), qPrintable(sent.error.message));
        QVERIFY(!sent.serverId.isEmpty());
        const QString key = sent.serverId;
        QVERIFY(waitUntil([&] { return cache.messages().attachmentContent(key, 0).ok(); }));
        QCOMPARE(cache.messages().attachmentContent(key, 0).value(), bytes);

        // Clearing removes it: the server can send it again.
        const MediaCacheReport report = session.transfers().clearCache();
        QVERIFY(report.removedFiles >= 1);
        QVERIFY(report.freedBytes >= bytes.size());
        QVERIFY(cache.messages().attachmentPath(key, 0).isEmpty());
        QVERIFY(!session.transfers().mediaCache().isStored(key, 0));

        QSignalSpy finished(&session.transfers(), &Transfers::downloadFinished);
        QSignalSpy updated(&cache.messages(), &MessageStore::messagesUpdated);
        QSignalSpy progress(&session, &Session::transferProgress);
        QVERIFY(session.downloadAttachment(key, 0).isNone());
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toString(), key);
        QVERIFY2(finished.first().at(2).value<Error>().isNone(),
            qPrintable(finished.first().at(2).value<Error>().message));
        QCOMPARE(cache.messages().attachmentContent(key, 0).value(), bytes);
        QVERIFY(!cache.messages().attachmentPath(key, 0).isEmpty());
        // Views hear of it, and the ring was shown then cleared.
        bool announced = false;
        for (const QList<QVariant> &args : std::as_const(updated))
            announced = announced || args.at(1).toStringList().contains(key);
        QVERIFY(announced);
        QVERIFY(progress.size() >= 2);
        QCOMPARE(progress.last().at(2).toLongLong(), 0);

        // A limit below what is stored evicts it again, shortly after it is set (not at once:
        // it is set as an account opens).
        QSignalSpy changed(&session.transfers(), &Transfers::cacheChanged);
        session.transfers().setCacheLimit(100 * 1024);
        QVERIFY(session.transfers().mediaCache().isStored(key, 0));
        QVERIFY(changed.wait(5000));
        QVERIFY(!session.transfers().mediaCache().isStored(key, 0));
        QVERIFY(changed.last().at(0).value<MediaCacheReport>().removedFiles >= 1);
    }
};

QTEST_GUILESS_MAIN(TestTransfers)
#include "tst_transfers.moc"
