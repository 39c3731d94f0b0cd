// SPDX-License-Identifier: GPL-3.0-or-later
// Attachments whose files left the media cache: the delegate paints a placeholder with a
// download button, a click asks for the download, the progress ring cancels, and the file
// coming back turns the placeholder into the thumbnail. Screenshots in light and dark.
#include "messagefixture.h"
#include "storage/mediacache.h"
#include "ui/appsettings.h"
#include "ui/messagedelegate.h"
#include "ui/messagepane.h"
#include "ui/messageview.h"
#include "ui/settingsdialog.h"
#include "ui/theme.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;
using namespace Natter::Test;

namespace {

bool near(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green())
        + std::abs(a.blue() - b.blue())
        < 40;
}

/// The seeded chat with its received files cleared from the media cache, in a pane.
struct EvictedPane
{
    SeededChat chat;
    MessagePane pane;
    std::unique_ptr<MediaCache> media;
    QByteArray picture;

    bool open()
    {
        if (!chat.open())
            return false;
        picture = chat.c.cache.messages().attachmentContent(QStringLiteral("b1"), 0).value();
        media = std::make_unique<MediaCache>(chat.c.cache.database(), chat.c.cache.messages());
        const MediaCacheReport report
            = media->clear([](const MediaUse &use) { return !use.serverId.isEmpty(); });
        if (report.removedFiles != 2)
            return false;
        pane.setModel(&chat.model);
        pane.setFlow(s_group, QStringLiteral("Natter Team"), true);
        pane.resize(720, 900);
        pane.show();
        return QTest::qWaitForWindowExposed(&pane);
    }
    QModelIndex row(const QString &key) const
    {
        return pane.view()->model()->index(chat.model.rowOf(key), 0);
    }
    /// The centre of attachment 0's round button of `key`, in viewport coordinates.
    QPoint buttonOf(const QString &key)
    {
        MessageView *view = pane.view();
        view->scrollToMessage(key);
        QApplication::processEvents();
        const QModelIndex index = row(key);
        const auto layout = view->messageDelegate()->layoutFor(index);
        const AttachmentBox &box = layout->attachments.first();
        const QPoint centre = box.picture || box.kind == QLatin1String("picture")
            ? QPoint(box.rect.center().x() + 1, box.rect.center().y() + 1 - (box.picture ? 0 : 14))
            : QPoint(box.rect.left() + 8 + 18, box.rect.center().y() + 1);
        return view->visualRect(index).topLeft() + centre;
    }
};

} // namespace

class TestTransferUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evictedPictureIsAPlaceholderThatAsksForTheFile()
    {
        EvictedPane p;
        QVERIFY(p.open());
        MessageView *view = p.pane.view();
        const auto layout = view->messageDelegate()->layoutFor(p.row(QStringLiteral("b1")));
        QCOMPARE(layout->attachments.size(), 1);
        const AttachmentBox &box = layout->attachments.first();
        QVERIFY(box.missing);
        QVERIFY(!box.picture);
        QCOMPARE(box.rect.size(),
            QSize(MessageMetrics::PlaceholderWidth, MessageMetrics::PlaceholderHeight));

        // The button is painted in the accent, beside the download arrow.
        const QPoint button = p.buttonOf(QStringLiteral("b1"));
        const QImage shot = view->viewport()->grab().toImage();
        const qreal dpr = shot.devicePixelRatio();
        const QColor pixel = shot.pixelColor((button + QPoint(0, -19)) * dpr);
        QVERIFY2(near(pixel, view->palette().color(QPalette::Highlight)), qPrintable(pixel.name()));

        QSignalSpy download(&p.pane, &MessagePane::downloadAttachmentRequested);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, button);
        QCOMPARE(download.size(), 1);
        QCOMPARE(download.first().at(0).toString(), QStringLiteral("b1"));
        QCOMPARE(download.first().at(1).toInt(), 0);

        // While it downloads the same button cancels.
        p.pane.setTransferProgress(QStringLiteral("b1"), 30, 100);
        QSignalSpy cancel(&p.pane, &MessagePane::cancelTransferRequested);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, p.buttonOf(QStringLiteral("b1")));
        QCOMPARE(cancel.size(), 1);
        QCOMPARE(cancel.first().at(0).toString(), QStringLiteral("b1"));
        QCOMPARE(download.size(), 1);

        // The file comes back: the thumbnail replaces the placeholder.
        p.pane.setTransferProgress(QStringLiteral("b1"), 0, 0);
        QVERIFY(p.media->restore(QStringLiteral("b1"), 0, p.picture).isNone());
        const auto after = view->messageDelegate()->layoutFor(p.row(QStringLiteral("b1")));
        QVERIFY(after->attachments.first().picture);
        QVERIFY(!after->attachments.first().missing);
    }

    void evictedDocumentCardOffersDownload()
    {
        EvictedPane p;
        QVERIFY(p.open());
        MessageView *view = p.pane.view();
        const auto layout = view->messageDelegate()->layoutFor(p.row(QStringLiteral("a3")));
        QVERIFY(layout->attachments.first().missing);
        QCOMPARE(layout->attachments.first().rect.height(), MessageMetrics::CardHeight);
        QSignalSpy download(&p.pane, &MessagePane::downloadAttachmentRequested);
        QTest::mouseClick(
            view->viewport(), Qt::LeftButton, {}, p.buttonOf(QStringLiteral("a3")) + QPoint(80, 0));
        QCOMPARE(download.size(), 1);
        QCOMPARE(download.first().at(0).toString(), QStringLiteral("a3"));
    }

    void settingsSayWhatClearingDid()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        SettingsDialog dialog(&settings);
        dialog.showPage(SettingsDialog::Page::Storage);
        dialog.setMediaCacheSize(5 * 1024 * 1024);
        auto *clear = dialog.findChild<QPushButton *>(QStringLiteral("clearCacheButton"));
        QVERIFY(clear && clear->isEnabled());
        QSignalSpy requested(&dialog, &SettingsDialog::clearMediaCacheRequested);
        clear->click();
        QCOMPARE(requested.size(), 1);
        QVERIFY(!clear->isEnabled()); // "Clearing…"
        dialog.mediaCacheCleared(1024 * 1024);
        dialog.setMediaCacheReport(4 * 1024 * 1024, 3, 2);
        auto *report = dialog.findChild<QLabel *>(QStringLiteral("cacheReportLabel"));
        QVERIFY(report);
        QVERIFY2(report->text().contains(QStringLiteral("(3 file"))
                && report->text().contains(QStringLiteral("Kept 2 file")),
            qPrintable(report->text()));
        dialog.resize(640, 420);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString shots = qEnvironmentVariable("NATTER_SCREENSHOT_DIR", QDir::tempPath());
        QVERIFY(dialog.grab().save(shots + QStringLiteral("/settings-storage.png")));
    }

    void screenshots_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void screenshots()
    {
        QFETCH(bool, dark);
        const QPalette original = QApplication::palette();
        if (dark)
            QApplication::setPalette(Theme::darkPalette());
        EvictedPane p;
        QVERIFY(p.open());
        // One placeholder downloading, one card idle, and an own picture being sent.
        p.pane.setTransferProgress(QStringLiteral("b1"), 35, 100);
        p.pane.view()->scrollToMessage(QStringLiteral("b1"));
        QApplication::processEvents();
        const QImage shot = p.pane.grab().toImage();
        QApplication::setPalette(original);
        const QString dir = qEnvironmentVariable("NATTER_SCREENSHOT_DIR", QDir::tempPath());
        QVERIFY(shot.save(dir
            + (dark ? QStringLiteral("/transfers-dark.png")
                    : QStringLiteral("/transfers-light.png"))));
    }
};

QTEST_MAIN(TestTransferUi)
#include "tst_transferui.moc"
