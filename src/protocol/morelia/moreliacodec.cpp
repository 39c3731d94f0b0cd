// SPDX-License-Identifier: GPL-3.0-or-later
// MoreliaTalk decoding: the envelope, status → Error mapping and the payload/object decoders.
// Encoders live in moreliaencode.cpp.
#include "moreliacodec.h"

#include "moreliareader_p.h"
#include "protocol/jsonread.h"

#include <QMimeDatabase>

#include <cmath>

namespace Natter::Morelia {

namespace {

using namespace detail;

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

} // namespace Natter::Morelia
