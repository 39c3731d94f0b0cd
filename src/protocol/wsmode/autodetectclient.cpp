// SPDX-License-Identifier: GPL-3.0-or-later
#include "autodetectclient.h"

#include "core/logging.h"
#include "protocol/jsonread.h"
#include "protocol/morelia/moreliaclient.h"
#include "protocol/websockettransport.h"
#include "wsmodeclient.h"
#include "wsmodecodec.h"

#include <QDateTime>
#include <QJsonDocument>

namespace Natter {

AutoDetectClient::AutoDetectClient(
    Factory factory, TransportFactory probeTransport, QObject *parent)
    : ProtocolClient(parent),
      m_factory(std::move(factory)),
      m_transportFactory(std::move(probeTransport))
{
    if (!m_factory) {
        m_factory = [](Backend backend) -> std::unique_ptr<ProtocolClient> {
            if (backend == Backend::WsMode)
                return std::make_unique<WsModeClient>();
            return std::make_unique<MoreliaClient>(Morelia::Dialect::Auto);
        };
    }
    if (!m_transportFactory)
        m_transportFactory = [] { return new WebSocketTransport; };
    m_probeTimer.setSingleShot(true);
    connect(&m_probeTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcProtocol) << "no answer to the protocol probe; assuming MoreliaTalk";
        decide(Backend::Morelia);
    });
}

AutoDetectClient::~AutoDetectClient()
{
    endProbe();
    if (m_delegate)
        m_delegate->disconnect(this);
}

void AutoDetectClient::setState(ConnectionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT connectionStateChanged(state);
}

ConnectionState AutoDetectClient::connectionState() const
{
    return m_state;
}

void AutoDetectClient::connectToServer(const QUrl &url)
{
    if (m_delegate && url == m_url) {
        m_delegate->setPinnedCertificate(pinnedCertificate());
        m_delegate->connectToServer(url);
        return;
    }
    if (m_delegate) {
        m_delegate->disconnect(this);
        m_delegate->disconnectFromServer();
        m_delegate.reset();
        m_detected.reset();
    }
    endProbe();
    m_url = url;
    setState(ConnectionState::Connecting);
    startProbe();
}

void AutoDetectClient::disconnectFromServer()
{
    if (m_delegate) {
        m_delegate->disconnectFromServer();
        return;
    }
    endProbe();
    setState(ConnectionState::Disconnected);
}

void AutoDetectClient::startProbe()
{
    m_probe.reset(m_transportFactory());
    m_probe->setParent(nullptr);
    connect(m_probe.get(), &Transport::opened, this, [this] {
        const QJsonObject probe
            = WsMode::encodeCheckConnection(QDateTime::currentMSecsSinceEpoch());
        m_probe->sendFrame(QJsonDocument(probe).toJson(QJsonDocument::Compact));
        m_probeTimer.start(m_probeTimeoutMs);
    });
    connect(m_probe.get(), &Transport::frameReceived, this, &AutoDetectClient::onProbeFrame);
    connect(m_probe.get(), &Transport::closed, this, [this](const Error &reason) {
        if (m_probeTimer.isActive()) {
            // Open, then closed on our frame: a server that hangs up on what it cannot parse.
            decide(Backend::Morelia);
            return;
        }
        endProbe();
        setState(ConnectionState::Disconnected);
        Q_EMIT connectionError(reason.isNone() ? Error::make(Error::Code::ConnectionLost,
                                   QStringLiteral("the server closed the connection"))
                                               : reason);
    });
    m_probe->setPinnedCertificate(pinnedCertificate());
    m_probe->open(m_url);
}

void AutoDetectClient::endProbe()
{
    m_probeTimer.stop();
    if (!m_probe)
        return;
    m_probe->disconnect(this);
    m_probe->close();
    // We may be inside one of the probe's own signals: it goes when the event loop resumes.
    m_probe.release()->deleteLater();
}

void AutoDetectClient::onProbeFrame(const QByteArray &frame)
{
    const Result<QJsonObject> object = Json::parseObject(frame);
    const bool mode = object && object->value(QLatin1String("mode")).isString()
        && !object->contains(QLatin1String("jsonapi"));
    decide(mode ? Backend::WsMode : Backend::Morelia);
}

void AutoDetectClient::decide(Backend backend)
{
    endProbe();
    m_detected = backend;
    qCInfo(lcProtocol) << "protocol detected:"
                       << (backend == Backend::WsMode ? "WS-server mode" : "MoreliaTalk");
    adopt(m_factory(backend));
}

