// SPDX-License-Identifier: GPL-3.0-or-later
#include "moreliaclient.h"

#include "core/logging.h"
#include "moreliacontextkeys.h"
#include "protocol/jsonread.h"
#include "protocol/websockettransport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimer>

namespace Natter {

using namespace Morelia;
using namespace Morelia::ContextKeys;

namespace {
/// Answers of these types may come back under either name.
bool sameMethod(const QString &a, const QString &b)
{
    if (a == b)
        return true;
    const auto either = [&](QLatin1String x, QLatin1String y) {
        return (a == x || a == y) && (b == x || b == y);
    };
    return either(Method::Auth, Method::Authentication) || either(Method::AllFlow, Method::AllChat);
}
} // namespace

MoreliaClient::MoreliaClient(Dialect dialect, Transport *transport, QObject *parent)
    : ProtocolClient(parent),
      m_transport(transport ? transport : new WebSocketTransport),
      m_forced(dialect),
      m_dialect(dialect)
{
    m_transport->setParent(nullptr);
    connect(m_transport.get(), &Transport::opened, this, &MoreliaClient::onOpened);
    connect(m_transport.get(), &Transport::closed, this, &MoreliaClient::onClosed);
    connect(m_transport.get(), &Transport::frameReceived, this, &MoreliaClient::onFrame);
    connect(m_transport.get(), &Transport::frameRejected, this, [this](const Error &e) {
        qCWarning(lcProtocol) << "MoreliaTalk frame refused:" << e;
        Q_EMIT frameDropped(e);
    });
    connect(&m_tracker, &RequestTracker::timedOut, this, &MoreliaClient::onTimedOut);
    m_progress = std::make_unique<FrameProgress>(*m_transport);
    connect(m_progress.get(), &FrameProgress::progress, this, &ProtocolClient::transferProgress);
}

MoreliaClient::~MoreliaClient()
{
    m_transport->disconnect(this);
}

Capabilities MoreliaClient::capabilities() const
{
    Capabilities c;
    c.registration = true;
    c.deleteAccount = true;
    c.groups = true;
    c.editMessage = true;
    c.deleteMessage = true;
    c.profile = true;
    c.media = true;
    // Only revision 17 has add_flow; the July-2020 document cannot create flows.
    c.createFlow = m_dialect == Dialect::Rev17;
    return c;
}

QString MoreliaClient::protocolName() const
{
    switch (m_dialect) {
    case Dialect::V2020:
        return QStringLiteral("MoreliaTalk 1.0 (July 2020)");
    case Dialect::Rev17:
        return QStringLiteral("MoreliaTalk 1.0 (revision 17)");
    case Dialect::Auto:
        break;
    }
    return QStringLiteral("MoreliaTalk 1.0");
}

void MoreliaClient::setAccount(const Account &account)
{
    m_account = account;
}

void MoreliaClient::connectToServer(const QUrl &url)
{
    if (m_state != ConnectionState::Disconnected)
        m_transport->close();
    m_dialect = m_forced;
    m_legacyAllChat = false;
    setState(ConnectionState::Connecting);
    m_transport->setPinnedCertificate(pinnedCertificate());
    m_transport->open(url);
}

void MoreliaClient::disconnectFromServer()
{
    if (m_state == ConnectionState::Disconnected)
        return;
    m_transport->close();
}

void MoreliaClient::setState(ConnectionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT connectionStateChanged(state);
}

void MoreliaClient::onOpened()
{
    if (m_dialect != Dialect::Auto) {
        setState(ConnectionState::Connected);
        flushQueue();
        return;
    }
    // Revision 17 answers ping_pong (even a 401 carries its revision); July 2020 answers 400.
    m_probing = true;
    const RequestId id
        = m_tracker.add(Method::PingPong, m_probeTimeoutMs, { { key(kOp), int(Op::Probe) } });
    transmit(id, [this](Dialect) { return encodePingPong(Dialect::Rev17, me()); });
}

void MoreliaClient::finishProbe(Dialect dialect)
{
    m_probing = false;
    m_dialect = dialect;
    qCInfo(lcProtocol) << "MoreliaTalk dialect:" << dialectName(dialect);
    setState(ConnectionState::Connected);
    flushQueue();
}

void MoreliaClient::onClosed(const Error &reason)
{
    m_probing = false;
    const Error error = reason.isNone()
        ? Error::make(Error::Code::ConnectionLost, QStringLiteral("disconnected"))
        : reason;
    const QList<RequestTracker::Pending> pending = m_tracker.takeAll();
    m_queue.clear();
    m_encoders.clear();
    m_progress->clear();
    setState(ConnectionState::Disconnected);
    if (!reason.isNone())
        Q_EMIT connectionError(reason);
    for (const RequestTracker::Pending &p : pending)
        if (p.context.value(key(kOp)).toInt() != int(Op::Probe))
            Q_EMIT requestFailed(p.id, error);
}

void MoreliaClient::onTimedOut(const RequestTracker::Pending &request)
{
    m_encoders.remove(request.id);
    if (request.context.value(key(kOp)).toInt() == int(Op::Probe)) {
        qCWarning(lcProtocol) << "no answer to the dialect probe; assuming the July-2020 dialect";
        finishProbe(Dialect::V2020);
        return;
    }
    for (auto it = m_queue.begin(); it != m_queue.end(); ++it) {
        if (it->id == request.id) {
            m_queue.erase(it);
            break;
        }
    }
    Q_EMIT requestFailed(request.id,
        Error::make(Error::Code::Timeout,
            QStringLiteral("no answer to %1 within %2 ms")
                .arg(request.kind.isEmpty() ? QStringLiteral("request") : request.kind)
                .arg(request.deadlineMs - request.sentAtMs)));
}

RequestId MoreliaClient::submit(Op op, Encoder encode, QVariantHash context)
{
    if (m_state == ConnectionState::Disconnected)
        return failLater(Error::make(Error::Code::ConnectionLost, QStringLiteral("not connected")));
    context.insert(key(kOp), int(op));
    const RequestId id = m_tracker.add(QString(), requestTimeout(), context);
    if (m_state == ConnectionState::Connected)
        transmit(id, encode);
    else
        m_queue.append({ id, std::move(encode) });
    return id;
}

RequestId MoreliaClient::failLater(Error error)
{
    const RequestId id = m_tracker.nextId();
    QTimer::singleShot(0, this, [this, id, error] { Q_EMIT requestFailed(id, error); });
    return id;
}

void MoreliaClient::finishLater(RequestId id, std::function<void()> emitResult)
{
    QTimer::singleShot(0, this, [this, id, emitResult = std::move(emitResult)] {
        emitResult();
        Q_EMIT requestFinished(id);
    });
}

void MoreliaClient::flushQueue()
{
    const QList<Queued> queue = std::exchange(m_queue, {});
    for (const Queued &q : queue)
        if (m_tracker.find(q.id))
            transmit(q.id, q.encode);
}

void MoreliaClient::transmit(RequestId id, const Encoder &encode)
{
    const QJsonObject frame = encode(m_dialect == Dialect::Auto ? Dialect::Rev17 : m_dialect);
    m_tracker.rekind(id, frame.value(QLatin1String("type")).toString());
    m_encoders.insert(id, encode);
    const QByteArray bytes = QJsonDocument(frame).toJson(QJsonDocument::Compact);
    m_transport->sendFrame(bytes);
    if (const auto request = m_tracker.find(id);
        request && request->context.value(key(kOp)).toInt() == int(Op::Send))
        m_progress->addLastFrame(id, bytes.size());
}

void MoreliaClient::onFrame(const QByteArray &frame)
{
    Result<Envelope> decoded = decodeEnvelope(frame);
    if (!decoded) {
        qCWarning(lcProtocol) << "dropping undecodable MoreliaTalk frame:" << decoded.error();
        Q_EMIT frameDropped(decoded.error());
        return;
    }
    const Envelope &envelope = decoded.value();
    if (m_dialect == Dialect::Auto && !m_probing && envelope.dialect() == Dialect::Rev17)
        m_dialect = Dialect::Rev17;

    std::optional<RequestTracker::Pending> request;
    if (envelope.type == Method::ErrorType) {
        request = m_tracker.oldestOf();
    } else {
        for (const QString &kind :
            { envelope.type, QString(Method::Auth), QString(Method::Authentication),
                QString(Method::AllFlow), QString(Method::AllChat) }) {
            if (!sameMethod(envelope.type, kind))
                continue;
            auto candidate = m_tracker.oldest(kind);
            if (candidate && (!request || candidate->id < request->id))
                request = candidate;
        }
    }
    if (!request) {
        handlePush(envelope);
        return;
    }
    if (request->context.value(key(kOp)).toInt() == int(Op::Probe)) {
        m_tracker.take(request->id);
        m_encoders.remove(request->id);
        finishProbe(envelope.dialect());
        return;
    }
    if (!envelope.isSuccess() && handleFailure(*request, envelope))
        return;
    dispatch(*request, envelope);
}

bool MoreliaClient::handleFailure(const RequestTracker::Pending &request, const Envelope &envelope)
{
    const Op op = Op(request.context.value(key(kOp)).toInt());
    const int code = envelope.code();
    if (op == Op::Flows && !m_legacyAllChat && (code == 400 || code == 405)
        && request.kind == Method::AllFlow) {
        // The 19.07.2020 document names it all_chat: retry once, remember for this connection.
        qCInfo(lcProtocol) << "server refused all_flow; retrying as all_chat";
        m_legacyAllChat = true;
        transmit(request.id, m_encoders.value(request.id));
        return true;
    }
    // 404 means "nothing found": an empty list, not a failure.
    if (code == 404 && (op == Op::Flows || op == Op::Messages || op == Op::Updates))
        return false;
    fail(request.id, errorFromEnvelope(envelope, request.kind));
    return true;
}

void MoreliaClient::fail(RequestId id, const Error &error)
{
    m_tracker.take(id);
    m_encoders.remove(id);
    m_progress->forget(id);
    Q_EMIT requestFailed(id, error);
}

void MoreliaClient::dispatch(const RequestTracker::Pending &request, const Envelope &envelope)
{
    const RequestId id = request.id;
    const Op op = Op(request.context.value(key(kOp)).toInt());
    const auto failDecode = [&](const Error &e) {
        qCWarning(lcProtocol) << "undecodable answer to" << request.kind << e;
        fail(id, e);
    };
    if (envelope.isPartial()) {
        // 206: more frames of this answer follow; keep the request open.
        m_tracker.extend(id, requestTimeout());
    } else {
        m_tracker.take(id);
        m_encoders.remove(id);
    }

    switch (op) {
    case Op::Probe:
        break;
    case Op::Register:
    case Op::Login: {
        Result<Account> account = decodeAccount(envelope);
        if (!account)
            return failDecode(account.error());
        Account a = account.value();
        if (a.user.login.isEmpty())
            a.user.login = request.context.value(key(kLogin)).toString();
        m_account = a;
        if (op == Op::Register)
            Q_EMIT registered(id, a);
        else
            Q_EMIT loggedIn(id, a);
        break;
    }
    case Op::Profile: {
        Result<QList<User>> users = decodeUsers(envelope);
        if (!users)
            return failDecode(users.error());
        if (users->isEmpty())
            return fail(id, Error::make(Error::Code::NotFound, QStringLiteral("no such user")));
        const QString wanted = request.context.value(key(kUserId)).toString();
        User found = users->first();
        for (const User &u : users.value())
            if (u.id == (wanted.isEmpty() ? m_account.user.id : wanted))
                found = u;
        if (wanted.isEmpty() || wanted == m_account.user.id) {
            const QString secret = m_account.secret;
            m_account.user = found;
            m_account.secret = secret;
        }
        Q_EMIT profileReceived(id, found);
        break;
    }
    case Op::Flows:
    case Op::CreateFlow: {
        Result<QList<Flow>> flows = decodeFlows(envelope);
        if (!flows)
            return failDecode(flows.error());
        for (const Flow &f : flows.value())
            m_flowTypes.insert(f.id, f.type);
        if (op == Op::Flows) {
            Q_EMIT flowsReceived(id, flows.value());
        } else if (flows->isEmpty()) {
            return failDecode(Json::fieldError(
                QStringLiteral("data.flow"), QStringLiteral("missing"), envelope.raw));
        } else {
            Q_EMIT flowCreated(id, flows->first());
        }
        break;
    }
    case Op::Messages: {
        Result<QList<Message>> messages = decodeMessages(envelope);
        if (!messages)
            return failDecode(messages.error());
        QList<Message> list = messages.value();
        // July 2020's all_messages has no flow filter: keep the flow that was asked for.
        const QString flowId = request.context.value(key(kFlow)).toString();
        list.removeIf([&](const Message &m) { return m.flowId != flowId; });
        Q_EMIT messagesReceived(id, list);
        break;
    }
    case Op::Updates: {
        Result<Update> update = decodeUpdate(envelope);
        if (!update)
            return failDecode(update.error());
        for (const Flow &f : update->flows)
            m_flowTypes.insert(f.id, f.type);
        if (!update->users.isEmpty())
            Q_EMIT usersReceived(id, update->users);
        if (!update->flows.isEmpty())
            Q_EMIT flowsReceived(id, update->flows);
        Q_EMIT messagesReceived(id, update->messages);
        break;
    }
    case Op::Send: {
        Result<SendReply> reply = decodeSendReply(envelope);
        if (!reply)
            return failDecode(reply.error());
        const qint64 clientId = request.context.value(key(kClientId)).toLongLong();
        Q_EMIT messageSent(id, clientId, reply->messageId, reply->timeMs);
        break;
    }
    case Op::Edit:
        Q_EMIT messageEdited(id, request.context.value(key(kFlow)).toString(),
            request.context.value(key(kMessage)).toString());
        break;
    case Op::Delete:
        Q_EMIT messageDeleted(id, request.context.value(key(kFlow)).toString(),
            request.context.value(key(kMessage)).toString());
        break;
    case Op::DeleteAccount:
        m_account = {};
        Q_EMIT accountDeleted(id);
        break;
    case Op::Ping:
        Q_EMIT pong(id);
        break;
    }
    if (!envelope.isPartial())
        Q_EMIT requestFinished(id);
}

void MoreliaClient::handlePush(const Envelope &envelope)
{
    const bool carriesData = envelope.type == Method::SendMessage
        || envelope.type == Method::GetUpdate || envelope.type == Method::AllMessages;
    if (!carriesData || !envelope.isSuccess()) {
        qCWarning(lcProtocol) << "dropping unsolicited MoreliaTalk frame of type" << envelope.type;
        Q_EMIT frameDropped(Error::make(Error::Code::UnexpectedResponse,
            QStringLiteral("unsolicited %1 frame").arg(envelope.type), envelope.code(),
            envelope.raw));
        return;
    }
    Result<Update> update = decodeUpdate(envelope);
    if (!update) {
        qCWarning(lcProtocol) << "dropping undecodable push:" << update.error();
        Q_EMIT frameDropped(update.error());
        return;
    }
    if (!update->flows.isEmpty())
        Q_EMIT flowsReceived(0, update->flows);
    if (!update->messages.isEmpty())
        Q_EMIT messagesReceived(0, update->messages);
}

} // namespace Natter
