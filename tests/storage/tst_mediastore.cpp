// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/mediastore.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;

class TestMediaStore : public QObject
{
    Q_OBJECT

private:
    static int fileCount(const QString &root)
    {
        int n = 0;
        QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            ++n;
        }
        return n;
    }

private Q_SLOTS:
    void contentAddressed()
    {
        QTemporaryDir dir;
        MediaStore media(dir.filePath(QStringLiteral("media")));
        const QByteArray bytes("picture bytes \x00\x01\x02", 17);
        const Result<QString> hash = media.put(bytes);
        QVERIFY(hash.ok());
        const QString expected = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QCOMPARE(hash.value(), expected);
        const QString path = media.path(expected);
        QCOMPARE(path, dir.filePath(QLatin1String("media/") % expected.left(2) % u'/' % expected));
        QVERIFY(QFile::exists(path));
        QVERIFY(media.contains(expected));
        QCOMPARE(media.read(expected).value(), bytes);
    }

    void deduplicates()
    {
        QTemporaryDir dir;
        MediaStore media(dir.filePath(QStringLiteral("media")));
        const QByteArray a(1000, 'a');
        const QByteArray b(1000, 'b');
        const QString first = media.put(a).value();
        QCOMPARE(media.put(a).value(), first);
        QCOMPARE(fileCount(media.root()), 1);
        const QString other = media.put(b).value();
        QVERIFY(other != first);
        QCOMPARE(fileCount(media.root()), 2);
    }

    void sizes()
    {
        QTemporaryDir dir;
        MediaStore media(dir.filePath(QStringLiteral("media")));
        const QString big = media.put(QByteArray(70000, 'x')).value();
        const QString small = media.put(QByteArray(3, 'y')).value();
        const QString empty = media.put(QByteArray()).value();
        QCOMPARE(media.size(big), 70000);
        QCOMPARE(media.size(small), 3);
        QCOMPARE(media.size(empty), 0);
        QVERIFY(media.contains(empty));
        QCOMPARE(media.totalSize(), 70003);
        QCOMPARE(media.size(MediaStore::hashOf("never stored")), -1);
    }

    void removeAndMissing()
    {
        QTemporaryDir dir;
        MediaStore media(dir.filePath(QStringLiteral("media")));
        const QString hash = media.put("gone soon").value();
        QVERIFY(media.remove(hash));
        QVERIFY(!media.contains(hash));
        const Result<QByteArray> read = media.read(hash);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, Error::Code::FileError);
    }

    void corruptFileIsAnError()
    {
        QTemporaryDir dir;
        MediaStore media(dir.filePath(QStringLiteral("media")));
        const QString hash = media.put("original").value();
        QFile file(media.path(hash));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("bad"); // e.g. a write cut short
        file.close();
        QVERIFY(!media.read(hash).ok());
        // Storing the content again repairs a file whose size is wrong.
        QCOMPARE(media.put("original").value(), hash);
        QCOMPARE(media.read(hash).value(), QByteArray("original"));
    }

    void malformedHashesNeverTouchTheFileSystem()
    {
        QTemporaryDir dir;
        MediaStore media(dir.filePath(QStringLiteral("media")));
        const QString valid = MediaStore::hashOf("x");
        QVERIFY(MediaStore::isValidHash(valid));
        for (const QString &bad : QStringList { QStringLiteral("../../etc/passwd"), QString(),
                 valid.toUpper(), valid.left(63), QString(valid + u'0'),
                 QString(valid).replace(0, 2, QStringLiteral("..")) }) {
            QVERIFY2(!MediaStore::isValidHash(bad), qPrintable(bad));
            QVERIFY(media.path(bad).isEmpty());
            QVERIFY(!media.contains(bad));
            QVERIFY(!media.remove(bad));
        }
    }
};

QTEST_GUILESS_MAIN(TestMediaStore)
#include "tst_mediastore.moc"