void AutoDetectClient::adopt(std::unique_ptr<ProtocolClient> client)
{
    m_delegate = std::move(client);
    ProtocolClient *d = m_delegate.get();
    d->setRequestTimeout(requestTimeout());
    d->setPinnedCertificate(pinnedCertificate());
    if (m_account.isValid())
        d->setAccount(m_account);
    connect(d, &ProtocolClient::connectionStateChanged, this, &AutoDetectClient::setState);
    connect(d, &ProtocolClient::connectionError, this, &ProtocolClient::connectionError);
    connect(d, &ProtocolClient::frameDropped, this, &ProtocolClient::frameDropped);
    connect(d, &ProtocolClient::registered, this, &ProtocolClient::registered);
    connect(d, &ProtocolClient::loggedIn, this, &ProtocolClient::loggedIn);
    connect(d, &ProtocolClient::loggedOut, this, &ProtocolClient::loggedOut);
    connect(d, &ProtocolClient::profileReceived, this, &ProtocolClient::profileReceived);
    connect(d, &ProtocolClient::usersReceived, this, &ProtocolClient::usersReceived);
    connect(d, &ProtocolClient::flowsReceived, this, &ProtocolClient::flowsReceived);
    connect(d, &ProtocolClient::flowCreated, this, &ProtocolClient::flowCreated);
    connect(d, &ProtocolClient::messagesReceived, this, &ProtocolClient::messagesReceived);
    connect(d, &ProtocolClient::messageSent, this, &ProtocolClient::messageSent);
    connect(d, &ProtocolClient::messageEdited, this, &ProtocolClient::messageEdited);
    connect(d, &ProtocolClient::messageDeleted, this, &ProtocolClient::messageDeleted);
    connect(d, &ProtocolClient::accountDeleted, this, &ProtocolClient::accountDeleted);
    connect(d, &ProtocolClient::pong, this, &ProtocolClient::pong);
    connect(d, &ProtocolClient::requestFinished, this, &ProtocolClient::requestFinished);
    connect(d, &ProtocolClient::requestFailed, this, &ProtocolClient::requestFailed);
    connect(d, &ProtocolClient::transferProgress, this, &ProtocolClient::transferProgress);
    connect(d, &ProtocolClient::mediaReceived, this, &ProtocolClient::mediaReceived);
    d->connectToServer(m_url);
}

Capabilities AutoDetectClient::capabilities() const
{
    return m_delegate ? m_delegate->capabilities() : Capabilities {};
}

QString AutoDetectClient::protocolName() const
{
    return m_delegate ? m_delegate->protocolName()
                      : QStringLiteral("auto-detected WebSocket protocol");
}

void AutoDetectClient::setAccount(const Account &account)
{
    m_account = account;
    if (m_delegate)
        m_delegate->setAccount(account);
}

Account AutoDetectClient::account() const
{
    return m_delegate ? m_delegate->account() : m_account;
}

template <typename Call>
RequestId AutoDetectClient::forward(Call call)
{
    if (m_delegate)
        return call(*m_delegate);
    // Ids from the base counter (2^48 up) never meet the delegate's own.
    const RequestId id = allocateRequestId();
    QTimer::singleShot(0, this, [this, id] {
        Q_EMIT requestFailed(
            id, Error::make(Error::Code::ConnectionLost, QStringLiteral("not connected")));
    });
    return id;
}

RequestId AutoDetectClient::registerAccount(const Credentials &c)
{
    return forward([&](ProtocolClient &d) { return d.registerAccount(c); });
}

RequestId AutoDetectClient::login(const Credentials &c)
{
    return forward([&](ProtocolClient &d) { return d.login(c); });
}

RequestId AutoDetectClient::logout()
{
    return forward([&](ProtocolClient &d) { return d.logout(); });
}

RequestId AutoDetectClient::fetchProfile(const QString &userId)
{
    return forward([&](ProtocolClient &d) { return d.fetchProfile(userId); });
}

RequestId AutoDetectClient::fetchFlows()
{
    return forward([&](ProtocolClient &d) { return d.fetchFlows(); });
}

RequestId AutoDetectClient::createFlow(const NewFlow &flow)
{
    return forward([&](ProtocolClient &d) { return d.createFlow(flow); });
}

RequestId AutoDetectClient::fetchMessages(const QString &flowId, qint64 sinceMs)
{
    return forward([&](ProtocolClient &d) { return d.fetchMessages(flowId, sinceMs); });
}

RequestId AutoDetectClient::fetchUpdates(qint64 sinceMs)
{
    return forward([&](ProtocolClient &d) { return d.fetchUpdates(sinceMs); });
}

RequestId AutoDetectClient::sendMessage(const QString &flowId, const QString &text,
    const QList<Attachment> &attachments, qint64 clientId)
{
    return forward(
        [&](ProtocolClient &d) { return d.sendMessage(flowId, text, attachments, clientId); });
}

RequestId AutoDetectClient::editMessage(
    const QString &flowId, const QString &messageId, const QString &text)
{
    return forward([&](ProtocolClient &d) { return d.editMessage(flowId, messageId, text); });
}

RequestId AutoDetectClient::deleteMessage(const QString &flowId, const QString &messageId)
{
    return forward([&](ProtocolClient &d) { return d.deleteMessage(flowId, messageId); });
}

RequestId AutoDetectClient::deleteAccount(const Credentials &c)
{
    return forward([&](ProtocolClient &d) { return d.deleteAccount(c); });
}

RequestId AutoDetectClient::ping()
{
    return forward([&](ProtocolClient &d) { return d.ping(); });
}

RequestId AutoDetectClient::recoverAccount(
    const QString &login, const QString &knownData, bool isEmail)
{
    return forward([&](ProtocolClient &d) { return d.recoverAccount(login, knownData, isEmail); });
}

ProtocolClient::MediaRefetch AutoDetectClient::mediaRefetch() const
{
    return m_delegate ? m_delegate->mediaRefetch() : MediaRefetch::None;
}

void AutoDetectClient::cancelRequest(RequestId id)
{
    if (m_delegate)
        m_delegate->cancelRequest(id);
}

RequestId AutoDetectClient::fetchMedia(const QString &reference)
{
    return forward([&](ProtocolClient &d) { return d.fetchMedia(reference); });
}

} // namespace Natter
