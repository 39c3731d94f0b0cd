// SPDX-License-Identifier: GPL-3.0-or-later
// Handler2020: one function per method of the July-2020 document.
#include "../store.h"
#include "fieldreader.h"
#include "handler2020.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Natter::Testing {

QJsonObject Handler2020::registerUser(const QString &type, const QJsonObject &data)
{
    FieldReader reader(400);
    const auto user = reader.objectOrFirst(data, u"data"_s, u"user"_s);
    const auto login = reader.string(user, u"data.user"_s, u"login"_s);
    const auto password = reader.string(user, u"data.user"_s, u"password"_s);
    const auto username = reader.string(user, u"data.user"_s, u"username"_s, false);
    const auto email = reader.string(user, u"data.user"_s, u"email"_s, false);
    if (reader.ok() && (login.isEmpty() || password.isEmpty()))
        reader.invalid(u"data.user"_s, u"login and password must not be empty"_s);
    if (!reader.ok())
        return failure(type, reader);
    if (m_store.userByLogin(login))
        return reply(type, QJsonValue::Null, 409, u"login already taken"_s);
    const auto row = m_store.createUser(login, password, username, email);
    if (!row)
        return reply(type, QJsonValue::Null, 500, u"could not create the user"_s);
    const QJsonObject userObject { { u"id"_s, row->id },
        { u"auth_id"_s, m_store.issueAuthId(row->id) } };
    return reply(type, withTime({ { u"user"_s, userObject } }));
}

QJsonObject Handler2020::auth(const QString &type, const QJsonObject &data)
{
    FieldReader reader(400);
    const auto user = reader.objectOrFirst(data, u"data"_s, u"user"_s);
    const auto login = reader.string(user, u"data.user"_s, u"login"_s);
    const auto password = reader.string(user, u"data.user"_s, u"password"_s);
    if (!reader.ok())
        return failure(type, reader);
    const auto row = m_store.userByLogin(login);
    if (!row || !m_store.checkPassword(row->id, password))
        return reply(type, QJsonValue::Null, 401, u"wrong login or password"_s);
    const QJsonObject userObject { { u"id"_s, row->id },
        { u"auth_id"_s, m_store.issueAuthId(row->id) } };
    return reply(type, withTime({ { u"user"_s, userObject } }));
}

QJsonObject Handler2020::userInfo(const QString &type, const QJsonObject &data)
{
    FieldReader reader(400);
    const auto me = authenticate(reader, data);
    if (!reader.ok())
        return failure(type, reader);
    return reply(type, withTime({ { u"user"_s, userJson(*me, true) } }));
}

QJsonObject Handler2020::allFlow(const QString &type, const QJsonObject &data)
{
    FieldReader reader(400);
    const auto me = authenticate(reader, data);
    if (!reader.ok())
        return failure(type, reader);
    QJsonArray flows;
    for (const auto &flow : m_store.flowsOf(me->id))
        flows.append(flowJson(flow));
    return reply(type, withTime({ { u"flow"_s, oneOrList(flows) } }));
}

QJsonObject Handler2020::allMessages(const QString &type, const QJsonObject &data)
{
    FieldReader reader(400);
    const auto me = authenticate(reader, data);
    const auto since = reader.number(data, u"data"_s, u"time"_s);
    const auto flow = reader.ok() ? flowFilter(reader, data, me->id, false) : std::nullopt;
    if (!reader.ok())
        return failure(type, reader);
    QJsonArray messages;
    const auto rows = m_store.messagesSince(
        me->id, secondsToMs(*since), flow ? std::optional(flow->id) : std::nullopt);
    for (const auto &message : rows)
        messages.append(messageJson(message));
    return reply(type, withTime({ { u"message"_s, oneOrList(messages) } }));
}

QJsonObject Handler2020::getUpdate(const QString &type, const QJsonObject &data)
{
    FieldReader reader(400);
    const auto me = authenticate(reader, data);
    const auto since = reader.number(data, u"data"_s, u"time"_s);
    const auto filter = reader.ok() ? flowFilter(reader, data, me->id, false) : std::nullopt;
    if (!reader.ok())
        return failure(type, reader);
    const auto sinceMs = secondsToMs(*since);
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
    return reply(type,
        withTime({ { u"flow"_s, oneOrList(flows) }, { u"message"_s, oneOrList(messages) },
            { u"user"_s, oneOrList(users) } }));
}

