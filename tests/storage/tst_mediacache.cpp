// SPDX-License-Identifier: GPL-3.0-or-later
// MediaCache: clearing removes only files the server can send again, the size limit evicts the
// least recently used first, and a file fetched again is put back and announced.
#include "storage/mediacache.h"
#include "storage/messagestore.h"
#include "storage/outboxstore.h"
#include "testcache.h"

#include <QDateTime>
#include <QFile>
#include <QSignalSpy>

using namespace Natter;
using namespace Natter::Test;

namespace {

QByteArray fileBytes(char fill)
{
    return QByteArray(100 * 1024, fill);
}

bool canFetch(const MediaUse &use)
{
    return !use.reference.isEmpty();
}

} // namespace

class TestMediaCache : public QObject
{
    Q_OBJECT

    TempCache m_cache;
    std::unique_ptr<MessageStore> m_messages;
    std::unique_ptr<OutboxStore> m_outbox;
    std::unique_ptr<MediaCache> m_media;
    qint64 m_clientId = 0;

    void setUsed(const QByteArray &bytes, int minutesAgo)
    {
        QFile file(m_cache.db.media().path(MediaStore::hashOf(bytes)));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(-60 * minutesAgo),
            QFileDevice::FileModificationTime));
    }
    bool stored(char fill)
    {
        return m_cache.db.media().contains(MediaStore::hashOf(fileBytes(fill)));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_cache.open());
        m_messages = std::make_unique<MessageStore>(m_cache.db);
        m_outbox = std::make_unique<OutboxStore>(m_cache.db, *m_messages);
        m_media = std::make_unique<MediaCache>(m_cache.db, *m_messages);
        // a..d: received files the server keeps by key, a the oldest used.
        QList<Message> batch;
        int minute = 100;
        for (char fill : { 'a', 'b', 'c', 'd' }) {
            Message m = serverMessage(QStringLiteral("f1"), QString(QLatin1Char(fill)), 1000 + fill,
                QStringLiteral("file"));
            Attachment a = Attachment::fromBytes(QStringLiteral("x.bin"), fileBytes(fill));
            a.reference = QStringLiteral("key-") + QLatin1Char(fill);
            m.attachments = { a };
            batch.append(m);
        }
        // f: a received file with no key to fetch it by.
        Message f = serverMessage(QStringLiteral("f1"), QStringLiteral("f"), 2000, {});
        f.attachments = { Attachment::fromBytes(QStringLiteral("y.bin"), fileBytes('f')) };
        batch.append(f);
        QVERIFY(m_messages->insertOrUpdateMessages(batch).isNone());
        // e: a send still in the outbox, the least recently used of all.
        const Result<qint64> queued = m_outbox->enqueue(QStringLiteral("f1"), QStringLiteral("out"),
            { Attachment::fromBytes(QStringLiteral("z.bin"), fileBytes('e')) });
        QVERIFY(queued);
        m_clientId = queued.value();
        setUsed(fileBytes('e'), 1000);
        for (char fill : { 'a', 'b', 'c', 'd' })
            setUsed(fileBytes(fill), minute -= 10);
        setUsed(fileBytes('f'), 500);
        QCOMPARE(m_media->totalSize(), 6 * 100 * 1024);
    }
    void cleanup()
    {
        m_media.reset();
        m_outbox.reset();
        m_messages.reset();
        m_cache.db.close();
    }

    void limitEvictsLeastRecentlyUsedFirst()
    {
        QSignalSpy updated(m_messages.get(), &MessageStore::messagesUpdated);
        const MediaCacheReport report = m_media->evictTo(350 * 1024, canFetch);
        QCOMPARE(report.removedFiles, 3);
        QCOMPARE(report.freedBytes, 3 * 100 * 1024);
        QVERIFY(!stored('a') && !stored('b') && !stored('c'));
        QVERIFY(stored('d')); // the newest stays
        QVERIFY(stored('e')); // the outbox's, though older than all
        QVERIFY(stored('f')); // cannot be fetched again
        QVERIFY(report.remainingBytes <= 350 * 1024);
        QCOMPARE(m_messages->attachmentPath(QStringLiteral("a"), 0), QString());
        QVERIFY(!m_messages->attachmentPath(QStringLiteral("d"), 0).isEmpty());
        QCOMPARE(updated.size(), 1);
        QCOMPARE(updated.first().at(1).toStringList().size(), 3);

        // Under the limit nothing more goes.
        QCOMPARE(m_media->evictTo(350 * 1024, canFetch).removedFiles, 0);
        QVERIFY(stored('d'));
    }

    void touchedFileOutlivesNewerOnes()
    {
        m_media->touch(QStringLiteral("a"), 0);
        m_media->evictTo(450 * 1024, canFetch);
        QVERIFY(stored('a'));
        QVERIFY(!stored('b') && !stored('c') && stored('d'));
    }

    void clearKeepsWhatCannotBeFetchedAgain()
    {
        const MediaCacheReport report = m_media->clear(canFetch);
        QCOMPARE(report.removedFiles, 4);
        QCOMPARE(report.keptFiles, 2);
        QCOMPARE(report.keptBytes, 2 * 100 * 1024);
        QVERIFY(stored('e') && stored('f'));
        // The outbox still sends its file.
        QCOMPARE(m_outbox->entry(m_clientId)->attachments.first().bytes, fileBytes('e'));
    }

    void restorePutsTheFileBack()
    {
        m_media->clear(canFetch);
        QVERIFY(!m_media->isStored(QStringLiteral("b"), 0));
        QSignalSpy updated(m_messages.get(), &MessageStore::messagesUpdated);
        QVERIFY(m_media->restore(QStringLiteral("b"), 0, fileBytes('b')).isNone());
        QVERIFY(m_media->isStored(QStringLiteral("b"), 0));
        QCOMPARE(m_messages->attachmentContent(QStringLiteral("b"), 0).value(), fileBytes('b'));
        QCOMPARE(updated.size(), 1);
        QCOMPARE(updated.first().at(1).toStringList(), QStringList { QStringLiteral("b") });
        // Other content from the server replaces ours.
        QVERIFY(m_media->restore(QStringLiteral("c"), 0, fileBytes('C')).isNone());
        QCOMPARE(m_messages->attachmentContent(QStringLiteral("c"), 0).value(), fileBytes('C'));
        QVERIFY(m_media->restore(QStringLiteral("nope"), 0, fileBytes('x')).code
            == Error::Code::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestMediaCache)
#include "tst_mediacache.moc"
