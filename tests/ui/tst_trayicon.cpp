// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/trayicon.h"

#include <QPainter>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

using namespace Natter;

namespace {

QIcon blueSquare()
{
    QPixmap pixmap(64, 64);
    pixmap.fill(QColor(0x33, 0x90, 0xec));
    return QIcon(pixmap);
}

bool isRed(const QColor &c)
{
    return c.red() > 180 && c.green() < 110 && c.blue() < 110;
}

} // namespace

class TestTrayIcon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badgeText()
    {
        QCOMPARE(TrayIcon::badgeText(1), QStringLiteral("1"));
        QCOMPARE(TrayIcon::badgeText(99), QStringLiteral("99"));
        QCOMPARE(TrayIcon::badgeText(100), QStringLiteral("99+"));
        QCOMPARE(TrayIcon::badgeText(12345), QStringLiteral("99+"));
    }

    void badgePaintsAPillInTheCorner()
    {
        const QIcon base = blueSquare();
        QCOMPARE(TrayIcon::badgedIcon(base, 0).cacheKey(), base.cacheKey());

        for (const int size : { 16, 32, 64 }) {
            const QImage plain = base.pixmap(size, size).toImage();
            const QImage one = TrayIcon::badgedIcon(base, 3).pixmap(size, size).toImage();
            const QImage many = TrayIcon::badgedIcon(base, 250).pixmap(size, size).toImage();
            QCOMPARE(one.size(), QSize(size, size));
            QVERIFY(!isRed(plain.pixelColor(size - size / 8, size - size / 4)));
            // The pill sits in the lower right corner; the upper left stays the app icon.
            QVERIFY(isRed(one.pixelColor(size - size / 4, size - 2)));
            QCOMPARE(one.pixelColor(2, 2), plain.pixelColor(2, 2));
            // "99+" makes a wider pill than "3".
            int redOne = 0;
            int redMany = 0;
            const int y = size - size / 16 - 1;
            for (int x = 0; x < size; ++x) {
                redOne += isRed(one.pixelColor(x, y));
                redMany += isRed(many.pixelColor(x, y));
            }
            QVERIFY2(
                redMany > redOne, qPrintable(QStringLiteral("%1 vs %2").arg(redMany).arg(redOne)));
        }
    }

    void withoutATrayEverythingIsANoOp()
    {
        if (QSystemTrayIcon::isSystemTrayAvailable())
            QSKIP("this desktop has a tray");
        TrayIcon tray;
        QVERIFY(!tray.isAvailable());
        tray.setUnreadCount(5);
        QCOMPARE(tray.unreadCount(), 5);
        QSignalSpy activated(&tray, &TrayIcon::messageActivated);
        tray.showMessage(QStringLiteral("t"), QStringLiteral("b"), QStringLiteral("f"));
        QCOMPARE(activated.size(), 0);
    }
};

QTEST_MAIN(TestTrayIcon)
#include "tst_trayicon.moc"
