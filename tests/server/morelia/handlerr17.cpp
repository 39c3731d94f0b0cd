// SPDX-License-Identifier: GPL-3.0-or-later
// HandlerR17: envelope, dispatch, authentication and wire objects. Methods are in
// handlerr17methods.cpp.
#include "handlerr17.h"

#include "../store.h"
#include "fieldreader.h"

#include <QDateTime>
#include <QHash>

using namespace Qt::StringLiterals;

namespace Natter::Testing {

namespace {
qint64 seconds(qint64 ms)
{
    return ms / 1000;
}

QJsonValue stringOrNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonValue secondsOrNull(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(seconds(*ms)) : QJsonValue(QJsonValue::Null);
}
} // namespace

HandlerR17::HandlerR17(Store &store) : m_store(store) { }

QJsonObject HandlerR17::reply(
    const QString &type, const QJsonValue &data, int code, const QString &detail)
{
    const QJsonObject errors {
        { u"code"_s, code },
        { u"status"_s, reasonPhrase(code) },
        { u"time"_s, seconds(QDateTime::currentMSecsSinceEpoch()) },
        { u"detail"_s, detail },
    };
    return QJsonObject {
        { u"type"_s, type },
        { u"data"_s, data },
        { u"errors"_s, errors },
        { u"jsonapi"_s, QJsonObject { { u"version"_s, u"1.0"_s }, { u"revision"_s, u"17"_s } } },
        { u"meta"_s, QJsonValue::Null },
    };
}

QJsonObject HandlerR17::failure(const QString &type, const FieldReader &reader)
{
    return reply(
        reader.code() == 415 ? u"error"_s : type, QJsonValue::Null, reader.code(), reader.detail());
}

QJsonObject HandlerR17::garbage(const QString &detail)
{
    return reply(u"error"_s, QJsonValue::Null, 400, detail);
}

QJsonObject HandlerR17::withTime(QJsonObject data)
{
    data.insert(u"time"_s, seconds(m_store.now()));
    data.insert(u"meta"_s, QJsonValue::Null);
    return data;
}

QList<QJsonObject> HandlerR17::handle(const QJsonObject &request)
{
    static const QHash<QString, Method> methods {
        { u"register_user"_s, &HandlerR17::registerUser },
        { u"authentication"_s, &HandlerR17::authentication },
        { u"user_info"_s, &HandlerR17::userInfo },
        { u"add_flow"_s, &HandlerR17::addFlow },
        { u"all_flow"_s, &HandlerR17::allFlow },
        { u"all_messages"_s, &HandlerR17::allMessages },
        { u"get_update"_s, &HandlerR17::getUpdate },
        { u"send_message"_s, &HandlerR17::sendMessage },
        { u"edited_message"_s, &HandlerR17::editedMessage },
        { u"delete_message"_s, &HandlerR17::deleteMessage },
        { u"delete_user"_s, &HandlerR17::deleteUser },
        { u"ping_pong"_s, &HandlerR17::pingPong },
    };
    FieldReader reader(415);
    const auto type = reader.string(request, {}, u"type"_s);
    if (reader.ok() && type.isEmpty())
        reader.invalid(u"type"_s, u"must not be empty"_s);
    const auto jsonapi = reader.object(request, {}, u"jsonapi"_s);
    const auto data = reader.object(request, {}, u"data"_s, false);
    if (!reader.ok())
        return { failure(type, reader) };
    const auto version = jsonapi.value(u"version"_s);
    if (version.isNull() || version.isUndefined()) {
        reader.invalid(u"jsonapi.version"_s, u"required string"_s);
        return { failure(type, reader) };
    }
    if (version.toString() != u"1.0"_s && version.toDouble() != 1.0)
        return { reply(type, QJsonValue::Null, 505, u"jsonapi.version: only 1.0 is supported"_s) };
    const auto method = methods.value(type);
    if (!method)
        return { reply(type, QJsonValue::Null, 405, u"Unsupported method type: "_s + type) };
    // Shape first: every object collection is a list in r17.
    for (const auto &key : { u"user"_s, u"flow"_s, u"message"_s })
        reader.objectList(data, u"data"_s, key, false);
    if (!reader.ok())
        return { failure(type, reader) };
    return (this->*method)(type, data);
}

std::optional<UserRow> HandlerR17::authenticate(FieldReader &reader, const QJsonObject &data)
{
    const auto users = data.value(u"user"_s).toArray();
    const auto me = users.isEmpty() ? QJsonObject() : users.first().toObject();
    const auto uuid = me.value(u"uuid"_s);
    const auto authId = me.value(u"auth_id"_s);
    if (!uuid.isString() || !authId.isString()) {
        reader.fail(401, u"data.user[0]: uuid and auth_id are required"_s);
        return std::nullopt;
    }
    auto row = m_store.userByAuthId(authId.toString());
    if (!row || row->uuid != uuid.toString()) {
        reader.fail(401, u"data.user[0]: unknown uuid or auth_id"_s);
        return std::nullopt;
    }
    return row;
}

std::optional<FlowRow> HandlerR17::memberFlow(
    FieldReader &reader, const QJsonObject &data, qint64 userId, bool required)
{
    const auto flows = reader.objectList(data, u"data"_s, u"flow"_s, required);
    if (!reader.ok() || flows.isEmpty())
        return std::nullopt;
    const auto uuid = reader.string(flows.first().toObject(), u"data.flow[0]"_s, u"uuid"_s);
    if (!reader.ok())
        return std::nullopt;
    auto flow = m_store.flowByUuid(uuid);
    if (!flow)
        reader.fail(404, u"data.flow[0].uuid: no such flow"_s);
    else if (!flow->members.contains(userId))
        reader.fail(403, u"data.flow[0].uuid: not a member of this flow"_s);
    return reader.ok() ? flow : std::nullopt;
}

std::optional<MessageRow> HandlerR17::ownMessage(
    FieldReader &reader, const QJsonObject &data, qint64 userId)
{
    const auto messages = reader.objectList(data, u"data"_s, u"message"_s);
    if (!reader.ok())
        return std::nullopt;
    const auto message = messages.first().toObject();
    const auto uuid = reader.string(message, u"data.message[0]"_s, u"uuid"_s);
    reader.integer(message, u"data.message[0]"_s, u"client_id"_s, false);
    if (!reader.ok())
        return std::nullopt;
    auto row = m_store.messageByUuid(uuid);
    if (!row || !m_store.isMember(row->flowId, userId))
        reader.fail(404, u"data.message[0].uuid: no such message"_s);
    else if (row->userId != userId)
        reader.fail(403, u"data.message[0].uuid: only the author may change a message"_s);
    return reader.ok() ? row : std::nullopt;
}

QJsonValue HandlerR17::userUuid(qint64 id) const
{
    if (const auto it = m_userUuids.constFind(id); it != m_userUuids.constEnd())
        return it.value();
    const auto user = m_store.userById(id);
    if (!user)
        return QJsonValue(QJsonValue::Null);
    m_userUuids.insert(id, user->uuid);
    return user->uuid;
}

QJsonValue HandlerR17::flowUuid(qint64 id) const
{
    if (const auto it = m_flowUuids.constFind(id); it != m_flowUuids.constEnd())
        return it.value();
    const auto flow = m_store.flowById(id);
    if (!flow)
        return QJsonValue(QJsonValue::Null);
    m_flowUuids.insert(id, flow->uuid);
    return flow->uuid;
}

QJsonObject HandlerR17::flowJson(const FlowRow &flow) const
{
    QJsonArray users;
    for (const auto member : flow.members)
        users.append(userUuid(member));
    return {
        { u"uuid"_s, flow.uuid },
        { u"time"_s, seconds(flow.updated) },
        { u"type"_s, flow.type },
        { u"title"_s, stringOrNull(flow.title) },
        { u"info"_s, stringOrNull(flow.info) },
        { u"owner"_s, flow.ownerId > 0 ? userUuid(flow.ownerId) : QJsonValue() },
        { u"users"_s, users },
        { u"message_start"_s, secondsOrNull(flow.firstMessageTime) },
        { u"message_end"_s, secondsOrNull(flow.lastMessageTime) },
    };
}

QJsonObject HandlerR17::messageJson(const MessageRow &message) const
{
    return {
        { u"uuid"_s, message.uuid },
        { u"client_id"_s, message.clientId ? QJsonValue(*message.clientId) : QJsonValue() },
        { u"text"_s, message.text },
        { u"from_user"_s, userUuid(message.userId) },
        { u"from_flow"_s, flowUuid(message.flowId) },
        { u"time"_s, seconds(message.time) },
        { u"file_picture"_s, stringOrNull(message.filePicture) },
        { u"file_video"_s, stringOrNull(message.fileVideo) },
        { u"file_audio"_s, stringOrNull(message.fileAudio) },
        { u"file_document"_s, stringOrNull(message.fileDocument) },
        { u"emoji"_s, stringOrNull(message.emoji) },
        { u"edited_time"_s, secondsOrNull(message.editedTime) },
        { u"edited_status"_s, message.editedTime.has_value() },
    };
}

QJsonObject HandlerR17::userJson(const UserRow &user, bool self) const
{
    return {
        { u"uuid"_s, user.uuid },
        { u"login"_s, stringOrNull(user.login) },
        { u"username"_s, stringOrNull(user.username) },
        { u"bio"_s, stringOrNull(user.bio) },
        { u"avatar"_s, stringOrNull(user.avatar) },
        { u"password"_s, QJsonValue::Null },
        { u"is_bot"_s, user.isBot },
        { u"auth_id"_s, self ? stringOrNull(m_store.lastAuthId(user.id)) : QJsonValue() },
        { u"token_ttl"_s, QJsonValue::Null },
        { u"email"_s, self ? stringOrNull(user.email) : QJsonValue() },
    };
}

} // namespace Natter::Testing
