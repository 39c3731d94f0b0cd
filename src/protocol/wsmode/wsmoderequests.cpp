// SPDX-License-Identifier: GPL-3.0-or-later
// WsModeClient: the requests and what their answers mean.
#include "core/logging.h"
#include "protocol/jsonread.h"
#include "wsmodeclient.h"

#include <QJsonArray>

namespace Natter {

using namespace WsMode;

namespace {
const QString kOp = QStringLiteral("op");
const QString kParent = QStringLiteral("parent");
const QString kChat = QStringLiteral("chat");

Error notConnected()
{
    return Error::make(Error::Code::ConnectionLost, QStringLiteral("not connected"));
}
} // namespace

RequestId WsModeClient::start(Batch batch, const QList<Encoder> &frames, bool needsToken)
{
    if (m_state == ConnectionState::Disconnected)
        return failLater(notConnected());
    if (needsToken && m_tokenRefused)
        return failLater(tokenRefused());
    if (needsToken && m_account.secret.isEmpty())
        return failLater(
            Error::make(Error::Code::NotAuthenticated, QStringLiteral("not logged in")));
    const RequestId parent = m_tracker.nextId();
    batch.pending = int(frames.size());
    const Op op = batch.op;
    const QString chat = batch.chatId;
    m_batches.insert(parent, batch);
    for (const Encoder &encode : frames)
        addPart(parent, op, encode, { { kChat, chat } });
    return parent;
}

void WsModeClient::dispatch(const RequestTracker::Pending &part, const Frame &frame)
{
    const Op op = Op(part.context.value(kOp).toInt());
    const RequestId parent = part.context.value(kParent).value<RequestId>();
    if (op == Op::KeepAlive)
        return;
    if (op == Op::TokenCheck) {
        if (frame.code() == 401) {
            qCInfo(lcProtocol) << "the stored token was refused";
            m_tokenRefused = true;
            const QList<Queued> queued = m_queue;
            for (const Queued &q : queued) {
                const auto p = m_tracker.find(q.part);
                const Op qop = p ? Op(p->context.value(kOp).toInt()) : Op::Ping;
                if (qop != Op::Login && qop != Op::Register && qop != Op::Recovery
                    && qop != Op::Ping)
                    failBatch(p ? p->context.value(kParent).value<RequestId>() : 0, tokenRefused());
            }
        } else if (!frame.isSuccess()) {
            // 004 marks checkToken unimplemented: a server that cannot check is trusted.
            qCInfo(lcProtocol) << "checkToken answered" << frame.code() << "; trusting the token";
        }
        becomeConnected();
        return;
    }
    auto it = m_batches.find(parent);
    if (it == m_batches.end())
        return; // the request already failed; this was a late part
    if (op == Op::LoginChats) {
        // Only to learn our id: whatever it says, the login stands.
        if (frame.isSuccess())
            handleChats(parent, it.value(), frame);
        return partDone(parent);
    }
    if (!frame.isSuccess()) {
        const bool tokenOp
            = op != Op::Register && op != Op::Login && op != Op::Recovery && op != Op::Ping;
        if (op == Op::Send && part.kind == Mode::SendGroupMessage && frame.code() == 501)
            m_groups = false;
        if (tokenOp && frame.code() == 401)
            m_tokenRefused = true;
        failBatch(parent, errorFromFrame(frame, part.kind, tokenOp));
        return;
    }
    Batch &batch = it.value();
    const QString chat = part.context.value(kChat).toString();
    switch (op) {
    case Op::Register:
    case Op::Login: {
        Result<QString> token = decodeToken(frame);
        if (!token)
            return failBatch(parent, token.error());
        m_account = {};
        m_account.user.id = batch.login; // no mode says our id: see the class comment
        m_account.user.login = batch.login;
        m_account.user.name = batch.login;
        m_account.secret = token.value();
        m_tokenRefused = false;
        const QString secret = token.value();
        ++batch.pending;
        addPart(parent, Op::LoginChats, [secret] { return encodeGetChats(secret, nowMs()); });
        break;
    }
    case Op::Logout:
        m_account.secret.clear();
        break;
    case Op::Flows:
    case Op::UpdateChats:
        handleChats(parent, batch, frame);
        if (!m_batches.contains(parent))
            return;
        break;
    case Op::CreateFlow: {
        Result<QString> id = decodeChatId(frame);
        if (!id)
            return failBatch(parent, id.error());
        Flow flow;
        flow.id = id.value();
        flow.type = Flow::Type::Chat;
        flow.title = batch.chatId; // the contact, until getChats names the chat
        flow.members = { batch.chatId };
        m_chatTypes.insert(flow.id, flow.type);
        batch.flows = { flow };
        break;
    }
    case Op::Messages:
    case Op::UpdateMessages: {
        Result<QList<Message>> messages = decodeMessages(frame, chat);
        if (!messages)
            return failBatch(parent, messages.error());
        QList<Message> list = messages.value();
        learnIdentity(list);
        noteMessages(list);
        if (batch.sinceMs > 0)
            list.removeIf([&](const Message &m) { return m.time < batch.sinceMs; });
        batch.messages += list;
        break;
    }
    case Op::Send:
        batch.serverTimeMs = frame.timestampMs > 0 ? frame.timestampMs : nowMs();
        break;
    default:
        break;
    }
    partDone(parent);
}

void WsModeClient::handleChats(RequestId parent, Batch &batch, const Frame &frame)
{
    Result<QList<Flow>> chats = decodeChats(frame);
    if (!chats)
        return batch.op == Op::Login || batch.op == Op::Register ? void()
                                                                 : failBatch(parent, chats.error());
    QList<Member> members;
    const QJsonValue list = Json::value(frame.object, QLatin1String("chats"));
    for (const QJsonValue &chat : list.isArray() ? list.toArray() : QJsonArray { list })
        if (auto m = decodeMembers(Json::value(chat.toObject(), QLatin1String("chat_members")), {}))
            members += m.value();
    const QHash<QString, Flow::Type> known = m_chatTypes;
    learnIdentity(chats.value(), members);
    if (batch.op != Op::UpdateChats) {
        batch.flows = chats.value();
        return;
    }
    // fetchUpdates: chats with news since `sinceMs`, or never seen before, and their messages.
    for (const Flow &flow : chats.value()) {
        if (batch.sinceMs > 0 && flow.updated < batch.sinceMs && known.contains(flow.id))
            continue;
        batch.flows.append(flow);
        const QString token = m_account.secret;
        const std::optional<qint64> min = minMessageId(flow.id, batch.sinceMs);
        ++batch.pending;
        addPart(parent, Op::UpdateMessages,
            [token, id = flow.id, min] { return encodeGetMessages(token, id, min, nowMs()); },
            { { kChat, flow.id } });
    }
}

// ---- requests ------------------------------------------------------------------------------

RequestId WsModeClient::registerAccount(const Credentials &credentials)
{
    Batch batch { Op::Register };
    batch.login = credentials.login;
    return start(batch, { [credentials] { return encodeRegister(credentials, nowMs()); } }, false);
}

RequestId WsModeClient::login(const Credentials &credentials)
{
    Batch batch { Op::Login };
    batch.login = credentials.login;
    return start(batch, { [credentials] { return encodeAuth(credentials, nowMs()); } }, false);
}

RequestId WsModeClient::logout()
{
    const QString token = m_account.secret;
    return start(Batch { Op::Logout }, { [token] { return encodeLogout(token, nowMs()); } });
}

RequestId WsModeClient::recoverAccount(const QString &login, const QString &knownData, bool isEmail)
{
    if (login.isEmpty() || knownData.isEmpty())
        return failLater(Error::make(Error::Code::InvalidArgument,
            QStringLiteral("recovery needs the username and an email or username")));
    return start(Batch { Op::Recovery },
        { [=] { return encodeRecovery(login, knownData, isEmail, nowMs()); } }, false);
}

RequestId WsModeClient::fetchProfile(const QString &userId)
{
    // No mode returns a profile; our own is what we know locally.
    if (!userId.isEmpty() && userId != m_account.user.id && userId != m_account.user.login)
        return failUnsupported(QStringLiteral("show other users' profiles"));
    if (!m_account.isValid())
        return failLater(
            Error::make(Error::Code::NotAuthenticated, QStringLiteral("not logged in")));
    const RequestId id = m_tracker.nextId();
    const User me = m_account.user;
    QTimer::singleShot(0, this, [this, id, me] {
        Q_EMIT profileReceived(id, me);
        Q_EMIT requestFinished(id);
    });
    return id;
}

RequestId WsModeClient::fetchFlows()
{
    const QString token = m_account.secret;
    return start(Batch { Op::Flows }, { [token] { return encodeGetChats(token, nowMs()); } });
}

RequestId WsModeClient::createFlow(const NewFlow &flow)
{
    if (flow.type != Flow::Type::Chat)
        return failUnsupported(QStringLiteral("create groups or channels (only personal chats)"));
    const QString contact = flow.members.value(0).trimmed();
    if (contact.isEmpty())
        return failLater(Error::make(Error::Code::InvalidArgument,
            QStringLiteral("a personal chat needs a contact (members[0])")));
    const QString token = m_account.secret;
    Batch batch { Op::CreateFlow };
    batch.chatId = contact;
    return start(batch, { [token, contact] { return encodeCreateChat(token, contact, nowMs()); } });
}

RequestId WsModeClient::fetchMessages(const QString &flowId, qint64 sinceMs)
{
    const QString token = m_account.secret;
    const std::optional<qint64> min = minMessageId(flowId, sinceMs);
    Batch batch { Op::Messages };
    batch.chatId = flowId;
    batch.sinceMs = sinceMs;
    return start(batch, { [=] { return encodeGetMessages(token, flowId, min, nowMs()); } });
}

RequestId WsModeClient::fetchUpdates(qint64 sinceMs)
{
    const QString token = m_account.secret;
    Batch batch { Op::UpdateChats };
    batch.sinceMs = sinceMs;
    return start(batch, { [token] { return encodeGetChats(token, nowMs()); } });
}

RequestId WsModeClient::sendMessage(const QString &flowId, const QString &text,
    const QList<Attachment> &attachments, qint64 clientId)
{
    QList<Content> pieces;
    if (!text.isEmpty() || attachments.isEmpty())
        pieces << textContent(text);
    for (const Attachment &a : attachments) {
        if (a.bytes.isEmpty())
            return failLater(Error::make(Error::Code::InvalidArgument,
                QStringLiteral("%1 has no bytes to send").arg(a.name)));
        pieces << attachmentContent(a);
    }
    if (pieces.size() == 1 && pieces.first().content.isEmpty())
        return failLater(
            Error::make(Error::Code::InvalidArgument, QStringLiteral("empty message")));
    const QString token = m_account.secret;
    const bool group = m_chatTypes.value(flowId, Flow::Type::Chat) != Flow::Type::Chat;
    QList<Encoder> frames;
    for (const Content &piece : std::as_const(pieces))
        frames << [=] { return encodeSendMessage(token, flowId, piece, group, nowMs()); };
    Batch batch { Op::Send };
    batch.chatId = flowId;
    batch.clientId = clientId;
    return start(batch, frames);
}

RequestId WsModeClient::editMessage(const QString &, const QString &, const QString &)
{
    return failUnsupported(QStringLiteral("edit messages"));
}

RequestId WsModeClient::deleteMessage(const QString &, const QString &)
{
    return failUnsupported(QStringLiteral("delete messages"));
}

RequestId WsModeClient::deleteAccount(const Credentials &)
{
    return failUnsupported(QStringLiteral("delete accounts"));
}

RequestId WsModeClient::ping()
{
    return start(Batch { Op::Ping }, { [] { return encodeCheckConnection(nowMs()); } }, false);
}

} // namespace Natter
