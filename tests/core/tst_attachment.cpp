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

    void safeFileName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("safe");
        const auto row = [](const char *tag, const QString &name, const QString &safe) {
            QTest::newRow(tag) << name << safe;
        };
        const auto s = [](const char *text) { return QString::fromUtf8(text); };
        row("plain", s("photo.png"), s("photo.png"));
        row("unicode kept", s("фото 1.jpeg"), s("фото 1.jpeg"));
        row("traversal", s("../../etc/passwd"), s("_._etc_passwd"));
        row("windows traversal", s("..\\..\\boot.ini"), s("_._boot.ini"));
        row("absolute", s("/etc/passwd"), s("_etc_passwd"));
        row("drive", s("C:\\Windows\\win.ini"), s("C__Windows_win.ini"));
        row("dot dot alone", s(".."), s("file"));
        row("dots only", s("...."), s("file"));
        row("hidden", s(".bashrc"), s("bashrc"));
        row("dot dot inside", s("a..b"), s("a.b"));
        row("empty", QString(), s("file"));
        row("CON", s("CON"), s("_CON"));
        row("con.txt", s("con.txt"), s("_con.txt"));
        row("Nul.tar.gz", s("Nul.tar.gz"), s("_Nul.tar.gz"));
        row("PRN trailing dot", s("PRN."), s("_PRN"));
        row("AUX space ext", s("AUX .png"), s("_AUX .png"));
        row("COM1", s("com1.log"), s("_com1.log"));
        row("LPT9", s("LPT9"), s("_LPT9"));
        row("COM superscript", s("COM\u00b9.txt"), s("_COM\u00b9.txt"));
        row("not a device: COM0", s("COM0.txt"), s("COM0.txt"));
        row("not a device: CONSOLE", s("console.txt"), s("console.txt"));
        row("not a device: LPT10", s("LPT10"), s("LPT10"));
        row("control chars", QStringLiteral("a\nb\tc") + QChar(0) + QStringLiteral("d\x7f.txt"),
            s("abcd.txt"));
        row("C1 control", s("a\u0085b"), s("ab"));
        row("bidi override", s("invoice\u202Egnp.exe"), s("invoicegnp.exe"));
        row("windows reserved", s("a<b>c:d\"e|f?g*h"), s("a_b_c_d_e_f_g_h"));
        row("trailing dots and spaces", s("report.pdf. . "), s("report.pdf"));
        row("long", QString(300, QLatin1Char('x')) + s(".txt"),
            QString(196, QLatin1Char('x')) + s(".txt"));
        row("long without extension", QString(300, QLatin1Char('y')),
            QString(200, QLatin1Char('y')));
        // 2-byte characters: 200 UTF-8 bytes hold 98 of them beside ".txt".
        row("long two-byte", QString(300, QChar(0x0436)) + s(".txt"),
            QString(98, QChar(0x0436)) + s(".txt"));
    }
    void safeFileName()
    {
        QFETCH(QString, name);
        QFETCH(QString, safe);
        const QString result = Attachment::safeFileName(name);
        QCOMPARE(result, safe);
        QVERIFY(result.toUtf8().size() <= 200);
        QVERIFY(!result.contains(QLatin1Char('/')) && !result.contains(QLatin1Char('\\')));
        QVERIFY(!result.contains(QLatin1String("..")));
        QVERIFY(!result.startsWith(QLatin1Char('.')));
        // Idempotent: a safe name stays as it is.
        QCOMPARE(Attachment::safeFileName(result), result);
    }

    void safeFileNameSurvivesSurrogates()
    {
        // A long name of 4-byte characters is never cut inside a surrogate pair.
        const QString emoji = QString::fromUcs4(U"\U0001F600");
        const QString result = Attachment::safeFileName(emoji.repeated(100));
        QCOMPARE(result, emoji.repeated(50));
        // A lone surrogate (not valid UTF-16) never reaches the file system as one.
        const QString fromLone
            = Attachment::safeFileName(QString(QChar(0xd800)) + QStringLiteral("x"));
        QVERIFY(fromLone.endsWith(QLatin1Char('x')));
        QVERIFY(std::none_of(
            fromLone.cbegin(), fromLone.cend(), [](QChar c) { return c.isSurrogate(); }));
    }
};

QTEST_GUILESS_MAIN(TestAttachment)
#include "tst_attachment.moc"
