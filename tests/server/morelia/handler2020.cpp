// SPDX-License-Identifier: GPL-3.0-or-later
// Handler2020: envelope, dispatch, authentication and wire objects. Methods are in
// handler2020methods.cpp.
#include "handler2020.h"

#include "../store.h"
#include "fieldreader.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Natter::Testing {

namespace {
double seconds(qint64 ms)
{
    return double(ms) / 1000.0;
}

QJsonValue stringOrNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}
} // namespace

Handler2020::Handler2020(Store &store) : m_store(store) { }

QStringList Handler2020::aliases(const QString &type) const
{
    static const QList<QStringList> groups { { u"auth"_s, u"authentication"_s },
        { u"all_flow"_s, u"all_chat"_s } };
    for (const auto &group : groups) {
        if (group.contains(type))
            return group;
    }
    return {};
}

QJsonObject Handler2020::reply(
    const QString &type, const QJsonValue &data, int code, const QString &detail)
{
    const QJsonObject errors {
        { u"id"_s, ++m_errorId },
        { u"time"_s, seconds(QDateTime::currentMSecsSinceEpoch()) },
        { u"status"_s, reasonPhrase(code) },
        { u"code"_s, code },
        { u"detail"_s, detail },
    };
    return QJsonObject {
        { u"type"_s, type },
        { u"data"_s, data },
        { u"errors"_s, errors },
        { u"jsonapi"_s, QJsonObject { { u"version"_s, 1.0 } } },
        { u"meta"_s, QJsonValue::Null },
    };
}

QJsonObject Handler2020::failure(const QString &type, const FieldReader &reader)
{
    return reply(type, QJsonValue::Null, reader.code(), reader.detail());
}

QJsonObject Handler2020::garbage(const QString &detail)
{
    return reply(u"error"_s, QJsonValue::Null, 400, detail);
}

QJsonObject Handler2020::withTime(QJsonObject data)
{
    data.insert(u"time"_s, seconds(m_store.now()));
    data.insert(u"meta"_s, QJsonValue::Null);
    return data;
}

QList<QJsonObject> Handler2020::handle(const QJsonObject &request)
{
    static const QHash<QString, Method> methods {
        { u"register_user"_s, &Handler2020::registerUser },
        { u"auth"_s, &Handler2020::auth },
        { u"authentication"_s, &Handler2020::auth },
        { u"user_info"_s, &Handler2020::userInfo },
        { u"all_flow"_s, &Handler2020::allFlow },
        { u"all_chat"_s, &Handler2020::allFlow },
        { u"all_messages"_s, &Handler2020::allMessages },
        { u"get_update"_s, &Handler2020::getUpdate },
        { u"send_message"_s, &Handler2020::sendMessage },
        { u"edited_message"_s, &Handler2020::editedMessage },
        { u"delete_message"_s, &Handler2020::deleteMessage },
        { u"delete_user"_s, &Handler2020::deleteUser },
    };
    FieldReader reader(400);
    const auto type = reader.string(request, {}, u"type"_s);
    if (!reader.ok() || type.isEmpty())
        return { reply(u"error"_s, QJsonValue::Null, 400, u"type: required string"_s) };
    const auto jsonapi = reader.object(request, {}, u"jsonapi"_s);
    if (!reader.ok())
        return { failure(type, reader) };
    // The document's own example sends "version": None, so null is accepted too.
    const auto version = jsonapi.value(u"version"_s);
    if (!version.isNull() && !version.isUndefined() && version.toDouble() != 1.0
        && version.toString() != u"1.0"_s && version.toString() != u"1"_s)
        return { reply(type, QJsonValue::Null, 505, u"jsonapi.version: only 1.0 is supported"_s) };
    const auto data = reader.object(request, {}, u"data"_s, false);
    if (!reader.ok())
        return { failure(type, reader) };
    const auto method = methods.value(type);
    if (!method)
        return { reply(type, QJsonValue::Null, 400, u"Unsupported method type: "_s + type) };
    return { (this->*method)(type, data) };
}

