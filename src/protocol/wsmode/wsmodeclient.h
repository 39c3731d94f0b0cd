// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/frameprogress.h"
#include "protocol/protocolclient.h"
#include "protocol/requesttracker.h"
#include "protocol/transport.h"
#include "wsmodecodec.h"

#include <QHash>
#include <QTimer>

#include <functional>
#include <memory>

namespace Natter {

/// The WS-server "mode" protocol (PROTOCOLS.md section 2) over a message transport.
///
/// Wire decisions (see also wsmodecodec.h):
/// - Answers carry no request id: each wire frame is correlated FIFO with the oldest outstanding
///   frame of the same mode. A `sendMessage` frame carrying `messages`, and a `getMessages` frame
///   nobody asked for (or for another chat), are pushes: messagesReceived(0, …).
/// - One public request may take several frames: a message with text and attachments is sent as
///   one frame per piece (text first, then each attachment with its MIME type and base64 bytes);
///   fetchUpdates is getChats followed by getMessages for every chat whose last_message_time is at
///   or after `sinceMs`. The request finishes when every frame was answered and fails with the
///   first failure (pieces already sent stay sent).
/// - A stored token (setAccount) is checked with checkToken before the connection counts as
///   Connected; a 401 makes every request that needs the token fail with SessionExpired until the
///   next login. A server without checkToken (501, 004 marks it unimplemented) is trusted.
/// - While connected, checkConnection is sent every keepAliveInterval (30 s); an unanswered one
///   closes the connection.
/// - No mode returns the caller's id: after auth/register the client reads getChats before it
///   reports the login, so a user with chats gets the numeric id their chat_members name; a user
///   without any is known by the username until a chat or a message from us names the id.
/// - capabilities().groups is true once the server showed a group chat; a 501 to
///   sendGroupMessage (a 004 server) turns it off again.
class WsModeClient : public ProtocolClient
{
    Q_OBJECT
public:
    /// Takes ownership of `transport`; a WebSocketTransport is made when it is null.
    explicit WsModeClient(Transport *transport = nullptr, QObject *parent = nullptr);
    ~WsModeClient() override;

    /// Interval of the checkConnection keep-alive; 0 turns it off.
    void setKeepAliveInterval(int ms);

    void connectToServer(const QUrl &url) override;
    void disconnectFromServer() override;
    ConnectionState connectionState() const override { return m_state; }
    Capabilities capabilities() const override;
    QString protocolName() const override;

    void setAccount(const Account &account) override;
    Account account() const override { return m_account; }

    RequestId registerAccount(const Credentials &credentials) override;
    RequestId login(const Credentials &credentials) override;
    RequestId logout() override;
    RequestId fetchProfile(const QString &userId = {}) override;
    RequestId fetchFlows() override;
    RequestId createFlow(const NewFlow &flow) override;
    RequestId fetchMessages(const QString &flowId, qint64 sinceMs) override;
    RequestId fetchUpdates(qint64 sinceMs) override;
    RequestId sendMessage(const QString &flowId, const QString &text,
        const QList<Attachment> &attachments, qint64 clientId) override;
    RequestId editMessage(
        const QString &flowId, const QString &messageId, const QString &text) override;
    RequestId deleteMessage(const QString &flowId, const QString &messageId) override;
    RequestId deleteAccount(const Credentials &credentials) override;
    RequestId ping() override;
    RequestId recoverAccount(const QString &login, const QString &knownData, bool isEmail) override;

    /// getMessages returns a chat's messages with their content inline again.
    MediaRefetch mediaRefetch() const override { return MediaRefetch::ByMessages; }
    /// See the decision in wsmodeclient.cpp: only a send not yet whole on the wire stops.
    void cancelRequest(RequestId id) override;

protected:
    RequestId allocateRequestId() override { return m_tracker.nextId(); }

private:
    enum class Op {
        TokenCheck,
        KeepAlive,
        Register,
        Login,
        LoginChats,
        Logout,
        Recovery,
        Flows,
        CreateFlow,
        Messages,
        UpdateChats,
        UpdateMessages,
        Send,
        Ping
    };
    using Encoder = std::function<QJsonObject()>;
    /// A public request and what its frames gathered so far.
    struct Batch
    {
        Op op = Op::Ping;
        int pending = 0;
        qint64 sinceMs = 0;
        qint64 clientId = 0;
        qint64 serverTimeMs = 0;
        QString chatId;
        QString login;
        QList<Flow> flows;
        QList<Message> messages;
    };
    struct Queued
    {
        RequestId part;
        Encoder encode;
    };

    RequestId start(Batch batch, const QList<Encoder> &frames, bool needsToken = true);
    void addPart(RequestId parent, Op op, const Encoder &encode, const QVariantHash &extra = {});
    void transmit(RequestId part, const Encoder &encode);
    RequestId failLater(const Error &error);
    void failBatch(RequestId parent, const Error &error);
    void partDone(RequestId parent);
    void finishBatch(RequestId parent);
    void setState(ConnectionState state);
    void becomeConnected();
    void onOpened();
    void onClosed(const Error &reason);
    void onFrame(const QByteArray &frame);
    void onTimedOut(const RequestTracker::Pending &request);
    void dispatch(const RequestTracker::Pending &part, const WsMode::Frame &frame);
    void handleChats(RequestId parent, Batch &batch, const WsMode::Frame &frame);
    void handlePush(const WsMode::Frame &frame);
    void learnIdentity(const QList<Flow> &flows, const QList<WsMode::Member> &members);
    void learnIdentity(const QList<Message> &messages);
    void noteMessages(const QList<Message> &messages);
    std::optional<qint64> minMessageId(const QString &chatId, qint64 sinceMs) const;
    bool isPush(
        const WsMode::Frame &frame, const std::optional<RequestTracker::Pending> &oldest) const;
    Error tokenRefused() const;
    static qint64 nowMs();

    std::unique_ptr<Transport> m_transport;
    std::unique_ptr<FrameProgress> m_progress; ///< upload progress of sends, by public id
    RequestTracker m_tracker;
    QTimer m_keepAlive;
    ConnectionState m_state = ConnectionState::Disconnected;
    Account m_account;
    QHash<RequestId, Batch> m_batches;
    QList<Queued> m_queue; ///< parts made before the connection was ready
    QHash<QString, Flow::Type> m_chatTypes; ///< sendGroupMessage goes to group chats
    QHash<QString, qint64> m_maxMessageId; ///< newest real message id seen per chat
    bool m_tokenRefused = false;
    bool m_groups = false;
};

} // namespace Natter
