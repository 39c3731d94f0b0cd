// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

namespace Natter {

class AccountManager;
class AppSettings;
class MainWindow;
class Session;
class SettingsDialog;

/// Media transfers and the media cache on screen: the current session's transfer progress
/// goes to the message pane's rings, the pane's cancel and download clicks go to the session,
/// the cache limit follows the settings, and the settings dialog clears the cache.
class MediaController : public QObject
{
    Q_OBJECT
public:
    MediaController(AccountManager &accounts, MainWindow &window, AppSettings &settings,
        QObject *parent = nullptr);
    ~MediaController() override;

    /// Shows the current account's cache size in `dialog` and clears it on request.
    void attachSettings(SettingsDialog &dialog);

private:
    void bindCurrentAccount();
    void applyLimit();

    AccountManager &m_accounts;
    MainWindow &m_window;
    AppSettings &m_settings;
    QPointer<Session> m_session;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace Natter
