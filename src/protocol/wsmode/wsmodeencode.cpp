// SPDX-License-Identifier: GPL-3.0-or-later
// "mode" protocol encoders: requests and the wire form of chats and messages.
#include "wsmodecodec.h"

#include <QJsonArray>

namespace Natter::WsMode {

namespace {
const QString kToken = QStringLiteral("token");

QJsonValue wireTime(qint64 ms)
{
    // Whole seconds as an integer, otherwise seconds with the milliseconds as a fraction.
    if (ms % 1000 == 0)
        return QJsonValue(ms / 1000);
    return QJsonValue(double(ms) / 1000.0);
}

QJsonObject withToken(const QString &mode, const QString &token, qint64 nowMs)
{
    QJsonObject o = request(mode, nowMs);
    o.insert(kToken, token);
    return o;
}
} // namespace

QJsonValue wireId(const QString &id)
{
    bool ok = false;
    const qint64 n = id.toLongLong(&ok);
    // Only canonical decimals (no "007", no "+5") travel as numbers; 2^53 keeps them exact.
    if (ok && QString::number(n) == id && n < (qint64(1) << 53) && n > -(qint64(1) << 53))
        return QJsonValue(n);
    return QJsonValue(id);
}

QJsonObject request(const QString &mode, qint64 nowMs)
{
    return { { QStringLiteral("mode"), mode }, { QStringLiteral("timestamp"), nowMs / 1000 } };
}

QJsonObject encodeCheckConnection(qint64 nowMs)
{
    return request(Mode::CheckConnection, nowMs);
}

QJsonObject encodeCheckToken(const QString &token, qint64 nowMs)
{
    return withToken(Mode::CheckToken, token, nowMs);
}

QJsonObject encodeAuth(const Credentials &credentials, qint64 nowMs)
{
    QJsonObject o = request(Mode::Auth, nowMs);
    o.insert(QStringLiteral("username"), credentials.login);
    o.insert(QStringLiteral("password"), credentials.password);
    return o;
}

QJsonObject encodeRegister(const Credentials &credentials, qint64 nowMs)
{
    QJsonObject o = request(Mode::Register, nowMs);
    o.insert(QStringLiteral("username"), credentials.login);
    o.insert(QStringLiteral("password"), credentials.password);
    o.insert(QStringLiteral("email"), credentials.email);
    return o;
}

QJsonObject encodeRecovery(
    const QString &username, const QString &knownData, bool isEmail, qint64 nowMs)
{
    QJsonObject o = request(Mode::Recovery, nowMs);
    o.insert(QStringLiteral("username"), username);
    o.insert(QStringLiteral("known_data"), knownData);
    o.insert(QStringLiteral("known_data_type"),
        isEmail ? QStringLiteral("email") : QStringLiteral("username"));
    return o;
}

QJsonObject encodeLogout(const QString &token, qint64 nowMs)
{
    return withToken(Mode::Logout, token, nowMs);
}

QJsonObject encodeCreateChat(const QString &token, const QString &contact, qint64 nowMs)
{
    QJsonObject o = withToken(Mode::CreateChat, token, nowMs);
    bool numeric = false;
    contact.trimmed().toLongLong(&numeric);
    o.insert(
        QStringLiteral("contact_value"), numeric ? wireId(contact.trimmed()) : QJsonValue(contact));
    o.insert(QStringLiteral("contact_mode"),
        numeric ? QStringLiteral("id") : QStringLiteral("username"));
    return o;
}

QJsonObject encodeGetChats(const QString &token, qint64 nowMs)
{
    return withToken(Mode::GetChats, token, nowMs);
}

QJsonObject encodeGetMessages(
    const QString &token, const QString &chatId, std::optional<qint64> minMessageId, qint64 nowMs)
{
    QJsonObject o = withToken(Mode::GetMessages, token, nowMs);
    o.insert(QStringLiteral("chat_id"), wireId(chatId));
    if (minMessageId)
        o.insert(QStringLiteral("min_message_id"), *minMessageId);
    return o;
}

QJsonObject encodeSendMessage(
    const QString &token, const QString &chatId, const Content &content, bool group, qint64 nowMs)
{
    QJsonObject o = withToken(group ? Mode::SendGroupMessage : Mode::SendMessage, token, nowMs);
    o.insert(QStringLiteral("chat_id"), wireId(chatId));
    o.insert(QStringLiteral("content"), content.content);
    o.insert(QStringLiteral("content_type"), content.contentType);
    return o;
}

QJsonObject encodeChat(const Flow &flow)
{
    QJsonArray members;
    for (const QString &m : flow.members)
        members.append(wireId(m));
    QJsonObject o { { QStringLiteral("chat_id"), wireId(flow.id) },
        { QStringLiteral("chat_members"), members }, { QStringLiteral("chat_name"), flow.title },
        { QStringLiteral("chat_type"),
            flow.type == Flow::Type::Chat ? QStringLiteral("personal")
                                          : QStringLiteral("group") } };
    if (flow.updated > 0)
        o.insert(QStringLiteral("last_message_time"), wireTime(flow.updated));
    return o;
}

QJsonObject encodeMessage(const Message &message)
{
    const Content content = message.attachments.isEmpty()
        ? textContent(message.text)
        : attachmentContent(message.attachments.first());
    QJsonObject o { { QStringLiteral("from_id"), wireId(message.fromId) },
        { QStringLiteral("from_name"), message.fromName },
        { QStringLiteral("content"), content.content },
        { QStringLiteral("content_type"), content.contentType },
        { QStringLiteral("content_time"), wireTime(message.time) } };
    if (!message.id.isEmpty() && !message.id.startsWith(LocalKeyPrefix))
        o.insert(QStringLiteral("message_id"), wireId(message.id));
    return o;
}

} // namespace Natter::WsMode
