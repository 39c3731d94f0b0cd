// SPDX-License-Identifier: GPL-3.0-or-later
#include "authcontroller.h"

#include "core/logging.h"
#include "session/accountmanager.h"
#include "ui/errortext.h"
#include "ui/loginpage.h"
#include "ui/mainwindow.h"
#include "ui/registerpage.h"

#include <QMessageBox>
#include <QPushButton>

namespace Natter {

AuthController::AuthController(AccountManager &accounts, MainWindow &window, QObject *parent)
    : QObject(parent), m_accounts(accounts), m_window(window)
{
    LoginPage *login = m_window.loginPage();
    RegisterPage *reg = m_window.registerPage();
    connect(login, &LoginPage::loginRequested, this,
        [this](const ServerProfile &profile, const Credentials &credentials, bool remember) {
            m_remember = remember;
            m_registering = false;
            m_window.loginPage()->setBusy(true);
            m_flow.login(profile, credentials);
        });
    connect(login, &LoginPage::cancelRequested, this, [this] {
        m_flow.cancel();
        m_window.loginPage()->setBusy(false);
    });
    connect(login, &LoginPage::registrationWanted, this, [this](const ServerProfile &profile) {
        m_window.registerPage()->setProfile(profile);
        m_window.registerPage()->showDetailsStep();
        m_window.showRegistration();
    });
    connect(login, &LoginPage::profilesEdited, this, &AuthController::saveProfiles);
    connect(login, &LoginPage::certificateTrusted, this, &AuthController::trustCertificate);

    connect(reg, &RegisterPage::registrationRequested, this,
        [this](const ServerProfile &profile, const Credentials &credentials, bool remember) {
            m_remember = remember;
            m_registering = true;
            m_window.registerPage()->setBusy(true);
            m_flow.registerAccount(profile, credentials);
        });
    connect(reg, &RegisterPage::backRequested, this, [this] {
        m_flow.cancel();
        m_window.registerPage()->setBusy(false);
        m_window.showLogin();
    });
    connect(reg, &RegisterPage::signInWanted, this, [this] { m_window.showLogin(); });
    connect(reg, &RegisterPage::cancelRequested, this, [this] {
        m_flow.cancel();
        m_window.registerPage()->setBusy(false);
    });
    connect(reg, &RegisterPage::emailCodeEntered, this, [this](const QString &code) {
        m_window.registerPage()->setBusy(true);
        m_flow.submitEmailCode(code);
    });
    connect(reg, &RegisterPage::newEmailCodeRequested, &m_flow, &SignInFlow::requestNewEmailCode);

    connect(&m_flow, &SignInFlow::succeeded, this, &AuthController::onSucceeded);
    connect(&m_flow, &SignInFlow::failed, this, &AuthController::onFailed);
    connect(&m_flow, &SignInFlow::emailCodeNeeded, this, &AuthController::onEmailCodeNeeded);
    connect(&m_flow, &SignInFlow::emailCodeRefused, this, [this](const Error &error) {
        m_window.registerPage()->setBusy(false);
        m_window.registerPage()->showError(error);
    });
}

void AuthController::showLogin(const QString &profileId, const QString &login, const Error &reason)
{
    LoginPage *page = m_window.loginPage();
    page->setProfiles(m_accounts.registry().profiles(), profileId);
    if (!login.isEmpty())
        page->setLogin(login);
    page->setBusy(false);
    if (reason.isNone())
        page->clearError();
    else
        page->showError(reason);
    m_window.showLogin();
}

void AuthController::signIn(
    const ServerProfile &profile, const QString &login, const QString &password)
{
    showLogin(profile.id, login);
    m_remember = true;
    m_registering = false;
    m_window.loginPage()->setBusy(true);
    m_flow.login(profile, { login, password, {}, {} });
}

void AuthController::onEmailCodeNeeded(const QString &email)
{
    // A login can need the code too: the code step lives on the registration page.
    RegisterPage *page = m_window.registerPage();
    page->setProfile(m_flow.profile());
    page->setBusy(false);
    page->showEmailCodeStep(email);
    m_window.loginPage()->setBusy(false);
    m_window.showRegistration();
}

void AuthController::onSucceeded(const ServerProfile &profile, const Account &account)
{
    SecretPlace place = SecretPlace::Keychain;
    Error error = m_accounts.adopt(profile, account, m_remember, place);
    if (error.code == Error::Code::NoSecretStore) {
        qCWarning(lcSession) << "no keychain:" << error;
        if (!askSecretPlace(&place)) {
            onFailed(error);
            return;
        }
        error = m_accounts.adopt(profile, account, place != SecretPlace::Memory, place);
    }
    m_window.loginPage()->setBusy(false);
    m_window.registerPage()->setBusy(false);
    if (!error.isNone()) {
        onFailed(error);
        return;
    }
    Q_EMIT signedIn(m_accounts.currentKey());
}

void AuthController::onFailed(const Error &error)
{
    if (m_registering && m_window.registerPage()->isVisible()) {
        m_window.registerPage()->setBusy(false);
        m_window.registerPage()->showError(error);
        return;
    }
    m_window.loginPage()->setBusy(false);
    m_window.loginPage()->showError(error);
    m_window.showLogin();
}

bool AuthController::askSecretPlace(SecretPlace *place)
{
    QMessageBox box(QMessageBox::Warning, tr("No keychain available"),
        tr("Natter keeps your session in the system keychain, but none is answering (on Linux: "
           "a Secret Service such as GNOME Keyring or KWallet)."),
        QMessageBox::NoButton, &m_window);
    box.setInformativeText(tr("You can stay signed in for this session only, or keep the session "
                              "in a file that is not encrypted. Anyone who can read your files "
                              "could then use your account."));
    QPushButton *memory = box.addButton(tr("This session only"), QMessageBox::AcceptRole);
    QPushButton *file = box.addButton(tr("Store unencrypted"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(memory);
    box.exec();
    if (box.clickedButton() == memory) {
        *place = SecretPlace::Memory;
        return true;
    }
    if (box.clickedButton() == file) {
        *place = SecretPlace::InsecureFile;
        return true;
    }
    return false;
}

void AuthController::saveProfiles(const QList<ServerProfile> &profiles)
{
    AccountRegistry &registry = m_accounts.registry();
    for (const ServerProfile &old : registry.profiles()) {
        const bool kept = std::any_of(profiles.begin(), profiles.end(),
            [&](const ServerProfile &p) { return p.id == old.id; });
        if (!kept)
            registry.removeProfile(old.id);
    }
    for (const ServerProfile &p : profiles)
        registry.upsertProfile(p);
    if (Error e = registry.save(); !e.isNone())
        m_window.loginPage()->showError(e);
}

void AuthController::trustCertificate(const QString &profileId, const QString &sha256Hex)
{
    AccountRegistry &registry = m_accounts.registry();
    ServerProfile profile = registry.profile(profileId);
    if (!profile.isValid())
        return;
    profile.pinnedCertificate = sha256Hex;
    registry.upsertProfile(profile);
    registry.save();
    m_window.loginPage()->setProfiles(registry.profiles(), profileId);
    m_window.loginPage()->clearError();
}

} // namespace Natter
