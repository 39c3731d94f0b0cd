// SPDX-License-Identifier: GPL-3.0-or-later
// WsModeBackend: one function per mode.
#include "../store.h"
#include "wsmodebackend.h"

#include <QJsonArray>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Natter::Testing {

namespace {
QString text(const QJsonObject &request, const QString &key)
{
    const auto v = request.value(key);
    return v.isDouble() ? QString::number(v.toInteger()) : v.toString();
}
} // namespace

QJsonObject WsModeBackend::checkConnection(QWebSocket *, const QJsonObject &)
{
    return reply(u"checkConnection"_s, 200);
}

QJsonObject WsModeBackend::checkToken(QWebSocket *socket, const QJsonObject &request)
{
    if (auto failure = missing(request, { u"token"_s }); !failure.isEmpty())
        return failure;
    const auto check = authenticate(socket, request);
    return check.user ? reply(u"checkToken"_s, 200) : check.failure;
}

QJsonObject WsModeBackend::auth(QWebSocket *socket, const QJsonObject &request)
{
    if (auto failure = missing(request, { u"username"_s, u"password"_s }); !failure.isEmpty())
        return failure;
    const auto user = store().userByLogin(text(request, u"username"_s));
    if (!user || !store().checkPassword(user->id, request.value(u"password"_s).toString()))
        return reply(u"auth"_s, 401, {}, u"wrong username or password"_s);
    if (m_liveTokens.value(user->id).size() >= m_maxTokens)
        return reply(u"auth"_s, 403, {}, u"too many tokens; log out elsewhere first"_s);
    const auto token = issueToken(socket, user->id);
    if (token.isEmpty())
        return reply(u"auth"_s, 500, {}, store().errorString());
    return reply(u"auth"_s, 200, { { u"token"_s, token } });
}

QJsonObject WsModeBackend::registerUser(QWebSocket *socket, const QJsonObject &request)
{
    const QStringList fields { u"username"_s, u"password"_s, u"email"_s };
    if (auto failure = missing(request, fields); !failure.isEmpty())
        return failure;
    const auto username = text(request, u"username"_s);
    const auto email = request.value(u"email"_s).toString();
    if (store().userByLogin(username) || store().userByEmail(email))
        return reply(u"register"_s, 409, {}, u"username or email taken"_s);
    const auto user
        = store().createUser(username, request.value(u"password"_s).toString(), username, email);
    if (!user)
        return reply(u"register"_s, 500, {}, store().errorString());
    return reply(u"register"_s, 200, { { u"token"_s, issueToken(socket, user->id) } });
}

QJsonObject WsModeBackend::recovery(QWebSocket *, const QJsonObject &request)
{
    const QStringList fields { u"username"_s, u"known_data"_s, u"known_data_type"_s };
    if (auto failure = missing(request, fields); !failure.isEmpty())
        return failure;
    const auto type = request.value(u"known_data_type"_s).toString();
    if (type != u"email"_s && type != u"username"_s)
        return reply(u"recovery"_s, 422, {}, u"known_data_type: email or username"_s);
    const auto user = store().userByLogin(text(request, u"username"_s));
    const auto known = text(request, u"known_data"_s);
    const bool matches = user
        && (type == u"email"_s ? user->email.compare(known, Qt::CaseInsensitive) == 0
                               : user->login == known);
    // A real server would now mail a reset link; 200 says it did.
    return matches ? reply(u"recovery"_s, 200)
                   : reply(u"recovery"_s, 409, {}, u"no account matches"_s);
}

QJsonObject WsModeBackend::logout(QWebSocket *socket, const QJsonObject &request)
{
    const auto check = authenticate(socket, request);
    if (!check.user)
        return check.failure;
    const auto token = request.value(u"token"_s).toString();
    m_revoked.insert(token);
    m_liveTokens[check.user->id].removeAll(token);
    m_socketUsers.remove(socket);
    return reply(u"logout"_s, 200);
}

