// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/messagestore.h"
#include "storage/outboxstore.h"
#include "storage/userstore.h"
#include "testcache.h"

#include <QSignalSpy>

using namespace Natter;
using Natter::Test::serverMessage;
using Natter::Test::TempCache;

namespace {

/// The stores of one open cache, destroyed before the database.
struct Stores
{
    explicit Stores(Database &db) : messages(db), outbox(db, messages), users(db) { }
    MessageStore messages;
    OutboxStore outbox;
    UserStore users;
};

QList<qint64> idsOf(const QList<OutboxEntry> &entries)
{
    QList<qint64> ids;
    for (const OutboxEntry &e : entries)
        ids.append(e.clientId);
    return ids;
}

} // namespace

class TestOutboxStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral(".*"))); }

    void enqueueInsertsAQueuedEcho()
    {
        TempCache cache;
        QVERIFY(cache.open());
        Stores s(cache.db);
        QVERIFY(s.users.setOwnUser(Test::makeUser(QStringLiteral("me"), QStringLiteral("login")))
                    .isNone());
        QVERIFY(s.messages
                    .insertOrUpdateMessages({ serverMessage(QStringLiteral("f"),
                        QStringLiteral("old"), 4102444800000, QStringLiteral("from the future")) })
                    .isNone());
        QSignalSpy inserted(&s.messages, &MessageStore::messagesInserted);
        QSignalSpy added(&s.outbox, &OutboxStore::entryAdded);
        const Result<qint64> id = s.outbox.enqueue(QStringLiteral("f"), QStringLiteral("hello"));
        QVERIFY(id.ok());
        QVERIFY(id.value() > 0);
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.first().first().toLongLong(), id.value());
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first(),
            (QVariantList { QStringLiteral("f"), QStringList { localEchoKey(id.value()) } }));

        const Message echo = s.messages.message(localEchoKey(id.value())).value();
        QCOMPARE(echo.text, QStringLiteral("hello"));
        QCOMPARE(echo.fromId, QStringLiteral("me"));
        QCOMPARE(echo.clientId, id.value());
        QVERIFY(echo.id.isEmpty());
        QVERIFY(echo.time > 4102444800000); // after the flow's newest, whatever the local clock
        QCOMPARE(s.messages.deliveryState(localEchoKey(id.value())), DeliveryState::Queued);

        const OutboxEntry entry = s.outbox.entry(id.value()).value();
        QCOMPARE(entry.flowId, QStringLiteral("f"));
        QCOMPARE(entry.state, OutboxEntry::State::Queued);
        QCOMPARE(entry.attempts, 0);
        QVERIFY(entry.created > 0);
    }

    void thousandEnqueuesStayInOrder()
    {
        TempCache cache;
        QVERIFY(cache.open());
        Stores s(cache.db);
        QList<qint64> ids;
        for (int i = 0; i < 1000; ++i) {
            const Result<qint64> id
                = s.outbox.enqueue(QStringLiteral("f%1").arg(i % 3), QString::number(i));
            QVERIFY(id.ok());
            ids.append(id.value());
        }
        QVERIFY(std::is_sorted(ids.cbegin(), ids.cend()));
        QCOMPARE(QSet<qint64>(ids.cbegin(), ids.cend()).size(), 1000);
        const QList<OutboxEntry> pending = s.outbox.pending();
        QCOMPARE(pending.size(), 1000);
        QCOMPARE(idsOf(pending), ids);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(pending.at(i).text, QString::number(i));
        QCOMPARE(s.messages.count(), 1000);
    }

    void survivesRestart()
    {
        TempCache cache;
        QVERIFY(cache.open());
        const QByteArray bytes("file that must be sent after a restart");
        qint64 first = 0;
        qint64 last = 0;
        {
            Stores s(cache.db);
            first = s.outbox.enqueue(QStringLiteral("f"), QStringLiteral("one")).value();
            s.outbox
                .enqueue(QStringLiteral("f"), QStringLiteral("two"),
                    { Attachment::fromBytes(QStringLiteral("doc.txt"), bytes) })
                .value();
            last = s.outbox.enqueue(QStringLiteral("f"), QStringLiteral("three")).value();
            QVERIFY(s.outbox.markFailed(first, QStringLiteral("timeout")).isNone());
            QVERIFY(s.outbox.discard(last).isNone()); // the newest id is gone...
        }
        cache.db.close();
        QVERIFY(cache.open());
        Stores s(cache.db);
        const QList<OutboxEntry> entries = s.outbox.entries();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).clientId, first);
        QCOMPARE(entries.at(0).state, OutboxEntry::State::Failed);
        QCOMPARE(entries.at(0).lastError, QStringLiteral("timeout"));
        QCOMPARE(entries.at(1).text, QStringLiteral("two"));
        QCOMPARE(entries.at(1).attachments.size(), 1);
        QCOMPARE(entries.at(1).attachments.first().bytes, bytes);
        QCOMPARE(entries.at(1).attachments.first().name, QStringLiteral("doc.txt"));
        QCOMPARE(s.outbox.pending().size(), 1);
        const qint64 next = s.outbox.enqueue(QStringLiteral("f"), QStringLiteral("four")).value();
        QVERIFY(next > last); // ...and never handed out again
    }

    void failRetryDiscard()
    {
        TempCache cache;
        QVERIFY(cache.open());
        Stores s(cache.db);
        const qint64 a = s.outbox.enqueue(QStringLiteral("f"), QStringLiteral("a")).value();
        const qint64 b = s.outbox.enqueue(QStringLiteral("f"), QStringLiteral("b")).value();
        const qint64 c = s.outbox.enqueue(QStringLiteral("f"), QStringLiteral("c")).value();
        QSignalSpy changed(&s.outbox, &OutboxStore::entryChanged);
        QSignalSpy updated(&s.messages, &MessageStore::messagesUpdated);

        QVERIFY(s.outbox.markSending(a).isNone());
        QCOMPARE(s.outbox.entry(a)->state, OutboxEntry::State::Sending);
        QCOMPARE(s.outbox.entry(a)->attempts, 1);
        QCOMPARE(s.messages.deliveryState(localEchoKey(a)), DeliveryState::Sending);
        QVERIFY(s.outbox.markFailed(a, QStringLiteral("server said 500")).isNone());
        QString reason;
        QCOMPARE(s.messages.deliveryState(localEchoKey(a), &reason), DeliveryState::Failed);
        QCOMPARE(reason, QStringLiteral("server said 500"));
        QCOMPARE(s.outbox.entry(a)->lastError, QStringLiteral("server said 500"));
        QCOMPARE(idsOf(s.outbox.pending()), (QList<qint64> { b, c }));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(updated.size(), 2);

        QVERIFY(s.outbox.retry(a).isNone());
        QCOMPARE(idsOf(s.outbox.pending()), (QList<qint64> { a, b, c })); // back in its place
        QVERIFY(s.outbox.entry(a)->lastError.isEmpty());
        QCOMPARE(s.outbox.entry(a)->attempts, 1);
        QCOMPARE(s.messages.deliveryState(localEchoKey(a)), DeliveryState::Queued);

        QSignalSpy removed(&s.outbox, &OutboxStore::entryRemoved);
        QSignalSpy echoRemoved(&s.messages, &MessageStore::messagesRemoved);
        QVERIFY(s.outbox.discard(b).isNone());
        QCOMPARE(removed.size(), 1);
        QCOMPARE(echoRemoved.size(), 1);
        QCOMPARE(echoRemoved.first().at(1).toStringList(), QStringList { localEchoKey(b) });
        QVERIFY(!s.messages.message(localEchoKey(b)));
        QCOMPARE(idsOf(s.outbox.pending()), (QList<qint64> { a, c }));
        QCOMPARE(s.outbox.discard(b).code, Error::Code::NotFound);
        QCOMPARE(s.outbox.markSending(12345).code, Error::Code::NotFound);
    }

    void markSentConfirmsTheEcho()
    {
        TempCache cache;
        QVERIFY(cache.open());
        Stores s(cache.db);
        const qint64 id = s.outbox.enqueue(QStringLiteral("f"), QStringLiteral("out")).value();
        QVERIFY(s.outbox.markSending(id).isNone());
        QSignalSpy rekeyed(&s.messages, &MessageStore::messageKeyChanged);
        QVERIFY(s.outbox.markSent(id, QStringLiteral("srv-1"), 5000).isNone());
        QVERIFY(!s.outbox.entry(id));
        QCOMPARE(s.messages.count(), 1);
        QCOMPARE(s.messages.message(QStringLiteral("srv-1"))->clientId, id);
        QCOMPARE(s.messages.message(QStringLiteral("srv-1"))->time, 5000);
        QCOMPARE(s.messages.deliveryState(QStringLiteral("srv-1")), DeliveryState::Sent);
        QCOMPARE(rekeyed.size(), 1);
    }

    void syncedServerCopyTakesOverTheEcho()
    {
        TempCache cache;
        QVERIFY(cache.open());
        Stores s(cache.db);
        QVERIFY(s.users.setOwnUser(Test::makeUser(QStringLiteral("me"), QStringLiteral("me@x")))
                    .isNone());
        const qint64 id = s.outbox.enqueue(QStringLiteral("f"), QStringLiteral("ping")).value();
        QVERIFY(s.outbox.markSending(id).isNone());
        // A poll returns our message (with our client id) before the send reply arrives.
        Message copy = serverMessage(QStringLiteral("f"), QStringLiteral("srv-9"), 7000,
            QStringLiteral("ping"), QStringLiteral("me"));
        copy.clientId = id;
        QSignalSpy rekeyed(&s.messages, &MessageStore::messageKeyChanged);
        QSignalSpy inserted(&s.messages, &MessageStore::messagesInserted);
        QVERIFY(s.messages.insertOrUpdateMessages({ copy }).isNone());
        QCOMPARE(s.messages.count(), 1);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(rekeyed.size(), 1);
        QCOMPARE(rekeyed.first().at(2).toString(), QStringLiteral("srv-9"));
        // Then the reply: still one message, and the outbox is empty.
        QVERIFY(s.outbox.markSent(id, QStringLiteral("srv-9"), 7000).isNone());
        QCOMPARE(s.messages.count(), 1);
        QVERIFY(s.outbox.entries().isEmpty());
    }

    void interruptedSendsServerCopyTakesOverTheEcho()
    {
        // Found by the chaos soak: the connection drops after the server stored the send but
        // before it answered; the send goes back to the queue, then the reconnect's sync brings
        // the server copy. It must replace the echo, so the outbox sees the send arrived and
        // does not send it twice.
        TempCache cache;
        QVERIFY(cache.open());
        Stores s(cache.db);
        QVERIFY(s.users.setOwnUser(Test::makeUser(QStringLiteral("me"), QStringLiteral("me@x")))
                    .isNone());
        const qint64 id = s.outbox.enqueue(QStringLiteral("f"), QStringLiteral("ping")).value();
        const qint64 never
            = s.outbox.enqueue(QStringLiteral("f"), QStringLiteral("never sent")).value();
        QVERIFY(s.outbox.markSending(id).isNone());
        QVERIFY(s.outbox.requeueInterrupted().isNone());
        QCOMPARE(s.messages.deliveryState(localEchoKey(id)), DeliveryState::Queued);
        Message copy = serverMessage(QStringLiteral("f"), QStringLiteral("srv-5"), 7000,
            QStringLiteral("ping"), QStringLiteral("me"));
        copy.clientId = id;
        QVERIFY(s.messages.insertOrUpdateMessages({ copy }).isNone());
        QCOMPARE(s.messages.count(), 2);
        const auto found = s.messages.messageByClientId(id);
        QVERIFY(found.has_value());
        QCOMPARE(found->id, QStringLiteral("srv-5"));
        // A send that never went out is not taken for another device's message.
        Message other = serverMessage(QStringLiteral("f"), QStringLiteral("srv-6"), 7001,
            QStringLiteral("never sent"), QStringLiteral("me"));
        other.clientId = never;
        QVERIFY(s.messages.insertOrUpdateMessages({ other }).isNone());
        QCOMPARE(s.messages.count(), 3);
        QCOMPARE(s.messages.deliveryState(localEchoKey(never)), DeliveryState::Queued);
    }

    void serverWithoutIdsStillDoesNotDuplicate()
    {
        TempCache cache;
        QVERIFY(cache.open());
        Stores s(cache.db);
        const qint64 id
            = s.outbox.enqueue(QStringLiteral("f"), QStringLiteral("no ids here")).value();
        QVERIFY(s.outbox.markSending(id).isNone());
        QVERIFY(
            s.outbox.markSent(id, QString(), 8000).isNone()); // July 2020 MoreliaTalk: time only
        QCOMPARE(s.messages.deliveryState(localEchoKey(id)), DeliveryState::Sent);
        QVERIFY(
            s.messages
                .insertOrUpdateMessages({ serverMessage(QStringLiteral("f"), QStringLiteral("41"),
                    8000, QStringLiteral("no ids here"), QStringLiteral("7")) })
                .isNone());
        QCOMPARE(s.messages.count(), 1);
        QCOMPARE(s.messages.message(QStringLiteral("41"))->clientId, id);
    }

    void requeueInterrupted()
    {
        TempCache cache;
        QVERIFY(cache.open());
        Stores s(cache.db);
        const qint64 a = s.outbox.enqueue(QStringLiteral("f"), QStringLiteral("a")).value();
        const qint64 b = s.outbox.enqueue(QStringLiteral("f"), QStringLiteral("b")).value();
        QVERIFY(s.outbox.markSending(a).isNone());
        QVERIFY(s.outbox.markFailed(b, QStringLiteral("x")).isNone());
        QVERIFY(s.outbox.requeueInterrupted().isNone());
        QCOMPARE(s.outbox.entry(a)->state, OutboxEntry::State::Queued);
        QCOMPARE(s.outbox.entry(b)->state, OutboxEntry::State::Failed);
        QCOMPARE(s.messages.deliveryState(localEchoKey(a)), DeliveryState::Queued);
    }
};

QTEST_GUILESS_MAIN(TestOutboxStore)
#include "tst_outboxstore.moc"
