// SPDX-License-Identifier: GPL-3.0-or-later
// WsModeBackend: frames, hooks, tokens, sockets and pushes. The modes are in wsmodehandlers.cpp.
#include "wsmodebackend.h"

#include "../serverlog.h"
#include "../store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Natter::Testing {

namespace {
QJsonValue seconds(qint64 ms)
{
    return ms % 1000 == 0 ? QJsonValue(ms / 1000) : QJsonValue(double(ms) / 1000.0);
}
} // namespace

WsModeBackend::WsModeBackend(Store &store, QObject *parent)
    : WebSocketBackend(store, u"natter-testserver wsmode"_s, parent)
{
    m_handlers = {
        { u"checkConnection"_s, &WsModeBackend::checkConnection },
        { u"checkToken"_s, &WsModeBackend::checkToken },
        { u"auth"_s, &WsModeBackend::auth },
        { u"register"_s, &WsModeBackend::registerUser },
        { u"recovery"_s, &WsModeBackend::recovery },
        { u"logout"_s, &WsModeBackend::logout },
        { u"createChat"_s, &WsModeBackend::createChat },
        { u"getChats"_s, &WsModeBackend::getChats },
        { u"getMessages"_s, &WsModeBackend::getMessages },
        { u"sendMessage"_s, &WsModeBackend::sendMessage },
        { u"sendGroupMessage"_s, &WsModeBackend::sendMessage },
    };
}

WsModeBackend::~WsModeBackend()
{
    for (auto it = m_socketUsers.cbegin(); it != m_socketUsers.cend(); ++it)
        disconnect(it.key(), nullptr, this, nullptr);
}

QString WsModeBackend::wireUserId(const UserRow &user) const
{
    return QString::number(user.id);
}

QString WsModeBackend::wireFlowId(const FlowRow &flow) const
{
    return QString::number(flow.id);
}

QString WsModeBackend::wireMessageId(const MessageRow &message) const
{
    return QString::number(message.id);
}

std::optional<FlowRow> WsModeBackend::flowByWireId(const QString &id) const
{
    bool ok = false;
    const auto number = id.toLongLong(&ok);
    return ok ? store().flowById(number) : std::nullopt;
}

void WsModeBackend::handleFrame(QWebSocket *socket, const QByteArray &frame)
{
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(frame, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        Q_EMIT requestReceived(QString());
        if (closeOnGarbage()) {
            abortConnection(socket);
            return;
        }
        sendJson(socket, reply(u"error"_s, 422, {}, u"frame is not a JSON object"_s));
        Q_EMIT responseSent(u"error"_s, 422);
        return;
    }
    const auto request = document.object();
    const auto mode = request.value(u"mode"_s).toString();
    qCInfo(lcTestServer).noquote() << "mode" << (mode.isEmpty() ? u"<none>"_s : mode);
    switch (takeHook(mode)) {
    case HookAction::Drop:
        abortConnection(socket);
        return;
    case HookAction::Silent:
        return;
    case HookAction::Answer:
        break;
    }
    QJsonObject answer;
    if (mode.isEmpty())
        answer = reply(u"error"_s, 422, {}, u"mode: missing"_s);
    else if (const auto handler = m_handlers.value(mode))
        answer = (this->*handler)(socket, request);
    else
        answer = reply(mode, 501, {}, u"unknown mode "_s + mode);
    const int status = answer.value(u"status"_s).toVariant().toInt();
    if (status >= 400)
        qCInfo(lcTestServer).noquote() << "  ->" << status << answer.value(u"detail"_s).toString();
    sendJson(socket, answer);
    Q_EMIT responseSent(mode, status);
}

QJsonObject WsModeBackend::reply(
    const QString &mode, int status, const QJsonObject &fields, const QString &detail) const
{
    QJsonObject o = fields;
    o.insert(u"mode"_s, mode);
    o.insert(u"timestamp"_s, QDateTime::currentSecsSinceEpoch());
    o.insert(
        u"status"_s, m_statusStrings ? QJsonValue(QString::number(status)) : QJsonValue(status));
    if (!detail.isEmpty())
        o.insert(u"detail"_s, detail); // not in the document; harmless and helps debugging
    return o;
}

QJsonObject WsModeBackend::missing(const QJsonObject &request, const QStringList &fields) const
{
    for (const auto &field : fields) {
        const auto v = request.value(field);
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty()))
            return reply(request.value(u"mode"_s).toString(), 422, {}, field + u": missing"_s);
    }
    return {};
}

