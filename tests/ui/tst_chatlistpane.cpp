// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatfixture.h"
#include "ui/chatlistpane.h"
#include "ui/flowdelegate.h"
#include "ui/timeformat.h"

#include <QBuffer>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QToolButton>

using namespace Natter;
using namespace Natter::Test;

namespace {

struct Pane
{
    ChatFixture f;
    ChatListPane pane;
    QLineEdit *filter = nullptr;
    QListView *list = nullptr;

    bool open()
    {
        if (!f.open())
            return false;
        pane.setModel(&f.model);
        filter = pane.findChild<QLineEdit *>(QStringLiteral("filterEdit"));
        list = pane.findChild<QListView *>(QStringLiteral("listView"));
        pane.resize(340, 720);
        pane.show();
        return filter && list && QTest::qWaitForWindowExposed(&pane);
    }
    QStringList ids() const { return strings(*list->model(), FlowListModel::FlowIdRole); }
    int rowOf(const QString &id) const { return ids().indexOf(id); }
};

} // namespace

class TestChatListPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { QApplication::setPalette(testPalette(false)); }

    void listsTheSeededFlows()
    {
        Pane p;
        QVERIFY(p.open());
        // Eve's chat is with a blocked user: hidden until asked for.
        QCOMPARE(p.list->model()->rowCount(), 10);
        QVERIFY(!p.ids().contains(QStringLiteral("eve")));
        QCOMPARE(p.ids().first(), QStringLiteral("design"));
        p.pane.setShowBlocked(true);
        QCOMPARE(p.list->model()->rowCount(), 11);
        QVERIFY(p.list->uniformItemSizes());
    }

    void filterNarrowsAndEscClears()
    {
        Pane p;
        QVERIFY(p.open());
        QTest::keyClicks(p.filter, QStringLiteral("HIK"));
        QCOMPARE(p.ids(), QStringList { QStringLiteral("hikers") });
        QTest::keyClicks(p.filter, QStringLiteral("zzz"));
        QCOMPARE(p.list->model()->rowCount(), 0);
        QTest::keyClick(p.filter, Qt::Key_Escape);
        QVERIFY(p.filter->text().isEmpty());
        QCOMPARE(p.list->model()->rowCount(), 10);
    }

    void keyboardOpensChats()
    {
        Pane p;
        QVERIFY(p.open());
        QSignalSpy spy(&p.pane, &ChatListPane::flowActivated);
        p.pane.focusFilter();
        QTest::keyClick(p.filter, Qt::Key_Down); // into the list, first row
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.last().at(0).toString(), QStringLiteral("design"));
        QTest::keyClick(p.list, Qt::Key_Down);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.last().at(0).toString(), p.ids().at(1));
        QTest::keyClick(p.list, Qt::Key_Return);
        QCOMPARE(spy.count(), 3);
        QCOMPARE(spy.last().at(0).toString(), p.ids().at(1));
        QCOMPARE(p.pane.currentFlowId(), p.ids().at(1));

        // Enter in the filter opens the first match.
        p.pane.focusFilter();
        QTest::keyClicks(p.filter, QStringLiteral("book"));
        QTest::keyClick(p.filter, Qt::Key_Return);
        QCOMPARE(spy.last().at(0).toString(), QStringLiteral("books"));
    }

    void clickOpensOnce()
    {
        Pane p;
        QVERIFY(p.open());
        QSignalSpy spy(&p.pane, &ChatListPane::flowActivated);
        const QModelIndex index = p.list->model()->index(p.rowOf(QStringLiteral("carol")), 0);
        QTest::mouseClick(
            p.list->viewport(), Qt::LeftButton, {}, p.list->visualRect(index).center());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("carol"));
        QCOMPARE(p.pane.currentFlowId(), QStringLiteral("carol"));
    }

    void selectFlowFollowsTheAppSilently()
    {
        Pane p;
        QVERIFY(p.open());
        QSignalSpy spy(&p.pane, &ChatListPane::flowActivated);
        p.pane.selectFlow(QStringLiteral("ops"));
        QCOMPARE(p.pane.currentFlowId(), QStringLiteral("ops"));
        QCOMPARE(p.list->currentIndex().data(FlowListModel::FlowIdRole).toString(),
            QStringLiteral("ops"));
        // Filtered out and back: the selection comes back, nothing is opened.
        QTest::keyClicks(p.filter, QStringLiteral("design"));
        QVERIFY(!p.list->currentIndex().isValid());
        QCOMPARE(p.pane.currentFlowId(), QStringLiteral("ops"));
        p.filter->clear();
        QCOMPARE(p.list->currentIndex().data(FlowListModel::FlowIdRole).toString(),
            QStringLiteral("ops"));
        // A new message moves the row to the top; the selection moves with it.
        QVERIFY(p.f.c.cache.messages()
                    .insertOrUpdateMessages(
                        { serverMessage(QStringLiteral("ops"), QStringLiteral("new"),
                            QDateTime::currentMSecsSinceEpoch(), QStringLiteral("fixed")) })
                    .isNone());
        QCOMPARE(p.ids().first(), QStringLiteral("ops"));
        QCOMPARE(p.list->currentIndex().row(), 0);
        QCOMPARE(spy.count(), 0);
    }

    void createMenuFollowsPermissions()
    {
        ChatListPane pane;
        auto *button = pane.findChild<QToolButton *>(QStringLiteral("newButton"));
        QVERIFY(button && button->menu());
        const QList<QAction *> actions = button->menu()->actions();
        QCOMPARE(actions.size(), 2);
        QSignalSpy chat(&pane, &ChatListPane::newChatRequested);
        QSignalSpy group(&pane, &ChatListPane::newGroupRequested);
        pane.setCreateAllowed(true, false);
        QVERIFY(actions.at(0)->isVisible());
        QVERIFY(!actions.at(1)->isVisible());
        QVERIFY(!button->isHidden());
        pane.setCreateAllowed(false, false);
        QVERIFY(button->isHidden());
        pane.setCreateAllowed(false, true);
        QVERIFY(!actions.at(0)->isVisible());
        QVERIFY(actions.at(1)->isVisible());
        actions.at(1)->trigger();
        QCOMPARE(group.count(), 1);
        QCOMPARE(chat.count(), 0);
    }

    void badgeAndPreviewText()
    {
        QCOMPARE(FlowDelegate::badgeText(0), QString());
        QCOMPARE(FlowDelegate::badgeText(1), QStringLiteral("1"));
        QCOMPARE(FlowDelegate::badgeText(998), QStringLiteral("998"));
        QCOMPARE(FlowDelegate::badgeText(999), QStringLiteral("999+"));
        QCOMPARE(FlowDelegate::badgeText(1000), QStringLiteral("999+"));

        auto p = FlowDelegate::preview(
            Flow::Type::Group, QStringLiteral("Bob"), QStringLiteral("hi\n  there"), true);
        QCOMPARE(p.full(), QStringLiteral("Bob: hi there"));
        QVERIFY(!p.placeholder);
        p = FlowDelegate::preview(
            Flow::Type::Chat, QStringLiteral("Bob"), QStringLiteral("hi"), true);
        QCOMPARE(p.full(), QStringLiteral("hi"));
        // Our own last message says "You", in groups and two-person chats alike.
        p = FlowDelegate::preview(
            Flow::Type::Group, QStringLiteral("Me Myself"), QStringLiteral("done"), true, true);
        QCOMPARE(p.full(), QStringLiteral("You: done"));
        p = FlowDelegate::preview(
            Flow::Type::Chat, QStringLiteral("Me Myself"), QStringLiteral("ok"), true, true);
        QCOMPARE(p.full(), QStringLiteral("You: ok"));
        p = FlowDelegate::preview(Flow::Type::Group, {}, {}, false);
        QVERIFY(p.placeholder);
        QCOMPARE(p.full(), QStringLiteral("No messages yet"));
    }

    void delegateSizeAndPaint()
    {
        Pane p;
        QVERIFY(p.open());
        const QModelIndex index = p.list->model()->index(0, 0);
        QStyleOptionViewItem option;
        option.initFrom(p.list);
        const QSize hint = p.list->itemDelegate()->sizeHint(option, index);
        QVERIFY2(
            hint.height() >= 64 && hint.height() <= 96, qPrintable(QString::number(hint.height())));
        QCOMPARE(p.list->visualRect(index).height(), hint.height());

        const int news = p.rowOf(QStringLiteral("news"));
        QCOMPARE(
            p.list->model()->index(news, 0).data(FlowListModel::UnreadCountRole).toInt(), 1000);
        // Painting at 2x must work as well as at 1x.
        for (const qreal dpr : { 1.0, 2.0 }) {
            QImage image(p.list->viewport()->size() * dpr, QImage::Format_ARGB32_Premultiplied);
            image.setDevicePixelRatio(dpr);
            image.fill(Qt::transparent);
            p.list->viewport()->render(&image);
            QVERIFY(!image.isNull());
            if (dpr > 1)
                saveShot(image, QStringLiteral("chatlist-2x"));
        }
    }

    void groupPhotosReplaceTheInitials()
    {
        Pane p;
        QVERIFY(p.open());
        const auto avatarCentre = [&] {
            const QModelIndex index = p.list->model()->index(p.rowOf(QStringLiteral("design")), 0);
            const QRect rect = p.list->visualRect(index);
            QImage image(p.list->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            p.list->viewport()->render(&image);
            // The avatar sits at the row's left, vertically centred (46 px after a 10 px margin).
            return image.pixelColor(rect.left() + 10 + 23, rect.center().y());
        };
        const QColor initials = avatarCentre();
        QImage red(64, 64, QImage::Format_RGB32);
        red.fill(QColor(220, 20, 20));
        QByteArray png;
        QBuffer buffer(&png);
        QVERIFY(buffer.open(QIODevice::WriteOnly) && red.save(&buffer, "PNG"));
        Flow design = makeFlow(QStringLiteral("design"), QStringLiteral("Design team"));
        design.photo = png;
        QSignalSpy changed(&p.f.model, &QAbstractItemModel::dataChanged);
        QVERIFY(p.f.c.cache.flows().upsertFlows({ design }).isNone());
        const int row = p.f.model.rowOf(QStringLiteral("design"));
        QVERIFY(changedRoles(changed, row).contains(FlowListModel::PhotoRole));
        QCOMPARE(p.f.model.index(row).data(FlowListModel::PhotoRole).toByteArray(), png);
        QTRY_COMPARE(avatarCentre(), QColor(220, 20, 20));
        QVERIFY(initials != QColor(220, 20, 20));
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
        const QPalette palette = testPalette(dark);
        QApplication::setPalette(palette);
        Pane p;
        QVERIFY(p.open());
        p.pane.setShowBlocked(true);
        p.pane.selectFlow(QStringLiteral("bob"));
        const QImage shot = p.pane.grab().toImage();
        saveShot(shot, dark ? QStringLiteral("chatlist-dark") : QStringLiteral("chatlist-light"));
        // The selected row is drawn in the palette's highlight.
        const QRect selected = p.list->visualRect(p.list->currentIndex());
        const QPoint probe = p.list->viewport()->mapTo(&p.pane, QPoint(2, selected.center().y()));
        QCOMPARE(shot.pixelColor(probe * shot.devicePixelRatio()).rgb(),
            palette.color(QPalette::Highlight).rgb());
        // An unselected row is on the base colour.
        const QRect other = p.list->visualRect(p.list->model()->index(0, 0));
        const QPoint probe2 = p.list->viewport()->mapTo(&p.pane, QPoint(2, other.center().y()));
        QCOMPARE(shot.pixelColor(probe2).rgb(), palette.color(QPalette::Base).rgb());
    }

    void emptyStates()
    {
        ChatListPane pane;
        FlowListModel model;
        pane.setModel(&model);
        pane.resize(300, 300);
        const QImage shot = pane.grab().toImage();
        saveShot(shot, QStringLiteral("chatlist-empty"));
        // Some muted text is drawn in the middle of the empty list.
        auto *list = pane.findChild<QListView *>(QStringLiteral("listView"));
        const QRect middle(
            list->mapTo(&pane, list->rect().center()) - QPoint(60, 10), QSize(120, 20));
        const QColor base = pane.palette().color(QPalette::Base);
        bool drawn = false;
        for (int x = middle.left(); x < middle.right() && !drawn; ++x)
            for (int y = middle.top(); y < middle.bottom() && !drawn; ++y)
                drawn = shot.pixelColor(x, y).rgb() != base.rgb();
        QVERIFY(drawn);
    }

    void timeLabels()
    {
        const QDateTime now(QDate(2024, 3, 15), QTime(18, 0)); // a Friday
        const QLocale locale;
        const QDateTime today(now.date(), QTime(14, 5));
        QCOMPARE(TimeFormat::shortLabel(today, now), TimeFormat::clock(today));
        QVERIFY(TimeFormat::clock(today).contains(QStringLiteral("05")));
        QVERIFY(!TimeFormat::clock(QDateTime(now.date(), QTime(14, 5, 37)))
                     .contains(QStringLiteral("37"))); // no seconds
        const QDateTime tuesday = now.addDays(-3);
        QCOMPARE(TimeFormat::shortLabel(tuesday, now), locale.dayName(2, QLocale::ShortFormat));
        const QDateTime old = now.addDays(-40);
        QCOMPARE(
            TimeFormat::shortLabel(old, now), locale.toString(old.date(), QLocale::ShortFormat));
        QCOMPARE(TimeFormat::shortLabel({}, now), QString());
    }
};

QTEST_MAIN(TestChatListPane)
#include "tst_chatlistpane.moc"
