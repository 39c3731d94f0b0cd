// SPDX-License-Identifier: GPL-3.0-or-later
// MoreliaTalk decoding: the envelope, status → Error mapping and the payload/object decoders.
// Encoders live in moreliaencode.cpp.
#include "moreliacodec.h"

#include "protocol/jsonread.h"

#include <QMimeDatabase>

#include <cmath>

namespace Natter::Morelia {

namespace {

using Json::fieldError;

struct Slot
{
    QLatin1String nested; ///< July 2020: file.<nested>
    QLatin1String flat; ///< revision 17: <flat>
};
const Slot kSlots[] = {
    { QLatin1String("picture"), QLatin1String("file_picture") },
    { QLatin1String("video"), QLatin1String("file_video") },
    { QLatin1String("audio"), QLatin1String("file_audio") },
    { QLatin1String("document"), QLatin1String("file_document") },
};

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

/// "data.flow" for a single object, "data.flow[2]" for an element of a list.
QString element(const QString &path, const QJsonValue &container, qsizetype index)
{
    return container.isArray() ? path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']')
                               : path;
}

/// Reads the fields of one object; the first problem is kept and names its field path.
class FieldReader
{
public:
    FieldReader(const QJsonObject &object, const QString &path) : m_object(object), m_path(path) { }

    QJsonValue raw(QLatin1String key) const { return Json::value(m_object, key); }
    bool has(QLatin1String key) const
    {
        const QJsonValue v = raw(key);
        return !v.isUndefined() && !v.isNull();
    }

    /// id, or uuid (revision 17). Required.
    QString id()
    {
        const QJsonValue v
            = Json::firstOf(m_object, { QLatin1String("id"), QLatin1String("uuid") });
        if (v.isUndefined() || v.isNull()) {
            fail(QStringLiteral("id"), QStringLiteral("missing (neither id nor uuid)"));
            return {};
        }
        const std::optional<QString> result = Json::id(v);
        if (!result)
            fail(QStringLiteral("id"), QStringLiteral("not an id"));
        return result.value_or(QString());
    }

    /// An optional id-valued field (owner, reply_to, from_user as a uuid).
    QString optionalId(QLatin1String key)
    {
        const QJsonValue v = raw(key);
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty()))
            return {};
        const std::optional<QString> result = Json::id(v);
        if (!result)
            fail(key, QStringLiteral("not an id"));
        return result.value_or(QString());
    }

    QString text(QLatin1String key)
    {
        const QJsonValue v = raw(key);
        if (v.isUndefined() || v.isNull())
            return {};
        const std::optional<QString> result = v.isBool() ? std::nullopt : Json::string(v);
        if (!result)
            fail(key, QStringLiteral("not a string"));
        return result.value_or(QString());
    }

    qint64 time(QLatin1String key, bool required)
    {
        const QJsonValue v = raw(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(key, QStringLiteral("missing"));
            return 0;
        }
        const std::optional<qint64> result = Json::timeMs(v);
        if (!result)
            fail(key, QStringLiteral("not a time"));
        return result.value_or(0);
    }

    qint64 integer(QLatin1String key)
    {
        const QJsonValue v = raw(key);
        if (v.isUndefined() || v.isNull())
            return 0;
        const std::optional<qint64> result = Json::integer(v);
        if (!result)
            fail(key, QStringLiteral("not an integer"));
        return result.value_or(0);
    }

    bool flag(QLatin1String key)
    {
        const QJsonValue v = raw(key);
        if (v.isUndefined() || v.isNull())
            return false;
        const std::optional<bool> result = Json::boolean(v);
        if (!result)
            fail(key, QStringLiteral("not a boolean"));
        return result.value_or(false);
    }

    QByteArray bytes(QLatin1String key)
    {
        const std::optional<QByteArray> result = Json::base64(raw(key));
        if (!result)
            fail(key, QStringLiteral("not valid base64"));
        return result.value_or(QByteArray());
    }

    /// A nested object (from_user, file, edited_message); null/absent → empty object.
    QJsonObject object(QLatin1String key)
    {
        const QJsonValue v = raw(key);
        if (v.isObject())
            return v.toObject();
        if (!v.isUndefined() && !v.isNull())
            fail(key, QStringLiteral("not an object"));
        return {};
    }

    QString path(const QString &key) const { return join(m_path, key); }
    void fail(const QString &key, const QString &problem)
    {
        if (!m_error)
            m_error = fieldError(path(key), problem);
    }
    void adopt(const std::optional<Error> &error)
    {
        if (!m_error && error)
            m_error = error;
    }
    const std::optional<Error> &error() const { return m_error; }

