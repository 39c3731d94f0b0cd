// SPDX-License-Identifier: GPL-3.0-or-later
// HandlerR17: one function per method of MoreliaTalk 1.0 revision 17.
#include "../store.h"
#include "fieldreader.h"
#include "handlerr17.h"

using namespace Qt::StringLiterals;

namespace Natter::Testing {

namespace {
const QStringList s_flowTypes { u"chat"_s, u"group"_s, u"channel"_s };
} // namespace

QList<QJsonObject> HandlerR17::registerUser(const QString &type, const QJsonObject &data)
{
    FieldReader reader(415);
    const auto users = reader.objectList(data, u"data"_s, u"user"_s);
    const auto user = users.isEmpty() ? QJsonObject() : users.first().toObject();
    const auto login = reader.string(user, u"data.user[0]"_s, u"login"_s);
    const auto password = reader.string(user, u"data.user[0]"_s, u"password"_s);
    const auto username = reader.string(user, u"data.user[0]"_s, u"username"_s, false);
    const auto email = reader.string(user, u"data.user[0]"_s, u"email"_s, false);
    if (reader.ok() && (login.isEmpty() || password.isEmpty()))
        reader.invalid(u"data.user[0]"_s, u"login and password must not be empty"_s);
    if (!reader.ok())
        return { failure(type, reader) };
    if (m_store.userByLogin(login))
        return { reply(type, QJsonValue::Null, 409, u"login already taken"_s) };
    const auto row = m_store.createUser(login, password, username, email);
    if (!row)
        return { reply(type, QJsonValue::Null, 500, u"could not create the user"_s) };
    const QJsonObject created { { u"uuid"_s, row->uuid }, { u"login"_s, row->login },
        { u"auth_id"_s, m_store.issueAuthId(row->id) } };
    return { reply(
        type, withTime({ { u"user"_s, QJsonArray { created } } }), 201, u"user created"_s) };
}

QList<QJsonObject> HandlerR17::authentication(const QString &type, const QJsonObject &data)
{
    FieldReader reader(415);
    const auto users = reader.objectList(data, u"data"_s, u"user"_s);
    const auto user = users.isEmpty() ? QJsonObject() : users.first().toObject();
    const auto login = reader.string(user, u"data.user[0]"_s, u"login"_s);
    const auto password = reader.string(user, u"data.user[0]"_s, u"password"_s);
    if (!reader.ok())
        return { failure(type, reader) };
    const auto row = m_store.userByLogin(login);
    if (!row || !m_store.checkPassword(row->id, password))
        return { reply(type, QJsonValue::Null, 401, u"wrong login or password"_s) };
    const QJsonObject me { { u"uuid"_s, row->uuid },
        { u"auth_id"_s, m_store.issueAuthId(row->id) } };
    return { reply(type, withTime({ { u"user"_s, QJsonArray { me } } })) };
}

QList<QJsonObject> HandlerR17::userInfo(const QString &type, const QJsonObject &data)
{
    FieldReader reader(415);
    const auto me = authenticate(reader, data);
    if (!reader.ok())
        return { failure(type, reader) };
    const auto wanted = data.value(u"user"_s).toArray();
    QJsonArray users;
    if (wanted.size() <= 1)
        users.append(userJson(*me, true));
    for (qsizetype i = 1; i < wanted.size(); ++i) {
        const auto uuid
            = reader.string(wanted.at(i).toObject(), u"data.user[%1]"_s.arg(i), u"uuid"_s);
        if (!reader.ok())
            return { failure(type, reader) };
        if (const auto user = m_store.userByUuid(uuid))
            users.append(userJson(*user, user->id == me->id));
    }
    if (users.isEmpty())
        return { reply(type, withTime({ { u"user"_s, users } }), 404, u"no such users"_s) };
    return { reply(type, withTime({ { u"user"_s, users } })) };
}

QList<QJsonObject> HandlerR17::addFlow(const QString &type, const QJsonObject &data)
{
    FieldReader reader(415);
    const auto me = authenticate(reader, data);
    const auto flows = reader.objectList(data, u"data"_s, u"flow"_s);
    const auto flow = flows.isEmpty() ? QJsonObject() : flows.first().toObject();
    const auto flowType = reader.string(flow, u"data.flow[0]"_s, u"type"_s);
    const auto title = reader.string(flow, u"data.flow[0]"_s, u"title"_s, false);
    const auto info = reader.string(flow, u"data.flow[0]"_s, u"info"_s, false);
    const auto userList = flow.value(u"users"_s);
    if (!userList.isUndefined() && !userList.isNull() && !userList.isArray())
        reader.invalid(u"data.flow[0].users"_s, u"must be a list of uuids"_s);
    if (!reader.ok())
        return { failure(type, reader) };
    if (!s_flowTypes.contains(flowType))
        return { reply(
            type, QJsonValue::Null, 400, u"data.flow[0].type: must be chat, group or channel"_s) };
    QList<qint64> members { me->id }; // the creator is always a member
    for (const auto &uuid : userList.toArray()) {
        const auto user = m_store.userByUuid(uuid.toString());
        if (!uuid.isString() || !user || user->deleted)
            return { reply(type, QJsonValue::Null, 400,
                u"data.flow[0].users: unknown user "_s + uuid.toString()) };
        if (!members.contains(user->id))
            members.append(user->id);
    }
    if (flowType == u"chat"_s && members.size() != 2)
        return { reply(
            type, QJsonValue::Null, 400, u"data.flow[0].users: a chat has exactly two users"_s) };
    // The owner is whoever creates the flow; a different "owner" in the request is ignored.
    const auto row = m_store.createFlow(flowType, title, info, me->id, members);
    if (!row)
        return { reply(type, QJsonValue::Null, 500, u"could not create the flow"_s) };
    return { reply(
        type, withTime({ { u"flow"_s, QJsonArray { flowJson(*row) } } }), 201, u"flow created"_s) };
}

QList<QJsonObject> HandlerR17::allFlow(const QString &type, const QJsonObject &data)
{
    FieldReader reader(415);
    const auto me = authenticate(reader, data);
    if (!reader.ok())
        return { failure(type, reader) };
    QJsonArray flows;
    for (const auto &flow : m_store.flowsOf(me->id))
        flows.append(flowJson(flow));
    return { reply(type, withTime({ { u"flow"_s, flows } })) };
}

QList<QJsonObject> HandlerR17::allMessages(const QString &type, const QJsonObject &data)
{
    FieldReader reader(415);
    const auto me = authenticate(reader, data);
    const auto since = reader.integer(data, u"data"_s, u"time"_s);
    const auto flow = reader.ok() ? memberFlow(reader, data, me->id, true) : std::nullopt;
    if (!reader.ok())
        return { failure(type, reader) };
    const auto rows = m_store.messagesSince(me->id, secondsToMs(double(*since)), flow->id);
    QList<QJsonObject> frames;
    qsizetype start = 0;
    do {
        QJsonArray page;
        const auto end = std::min<qsizetype>(start + PageSize, rows.size());
        for (auto i = start; i < end; ++i)
            page.append(messageJson(rows.at(i)));
        const bool last = end >= rows.size();
        frames.append(reply(type,
            withTime({ { u"flow"_s, QJsonArray { flowJson(*flow) } }, { u"message"_s, page } }),
            last ? 200 : 206, last ? u"successfully"_s : u"partial content"_s));
        start = end;
    } while (start < rows.size());
    return frames;
}

QList<QJsonObject> HandlerR17::getUpdate(const QString &type, const QJsonObject &data)
{
    FieldReader reader(415);
    const auto me = authenticate(reader, data);
    const auto since = reader.integer(data, u"data"_s, u"time"_s);
    const auto filter = reader.ok() ? memberFlow(reader, data, me->id, false) : std::nullopt;
    if (!reader.ok())
        return { failure(type, reader) };
    const auto sinceMs = secondsToMs(double(*since));
    auto flowRows = m_store.flowsChangedSince(me->id, sinceMs);
    if (filter)
        flowRows.removeIf([&](const FlowRow &flow) { return flow.id != filter->id; });
    QJsonArray flows, messages, users;
    for (const auto &flow : std::as_const(flowRows))
        flows.append(flowJson(flow));
    const auto messageRows = m_store.messagesChangedSince(
        me->id, sinceMs, filter ? std::optional(filter->id) : std::nullopt);
    for (const auto &message : messageRows)
        messages.append(messageJson(message));
    for (const auto &user : m_store.usersChangedSince(me->id, sinceMs, flowRows))
        users.append(userJson(user, user.id == me->id));
    return { reply(type,
        withTime({ { u"user"_s, users }, { u"flow"_s, flows }, { u"message"_s, messages } })) };
}

QList<QJsonObject> HandlerR17::sendMessage(const QString &type, const QJsonObject &data)
{
    FieldReader reader(415);
    const auto me = authenticate(reader, data);
    const auto flow = reader.ok() ? memberFlow(reader, data, me->id, true) : std::nullopt;
    const auto messages = reader.objectList(data, u"data"_s, u"message"_s);
    const auto message = messages.isEmpty() ? QJsonObject() : messages.first().toObject();
    const QString path = u"data.message[0]"_s;
    MessageRow row;
    row.clientId = reader.integer(message, path, u"client_id"_s);
    row.text = reader.string(message, path, u"text"_s, false);
    row.filePicture = reader.string(message, path, u"file_picture"_s, false);
    row.fileVideo = reader.string(message, path, u"file_video"_s, false);
    row.fileAudio = reader.string(message, path, u"file_audio"_s, false);
    row.fileDocument = reader.string(message, path, u"file_document"_s, false);
    row.emoji = reader.string(message, path, u"emoji"_s, false);
    if (reader.ok() && row.text.isEmpty() && row.filePicture.isEmpty() && row.fileVideo.isEmpty()
        && row.fileAudio.isEmpty() && row.fileDocument.isEmpty() && row.emoji.isEmpty())
        reader.invalid(path + u".text"_s, u"required string (or a file)"_s);
    if (reader.ok() && flow->type == u"channel"_s && flow->ownerId != me->id)
        reader.fail(403, u"data.flow[0].uuid: only the owner writes to a channel"_s);
    if (!reader.ok())
        return { failure(type, reader) };
    row.flowId = flow->id;
    row.userId = me->id;
    const auto stored = m_store.addMessage(row);
    if (!stored)
        return { reply(type, QJsonValue::Null, 500, u"could not store the message"_s) };
    const QJsonObject created { { u"uuid"_s, stored->uuid }, { u"client_id"_s, *stored->clientId },
        { u"time"_s, stored->time / 1000 } };
    return { reply(type, withTime({ { u"message"_s, QJsonArray { created } } })) };
}

QList<QJsonObject> HandlerR17::editedMessage(const QString &type, const QJsonObject &data)
{
    FieldReader reader(415);
    const auto me = authenticate(reader, data);
    const auto row = reader.ok() ? ownMessage(reader, data, me->id) : std::nullopt;
    const auto messages = data.value(u"message"_s).toArray();
    const auto text = reader.string(messages.first().toObject(), u"data.message[0]"_s, u"text"_s);
    if (reader.ok() && row->deleted)
        reader.fail(404, u"data.message[0].uuid: the message was deleted"_s);
    if (!reader.ok())
        return { failure(type, reader) };
    m_store.editMessage(row->id, text);
    const auto edited = m_store.messageById(row->id);
    return { reply(type, withTime({ { u"message"_s, QJsonArray { messageJson(*edited) } } })) };
}

QList<QJsonObject> HandlerR17::deleteMessage(const QString &type, const QJsonObject &data)
{
    FieldReader reader(415);
    const auto me = authenticate(reader, data);
    const auto row = reader.ok() ? ownMessage(reader, data, me->id) : std::nullopt;
    if (!reader.ok())
        return { failure(type, reader) };
    m_store.deleteMessage(row->id); // deleting twice is not an error: retries are safe
    const auto deleted = m_store.messageById(row->id);
    return { reply(type, withTime({ { u"message"_s, QJsonArray { messageJson(*deleted) } } })) };
}

QList<QJsonObject> HandlerR17::deleteUser(const QString &type, const QJsonObject &data)
{
    FieldReader reader(415);
    const auto me = authenticate(reader, data);
    if (!reader.ok())
        return { failure(type, reader) };
    const auto user = data.value(u"user"_s).toArray().first().toObject();
    const auto login = reader.string(user, u"data.user[0]"_s, u"login"_s);
    const auto password = reader.string(user, u"data.user[0]"_s, u"password"_s);
    if (!reader.ok())
        return { failure(type, reader) };
    if (login != me->login || !m_store.checkPassword(me->id, password))
        return { reply(type, QJsonValue::Null, 401, u"wrong login or password"_s) };
    m_store.deleteUser(me->id);
    const QJsonObject gone { { u"uuid"_s, me->uuid }, { u"login"_s, me->login } };
    return { reply(
        type, withTime({ { u"user"_s, QJsonArray { gone } } }), 200, u"user deleted"_s) };
}

QList<QJsonObject> HandlerR17::pingPong(const QString &type, const QJsonObject &data)
{
    FieldReader reader(415);
    authenticate(reader, data);
    if (!reader.ok())
        return { failure(type, reader) };
    return { reply(type, withTime({})) };
}

} // namespace Natter::Testing
