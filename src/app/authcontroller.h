// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/signinflow.h"

#include <QObject>

namespace Natter {

class AccountManager;
class MainWindow;

/// Connects the sign-in pages to a SignInFlow and hands a signed-in account to the
/// AccountManager, asking where to keep the session when no keychain answers.
class AuthController : public QObject
{
    Q_OBJECT
public:
    AuthController(AccountManager &accounts, MainWindow &window, QObject *parent = nullptr);

    /// Shows the sign-in page with the profiles; `profileId` and `login` preselected.
    void showLogin(
        const QString &profileId = {}, const QString &login = {}, const Error &reason = {});
    /// Signs in without the form (the demo and --password-stdin).
    void signIn(const ServerProfile &profile, const QString &login, const QString &password);
    SignInFlow &flow() { return m_flow; }

Q_SIGNALS:
    /// An account was adopted and is now current.
    void signedIn(const QString &key);

private:
    void onSucceeded(const ServerProfile &profile, const Account &account);
    void onFailed(const Error &error);
    void onEmailCodeNeeded(const QString &email);
    void saveProfiles(const QList<ServerProfile> &profiles);
    void trustCertificate(const QString &profileId, const QString &sha256Hex);
    /// Asks where to keep the session when the keychain is missing; false when cancelled.
    bool askSecretPlace(SecretPlace *place);

    AccountManager &m_accounts;
    MainWindow &m_window;
    SignInFlow m_flow;
    bool m_remember = true;
    bool m_registering = false;
};

} // namespace Natter
