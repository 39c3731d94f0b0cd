// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatfixture.h"
#include "models/searchresultsmodel.h"
#include "ui/searchpanel.h"
#include "ui/searchresultdelegate.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QToolButton>

using namespace Natter;
using namespace Natter::Test;

namespace {

struct Panel
{
    ChatFixture f;
    SearchPanel panel;
    QLineEdit *edit = nullptr;
    QListView *list = nullptr;

    bool open()
    {
        if (!f.open())
            return false;
        panel.setCache(&f.c.cache);
        edit = panel.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        list = panel.findChild<QListView *>(QStringLiteral("resultList"));
        panel.resize(360, 640);
        panel.show();
        return edit && list && QTest::qWaitForWindowExposed(&panel);
    }
    QStringList keys() const { return strings(*list->model(), SearchResultsModel::MessageKeyRole); }
};

} // namespace

class TestSearchPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void searchesAfterTypingStops()
    {
        Panel p;
        QVERIFY(p.open());
        QSignalSpy activated(&p.panel, &SearchPanel::resultActivated);
        QElapsedTimer clock;
        clock.start();
        QTest::keyClicks(p.edit, QStringLiteral("tent"));
        QCOMPARE(p.list->model()->rowCount(), 0); // not yet: typing may go on
        QTRY_VERIFY(p.list->model()->rowCount() > 0);
        QVERIFY(clock.elapsed() >= SearchPanel::DebounceMs);
        QCOMPARE(p.list->model()->rowCount(), 5); // the hikers' five questions
        QCOMPARE(p.panel.searchedText(), QStringLiteral("tent"));
        const QModelIndex first = p.list->model()->index(0, 0);
        QCOMPARE(first.data(SearchResultsModel::FlowIdRole).toString(), QStringLiteral("hikers"));
        QVERIFY(first.data(SearchResultsModel::SnippetRole)
                    .toString()
                    .contains(QStringLiteral("<b>tent</b>")));

        QTest::mouseClick(p.list->viewport(), Qt::LeftButton, {},
            p.list->visualRect(p.list->model()->index(1, 0)).center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("hikers"));
        QCOMPARE(activated.at(0).at(1).toString(), p.keys().at(1));

        // Enter in the search line opens the selected (first) result.
        p.panel.focusSearch();
        QTest::keyClick(p.edit, Qt::Key_Down);
        QTest::keyClick(p.list, Qt::Key_Down);
        QTest::keyClick(p.list, Qt::Key_Return);
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.at(1).at(1).toString(),
            p.list->currentIndex().data(SearchResultsModel::MessageKeyRole).toString());
    }

    void scopeAndNoResults()
    {
        Panel p;
        QVERIFY(p.open());
        auto *thisChat = p.panel.findChild<QToolButton *>(QStringLiteral("thisChatButton"));
        QVERIFY(!thisChat->isEnabled()); // no chat open
        p.edit->setText(QStringLiteral("the"));
        QTRY_VERIFY(!p.keys().isEmpty());
        const int all = p.keys().size();
        QCOMPARE(all, 7); // five hikers' questions, the design team's icons, Bob's maps
        p.panel.setCurrentFlow(QStringLiteral("bob"), QStringLiteral("Bob Stone"));
        QVERIFY(thisChat->isEnabled());
        QVERIFY(thisChat->isChecked()); // opened from a chat: searches that chat
        QCOMPARE(p.keys().size(), 1);
        QCOMPARE(p.list->model()->index(0, 0).data(SearchResultsModel::FlowIdRole).toString(),
            QStringLiteral("bob"));
        p.panel.findChild<QToolButton *>(QStringLiteral("allChatsButton"))->click();
        QCOMPARE(p.keys().size(), all);

        p.edit->setText(QStringLiteral("xylophone"));
        QTRY_COMPARE(p.panel.searchedText(), QStringLiteral("xylophone"));
        QCOMPARE(p.list->model()->rowCount(), 0);
        saveShot(p.panel.grab().toImage(), QStringLiteral("search-empty"));
    }

    void serverResultsFollowTheLocalOnes_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void serverResultsFollowTheLocalOnes()
    {
        QFETCH(bool, dark);
        QApplication::setPalette(testPalette(dark));
        Panel p;
        QVERIFY(p.open());
        p.panel.setServerSearchAvailable(true);
        QSignalSpy requested(&p.panel, &SearchPanel::serverSearchRequested);
        QTest::keyClicks(p.edit, QStringLiteral("tomorrow"));
        QTRY_COMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("tomorrow"));
        QCOMPARE(p.keys().size(), 1);
        auto *status = p.panel.findChild<QLabel *>(QStringLiteral("statusLabel"));
        QVERIFY(!status->isHidden());

        Message old = serverMessage(QStringLiteral("bob"), QStringLiteral("srv1"),
            ChatFixture::minutesAgo(60 * 24 * 400), QStringLiteral("Tomorrow at noon?"));
        old.fromName = QStringLiteral("Bob <Stone>");
        p.panel.addServerResults({ old });
        QCOMPARE(p.keys().size(), 2);
        const QModelIndex server = p.list->model()->index(1, 0);
        QVERIFY(server.data(SearchResultsModel::ServerResultRole).toBool());
        QVERIFY(SearchResultDelegate::startsServerSection(server));
        QVERIFY(!SearchResultDelegate::startsServerSection(p.list->model()->index(0, 0)));
        // The section header makes the first server row taller.
        QVERIFY(p.list->visualRect(server).height()
            > p.list->visualRect(p.list->model()->index(0, 0)).height());
        p.list->setCurrentIndex(p.list->model()->index(0, 0));
        saveShot(p.panel.grab().toImage(),
            dark ? QStringLiteral("search-results-dark") : QStringLiteral("search-results"));
        QApplication::setPalette(testPalette(false));
    }

    void bodyHtmlEscapesOnlyTheAuthor()
    {
        const QString html = SearchResultDelegate::bodyHtml(QStringLiteral("Bob <b>"),
            QStringLiteral("<b>tent</b> &amp; rope"), QColor(0x80, 0x80, 0x80));
        QVERIFY(html.contains(QStringLiteral("Bob &lt;b&gt;:")));
        QVERIFY(html.endsWith(QStringLiteral("<b>tent</b> &amp; rope")));
        QVERIFY(html.contains(QStringLiteral("#808080")));
    }

    void escCloses()
    {
        SearchPanel panel;
        QSignalSpy close(&panel, &SearchPanel::closeRequested);
        QTest::keyClick(panel.findChild<QLineEdit *>(QStringLiteral("searchEdit")), Qt::Key_Escape);
        QCOMPARE(close.count(), 1);
        QTest::keyClick(panel.findChild<QListView *>(QStringLiteral("resultList")), Qt::Key_Escape);
        QCOMPARE(close.count(), 2);
    }
};

QTEST_MAIN(TestSearchPanel)
#include "tst_searchpanel.moc"
