// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/contact.h"
#include "core/flow.h"
#include "core/message.h"
#include "core/result.h"
#include "core/user.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <optional>

/// The DisTet HTTP API (PROTOCOLS.md section 3): pure encoders and decoders, no QObject.
/// Requests are one generic Request per path (sent in the casing of the seed's examples);
/// replies are decoded case-insensitively after their Status.
namespace Natter::Distet {

/// Path names, appended to the base URL.
namespace Path {
inline constexpr QLatin1String Auth("Auth");
inline constexpr QLatin1String Registration("Registration");
inline constexpr QLatin1String Email("Email");
inline constexpr QLatin1String Media("Media");
inline constexpr QLatin1String GetMedia("GetMedia");
inline constexpr QLatin1String GetMediaDialog("GetMediaDialog");
inline constexpr QLatin1String ChangeUser("ChangeUser");
inline constexpr QLatin1String RequestFrBl("RequestFrBl");
inline constexpr QLatin1String GetDialogs("GetDialogs");
inline constexpr QLatin1String CreateDialog("CreateDialog");
inline constexpr QLatin1String ChangeDialog("ChangeDialog");
inline constexpr QLatin1String KickUser("KickUser");
inline constexpr QLatin1String GetUsersDialog("GetUsersDialog");
inline constexpr QLatin1String GetUser("GetUser");
inline constexpr QLatin1String GetMessages("GetMessages");
inline constexpr QLatin1String GetDelMessages("GetDelMessages");
inline constexpr QLatin1String SendMessage("SendMessage");
inline constexpr QLatin1String SearchRequest("SearchRequest");
inline constexpr QLatin1String Disable("disable");
} // namespace Path

/// Every path, in the seed's spelling.
QStringList allPaths();

/// Page limits: messages and dialogs take at most 50, friends lists at most 100.
inline constexpr int PageSize = 50;
inline constexpr int ContactPageSize = 100;

/// The `sessia` block. Only what is set (or `full` for device) is sent.
struct Sessia
{
    QString token; ///< `tocken`; omitted when empty
    QString deviceId;
    QString os; ///< sent with `full` (Auth and Registration)
    QString mac;
    QString hostname;
    bool full = false; ///< device carries os, mac and hostname too
    bool hasClient = true;
    QString hashCert;
    QString clientName;
    QString version; ///< numeric versions are sent as numbers

    bool operator==(const Sessia &) const = default;
};

/// `dialog` of CreateDialog / ChangeDialog.
struct DialogSpec
{
    std::optional<QString> name;
    std::optional<bool> isPrivate; ///< sent as "true" / "0" like the seed
    std::optional<QStringList> userIds;
    std::optional<QString> photo;
    std::optional<QString> key; ///< pkDialog (ChangeDialog only)

    bool operator==(const DialogSpec &) const = default;
};

/// `message` of SendMessage.
struct MessageSpec
{
    std::optional<QString> key; ///< msgkey (edit, delete)
    std::optional<QString> content;
    std::optional<QString> dialog;
    std::optional<QStringList> hashes; ///< media keys
    std::optional<QList<int>> order; ///< display order of each media key, from 1

    bool operator==(const MessageSpec &) const = default;
};

/// One request of any path. Fields not set are not sent.
struct Request
{
    QString path;
    std::optional<Sessia> sessia;
    std::optional<QString> email, password, login, code, extension, hash, date, operation,
        description, search, nickname, oldPass, newPass, imageKey, dialogKey, messageKey, dialogs;
    std::optional<QByteArray> bytes;
    std::optional<QString> id; ///< a user id (sent as a number when numeric)
    std::optional<QString> user; ///< KickUser's user id
    std::optional<int> take, skip, takeDialogs, skipDialogs;
    std::optional<DialogSpec> dialog;
    std::optional<MessageSpec> message;

