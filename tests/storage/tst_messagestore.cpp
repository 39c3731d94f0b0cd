// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/messagestore.h"
#include "testcache.h"

#include <QSignalSpy>
#include <QSqlQuery>

using namespace Natter;
using Natter::Test::serverMessage;
using Natter::Test::TempCache;

class TestMessageStore : public QObject
{
    Q_OBJECT

private:
    static QStringList keysOf(const QList<Message> &messages)
    {
        QStringList keys;
        for (const Message &m : messages)
            keys.append(messageKey(m));
        return keys;
    }
    static Message localEcho(
        const QString &flowId, qint64 clientId, qint64 time, const QString &text)
    {
        Message m;
        m.flowId = flowId;
        m.clientId = clientId;
        m.time = time;
        m.text = text;
        m.fromId = QStringLiteral("me");
        return m;
    }

private Q_SLOTS:
    void init()
    {
        // Any storage warning means a statement failed: a test that passes must not log one.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    }

    void insertAndRead()
    {
        TempCache cache;
        QVERIFY(cache.open());
        MessageStore store(cache.db);
        Message m = serverMessage(
            QStringLiteral("f1"), QStringLiteral("m1"), 1000, QStringLiteral("hello"));
        m.replyTo = QStringLiteral("m0");
        Message bare; // every string null: stored as '' not NULL
        bare.flowId = QStringLiteral("f1");
        bare.id = QStringLiteral("m2");
        bare.time = 2000;
        QVERIFY(store.insertOrUpdateMessages({ m, bare }).isNone());
        QCOMPARE(store.count(), 2);
        QCOMPARE(store.count(QStringLiteral("f1")), 2);
        QCOMPARE(store.count(QStringLiteral("other")), 0);
        QCOMPARE(store.message(QStringLiteral("m1")).value(), m);
        QCOMPARE(store.message(QStringLiteral("m2"))->time, 2000);
        QVERIFY(!store.message(QStringLiteral("nope")));
        QCOMPARE(store.deliveryState(QStringLiteral("m1")), DeliveryState::Sent);
    }

    void signalsFollowTheCommit()
    {
        TempCache cache;
        QVERIFY(cache.open());
        MessageStore store(cache.db);
        QSignalSpy inserted(&store, &MessageStore::messagesInserted);
        QSignalSpy updated(&store, &MessageStore::messagesUpdated);
        int committedWhenSignalled = -1;
        connect(&store, &MessageStore::messagesInserted, this,
            [&] { committedWhenSignalled = cache.committedCount(QStringLiteral("messages")); });
        QVERIFY(store
                    .insertOrUpdateMessages({
                        serverMessage(
                            QStringLiteral("f1"), QStringLiteral("a"), 1, QStringLiteral("1")),
                        serverMessage(
                            QStringLiteral("f2"), QStringLiteral("b"), 2, QStringLiteral("2")),
                        serverMessage(
                            QStringLiteral("f1"), QStringLiteral("c"), 3, QStringLiteral("3")),
                    })
                    .isNone());
        QCOMPARE(committedWhenSignalled, 3); // another connection already sees all three rows
        QCOMPARE(inserted.size(), 2); // one signal per flow
        QCOMPARE(inserted.at(0).at(0).toString(), QStringLiteral("f1"));
        QCOMPARE(inserted.at(0).at(1).toStringList(),
            (QStringList { QStringLiteral("a"), QStringLiteral("c") }));
        QCOMPARE(inserted.at(1).at(0).toString(), QStringLiteral("f2"));
        QCOMPARE(inserted.at(1).at(1).toStringList(), QStringList { QStringLiteral("b") });
        QCOMPARE(updated.size(), 0);
    }

    void reinsertIsIdempotent()
    {
        TempCache cache;
        QVERIFY(cache.open());
        MessageStore store(cache.db);
        Message withFile
            = serverMessage(QStringLiteral("f"), QStringLiteral("m2"), 20, QStringLiteral("file"));
        withFile.attachments
            = { Attachment::fromBytes(QStringLiteral("a.txt"), "attachment content") };
        const QList<Message> batch = {
            serverMessage(QStringLiteral("f"), QStringLiteral("m1"), 10, QStringLiteral("one")),
            withFile,
        };
        QVERIFY(store.insertOrUpdateMessages(batch).isNone());
        QSignalSpy inserted(&store, &MessageStore::messagesInserted);
        QSignalSpy updated(&store, &MessageStore::messagesUpdated);
        QVERIFY(store.insertOrUpdateMessages(batch).isNone());
        QVERIFY(store.insertOrUpdateMessages(batch).isNone());
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(updated.size(), 0);
        QCOMPARE(store.count(), 2);
        QCOMPARE(cache.committedCount(QStringLiteral("attachments")), 1);

        Message changed = batch.first();
        changed.text = QStringLiteral("one, corrected");
        QVERIFY(store.insertOrUpdateMessages({ changed, batch.last() }).isNone());
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(updated.size(), 1);
        QCOMPARE(updated.first().at(1).toStringList(), QStringList { QStringLiteral("m1") });
        QCOMPARE(store.message(QStringLiteral("m1"))->text, changed.text);
        QCOMPARE(store.count(), 2);
    }

    void attachmentsLiveInTheMediaStore()
    {
        TempCache cache;
        QVERIFY(cache.open());
        MessageStore store(cache.db);
        const QByteArray bytes(50000, 'p');
        Message m = serverMessage(QStringLiteral("f"), QStringLiteral("m"), 1, QString());
        m.attachments = { Attachment::fromBytes(QStringLiteral("pic.png"), bytes) };
        m.attachments.append(Attachment { Attachment::Kind::Video, QStringLiteral("v.mp4"),
            QStringLiteral("video/mp4"), 123, {}, QStringLiteral("srv-key") });
        QVERIFY(store.insertOrUpdateMessages({ m }).isNone());
        const Message stored = store.message(QStringLiteral("m")).value();
        QCOMPARE(stored.attachments.size(), 2);
        QVERIFY(stored.attachments.at(0).bytes.isEmpty()); // not loaded with the row
        QCOMPARE(stored.attachments.at(0).size, bytes.size());
        QCOMPARE(stored.attachments.at(0).name, QStringLiteral("pic.png"));
        QCOMPARE(stored.attachments.at(1).reference, QStringLiteral("srv-key"));
        QCOMPARE(stored.attachments.at(1).kind, Attachment::Kind::Video);
        QCOMPARE(store.attachmentContent(QStringLiteral("m"), 0).value(), bytes);
        QCOMPARE(store.attachmentPath(QStringLiteral("m"), 0),
            cache.db.media().path(MediaStore::hashOf(bytes)));
        QVERIFY(store.attachmentPath(QStringLiteral("m"), 1).isEmpty()); // not downloaded
        QVERIFY(!store.attachmentContent(QStringLiteral("m"), 1).ok());
        QSqlQuery q(cache.db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT max(length(content_hash)) FROM attachments"))
            && q.next());
        QCOMPARE(q.value(0).toInt(), 64); // a hash in the row, not the bytes
    }

    void newestAndKeysetPaging()
    {
        TempCache cache;
        QVERIFY(cache.open());
        MessageStore store(cache.db);
        QList<Message> all;
        for (int i = 0; i < 130; ++i) // pairs share a millisecond: ties are ordered too
            all.append(serverMessage(QStringLiteral("f"),
                QStringLiteral("m%1").arg(i, 3, 10, QLatin1Char('0')), 1000 + i / 2,
                QStringLiteral("text %1").arg(i)));
        all.append(serverMessage(
            QStringLiteral("other"), QStringLiteral("x"), 5000, QStringLiteral("elsewhere")));
        QVERIFY(store.insertOrUpdateMessages(all).isNone());
        all.removeLast();

        const QList<Message> newest = store.newest(QStringLiteral("f"), 50);
        QCOMPARE(newest.size(), 50);
        QCOMPARE(keysOf(newest), keysOf(all.mid(80)));

        // Page back to the start with the oldest loaded message as the cursor.
        QList<Message> loaded = newest;
        while (true) {
            const Message &oldest = loaded.first();
            const QList<Message> page
                = store.before(QStringLiteral("f"), oldest.time, oldest.id, 50);
            if (page.isEmpty())
                break;
            QVERIFY(page.size() <= 50);
            loaded = page + loaded;
        }
        QCOMPARE(keysOf(loaded), keysOf(all));

        // By time only: strictly older.
        const QList<Message> older = store.before(QStringLiteral("f"), 1010, QString(), 5);
        QCOMPARE(keysOf(older), keysOf(all.mid(15, 5)));
        QCOMPARE(store.newest(QStringLiteral("none"), 50).size(), 0);

        // And forward again from the oldest, ties included, never past the flow.
        QList<Message> forward = store.after(QStringLiteral("f"), 0, QString(), 50);
        QCOMPARE(forward.size(), 50);
        while (true) {
            const Message &newestLoaded = forward.last();
            const QList<Message> page
                = store.after(QStringLiteral("f"), newestLoaded.time, newestLoaded.id, 50);
            if (page.isEmpty())
                break;
            forward += page;
        }
        QCOMPARE(keysOf(forward), keysOf(all));
        // By time only: strictly newer.
        const QList<Message> newer = store.after(QStringLiteral("f"), 1010, QString(), 5);
        QCOMPARE(keysOf(newer), keysOf(all.mid(22, 5)));
    }

    void edits()
    {
        TempCache cache;
        QVERIFY(cache.open());
        MessageStore store(cache.db);
        QVERIFY(store
                    .insertOrUpdateMessages({ serverMessage(
                        QStringLiteral("f"), QStringLiteral("m"), 1, QStringLiteral("first")) })
                    .isNone());
        QSignalSpy updated(&store, &MessageStore::messagesUpdated);
        QVERIFY(store.applyEdit(QStringLiteral("m"), QStringLiteral("second"), 200).isNone());
        Message m = store.message(QStringLiteral("m")).value();
        QCOMPARE(m.text, QStringLiteral("second"));
        QVERIFY(m.edited);
        QCOMPARE(m.editedTime, 200);
        QCOMPARE(updated.size(), 1);
        QCOMPARE(updated.first().at(1).toStringList(), QStringList { QStringLiteral("m") });

        QVERIFY(store.applyEdit(QStringLiteral("m"), QStringLiteral("stale"), 100).isNone());
        QCOMPARE(store.message(QStringLiteral("m"))->text, QStringLiteral("second"));
        // A re-sync of the unedited copy does not undo the edit either.
        QVERIFY(store
                    .insertOrUpdateMessages({ serverMessage(
                        QStringLiteral("f"), QStringLiteral("m"), 1, QStringLiteral("first")) })
                    .isNone());
        QCOMPARE(store.message(QStringLiteral("m"))->text, QStringLiteral("second"));
        QCOMPARE(updated.size(), 1);
        QCOMPARE(store.applyEdit(QStringLiteral("missing"), QStringLiteral("x"), 1).code,
            Error::Code::NotFound);
    }

    void tombstones()
    {
        TempCache cache;
        QVERIFY(cache.open());
        MessageStore store(cache.db);
        Message m
            = serverMessage(QStringLiteral("f"), QStringLiteral("m"), 1, QStringLiteral("secret"));
        m.attachments = { Attachment::fromBytes(QStringLiteral("a.bin"), "abc") };
        QVERIFY(store.insertOrUpdateMessages({ m }).isNone());
        QSignalSpy updated(&store, &MessageStore::messagesUpdated);
        QVERIFY(store.markDeleted(QStringLiteral("m")).isNone());
        QCOMPARE(updated.size(), 1);
        const Message dead = store.message(QStringLiteral("m")).value();
        QVERIFY(dead.deleted);
        QVERIFY(dead.text.isEmpty());
        QVERIFY(dead.attachments.isEmpty());
        QCOMPARE(dead.fromId, m.fromId);
        QCOMPARE(store.count(), 1); // the row stays
        QCOMPARE(cache.committedCount(QStringLiteral("attachments")), 0);
        // A stale copy from the server does not bring it back; editing it does nothing.
        QVERIFY(store.insertOrUpdateMessages({ m }).isNone());
        QVERIFY(store.applyEdit(QStringLiteral("m"), QStringLiteral("zombie"), 99).isNone());
        QVERIFY(store.message(QStringLiteral("m"))->deleted);
        QVERIFY(store.message(QStringLiteral("m"))->text.isEmpty());
        QCOMPARE(updated.size(), 1);
    }

    void confirmTurnsTheEchoIntoTheServerCopy()
    {
        TempCache cache;
        QVERIFY(cache.open());
        MessageStore store(cache.db);
        QVERIFY(store
                    .insertOrUpdateMessages(
                        { localEcho(QStringLiteral("f"), 7, 100, QStringLiteral("hi")) })
                    .isNone());
        QCOMPARE(store.message(QStringLiteral("local:7"))->text, QStringLiteral("hi"));
        QSignalSpy rekeyed(&store, &MessageStore::messageKeyChanged);
        QSignalSpy updated(&store, &MessageStore::messagesUpdated);
        QVERIFY(store.confirmLocalEcho(7, QStringLiteral("s7"), 150).isNone());
        QCOMPARE(store.count(), 1);
        QVERIFY(!store.message(QStringLiteral("local:7")));
        const Message confirmed = store.message(QStringLiteral("s7")).value();
        QCOMPARE(confirmed.clientId, 7);
        QCOMPARE(confirmed.time, 150);
        QCOMPARE(confirmed.text, QStringLiteral("hi"));
        QCOMPARE(store.messageByClientId(7)->id, QStringLiteral("s7"));
        QCOMPARE(rekeyed.size(), 1);
        QCOMPARE(rekeyed.first(),
            (QVariantList {
                QStringLiteral("f"), QStringLiteral("local:7"), QStringLiteral("s7") }));
        QCOMPARE(updated.size(), 1);
        // The sync now brings the same message: still one row.
        QVERIFY(store
                    .insertOrUpdateMessages({ serverMessage(QStringLiteral("f"),
                        QStringLiteral("s7"), 150, QStringLiteral("hi"), QStringLiteral("me")) })
                    .isNone());
        QCOMPARE(store.count(), 1);
        QCOMPARE(
            store.message(QStringLiteral("s7"))->clientId, 7); // kept though the sync lacked it
    }

    void confirmMergesWithASyncedCopy()
    {
        TempCache cache;
        QVERIFY(cache.open());
        MessageStore store(cache.db);
        QVERIFY(store
                    .insertOrUpdateMessages(
                        { localEcho(QStringLiteral("f"), 8, 100, QStringLiteral("race")) })
                    .isNone());
        // The sync got there first (queued echo: not merged on sight).
        QVERIFY(store
                    .insertOrUpdateMessages({ serverMessage(QStringLiteral("f"),
                        QStringLiteral("s8"), 120, QStringLiteral("race"), QStringLiteral("me")) })
                    .isNone());
        QCOMPARE(store.count(), 2);
        QSignalSpy removed(&store, &MessageStore::messagesRemoved);
        QSignalSpy inserted(&store, &MessageStore::messagesInserted);
        QVERIFY(store.confirmLocalEcho(8, QStringLiteral("s8"), 120).isNone());
        QCOMPARE(store.count(), 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first(),
            (QVariantList { QStringLiteral("f"), QStringList { QStringLiteral("local:8") } }));
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(store.message(QStringLiteral("s8"))->clientId, 8);
        QVERIFY(!store.message(QStringLiteral("local:8")));
        // Confirming twice (a resent reply) is harmless.
        QVERIFY(store.confirmLocalEcho(8, QStringLiteral("s8"), 120).isNone());
        QCOMPARE(store.count(), 1);
        QCOMPARE(store.confirmLocalEcho(999, QStringLiteral("s9"), 1).code, Error::Code::NotFound);
    }

    void newestServerTimeIgnoresLocalEchoes()
    {
        TempCache cache;
        QVERIFY(cache.open());
        MessageStore store(cache.db);
        QCOMPARE(store.newestServerTime(), 0);
        QVERIFY(store
                    .insertOrUpdateMessages({
                        serverMessage(
                            QStringLiteral("a"), QStringLiteral("1"), 500, QStringLiteral("x")),
                        serverMessage(
                            QStringLiteral("a"), QStringLiteral("2"), 700, QStringLiteral("y")),
                        serverMessage(
                            QStringLiteral("b"), QStringLiteral("3"), 600, QStringLiteral("z")),
                        localEcho(
                            QStringLiteral("b"), 1, 9000, QStringLiteral("not yet on the server")),
                    })
                    .isNone());
        QCOMPARE(store.newestServerTime(QStringLiteral("a")), 700);
        QCOMPARE(store.newestServerTime(QStringLiteral("b")), 600);
        QCOMPARE(store.newestServerTime(QStringLiteral("c")), 0);
        QCOMPARE(store.newestServerTime(), 700);
    }

    void diskFullIsAnErrorAndChangesNothing()
    {
        TempCache cache;
        QVERIFY(cache.open());
        MessageStore store(cache.db);
        QVERIFY(store
                    .insertOrUpdateMessages({ serverMessage(
                        QStringLiteral("f"), QStringLiteral("first"), 1, QStringLiteral("x")) })
                    .isNone());
        QSqlQuery q(cache.db.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA page_count")) && q.next());
        const int pages = q.value(0).toInt();
        q.finish();
        QVERIFY(q.exec(QLatin1String("PRAGMA max_page_count = ") % QString::number(pages)));
        q.finish();
        QList<Message> big;
        for (int i = 0; i < 2000; ++i)
            big.append(
                serverMessage(QStringLiteral("f"), QString::number(i), 10 + i, QString(200, u'w')));
        QSignalSpy inserted(&store, &MessageStore::messagesInserted);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(".*full.*")));
        const Error error = store.insertOrUpdateMessages(big);
        QCOMPARE(error.code, Error::Code::StorageFailure);
        QVERIFY2(error.message.contains(QLatin1String("full")), qPrintable(error.message));
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(store.count(), 1); // the batch rolled back as a whole
    }
};

QTEST_GUILESS_MAIN(TestMessageStore)
#include "tst_messagestore.moc"
