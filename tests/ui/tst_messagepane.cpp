// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagefixture.h"
#include "ui/composer.h"
#include "ui/imageviewer.h"
#include "ui/messagedelegate.h"
#include "ui/messagepane.h"
#include "ui/messageview.h"
#include "ui/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QStackedWidget>
#include <QToolButton>

using namespace Natter;
using namespace Natter::Test;

namespace {

/// `count` messages "s0".."s<count-1>" one second apart; every `wrapEvery`-th is long enough to
/// wrap in a narrow pane, so rows differ in height.
bool seedLongChat(AccountCache &cache, int count, int wrapEvery)
{
    QList<Message> messages;
    for (int i = 0; i < count; ++i)
        messages << serverMessage(s_group, QStringLiteral("s%1").arg(i), at(1, 9, 0) + i * 1000,
            QStringLiteral("message number %1").arg(i)
                + (i % wrapEvery ? QString()
                                 : QStringLiteral(" with a longer text that wraps onto another "
                                                  "line when the pane is narrow")));
    return cache.messages().insertOrUpdateMessages(messages).isNone();
}

QAction *findAction(QMenu *menu, const QString &name)
{
    for (QAction *action : menu->actions()) {
        if (action->objectName() == name)
            return action;
    }
    return nullptr;
}

/// A pane showing the seeded group chat.
struct OpenPane
{
    SeededChat chat;
    MessagePane pane;

    bool open(const QSize &size = QSize(640, 720))
    {
        if (!chat.open())
            return false;
        pane.setModel(&chat.model);
        pane.setFlow(s_group, QStringLiteral("Natter Team"), true);
        pane.setSubtitle(QStringLiteral("3 members"));
        pane.resize(size);
        pane.show();
        return QTest::qWaitForWindowExposed(&pane);
    }
    QModelIndex row(const QString &key) const
    {
        return pane.view()->model()->index(chat.model.rowOf(key), 0);
    }
};

} // namespace

