// SPDX-License-Identifier: GPL-3.0-or-later
// MoreliaTalk encoding. The July-2020 requests have exactly the shapes of the document's examples
// (single objects, numeric ids as JSON numbers, float seconds); revision 17 requests have the
// shapes its server validates (lists, uuid strings, integer seconds, message.client_id).
// Dialect::Auto encodes as revision 17, what current servers speak.
#include "core/logging.h"
#include "moreliacodec.h"

#include <QJsonArray>

namespace Natter::Morelia {

namespace {

bool isV2020(Dialect dialect)
{
    return dialect == Dialect::V2020;
}

QString idKey(Dialect dialect)
{
    return isV2020(dialect) ? QStringLiteral("id") : QStringLiteral("uuid");
}

/// July 2020 ids are integers: a canonical decimal id goes out as a JSON number, anything else
/// (a server that hands out strings) as the string it was. Revision 17 uuids are strings.
QJsonValue wireId(Dialect dialect, const QString &id)
{
    if (isV2020(dialect)) {
        bool ok = false;
        const qint64 n = id.toLongLong(&ok);
        if (ok && QString::number(n) == id)
            return n;
    }
    return id;
}

/// July 2020: float seconds. Revision 17: integer seconds (milliseconds are lost).
QJsonValue wireTime(Dialect dialect, qint64 ms)
{
    if (isV2020(dialect))
        return double(ms) / 1000.0;
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue bytesOrNull(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QJsonValue(QJsonValue::Null)
                           : QJsonValue(QString::fromLatin1(bytes.toBase64()));
}

/// One object (July 2020) or a list of them (revision 17).
QJsonValue wrap(Dialect dialect, const QJsonObject &object)
{
    if (isV2020(dialect))
        return object;
    return QJsonArray { object };
}

/// data.user[0] / data.user: who is asking.
QJsonObject me(Dialect dialect, const SessionRef &session)
{
    return QJsonObject { { idKey(dialect), wireId(dialect, session.userId) },
        { QStringLiteral("auth_id"), session.authId } };
}

QJsonObject flowRef(Dialect dialect, const QString &flowId)
{
    return QJsonObject { { idKey(dialect), wireId(dialect, flowId) } };
}

/// The four file slots, each base64 or null. A second attachment for a slot cannot travel in the
/// same message; it is dropped with a warning (the client splits such sends).
QJsonObject fileSlots(const QList<Attachment> &attachments)
{
    QJsonObject slots;
    for (const Attachment::Kind kind : { Attachment::Kind::Picture, Attachment::Kind::Video,
             Attachment::Kind::Audio, Attachment::Kind::Document })
        slots.insert(fileSlotFor(kind), QJsonValue::Null);
    for (const Attachment &attachment : attachments) {
        const QString slot = fileSlotFor(attachment.kind);
        if (attachment.bytes.isEmpty())
            continue;
        if (!slots.value(slot).isNull()) {
            qCWarning(lcProtocol) << "MoreliaTalk carries one file per slot; dropped" << attachment;
            continue;
        }
        slots.insert(slot, bytesOrNull(attachment.bytes));
    }
    return slots;
}

/// Revision 17 flattens the slots into the message: file_picture, file_video, …
void insertFlatSlots(QJsonObject *message, const QList<Attachment> &attachments)
{
    const QJsonObject slots = fileSlots(attachments);
    for (auto it = slots.constBegin(); it != slots.constEnd(); ++it)
        message->insert(QStringLiteral("file_") + it.key(), it.value());
}

QJsonObject userData(Dialect dialect, const SessionRef &session)
{
    return QJsonObject { { QStringLiteral("user"), wrap(dialect, me(dialect, session)) } };
}

QJsonObject credentialsObject(const Credentials &credentials, bool withProfile)
{
    QJsonObject user { { QStringLiteral("password"), credentials.password },
        { QStringLiteral("login"), credentials.login } };
    // Empty optional fields are left out: the revision 17 server validates email as an address.
    if (withProfile && !credentials.email.isEmpty())
        user.insert(QStringLiteral("email"), credentials.email);
    if (!credentials.name.isEmpty())
        user.insert(QStringLiteral("username"), credentials.name);
    return user;
}

} // namespace

QString dialectName(Dialect dialect)
{
    switch (dialect) {
    case Dialect::Auto:
        return QStringLiteral("auto");
    case Dialect::V2020:
        return QStringLiteral("morelia-2020");
    case Dialect::Rev17:
        return QStringLiteral("morelia-r17");
    }
    return QStringLiteral("auto");
}

std::optional<Dialect> parseDialect(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("auto") || n == QLatin1String("morelia") || n.isEmpty())
        return Dialect::Auto;
    if (n == QLatin1String("morelia-2020") || n == QLatin1String("2020"))
        return Dialect::V2020;
    if (n == QLatin1String("morelia-r17") || n == QLatin1String("r17") || n == QLatin1String("17"))
        return Dialect::Rev17;
    return std::nullopt;
}

QString fileSlotFor(Attachment::Kind kind)
{
    return attachmentKindName(kind);
}

QJsonObject envelope(const QString &type, const QJsonObject &data)
{
    return envelope(Dialect::Rev17, type, data);
}

QJsonObject envelope(Dialect dialect, const QString &type, const QJsonObject &data)
{
    QJsonObject body = data;
    body.insert(QStringLiteral("meta"), QJsonValue::Null);
    const QJsonValue version
        = isV2020(dialect) ? QJsonValue(1.0) : QJsonValue(QStringLiteral("1.0"));
    return QJsonObject { { QStringLiteral("type"), type }, { QStringLiteral("data"), body },
        { QStringLiteral("jsonapi"), QJsonObject { { QStringLiteral("version"), version } } },
        { QStringLiteral("meta"), QJsonValue::Null } };
}

// ---- requests ------------------------------------------------------------------------------

QJsonObject encodeRegisterUser(Dialect dialect, const Credentials &credentials)
{
    const QJsonObject user = credentialsObject(credentials, true);
    return envelope(dialect, Method::RegisterUser,
        QJsonObject { { QStringLiteral("user"), wrap(dialect, user) } });
}

QJsonObject encodeAuth(Dialect dialect, const Credentials &credentials)
{
    // July 2020 sends username too when the user gave one (the document's example does).
    QJsonObject user = credentialsObject(credentials, false);
    if (!isV2020(dialect))
        user.remove(QStringLiteral("username"));
    return envelope(dialect, isV2020(dialect) ? Method::Auth : Method::Authentication,
        QJsonObject { { QStringLiteral("user"), wrap(dialect, user) } });
}

QJsonObject encodeUserInfo(Dialect dialect, const SessionRef &session, const QStringList &userIds)
{
    if (isV2020(dialect))
        return envelope(dialect, Method::UserInfo, userData(dialect, session));
    // Revision 17: user[0] is us, user[1:] the users wanted; our own profile must be asked for.
    QJsonArray users { me(dialect, session) };
    for (const QString &id : userIds.isEmpty() ? QStringList { session.userId } : userIds)
        users.append(QJsonObject { { QStringLiteral("uuid"), id } });
    return envelope(dialect, Method::UserInfo, QJsonObject { { QStringLiteral("user"), users } });
}

QJsonObject encodeAllFlow(Dialect dialect, const SessionRef &session, bool legacyName)
{
    return envelope(
        dialect, legacyName ? Method::AllChat : Method::AllFlow, userData(dialect, session));
}

QJsonObject encodeAddFlow(Dialect dialect, const SessionRef &session, const NewFlow &flow)
{
    // July 2020 has no add_flow; the same shape with single objects is what a server would expect.
    QJsonArray users { wireId(dialect, session.userId) };
    for (const QString &member : flow.members) {
        if (member != session.userId)
            users.append(wireId(dialect, member));
    }
    const QJsonObject object { { QStringLiteral("type"), flowTypeName(flow.type) },
        { QStringLiteral("title"), flow.title }, { QStringLiteral("info"), textOrNull(flow.info) },
        { QStringLiteral("owner"), wireId(dialect, session.userId) },
        { QStringLiteral("users"), users } };
    QJsonObject data = userData(dialect, session);
    data.insert(QStringLiteral("flow"), wrap(dialect, object));
    return envelope(dialect, Method::AddFlow, data);
}

QJsonObject encodeAllMessages(
    Dialect dialect, const SessionRef &session, const QString &flowId, qint64 sinceMs)
{
    QJsonObject data = userData(dialect, session);
    data.insert(QStringLiteral("time"), wireTime(dialect, sinceMs));
    if (!isV2020(dialect))
        data.insert(QStringLiteral("flow"), wrap(dialect, flowRef(dialect, flowId)));
    return envelope(dialect, Method::AllMessages, data);
}

QJsonObject encodeGetUpdate(
    Dialect dialect, const SessionRef &session, qint64 sinceMs, const QString &flowId)
{
    QJsonObject data = userData(dialect, session);
    data.insert(QStringLiteral("time"), wireTime(dialect, sinceMs));
    if (!flowId.isEmpty())
        data.insert(QStringLiteral("flow"), wrap(dialect, flowRef(dialect, flowId)));
    return envelope(dialect, Method::GetUpdate, data);
}

QJsonObject encodeSendMessage(
    Dialect dialect, const SessionRef &session, const OutgoingMessage &message)
{
    QJsonObject data = userData(dialect, session);
    if (isV2020(dialect)) {
        const QString type = flowTypeName(message.flowType);
        const QJsonObject flow { { QStringLiteral("id"), wireId(dialect, message.flowId) },
            { QStringLiteral("type"), type } };
        const QJsonObject wire {
            { QStringLiteral("text"), message.text },
            { QStringLiteral("from_user"),
                QJsonObject { { QStringLiteral("id"), wireId(dialect, session.userId) },
                    { QStringLiteral("username"), message.fromName } } },
            { QStringLiteral("time"), wireTime(dialect, message.timeMs) },
            { QStringLiteral("from_flow"), flow },
            { QStringLiteral("file"), fileSlots(message.attachments) },
            { QStringLiteral("emoji"), QJsonValue::Null },
            { QStringLiteral("reply_to"),
                message.replyTo.isEmpty() ? QJsonValue(QJsonValue::Null)
                                          : wireId(dialect, message.replyTo) },
        };
        data.insert(QStringLiteral("flow"), flow);
        data.insert(QStringLiteral("message"), wire);
    } else {
        // uuid is required but the server assigns its own; client_id comes back in the answer.
        QJsonObject wire { { QStringLiteral("uuid"), QString() },
            { QStringLiteral("client_id"), message.clientId },
            { QStringLiteral("text"), message.text },
            { QStringLiteral("from_flow"), message.flowId },
            { QStringLiteral("emoji"), QJsonValue::Null } };
        insertFlatSlots(&wire, message.attachments);
        data.insert(QStringLiteral("flow"), wrap(dialect, flowRef(dialect, message.flowId)));
        data.insert(QStringLiteral("message"), QJsonArray { wire });
    }
    return envelope(dialect, Method::SendMessage, data);
}

QJsonObject encodeEditMessage(Dialect dialect, const SessionRef &session, const QString &flowId,
    const QString &messageId, const QString &text, qint64 timeMs)
{
    QJsonObject data = userData(dialect, session);
    data.insert(QStringLiteral("flow"), wrap(dialect, flowRef(dialect, flowId)));
    QJsonObject message { { idKey(dialect), wireId(dialect, messageId) },
        { QStringLiteral("text"), text } };
    if (isV2020(dialect))
        message.insert(QStringLiteral("time"), wireTime(dialect, timeMs));
    else
        message.insert(QStringLiteral("client_id"), 0); // required by the schema, unused
    data.insert(QStringLiteral("message"), wrap(dialect, message));
    return envelope(dialect, Method::EditedMessage, data);
}

QJsonObject encodeDeleteMessage(Dialect dialect, const SessionRef &session, const QString &flowId,
    const QString &messageId, qint64 timeMs)
{
    QJsonObject data = userData(dialect, session);
    data.insert(QStringLiteral("flow"), wrap(dialect, flowRef(dialect, flowId)));
    QJsonObject message { { idKey(dialect), wireId(dialect, messageId) } };
    if (isV2020(dialect))
        message.insert(QStringLiteral("time"), wireTime(dialect, timeMs));
    else
        message.insert(QStringLiteral("client_id"), 0);
    data.insert(QStringLiteral("message"), wrap(dialect, message));
    return envelope(dialect, Method::DeleteMessage, data);
}

QJsonObject encodeDeleteUser(
    Dialect dialect, const SessionRef &session, const Credentials &credentials)
{
    if (isV2020(dialect)) {
        // The July-2020 example identifies the account by its credentials alone.
        return envelope(dialect, Method::DeleteUser,
            QJsonObject { { QStringLiteral("user"), credentialsObject(credentials, false) } });
    }
    QJsonObject user = me(dialect, session);
    user.insert(QStringLiteral("login"), credentials.login);
    user.insert(QStringLiteral("password"), credentials.password);
    return envelope(dialect, Method::DeleteUser,
        QJsonObject { { QStringLiteral("user"), QJsonArray { user } } });
}

QJsonObject encodePingPong(Dialect dialect, const SessionRef &session)
{
    return envelope(dialect, Method::PingPong, userData(dialect, session));
}

// ---- objects -------------------------------------------------------------------------------

QJsonObject encodeFlow(Dialect dialect, const Flow &flow)
{
    QJsonObject object { { idKey(dialect), wireId(dialect, flow.id) },
        { QStringLiteral("time"), wireTime(dialect, flow.updated) },
        { QStringLiteral("type"), flowTypeName(flow.type) },
        { QStringLiteral("title"), textOrNull(flow.title) },
        { QStringLiteral("info"), textOrNull(flow.info) } };
    if (!isV2020(dialect)) {
        object.insert(QStringLiteral("owner"), textOrNull(flow.owner));
        object.insert(QStringLiteral("users"), QJsonArray::fromStringList(flow.members));
        object.insert(QStringLiteral("message_start"), QJsonValue::Null);
        object.insert(QStringLiteral("message_end"), QJsonValue::Null);
    }
    return object;
}

QJsonObject encodeMessage(Dialect dialect, const Message &message)
{
    const bool edited = message.edited || message.editedTime != 0;
    if (isV2020(dialect)) {
        return QJsonObject {
            { QStringLiteral("id"), wireId(dialect, message.id) },
            { QStringLiteral("text"), message.text },
            { QStringLiteral("from_user"),
                QJsonObject { { QStringLiteral("id"), wireId(dialect, message.fromId) },
                    { QStringLiteral("username"), textOrNull(message.fromName) } } },
            { QStringLiteral("time"), wireTime(dialect, message.time) },
            { QStringLiteral("from_flow"),
                QJsonObject { { QStringLiteral("id"), wireId(dialect, message.flowId) } } },
            { QStringLiteral("file"), fileSlots(message.attachments) },
            { QStringLiteral("emoji"), QJsonValue::Null },
            { QStringLiteral("edited_message"),
                edited ? QJsonValue(
                    QJsonObject { { QStringLiteral("time"), wireTime(dialect, message.editedTime) },
                        { QStringLiteral("status"), message.edited } })
                       : QJsonValue(QJsonValue::Null) },
            { QStringLiteral("reply_to"),
                message.replyTo.isEmpty() ? QJsonValue(QJsonValue::Null)
                                          : wireId(dialect, message.replyTo) },
        };
    }
    QJsonObject object {
        { QStringLiteral("uuid"), message.id },
        { QStringLiteral("client_id"),
            message.clientId ? QJsonValue(message.clientId) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("text"), message.text },
        { QStringLiteral("from_user"), textOrNull(message.fromId) },
        { QStringLiteral("time"), wireTime(dialect, message.time) },
        { QStringLiteral("from_flow"), message.flowId },
        { QStringLiteral("emoji"), QJsonValue::Null },
        { QStringLiteral("edited_time"),
            message.editedTime ? wireTime(dialect, message.editedTime)
                               : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("edited_status"),
            edited ? QJsonValue(message.edited) : QJsonValue(QJsonValue::Null) },
    };
    insertFlatSlots(&object, message.attachments);
    return object;
}

QJsonObject encodeUser(Dialect dialect, const User &user)
{
    QJsonObject object { { idKey(dialect), wireId(dialect, user.id) },
        { QStringLiteral("login"), textOrNull(user.login) },
        { QStringLiteral("username"), textOrNull(user.name) },
        { QStringLiteral("email"), textOrNull(user.email) },
        { QStringLiteral("bio"), textOrNull(user.bio) },
        { QStringLiteral("avatar"), bytesOrNull(user.avatar) },
        { QStringLiteral("is_bot"), user.isBot } };
    if (!isV2020(dialect)) {
        // Secrets never travel in a user object Natter writes.
        object.insert(QStringLiteral("password"), QJsonValue::Null);
        object.insert(QStringLiteral("auth_id"), QJsonValue::Null);
        object.insert(QStringLiteral("token_ttl"), QJsonValue::Null);
    }
    return object;
}

} // namespace Natter::Morelia
