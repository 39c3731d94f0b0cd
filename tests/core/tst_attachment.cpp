// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/attachment.h"

#include <QTest>

using namespace Natter;

class TestAttachment : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void kindFollowsMime_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("mime");
        QTest::addColumn<int>("kind");
        QTest::newRow("png") << QStringLiteral("dot.png")
                             << QByteArray::fromBase64(
                                    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8"
                                    "BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
                             << QStringLiteral("image/png") << int(Attachment::Kind::Picture);
        QTest::newRow("png bytes, no name")
            << QString()
            << QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8"
                                      "z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
            << QStringLiteral("image/png") << int(Attachment::Kind::Picture);
        QTest::newRow("text") << QStringLiteral("notes.txt") << QByteArray("hello")
                              << QStringLiteral("text/plain") << int(Attachment::Kind::Document);
        QTest::newRow("unknown") << QStringLiteral("blob") << QByteArray("\x01\x02\x03", 3)
                                 << QStringLiteral("application/octet-stream")
                                 << int(Attachment::Kind::Document);
    }
    void kindFollowsMime()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, mime);
        QFETCH(int, kind);
        const Attachment a = Attachment::fromBytes(name, bytes);
        QCOMPARE(a.mime, mime);
        QCOMPARE(int(a.kind), kind);
        QCOMPARE(a.size, bytes.size());
        QCOMPARE(a.name, name);
    }

    void controlCharactersInNamesAreSafe()
    {
        // Found by fuzz_attachment: Qt 6.4's MIME lookup crashes on names with several NULs
        // before a suffix. The name is kept as given; only the lookup sees a cleaned copy.
        const QString name = QString(4, QChar(0)) + QStringLiteral(".D");
        const Attachment a = Attachment::fromBytes(name, {});
        QVERIFY(!a.mime.isEmpty());
        QCOMPARE(a.name, name);
        const Attachment b = Attachment::fromBytes(QStringLiteral("\xD2"
                                                                  "D")
                + QString(4, QChar(0)) + QStringLiteral(".D"),
            {});
        QVERIFY(!b.mime.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAttachment)
#include "tst_attachment.moc"
