// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/attachment.h"
#include "models/flowlistmodel.h"
#include "models/messagelistmodel.h"
#include "protocol/protocolclient.h"

#include <QObject>
#include <QPointer>

namespace Natter {

class AccountCache;
class AccountManager;
class MainWindow;
class Session;

/// The chats of the current account on screen: binds the flow and message models to its cache
/// and turns what the chat list, the message pane, the search panel, the quick switcher and
/// the new-chat dialog ask for into Session calls.
class ChatController : public QObject
{
    Q_OBJECT
public:
    ChatController(AccountManager &accounts, MainWindow &window, QObject *parent = nullptr);
    ~ChatController() override;

    /// Re-binds everything to the current account (none: clears).
    void bindCurrentAccount();
    void openFlow(const QString &flowId);
    QString openFlowId() const { return m_openFlow; }
    FlowListModel &flows() { return m_flows; }
    MessageListModel &messages() { return m_messages; }
    void showSearch();
    void showQuickSwitcher();
    void newFlow(bool group);

Q_SIGNALS:
    /// The chat in view changed ("" for none).
    void openFlowChanged(const QString &flowId);
    /// Something went wrong that the user should read (worded by ErrorText).
    void errorShown(const Natter::Error &error);

private:
    void connectWidgets();
    void connectSession(Session *session);
    void send(const QString &flowId, const QString &text, const QList<Attachment> &attachments,
        const QString &replyToId);
    void setBlockedForOpenFlow(bool block);
    void setMuted(bool mute);
    void markOpenFlowRead();
    void jumpTo(const QString &flowId, const QString &messageKey);
    QString otherMember(const QString &flowId) const;
    QString subtitleFor(const Flow &flow) const;
    /// The open chat's title, photo and subtitle from the cache.
    void refreshHeader();
    void updateBanner();
    AccountCache *cache() const;
    Session *session() const;

    AccountManager &m_accounts;
    MainWindow &m_window;
    FlowListModel m_flows;
    MessageListModel m_messages;
    QString m_openFlow;
    QPointer<Session> m_session;
    QList<QMetaObject::Connection> m_sessionConnections;
    RequestId m_searchRequest = 0;
    RequestId m_createRequest = 0;
};

} // namespace Natter
