// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/memberlistmodel.h"
#include "protocol/protocolclient.h"

#include <QObject>
#include <QPointer>

namespace Natter {

class AccountManager;
class GroupInfoDialog;
class MainWindow;
class Session;

/// The group info dialog of the open chat: opened from the message pane's header or the Chat
/// menu, fed from the cache (flow and MemberListModel), its requests sent through the Session.
/// One request at a time; the dialog is busy until the session reports it finished.
class GroupController : public QObject
{
    Q_OBJECT
public:
    GroupController(AccountManager &accounts, MainWindow &window, QObject *parent = nullptr);
    ~GroupController() override;

    /// Opens (or raises) the dialog for the chat in view; nothing when it is not a group.
    void show();
    GroupInfoDialog *dialog() const;
    MemberListModel &members() { return m_members; }

private:
    void bindCurrentAccount();
    void refreshFlow();
    /// Sends one request (`send` returns its id or why it could not start).
    template <typename Send>
    void run(Send send);
    void onFinished(RequestId id, const QString &flowId, const Error &error);
    QStringList completions() const;

    AccountManager &m_accounts;
    MainWindow &m_window;
    MemberListModel m_members;
    QPointer<GroupInfoDialog> m_dialog;
    QPointer<Session> m_session;
    QList<QMetaObject::Connection> m_connections;
    RequestId m_pending = 0;
};

} // namespace Natter
