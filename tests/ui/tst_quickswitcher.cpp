// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatfixture.h"
#include "ui/quickswitcher.h"

#include <QLineEdit>
#include <QListView>

using namespace Natter;
using namespace Natter::Test;

class TestQuickSwitcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filtersByTitleAndEnterChooses()
    {
        ChatFixture f;
        QVERIFY(f.open());
        QWidget window;
        window.resize(800, 600);
        window.show();
        QuickSwitcher switcher(&f.model, &window);
        QSignalSpy chosen(&switcher, &QuickSwitcher::flowChosen);
        switcher.popup();
        QVERIFY(QTest::qWaitForWindowExposed(&switcher));
        auto *edit = switcher.findChild<QLineEdit *>(QStringLiteral("queryEdit"));
        auto *list = switcher.findChild<QListView *>(QStringLiteral("resultList"));
        QVERIFY(edit && list);
        QCOMPARE(list->model()->rowCount(), 11); // blocked chats too
        QCOMPARE(list->currentIndex().row(), 0);

        // "tent" is in the hikers' last message, not in a title: no match.
        QTest::keyClicks(edit, QStringLiteral("tent"));
        QCOMPARE(list->model()->rowCount(), 0);
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(chosen.count(), 0);

        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("o"));
        const QStringList ids = strings(*list->model(), FlowListModel::FlowIdRole);
        QVERIFY(ids.size() > 2);
        for (const QString &id : ids)
            QVERIFY(f.model.index(f.model.rowOf(id))
                        .data(FlowListModel::TitleRole)
                        .toString()
                        .contains(QLatin1Char('o'), Qt::CaseInsensitive));
        QTest::keyClick(edit, Qt::Key_Down);
        QTest::keyClick(edit, Qt::Key_Down);
        QTest::keyClick(edit, Qt::Key_Up);
        QCOMPARE(list->currentIndex().row(), 1);
        QTest::keyClick(edit, Qt::Key_Up);
        QTest::keyClick(edit, Qt::Key_Up); // stays on the first row
        QCOMPARE(list->currentIndex().row(), 0);
        QTest::keyClick(edit, Qt::Key_Down);
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), ids.at(1));
        QVERIFY(!switcher.isVisible());
        QCOMPARE(switcher.result(), int(QDialog::Accepted));

        // Popping up again starts over; Esc closes without choosing.
        switcher.popup();
        QVERIFY(edit->text().isEmpty());
        QCOMPARE(list->model()->rowCount(), 11);
        const QImage shot = switcher.grab().toImage();
        saveShot(shot, QStringLiteral("quickswitcher"));
        QTest::keyClick(edit, Qt::Key_Escape);
        QVERIFY(!switcher.isVisible());
        QCOMPARE(chosen.count(), 1);
    }
};

QTEST_MAIN(TestQuickSwitcher)
#include "tst_quickswitcher.moc"