QJsonObject Handler2020::sendMessage(const QString &type, const QJsonObject &data)
{
    FieldReader reader(400);
    const auto me = authenticate(reader, data);
    const auto flow = reader.ok() ? flowFilter(reader, data, me->id, true) : std::nullopt;
    const auto message = reader.objectOrFirst(data, u"data"_s, u"message"_s);
    MessageRow row;
    row.text = reader.string(message, u"data.message"_s, u"text"_s, false);
    const auto file = reader.object(message, u"data.message"_s, u"file"_s, false);
    row.filePicture = reader.string(file, u"data.message.file"_s, u"picture"_s, false);
    row.fileVideo = reader.string(file, u"data.message.file"_s, u"video"_s, false);
    row.fileAudio = reader.string(file, u"data.message.file"_s, u"audio"_s, false);
    row.fileDocument = reader.string(file, u"data.message.file"_s, u"document"_s, false);
    row.emoji = reader.string(message, u"data.message"_s, u"emoji"_s, false);
    if (reader.ok() && row.text.isEmpty() && row.filePicture.isEmpty() && row.fileVideo.isEmpty()
        && row.fileAudio.isEmpty() && row.fileDocument.isEmpty() && row.emoji.isEmpty())
        reader.invalid(u"data.message.text"_s, u"required string (or a file)"_s);
    if (reader.ok() && flow->type == u"channel"_s && flow->ownerId != me->id)
        reader.fail(403, u"data.flow.id: only the owner writes to a channel"_s);
    if (!reader.ok())
        return failure(type, reader);
    const auto replyTo = message.value(u"reply_to"_s);
    if (!replyTo.isUndefined() && !replyTo.isNull())
        row.replyTo = QString::fromUtf8(
            QJsonDocument(QJsonArray { replyTo }).toJson(QJsonDocument::Compact));
    row.flowId = flow->id;
    row.userId = me->id;
    const auto stored = m_store.addMessage(row);
    if (!stored)
        return reply(type, QJsonValue::Null, 500, u"could not store the message"_s);
    QJsonObject result { { u"time"_s, double(stored->time) / 1000.0 },
        { u"meta"_s, QJsonValue::Null } };
    return reply(type, result);
}

QJsonObject Handler2020::editedMessage(const QString &type, const QJsonObject &data)
{
    FieldReader reader(400);
    const auto me = authenticate(reader, data);
    const auto message = reader.objectOrFirst(data, u"data"_s, u"message"_s);
    const auto id = reader.integer(message, u"data.message"_s, u"id"_s);
    const auto text = reader.string(message, u"data.message"_s, u"text"_s);
    if (!reader.ok())
        return failure(type, reader);
    const auto row = m_store.messageById(*id);
    if (!row || !m_store.isMember(row->flowId, me->id) || row->deleted)
        return reply(type, QJsonValue::Null, 404, u"data.message.id: no such message"_s);
    if (row->userId != me->id)
        return reply(type, QJsonValue::Null, 403, u"only the author may edit a message"_s);
    m_store.editMessage(row->id, text);
    return reply(type, QJsonValue::Null);
}

QJsonObject Handler2020::deleteMessage(const QString &type, const QJsonObject &data)
{
    FieldReader reader(400);
    const auto me = authenticate(reader, data);
    const auto message = reader.objectOrFirst(data, u"data"_s, u"message"_s);
    const auto id = reader.integer(message, u"data.message"_s, u"id"_s);
    if (!reader.ok())
        return failure(type, reader);
    const auto row = m_store.messageById(*id);
    if (!row || !m_store.isMember(row->flowId, me->id))
        return reply(type, QJsonValue::Null, 404, u"data.message.id: no such message"_s);
    if (row->userId != me->id)
        return reply(type, QJsonValue::Null, 403, u"only the author may delete a message"_s);
    m_store.deleteMessage(row->id); // deleting twice is not an error: retries are safe
    return reply(type, QJsonValue::Null);
}

QJsonObject Handler2020::deleteUser(const QString &type, const QJsonObject &data)
{
    // The document's request carries login + password, no auth_id.
    FieldReader reader(400);
    const auto user = reader.objectOrFirst(data, u"data"_s, u"user"_s);
    const auto login = reader.string(user, u"data.user"_s, u"login"_s);
    const auto password = reader.string(user, u"data.user"_s, u"password"_s);
    if (!reader.ok())
        return failure(type, reader);
    const auto row = m_store.userByLogin(login);
    if (!row || !m_store.checkPassword(row->id, password))
        return reply(type, QJsonValue::Null, 401, u"wrong login or password"_s);
    const QJsonObject userObject { { u"id"_s, row->id }, { u"login"_s, row->login },
        { u"auth_id"_s, m_store.lastAuthId(row->id) } };
    m_store.deleteUser(row->id);
    return reply(type, QJsonObject { { u"user"_s, userObject }, { u"meta"_s, QJsonValue::Null } });
}

} // namespace Natter::Testing