private:
    QJsonObject m_object;
    QString m_path;
    std::optional<Error> m_error;
};

template <typename T>
Result<T> withRaw(Result<T> result, const QByteArray &raw)
{
    if (result.ok())
        return result;
    Error error = result.error();
    error.raw = raw;
    return error;
}

/// Decodes every object of data.<key> with `decode`; absent or null is an empty list.
template <typename T, typename Decode>
Result<QList<T>> decodeList(const Envelope &envelope, QLatin1String key, Decode decode)
{
    const QString path = QStringLiteral("data.") + key;
    const QJsonValue value = Json::value(envelope.data, key);
    const std::optional<QList<QJsonObject>> objects = Json::objects(value);
    if (!objects)
        return fieldError(path, QStringLiteral("not an object or a list of objects"), envelope.raw);
    QList<T> list;
    list.reserve(objects->size());
    for (qsizetype i = 0; i < objects->size(); ++i) {
        Result<T> item = decode(objects->at(i), element(path, value, i));
        if (!item)
            return withRaw(Result<QList<T>>(item.error()), envelope.raw);
        list.append(std::move(item).value());
    }
    return list;
}

std::optional<Status> decodeStatus(const QJsonValue &value, std::optional<Error> *error)
{
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    const std::optional<QList<QJsonObject>> objects = Json::objects(value);
    if (!objects) {
        *error = fieldError(QStringLiteral("errors"), QStringLiteral("not an object"));
        return std::nullopt;
    }
    if (objects->isEmpty())
        return std::nullopt;
    FieldReader r(objects->first(), element(QStringLiteral("errors"), value, 0));
    Status status;
    if (!r.has(QLatin1String("code")))
        r.fail(QStringLiteral("code"), QStringLiteral("missing"));
    const qint64 code = r.integer(QLatin1String("code"));
    if (code < 0 || code > 999)
        r.fail(QStringLiteral("code"), QStringLiteral("not a status code"));
    status.code = int(code);
    status.status = r.text(QLatin1String("status"));
    status.detail = r.text(QLatin1String("detail"));
    *error = r.error();
    return status;
}

QString versionText(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        // 1.0 arrives as the number 1: keep the "major.minor" spelling.
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e9)
            return QString::number(qint64(d)) + QStringLiteral(".0");
    }
    return Json::string(value).value_or(QString());
}

bool isAuthRequest(const QString &type)
{
    return type == Method::Auth || type == Method::Authentication;
}

/// "Unknown method" in a 400 detail: the July-2020 server answers unknown types with 400.
bool saysUnknownMethod(const QString &detail)
{
    const QString d = detail.toLower();
    if (d.contains(QLatin1String("unsupported")) || d.contains(QLatin1String("not supported")))
        return true;
    return (d.contains(QLatin1String("unknown")) || d.contains(QLatin1String("not allowed")))
        && (d.contains(QLatin1String("method")) || d.contains(QLatin1String("type")));
}

} // namespace

// ---- envelope ------------------------------------------------------------------------------

Dialect Envelope::dialect() const
{
    bool ok = false;
    const double r = revision.trimmed().toDouble(&ok);
    return ok && r >= 17 ? Dialect::Rev17 : Dialect::V2020;
}

Result<Envelope> decodeEnvelope(const QByteArray &frame, int maxDepth)
{
    Result<QJsonObject> parsed = Json::parseObject(frame, maxDepth);
    if (!parsed)
        return parsed.error();
    const QJsonObject &root = *parsed;
    Envelope envelope;
    envelope.raw = frame;

    const QJsonValue type = Json::value(root, QLatin1String("type"));
    if (type.isUndefined() || type.isNull())
        return fieldError(QStringLiteral("type"), QStringLiteral("missing"), frame);
    if (!type.isString() || type.toString().trimmed().isEmpty())
        return fieldError(QStringLiteral("type"), QStringLiteral("not a method name"), frame);
    envelope.type = type.toString().trimmed();

    const QJsonValue jsonapi = Json::value(root, QLatin1String("jsonapi"));
    if (jsonapi.isUndefined() || jsonapi.isNull())
        return fieldError(QStringLiteral("jsonapi"), QStringLiteral("missing"), frame);
    if (!jsonapi.isObject())
        return fieldError(QStringLiteral("jsonapi"), QStringLiteral("not an object"), frame);
    envelope.version = versionText(Json::value(jsonapi.toObject(), QLatin1String("version")));
    envelope.revision = versionText(Json::value(jsonapi.toObject(), QLatin1String("revision")));
    if (envelope.revision.endsWith(QLatin1String(".0")))
        envelope.revision.chop(2);

    std::optional<Error> statusError;
    envelope.errors = decodeStatus(Json::value(root, QLatin1String("errors")), &statusError);
    if (statusError) {
        statusError->raw = frame;
        return *statusError;
    }

    const QJsonValue data = Json::value(root, QLatin1String("data"));
    if (data.isObject()) {
        envelope.data = data.toObject();
    } else if (data.isArray() && data.toArray().size() == 1 && data.toArray().first().isObject()) {
        envelope.data = data.toArray().first().toObject();
    } else if (!data.isUndefined() && !data.isNull()) {
        return fieldError(QStringLiteral("data"), QStringLiteral("not an object"), frame);
    }
    return envelope;
}

