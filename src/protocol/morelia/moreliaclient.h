// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "moreliacodec.h"
#include "protocol/frameprogress.h"
#include "protocol/protocolclient.h"
#include "protocol/requesttracker.h"
#include "protocol/transport.h"

#include <QHash>

#include <functional>
#include <memory>

namespace Natter {

/// MoreliaTalk 1.0 over a message transport (a WebSocket in production), both dialects.
/// With Dialect::Auto the dialect is taken from the first answer to a `ping_pong` probe sent at
/// connect: an answer carrying jsonapi.revision means revision 17, any other answer (the July-2020
/// server refuses the unknown method with 400) means the July-2020 document.
class MoreliaClient : public ProtocolClient
{
    Q_OBJECT
public:
    /// Takes ownership of `transport`; a WebSocketTransport is made when it is null.
    explicit MoreliaClient(Morelia::Dialect dialect = Morelia::Dialect::Auto,
        Transport *transport = nullptr, QObject *parent = nullptr);
    ~MoreliaClient() override;

    /// The dialect in use: the forced one, the detected one, or Auto before detection.
    Morelia::Dialect dialect() const { return m_dialect; }
    /// How long the dialect probe may take before the July-2020 dialect is assumed.
    void setProbeTimeout(int ms) { m_probeTimeoutMs = ms; }

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

    /// Files come inline with messages: all_messages from just before a message's time
    /// carries them again.
    MediaRefetch mediaRefetch() const override { return MediaRefetch::ByMessages; }
    /// See the decision in moreliaclient.cpp: only a send not yet whole on the wire stops.
    void cancelRequest(RequestId id) override;

private:
    enum class Op {
        Probe,
        Register,
        Login,
        Profile,
        Flows,
        CreateFlow,
        Messages,
        Updates,
        Send,
        Edit,
        Delete,
        DeleteAccount,
        Ping
    };
    using Encoder = std::function<QJsonObject(Morelia::Dialect)>;
    struct Queued
    {
        RequestId id;
        Encoder encode;
    };

    RequestId submit(Op op, Encoder encode, QVariantHash context = {});
    RequestId failLater(Error error);
    void finishLater(RequestId id, std::function<void()> emitResult);
    void flushQueue();
    void transmit(RequestId id, const Encoder &encode);
    void setState(ConnectionState state);
    void onOpened();
    void onClosed(const Error &reason);
    void onFrame(const QByteArray &frame);
    void onTimedOut(const RequestTracker::Pending &request);
    void dispatch(const RequestTracker::Pending &request, const Morelia::Envelope &envelope);
    bool handleFailure(const RequestTracker::Pending &request, const Morelia::Envelope &envelope);
    void handlePush(const Morelia::Envelope &envelope);
    void finishProbe(Morelia::Dialect dialect);
    void fail(RequestId id, const Error &error);
    Morelia::SessionRef me() const;
    qint64 nowMs() const;

    std::unique_ptr<Transport> m_transport;
    std::unique_ptr<FrameProgress> m_progress; ///< upload progress of sends
    RequestTracker m_tracker;
    Morelia::Dialect m_forced;
    Morelia::Dialect m_dialect;
    ConnectionState m_state = ConnectionState::Disconnected;
    Account m_account;
    QList<Queued> m_queue; ///< made before the connection and dialect were ready
    QHash<RequestId, Encoder> m_encoders; ///< kept for the all_flow → all_chat retry
    QHash<QString, Flow::Type> m_flowTypes; ///< the July-2020 send_message wants the flow type
    bool m_legacyAllChat = false; ///< the server only knows the 19.07.2020 name
    bool m_probing = false;
    int m_probeTimeoutMs = 5000;
};

} // namespace Natter
