// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/authstyle.h"
#include "ui/certificatedialog.h"
#include "ui/errortext.h"
#include "ui/loginpage.h"
#include "ui/serverprofiledialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

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

QList<ServerProfile> twoProfiles()
{
    ServerProfile local;
    local.id = QStringLiteral("local");
    local.name = QStringLiteral("Local demo");
    local.url = QStringLiteral("ws://127.0.0.1:8080");
    ServerProfile distet;
    distet.id = QStringLiteral("distet");
    distet.name = QStringLiteral("DisTet");
    distet.url = QStringLiteral("https://distet.example.org");
    distet.protocol = QStringLiteral("distet");
    return { local, distet };
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("NATTER_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents(); // let pending layout requests settle, as a real loop would
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace

class TestLoginPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_page = std::make_unique<LoginPage>();
        m_page->resize(560, 720);
        m_page->setProfiles(twoProfiles(), QStringLiteral("local"));
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_login = child<QLineEdit>(m_page.get(), "loginEdit");
        m_password = child<QLineEdit>(m_page.get(), "passwordEdit");
        m_signIn = child<QPushButton>(m_page.get(), "signInButton");
    }
    void cleanup() { m_page.reset(); }

    void profilesShowNamesAndSelectCurrent()
    {
        auto *combo = child<QComboBox>(m_page.get(), "profileCombo");
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->itemText(1), QStringLiteral("DisTet"));
        QCOMPARE(combo->itemData(1, Qt::ToolTipRole).toString(),
            QStringLiteral("https://distet.example.org"));
        QCOMPARE(m_page->currentProfile().id, QStringLiteral("local"));
        m_page->setProfiles(twoProfiles(), QStringLiteral("distet"));
        QCOMPARE(m_page->currentProfile(), twoProfiles().at(1));
        m_page->setProfiles(twoProfiles(), QStringLiteral("no such id"));
        QCOMPARE(m_page->currentProfile().id, QStringLiteral("local"));
    }

    void signInNeedsLoginAndPassword()
    {
        QVERIFY(!m_signIn->isEnabled());
        QTest::keyClicks(m_login, QStringLiteral("alice"));
        QVERIFY(!m_signIn->isEnabled());
        QTest::keyClicks(m_password, QStringLiteral("secret"));
        QVERIFY(m_signIn->isEnabled());
        m_login->selectAll();
        QTest::keyClick(m_login, Qt::Key_Backspace);
        QVERIFY(!m_signIn->isEnabled());
        // Blanks are not a login.
        QTest::keyClicks(m_login, QStringLiteral("   "));
        QVERIFY(!m_signIn->isEnabled());
        // No profile at all: nothing to sign in to.
        QTest::keyClicks(m_login, QStringLiteral("alice"));
        QVERIFY(m_signIn->isEnabled());
        m_page->setProfiles({}, {});
        QVERIFY(!m_signIn->isEnabled());
    }

    void loginRequestedCarriesWhatWasTyped()
    {
        QSignalSpy spy(m_page.get(), &LoginPage::loginRequested);
        m_page->setProfiles(twoProfiles(), QStringLiteral("distet"));
        QTest::keyClicks(m_login, QStringLiteral("  alice "));
        QTest::keyClicks(m_password, QStringLiteral(" pa ss "));
        child<QCheckBox>(m_page.get(), "rememberCheck")->setChecked(false);
        QTest::mouseClick(m_signIn, Qt::LeftButton);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<ServerProfile>(), twoProfiles().at(1));
        const auto credentials = spy.at(0).at(1).value<Credentials>();
        QCOMPARE(credentials.login, QStringLiteral("alice"));
        QCOMPARE(credentials.password, QStringLiteral(" pa ss ")); // passwords are not trimmed
        QVERIFY(credentials.email.isEmpty());
        QCOMPARE(spy.at(0).at(2).toBool(), false);

        m_page->setRemember(true);
        QTest::mouseClick(m_signIn, Qt::LeftButton);
        QCOMPARE(spy.size(), 2);
        QCOMPARE(spy.at(1).at(2).toBool(), true);
    }

    void enterSignsIn()
    {
        QSignalSpy spy(m_page.get(), &LoginPage::loginRequested);
        m_page->setLogin(QStringLiteral("bob"));
        QCOMPARE(m_login->text(), QStringLiteral("bob"));
        QTest::keyClick(m_password, Qt::Key_Return);
        QCOMPARE(spy.size(), 0); // no password yet
        QTest::keyClicks(m_password, QStringLiteral("hunter2"));
        QTest::keyClick(m_password, Qt::Key_Return);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(1).value<Credentials>().login, QStringLiteral("bob"));
        QTest::keyClick(m_login, Qt::Key_Enter);
        QCOMPARE(spy.size(), 2);
    }

    void busyDisablesInputsAndCancels()
    {
        QSignalSpy login(m_page.get(), &LoginPage::loginRequested);
        QSignalSpy cancel(m_page.get(), &LoginPage::cancelRequested);
        QTest::keyClicks(m_login, QStringLiteral("alice"));
        QTest::keyClicks(m_password, QStringLiteral("secret"));
        m_page->setBusy(true);
        QVERIFY(m_page->isBusy());
        QVERIFY(!m_login->isEnabled());
        QVERIFY(!m_password->isEnabled());
        QVERIFY(!child<QComboBox>(m_page.get(), "profileCombo")->isEnabled());
        QVERIFY(!child<QCheckBox>(m_page.get(), "rememberCheck")->isEnabled());
        QVERIFY(!child<QPushButton>(m_page.get(), "createAccountButton")->isEnabled());
        QVERIFY(child<QProgressBar>(m_page.get(), "progressBar")->isVisible());
        QVERIFY(child<QLabel>(m_page.get(), "busyLabel")->isVisible());
        QVERIFY(!m_signIn->isVisible());
        QTest::keyClick(m_password, Qt::Key_Return);
        QCOMPARE(login.size(), 0);
        saveScreenshot(m_page.get(), QStringLiteral("loginpage-busy"));

        auto *cancelButton = child<QPushButton>(m_page.get(), "cancelButton");
        QVERIFY(cancelButton->isVisible());
        QTest::mouseClick(cancelButton, Qt::LeftButton);
        QCOMPARE(cancel.size(), 1);
        QTest::keyClick(m_page.get(), Qt::Key_Escape);
        QCOMPARE(cancel.size(), 2);

        m_page->setBusy(false);
        QVERIFY(m_login->isEnabled());
        QVERIFY(m_signIn->isVisible() && m_signIn->isEnabled());
        QVERIFY(!cancelButton->isVisible());
        QVERIFY(!child<QProgressBar>(m_page.get(), "progressBar")->isVisible());
    }

    void wrongCredentialsAreWorded()
    {
        m_page->setBusy(true);
        const Error error = Error::make(Error::Code::WrongCredentials, QStringLiteral("401"));
        m_page->showError(error);
        QVERIFY(!m_page->isBusy());
        auto *label = child<QLabel>(m_page.get(), "errorLabel");
        QVERIFY(label->isVisible());
        QVERIFY(label->text().contains(QStringLiteral("Wrong login or password.")));
        QCOMPARE(label->text(), ErrorText::full(error));
        QVERIFY(label->wordWrap());
        QVERIFY(!child<QPushButton>(m_page.get(), "certificateButton")->isVisible());
        QVERIFY(label->palette().color(QPalette::WindowText)
            != m_page->palette().color(QPalette::WindowText));
        saveScreenshot(m_page.get(), QStringLiteral("loginpage-error"));

        // Typing answers the error.
        QTest::keyClicks(m_password, QStringLiteral("x"));
        QVERIFY(!label->isVisible());
    }

    void tlsErrorOffersCertificate()
    {
        m_page->showError(Error::make(Error::Code::TlsFailure,
            QStringLiteral("The certificate is self-signed, and untrusted")));
        auto *link = child<QPushButton>(m_page.get(), "certificateButton");
        QVERIFY(link->isVisible());
        QVERIFY(child<QLabel>(m_page.get(), "errorLabel")
                    ->text()
                    .contains(QStringLiteral("certificate")));
        m_page->clearError();
        QVERIFY(!link->isVisible());
        QVERIFY(!child<QLabel>(m_page.get(), "errorLabel")->isVisible());
    }

    void passwordEyeTogglesEcho()
    {
        QCOMPARE(m_password->echoMode(), QLineEdit::Password);
        const QList<QAction *> actions = m_password->actions();
        QCOMPARE(actions.size(), 1);
        actions.first()->trigger();
        QCOMPARE(m_password->echoMode(), QLineEdit::Normal);
        actions.first()->trigger();
        QCOMPARE(m_password->echoMode(), QLineEdit::Password);
    }

    void createAccountCarriesProfile()
    {
        QSignalSpy spy(m_page.get(), &LoginPage::registrationWanted);
        m_page->setProfiles(twoProfiles(), QStringLiteral("distet"));
        QTest::mouseClick(child<QPushButton>(m_page.get(), "createAccountButton"), Qt::LeftButton);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<ServerProfile>().id, QStringLiteral("distet"));
    }

    void editServersUpdatesTheList()
    {
        QSignalSpy spy(m_page.get(), &LoginPage::profilesEdited);
        QString addedId;
        QTimer::singleShot(0, this, [&addedId] {
            auto *dialog = qobject_cast<ServerProfileDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->addProfile();
            addedId = dialog->currentId();
            QTest::keyClicks(
                child<QLineEdit>(dialog, "urlEdit"), QStringLiteral("wss://new.example"));
            dialog->accept();
        });
        QTest::mouseClick(child<QPushButton>(m_page.get(), "editServersButton"), Qt::LeftButton);
        QCOMPARE(spy.size(), 1);
        const auto edited = spy.at(0).at(0).value<QList<ServerProfile>>();
        QCOMPARE(edited.size(), 3);
        QCOMPARE(edited.at(2).url, QStringLiteral("wss://new.example"));
        QCOMPARE(m_page->currentProfile().id, addedId);
        QCOMPARE(child<QComboBox>(m_page.get(), "profileCombo")->count(), 3);
    }

    void trustingTheCertificatePinsIt()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("openssl is not installed");
        QTemporaryDir dir;
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
            { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                QStringLiteral("/CN=localhost"), QStringLiteral("-days"), QStringLiteral("2"),
                QStringLiteral("-keyout"), dir.filePath(QStringLiteral("ui-login.key")),
                QStringLiteral("-out"), dir.filePath(QStringLiteral("ui-login.pem")) });
        QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
        QFile file(dir.filePath(QStringLiteral("ui-login.pem")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pem = file.readAll();
        const QString expected
            = QString::fromLatin1(QSslCertificate(pem).digest(QCryptographicHash::Sha256).toHex());

        QSignalSpy spy(m_page.get(), &LoginPage::certificateTrusted);
        m_page->showError(
            Error::make(Error::Code::TlsFailure, QStringLiteral("self-signed"), 0, pem));
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<CertificateDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QTest::mouseClick(child<QPushButton>(dialog, "trustButton"), Qt::LeftButton);
        });
        QTest::mouseClick(child<QPushButton>(m_page.get(), "certificateButton"), Qt::LeftButton);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("local"));
        QCOMPARE(spy.at(0).at(1).toString(), expected);
        QCOMPARE(m_page->currentProfile().pinnedCertificate, expected);
        QVERIFY(!child<QLabel>(m_page.get(), "errorLabel")->isVisible());
    }

    void retranslationKeepsTheError()
    {
        const Error error = Error::make(Error::Code::Timeout, QString());
        m_page->showError(error);
        QEvent change(QEvent::LanguageChange);
        QApplication::sendEvent(m_page.get(), &change);
        QCOMPARE(child<QLabel>(m_page.get(), "errorLabel")->text(), ErrorText::full(error));
        QCOMPARE(
            child<QPushButton>(m_page.get(), "signInButton")->text(), QStringLiteral("Sign in"));
    }

    void followsPaletteChanges()
    {
        m_page->showError(Error::make(Error::Code::Timeout, QString()));
        auto *label = child<QLabel>(m_page.get(), "errorLabel");
        auto *link = child<QPushButton>(m_page.get(), "createAccountButton");
        QPalette dark = m_page->palette();
        dark.setColor(QPalette::Window, QColor(0x1e, 0x1f, 0x22));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Link, QColor(0x7a, 0xb0, 0xff));
        const QPalette original = QApplication::palette();
        const auto restore = qScopeGuard([&original] {
            QApplication::setPalette(original);
            QCoreApplication::processEvents();
        });
        QApplication::setPalette(dark);
        QCoreApplication::processEvents(); // Qt delivers the change as posted events
        const QColor darkRed = AuthStyle::errorColour(dark);
        QVERIFY(darkRed != AuthStyle::errorColour(QPalette(Qt::white)));
        QCOMPARE(label->palette().color(QPalette::WindowText), darkRed);
        QCOMPARE(link->palette().color(QPalette::ButtonText), QColor(0x7a, 0xb0, 0xff));
    }

    void screenshot() { saveScreenshot(m_page.get(), QStringLiteral("loginpage")); }

private:
    std::unique_ptr<LoginPage> m_page;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_signIn = nullptr;
};

QTEST_MAIN(TestLoginPage)
#include "tst_loginpage.moc"
