// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "core/flow.h"
#include "core/message.h"
#include "core/result.h"
#include "protocol/protocolclient.h"

#include <QJsonObject>

#include <optional>

/// Pure MoreliaTalk 1.0 codec: no QObject, no I/O. Both dialects: the July-2020 document
/// (single objects, integer ids, float times) and revision 17 (lists, uuid strings, int times).
namespace Natter::Morelia {

enum class Dialect { Auto, V2020, Rev17 };

QString dialectName(Dialect dialect); ///< "morelia-2020", "morelia-r17", "auto"
std::optional<Dialect> parseDialect(const QString &name); ///< accepts the names above + "morelia"

/// Wire method names.
namespace Method {
inline constexpr QLatin1String RegisterUser { "register_user" };
inline constexpr QLatin1String Auth { "auth" }; ///< July 2020
inline constexpr QLatin1String Authentication { "authentication" }; ///< revision 17
inline constexpr QLatin1String UserInfo { "user_info" };
inline constexpr QLatin1String AllFlow { "all_flow" };
inline constexpr QLatin1String AllChat { "all_chat" }; ///< 19.07.2020 name of all_flow
inline constexpr QLatin1String AddFlow { "add_flow" };
inline constexpr QLatin1String AllMessages { "all_messages" };
inline constexpr QLatin1String GetUpdate { "get_update" };
inline constexpr QLatin1String SendMessage { "send_message" };
inline constexpr QLatin1String EditedMessage { "edited_message" };
inline constexpr QLatin1String DeleteMessage { "delete_message" };
inline constexpr QLatin1String DeleteUser { "delete_user" };
inline constexpr QLatin1String PingPong { "ping_pong" };
inline constexpr QLatin1String ErrorType { "error" };
} // namespace Method

/// The `errors` object of a response.
struct Status
{
    int code = 200;
    QString status; ///< reason phrase
    QString detail;
    bool operator==(const Status &) const = default;
};

/// A decoded response frame, before its data is interpreted.
struct Envelope
{
    QString type;
    QJsonObject data; ///< empty when data is null
    std::optional<Status> errors;
    QString version; ///< jsonapi.version as text ("1.0")
    QString revision; ///< jsonapi.revision, empty in the July-2020 dialect
    QByteArray raw; ///< the frame itself, for error reports