QJsonObject WsModeBackend::createChat(QWebSocket *socket, const QJsonObject &request)
{
    const auto check = authenticate(socket, request);
    if (!check.user)
        return check.failure;
    const QStringList fields { u"contact_value"_s, u"contact_mode"_s };
    if (auto failure = missing(request, fields); !failure.isEmpty())
        return failure;
    const auto mode = request.value(u"contact_mode"_s).toString();
    const auto value = text(request, u"contact_value"_s);
    std::optional<UserRow> contact;
    if (mode == u"id"_s)
        contact = store().userById(value.toLongLong());
    else if (mode == u"username"_s)
        contact = store().userByLogin(value);
    else
        return reply(u"createChat"_s, 422, {}, u"contact_mode: id or username"_s);
    if (!contact || contact->deleted || contact->id == check.user->id)
        return reply(u"createChat"_s, 409, {}, u"contact not found"_s);
    for (const auto &flow : store().flowsOf(check.user->id)) {
        if (flow.type == u"chat"_s && flow.members.size() == 2
            && flow.members.contains(contact->id))
            return reply(u"createChat"_s, 200, { { u"chat_id"_s, flow.id } });
    }
    const auto flow
        = store().createFlow(u"chat"_s, {}, {}, check.user->id, { check.user->id, contact->id });
    if (!flow)
        return reply(u"createChat"_s, 500, {}, store().errorString());
    return reply(u"createChat"_s, 200, { { u"chat_id"_s, flow->id } });
}

QJsonObject WsModeBackend::getChats(QWebSocket *socket, const QJsonObject &request)
{
    const auto check = authenticate(socket, request);
    if (!check.user)
        return check.failure;
    QJsonArray chats;
    for (const auto &flow : store().flowsOf(check.user->id))
        chats.append(chatJson(flow, check.user->id));
    return reply(u"getChats"_s, 200, { { u"chats"_s, chats } });
}

QJsonObject WsModeBackend::getMessages(QWebSocket *socket, const QJsonObject &request)
{
    std::optional<FlowRow> flow;
    const auto check = member(socket, request, &flow);
    if (!check.user)
        return check.failure;
    const auto min = request.value(u"min_message_id"_s);
    const qint64 minId = min.isUndefined() || min.isNull() ? 0 : min.toVariant().toLongLong();
    QJsonArray messages;
    for (const auto &message : store().messagesSince(check.user->id, 0, flow->id)) {
        if (message.id >= minId)
            messages.append(messageJson(message));
    }
    return reply(u"getMessages"_s, 200, { { u"messages"_s, messages } });
}

QJsonObject WsModeBackend::sendMessage(QWebSocket *socket, const QJsonObject &request)
{
    const auto mode = request.value(u"mode"_s).toString();
    if (mode == u"sendGroupMessage"_s && !m_groupMessages)
        return reply(mode, 501, {}, u"group chats are not implemented"_s);
    std::optional<FlowRow> flow;
    const auto check = member(socket, request, &flow);
    if (!check.user)
        return check.failure;
    if (auto failure = missing(request, { u"content_type"_s }); !failure.isEmpty())
        return failure;
    const auto content = request.value(u"content"_s);
    if (!content.isString() || content.toString().isEmpty())
        return reply(mode, 422, {}, u"content: missing"_s);
    MessageRow message;
    message.flowId = flow->id;
    message.userId = check.user->id;
    const auto type = request.value(u"content_type"_s).toString().toLower();
    if (type == u"text"_s) {
        message.text = content.toString();
    } else {
        const auto decoded = QByteArray::fromBase64Encoding(
            content.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return reply(mode, 422, {}, u"content: not base64"_s);
        QString *slot = type.startsWith(u"image/"_s) ? &message.filePicture
            : type.startsWith(u"video/"_s)           ? &message.fileVideo
            : type.startsWith(u"audio/"_s)           ? &message.fileAudio
                                                     : &message.fileDocument;
        *slot = content.toString();
    }
    const auto stored = store().addMessage(message);
    if (!stored)
        return reply(mode, 500, {}, store().errorString());
    if (type != u"text"_s)
        m_contentTypes.insert(stored->id, type);
    push(*flow, *stored, socket);
    QJsonObject fields;
    if (m_sendIds)
        fields.insert(u"message_id"_s, stored->id);
    return reply(mode, 200, fields);
}

} // namespace Natter::Testing
