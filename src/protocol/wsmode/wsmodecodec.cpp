// SPDX-License-Identifier: GPL-3.0-or-later
// "mode" protocol decoding: the frame, status → Error mapping and the payload decoders.
// Encoders live in wsmodeencode.cpp.
#include "wsmodecodec.h"

#include "protocol/jsonread.h"

#include <QCryptographicHash>
#include <QMimeDatabase>

namespace Natter::WsMode {

namespace {

using Json::fieldError;

QString indexed(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QString join(const QString &path, QLatin1String key)
{
    return path.isEmpty() ? QString(key) : path + QLatin1Char('.') + key;
}

bool present(const QJsonValue &v)
{
    return !v.isUndefined() && !v.isNull();
}

template <typename T>
Result<T> withRaw(Result<T> result, const QByteArray &raw)
{
    if (result.ok())
        return result;
    Error error = result.error();
    error.raw = raw;
    return error;
}

/// A list field that may also arrive as one object (or null / absent: empty).
template <typename T, typename Decode>
Result<QList<T>> decodeList(const Frame &frame, QLatin1String key, Decode decode)
{
    const QJsonValue value = Json::value(frame.object, key);
    const std::optional<QList<QJsonObject>> objects = Json::objects(value);
    if (!objects)
        return fieldError(
            QString(key), QStringLiteral("not an object or a list of objects"), frame.raw);
    QList<T> list;
    for (qsizetype i = 0; i < objects->size(); ++i) {
        const QString path = value.isArray() ? indexed(QString(key), i) : QString(key);
        Result<T> item = decode(objects->at(i), path);
        if (!item)
            return withRaw(Result<QList<T>>(item.error()), frame.raw);
        list.append(std::move(item).value());
    }
    return list;
}

Attachment attachmentFor(const QString &mime, const QByteArray &bytes)
{
    Attachment a;
    a.mime = mime;
    a.kind = Attachment::kindForMime(mime);
    a.bytes = bytes;
    a.size = bytes.size();
    const QString suffix = QMimeDatabase().mimeTypeForName(mime).preferredSuffix();
    a.name = attachmentKindName(a.kind).toLower()
        + (suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix);
    return a;
}

} // namespace

Result<Frame> decodeFrame(const QByteArray &raw, int maxDepth)
{
    Result<QJsonObject> parsed = Json::parseObject(raw, maxDepth);
    if (!parsed)
        return parsed.error();
    Frame frame;
    frame.object = parsed.value();
    frame.raw = raw;
    const QJsonValue mode = Json::value(frame.object, QLatin1String("mode"));
    if (!present(mode))
        return fieldError(QStringLiteral("mode"), QStringLiteral("missing"), raw);
    if (!mode.isString() || mode.toString().trimmed().isEmpty())
        return fieldError(QStringLiteral("mode"), QStringLiteral("not a mode name"), raw);
    frame.mode = mode.toString().trimmed();

    const QJsonValue status = Json::value(frame.object, QLatin1String("status"));
    if (present(status)) {
        const std::optional<qint64> code = status.isBool() ? std::nullopt : Json::integer(status);
        if (!code || *code < 100 || *code > 999)
            return fieldError(QStringLiteral("status"), QStringLiteral("not a status code"), raw);
        frame.status = int(*code);
    }
    const QJsonValue timestamp = Json::value(frame.object, QLatin1String("timestamp"));
    if (present(timestamp)) {
        const std::optional<qint64> ms = Json::timeMs(timestamp);
        if (!ms)
            return fieldError(QStringLiteral("timestamp"), QStringLiteral("not a time"), raw);
        frame.timestampMs = *ms;
    }
    return frame;
}

Error errorFromFrame(const Frame &frame, const QString &requestMode, bool sentToken)
{
    using C = Error::Code;
    const int code = frame.code();
    const QString detail = Json::string(
        Json::firstOf(frame.object,
            { QLatin1String("detail"), QLatin1String("message"), QLatin1String("error") }))
                               .value_or(QString());
    const auto make = [&](C c, const QString &text) {
        return Error::make(
            c, detail.isEmpty() ? text : text + QStringLiteral(": ") + detail, code, frame.raw);
    };
    switch (code) {
    case 401:
        if (requestMode == Mode::Auth)
            return make(C::WrongCredentials, QStringLiteral("wrong username or password"));
        return sentToken ? make(C::SessionExpired, QStringLiteral("the session token was refused"))
                         : make(C::NotAuthenticated, QStringLiteral("not logged in"));
    case 403:
        return make(C::TooManySessions, QStringLiteral("too many sessions for this account"));
    case 409:
        if (requestMode == Mode::Register)
            return make(C::AlreadyExists, QStringLiteral("name or email taken"));
        if (requestMode == Mode::CreateChat)
            return make(C::NotFound, QStringLiteral("no such user"));
        if (requestMode == Mode::Recovery)
            return make(C::NotFound, QStringLiteral("no account matches"));
        return make(C::ServerRefused, QStringLiteral("conflict"));
    case 422:
        return make(C::Validation, QStringLiteral("the server says fields are missing"));
    case 423:
        return make(C::NotAMember, QStringLiteral("not a member of this chat"));
    case 500:
        return make(C::ServerFailure, QStringLiteral("internal server error"));
    case 501:
        return make(
            C::NotSupported, QStringLiteral("the server does not implement %1").arg(requestMode));
    default:
        break;
    }
    if (code >= 500)
        return make(C::ServerFailure, QStringLiteral("server error %1").arg(code));
    return make(C::ServerRefused, QStringLiteral("refused with status %1").arg(code));
}

Result<QString> decodeToken(const Frame &frame)
{
    const std::optional<QString> token
        = Json::string(Json::value(frame.object, QLatin1String("token")));
    if (!token || token->isEmpty())
        return fieldError(QStringLiteral("token"), QStringLiteral("missing"), frame.raw);
    return *token;
}

Result<QString> decodeChatId(const Frame &frame)
{
    const QJsonValue v = Json::value(frame.object, QLatin1String("chat_id"));
    if (!present(v))
        return fieldError(QStringLiteral("chat_id"), QStringLiteral("missing"), frame.raw);
    const std::optional<QString> id = Json::id(v);
    if (!id || id->isEmpty())
        return fieldError(QStringLiteral("chat_id"), QStringLiteral("not an id"), frame.raw);
    return *id;
}

Result<QList<Flow>> decodeChats(const Frame &frame)
{
    return decodeList<Flow>(frame, QLatin1String("chats"), decodeChat);
}

Result<QList<Message>> decodeMessages(const Frame &frame, const QString &chatId)
{
    QString chat = chatId;
    const QJsonValue frameChat = Json::value(frame.object, QLatin1String("chat_id"));
    if (present(frameChat)) {
        const std::optional<QString> id = Json::id(frameChat);
        if (!id)
            return fieldError(QStringLiteral("chat_id"), QStringLiteral("not an id"), frame.raw);
        chat = *id;
    }
    const bool single = !Json::value(frame.object, QLatin1String("messages")).isArray()
        && present(Json::value(frame.object, QLatin1String("message")));
    return decodeList<Message>(frame, single ? QLatin1String("message") : QLatin1String("messages"),
        [&chat](
            const QJsonObject &o, const QString &path) { return decodeMessage(o, chat, path); });
}

Result<QList<Member>> decodeMembers(const QJsonValue &value, const QString &path)
{
    QList<Member> members;
    if (!present(value))
        return members;
    const QJsonArray list = value.isArray() ? value.toArray() : QJsonArray { value };
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = value.isArray() ? indexed(path, i) : path;
        const QJsonValue item = list.at(i);
        Member m;
        if (item.isObject()) {
            const QJsonObject o = item.toObject();
            const QJsonValue id
                = Json::firstOf(o, { QLatin1String("id"), QLatin1String("user_id") });
            m.id = Json::id(id).value_or(QString());
            m.username = Json::string(
                Json::firstOf(o, { QLatin1String("username"), QLatin1String("name") }))
                             .value_or(QString());
            if (m.id.isEmpty() && m.username.isEmpty())
                return fieldError(at, QStringLiteral("neither id nor username"));
        } else if (const std::optional<QString> id = Json::id(item); id && !id->isEmpty()) {
            m.id = *id;
        } else {
            return fieldError(at, QStringLiteral("not a member"));
        }
        members.append(m);
    }
    return members;
}

Result<Flow> decodeChat(const QJsonObject &object, const QString &path)
{
    Flow flow;
    const QJsonValue id = Json::value(object, QLatin1String("chat_id"));
    if (!present(id))
        return fieldError(join(path, QLatin1String("chat_id")), QStringLiteral("missing"));
    flow.id = Json::id(id).value_or(QString());
    if (flow.id.isEmpty())
        return fieldError(join(path, QLatin1String("chat_id")), QStringLiteral("not an id"));

    const QJsonValue type = Json::value(object, QLatin1String("chat_type"));
    if (present(type)) {
        const QString name = Json::string(type).value_or(QString()).trimmed().toLower();
        if (name == QLatin1String("personal"))
            flow.type = Flow::Type::Chat;
        else if (name == QLatin1String("group"))
            flow.type = Flow::Type::Group;
        else
            return fieldError(
                join(path, QLatin1String("chat_type")), QStringLiteral("not personal or group"));
    }
    const QJsonValue name = Json::value(object, QLatin1String("chat_name"));
    if (present(name)) {
        const std::optional<QString> title = name.isBool() ? std::nullopt : Json::string(name);
        if (!title)
            return fieldError(
                join(path, QLatin1String("chat_name")), QStringLiteral("not a string"));
        flow.title = *title;
    }
    const QJsonValue last = Json::value(object, QLatin1String("last_message_time"));
    if (present(last) && !(last.isString() && last.toString().trimmed().isEmpty())) {
        const std::optional<qint64> ms = Json::timeMs(last);
        if (!ms)
            return fieldError(
                join(path, QLatin1String("last_message_time")), QStringLiteral("not a time"));
        flow.updated = *ms;
    }
    Result<QList<Member>> members
        = decodeMembers(Json::value(object, QLatin1String("chat_members")),
            join(path, QLatin1String("chat_members")));
    if (!members)
        return members.error();
    for (const Member &m : members.value())
        flow.members.append(m.id.isEmpty() ? m.username : m.id);
    return flow;
}

Result<Message> decodeMessage(const QJsonObject &object, const QString &chatId, const QString &path)
{
    Message m;
    m.flowId = chatId;
    const QJsonValue ownChat = Json::value(object, QLatin1String("chat_id"));
    if (present(ownChat)) {
        const std::optional<QString> id = Json::id(ownChat);
        if (!id)
            return fieldError(join(path, QLatin1String("chat_id")), QStringLiteral("not an id"));
        m.flowId = *id;
    }
    const QJsonValue from = Json::value(object, QLatin1String("from_id"));
    if (!present(from))
        return fieldError(join(path, QLatin1String("from_id")), QStringLiteral("missing"));
    m.fromId = Json::id(from).value_or(QString());
    if (m.fromId.isEmpty())
        return fieldError(join(path, QLatin1String("from_id")), QStringLiteral("not an id"));
    m.fromName = Json::string(Json::value(object, QLatin1String("from_name"))).value_or(QString());

    const QJsonValue time = Json::value(object, QLatin1String("content_time"));
    if (!present(time))
        return fieldError(join(path, QLatin1String("content_time")), QStringLiteral("missing"));
    const std::optional<qint64> ms = Json::timeMs(time);
    if (!ms)
        return fieldError(join(path, QLatin1String("content_time")), QStringLiteral("not a time"));
    m.time = *ms;

    Content content;
    const QJsonValue body = Json::value(object, QLatin1String("content"));
    if (!present(body))
        return fieldError(join(path, QLatin1String("content")), QStringLiteral("missing"));
    if (body.isBool() || !Json::string(body))
        return fieldError(join(path, QLatin1String("content")), QStringLiteral("not a string"));
    content.content = *Json::string(body);
    const QJsonValue type = Json::value(object, QLatin1String("content_type"));
    content.contentType
        = present(type) ? Json::string(type).value_or(QString()).trimmed() : QString(TextContent);
    if (content.contentType.isEmpty())
        return fieldError(join(path, QLatin1String("content_type")), QStringLiteral("not a type"));
    if (content.contentType.compare(TextContent, Qt::CaseInsensitive) == 0) {
        m.text = content.content;
    } else {
        const std::optional<QByteArray> bytes = Json::base64(body);
        if (!bytes)
            return fieldError(join(path, QLatin1String("content")),
                Json::base64Exceeds(body)
                    ? QStringLiteral("over the %1-byte limit").arg(Json::kMaxDecodedBytes)
                    : QStringLiteral("not valid base64"));
        m.attachments.append(attachmentFor(content.contentType.toLower(), *bytes));
    }

    const QJsonValue id
        = Json::firstOf(object, { QLatin1String("message_id"), QLatin1String("id") });
    if (present(id)) {
        const std::optional<QString> wire = Json::id(id);
        if (!wire || wire->isEmpty())
            return fieldError(join(path, QLatin1String("message_id")), QStringLiteral("not an id"));
        m.id = *wire;
    } else {
        m.id = localMessageKey(m.flowId, m.time, m.fromId, content);
    }
    return m;
}

QString localMessageKey(
    const QString &chatId, qint64 timeMs, const QString &fromId, const Content &content)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const QString &part : { chatId, QString::number(timeMs), fromId,
             content.contentType.toLower(), content.content }) {
        hash.addData(part.toUtf8());
        hash.addData(QByteArrayView("\x1f", 1));
    }
    return LocalKeyPrefix + QString::fromLatin1(hash.result().toHex().left(32));
}

Content textContent(const QString &text)
{
    return { text, QString(TextContent) };
}

Content attachmentContent(const Attachment &attachment)
{
    const QString mime
        = attachment.mime.isEmpty() ? QStringLiteral("application/octet-stream") : attachment.mime;
    return { QString::fromLatin1(attachment.bytes.toBase64()), mime };
}

} // namespace Natter::WsMode
