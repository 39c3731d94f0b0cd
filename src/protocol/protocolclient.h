// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capabilities.h"
#include "core/account.h"
#include "core/contact.h"
#include "core/error.h"
#include "core/flow.h"
#include "core/flowchange.h"
#include "core/message.h"

#include <QObject>
#include <QUrl>

namespace Natter {

/// Client-side request id: monotonic per client, never 0. Pushes carry id 0.
using RequestId = quint64;

/// What the user types to register or log in.
struct Credentials
{
    QString login;
    QString password;
    QString email; ///< registration only
    QString name; ///< display name, registration only
};

/// A flow the user asks to create.
struct NewFlow
{
    Flow::Type type = Flow::Type::Group;
    QString title;
    QString info;
    QStringList members; ///< user ids besides ourselves
};

enum class ConnectionState { Disconnected, Connecting, Connected };

/// The one signal interface every backend implements. Methods return a request id at once;
/// the outcome arrives as exactly one of: the method's result signal(s) followed by
/// requestFinished(id), or requestFailed(id, error). Every request has a deadline.
class ProtocolClient : public QObject
{
    Q_OBJECT
public:
    explicit ProtocolClient(QObject *parent = nullptr);
    ~ProtocolClient() override;

    virtual void connectToServer(const QUrl &url) = 0;
    virtual void disconnectFromServer() = 0;
    virtual ConnectionState connectionState() const = 0;
    virtual Capabilities capabilities() const = 0;
    /// Short backend name for humans and logs, e.g. "MoreliaTalk (revision 17)".
    virtual QString protocolName() const = 0;

    /// Resume a stored session (user id + secret) without a network round trip.
    virtual void setAccount(const Account &account) = 0;
    virtual Account account() const = 0;

    virtual RequestId registerAccount(const Credentials &credentials) = 0;
    virtual RequestId login(const Credentials &credentials) = 0;
    virtual RequestId logout() = 0;
    /// Our own profile when userId is empty.
    virtual RequestId fetchProfile(const QString &userId = {}) = 0;
    virtual RequestId fetchFlows() = 0;
    virtual RequestId createFlow(const NewFlow &flow) = 0;
    /// Messages of one flow newer than `sinceMs` (Unix ms; 0 = all).
    virtual RequestId fetchMessages(const QString &flowId, qint64 sinceMs) = 0;
    /// Flows, messages and users changed since `sinceMs`.
    virtual RequestId fetchUpdates(qint64 sinceMs) = 0;
    virtual RequestId sendMessage(const QString &flowId, const QString &text,
        const QList<Attachment> &attachments, qint64 clientId)
        = 0;
    virtual RequestId editMessage(
        const QString &flowId, const QString &messageId, const QString &text)
        = 0;
    virtual RequestId deleteMessage(const QString &flowId, const QString &messageId) = 0;
    /// Some servers want the password again to delete an account.
    virtual RequestId deleteAccount(const Credentials &credentials) = 0;
    virtual RequestId ping() = 0;

    // wsmode additions
    /// Asks the server to start recovering `login`'s account; `knownData` is the account's email
    /// when `isEmail`, else its username. The outcome is requestFinished (the server acted, e.g.
    /// sent a mail) or requestFailed. The default fails with NotSupported.
    virtual RequestId recoverAccount(const QString &login, const QString &knownData, bool isEmail);

    // DisTet additions: servers with e-mail confirmation, server-side friends and blacklist,
    // group membership, server search and delete-for-me. The defaults fail asynchronously with
    // Error::Code::NotSupported; check capabilities() first.
    /// Asks the server to mail a new confirmation code to `email`.
    virtual RequestId requestEmailCode(const QString &email);
    /// Confirms the account's e-mail with the mailed code; emits emailConfirmed.
    virtual RequestId confirmEmail(const QString &code);
    /// Uploads `image` (file extension e.g. "png") and makes it the profile photo.
    virtual RequestId setProfilePhoto(const QByteArray &image, const QString &extension);
    /// Every contact of one kind (the client pages); emits contactsReceived once.
    virtual RequestId fetchContacts(Natter::Contact::Kind kind);
    /// Sends a friend request with a note; emits contactChanged (an Outgoing contact).
    virtual RequestId requestFriend(const QString &userId, const QString &note = {});
    virtual RequestId acceptFriend(const QString &userId);
    /// Withdraws our own friend request.
    virtual RequestId cancelFriendRequest(const QString &userId);
    virtual RequestId removeFriend(const QString &userId);
    virtual RequestId updateFriendNote(const QString &userId, const QString &note);
    virtual RequestId blockUser(const QString &userId);
    virtual RequestId unblockUser(const QString &userId);
    /// The member ids of a flow; emits membersReceived.
    virtual RequestId fetchMembers(const QString &flowId);
    virtual RequestId addMembers(const QString &flowId, const QStringList &userIds);
    virtual RequestId kickMember(const QString &flowId, const QString &userId);
    /// Renames a group, changes its photo or privacy (the fields `change` sets); the outcome
    /// is requestFinished. Read the flow again (fetchFlows) to see the server's state.
    virtual RequestId changeFlow(const QString &flowId, const Natter::FlowChange &change);
    /// Messages matching `text` in every flow the server searches; emits searchResultsReceived.
    virtual RequestId searchMessages(const QString &text);
    /// Hides a message from our own view only; emits messageDeleted.
    virtual RequestId deleteMessageForMe(const QString &flowId, const QString &messageId);
    /// Tombstones (Message::deleted) of messages deleted since `sinceMs` (0 = all).
    virtual RequestId fetchDeletedMessages(const QString &flowId, qint64 sinceMs);

