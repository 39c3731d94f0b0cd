// SPDX-License-Identifier: GPL-3.0-or-later
// Flattens decoded MoreliaTalk results into "path → text" maps so data-driven rows can name one
// decoded field and its expected value, e.g. ("messages", "0.attachments.0.name", "picture.png").
#pragma once

#include "protocol/morelia/moreliacodec.h"

#include <QMap>

namespace Natter::Test {

using Fields = QMap<QString, QString>;

inline QString text(bool b)
{
    return b ? QStringLiteral("true") : QStringLiteral("false");
}

inline void put(Fields &f, const QString &p, const Flow &flow)
{
    f[p + QStringLiteral("id")] = flow.id;
    f[p + QStringLiteral("type")] = flowTypeName(flow.type);
    f[p + QStringLiteral("title")] = flow.title;
    f[p + QStringLiteral("info")] = flow.info;
    f[p + QStringLiteral("updated")] = QString::number(flow.updated);
    f[p + QStringLiteral("owner")] = flow.owner;
    f[p + QStringLiteral("members")] = flow.members.join(QLatin1Char(','));
}

inline void put(Fields &f, const QString &p, const Message &m)
{
    f[p + QStringLiteral("id")] = m.id;
    f[p + QStringLiteral("clientId")] = QString::number(m.clientId);
    f[p + QStringLiteral("flowId")] = m.flowId;
    f[p + QStringLiteral("fromId")] = m.fromId;
    f[p + QStringLiteral("fromName")] = m.fromName;
    f[p + QStringLiteral("text")] = m.text;
    f[p + QStringLiteral("time")] = QString::number(m.time);
    f[p + QStringLiteral("edited")] = text(m.edited);
    f[p + QStringLiteral("editedTime")] = QString::number(m.editedTime);
    f[p + QStringLiteral("deleted")] = text(m.deleted);
    f[p + QStringLiteral("replyTo")] = m.replyTo;
    f[p + QStringLiteral("attachments")] = QString::number(m.attachments.size());
    for (qsizetype i = 0; i < m.attachments.size(); ++i) {
        const Attachment &a = m.attachments.at(i);
        const QString q = p + QStringLiteral("attachments.%1.").arg(i);
        f[q + QStringLiteral("kind")] = attachmentKindName(a.kind);
        f[q + QStringLiteral("name")] = a.name;
        f[q + QStringLiteral("mime")] = a.mime;
        f[q + QStringLiteral("size")] = QString::number(a.size);
        f[q + QStringLiteral("bytes")] = QString::fromLatin1(a.bytes.toBase64());
    }
}

inline void put(Fields &f, const QString &p, const User &u)
{
    f[p + QStringLiteral("id")] = u.id;
    f[p + QStringLiteral("login")] = u.login;
    f[p + QStringLiteral("name")] = u.name;
    f[p + QStringLiteral("email")] = u.email;
    f[p + QStringLiteral("bio")] = u.bio;
    f[p + QStringLiteral("avatar")] = QString::fromLatin1(u.avatar.toBase64());
    f[p + QStringLiteral("isBot")] = text(u.isBot);
}

template <typename T>
void putList(Fields &f, const QString &p, const QList<T> &list)
{
    f[p + QStringLiteral("count")] = QString::number(list.size());
    for (qsizetype i = 0; i < list.size(); ++i)
        put(f, p + QString::number(i) + QLatin1Char('.'), list.at(i));
}

inline void putError(Fields &f, const Error &e)
{
    f[QStringLiteral("error")] = e.message;
    f[QStringLiteral("errorCode")] = errorCodeName(e.code);
    f[QStringLiteral("serverCode")] = QString::number(e.serverCode);
}

/// The payload decoder for a response type (as named in test rows).
inline QString decoderFor(const QString &type)
{
    using namespace Morelia;
    if (type == Method::RegisterUser || type == Method::Auth || type == Method::Authentication)
        return QStringLiteral("account");
    if (type == Method::UserInfo)
        return QStringLiteral("users");
    if (type == Method::AllFlow || type == Method::AllChat || type == Method::AddFlow)
        return QStringLiteral("flows");
    if (type == Method::AllMessages)
        return QStringLiteral("messages");
    if (type == Method::GetUpdate)
        return QStringLiteral("update");
    if (type == Method::SendMessage)
        return QStringLiteral("sendReply");
    if (type == Method::DeleteUser)
        return QStringLiteral("deletedUser");
    return QStringLiteral("envelope");
}

/// Runs one decoder over an envelope and flattens what it gives.
inline Fields decodeFields(const Morelia::Envelope &env, const QString &decoder)
{
    using namespace Morelia;
    Fields f;
    f[QStringLiteral("type")] = env.type;
    f[QStringLiteral("version")] = env.version;
    f[QStringLiteral("revision")] = env.revision;
    f[QStringLiteral("dialect")] = dialectName(env.dialect());
    f[QStringLiteral("code")] = QString::number(env.code());
    f[QStringLiteral("status")] = env.errors ? env.errors->status : QString();
    f[QStringLiteral("detail")] = env.errors ? env.errors->detail : QString();
    f[QStringLiteral("partial")] = text(env.isPartial());
    f[QStringLiteral("dataKeys")] = env.data.keys().join(QLatin1Char(','));
    if (decoder == QLatin1String("account")) {
        const Result<Account> r = decodeAccount(env);
        if (!r)
            putError(f, r.error());
        else {
            put(f, QStringLiteral("user."), r->user);
            f[QStringLiteral("secret")] = r->secret;
        }
    } else if (decoder == QLatin1String("users")) {
        const Result<QList<User>> r = decodeUsers(env);
        r ? putList(f, QString(), *r) : putError(f, r.error());
    } else if (decoder == QLatin1String("flows")) {
        const Result<QList<Flow>> r = decodeFlows(env);
        r ? putList(f, QString(), *r) : putError(f, r.error());
    } else if (decoder == QLatin1String("messages")) {
        const Result<QList<Message>> r = decodeMessages(env);
        r ? putList(f, QString(), *r) : putError(f, r.error());
    } else if (decoder == QLatin1String("update")) {
        const Result<Update> r = decodeUpdate(env);
        if (!r) {
            putError(f, r.error());
        } else {
            putList(f, QStringLiteral("flows."), r->flows);
            putList(f, QStringLiteral("messages."), r->messages);
            putList(f, QStringLiteral("users."), r->users);
            f[QStringLiteral("timeMs")] = QString::number(r->timeMs);
        }
    } else if (decoder == QLatin1String("sendReply")) {
        const Result<SendReply> r = decodeSendReply(env);
        if (!r) {
            putError(f, r.error());
        } else {
            f[QStringLiteral("messageId")] = r->messageId;
            f[QStringLiteral("clientId")] = QString::number(r->clientId);
            f[QStringLiteral("timeMs")] = QString::number(r->timeMs);
        }
    } else if (decoder == QLatin1String("deletedUser")) {
        const Result<QString> r = decodeDeletedUser(env);
        if (!r)
            putError(f, r.error());
        else
            f[QStringLiteral("id")] = *r;
    }
    return f;
}

} // namespace Natter::Test
