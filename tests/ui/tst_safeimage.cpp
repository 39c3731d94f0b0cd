// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/safeimage.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace Natter;

namespace {

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xffffffffu;
    for (const char byte : data) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray chunk(const char *type, const QByteArray &data)
{
    QByteArray out(4, '\0');
    qToBigEndian<quint32>(quint32(data.size()), out.data());
    const QByteArray body = QByteArray(type, 4) + data;
    out += body;
    QByteArray crc(4, '\0');
    qToBigEndian<quint32>(crc32(body), crc.data());
    return out + crc;
}

/// A PNG whose header claims `width`×`height` pixels, with a tiny (invalid) data stream.
QByteArray pngHeader(quint32 width, quint32 height)
{
    QByteArray ihdr(13, '\0');
    qToBigEndian<quint32>(width, ihdr.data());
    qToBigEndian<quint32>(height, ihdr.data() + 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 6; // RGBA
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr)
        + chunk("IDAT", QByteArray::fromHex("789c636000000002000173"))
        + chunk("IEND", QByteArray());
}

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

} // namespace

class TestSafeImage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesHugeDimensions()
    {
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("huge.png"), pngHeader(100000, 100000));
        QVERIFY(!path.isEmpty());
        SafeImage::Error error = SafeImage::Error::None;
        QVERIFY(SafeImage::load(path, QSize(320, 240), &error).isNull());
        QCOMPARE(error, SafeImage::Error::TooLarge);
        QVERIFY(!SafeImage::size(path).isValid());
        // Just over the limit in one dimension is refused too; at the limit it is not "too large".
        const QString wide = write(dir, QStringLiteral("wide.png"), pngHeader(16385, 10));
        SafeImage::size(wide, &error);
        QCOMPARE(error, SafeImage::Error::TooLarge);
        const QString edge = write(dir, QStringLiteral("edge.png"), pngHeader(16384, 10));
        QCOMPARE(SafeImage::size(edge, &error), QSize(16384, 10));
        QCOMPARE(error, SafeImage::Error::None);
    }

    void refusesGarbageAndMissingFiles()
    {
        QTemporaryDir dir;
        QByteArray garbage;
        for (int i = 0; i < 4096; ++i)
            garbage.append(char((i * 7919) % 251));
        const QString path = write(dir, QStringLiteral("picture.png"), garbage);
        SafeImage::Error error = SafeImage::Error::None;
        QVERIFY(SafeImage::load(path, QSize(100, 100), &error).isNull());
        QCOMPARE(error, SafeImage::Error::UnknownFormat);
        QVERIFY(SafeImage::load(dir.filePath(QStringLiteral("missing.png")), {}, &error).isNull());
        QVERIFY(error != SafeImage::Error::None);
        QVERIFY(SafeImage::fromData(garbage, {}, &error).isNull());
        QCOMPARE(error, SafeImage::Error::UnknownFormat);
    }

    void scalesToTheBoxKeepingAspect()
    {
        QTemporaryDir dir;
        QImage source(2000, 1000, QImage::Format_RGB32);
        source.fill(QColor(10, 120, 200));
        const QString path = dir.filePath(QStringLiteral("normal.png"));
        QVERIFY(source.save(path));
        SafeImage::Error error = SafeImage::Error::TooLarge;
        const QImage thumb = SafeImage::load(path, QSize(320, 240), &error);
        QCOMPARE(error, SafeImage::Error::None);
        QCOMPARE(thumb.size(), QSize(320, 160));
        QCOMPARE(thumb.pixelColor(100, 80), QColor(10, 120, 200));
        // Never scaled up; an empty box is full size.
        QCOMPARE(SafeImage::load(path, QSize(4000, 4000)).size(), QSize(2000, 1000));
        QCOMPARE(SafeImage::load(path, QSize()).size(), QSize(2000, 1000));
        QCOMPARE(SafeImage::size(path), QSize(2000, 1000));
    }
};

QTEST_GUILESS_MAIN(TestSafeImage)
#include "tst_safeimage.moc"