    /// Revision 17 when jsonapi.revision says so (any revision ≥ 17 counts), July 2020 otherwise.
    Dialect dialect() const;
    int code() const { return errors ? errors->code : 200; }
    bool isSuccess() const { return code() >= 200 && code() < 300; }
    bool isPartial() const { return code() == 206; }
};

/// Who we are on the wire: user id/uuid and auth_id.
struct SessionRef
{
    QString userId;
    QString authId;
};

/// A message to send.
struct OutgoingMessage
{
    QString flowId;
    Flow::Type flowType = Flow::Type::Chat;
    QString text;
    QList<Attachment> attachments; ///< one per file slot at most (picture, video, audio, document)
    qint64 clientId = 0;
    qint64 timeMs = 0;
    QString fromName;
    QString replyTo;
};

/// The answer to send_message.
struct SendReply
{
    QString messageId; ///< empty in the July-2020 dialect
    qint64 clientId = 0;
    qint64 timeMs = 0;
    bool operator==(const SendReply &) const = default;
};

/// The answer to get_update.
struct Update
{
    QList<Flow> flows;
    QList<Message> messages;
    QList<User> users;
    qint64 timeMs = 0;
    bool operator==(const Update &) const = default;
};

// ---- envelope ------------------------------------------------------------------------------

/// Parses a frame (text or binary UTF-8 JSON). Requires `type` (string) and `jsonapi`.
Result<Envelope> decodeEnvelope(const QByteArray &frame, int maxDepth = 64);

/// Maps a non-2xx envelope to an Error. `requestType` tunes the mapping (409 on register_user is
/// AlreadyExists, 401 on auth is WrongCredentials, 400/405 on any method is NotSupported when
/// the detail says the method is unknown, …).
Error errorFromEnvelope(const Envelope &envelope, const QString &requestType);

// ---- payload decoders (operate on envelope.data) -------------------------------------------

/// register_user / auth / authentication answer: user {id|uuid, auth_id}.
Result<Account> decodeAccount(const Envelope &envelope);
/// user_info answer: every user in data.user (2020: one object; r17: a list).
Result<QList<User>> decodeUsers(const Envelope &envelope);
/// all_flow / all_chat / add_flow answer. A missing flow field is an empty list.
Result<QList<Flow>> decodeFlows(const Envelope &envelope);
/// all_messages answer (and pushes). A missing message field is an empty list.
Result<QList<Message>> decodeMessages(const Envelope &envelope);
Result<Update> decodeUpdate(const Envelope &envelope);
Result<SendReply> decodeSendReply(const Envelope &envelope);
/// delete_user answer: the deleted user's id.
Result<QString> decodeDeletedUser(const Envelope &envelope);

/// Object decoders (used by the above; public for tests). `path` names the field in errors.
Result<Flow> decodeFlow(const QJsonObject &object, const QString &path);
Result<Message> decodeMessage(const QJsonObject &object, const QString &path);
Result<User> decodeUser(const QJsonObject &object, const QString &path);

// ---- encoders ------------------------------------------------------------------------------

/// Wraps data in the envelope: {type, data, jsonapi {version "1.0"}, meta null}.
QJsonObject envelope(const QString &type, const QJsonObject &data);
/// The same for one dialect: revision 17 sends jsonapi.version as the string "1.0" (the server
/// validates a str), July 2020 as the number 1.0 (its schema says "number"). data.meta is null.
QJsonObject envelope(Dialect dialect, const QString &type, const QJsonObject &data);

QJsonObject encodeRegisterUser(Dialect dialect, const Credentials &credentials);
QJsonObject encodeAuth(Dialect dialect, const Credentials &credentials);
QJsonObject encodeUserInfo(Dialect dialect, const SessionRef &me, const QStringList &userIds = {});
/// all_flow, or all_chat when `legacyName` (the 19.07.2020 spelling).
QJsonObject encodeAllFlow(Dialect dialect, const SessionRef &me, bool legacyName = false);
QJsonObject encodeAddFlow(Dialect dialect, const SessionRef &me, const NewFlow &flow);
/// all_messages since `sinceMs`; the flow is sent only in revision 17.
QJsonObject encodeAllMessages(
    Dialect dialect, const SessionRef &me, const QString &flowId, qint64 sinceMs);
QJsonObject encodeGetUpdate(
    Dialect dialect, const SessionRef &me, qint64 sinceMs, const QString &flowId = {});
QJsonObject encodeSendMessage(
    Dialect dialect, const SessionRef &me, const OutgoingMessage &message);
QJsonObject encodeEditMessage(Dialect dialect, const SessionRef &me, const QString &flowId,
    const QString &messageId, const QString &text, qint64 timeMs);
QJsonObject encodeDeleteMessage(Dialect dialect, const SessionRef &me, const QString &flowId,
    const QString &messageId, qint64 timeMs);
QJsonObject encodeDeleteUser(Dialect dialect, const SessionRef &me, const Credentials &credentials);
QJsonObject encodePingPong(Dialect dialect, const SessionRef &me);

/// Object encoders (the wire form of each value type; decodeX(encodeX(v)) == v).
QJsonObject encodeFlow(Dialect dialect, const Flow &flow);
QJsonObject encodeMessage(Dialect dialect, const Message &message);
QJsonObject encodeUser(Dialect dialect, const User &user);

/// The file slot a MIME type goes in: "picture", "video", "audio" or "document".
QString fileSlotFor(Attachment::Kind kind);
/// The attachment a received file slot holds: kind from the slot, MIME sniffed from the bytes,
/// name "<slot>.<preferred suffix>" (e.g. "picture.png"). What the decoders put in Message.
Attachment attachmentFromSlot(const QString &slot, const QByteArray &bytes);

} // namespace Natter::Morelia
