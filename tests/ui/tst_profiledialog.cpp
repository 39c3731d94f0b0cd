// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/profiledialog.h"
#include "ui/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace Natter;

namespace {

template <typename T>
T *child(QWidget *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning() << "no child" << name;
    return found;
}

User ann()
{
    User user;
    user.id = QStringLiteral("42");
    user.login = QStringLiteral("ann");
    user.name = QStringLiteral("Ann Lee");
    return user;
}

Capabilities full()
{
    Capabilities caps;
    caps.profile = true;
    caps.deleteAccount = true;
    return caps;
}

} // namespace

class TestProfileDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void controlsFollowCapabilities()
    {
        ProfileDialog dialog(ann(), Capabilities {});
        QVERIFY(child<QPushButton>(&dialog, "changePhotoButton")->isHidden());
        QVERIFY(child<QPushButton>(&dialog, "saveNameButton")->isHidden());
        QVERIFY(child<QLineEdit>(&dialog, "nameEdit")->isReadOnly());
        QVERIFY(child<QPushButton>(&dialog, "deleteAccountButton")->isHidden());
        QVERIFY(child<QPushButton>(&dialog, "changePasswordButton")->isHidden());
        QVERIFY(!child<QPushButton>(&dialog, "logoutButton")->isHidden());
        QCOMPARE(child<QLineEdit>(&dialog, "loginEdit")->text(), QStringLiteral("ann"));
        QCOMPARE(child<QLineEdit>(&dialog, "idEdit")->text(), QStringLiteral("42"));

        dialog.setCapabilities(full());
        dialog.setPasswordChangeSupported(true);
        QVERIFY(!child<QPushButton>(&dialog, "changePhotoButton")->isHidden());
        QVERIFY(!child<QLineEdit>(&dialog, "nameEdit")->isReadOnly());
        QVERIFY(!child<QPushButton>(&dialog, "deleteAccountButton")->isHidden());
        QVERIFY(!child<QPushButton>(&dialog, "changePasswordButton")->isHidden());
    }

    void nameAndCopy()
    {
        ProfileDialog dialog(ann(), full());
        QSignalSpy name(&dialog, &ProfileDialog::nameChangeRequested);
        auto *save = child<QPushButton>(&dialog, "saveNameButton");
        QVERIFY(!save->isEnabled()); // unchanged
        child<QLineEdit>(&dialog, "nameEdit")->setText(QStringLiteral(" Ann Smith "));
        QVERIFY(save->isEnabled());
        save->click();
        QCOMPARE(name.value(0).value(0).toString(), QStringLiteral("Ann Smith"));
        child<QToolButton>(&dialog, "copyIdButton")->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("42"));
    }

    void passwordChange()
    {
        ProfileDialog dialog(ann(), full());
        dialog.setPasswordChangeSupported(true);
        QSignalSpy change(&dialog, &ProfileDialog::passwordChangeRequested);
        child<QPushButton>(&dialog, "changePasswordButton")->click();
        QVERIFY(!child<QGroupBox>(&dialog, "passwordGroup")->isHidden());
        auto *submit = child<QPushButton>(&dialog, "submitPasswordButton");
        QVERIFY(!submit->isEnabled());
        child<QLineEdit>(&dialog, "oldPasswordEdit")->setText(QStringLiteral("old"));
        child<QLineEdit>(&dialog, "newPasswordEdit")->setText(QStringLiteral("new1"));
        child<QLineEdit>(&dialog, "confirmPasswordEdit")->setText(QStringLiteral("new2"));
        submit->click();
        QCOMPARE(change.size(), 0);
        QVERIFY(!child<QLabel>(&dialog, "passwordMismatchLabel")->text().isEmpty());
        child<QLineEdit>(&dialog, "confirmPasswordEdit")->setText(QStringLiteral("new1"));
        submit->click();
        QCOMPARE(change.size(), 1);
        QCOMPARE(change.at(0).at(0).toString(), QStringLiteral("old"));
        QCOMPARE(change.at(0).at(1).toString(), QStringLiteral("new1"));
    }

    void deleteNeedsThePassword()
    {
        ProfileDialog dialog(ann(), full());
        QSignalSpy deletion(&dialog, &ProfileDialog::deleteAccountRequested);
        auto *group = child<QGroupBox>(&dialog, "deleteGroup");
        QVERIFY(group->isHidden());
        child<QPushButton>(&dialog, "deleteAccountButton")->click();
        QVERIFY(!group->isHidden());
        QVERIFY(!child<QLabel>(&dialog, "deleteWarningLabel")->text().isEmpty());
        auto *confirm = child<QPushButton>(&dialog, "confirmDeleteButton");
        QVERIFY(!confirm->isEnabled());
        confirm->click();
        QCOMPARE(deletion.size(), 0);
        child<QLineEdit>(&dialog, "deletePasswordEdit")->setText(QStringLiteral("pw"));
        QVERIFY(confirm->isEnabled());

        dialog.setBusy(true);
        QVERIFY(!group->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, "logoutButton")->isEnabled());
        dialog.setBusy(false);
        confirm->click();
        QCOMPARE(deletion.size(), 1);
        QCOMPARE(deletion.at(0).at(0).toString(), QStringLiteral("pw"));

        // Cancel hides the section and forgets the password.
        child<QPushButton>(&dialog, "cancelDeleteButton")->click();
        QVERIFY(group->isHidden());
        QVERIFY(child<QLineEdit>(&dialog, "deletePasswordEdit")->text().isEmpty());
    }

    void logoutAndError()
    {
        ProfileDialog dialog(ann(), Capabilities {});
        QSignalSpy logout(&dialog, &ProfileDialog::logoutRequested);
        child<QPushButton>(&dialog, "logoutButton")->click();
        QCOMPARE(logout.size(), 1);
        dialog.showError(Error::make(Error::Code::WrongCredentials, QStringLiteral("bad")));
        QVERIFY(!child<QLabel>(&dialog, "errorLabel")->isHidden());
        QVERIFY(!child<QLabel>(&dialog, "errorLabel")->text().isEmpty());
    }

    void screenshots()
    {
        const QString dir = qEnvironmentVariable("NATTER_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("set NATTER_SCREENSHOTS to a folder to render screenshots");
        for (const auto theme : { AppSettings::Theme::Light, AppSettings::Theme::Dark }) {
            Theme::apply(theme);
            ProfileDialog dialog(ann(), full());
            dialog.setPasswordChangeSupported(true);
            dialog.show();
            child<QPushButton>(&dialog, "deleteAccountButton")->click();
            QVERIFY(dialog.grab().save(dir
                + QStringLiteral("/profile-%1.png")
                      .arg(Theme::isDark() ? QStringLiteral("dark") : QStringLiteral("light"))));
        }
    }
};

QTEST_MAIN(TestProfileDialog)
#include "tst_profiledialog.moc"
