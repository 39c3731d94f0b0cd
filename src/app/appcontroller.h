// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "authcontroller.h"
#include "chatcontroller.h"
#include "contactscontroller.h"
#include "mediacontroller.h"
#include "notificationcontroller.h"
#include "secrets/secretstore.h"
#include "session/accountmanager.h"
#include "ui/appsettings.h"
#include "ui/mainwindow.h"

#include <QObject>

#include <memory>

namespace Natter {

/// The composition root: builds the settings, the secret store, the accounts, the window and
/// the controllers that connect them, and decides what the user sees at start.
class AppController : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString dataDir; ///< empty: the platform's data folder
        QString server; ///< select (or add) this server on the sign-in page
        QString protocol = QStringLiteral("auto");
        QString login;
        QString password; ///< non-empty: sign in at once (the demo)
        QString screenshot; ///< save the main window here once synced, then quit
        bool startMinimized = false;
        QString settingsFile; ///< tests: an INI file instead of the user's settings
    };

    explicit AppController(Options options, QObject *parent = nullptr);
    ~AppController() override;

    /// Shows the window (or the tray) and resumes the last account; 0, or an exit code.
    int start();

    MainWindow &window() { return *m_window; }
    AccountManager &accounts() { return *m_accounts; }
    ChatController &chats() { return *m_chats; }
    AuthController &auth() { return *m_auth; }
    AppSettings &settings() { return *m_settings; }

private:
    void applySettings(const QString &key);
    ServerProfile profileForOptions();
    void onCurrentAccountChanged();
    void onSignInNeeded(const QString &key);
    void showProfile();
    void showSettings();
    void logout();
    void showError(const Error &error);
    void takeScreenshotWhenReady();
    void quit();

    Options m_options;
    std::unique_ptr<AppSettings> m_settings;
    SecretStore m_secrets;
    std::unique_ptr<AccountManager> m_accounts;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<AuthController> m_auth;
    std::unique_ptr<ChatController> m_chats;
    std::unique_ptr<ContactsController> m_contacts;
    std::unique_ptr<NotificationController> m_notifications;
    std::unique_ptr<MediaController> m_media;
};

} // namespace Natter