class TestMessagePane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheChatOrTheEmptyState()
    {
        OpenPane p;
        QVERIFY(p.open());
        auto *stack = p.pane.findChild<QStackedWidget *>(QStringLiteral("stack"));
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("chatPage"));
        QCOMPARE(p.pane.findChild<QLabel *>(QStringLiteral("titleLabel"))->text(),
            QStringLiteral("Natter Team"));
        QCOMPARE(p.pane.view()->model()->rowCount(), 8);
        QVERIFY(p.pane.view()->messageDelegate()->showAuthors());
        // Opens at the newest message.
        QTRY_VERIFY(p.pane.view()->isAtBottom());
        const QModelIndex last = p.pane.view()->model()->index(7, 0);
        QVERIFY(p.pane.view()->viewport()->rect().intersects(p.pane.view()->visualRect(last)));

        p.pane.setFlow(QString(), QString(), false);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyPage"));
        QCOMPARE(p.pane.findChild<QLabel *>(QStringLiteral("emptyLabel"))->text(),
            QStringLiteral("Select a chat to start messaging"));
    }

    void enterSendsToTheFlow()
    {
        OpenPane p;
        QVERIFY(p.open());
        QSignalSpy sent(&p.pane, &MessagePane::sendRequested);
        p.pane.focusComposer();
        QTest::keyClicks(p.pane.composer()->input(), QStringLiteral("hi all"));
        QTest::keyClick(p.pane.composer()->input(), Qt::Key_Return);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.at(0).at(0).toString(), s_group);
        QCOMPARE(sent.at(0).at(1).toString(), QStringLiteral("hi all"));
        QVERIFY(p.pane.composer()->text().isEmpty());
    }

    void draftsFollowTheFlow()
    {
        OpenPane p;
        QVERIFY(p.open());
        QSignalSpy drafts(&p.pane, &MessagePane::draftChanged);
        QTest::keyClicks(p.pane.composer()->input(), QStringLiteral("half"));
        p.pane.setFlow(QStringLiteral("other"), QStringLiteral("Other"), false);
        QCOMPARE(drafts.size(), 1);
        QCOMPARE(drafts.at(0).at(0).toString(), s_group);
        QCOMPARE(drafts.at(0).at(1).toString(), QStringLiteral("half"));
        QVERIFY(p.pane.composer()->text().isEmpty());
        QCOMPARE(p.chat.model.flowId(), QStringLiteral("other"));
    }

    void upArrowEditsTheLastOwnMessage()
    {
        OpenPane p;
        QVERIFY(p.open());
        QSignalSpy edits(&p.pane, &MessagePane::editRequested);
        p.pane.focusComposer();
        // Not supported: nothing happens.
        QTest::keyClick(p.pane.composer()->input(), Qt::Key_Up);
        QCOMPARE(p.pane.composer()->mode(), Composer::Mode::Normal);

        Capabilities caps;
        caps.editMessage = true;
        p.pane.setCapabilities(caps);
        QTest::keyClick(p.pane.composer()->input(), Qt::Key_Up);
        QCOMPARE(p.pane.composer()->mode(), Composer::Mode::Edit);
        // The failed echo is not editable: the last confirmed own message is.
        QCOMPARE(
            p.pane.composer()->text(), QStringLiteral("<b>x</b> is how you make bold in HTML"));
        p.pane.composer()->input()->selectAll();
        QTest::keyClicks(p.pane.composer()->input(), QStringLiteral("fixed"));
        QTest::keyClick(p.pane.composer()->input(), Qt::Key_Return);
        QCOMPARE(edits.size(), 1);
        QCOMPARE(edits.at(0).at(0).toString(), s_group);
        QCOMPARE(edits.at(0).at(1).toString(), QStringLiteral("m3"));
        QCOMPARE(edits.at(0).at(2).toString(), QStringLiteral("fixed"));
    }

    void contextMenuRetriesAFailedSend()
    {
        OpenPane p;
        QVERIFY(p.open());
        QSignalSpy retries(&p.pane, &MessagePane::retryRequested);
        QSignalSpy discards(&p.pane, &MessagePane::discardRequested);
        const QModelIndex failed = p.row(localEchoKey(p.chat.failedClientId));
        QMenu *menu = p.pane.createContextMenu(failed);
        QAction *retry = findAction(menu, QStringLiteral("retryAction"));
        QVERIFY(retry);
        QVERIFY(findAction(menu, QStringLiteral("discardAction")));
        QVERIFY(!findAction(menu, QStringLiteral("replyAction"))); // not on the server yet
        retry->trigger();
        QCOMPARE(retries.size(), 1);
        QCOMPARE(retries.at(0).at(0).toLongLong(), p.chat.failedClientId);
        findAction(menu, QStringLiteral("discardAction"))->trigger();
        QCOMPARE(discards.at(0).at(0).toLongLong(), p.chat.failedClientId);
        delete menu;

        // Clicking the "Not sent — Retry" mark does the same.
        MessageView *view = p.pane.view();
        view->scrollTo(failed);
        const auto layout = view->messageDelegate()->layoutFor(failed);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
            view->visualRect(failed).topLeft() + layout->retry.center());
        QCOMPARE(retries.size(), 2);
        QCOMPARE(retries.at(1).at(0).toLongLong(), p.chat.failedClientId);
    }

    void contextMenuFollowsCapabilities()
    {
        OpenPane p;
        QVERIFY(p.open());
        const QModelIndex own = p.row(QStringLiteral("m2"));
        const QModelIndex other = p.row(QStringLiteral("a2"));
        QMenu *menu = p.pane.createContextMenu(own);
        QVERIFY(findAction(menu, QStringLiteral("replyAction")));
        QVERIFY(findAction(menu, QStringLiteral("copyTextAction")));
        QVERIFY(!findAction(menu, QStringLiteral("editAction")));
        QVERIFY(!findAction(menu, QStringLiteral("deleteAction")));
        QVERIFY(!findAction(menu, QStringLiteral("deleteForMeAction")));
        delete menu;

        Capabilities caps;
        caps.editMessage = caps.deleteMessage = caps.deleteForMe = true;
        p.pane.setCapabilities(caps);
        menu = p.pane.createContextMenu(own);
        QVERIFY(findAction(menu, QStringLiteral("editAction")));
        QVERIFY(findAction(menu, QStringLiteral("deleteAction")));
        delete menu;
        menu = p.pane.createContextMenu(other);
        QVERIFY(!findAction(menu, QStringLiteral("editAction")));
        QVERIFY(!findAction(menu, QStringLiteral("deleteAction")));
        QVERIFY(findAction(menu, QStringLiteral("deleteForMeAction")));
        delete menu;

        // Delete asks first.
        QSignalSpy deletes(&p.pane, &MessagePane::deleteRequested);
        QStringList asked;
        bool answer = false;
        p.pane.setDeleteConfirmation([&](const QString &question) {
            asked << question;
            return answer;
        });
        menu = p.pane.createContextMenu(own);
        findAction(menu, QStringLiteral("deleteAction"))->trigger();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(deletes.size(), 0);
        answer = true;
        findAction(menu, QStringLiteral("deleteAction"))->trigger();
        QCOMPARE(deletes.size(), 1);
        QCOMPARE(deletes.at(0).at(1).toString(), QStringLiteral("m2"));
        QCOMPARE(deletes.at(0).at(2).toBool(), false);
        delete menu;

        // The Delete key on the current message; Ctrl+C copies its text.
        p.pane.view()->setCurrentIndex(other);
        p.pane.view()->setFocus();
        QTest::keyClick(p.pane.view(), Qt::Key_Delete);
        QCOMPARE(deletes.size(), 2);
        QCOMPARE(deletes.at(1).at(2).toBool(), true); // not ours: for me only
        QTest::keyClick(p.pane.view(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(
            QGuiApplication::clipboard()->text(), QStringLiteral("The sync is much faster now."));
    }

    void replyGoesOutWithTheQuotedId()
    {
        OpenPane p;
        QVERIFY(p.open());
        QSignalSpy sent(&p.pane, &MessagePane::sendRequested);
        QMenu *menu = p.pane.createContextMenu(p.row(QStringLiteral("a1")));
        findAction(menu, QStringLiteral("replyAction"))->trigger();
        delete menu;
        QVERIFY(p.pane.findChild<QLabel *>(QStringLiteral("modeLabel"))
                    ->text()
                    .startsWith(QStringLiteral("Replying to Alice Cooper: Did everyone")));
        QTest::keyClicks(p.pane.composer()->input(), QStringLiteral("yes"));
        QTest::keyClick(p.pane.composer()->input(), Qt::Key_Return);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.at(0).at(3).toString(), QStringLiteral("a1"));
    }

    void olderRowsKeepTheViewInPlace()
    {
        ModelCache c;
        QVERIFY(c.open());
        QVERIFY(seedLongChat(c.cache, 160, 3));
        MessageListModel model;
        model.setCache(&c.cache);
        MessagePane pane;
        pane.setModel(&model);
        pane.setFlow(s_group, QStringLiteral("Long"), false);
        pane.resize(420, 600);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        MessageView *view = pane.view();
        QTRY_VERIFY(view->isAtBottom());
        QCOMPARE(model.rowCount(), MessageListModel::PageSize);

        // Scroll to the very top: the view pages older rows in and the top message stays put.
        QScrollBar *bar = view->verticalScrollBar();
        bar->setValue(0);
        const QModelIndex top = view->indexAt(QPoint(view->viewport()->width() / 2, 0));
        const QString key = MessageView::keyOf(top);
        const auto bubbleY = [&] {
            const QModelIndex index = view->model()->index(model.rowOf(key), 0);
            return view->visualRect(index).top()
                + view->messageDelegate()->layoutFor(index)->bubble.top();
        };
        const int before = bubbleY();
        QTRY_COMPARE(model.rowCount(), 2 * MessageListModel::PageSize);
        QVERIFY2(qAbs(bubbleY() - before) <= 2,
            qPrintable(
                QStringLiteral("%1 moved from %2 to %3").arg(key).arg(before).arg(bubbleY())));
        QVERIFY(!view->isAtBottom());

        // A new message while scrolled up: counted, the jump button shows.
        QVERIFY(c.cache.messages()
                    .insertOrUpdateMessages({ serverMessage(
                        s_group, QStringLiteral("new"), at(1, 12, 0), QStringLiteral("fresh")) })
                    .isNone());
        QCOMPARE(view->unseenCount(), 1);
        auto *jump = view->findChild<QToolButton *>(QStringLiteral("jumpToBottomButton"));
        QVERIFY(jump->isVisible());
        QVERIFY(jump->text().contains(QLatin1Char('1')));
        jump->click();
        QTRY_VERIFY(view->isAtBottom());
        QCOMPARE(view->unseenCount(), 0);

        // At the bottom, new messages keep it there.
        QVERIFY(c.cache.messages()
                    .insertOrUpdateMessages({ serverMessage(s_group, QStringLiteral("newer"),
                        at(1, 12, 1), QStringLiteral("even fresher\nwith\nmore\nlines")) })
                    .isNone());
        QTRY_VERIFY(view->isAtBottom());
        const QModelIndex newest = view->model()->index(model.rowCount() - 1, 0);
        QTRY_VERIFY(view->viewport()->rect().contains(view->visualRect(newest).bottomLeft()));

        // Search results: scrolls to a message not loaded yet and makes it current.
        view->scrollToMessage(QStringLiteral("s3"));
        QVERIFY(model.rowOf(QStringLiteral("s3")) >= 0);
        QCOMPARE(MessageView::keyOf(view->currentIndex()), QStringLiteral("s3"));
        QVERIFY(view->viewport()->rect().intersects(view->visualRect(view->currentIndex())));
    }

    void aLongHistoryScrollsBothWaysInAWindow()
    {
        ModelCache c;
        QVERIFY(c.open());
        QVERIFY(seedLongChat(c.cache, 1000, 4));
        MessageListModel model;
        model.setCache(&c.cache);
        model.setWindowSize(200);
        MessagePane pane;
        pane.setModel(&model);
        pane.setFlow(s_group, QStringLiteral("Long"), false);
        pane.resize(420, 600);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        MessageView *view = pane.view();
        QTRY_VERIFY(view->isAtBottom());
        QScrollBar *bar = view->verticalScrollBar();
        auto *jump = view->findChild<QToolButton *>(QStringLiteral("jumpToBottomButton"));

        // Where the top visible message's bubble is, and which message it is.
        const auto topKey = [&] {
            return MessageView::keyOf(view->indexAt(QPoint(view->viewport()->width() / 2, 0)));
        };
        const auto bubbleY = [&](const QString &key) {
            const QModelIndex index = view->model()->index(model.rowOf(key), 0);
            return view->visualRect(index).top()
                + view->messageDelegate()->layoutFor(index)->bubble.top();
        };

        // Up to the first message: the window never grows past 200 rows and what is on screen
        // stays put while pages come in above and leave below.
        int guard = 0;
        while (!model.historyExhausted() && guard++ < 200) {
            bar->setValue(0);
            const QString key = topKey();
            const int y = bubbleY(key);
            const QString first = MessageView::keyOf(view->model()->index(0, 0));
            QTRY_VERIFY(MessageView::keyOf(view->model()->index(0, 0)) != first
                || model.historyExhausted());
            QVERIFY(model.rowCount() <= 200);
            QVERIFY2(qAbs(bubbleY(key) - y) <= 2, qPrintable(key));
        }
        QVERIFY(model.historyExhausted());
        QCOMPARE(model.rowOf(QStringLiteral("s0")), 0);
        QVERIFY(!model.isAtNewest());
        QVERIFY(!view->isAtBottom());
        QVERIFY(jump->isVisible());

        // Down again: newer pages come in at the bottom, the oldest leave at the top, and the
        // message at the top of the screen stays where it is.
        guard = 0;
        while (!model.isAtNewest() && guard++ < 200) {
            bar->setValue(bar->maximum());
            const QString key = topKey();
            const int y = bubbleY(key);
            const QString last = MessageView::keyOf(view->model()->index(model.rowCount() - 1, 0));
            QTRY_VERIFY(MessageView::keyOf(view->model()->index(model.rowCount() - 1, 0)) != last
                || model.isAtNewest());
            QVERIFY(model.rowCount() <= 200);
            QVERIFY2(qAbs(bubbleY(key) - y) <= 2,
                qPrintable(
                    QStringLiteral("%1 moved from %2 to %3").arg(key).arg(y).arg(bubbleY(key))));
        }
        QVERIFY(model.isAtNewest());
        QCOMPARE(model.rowOf(QStringLiteral("s0")), -1);
        bar->setValue(bar->maximum());
        QTRY_VERIFY(view->isAtBottom());
        QCOMPARE(MessageView::keyOf(view->model()->index(model.rowCount() - 1, 0)),
            QStringLiteral("s999"));

        // Far up again, then the jump button brings back the newest page at once.
        view->scrollToMessage(QStringLiteral("s10"));
        QVERIFY(!model.isAtNewest());
        QCOMPARE(MessageView::keyOf(view->currentIndex()), QStringLiteral("s10"));
        QTRY_VERIFY(jump->isVisible());
        jump->click();
        QVERIFY(model.isAtNewest());
        QTRY_VERIFY(view->isAtBottom());
        QCOMPARE(model.rowOf(QStringLiteral("s999")), model.rowCount() - 1);
    }

    void openingAnAttachmentMarksItUsed()
    {
        OpenPane p;
        QVERIFY(p.open());
        QSignalSpy used(&p.pane, &MessagePane::attachmentUsed);
        QSignalSpy download(&p.pane, &MessagePane::downloadAttachmentRequested);
        const QModelIndex picture = p.row(QStringLiteral("b1"));
        QVERIFY(picture.isValid());
        p.pane.perform(MessageActions::Action::OpenAttachment, picture, 0);
        QCOMPARE(used.size(), 1);
        QCOMPARE(used.at(0).at(0).toString(), QStringLiteral("b1"));
        QCOMPARE(used.at(0).at(1).toInt(), 0);
        QCOMPARE(download.size(), 0);
        for (QWidget *w : QApplication::topLevelWidgets())
            if (qobject_cast<ImageViewer *>(w))
                w->close();
    }

    void narrowingLaysOutAgainAtOnce()
    {
        OpenPane p;
        QVERIFY(p.open(QSize(900, 700)));
        MessageView *view = p.pane.view();
        QTRY_VERIFY(view->isAtBottom());
        // Narrower, as when a side panel opens: bubbles wrap onto more lines, and the rows
        // must grow with them before the next paint (QListView alone lays out again only when
        // the height changes).
        p.pane.resize(360, 700);
        QCoreApplication::processEvents();
        const QImage first = view->viewport()->grab().toImage();
        view->doItemsLayout(); // what a fresh layout paints
        view->scrollToBottom();
        QCoreApplication::processEvents();
        const QImage settled = view->viewport()->grab().toImage();
        QVERIFY(first == settled);
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
        OpenPane p;
        QVERIFY(p.open(QSize(720, 900)));
        p.pane.setTransferProgress(QStringLiteral("a3"), 40, 100);
        QTRY_VERIFY(p.pane.view()->isAtBottom());
        const QImage shot = p.pane.grab().toImage();
        QApplication::setPalette(original);
        QVERIFY(!shot.isNull());
        // Own bubbles are tinted: the right side has pixels of the accent, the left does not.
        const QString dir = qEnvironmentVariable("NATTER_SCREENSHOT_DIR", QDir::tempPath());
        QVERIFY(shot.save(dir
            + (dark ? QStringLiteral("/messagepane-dark.png")
                    : QStringLiteral("/messagepane-light.png"))));
    }
};

QTEST_MAIN(TestMessagePane)
#include "tst_messagepane.moc"
