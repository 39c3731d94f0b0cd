// SPDX-License-Identifier: GPL-3.0-or-later
// DisTet requests: one generic Request, encoded in the casing of the seed's examples.
#include "distetcodec.h"
#include "protocol/jsonread.h"

#include <QDateTime>
#include <QJsonArray>

namespace Natter::Distet {

namespace {

QString str(const char *s)
{
    return QString::fromLatin1(s);
}

/// Numeric ids and versions go out as numbers, like the seed's `"id": 1`.
QJsonValue numberOrString(const QString &value)
{
    bool ok = false;
    const qint64 n = value.toLongLong(&ok);
    return ok ? QJsonValue(n) : QJsonValue(value);
}

QJsonObject encodeSessia(const Sessia &s)
{
    QJsonObject device { { str("deviceid"), s.deviceId } };
    if (s.full) {
        device.insert(str("os"), s.os);
        device.insert(str("mac"), s.mac);
        device.insert(str("hostname"), s.hostname);
    }
    QJsonObject o { { str("device"), device } };
    if (!s.token.isEmpty())
        o.insert(str("tocken"), s.token);
    if (s.hasClient)
        o.insert(str("client"),
            QJsonObject { { str("hashcert"), s.hashCert }, { str("nameclient"), s.clientName },
                { str("version"), numberOrString(s.version) } });
    return o;
}

QJsonArray idArray(const QStringList &ids)
{
    QJsonArray a;
    for (const QString &id : ids)
        a.append(numberOrString(id));
    return a;
}

bool isPath(const QString &path, QLatin1String name)
{
    return path.compare(name, Qt::CaseInsensitive) == 0;
}

} // namespace

QStringList allPaths()
{
    QStringList list;
    for (QLatin1String p : { Path::Auth, Path::Registration, Path::Email, Path::Media,
             Path::GetMedia, Path::GetMediaDialog, Path::ChangeUser, Path::RequestFrBl,
             Path::GetDialogs, Path::CreateDialog, Path::ChangeDialog, Path::KickUser,
             Path::GetUsersDialog, Path::GetUser, Path::GetMessages, Path::GetDelMessages,
             Path::SendMessage, Path::SearchRequest, Path::Disable })
        list << QString(p);
    return list;
}

QString encodeDate(qint64 ms)
{
    if (ms <= 0)
        return str("-1");
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(str("yyyy-MM-dd hh:mm:ss.zzz"));
}

QJsonObject encodeRequest(const Request &r)
{
    QJsonObject o;
    const auto put = [&o](const char *key, const std::optional<QString> &value) {
        if (value)
            o.insert(str(key), *value);
    };
    const auto putInt = [&o](const char *key, const std::optional<int> &value) {
        if (value)
            o.insert(str(key), *value);
    };
    if (isPath(r.path, Path::Registration)) {
        if (r.login)
            o.insert(str("login"), QJsonObject { { str("login"), *r.login } });
        if (r.password)
            o.insert(str("password"), QJsonObject { { str("password"), *r.password } });
        if (r.email)
            o.insert(str("email"), QJsonObject { { str("email"), *r.email } });
    } else {
        put("login", r.login);
        put("password", r.password);
        put("email", r.email);
    }
    put("code", r.code);
    put("extension", r.extension);
    if (r.bytes)
        o.insert(str("bytes"), QString::fromLatin1(r.bytes->toBase64()));
    put("hash", r.hash);
    put("date", r.date);
    put("operation", r.operation);
    put("description", r.description);
    put("search", r.search);
    put("nickname", r.nickname);
    put("oldPass", r.oldPass);
    put("newPass", r.newPass);
    put("imagekey", r.imageKey);
    put("msgkey", r.messageKey);
    put("dialogs", r.dialogs);
    if (r.dialogKey) {
        const bool capital = isPath(r.path, Path::GetMediaDialog) || isPath(r.path, Path::KickUser);
        o.insert(capital ? str("PkDialog") : str("pkDialog"), *r.dialogKey);
    }
    if (r.id)
        o.insert(str("id"), numberOrString(*r.id));
    if (r.user)
        o.insert(str("user"), numberOrString(*r.user));
    putInt("take", r.take);
    putInt("skip", r.skip);
    putInt("takedialogs", r.takeDialogs);
    putInt("skipdialogs", r.skipDialogs);
    if (r.dialog) {
        const DialogSpec &d = *r.dialog;
        QJsonObject dialog;
        if (d.name)
            dialog.insert(str("name"), *d.name);
        if (d.isPrivate)
            dialog.insert(str("private"), *d.isPrivate ? str("true") : str("0"));
        if (d.userIds)
            dialog.insert(isPath(r.path, Path::ChangeDialog) ? str("IdUsers") : str("idUsers"),
                idArray(*d.userIds));
        if (d.photo)
            dialog.insert(str("photo"), *d.photo);
        if (d.key)
            dialog.insert(str("pkDialog"), *d.key);
        o.insert(str("dialog"), dialog);
    }
    if (r.message) {
        const MessageSpec &m = *r.message;
        QJsonObject info;
        if (m.key)
            info.insert(str("msgkey"), *m.key);
        if (m.content)
            info.insert(str("content"), *m.content);
        if (m.dialog)
            info.insert(str("pkDialog"), *m.dialog);
        QJsonObject message { { str("infoMessage"), info } };
        if (m.hashes)
            message.insert(str("hash"), QJsonArray::fromStringList(*m.hashes));
        if (m.order) {
            QJsonArray order;
            for (int n : *m.order)
                order.append(n);
            message.insert(str("order"), order);
        }
        o.insert(str("message"), message);
    }
    if (r.sessia)
        o.insert(str("sessia"), encodeSessia(*r.sessia));
    return o;
}

Request simpleRequest(const QString &path, const Sessia &sessia)
{
    Request r;
    r.path = path;
    r.sessia = sessia;
    return r;
}

Request authRequest(const QString &email, const QString &password, const Sessia &sessia)
{
    Request r = simpleRequest(Path::Auth, sessia);
    r.email = email;
    r.password = password;
    return r;
}

Request tokenAuthRequest(const Sessia &sessia)
{
    return simpleRequest(Path::Auth, sessia);
}

Request registrationRequest(
    const QString &login, const QString &password, const QString &email, const Sessia &sessia)
{
    Request r = simpleRequest(Path::Registration, sessia);
    r.login = login;
    r.password = password;
    r.email = email;
    return r;
}

Request emailCodeRequest(const QString &email, const Sessia &sessia)
{
    Request r = simpleRequest(Path::Email, sessia);
    r.email = email;
    return r;
}

Request emailConfirmRequest(const QString &code, const Sessia &sessia)
{
    Request r = simpleRequest(Path::Email, sessia);
    r.code = code;
    return r;
}

Request mediaRequest(const QString &extension, const QByteArray &bytes, const Sessia &sessia)
{
    Request r = simpleRequest(Path::Media, sessia);
    r.extension = extension;
    r.bytes = bytes;
    return r;
}

Request getMediaRequest(const QString &hash, const Sessia &sessia)
{
    Request r = simpleRequest(Path::GetMedia, sessia);
    r.hash = hash;
    return r;
}

Request frBlRequest(
    FrBlOp op, const QString &userId, const QString &note, int take, int skip, const Sessia &sessia)
{
    Request r = simpleRequest(Path::RequestFrBl, sessia);
    r.operation = frBlOpName(op);
    if (!userId.isEmpty())
        r.id = userId;
    if (op == FrBlOp::Append || op == FrBlOp::Update)
        r.description = note;
    if (op == FrBlOp::GetFriend || op == FrBlOp::GetIncoming || op == FrBlOp::GetOutcoming
        || op == FrBlOp::ListBlocks) {
        r.take = take;
        r.skip = skip;
    }
    return r;
}

Request getDialogsRequest(qint64 sinceMs, int take, int skip, const Sessia &sessia)
{
    Request r = simpleRequest(Path::GetDialogs, sessia);
    r.date = encodeDate(sinceMs);
    r.take = take;
    r.skip = skip;
    return r;
}

Request getMessagesRequest(const QString &path, const QString &dialog, qint64 sinceMs, int take,
    int skip, const Sessia &sessia)
{
    Request r = simpleRequest(path, sessia);
    r.dialogKey = dialog;
    r.date = encodeDate(sinceMs);
    r.take = take;
    r.skip = skip;
    return r;
}

Request getMessageRequest(const QString &dialog, const QString &messageKey, const Sessia &sessia)
{
    Request r = simpleRequest(Path::GetMessages, sessia);
    r.dialogKey = dialog;
    r.messageKey = messageKey;
    return r;
}

Request sendMessageRequest(SendOp op, const MessageSpec &message, const Sessia &sessia)
{
    Request r = simpleRequest(Path::SendMessage, sessia);
    r.operation = sendOpName(op);
    r.message = message;
    return r;
}

Request searchEverywhereRequest(const QString &text, int take, int skip, const Sessia &sessia)
{
    Request r = simpleRequest(Path::SearchRequest, sessia);
    r.operation = str("everyWhere");
    r.search = text;
    r.takeDialogs = take;
    r.skipDialogs = skip;
    return r;
}

Request searchInDialogRequest(
    const QString &dialog, const QString &text, int take, int skip, const Sessia &sessia)
{
    Request r = simpleRequest(Path::SearchRequest, sessia);
    r.operation = str("inDialogs");
    r.dialogs = dialog;
    r.search = text;
    r.take = take;
    r.skip = skip;
    return r;
}

namespace {
const char *const s_frBlNames[] = { "append", "accept", "cancel", "remove", "update", "getFriend",
    "getIncoming", "getOutcoming", "addBlock", "delBlock", "listBlocks" };
}

QString frBlOpName(FrBlOp op)
{
    return str(s_frBlNames[int(op)]);
}

std::optional<FrBlOp> parseFrBlOp(const QString &name)
{
    for (int i = 0; i < int(std::size(s_frBlNames)); ++i)
        if (name.compare(QLatin1String(s_frBlNames[i]), Qt::CaseInsensitive) == 0)
            return FrBlOp(i);
    return std::nullopt;
}

FrBlOp listOpFor(Contact::Kind kind)
{
    switch (kind) {
    case Contact::Kind::Friend:
        return FrBlOp::GetFriend;
    case Contact::Kind::Incoming:
        return FrBlOp::GetIncoming;
    case Contact::Kind::Outgoing:
        return FrBlOp::GetOutcoming;
    case Contact::Kind::Blocked:
        return FrBlOp::ListBlocks;
    }
    return FrBlOp::GetFriend;
}

QString sendOpName(SendOp op)
{
    switch (op) {
    case SendOp::Add:
        return str("add");
    case SendOp::Edit:
        return str("edit");
    case SendOp::Delete:
        return str("delete");
    case SendOp::DeleteOnlyMe:
        return str("deleteOnlyMe");
    }
    return str("add");
}

} // namespace Natter::Distet