std::optional<UserRow> Handler2020::authenticate(FieldReader &reader, const QJsonObject &data)
{
    const auto user = reader.objectOrFirst(data, u"data"_s, u"user"_s);
    const auto id = reader.integer(user, u"data.user"_s, u"id"_s);
    const auto authId = reader.string(user, u"data.user"_s, u"auth_id"_s);
    if (!reader.ok())
        return std::nullopt;
    auto row = m_store.userByAuthId(authId);
    if (!row || row->id != *id) {
        reader.fail(401, u"data.user: unknown id or auth_id"_s);
        return std::nullopt;
    }
    return row;
}

std::optional<FlowRow> Handler2020::flowFilter(
    FieldReader &reader, const QJsonObject &data, qint64 userId, bool required)
{
    const auto flowObject = reader.objectOrFirst(data, u"data"_s, u"flow"_s, required);
    if (!reader.ok() || flowObject.isEmpty())
        return std::nullopt;
    const auto id = reader.integer(flowObject, u"data.flow"_s, u"id"_s, required);
    if (!reader.ok() || !id)
        return std::nullopt;
    auto flow = m_store.flowById(*id);
    if (!flow)
        reader.fail(404, u"data.flow.id: no such flow"_s);
    else if (!flow->members.contains(userId))
        reader.fail(403, u"data.flow.id: not a member of this flow"_s);
    return reader.ok() ? flow : std::nullopt;
}

QJsonObject Handler2020::flowJson(const FlowRow &flow) const
{
    return {
        { u"id"_s, flow.id },
        { u"time"_s, seconds(flow.updated) },
        { u"type"_s, flow.type },
        { u"title"_s, flow.title },
        { u"info"_s, stringOrNull(flow.info) },
    };
}

QJsonObject Handler2020::messageJson(const MessageRow &message) const
{
    const auto author = m_store.userById(message.userId);
    const auto flow = m_store.flowById(message.flowId);
    QJsonValue file = QJsonValue::Null;
    if (!message.filePicture.isEmpty() || !message.fileVideo.isEmpty()
        || !message.fileAudio.isEmpty() || !message.fileDocument.isEmpty()) {
        file = QJsonObject {
            { u"picture"_s, stringOrNull(message.filePicture) },
            { u"video"_s, stringOrNull(message.fileVideo) },
            { u"audio"_s, stringOrNull(message.fileAudio) },
            { u"document"_s, stringOrNull(message.fileDocument) },
        };
    }
    QJsonValue edited = QJsonValue::Null;
    if (message.editedTime)
        edited = QJsonObject { { u"time"_s, seconds(*message.editedTime) }, { u"status"_s, true } };
    QJsonValue replyTo = QJsonValue::Null;
    if (!message.replyTo.isEmpty()) {
        // Stored as a one-element array so that scalars round-trip too.
        replyTo = QJsonDocument::fromJson(message.replyTo.toUtf8()).array().first();
    }
    return {
        { u"id"_s, message.id },
        { u"text"_s, message.text },
        { u"from_user"_s,
            QJsonObject { { u"id"_s, message.userId },
                { u"username"_s, author ? author->username : QString() } } },
        { u"time"_s, seconds(message.time) },
        { u"from_flow"_s,
            QJsonObject {
                { u"id"_s, message.flowId }, { u"type"_s, flow ? flow->type : QString() } } },
        { u"file"_s, file },
        { u"emoji"_s, stringOrNull(message.emoji) },
        { u"edited_message"_s, edited },
        { u"reply_to"_s, replyTo },
    };
}

QJsonObject Handler2020::userJson(const UserRow &user, bool self) const
{
    return {
        { u"id"_s, user.id },
        { u"login"_s, stringOrNull(user.login) },
        { u"password"_s, QJsonValue::Null }, // never sent back
        { u"username"_s, user.username },
        { u"is_bot"_s, user.isBot },
        { u"auth_id"_s, self ? stringOrNull(m_store.lastAuthId(user.id)) : QJsonValue() },
        { u"email"_s, self ? stringOrNull(user.email) : QJsonValue() },
        { u"avatar"_s, stringOrNull(user.avatar) },
        { u"bio"_s, stringOrNull(user.bio) },
    };
}

QJsonValue Handler2020::oneOrList(const QJsonArray &items)
{
    if (items.size() == 1)
        return items.first();
    return items;
}

} // namespace Natter::Testing
