// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/flow.h"
#include "core/message.h"
#include "core/result.h"
#include "protocol/protocolclient.h"

#include <QJsonObject>

#include <optional>

/// Pure codec of the WS-server "mode" protocol (PROTOCOLS.md section 2, seeds 002 and 004):
/// flat JSON objects carrying `mode`, `timestamp`, `token` and `status`. No QObject, no I/O.
namespace Natter::WsMode {

/// Wire mode names.
namespace Mode {
inline constexpr QLatin1String CheckConnection { "checkConnection" };
inline constexpr QLatin1String CheckToken { "checkToken" };
inline constexpr QLatin1String Auth { "auth" };
inline constexpr QLatin1String Register { "register" };
inline constexpr QLatin1String Recovery { "recovery" }; ///< draft 002 only
inline constexpr QLatin1String Logout { "logout" };
inline constexpr QLatin1String CreateChat { "createChat" };
inline constexpr QLatin1String GetChats { "getChats" };
inline constexpr QLatin1String GetMessages { "getMessages" };
inline constexpr QLatin1String SendMessage { "sendMessage" };
inline constexpr QLatin1String SendGroupMessage { "sendGroupMessage" }; ///< draft 002 only
} // namespace Mode

/// The `content_type` of a text message; anything else is a MIME type with base64 content.
inline constexpr QLatin1String TextContent { "text" };
/// Prefix of the local keys derived for messages the server sends without an id.
inline constexpr QLatin1String LocalKeyPrefix { "wsm:" };

/// A decoded frame, before its payload is interpreted.
struct Frame
{
    QString mode;
    std::optional<int> status; ///< absent in requests and in some pushes
    qint64 timestampMs = 0; ///< 0 when absent
    QJsonObject object; ///< the whole frame
    QByteArray raw; ///< the frame itself, for error reports

    int code() const { return status.value_or(200); }
    bool isSuccess() const { return code() >= 200 && code() < 300; }
};

/// One piece of content as the wire carries it.
struct Content
{
    QString content;
    QString contentType;
    bool operator==(const Content &) const = default;
};

/// Parses a frame (text or binary UTF-8 JSON): a JSON object with a string `mode`; `status`
/// may be a number or a numeric string, `timestamp` seconds (int/float), ms or an ISO date.
Result<Frame> decodeFrame(const QByteArray &frame, int maxDepth = 64);

/// Maps a non-2xx frame to an Error; `requestMode` tunes it (401 on auth is WrongCredentials,
/// 409 on register AlreadyExists, 409 on createChat/recovery NotFound, …). `sentToken` says
/// whether the refused request carried a token (401 is then SessionExpired).
Error errorFromFrame(const Frame &frame, const QString &requestMode, bool sentToken);

// ---- payload decoders -----------------------------------------------------------------------

/// auth / register answer: the `token`.
Result<QString> decodeToken(const Frame &frame);
/// createChat answer: the `chat_id`.
Result<QString> decodeChatId(const Frame &frame);
/// getChats answer: `chats` (absent or null is an empty list).
Result<QList<Flow>> decodeChats(const Frame &frame);
/// getMessages answer or a pushed message frame: `messages` (or a single `message`). The chat
/// is the message's own `chat_id`, else the frame's, else `chatId`.
Result<QList<Message>> decodeMessages(const Frame &frame, const QString &chatId = {});

/// The ids and usernames a chat's `chat_members` names (ids or {id|user_id, username} objects).
struct Member
{
    QString id;
    QString username;
    bool operator==(const Member &) const = default;
};
Result<QList<Member>> decodeMembers(const QJsonValue &value, const QString &path);

/// Object decoders (public for tests). `path` names the field in errors.
Result<Flow> decodeChat(const QJsonObject &object, const QString &path);
Result<Message> decodeMessage(
    const QJsonObject &object, const QString &chatId, const QString &path);

/// A stable key for a message the server sent without an id: "wsm:" + hex of a SHA-1 over chat,
/// time (ms), sender and content, so re-fetching the same message yields the same key.
QString localMessageKey(
    const QString &chatId, qint64 timeMs, const QString &fromId, const Content &content);
/// The wire content of a text, and of an attachment (its MIME type, bytes in base64).
Content textContent(const QString &text);
Content attachmentContent(const Attachment &attachment);

// ---- encoders -------------------------------------------------------------------------------

/// {mode, timestamp (Unix seconds)}: the start of every request.
QJsonObject request(const QString &mode, qint64 nowMs);
QJsonObject encodeCheckConnection(qint64 nowMs);
QJsonObject encodeCheckToken(const QString &token, qint64 nowMs);
QJsonObject encodeAuth(const Credentials &credentials, qint64 nowMs);
QJsonObject encodeRegister(const Credentials &credentials, qint64 nowMs);
/// recovery: known_data_type "email" when `isEmail`, else "username".
QJsonObject encodeRecovery(
    const QString &username, const QString &knownData, bool isEmail, qint64 nowMs);
QJsonObject encodeLogout(const QString &token, qint64 nowMs);
/// contact_mode "id" for a numeric contact, "username" otherwise.
QJsonObject encodeCreateChat(const QString &token, const QString &contact, qint64 nowMs);
QJsonObject encodeGetChats(const QString &token, qint64 nowMs);
/// min_message_id is sent only when given (real ids known).
QJsonObject encodeGetMessages(
    const QString &token, const QString &chatId, std::optional<qint64> minMessageId, qint64 nowMs);
/// sendMessage, or sendGroupMessage when `group`.
QJsonObject encodeSendMessage(
    const QString &token, const QString &chatId, const Content &content, bool group, qint64 nowMs);

/// Object encoders: the wire form of each value type; decodeX(encodeX(v)) == v.
QJsonObject encodeChat(const Flow &flow);
QJsonObject encodeMessage(const Message &message);

/// The wire id: numbers stay JSON numbers, anything else a string.
QJsonValue wireId(const QString &id);

} // namespace Natter::WsMode