    // Media transfers: progress (transferProgress), cancelling, and fetching a received file
    // again after its local copy was removed.
    /// How a received attachment whose local copy was removed can be fetched again.
    enum class MediaRefetch {
        None, ///< the server cannot send it again
        ByReference, ///< fetchMedia(attachment.reference)
        ByMessages, ///< fetchMessages() of its flow from just before its time carries it inline
    };
    virtual MediaRefetch mediaRefetch() const { return MediaRefetch::None; }
    /// Stops request `id` where the backend can; it then fails with Error::Code::Cancelled.
    /// Where it cannot (see each client), nothing happens and the request ends as it would
    /// have. The default does nothing.
    virtual void cancelRequest(Natter::RequestId id);
    /// The bytes of a file the server keeps by key (Attachment::reference); emits
    /// mediaReceived, with transferProgress on the way. The default fails with NotSupported.
    virtual RequestId fetchMedia(const QString &reference);

    /// Default deadline for every request, in milliseconds.
    void setRequestTimeout(int ms) { m_requestTimeoutMs = ms; }
    int requestTimeout() const { return m_requestTimeoutMs; }

    /// Trusts one certificate the normal verification refuses (self-signed, unknown CA, other
    /// host name): the SHA-256 of its DER form, hex (stored lowercase, colons dropped). Only
    /// the server's leaf certificate is compared; any other certificate still fails with
    /// TlsFailure (message: the errors and the host, raw: the peer's chain as PEM). Empty:
    /// no pin. Applies from the next connectToServer() (DisTet: the next request).
    void setPinnedCertificate(const QString &sha256Hex);
    QString pinnedCertificate() const { return m_pinnedCertificate; }

Q_SIGNALS:
    void connectionStateChanged(Natter::ConnectionState state);
    /// The connection failed or dropped; outstanding requests fail separately.
    void connectionError(const Natter::Error &error);
    /// A frame was dropped: not decodable, too large, or matching no request. Nothing failed.
    void frameDropped(const Natter::Error &error);

    void registered(Natter::RequestId id, const Natter::Account &account);
    void loggedIn(Natter::RequestId id, const Natter::Account &account);
    void loggedOut(Natter::RequestId id);
    void profileReceived(Natter::RequestId id, const Natter::User &user);
    void usersReceived(Natter::RequestId id, const QList<Natter::User> &users);
    void flowsReceived(Natter::RequestId id, const QList<Natter::Flow> &flows);
    void flowCreated(Natter::RequestId id, const Natter::Flow &flow);
    /// Messages of any flows (each carries its flowId). id 0: a server push.
    void messagesReceived(Natter::RequestId id, const QList<Natter::Message> &messages);
    /// serverId may be empty when the server does not say it (MoreliaTalk July 2020).
    void messageSent(
        Natter::RequestId id, qint64 clientId, const QString &serverId, qint64 serverTimeMs);
    void messageEdited(Natter::RequestId id, const QString &flowId, const QString &messageId);
    void messageDeleted(Natter::RequestId id, const QString &flowId, const QString &messageId);
    void accountDeleted(Natter::RequestId id);
    void pong(Natter::RequestId id);
    /// The request completed; its result signals (if any) came before this.
    void requestFinished(Natter::RequestId id);
    void requestFailed(Natter::RequestId id, const Natter::Error &error);

    // DisTet additions
    void emailConfirmed(Natter::RequestId id);
    void contactsReceived(
        Natter::RequestId id, Natter::Contact::Kind kind, const QList<Natter::Contact> &contacts);
    /// A contact was added or changed (its kind says what it is now).
    void contactChanged(Natter::RequestId id, const Natter::Contact &contact);
    /// A relation of `kind` with `userId` ended (unfriended, request withdrawn, unblocked).
    void contactRemoved(Natter::RequestId id, Natter::Contact::Kind kind, const QString &userId);
    void membersReceived(Natter::RequestId id, const QString &flowId, const QStringList &userIds);
    void searchResultsReceived(Natter::RequestId id, const QList<Natter::Message> &messages);
    /// Bytes of request `id` on their way (an upload: handed to the network; a download:
    /// received). `total` may grow while a request has several parts; done == total at the end.
    void transferProgress(Natter::RequestId id, qint64 done, qint64 total);
    /// The answer to fetchMedia().
    void mediaReceived(Natter::RequestId id, const QString &reference, const QByteArray &bytes);

protected:
    /// A request id for a request this client cannot make; requestFailed(id, NotSupported)
    /// follows from the event loop.
    RequestId failUnsupported(const QString &what);
    /// A fresh request id. Clients with a RequestTracker override it to share its sequence;
    /// the default counts from 2^48 so it never meets a tracker's ids.
    virtual RequestId allocateRequestId();

private:
    RequestId m_lastBaseId = RequestId(1) << 48;
    int m_requestTimeoutMs = 30000;
    QString m_pinnedCertificate;
};

} // namespace Natter

Q_DECLARE_METATYPE(Natter::Error)
Q_DECLARE_METATYPE(Natter::Account)
Q_DECLARE_METATYPE(Natter::ConnectionState)
