// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/notifier.h"
#include "ui/trayicon.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

namespace Natter {

class AccountManager;
class AppSettings;
class ChatController;
class MainWindow;
class Session;

/// New messages to desktop notifications, and the unread count to the tray icon.
class NotificationController : public QObject
{
    Q_OBJECT
public:
    NotificationController(AccountManager &accounts, MainWindow &window, ChatController &chats,
        AppSettings &settings, QObject *parent = nullptr);

    void bindCurrentAccount();
    TrayIcon &tray() { return m_tray; }
    Notifier &notifier() { return m_notifier; }

private:
    void onInserted(const QString &flowId, const QStringList &keys);
    void updateUnread();
    void updateViewState();

    AccountManager &m_accounts;
    MainWindow &m_window;
    ChatController &m_chats;
    Notifier m_notifier;
    TrayIcon m_tray;
    QList<QMetaObject::Connection> m_connections;
    qint64 m_boundAt = 0; ///< messages older than this are history, never notified
};

} // namespace Natter
