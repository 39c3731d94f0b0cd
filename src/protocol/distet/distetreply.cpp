// SPDX-License-Identifier: GPL-3.0-or-later
// DisTet replies: Status first, then the payload, every key case-insensitive.
#include "distetcodec.h"
#include "protocol/jsonread.h"

#include <QJsonDocument>

#include <algorithm>

namespace Natter::Distet {

namespace {

QLatin1String l1(const char *s)
{
    return QLatin1String(s);
}

Error missing(const QString &field)
{
    return Json::fieldError(field, QStringLiteral("missing or of the wrong type"));
}

/// A required list field: null is an empty list, anything else but an array is an error.
Result<QJsonArray> listField(const QJsonObject &reply, const char *key)
{
    const QJsonValue v = Json::value(reply, l1(key));
    if (v.isNull())
        return QJsonArray();
    if (!v.isArray())
        return missing(QLatin1String(key));
    return v.toArray();
}

/// The first array of objects under any key: servers name contact and media lists freely.
std::optional<QJsonArray> anyObjectList(
    const QJsonObject &reply, std::initializer_list<const char *> preferred)
{
    for (const char *key : preferred) {
        const QJsonValue v = Json::value(reply, l1(key));
        if (v.isArray() || v.isNull())
            return v.toArray();
    }
    for (auto it = reply.begin(); it != reply.end(); ++it) {
        if (!it->isArray())
            continue;
        const QJsonArray a = it->toArray();
        if (a.isEmpty() || a.first().isObject())
            return a;
    }
    return std::nullopt;
}

} // namespace

Result<Status> decodeStatus(const QJsonObject &reply)
{
    const QJsonValue v = Json::value(reply, l1("Status"));
    if (!v.isObject())
        return missing(QStringLiteral("Status"));
    const QJsonObject o = v.toObject();
    const auto code = Json::integer(Json::value(o, l1("code")));
    if (!code)
        return missing(QStringLiteral("Status.code"));
    return Status { int(*code), Json::string(Json::value(o, l1("message"))).value_or(QString()) };
}

bool isEmailNotConfirmed(const QString &message)
{
    const QString m = message.toLower();
    return m.contains(QLatin1String("not activated")) || m.contains(QLatin1String("not confirmed"))
        || m.contains(QStringLiteral("не активирован"))
        || m.contains(QStringLiteral("не подтвержден"));
}

Error errorFromStatus(const Status &status, const QString &path, const QByteArray &raw)
{
    using C = Error::Code;
    C code = C::ServerRefused;
    if (isEmailNotConfirmed(status.message))
        code = C::EmailNotConfirmed;
    else if (status.code == 401)
        code = path == Path::Auth || path == Path::Registration ? C::WrongCredentials
                                                                : C::NotAuthenticated;
    else if (status.code == 404)
        code = C::NotFound;
    else if (status.code == 409)
        code = C::AlreadyExists;
    else if (status.code == 400 || status.code == 422)
        code = C::Validation;
    else if (status.code >= 500)
        code = C::ServerFailure;
    return Error::make(code,
        QStringLiteral("%1: %2 %3").arg(path).arg(status.code).arg(status.message), status.code,
        raw);
}

Result<QJsonObject> decodeReply(const QString &path, const QByteArray &body)
{
    Result<QJsonObject> parsed = Json::parseObject(body);
    if (!parsed) {
        Error e = parsed.error();
        e.message = path + QStringLiteral(": ") + e.message;
        return e;
    }
    Result<Status> status = decodeStatus(parsed.value());
    if (!status) {
        Error e = status.error();
        e.raw = body;
        return e;
    }
    if (!status->ok())
        return errorFromStatus(status.value(), path, body);
    return parsed;
}

QString userIdFromToken(const QString &token)
{
    const qsizetype at = token.lastIndexOf(QLatin1Char('?'));
    return at < 0 ? QString() : token.mid(at + 1).trimmed();
}

Result<QString> decodeToken(const QJsonObject &reply)
{
    const auto token = Json::string(Json::value(reply, l1("Tocken")));
    if (!token || token->isEmpty())
        return missing(QStringLiteral("Tocken"));
    return *token;
}

Result<QString> decodeMediaKey(const QJsonObject &reply)
{
    const auto key = Json::string(Json::value(reply, l1("Key")));
    if (!key || key->isEmpty())
        return missing(QStringLiteral("Key"));
    return *key;
}

Result<MediaFile> decodeMediaFile(const QJsonObject &reply)
{
    const auto bytes = Json::base64(Json::value(reply, l1("BytesBase64")));
    if (!bytes || Json::value(reply, l1("BytesBase64")).isUndefined())
        return missing(QStringLiteral("BytesBase64"));
    return MediaFile { Json::string(Json::value(reply, l1("Hash"))).value_or(QString()),
        Json::string(Json::value(reply, l1("Extension"))).value_or(QString()), *bytes };
}

Result<QList<MediaFile>> decodeMediaList(const QJsonObject &reply)
{
    if (!Json::value(reply, l1("BytesBase64")).isUndefined()) {
        Result<MediaFile> one = decodeMediaFile(reply);
        if (!one)
            return one.error();
        return QList<MediaFile> { one.value() };
    }
    const auto list = anyObjectList(reply, { "Media", "Medias", "Files" });
    if (!list)
        return missing(QStringLiteral("Media"));
    QList<MediaFile> files;
    for (qsizetype i = 0; i < list->size(); ++i) {
        Result<MediaFile> f = decodeMediaFile(list->at(i).toObject());
        if (!f)
            return missing(QStringLiteral("Media[%1].BytesBase64").arg(i));
        files << f.value();
    }
    return files;
}

Result<QStringList> decodeChanges(const QJsonObject &reply)
{
    return decodeKeys(reply, l1("Messages"));
}

Result<QList<Contact>> decodeContacts(const QJsonObject &reply, Contact::Kind kind)
{
    const auto list = anyObjectList(reply, { "friends", "Comings", "Blocks" });
    if (!list)
        return missing(QStringLiteral("friends"));
    QList<Contact> contacts;
    for (qsizetype i = 0; i < list->size(); ++i) {
        const QJsonObject o = list->at(i).toObject();
        Contact c;
        c.kind = kind;
        const auto id = Json::id(Json::value(o, l1("id")));
        if (!id)
            return missing(QStringLiteral("friends[%1].id").arg(i));
        c.userId = *id;
        c.note = Json::string(Json::value(o, l1("description"))).value_or(QString());
        c.added = Json::timeMs(Json::value(o, l1("dateadd"))).value_or(0);
        c.photoRef = Json::string(Json::value(o, l1("photo"))).value_or(QString());
        c.name = Json::string(Json::value(o, l1("nickname"))).value_or(QString());
        contacts << c;
    }
    return contacts;
}

Result<QList<Flow>> decodeDialogs(const QJsonObject &reply, QHash<QString, QString> *photoKeys)
{
    Result<QJsonArray> list = listField(reply, "Dialogs");
    if (!list)
        return list.error();
    QList<Flow> flows;
    for (qsizetype i = 0; i < list->size(); ++i) {
        const QJsonObject o = list->at(i).toObject();
        const auto key = Json::id(Json::value(o, l1("hash")));
        if (!list->at(i).isObject() || !key)
            return missing(QStringLiteral("Dialogs[%1].hash").arg(i));
        Flow f;
        f.id = *key;
        f.type = Flow::Type::Chat;
        f.title = Json::string(Json::value(o, l1("name"))).value_or(QString());
        const QJsonValue priv = Json::value(o, l1("private"));
        if (!priv.isUndefined() && !priv.isNull())
            f.isPrivate = Json::boolean(priv);
        const QString photo = Json::id(Json::value(o, l1("photo"))).value_or(QString());
        if (photoKeys && !photo.isEmpty())
            photoKeys->insert(f.id, photo);
        flows << f;
    }
    return flows;
}

Result<QString> decodeDialogKey(const QJsonObject &reply)
{
    const auto key = Json::id(Json::value(reply, l1("hash")));
    if (!key || key->isEmpty())
        return missing(QStringLiteral("hash"));
    return *key;
}

Result<QStringList> decodeUserIds(const QJsonObject &reply)
{
    Result<QJsonArray> list = listField(reply, "UsersId");
    if (!list)
        return list.error();
    QStringList ids;
    for (qsizetype i = 0; i < list->size(); ++i) {
        const auto id = Json::id(list->at(i));
        if (!id)
            return missing(QStringLiteral("UsersId[%1]").arg(i));
        ids << *id;
    }
    return ids;
}

Result<User> decodeUser(const QJsonObject &reply, QString *photoKey)
{
    const auto id = Json::id(Json::value(reply, l1("Id")));
    if (!id)
        return missing(QStringLiteral("Id"));
    User u;
    u.id = *id;
    u.name = Json::string(Json::value(reply, l1("Nickname"))).value_or(QString());
    u.login = u.name;
    if (photoKey)
        *photoKey = Json::string(Json::value(reply, l1("Photo"))).value_or(QString());
    return u;
}

Result<QList<Message>> decodeMessages(const QJsonObject &reply, const QString &dialog, bool deleted)
{
    Result<QJsonArray> list = listField(reply, "Msg");
    if (!list)
        return list.error();
    QList<Message> messages;
    for (qsizetype i = 0; i < list->size(); ++i) {
        const QString at = QStringLiteral("Msg[%1]").arg(i);
        const QJsonObject entry = list->at(i).toObject();
        const QJsonValue infoValue = Json::value(entry, l1("infoMessage"));
        if (!infoValue.isObject())
            return missing(at + QStringLiteral(".infoMessage"));
        const QJsonObject info = infoValue.toObject();
        Message m;
        const auto key = Json::id(Json::value(info, l1("msgKey")));
        if (!key || key->isEmpty())
            return missing(at + QStringLiteral(".infoMessage.msgKey"));
        m.id = *key;
        m.flowId = dialog;
        m.fromId = Json::id(Json::value(info, l1("idUser"))).value_or(QString());
        const QJsonValue date = Json::value(info, l1("date"));
        const bool noDate = date.isUndefined() || date.isNull()
            || (date.isString()
                && (date.toString().isEmpty() || date.toString() == QLatin1String("-1")));
        const auto time = noDate ? std::optional<qint64>(0) : Json::timeMs(date);
        if (!time)
            return Json::fieldError(
                at + QStringLiteral(".infoMessage.date"), QStringLiteral("not a date"));
        m.time = time.value_or(0);
        m.text = Json::string(Json::value(info, l1("content"))).value_or(QString());
        if (const auto edited = Json::timeMs(Json::value(info, l1("updateAt")))) {
            m.edited = true;
            m.editedTime = *edited;
        }
        m.deleted = deleted || Json::timeMs(Json::value(info, l1("deleteAt"))).has_value();
        m.replyTo = Json::string(Json::value(info, l1("forwardedKey"))).value_or(QString());

        const QJsonValue hashes = Json::value(entry, l1("hash"));
        const QJsonValue orders = Json::value(entry, l1("order"));
        if (!hashes.isUndefined() && !hashes.isNull() && !hashes.isArray())
            return missing(at + QStringLiteral(".hash"));
        QList<std::pair<qint64, Attachment>> media;
        const QJsonArray hashList = hashes.toArray();
        const QJsonArray orderList = orders.toArray();
        for (qsizetype h = 0; h < hashList.size(); ++h) {
            const auto ref = Json::string(hashList.at(h));
            if (!ref)
                return missing(at + QStringLiteral(".hash[%1]").arg(h));
            Attachment a;
            a.reference = *ref;
            a.name = Attachment::safeFileName(*ref);
            a.mime = QStringLiteral("application/octet-stream");
            media.append({ Json::integer(orderList.at(h)).value_or(h + 1), a });
        }
        std::stable_sort(media.begin(), media.end(),
            [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &entryMedia : std::as_const(media))
            m.attachments << entryMedia.second;
        messages << m;
    }
    return messages;
}

Result<QString> decodeMessageKey(const QJsonObject &reply)
{
    const auto key = Json::id(Json::value(reply, l1("msgkey")));
    if (!key || key->isEmpty())
        return missing(QStringLiteral("msgkey"));
    return *key;
}

Result<QStringList> decodeKeys(const QJsonObject &reply, QLatin1String field)
{
    const QJsonValue v = Json::value(reply, field);
    if (v.isNull())
        return QStringList();
    if (!v.isArray())
        return missing(field);
    QStringList keys;
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const auto key = Json::id(a.at(i));
        if (!key)
            return missing(QString(field) + QStringLiteral("[%1]").arg(i));
        keys << *key;
    }
    return keys;
}

QString mimeForExtension(const QString &extension)
{
    static const QHash<QString, QString> types = {
        { QStringLiteral("png"), QStringLiteral("image/png") },
        { QStringLiteral("jpg"), QStringLiteral("image/jpeg") },
        { QStringLiteral("jpeg"), QStringLiteral("image/jpeg") },
        { QStringLiteral("gif"), QStringLiteral("image/gif") },
        { QStringLiteral("webp"), QStringLiteral("image/webp") },
        { QStringLiteral("mp4"), QStringLiteral("video/mp4") },
        { QStringLiteral("webm"), QStringLiteral("video/webm") },
        { QStringLiteral("mp3"), QStringLiteral("audio/mpeg") },
        { QStringLiteral("ogg"), QStringLiteral("audio/ogg") },
        { QStringLiteral("txt"), QStringLiteral("text/plain") },
        { QStringLiteral("pdf"), QStringLiteral("application/pdf") },
    };
    return types.value(extension.toLower(), QStringLiteral("application/octet-stream"));
}

QString extensionFor(const Attachment &attachment)
{
    const qsizetype dot = attachment.name.lastIndexOf(QLatin1Char('.'));
    if (dot >= 0 && dot + 1 < attachment.name.size())
        return attachment.name.mid(dot + 1).toLower();
    const QString subtype = attachment.mime.section(QLatin1Char('/'), 1);
    if (subtype == QLatin1String("jpeg"))
        return QStringLiteral("jpg");
    return subtype.isEmpty() || subtype == QLatin1String("octet-stream") ? QStringLiteral("bin")
                                                                         : subtype;
}

} // namespace Natter::Distet