Error errorFromEnvelope(const Envelope &envelope, const QString &requestType)
{
    using C = Error::Code;
    const int code = envelope.code();
    const QString status = envelope.errors ? envelope.errors->status : QString();
    const QString detail = envelope.errors ? envelope.errors->detail : QString();
    const QString type = requestType.isEmpty() ? envelope.type : requestType;

    C mapped = C::ServerRefused;
    if (code >= 200 && code < 300)
        mapped = C::UnexpectedResponse; // not an error at all: the caller asked the wrong question
    else if (code == 400)
        mapped = saysUnknownMethod(detail) ? C::NotSupported : C::Validation;
    else if (code == 401)
        mapped = isAuthRequest(type) ? C::WrongCredentials : C::NotAuthenticated;
    else if (code == 403)
        mapped = C::ServerRefused;
    else if (code == 404)
        // Revision 17 answers an unknown login with 404; to the user that is a wrong login.
        mapped = isAuthRequest(type) ? C::WrongCredentials : C::NotFound;
    else if (code == 405)
        mapped = C::NotSupported;
    else if (code == 409)
        mapped = C::AlreadyExists;
    else if (code == 415)
        mapped = C::Validation;
    else if (code == 505)
        mapped = C::ProtocolNotRecognised;
    else if (code >= 500 && code < 600)
        mapped = C::ServerFailure;

    const QString message
        = QString::number(code) + QLatin1Char(' ') + status + QStringLiteral(": ") + detail;
    return Error::make(mapped, message, code, envelope.raw);
}

// ---- object decoders -----------------------------------------------------------------------

Result<Flow> decodeFlow(const QJsonObject &object, const QString &path)
{
    FieldReader r(object, path);
    Flow flow;
    flow.id = r.id();
    const QString type = r.text(QLatin1String("type"));
    // Unknown types show as a group: everyone may write and senders are named.
    if (!type.isEmpty() && !parseFlowType(type, &flow.type))
        flow.type = Flow::Type::Group;
    flow.title = r.text(QLatin1String("title"));
    flow.info = r.text(QLatin1String("info"));
    flow.updated = r.time(QLatin1String("time"), false);
    flow.owner = r.optionalId(QLatin1String("owner"));
    const QJsonValue users = r.raw(QLatin1String("users"));
    if (users.isArray()) {
        const QJsonArray array = users.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonValue item = array.at(i);
            const std::optional<QString> member = item.isObject()
                ? Json::id(
                    Json::firstOf(item.toObject(), { QLatin1String("uuid"), QLatin1String("id") }))
                : Json::id(item);
            if (!member) {
                r.fail(QStringLiteral("users[%1]").arg(i), QStringLiteral("not an id"));
                break;
            }
            flow.members.append(*member);
        }
    } else if (!users.isUndefined() && !users.isNull()) {
        r.fail(QStringLiteral("users"), QStringLiteral("not a list"));
    }
    if (r.error())
        return *r.error();
    return flow;
}

Attachment attachmentFromSlot(const QString &slot, const QByteArray &bytes)
{
    static const QMimeDatabase db;
    const QString suffix = db.mimeTypeForData(bytes).preferredSuffix();
    Attachment a
        = Attachment::fromBytes(suffix.isEmpty() ? slot : slot + QLatin1Char('.') + suffix, bytes);
    // The slot says what the sender meant; sniffing only names the file.
    if (slot == QLatin1String("picture"))
        a.kind = Attachment::Kind::Picture;
    else if (slot == QLatin1String("video"))
        a.kind = Attachment::Kind::Video;
    else if (slot == QLatin1String("audio"))
        a.kind = Attachment::Kind::Audio;
    else
        a.kind = Attachment::Kind::Document;
    return a;
}

