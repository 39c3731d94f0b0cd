// SPDX-License-Identifier: GPL-3.0-or-later
// WsModeClient: connection, correlation, pushes and answers. The requests are in
// wsmoderequests.cpp.
#include "wsmodeclient.h"

#include "core/logging.h"
#include "protocol/jsonread.h"
#include "protocol/websockettransport.h"

#include <QDateTime>
#include <QJsonDocument>

namespace Natter {

using namespace WsMode;

namespace {
const QString kOp = QStringLiteral("op");
const QString kParent = QStringLiteral("parent");
const QString kChat = QStringLiteral("chat");
} // namespace

WsModeClient::WsModeClient(Transport *transport, QObject *parent)
    : ProtocolClient(parent), m_transport(transport ? transport : new WebSocketTransport)
{
    m_transport->setParent(nullptr);
    connect(m_transport.get(), &Transport::opened, this, &WsModeClient::onOpened);
    connect(m_transport.get(), &Transport::closed, this, &WsModeClient::onClosed);
    connect(m_transport.get(), &Transport::frameReceived, this, &WsModeClient::onFrame);
    connect(m_transport.get(), &Transport::frameRejected, this, [this](const Error &e) {
        qCWarning(lcProtocol) << "mode frame refused:" << e;
        Q_EMIT frameDropped(e);
    });
    connect(&m_tracker, &RequestTracker::timedOut, this, &WsModeClient::onTimedOut);
    m_progress = std::make_unique<FrameProgress>(*m_transport);
    connect(m_progress.get(), &FrameProgress::progress, this, &ProtocolClient::transferProgress);
    m_keepAlive.setInterval(30000);
    connect(&m_keepAlive, &QTimer::timeout, this,
        [this] { addPart(0, Op::KeepAlive, [] { return encodeCheckConnection(nowMs()); }); });
}

WsModeClient::~WsModeClient()
{
    m_transport->disconnect(this);
}

void WsModeClient::setKeepAliveInterval(int ms)
{
    m_keepAlive.setInterval(ms);
    if (ms <= 0)
        m_keepAlive.stop();
    else if (m_state == ConnectionState::Connected)
        m_keepAlive.start();
}

Capabilities WsModeClient::capabilities() const
{
    Capabilities c;
    c.registration = true;
    c.logout = true;
    c.recovery = true;
    c.createFlow = true;
    c.push = true;
    c.media = true;
    c.groups = m_groups;
    return c;
}

QString WsModeClient::protocolName() const
{
    return QStringLiteral("WS-server mode protocol");
}

void WsModeClient::setAccount(const Account &account)
{
    m_account = account;
    m_tokenRefused = false;
}

void WsModeClient::connectToServer(const QUrl &url)
{
    if (m_state != ConnectionState::Disconnected)
        m_transport->close();
    setState(ConnectionState::Connecting);
    m_transport->setPinnedCertificate(pinnedCertificate());
    m_transport->open(url);
}

void WsModeClient::disconnectFromServer()
{
    if (m_state != ConnectionState::Disconnected)
        m_transport->close();
}

void WsModeClient::setState(ConnectionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT connectionStateChanged(state);
}

void WsModeClient::onOpened()
{
    if (m_account.secret.isEmpty() || m_tokenRefused) {
        becomeConnected();
        return;
    }
    // A stored token is checked before it is trusted.
    const QString token = m_account.secret;
    const RequestId part = m_tracker.add(
        QString(), requestTimeout(), { { kOp, int(Op::TokenCheck) }, { kParent, 0 } });
    transmit(part, [token] { return encodeCheckToken(token, nowMs()); });
}

void WsModeClient::becomeConnected()
{
    setState(ConnectionState::Connected);
    if (m_keepAlive.interval() > 0)
        m_keepAlive.start();
    const QList<Queued> queue = std::exchange(m_queue, {});
    for (const Queued &q : queue)
        if (m_tracker.find(q.part))
            transmit(q.part, q.encode);
}

void WsModeClient::onClosed(const Error &reason)
{
    m_keepAlive.stop();
    const Error error = reason.isNone()
        ? Error::make(Error::Code::ConnectionLost, QStringLiteral("disconnected"))
        : reason;
    const QList<RequestTracker::Pending> pending = m_tracker.takeAll();
    m_queue.clear();
    m_progress->clear();
    setState(ConnectionState::Disconnected);
    if (!reason.isNone())
        Q_EMIT connectionError(reason);
    for (const RequestTracker::Pending &p : pending)
        failBatch(p.context.value(kParent).value<RequestId>(), error);
}

void WsModeClient::onTimedOut(const RequestTracker::Pending &part)
{
    const Op op = Op(part.context.value(kOp).toInt());
    m_queue.removeIf([&](const Queued &q) { return q.part == part.id; });
    if (op == Op::TokenCheck) {
        qCWarning(lcProtocol) << "no answer to checkToken; trusting the stored token";
        becomeConnected();
        return;
    }
    if (op == Op::LoginChats) {
        partDone(part.context.value(kParent).value<RequestId>()); // the login stands
        return;
    }
    if (op == Op::KeepAlive) {
        qCWarning(lcProtocol) << "no answer to the keep-alive; closing the connection";
        m_transport->close();
        return;
    }
    failBatch(part.context.value(kParent).value<RequestId>(),
        Error::make(Error::Code::Timeout,
            QStringLiteral("no answer to %1 within %2 ms")
                .arg(part.kind.isEmpty() ? QStringLiteral("request") : part.kind)
                .arg(part.deadlineMs - part.sentAtMs)));
}

void WsModeClient::addPart(
    RequestId parent, Op op, const Encoder &encode, const QVariantHash &extra)
{
    QVariantHash context = extra;
    context.insert(kOp, int(op));
    context.insert(kParent, parent);
    const RequestId part = m_tracker.add(QString(), requestTimeout(), context);
    if (m_state == ConnectionState::Connected)
        transmit(part, encode);
    else
        m_queue.append({ part, encode });
}

void WsModeClient::transmit(RequestId part, const Encoder &encode)
{
    const QJsonObject frame = encode();
    m_tracker.rekind(part, frame.value(QLatin1String("mode")).toString());
    const QByteArray bytes = QJsonDocument(frame).toJson(QJsonDocument::Compact);
    m_transport->sendFrame(bytes);
    if (const auto p = m_tracker.find(part); p && Op(p->context.value(kOp).toInt()) == Op::Send)
        m_progress->addLastFrame(p->context.value(kParent).value<RequestId>(), bytes.size());
}

RequestId WsModeClient::failLater(const Error &error)
{
    const RequestId id = m_tracker.nextId();
    QTimer::singleShot(0, this, [this, id, error] { Q_EMIT requestFailed(id, error); });
    return id;
}

void WsModeClient::failBatch(RequestId parent, const Error &error)
{
    if (parent == 0 || !m_batches.remove(parent))
        return;
    m_progress->forget(parent);
    // Parts not on the wire yet never will be; parts on the wire stay tracked so that their
    // late answers still line up FIFO (they are then dropped).
    for (const Queued &q : std::as_const(m_queue))
        if (auto p = m_tracker.find(q.part);
            p && p->context.value(kParent).value<RequestId>() == parent)
            m_tracker.take(q.part);
    m_queue.removeIf([this](const Queued &q) { return !m_tracker.find(q.part); });
    Q_EMIT requestFailed(parent, error);
}

void WsModeClient::partDone(RequestId parent)
{
    auto it = m_batches.find(parent);
    if (it != m_batches.end() && --it->pending <= 0)
        finishBatch(parent);
}

void WsModeClient::finishBatch(RequestId parent)
{
    const Batch batch = m_batches.take(parent);
    switch (batch.op) {
    case Op::Register:
        Q_EMIT registered(parent, m_account);
        break;
    case Op::Login:
        Q_EMIT loggedIn(parent, m_account);
        break;
    case Op::Logout:
        Q_EMIT loggedOut(parent);
        break;
    case Op::Flows:
        Q_EMIT flowsReceived(parent, batch.flows);
        break;
    case Op::CreateFlow:
        Q_EMIT flowCreated(parent, batch.flows.value(0));
        break;
    case Op::UpdateChats:
        if (!batch.flows.isEmpty())
            Q_EMIT flowsReceived(parent, batch.flows);
        Q_EMIT messagesReceived(parent, batch.messages);
        break;
    case Op::Messages:
        Q_EMIT messagesReceived(parent, batch.messages);
        break;
    case Op::Send:
        Q_EMIT messageSent(parent, batch.clientId, QString(), batch.serverTimeMs);
        break;
    case Op::Ping:
        Q_EMIT pong(parent);
        break;
    default:
        break;
    }
    Q_EMIT requestFinished(parent);
}

bool WsModeClient::isPush(
    const Frame &frame, const std::optional<RequestTracker::Pending> &oldest) const
{
    const bool carriesMessages = frame.object.contains(QLatin1String("messages"))
        || frame.object.contains(QLatin1String("message"));
    if (frame.mode == Mode::SendMessage || frame.mode == Mode::SendGroupMessage)
        return carriesMessages; // an answer to sendMessage carries only its status
    if (frame.mode != Mode::GetMessages)
        return false;
    if (!oldest)
        return true;
    const std::optional<QString> chat = Json::id(frame.object.value(QLatin1String("chat_id")));
    return chat && *chat != oldest->context.value(kChat).toString();
}

void WsModeClient::onFrame(const QByteArray &raw)
{
    Result<Frame> decoded = decodeFrame(raw);
    if (!decoded) {
        qCWarning(lcProtocol) << "dropping undecodable mode frame:" << decoded.error();
        Q_EMIT frameDropped(decoded.error());
        return;
    }
    const Frame &frame = decoded.value();
    const std::optional<RequestTracker::Pending> oldest = m_tracker.oldest(frame.mode);
    if (isPush(frame, oldest)) {
        handlePush(frame);
        return;
    }
    if (!oldest) {
        qCWarning(lcProtocol) << "dropping unsolicited mode frame" << frame.mode;
        Q_EMIT frameDropped(Error::make(Error::Code::UnexpectedResponse,
            QStringLiteral("unsolicited %1 frame").arg(frame.mode), frame.code(), raw));
        return;
    }
    m_tracker.take(oldest->id);
    dispatch(*oldest, frame);
}

void WsModeClient::handlePush(const Frame &frame)
{
    if (!frame.isSuccess()) {
        Q_EMIT frameDropped(Error::make(Error::Code::UnexpectedResponse,
            QStringLiteral("failed %1 push").arg(frame.mode), frame.code(), frame.raw));
        return;
    }
    Result<QList<Message>> messages = decodeMessages(frame);
    if (!messages) {
        qCWarning(lcProtocol) << "dropping undecodable push:" << messages.error();
        Q_EMIT frameDropped(messages.error());
        return;
    }
    learnIdentity(messages.value());
    noteMessages(messages.value());
    if (!messages->isEmpty())
        Q_EMIT messagesReceived(0, messages.value());
}

void WsModeClient::learnIdentity(const QList<Flow> &flows, const QList<Member> &members)
{
    for (const Flow &f : flows) {
        m_chatTypes.insert(f.id, f.type);
        if (f.type == Flow::Type::Group)
            m_groups = true;
    }
    for (const Member &m : members)
        if (!m.id.isEmpty() && !m_account.user.login.isEmpty()
            && m.username == m_account.user.login)
            m_account.user.id = m.id;
}

void WsModeClient::learnIdentity(const QList<Message> &messages)
{
    for (const Message &m : messages)
        if (!m_account.user.login.isEmpty() && m.fromName == m_account.user.login)
            m_account.user.id = m.fromId;
}

void WsModeClient::noteMessages(const QList<Message> &messages)
{
    for (const Message &m : messages) {
        bool numeric = false;
        const qint64 id = m.id.toLongLong(&numeric);
        if (numeric && id > m_maxMessageId.value(m.flowId, 0))
            m_maxMessageId.insert(m.flowId, id);
    }
}

std::optional<qint64> WsModeClient::minMessageId(const QString &chatId, qint64 sinceMs) const
{
    if (sinceMs <= 0 || !m_maxMessageId.contains(chatId))
        return std::nullopt;
    return m_maxMessageId.value(chatId) + 1;
}

Error WsModeClient::tokenRefused() const
{
    return Error::make(Error::Code::SessionExpired,
        QStringLiteral("the server refused the stored session; log in again"), 401);
}

qint64 WsModeClient::nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

void WsModeClient::cancelRequest(RequestId id)
{
    // Decision: a WebSocket frame cannot be taken back once it is whole on the wire. A send
    // whose frames all went out whole ends as it would have (the server has the message). One
    // still waiting for the connection is dropped. One with a frame still being written fails
    // with Cancelled and the connection is dropped, so the server never reads that frame
    // whole (pieces already answered stay sent, as for any failed send); everything else
    // outstanding fails with ConnectionLost and the session reconnects.
    const auto batch = m_batches.constFind(id);
    if (batch == m_batches.constEnd())
        return;
    bool queued = false;
    for (const Queued &q : std::as_const(m_queue))
        if (const auto p = m_tracker.find(q.part);
            p && p->context.value(kParent).value<RequestId>() == id)
            queued = true;
    const bool writing = !m_progress->isWritten(id);
    if (!queued && !writing) {
        qCInfo(lcProtocol) << "request" << id << "is already on the wire; it cannot be cancelled";
        return;
    }
    failBatch(id, Error::make(Error::Code::Cancelled, QStringLiteral("Cancelled")));
    if (writing)
        m_transport->abort();
}

} // namespace Natter
