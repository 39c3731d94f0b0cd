// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatfixture.h"
#include "ui/newchatdialog.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>

using namespace Natter;
using namespace Natter::Test;

namespace {

QPushButton *okButton(const NewChatDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
        ->button(QDialogButtonBox::Ok);
}

template <typename T>
T *child(const NewChatDialog &dialog, const char *name)
{
    return dialog.findChild<T *>(QLatin1String(name));
}

} // namespace

class TestNewChatDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chatNeedsOneName()
    {
        NewChatDialog dialog(NewChatDialog::Mode::Chat);
        auto *user = child<QLineEdit>(dialog, "userEdit");
        QVERIFY(!okButton(dialog)->isEnabled());
        QTest::keyClicks(user, QStringLiteral("   "));
        QVERIFY(!okButton(dialog)->isEnabled());
        user->setText(QStringLiteral("alice smith"));
        QVERIFY(!okButton(dialog)->isEnabled());
        user->setText(QStringLiteral("  alice "));
        QVERIFY(okButton(dialog)->isEnabled());
        QCOMPARE(dialog.userOrLogin(), QStringLiteral("alice"));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("New chat"));
        QCOMPARE(okButton(dialog)->text(), QStringLiteral("Start chat"));
    }

    void groupMembersAddedOneByOne()
    {
        NewChatDialog dialog(NewChatDialog::Mode::Group);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *title = child<QLineEdit>(dialog, "titleEdit");
        auto *member = child<QLineEdit>(dialog, "memberEdit");
        auto *list = child<QListWidget>(dialog, "membersList");
        QVERIFY(!okButton(dialog)->isEnabled());
        QTest::keyClicks(title, QStringLiteral(" Garden club "));
        QVERIFY(okButton(dialog)->isEnabled()); // members are optional
        child<QPlainTextEdit>(dialog, "descriptionEdit")
            ->setPlainText(QStringLiteral(" Tomatoes "));

        // Enter in the member field adds, it does not accept the dialog.
        QTest::keyClicks(member, QStringLiteral("bob"));
        QTest::keyClick(member, Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QTest::keyClicks(member, QStringLiteral("u42"));
        QTest::mouseClick(child<QPushButton>(dialog, "addMemberButton"), Qt::LeftButton);
        QTest::keyClicks(member, QStringLiteral("BOB")); // a duplicate is not added twice
        QTest::keyClick(member, Qt::Key_Return);
        QCOMPARE(dialog.members(), (QStringList { QStringLiteral("bob"), QStringLiteral("u42") }));
        member->clear();

        // A name with a space in the member field blocks OK until fixed.
        member->setText(QStringLiteral("carol x"));
        QVERIFY(!okButton(dialog)->isEnabled());
        member->setText(QStringLiteral("carol"));
        QVERIFY(okButton(dialog)->isEnabled());

        list->setCurrentRow(0);
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(dialog.members(), QStringList { QStringLiteral("u42") });

        // OK adds what is still typed.
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(
            dialog.members(), (QStringList { QStringLiteral("u42"), QStringLiteral("carol") }));
        QCOMPARE(dialog.title(), QStringLiteral("Garden club"));
        QCOMPARE(dialog.description(), QStringLiteral("Tomatoes"));
    }

    void screenshots()
    {
        NewChatDialog group(NewChatDialog::Mode::Group);
        child<QLineEdit>(group, "titleEdit")->setText(QStringLiteral("Garden club"));
        child<QListWidget>(group, "membersList")
            ->addItems({ QStringLiteral("bob"), QStringLiteral("u42") });
        saveShot(group.grab().toImage(), QStringLiteral("newgroup"));
        NewChatDialog chat(NewChatDialog::Mode::Chat);
        const QImage shot = chat.grab().toImage();
        QVERIFY(!shot.isNull());
        saveShot(shot, QStringLiteral("newchat"));
    }
};

QTEST_MAIN(TestNewChatDialog)
#include "tst_newchatdialog.moc"
