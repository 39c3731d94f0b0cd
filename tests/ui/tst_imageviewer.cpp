// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/imageviewer.h"

#include <QImage>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;

class TestImageViewer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void zoomsWithTheKeyboard()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.png"));
        QImage image(2400, 1800, QImage::Format_RGB32);
        image.fill(QColor(30, 140, 90));
        QVERIFY(image.save(path));

        ImageViewer viewer(path, QStringLiteral("big.png"));
        viewer.resize(800, 600);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        QVERIFY(viewer.hasImage());
        QVERIFY(viewer.isFitting());
        const double fit = viewer.zoom();
        QVERIFY2(fit < 0.4 && fit > 0.1, qPrintable(QString::number(fit)));

        QTest::keyClick(&viewer, Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(!viewer.isFitting());
        QCOMPARE(viewer.zoom(), fit * 1.25);
        QTest::keyClick(&viewer, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(&viewer, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(viewer.zoom() < fit);

        QTest::keyClick(&viewer, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(viewer.zoom(), 1.0);
        auto *canvas = viewer.findChild<ImageCanvas *>(QStringLiteral("canvas"));
        QCOMPARE(canvas->size(), QSize(2400, 1800));
        auto *area = viewer.findChild<QScrollArea *>(QStringLiteral("scrollArea"));
        QVERIFY(area->horizontalScrollBar()->maximum() > 0);
        QCOMPARE(viewer.findChild<QLabel *>(QStringLiteral("zoomLabel"))->text(),
            QStringLiteral("100 %"));

        QTest::keyClick(&viewer, Qt::Key_0, Qt::ControlModifier);
        QVERIFY(viewer.isFitting());
        QCOMPARE(viewer.zoom(), fit);

        for (int i = 0; i < 40; ++i)
            viewer.zoomIn();
        QCOMPARE(viewer.zoom(), ImageViewer::MaxZoom);
        QCOMPARE(canvas->size(), QSize(19200, 14400));
        QVERIFY(!viewer.grab().isNull()); // painting draws the visible part only
    }

    void escCloses()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("small.png"));
        QImage image(50, 40, QImage::Format_RGB32);
        image.fill(Qt::blue);
        QVERIFY(image.save(path));
        ImageViewer viewer(path, QStringLiteral("small.png"));
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        QCOMPARE(viewer.zoom(), 1.0); // small pictures are not blown up to fit
        QTest::keyClick(&viewer, Qt::Key_Escape);
        QVERIFY(!viewer.isVisible());
    }

    void garbageShowsAMessage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.png"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a picture at all");
        file.close();
        ImageViewer viewer(path, QStringLiteral("bad.png"));
        QVERIFY(!viewer.hasImage());
        QVERIFY(!viewer.findChild<QLabel *>(QStringLiteral("messageLabel"))->isHidden());
    }
};

QTEST_MAIN(TestImageViewer)
#include "tst_imageviewer.moc"
