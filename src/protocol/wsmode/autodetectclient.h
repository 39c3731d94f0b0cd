// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocolclient.h"
#include "protocol/transport.h"

#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace Natter {

/// What "auto" makes of a ws:// or wss:// server: it opens a probe connection, sends a "mode"
/// checkConnection and reads the first answer. A flat frame with a `mode` is the WS-server mode
/// protocol; an envelope with `type`/`jsonapi` (MoreliaTalk refuses the frame with 400), a closed
/// socket or no answer within the probe timeout means MoreliaTalk, whose client then detects its
/// own dialect. The probe connection is closed and the chosen client connects afresh; every
/// call and signal is then passed through to it. A reconnect to the same URL skips the probe.
class AutoDetectClient : public ProtocolClient
{
    Q_OBJECT
public:
    enum class Backend { WsMode, Morelia };
    using Factory = std::function<std::unique_ptr<ProtocolClient>(Backend)>;
    using TransportFactory = std::function<Transport *()>;

    /// `factory` makes the chosen client (default: WsModeClient, MoreliaClient(Auto));
    /// `probeTransport` makes the probe's connection (default: a WebSocketTransport).
    explicit AutoDetectClient(
        Factory factory = {}, TransportFactory probeTransport = {}, QObject *parent = nullptr);
    ~AutoDetectClient() override;

    void setProbeTimeout(int ms) { m_probeTimeoutMs = ms; }
    /// The backend found, nullopt before the probe ended.
    std::optional<Backend> detected() const { return m_detected; }
    ProtocolClient *delegate() const { return m_delegate.get(); }

    void connectToServer(const QUrl &url) override;
    void disconnectFromServer() override;
    ConnectionState connectionState() const override;
    Capabilities capabilities() const override;
    QString protocolName() const override;

    void setAccount(const Account &account) override;
    Account account() const override;

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
    MediaRefetch mediaRefetch() const override;
    void cancelRequest(RequestId id) override;
    RequestId fetchMedia(const QString &reference) override;

private:
    template <typename Call>
    RequestId forward(Call call);
    void startProbe();
    void endProbe();
    void onProbeFrame(const QByteArray &frame);
    void decide(Backend backend);
    void adopt(std::unique_ptr<ProtocolClient> client);
    void setState(ConnectionState state);

    Factory m_factory;
    TransportFactory m_transportFactory;
    std::unique_ptr<Transport> m_probe;
    std::unique_ptr<ProtocolClient> m_delegate;
    std::optional<Backend> m_detected;
    QTimer m_probeTimer;
    QUrl m_url;
    Account m_account;
    ConnectionState m_state = ConnectionState::Disconnected;
    int m_probeTimeoutMs = 3000;
};

} // namespace Natter
