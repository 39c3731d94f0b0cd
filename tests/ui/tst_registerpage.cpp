// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inputvalidation.h"
#include "ui/registerpage.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>

using namespace Natter;

namespace {

template <typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("NATTER_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents(); // let pending layout requests settle, as a real loop would
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

ServerProfile distetProfile()
{
    ServerProfile p;
    p.id = QStringLiteral("d1");
    p.name = QStringLiteral("DisTet test");
    p.url = QStringLiteral("http://127.0.0.1:9000");
    p.protocol = QStringLiteral("distet");
    return p;
}

} // namespace

class TestRegisterPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_page = std::make_unique<RegisterPage>();
        m_page->resize(560, 860);
        m_page->setProfile(distetProfile());
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_create = child<QPushButton>(m_page.get(), "createButton");
    }
    void cleanup() { m_page.reset(); }

    void invalidInputKeepsButtonDisabled_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("confirmation");
        QTest::addColumn<QString>("messageLabel");
        QTest::addColumn<QString>("message");
        const QString pw = QStringLiteral("secret1");
        const QString mail = QStringLiteral("al@example.org");
        QTest::newRow("login too short")
            << QStringLiteral("al") << mail << pw << pw << QStringLiteral("loginMessage")
            << InputValidation::loginProblem(QStringLiteral("al"));
        QTest::newRow("login too long")
            << QString(33, QLatin1Char('a')) << mail << pw << pw << QStringLiteral("loginMessage")
            << InputValidation::loginProblem(QString(33, QLatin1Char('a')));
        QTest::newRow("login with space")
            << QStringLiteral("al ice") << mail << pw << pw << QStringLiteral("loginMessage")
            << QStringLiteral("Use only letters, digits, dots, underscores and hyphens.");
        QTest::newRow("email without at")
            << QStringLiteral("alice") << QStringLiteral("alice.example.org") << pw << pw
            << QStringLiteral("emailMessage")
            << InputValidation::emailProblem(QStringLiteral("alice.example.org"));
        QTest::newRow("email without domain")
            << QStringLiteral("alice") << QStringLiteral("alice@host") << pw << pw
            << QStringLiteral("emailMessage")
            << InputValidation::emailProblem(QStringLiteral("alice@host"));
        QTest::newRow("short password")
            << QStringLiteral("alice") << mail << QStringLiteral("12345") << QStringLiteral("12345")
            << QStringLiteral("passwordMessage")
            << QStringLiteral("The password needs at least 6 characters.");
        QTest::newRow("mismatch") << QStringLiteral("alice") << mail << pw
                                  << QStringLiteral("secret2") << QStringLiteral("confirmMessage")
                                  << QStringLiteral("The passwords do not match.");
    }

    void invalidInputKeepsButtonDisabled()
    {
        QFETCH(QString, login);
        QFETCH(QString, email);
        QFETCH(QString, password);
        QFETCH(QString, confirmation);
        QFETCH(QString, messageLabel);
        QFETCH(QString, message);
        QVERIFY(!message.isEmpty());
        QTest::keyClicks(child<QLineEdit>(m_page.get(), "loginEdit"), login);
        QTest::keyClicks(child<QLineEdit>(m_page.get(), "emailEdit"), email);
        QTest::keyClicks(child<QLineEdit>(m_page.get(), "passwordEdit"), password);
        QTest::keyClicks(child<QLineEdit>(m_page.get(), "confirmEdit"), confirmation);
        QVERIFY(!m_create->isEnabled());
        auto *label = child<QLabel>(m_page.get(), messageLabel.toLatin1().constData());
        QVERIFY(label->isVisible());
        QCOMPARE(label->text(), message);
        // Exactly one field complains.
        int shown = 0;
        for (const char *name :
            { "loginMessage", "emailMessage", "passwordMessage", "confirmMessage" })
            shown += child<QLabel>(m_page.get(), name)->isVisible() ? 1 : 0;
        QCOMPARE(shown, 1);
        if (QByteArray(QTest::currentDataTag()) == "email without at")
            saveScreenshot(m_page.get(), QStringLiteral("registerpage-invalid"));
    }

    void untouchedFieldsDoNotComplain()
    {
        QVERIFY(!m_create->isEnabled());
        QVERIFY(!child<QLabel>(m_page.get(), "loginMessage")->isVisible());
        QVERIFY(!child<QLabel>(m_page.get(), "emailMessage")->isVisible());
        // Enter on the empty form shows what is missing, and sends nothing.
        QSignalSpy spy(m_page.get(), &RegisterPage::registrationRequested);
        QTest::keyClick(child<QLineEdit>(m_page.get(), "loginEdit"), Qt::Key_Return);
        QCOMPARE(spy.size(), 0);
        QVERIFY(child<QLabel>(m_page.get(), "loginMessage")->isVisible());
        QVERIFY(child<QLabel>(m_page.get(), "emailMessage")->isVisible());
    }

    void validInputRegisters()
    {
        QSignalSpy spy(m_page.get(), &RegisterPage::registrationRequested);
        fillValid();
        QVERIFY(m_create->isEnabled());
        child<QCheckBox>(m_page.get(), "rememberCheck")->setChecked(false);
        saveScreenshot(m_page.get(), QStringLiteral("registerpage"));
        QTest::mouseClick(m_create, Qt::LeftButton);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<ServerProfile>(), distetProfile());
        const auto c = spy.at(0).at(1).value<Credentials>();
        QCOMPARE(c.login, QStringLiteral("alice_b.c-d"));
        QCOMPARE(c.email, QStringLiteral("alice@example.org"));
        QCOMPARE(c.password, QStringLiteral("secret1"));
        QCOMPARE(c.name, QStringLiteral("Alice B."));
        QCOMPARE(spy.at(0).at(2).toBool(), false);

        // No display name: the login stands in.
        child<QLineEdit>(m_page.get(), "nameEdit")->clear();
        QTest::keyClick(child<QLineEdit>(m_page.get(), "confirmEdit"), Qt::Key_Return);
        QCOMPARE(spy.size(), 2);
        QCOMPARE(spy.at(1).at(1).value<Credentials>().name, QStringLiteral("alice_b.c-d"));
    }

    void busyDisablesInputs()
    {
        QSignalSpy cancel(m_page.get(), &RegisterPage::cancelRequested);
        fillValid();
        m_page->setBusy(true);
        QVERIFY(!child<QLineEdit>(m_page.get(), "loginEdit")->isEnabled());
        QVERIFY(!child<QLineEdit>(m_page.get(), "passwordEdit")->isEnabled());
        QVERIFY(!m_create->isVisible());
        QVERIFY(child<QWidget>(m_page.get(), "busyWidget")->isVisible());
        QTest::mouseClick(child<QPushButton>(m_page.get(), "cancelButton"), Qt::LeftButton);
        QCOMPARE(cancel.size(), 1);
        m_page->setBusy(false);
        QVERIFY(m_create->isVisible() && m_create->isEnabled());
    }

    void takenNameGoesUnderLogin()
    {
        fillValid();
        m_page->setBusy(true);
        m_page->showError(Error::make(Error::Code::AlreadyExists, QStringLiteral("409 Conflict")));
        QVERIFY(!m_page->isBusy());
        auto *loginMessage = child<QLabel>(m_page.get(), "loginMessage");
        QVERIFY(loginMessage->isVisible());
        QCOMPARE(
            loginMessage->text(), QStringLiteral("That name or email address is already taken."));
        QVERIFY(!child<QLabel>(m_page.get(), "errorLabel")->isVisible());
        QVERIFY(!m_create->isEnabled()); // same data would be refused again
        // The refused login is selected, ready to be replaced; add to it instead.
        QTest::keyClick(child<QLineEdit>(m_page.get(), "loginEdit"), Qt::Key_End);
        QTest::keyClicks(child<QLineEdit>(m_page.get(), "loginEdit"), QStringLiteral("2"));
        QVERIFY(!loginMessage->isVisible());
        QVERIFY(m_create->isEnabled());

        m_page->showError(
            Error::make(Error::Code::AlreadyExists, QStringLiteral("email is taken")));
        QVERIFY(child<QLabel>(m_page.get(), "emailMessage")->isVisible());
        QVERIFY(!loginMessage->isVisible());
    }

    void validationRefusalIsGeneral()
    {
        fillValid();
        m_page->showError(Error::make(Error::Code::Validation, QStringLiteral("415")));
        auto *error = child<QLabel>(m_page.get(), "errorLabel");
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("The server did not accept the data entered."));
        QVERIFY(m_create->isEnabled());
    }

    void emailCodeStep()
    {
        QSignalSpy code(m_page.get(), &RegisterPage::emailCodeEntered);
        QSignalSpy back(m_page.get(), &RegisterPage::backRequested);
        m_page->showEmailCodeStep(QStringLiteral("alice@example.org"));
        QVERIFY(m_page->isEmailCodeStep());
        QCOMPARE(child<QStackedWidget>(m_page.get(), "stack")->currentWidget()->objectName(),
            QStringLiteral("codePage"));
        QCOMPARE(child<QLabel>(m_page.get(), "codeInfoLabel")->text(),
            QStringLiteral("We sent a code to alice@example.org. Enter it below."));

        auto *confirm = child<QPushButton>(m_page.get(), "confirmButton");
        auto *resend = child<QPushButton>(m_page.get(), "resendButton");
        QVERIFY(!confirm->isEnabled());
        QVERIFY(!resend->isEnabled());
        QCOMPARE(m_page->resendSecondsLeft(), RegisterPage::DefaultResendCooldownSeconds);
        QVERIFY(resend->text().contains(QStringLiteral("60")));
        saveScreenshot(m_page.get(), QStringLiteral("registerpage-code"));

        QTest::keyClicks(child<QLineEdit>(m_page.get(), "codeEdit"), QStringLiteral(" 123456 "));
        QVERIFY(confirm->isEnabled());
        QTest::mouseClick(confirm, Qt::LeftButton);
        QCOMPARE(code.size(), 1);
        QCOMPARE(code.at(0).at(0).toString(), QStringLiteral("123456"));

        m_page->showError(Error::make(Error::Code::Validation, QStringLiteral("bad code")));
        QVERIFY(child<QLabel>(m_page.get(), "codeErrorLabel")->isVisible());

        QTest::mouseClick(child<QPushButton>(m_page.get(), "backButton"), Qt::LeftButton);
        QCOMPARE(back.size(), 1);
        m_page->showDetailsStep();
        QVERIFY(!m_page->isEmailCodeStep());
    }

    void resendCooldown()
    {
        QSignalSpy resendSpy(m_page.get(), &RegisterPage::newEmailCodeRequested);
        m_page->setResendCooldown(1);
        m_page->showEmailCodeStep(QStringLiteral("a@example.org"));
        auto *resend = child<QPushButton>(m_page.get(), "resendButton");
        QVERIFY(!resend->isEnabled());
        QTest::mouseClick(resend, Qt::LeftButton);
        QCOMPARE(resendSpy.size(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(resend->isEnabled(), 3000);
        QCOMPARE(m_page->resendSecondsLeft(), 0);
        QTest::mouseClick(resend, Qt::LeftButton);
        QCOMPARE(resendSpy.size(), 1);
        QVERIFY(!resend->isEnabled()); // the cooldown starts again
    }

private:
    void fillValid()
    {
        QTest::keyClicks(
            child<QLineEdit>(m_page.get(), "loginEdit"), QStringLiteral("alice_b.c-d"));
        QTest::keyClicks(child<QLineEdit>(m_page.get(), "nameEdit"), QStringLiteral("Alice B."));
        QTest::keyClicks(
            child<QLineEdit>(m_page.get(), "emailEdit"), QStringLiteral("alice@example.org"));
        QTest::keyClicks(child<QLineEdit>(m_page.get(), "passwordEdit"), QStringLiteral("secret1"));
        QTest::keyClicks(child<QLineEdit>(m_page.get(), "confirmEdit"), QStringLiteral("secret1"));
    }

    std::unique_ptr<RegisterPage> m_page;
    QPushButton *m_create = nullptr;
};

QTEST_MAIN(TestRegisterPage)
#include "tst_registerpage.moc"