WsModeBackend::Check WsModeBackend::authenticate(QWebSocket *socket, const QJsonObject &request)
{
    const auto mode = request.value(u"mode"_s).toString();
    if (auto failure = missing(request, { u"token"_s }); !failure.isEmpty())
        return { std::nullopt, reply(mode, 401, {}, u"token: missing"_s) };
    const auto token = request.value(u"token"_s).toString();
    auto user = m_revoked.contains(token) ? std::nullopt : store().userByAuthId(token);
    if (!user)
        return { std::nullopt, reply(mode, 401, {}, u"token: unknown or logged out"_s) };
    bind(socket, user->id);
    return { user, {} };
}

WsModeBackend::Check WsModeBackend::member(
    QWebSocket *socket, const QJsonObject &request, std::optional<FlowRow> *flow)
{
    auto check = authenticate(socket, request);
    if (!check.user)
        return check;
    const auto mode = request.value(u"mode"_s).toString();
    if (auto failure = missing(request, { u"chat_id"_s }); !failure.isEmpty())
        return { std::nullopt, failure };
    const auto id = request.value(u"chat_id"_s).toVariant().toLongLong();
    *flow = store().flowById(id);
    if (!*flow || !(*flow)->members.contains(check.user->id))
        return { std::nullopt, reply(mode, 423, {}, u"not a member of this chat"_s) };
    return check;
}

void WsModeBackend::bind(QWebSocket *socket, qint64 userId)
{
    if (!m_socketUsers.contains(socket))
        connect(
            socket, &QObject::destroyed, this, [this, socket] { m_socketUsers.remove(socket); });
    m_socketUsers.insert(socket, userId);
}

QString WsModeBackend::issueToken(QWebSocket *socket, qint64 userId)
{
    const auto token = store().issueAuthId(userId);
    if (token.isEmpty())
        return {};
    m_liveTokens[userId].append(token);
    bind(socket, userId);
    return token;
}

QJsonObject WsModeBackend::chatJson(const FlowRow &flow, qint64 viewerId) const
{
    QJsonArray members;
    QString peer;
    for (const auto id : flow.members) {
        const auto user = store().userById(id);
        const auto name = user ? (user->login.isEmpty() ? user->username : user->login) : QString();
        members.append(QJsonObject { { u"id"_s, id }, { u"username"_s, name } });
        if (id != viewerId)
            peer = name;
    }
    const bool personal = flow.type == u"chat"_s;
    QJsonObject o { { u"chat_id"_s, flow.id }, { u"chat_members"_s, members },
        { u"chat_name"_s, personal && !peer.isEmpty() ? peer : flow.title },
        { u"chat_type"_s, personal ? u"personal"_s : u"group"_s } };
    if (flow.lastMessageTime)
        o.insert(u"last_message_time"_s, seconds(*flow.lastMessageTime));
    return o;
}

QJsonObject WsModeBackend::messageJson(const MessageRow &message) const
{
    const auto author = store().userById(message.userId);
    QString content = message.text;
    QString type = u"text"_s;
    for (const auto &file :
        { message.filePicture, message.fileVideo, message.fileAudio, message.fileDocument }) {
        if (file.isEmpty())
            continue;
        content = file;
        type = m_contentTypes.value(message.id);
        if (type.isEmpty())
            type = QMimeDatabase().mimeTypeForData(QByteArray::fromBase64(file.toLatin1())).name();
        break;
    }
    QJsonObject o { { u"from_id"_s, message.userId },
        { u"from_name"_s,
            author ? (author->login.isEmpty() ? author->username : author->login) : QString() },
        { u"content"_s, content }, { u"content_type"_s, type },
        { u"content_time"_s, seconds(message.time) } };
    if (m_sendIds)
        o.insert(u"message_id"_s, message.id);
    return o;
}

void WsModeBackend::push(const FlowRow &flow, const MessageRow &message, QWebSocket *except)
{
    const auto frame = reply(u"sendMessage"_s, 200,
        { { u"chat_id"_s, flow.id }, { u"messages"_s, QJsonArray { messageJson(message) } } });
    for (auto it = m_socketUsers.cbegin(); it != m_socketUsers.cend(); ++it) {
        if (it.key() != except && flow.members.contains(it.value())) {
            sendJson(it.key(), frame);
            Q_EMIT responseSent(u"sendMessage"_s, 200);
        }
    }
}

} // namespace Natter::Testing