Result<Message> decodeMessage(const QJsonObject &object, const QString &path)
{
    FieldReader r(object, path);
    Message m;
    m.id = r.id();
    m.clientId = r.integer(QLatin1String("client_id"));
    m.text = r.text(QLatin1String("text"));
    m.time = r.time(QLatin1String("time"), true);

    // July 2020: from_user {id, username}; revision 17: the sender's uuid.
    if (r.raw(QLatin1String("from_user")).isObject()) {
        FieldReader from(r.object(QLatin1String("from_user")), r.path(QStringLiteral("from_user")));
        m.fromId = from.optionalId(QLatin1String("id"));
        if (m.fromId.isEmpty())
            m.fromId = from.optionalId(QLatin1String("uuid"));
        m.fromName = from.text(QLatin1String("username"));
        r.adopt(from.error());
    } else {
        m.fromId = r.optionalId(QLatin1String("from_user"));
    }

    // July 2020: from_flow {id, type}; revision 17: the flow's uuid. Required in both.
    const QJsonValue fromFlow = r.raw(QLatin1String("from_flow"));
    if (fromFlow.isObject()) {
        FieldReader flow(fromFlow.toObject(), r.path(QStringLiteral("from_flow")));
        m.flowId = flow.id();
        r.adopt(flow.error());
    } else if (fromFlow.isUndefined() || fromFlow.isNull()) {
        r.fail(QStringLiteral("from_flow"), QStringLiteral("missing"));
    } else {
        m.flowId = r.optionalId(QLatin1String("from_flow"));
        if (m.flowId.isEmpty())
            r.fail(QStringLiteral("from_flow"), QStringLiteral("not an id"));
    }

    // Files: July 2020 nests them in `file`, revision 17 has flat file_<slot> fields.
    FieldReader file(r.object(QLatin1String("file")), r.path(QStringLiteral("file")));
    for (const Slot &slot : kSlots) {
        QByteArray bytes = file.bytes(slot.nested);
        if (bytes.isEmpty())
            bytes = r.bytes(slot.flat);
        if (!bytes.isEmpty())
            m.attachments.append(attachmentFromSlot(slot.nested, bytes));
    }
    r.adopt(file.error());

    // July 2020: edited_message {time, status} (its schema calls it `edited`); r17: flat fields.
    const QLatin1String editedKey = r.has(QLatin1String("edited_message"))
        ? QLatin1String("edited_message")
        : QLatin1String("edited");
    FieldReader edited(r.object(editedKey), r.path(editedKey));
    m.edited = edited.flag(QLatin1String("status")) || r.flag(QLatin1String("edited_status"));
    m.editedTime = edited.time(QLatin1String("time"), false);
    if (m.editedTime == 0)
        m.editedTime = r.time(QLatin1String("edited_time"), false);
    r.adopt(edited.error());

    const QJsonValue reply = r.raw(QLatin1String("reply_to"));
    if (reply.isObject()) {
        FieldReader quoted(reply.toObject(), r.path(QStringLiteral("reply_to")));
        m.replyTo = quoted.id();
        r.adopt(quoted.error());
    } else {
        m.replyTo = r.optionalId(QLatin1String("reply_to"));
    }
    // Revision 17 deletes softly (the text becomes a marker) and says nothing else: not a
    // tombstone.
    if (r.error())
        return *r.error();
    return m;
}

Result<User> decodeUser(const QJsonObject &object, const QString &path)
{
    FieldReader r(object, path);
    User user;
    user.id = r.id();
    user.login = r.text(QLatin1String("login"));
    user.name = r.text(QLatin1String("username"));
    user.email = r.text(QLatin1String("email"));
    user.bio = r.text(QLatin1String("bio"));
    user.avatar = r.bytes(QLatin1String("avatar"));
    user.isBot = r.flag(QLatin1String("is_bot"));
    if (r.error())
        return *r.error();
    return user;
}

// ---- payload decoders ----------------------------------------------------------------------

Result<Account> decodeAccount(const Envelope &envelope)
{
    if (!envelope.isSuccess())
        return errorFromEnvelope(envelope, envelope.type);
    const QJsonValue value = Json::value(envelope.data, QLatin1String("user"));
    const std::optional<QList<QJsonObject>> users = Json::objects(value);
    if (!users)
        return fieldError(
            QStringLiteral("data.user"), QStringLiteral("not an object or a list"), envelope.raw);
    if (users->isEmpty())
        return fieldError(QStringLiteral("data.user"), QStringLiteral("missing"), envelope.raw);
    const QString path = element(QStringLiteral("data.user"), value, 0);
    Result<User> user = decodeUser(users->first(), path);
    if (!user)
        return withRaw(Result<Account>(user.error()), envelope.raw);
    FieldReader r(users->first(), path);
    Account account;
    account.user = std::move(user).value();
    account.secret = r.text(QLatin1String("auth_id"));
    if (!r.error() && account.secret.isEmpty())
        r.fail(QStringLiteral("auth_id"), QStringLiteral("missing"));
    if (r.error())
        return withRaw(Result<Account>(*r.error()), envelope.raw);
    return account;
}

