// SPDX-License-Identifier: GPL-3.0-or-later
// DisTet requests read back the way a server reads them: any key casing, numbers or strings.
#include "distetcodec.h"
#include "protocol/jsonread.h"

namespace Natter::Distet {

namespace {

QLatin1String l1(const char *s)
{
    return QLatin1String(s);
}

/// Reads an optional string field; a present value that is not a string or number is an error.
bool readString(const QJsonObject &o, const char *key, const QString &prefix,
    std::optional<QString> *out, Error *error)
{
    const QJsonValue v = Json::value(o, l1(key));
    if (v.isUndefined())
        return true;
    const auto s = Json::string(v);
    if (!s) {
        *error = Json::fieldError(prefix + QLatin1String(key), QStringLiteral("not a string"));
        return false;
    }
    *out = *s;
    return true;
}

bool readInt(const QJsonObject &o, const char *key, std::optional<int> *out, Error *error)
{
    const QJsonValue v = Json::value(o, l1(key));
    if (v.isUndefined())
        return true;
    const auto n = Json::integer(v);
    if (!n) {
        *error = Json::fieldError(QLatin1String(key), QStringLiteral("not a number"));
        return false;
    }
    *out = int(*n);
    return true;
}

/// Registration wraps each detail in an object of the same name: {"login": {"login": …}}.
bool readWrapped(const QJsonObject &o, const char *key, std::optional<QString> *out, Error *error)
{
    const QJsonValue v = Json::value(o, l1(key));
    if (v.isObject())
        return readString(v.toObject(), key, QLatin1String(key) + QLatin1Char('.'), out, error);
    return readString(o, key, {}, out, error);
}

Result<Sessia> readSessia(const QJsonValue &value)
{
    if (!value.isObject())
        return Json::fieldError(
            QStringLiteral("sessia"), QStringLiteral("missing or not an object"));
    const QJsonObject o = value.toObject();
    Sessia s;
    s.token = Json::string(Json::value(o, l1("tocken"))).value_or(QString());
    const QJsonObject device = Json::value(o, l1("device")).toObject();
    s.deviceId = Json::string(Json::value(device, l1("deviceid"))).value_or(QString());
    const QJsonValue os = Json::value(device, l1("os"));
    s.full = !os.isUndefined() || !Json::value(device, l1("mac")).isUndefined()
        || !Json::value(device, l1("hostname")).isUndefined();
    s.os = Json::string(os).value_or(QString());
    s.mac = Json::string(Json::value(device, l1("mac"))).value_or(QString());
    s.hostname = Json::string(Json::value(device, l1("hostname"))).value_or(QString());
    const QJsonValue client = Json::value(o, l1("client"));
    s.hasClient = client.isObject();
    const QJsonObject c = client.toObject();
    s.hashCert = Json::string(Json::value(c, l1("hashcert"))).value_or(QString());
    s.clientName = Json::string(Json::value(c, l1("nameclient"))).value_or(QString());
    s.version = Json::string(Json::value(c, l1("version"))).value_or(QString());
    return s;
}

std::optional<QStringList> readIds(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    QStringList ids;
    const QJsonArray array = value.isArray() ? value.toArray() : QJsonArray { value };
    for (const QJsonValue &v : array) {
        const auto id = Json::id(v);
        if (!id)
            return std::nullopt;
        ids << *id;
    }
    return ids;
}

Result<DialogSpec> readDialog(const QJsonObject &o)
{
    DialogSpec d;
    Error e;
    if (!readString(o, "name", QStringLiteral("dialog."), &d.name, &e)
        || !readString(o, "photo", QStringLiteral("dialog."), &d.photo, &e)
        || !readString(o, "pkDialog", QStringLiteral("dialog."), &d.key, &e))
        return e;
    const QJsonValue priv = Json::value(o, l1("private"));
    if (!priv.isUndefined()) {
        d.isPrivate = Json::boolean(priv);
        if (!d.isPrivate)
            return Json::fieldError(
                QStringLiteral("dialog.private"), QStringLiteral("not a boolean"));
    }
    const QJsonValue users = Json::value(o, l1("idUsers"));
    if (!users.isUndefined()) {
        d.userIds = readIds(users);
        if (!d.userIds)
            return Json::fieldError(
                QStringLiteral("dialog.idUsers"), QStringLiteral("not a list of ids"));
    }
    return d;
}

Result<MessageSpec> readMessage(const QJsonObject &o)
{
    MessageSpec m;
    const QJsonValue info = Json::value(o, l1("infoMessage"));
    if (!info.isObject())
        return Json::fieldError(QStringLiteral("message.infoMessage"), QStringLiteral("missing"));
    Error e;
    const QString prefix = QStringLiteral("message.infoMessage.");
    if (!readString(info.toObject(), "msgkey", prefix, &m.key, &e)
        || !readString(info.toObject(), "content", prefix, &m.content, &e)
        || !readString(info.toObject(), "pkDialog", prefix, &m.dialog, &e))
        return e;
    const QJsonValue hash = Json::value(o, l1("hash"));
    if (!hash.isUndefined() && !hash.isNull()) {
        QStringList hashes;
        for (const QJsonValue &v : hash.isArray() ? hash.toArray() : QJsonArray { hash }) {
            const auto s = Json::string(v);
            if (!s)
                return Json::fieldError(
                    QStringLiteral("message.hash"), QStringLiteral("not a list of keys"));
            hashes << *s;
        }
        m.hashes = hashes;
    }
    const QJsonValue order = Json::value(o, l1("order"));
    if (!order.isUndefined() && !order.isNull()) {
        QList<int> list;
        for (const QJsonValue &v : order.isArray() ? order.toArray() : QJsonArray { order }) {
            const auto n = Json::integer(v);
            if (!n)
                return Json::fieldError(
                    QStringLiteral("message.order"), QStringLiteral("not a list of numbers"));
            list << int(*n);
        }
        m.order = list;
    }
    return m;
}

} // namespace

Result<Request> decodeRequest(const QString &path, const QJsonObject &o)
{
    Request r;
    r.path = path;
    Result<Sessia> sessia = readSessia(Json::value(o, l1("sessia")));
    if (!sessia)
        return sessia.error();
    r.sessia = sessia.value();
    Error e;
    const bool strings = readWrapped(o, "login", &r.login, &e)
        && readWrapped(o, "password", &r.password, &e) && readWrapped(o, "email", &r.email, &e)
        && readString(o, "code", {}, &r.code, &e)
        && readString(o, "extension", {}, &r.extension, &e)
        && readString(o, "hash", {}, &r.hash, &e) && readString(o, "date", {}, &r.date, &e)
        && readString(o, "operation", {}, &r.operation, &e)
        && readString(o, "description", {}, &r.description, &e)
        && readString(o, "search", {}, &r.search, &e)
        && readString(o, "nickname", {}, &r.nickname, &e)
        && readString(o, "oldPass", {}, &r.oldPass, &e)
        && readString(o, "newPass", {}, &r.newPass, &e)
        && readString(o, "imagekey", {}, &r.imageKey, &e)
        && readString(o, "pkDialog", {}, &r.dialogKey, &e)
        && readString(o, "msgkey", {}, &r.messageKey, &e)
        && readString(o, "dialogs", {}, &r.dialogs, &e) && readInt(o, "take", &r.take, &e)
        && readInt(o, "skip", &r.skip, &e) && readInt(o, "takedialogs", &r.takeDialogs, &e)
        && readInt(o, "skipdialogs", &r.skipDialogs, &e);
    if (!strings)
        return e;
    for (const auto &[key, out] : { std::pair { "id", &r.id }, std::pair { "user", &r.user } }) {
        const QJsonValue v = Json::value(o, l1(key));
        if (v.isUndefined())
            continue;
        *out = Json::id(v);
        if (!*out)
            return Json::fieldError(QLatin1String(key), QStringLiteral("not a user id"));
    }
    const QJsonValue bytes = Json::value(o, l1("bytes"));
    if (!bytes.isUndefined()) {
        r.bytes = Json::base64(bytes);
        if (!r.bytes)
            return Json::fieldError(QStringLiteral("bytes"), QStringLiteral("not base64"));
    }
    const QJsonValue dialog = Json::value(o, l1("dialog"));
    if (!dialog.isUndefined()) {
        if (!dialog.isObject())
            return Json::fieldError(QStringLiteral("dialog"), QStringLiteral("not an object"));
        Result<DialogSpec> d = readDialog(dialog.toObject());
        if (!d)
            return d.error();
        r.dialog = d.value();
    }
    const QJsonValue message = Json::value(o, l1("message"));
    if (!message.isUndefined()) {
        if (!message.isObject())
            return Json::fieldError(QStringLiteral("message"), QStringLiteral("not an object"));
        Result<MessageSpec> m = readMessage(message.toObject());
        if (!m)
            return m.error();
        r.message = m.value();
    }
    return r;
}

} // namespace Natter::Distet
