// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../store.h"
#include "../websocketbackend.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>

namespace Natter::Testing {

/// The WS-server "mode" protocol (seeds 004, plus recovery and sendGroupMessage from the 002
/// draft) served from the shared Store: flat frames {mode, timestamp, status, token, …}.
///
/// - Ids are the Store's integers: users, chats (flows) and messages. Messages carry no id on the
///   wire (faithful to the document) unless setSendMessageIds(true).
/// - Each user is one name: `username` is the Store login (from_name, chat_members).
///   Store flows of type chat are `personal`; group and channel flows are `group`. A personal
///   chat's chat_name is the other member's username.
/// - A new message is pushed to every other connected socket of the chat's members as
///   {mode "sendMessage", status 200, chat_id, messages [message]}; the sender gets the plain
///   sendMessage answer. A socket belongs to a user once a request on it carried a valid token
///   (or it logged in or registered).
/// - Statuses: 200; 401 bad token / wrong password; 403 more than maxTokensPerUser live tokens;
///   409 name or email taken (register), contact not found (createChat), no matching account
///   (recovery); 422 missing or malformed fields; 423 not a member of the chat; 501 unknown mode
///   (and sendGroupMessage when group messages are disabled, as in 004).
/// - Non-text content is the MIME type with base64 bytes; the MIME is kept per message in
///   memory, messages from the store (demo data) get theirs sniffed from the bytes.
class WsModeBackend final : public WebSocketBackend
{
    Q_OBJECT
public:
    explicit WsModeBackend(Store &store, QObject *parent = nullptr);
    ~WsModeBackend() override;

    /// Live tokens a user may hold; one more login answers 403. Default 8.
    void setMaxTokensPerUser(int count) { m_maxTokens = count; }
    /// Put `message_id` on every message (default false: the document has no ids).
    void setSendMessageIds(bool send) { m_sendIds = send; }
    /// Serve the draft's sendGroupMessage (default true); false answers 501 like a 004 server.
    void setGroupMessagesEnabled(bool enabled) { m_groupMessages = enabled; }
    /// Write `status` as a string ('200', as the 004 examples do) instead of a number.
    void setStatusAsString(bool asString) { m_statusStrings = asString; }

    QString wireUserId(const UserRow &user) const override;
    QString wireFlowId(const FlowRow &flow) const override;
    QString wireMessageId(const MessageRow &message) const override;
    std::optional<FlowRow> flowByWireId(const QString &id) const override;

protected:
    void handleFrame(QWebSocket *socket, const QByteArray &frame) override;

private:
    using Handler = QJsonObject (WsModeBackend::*)(QWebSocket *, const QJsonObject &);
    /// A failed check carries the answer to send instead.
    struct Check
    {
        std::optional<UserRow> user;
        QJsonObject failure;
    };

    QJsonObject reply(const QString &mode, int status, const QJsonObject &fields = {},
        const QString &detail = {}) const;
    /// 422 naming the first of `fields` missing from `request`, or an empty object.
    QJsonObject missing(const QJsonObject &request, const QStringList &fields) const;
    Check authenticate(QWebSocket *socket, const QJsonObject &request);
    Check member(QWebSocket *socket, const QJsonObject &request, std::optional<FlowRow> *flow);
    QString issueToken(QWebSocket *socket, qint64 userId);
    void bind(QWebSocket *socket, qint64 userId);

    QJsonObject checkConnection(QWebSocket *socket, const QJsonObject &request);
    QJsonObject checkToken(QWebSocket *socket, const QJsonObject &request);
    QJsonObject auth(QWebSocket *socket, const QJsonObject &request);
    QJsonObject registerUser(QWebSocket *socket, const QJsonObject &request);
    QJsonObject recovery(QWebSocket *socket, const QJsonObject &request);
    QJsonObject logout(QWebSocket *socket, const QJsonObject &request);
    QJsonObject createChat(QWebSocket *socket, const QJsonObject &request);
    QJsonObject getChats(QWebSocket *socket, const QJsonObject &request);
    QJsonObject getMessages(QWebSocket *socket, const QJsonObject &request);
    QJsonObject sendMessage(QWebSocket *socket, const QJsonObject &request);

    QJsonObject chatJson(const FlowRow &flow, qint64 viewerId) const;
    QJsonObject messageJson(const MessageRow &message) const;
    void push(const FlowRow &flow, const MessageRow &message, QWebSocket *except);

    QHash<QString, Handler> m_handlers;
    QHash<qint64, QStringList> m_liveTokens; ///< user → tokens issued here and not logged out
    QSet<QString> m_revoked;
    QHash<QWebSocket *, qint64> m_socketUsers;
    QHash<qint64, QString> m_contentTypes; ///< message id → MIME of non-text content
    int m_maxTokens = 8;
    bool m_sendIds = false;
    bool m_groupMessages = true;
    bool m_statusStrings = false;
};

} // namespace Natter::Testing