Result<QList<User>> decodeUsers(const Envelope &envelope)
{
    if (!envelope.isSuccess())
        return errorFromEnvelope(envelope, envelope.type);
    return decodeList<User>(envelope, QLatin1String("user"), decodeUser);
}

Result<QList<Flow>> decodeFlows(const Envelope &envelope)
{
    if (envelope.code() == 404)
        return QList<Flow>(); // nothing found is an empty list, not an error
    if (!envelope.isSuccess())
        return errorFromEnvelope(envelope, envelope.type);
    return decodeList<Flow>(envelope, QLatin1String("flow"), decodeFlow);
}

Result<QList<Message>> decodeMessages(const Envelope &envelope)
{
    if (envelope.code() == 404)
        return QList<Message>();
    if (!envelope.isSuccess())
        return errorFromEnvelope(envelope, envelope.type);
    return decodeList<Message>(envelope, QLatin1String("message"), decodeMessage);
}

Result<Update> decodeUpdate(const Envelope &envelope)
{
    if (envelope.code() == 404)
        return Update();
    if (!envelope.isSuccess())
        return errorFromEnvelope(envelope, envelope.type);
    Update update;
    FieldReader r(envelope.data, QStringLiteral("data"));
    update.timeMs = r.time(QLatin1String("time"), false);
    if (r.error())
        return withRaw(Result<Update>(*r.error()), envelope.raw);
    Result<QList<Flow>> flows = decodeList<Flow>(envelope, QLatin1String("flow"), decodeFlow);
    if (!flows)
        return flows.error();
    Result<QList<Message>> messages
        = decodeList<Message>(envelope, QLatin1String("message"), decodeMessage);
    if (!messages)
        return messages.error();
    Result<QList<User>> users = decodeList<User>(envelope, QLatin1String("user"), decodeUser);
    if (!users)
        return users.error();
    update.flows = std::move(flows).value();
    update.messages = std::move(messages).value();
    update.users = std::move(users).value();
    return update;
}

Result<SendReply> decodeSendReply(const Envelope &envelope)
{
    if (!envelope.isSuccess())
        return errorFromEnvelope(envelope, envelope.type);
    SendReply reply;
    FieldReader data(envelope.data, QStringLiteral("data"));
    reply.timeMs = data.time(QLatin1String("time"), false);
    const QJsonValue value = data.raw(QLatin1String("message"));
    const std::optional<QList<QJsonObject>> messages = Json::objects(value);
    if (!messages) {
        data.fail(QStringLiteral("message"), QStringLiteral("not an object or a list"));
    } else if (!messages->isEmpty()) {
        // Revision 17: message[0] {uuid, client_id, from_user, from_flow}; time is data.time.
        FieldReader m(messages->first(), element(QStringLiteral("data.message"), value, 0));
        reply.messageId = m.id();
        reply.clientId = m.integer(QLatin1String("client_id"));
        if (reply.timeMs == 0)
            reply.timeMs = m.time(QLatin1String("time"), false);
        data.adopt(m.error());
    } else if (envelope.dialect() == Dialect::Rev17) {
        // Without the uuid the local echo can never be matched to the server copy.
        data.fail(QStringLiteral("message"), QStringLiteral("missing"));
    }
    if (data.error())
        return withRaw(Result<SendReply>(*data.error()), envelope.raw);
    return reply;
}

Result<QString> decodeDeletedUser(const Envelope &envelope)
{
    if (!envelope.isSuccess())
        return errorFromEnvelope(envelope, envelope.type);
    const QJsonValue value = Json::value(envelope.data, QLatin1String("user"));
    const std::optional<QList<QJsonObject>> users = Json::objects(value);
    if (!users)
        return fieldError(
            QStringLiteral("data.user"), QStringLiteral("not an object or a list"), envelope.raw);
    if (users->isEmpty())
        return QString(); // revision 17 answers with data null
    FieldReader r(users->first(), element(QStringLiteral("data.user"), value, 0));
    const QString id = r.id();
    if (r.error())
        return withRaw(Result<QString>(*r.error()), envelope.raw);
    return id;
}

} // namespace Natter::Morelia
