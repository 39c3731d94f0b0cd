// SPDX-License-Identifier: GPL-3.0-or-later
// MoreliaClient: the requests (what the ProtocolClient interface asks for, as encoders queued
// by submit()). Connection handling and answers are in moreliaclient.cpp.
#include "core/logging.h"
#include "moreliaclient.h"
#include "moreliacontextkeys.h"

#include <QDateTime>

namespace Natter {

using namespace Morelia;
using namespace Morelia::ContextKeys;

SessionRef MoreliaClient::me() const
{
    return { m_account.user.id, m_account.secret };
}

qint64 MoreliaClient::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

// ---- requests ------------------------------------------------------------------------------

RequestId MoreliaClient::registerAccount(const Credentials &credentials)
{
    return submit(Op::Register,
        [credentials](Dialect d) { return encodeRegisterUser(d, credentials); },
        { { key(kLogin), credentials.login } });
}

RequestId MoreliaClient::login(const Credentials &credentials)
{
    return submit(Op::Login, [credentials](Dialect d) { return encodeAuth(d, credentials); },
        { { key(kLogin), credentials.login } });
}

RequestId MoreliaClient::logout()
{
    // MoreliaTalk has no logout method: forgetting the session and closing the socket is all.
    const RequestId id = m_tracker.nextId();
    m_account = {};
    disconnectFromServer();
    finishLater(id, [this, id] { Q_EMIT loggedOut(id); });
    return id;
}

RequestId MoreliaClient::fetchProfile(const QString &userId)
{
    if (!userId.isEmpty() && userId != m_account.user.id && m_dialect == Dialect::V2020)
        return failLater(Error::make(Error::Code::NotSupported,
            QStringLiteral("the July-2020 user_info only returns your own profile")));
    return submit(Op::Profile,
        [this, userId](Dialect d) {
            const QStringList others = userId.isEmpty() || userId == m_account.user.id
                ? QStringList()
                : QStringList { userId };
            return encodeUserInfo(d, me(), others);
        },
        { { key(kUserId), userId } });
}

RequestId MoreliaClient::fetchFlows()
{
    return submit(Op::Flows, [this](Dialect d) { return encodeAllFlow(d, me(), m_legacyAllChat); });
}

RequestId MoreliaClient::createFlow(const NewFlow &flow)
{
    if (m_dialect == Dialect::V2020)
        return failLater(Error::make(Error::Code::NotSupported,
            QStringLiteral("the July-2020 MoreliaTalk protocol cannot create flows")));
    return submit(Op::CreateFlow, [this, flow](Dialect d) { return encodeAddFlow(d, me(), flow); });
}

RequestId MoreliaClient::fetchMessages(const QString &flowId, qint64 sinceMs)
{
    return submit(Op::Messages,
        [this, flowId, sinceMs](Dialect d) { return encodeAllMessages(d, me(), flowId, sinceMs); },
        { { key(kFlow), flowId } });
}

RequestId MoreliaClient::fetchUpdates(qint64 sinceMs)
{
    return submit(
        Op::Updates, [this, sinceMs](Dialect d) { return encodeGetUpdate(d, me(), sinceMs); });
}

RequestId MoreliaClient::sendMessage(const QString &flowId, const QString &text,
    const QList<Attachment> &attachments, qint64 clientId)
{
    QHash<QString, int> slots;
    for (const Attachment &a : attachments) {
        if (++slots[fileSlotFor(a.kind)] > 1)
            return failLater(Error::make(Error::Code::InvalidArgument,
                QStringLiteral("MoreliaTalk carries one %1 per message").arg(fileSlotFor(a.kind))));
    }
    OutgoingMessage m;
    m.flowId = flowId;
    m.flowType = m_flowTypes.value(flowId, Flow::Type::Chat);
    m.text = text;
    m.attachments = attachments;
    m.clientId = clientId;
    m.timeMs = nowMs();
    m.fromName = m_account.user.displayName();
    return submit(Op::Send, [this, m](Dialect d) { return encodeSendMessage(d, me(), m); },
        { { key(kFlow), flowId }, { key(kClientId), clientId } });
}

RequestId MoreliaClient::editMessage(
    const QString &flowId, const QString &messageId, const QString &text)
{
    const qint64 time = nowMs();
    return submit(Op::Edit,
        [this, flowId, messageId, text, time](
            Dialect d) { return encodeEditMessage(d, me(), flowId, messageId, text, time); },
        { { key(kFlow), flowId }, { key(kMessage), messageId } });
}

RequestId MoreliaClient::deleteMessage(const QString &flowId, const QString &messageId)
{
    const qint64 time = nowMs();
    return submit(Op::Delete,
        [this, flowId, messageId, time](
            Dialect d) { return encodeDeleteMessage(d, me(), flowId, messageId, time); },
        { { key(kFlow), flowId }, { key(kMessage), messageId } });
}

RequestId MoreliaClient::deleteAccount(const Credentials &credentials)
{
    return submit(Op::DeleteAccount,
        [this, credentials](Dialect d) { return encodeDeleteUser(d, me(), credentials); });
}

RequestId MoreliaClient::ping()
{
    if (m_dialect == Dialect::V2020)
        return failLater(Error::make(Error::Code::NotSupported,
            QStringLiteral("the July-2020 MoreliaTalk protocol has no ping")));
    return submit(Op::Ping, [this](Dialect d) { return encodePingPong(d, me()); });
}

void MoreliaClient::cancelRequest(RequestId id)
{
    // Decision: a WebSocket frame cannot be taken back once it is whole on the wire, and
    // answers are matched to requests in order (FIFO per type), so a request whose frame went
    // out whole is not forgotten: it ends as it would have (the server may well have stored
    // the message). A request still waiting for the connection is dropped. A send whose frame
    // is still being written is stopped by dropping the connection, so the server never reads
    // the frame whole; it fails with Cancelled, everything else outstanding with
    // ConnectionLost, and the session reconnects.
    const auto request = m_tracker.find(id);
    if (!request)
        return;
    const Error cancelled = Error::make(Error::Code::Cancelled, QStringLiteral("Cancelled"));
    for (auto it = m_queue.begin(); it != m_queue.end(); ++it) {
        if (it->id == id) {
            m_queue.erase(it);
            fail(id, cancelled);
            return;
        }
    }
    if (m_progress->isWritten(id)) {
        qCInfo(lcProtocol) << "request" << id << "is already on the wire; it cannot be cancelled";
        return;
    }
    // Failed first: listeners see Cancelled before the drop fails the rest.
    fail(id, cancelled);
    m_transport->abort();
}

} // namespace Natter