    bool operator==(const Request &) const = default;
};

QJsonObject encodeRequest(const Request &request);
/// Reads a request the way a server would (any key casing). A decode error names the field.
Result<Request> decodeRequest(const QString &path, const QJsonObject &object);

/// "yyyy-MM-dd hh:mm:ss.zzz" in UTC for ms > 0, else "-1" (= the latest).
QString encodeDate(qint64 ms);

/// RequestFrBl operations.
enum class FrBlOp {
    Append,
    Accept,
    Cancel,
    Remove,
    Update,
    GetFriend,
    GetIncoming,
    GetOutcoming,
    AddBlock,
    DelBlock,
    ListBlocks
};
QString frBlOpName(FrBlOp op);
std::optional<FrBlOp> parseFrBlOp(const QString &name);
/// The list operation for a contact kind.
FrBlOp listOpFor(Contact::Kind kind);

enum class SendOp { Add, Edit, Delete, DeleteOnlyMe };
QString sendOpName(SendOp op);

// Typed builders over Request.
Request authRequest(const QString &email, const QString &password, const Sessia &sessia);
Request tokenAuthRequest(const Sessia &sessia);
Request registrationRequest(
    const QString &login, const QString &password, const QString &email, const Sessia &sessia);
Request emailCodeRequest(const QString &email, const Sessia &sessia);
Request emailConfirmRequest(const QString &code, const Sessia &sessia);
Request mediaRequest(const QString &extension, const QByteArray &bytes, const Sessia &sessia);
Request getMediaRequest(const QString &hash, const Sessia &sessia);
Request frBlRequest(FrBlOp op, const QString &userId, const QString &note, int take, int skip,
    const Sessia &sessia);
Request getDialogsRequest(qint64 sinceMs, int take, int skip, const Sessia &sessia);
Request getMessagesRequest(const QString &path, const QString &dialog, qint64 sinceMs, int take,
    int skip, const Sessia &sessia);
Request getMessageRequest(const QString &dialog, const QString &messageKey, const Sessia &sessia);
Request sendMessageRequest(SendOp op, const MessageSpec &message, const Sessia &sessia);
Request searchEverywhereRequest(const QString &text, int take, int skip, const Sessia &sessia);
Request searchInDialogRequest(
    const QString &dialog, const QString &text, int take, int skip, const Sessia &sessia);
/// Requests carrying only the sessia and the given key fields.
Request simpleRequest(const QString &path, const Sessia &sessia);

// Replies

/// `Status {code, message}`: the code decides, whatever the HTTP status. 2xx is success.
struct Status
{
    int code = 0;
    QString message;
    bool ok() const { return code >= 200 && code < 300; }
    bool operator==(const Status &) const = default;
};

Result<Status> decodeStatus(const QJsonObject &reply);
/// True when the message says the account's e-mail is not confirmed yet.
bool isEmailNotConfirmed(const QString &message);
/// The Error for a refusal; `path` helps: a refused password Auth is WrongCredentials.
Error errorFromStatus(const Status &status, const QString &path, const QByteArray &raw = {});
/// Parses a reply body and checks its Status: the object on success, else the error.
Result<QJsonObject> decodeReply(const QString &path, const QByteArray &body);

/// The user id a token carries after its last '?', empty when none.
QString userIdFromToken(const QString &token);

struct MediaFile
{
    QString hash;
    QString extension;
    QByteArray bytes;
    bool operator==(const MediaFile &) const = default;
};

Result<QString> decodeToken(const QJsonObject &reply); ///< `Tocken`
Result<QString> decodeMediaKey(const QJsonObject &reply); ///< `Key`
Result<MediaFile> decodeMediaFile(const QJsonObject &reply);
/// GetMediaDialog: a list under any key, or the single file the seed shows at the top level.
Result<QList<MediaFile>> decodeMediaList(const QJsonObject &reply);
Result<QStringList> decodeChanges(const QJsonObject &reply); ///< ChangeUser `Messages`
/// `friends`, `Comings`, `Blocks` or any list of {id, description, dateadd, photo, nickname}.
Result<QList<Contact>> decodeContacts(const QJsonObject &reply, Contact::Kind kind);
/// GetDialogs `Dialogs`. `private` (sent by some servers, not in the seed) fills
/// Flow::isPrivate; `photoKeys` receives dialog key → photo media key for dialogs with a photo.
Result<QList<Flow>> decodeDialogs(
    const QJsonObject &reply, QHash<QString, QString> *photoKeys = nullptr);
Result<QString> decodeDialogKey(const QJsonObject &reply); ///< CreateDialog `hash`
Result<QStringList> decodeUserIds(const QJsonObject &reply); ///< `UsersId`
/// GetUser; `photoKey` receives the Photo media key when given.
Result<User> decodeUser(const QJsonObject &reply, QString *photoKey = nullptr);
/// `Msg` of GetMessages / GetDelMessages. Attachments carry their media key in `reference`,
/// in `order`. `deleted` marks every message a tombstone.
Result<QList<Message>> decodeMessages(
    const QJsonObject &reply, const QString &dialog, bool deleted = false);
Result<QString> decodeMessageKey(const QJsonObject &reply); ///< SendMessage `msgkey`
/// A list of keys (SearchRequest `Dialogs` / `Messages`).
Result<QStringList> decodeKeys(const QJsonObject &reply, QLatin1String field);

/// MIME type for a file extension and back ("png" ↔ "image/png"); octet-stream when unknown.
QString mimeForExtension(const QString &extension);
QString extensionFor(const Attachment &attachment);

} // namespace Natter::Distet
