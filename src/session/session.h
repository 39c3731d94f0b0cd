// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backoff.h"
#include "core/result.h"
#include "protocol/protocolclient.h"

#include <QHash>
#include <QSet>
#include <QTimer>

#include <memory>

namespace Natter {

class AccountCache;
class OutboxSender;
class SyncEngine;
class Transfers;

/// One signed-in account at work: the only code that writes protocol results into the cache.
/// It keeps the connection up (reconnects with exponential backoff and jitter, resuming the
/// session with its stored secret), syncs, polls, and sends the outbox.
class Session : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Offline, ///< not started, or stopped
        Connecting, ///< first connection attempt
        Syncing, ///< connected, catching up
        Online, ///< connected and up to date
        Reconnecting, ///< waiting `reconnectInMs` before the next attempt
        AuthFailed, ///< the server refused the stored session: log in again
    };
    Q_ENUM(State)

    Session(std::shared_ptr<ProtocolClient> client, AccountCache &cache, QObject *parent = nullptr);
    ~Session() override;

    /// Connects as `account` (user id and secret) and keeps the connection up until stop().
    void start(const QUrl &server, const Account &account);
    void stop();
    /// Skips the backoff wait.
    void reconnectNow();

    State state() const { return m_state; }
    /// Milliseconds until the next reconnect attempt while Reconnecting.
    int reconnectInMs() const;
    ProtocolClient &client() { return *m_client; }
    AccountCache &cache() { return m_cache; }
    Backoff &backoff() { return m_backoff; }
    SyncEngine &sync() { return *m_sync; }
    OutboxSender &outbox() { return *m_outbox; }
    /// Media transfers and the media cache (transfers.h).
    Transfers &transfers() { return *m_transfers; }

    /// Stores the message (shown at once as queued) and sends it when online. Returns its
    /// client id, the key of its local echo until the server names it.
    Result<qint64> sendMessage(
        const QString &flowId, const QString &text, const QList<Attachment> &attachments = {});
    Error retrySend(qint64 clientId);
    Error discardSend(qint64 clientId);
    RequestId editMessage(const QString &flowId, const QString &messageId, const QString &text);
    RequestId deleteMessage(const QString &flowId, const QString &messageId);
    /// Hides a message for this account only, where the server can (DisTet).
    RequestId deleteMessageForMe(const QString &flowId, const QString &messageId);
    /// The chat in view, empty for none: updates are polled faster while one is open.
    void setOpenFlow(const QString &flowId);
    /// Blocks or unblocks a user: on the server where it keeps a blacklist (the cache follows
    /// its answer), otherwise on this device only. Blocked users' messages and chats are hidden.
    Error setBlocked(const QString &userIdOrLogin, bool blocked);
    /// Friends, on the server where it keeps them (the cache follows its answers), otherwise
    /// on this device: adding makes a friend at once and requests do not exist.
    /// `userIdOrLogin` may be a login the cache knows; otherwise it is taken as the id.
    Error requestFriend(const QString &userIdOrLogin, const QString &note = {});
    Error acceptFriend(const QString &userId);
    /// Declines an incoming request or cancels an outgoing one.
    Error cancelFriendRequest(const QString &userId);
    Error removeFriend(const QString &userId);
    Error updateFriendNote(const QString &userId, const QString &note);
    /// The id a login or id typed by the user stands for, using the users the cache knows.
    QString resolveUser(const QString &userIdOrLogin) const;
    /// Asks the server for every friends/blacklist list (no-op where it keeps none).
    void refreshContacts();

    // Media transfers (sessiontransfers.cpp, details in transfers.h).
    /// Fetches attachment `attachmentIndex` of a received message again, with transferProgress;
    /// an error when it cannot start.
    Error downloadAttachment(const QString &messageKey, int attachmentIndex);
    /// Cancels the upload (the send ends Failed, "Cancelled") or download of `messageKey`;
    /// false when none runs or it is too late to stop.
    bool cancelTransfer(const QString &messageKey);

    // Group management (sessiongroups.cpp). Each returns the request id, or the error that
    // kept it from being sent; the outcome is groupActionFinished, and a refusal also reaches
    // actionFailed. On success the cache follows the server (flows or members read again).
    Result<RequestId> renameFlow(const QString &flowId, const QString &title);
    Result<RequestId> setFlowPrivate(const QString &flowId, bool isPrivate);
    /// `image`: the file's bytes; `extension` e.g. "png".
    Result<RequestId> setFlowPhoto(
        const QString &flowId, const QByteArray &image, const QString &extension);
    /// `userIdsOrLogins`: ids, or logins the cache knows (see resolveUser()).
    Result<RequestId> addMembers(const QString &flowId, const QStringList &userIdsOrLogins);
    Result<RequestId> kickMember(const QString &flowId, const QString &userId);
    /// Reads the members from the server into the cache, and the profiles of those the cache
    /// cannot name.
    Result<RequestId> fetchMembers(const QString &flowId);

Q_SIGNALS:
    void stateChanged(Natter::Session::State state);
    void syncProgress(int done, int total);
    void synced();
    void errorOccurred(const Natter::Error &error);
    /// Something the user asked for (edit, delete, a friends or blacklist change) was refused.
    void actionFailed(const Natter::Error &error);
    /// Upload or download of a message's attachments; total 0 or done == total: ended.
    void transferProgress(const QString &messageKey, qint64 done, qint64 total);
    /// A group request ended: `error` is none on success.
    void groupActionFinished(
        Natter::RequestId id, const QString &flowId, const Natter::Error &error);

private:
    void setState(State state);
    void onConnectionState(ConnectionState state);
    void onSyncFailed(const Error &error);
    void scheduleReconnect();
    void storeFlows(const QList<Flow> &flows);
    void storeMessages(RequestId id, const QList<Message> &messages);
    void flushMessages();
    void requestUnknownAuthors(const QList<Message> &messages);
    void storeError(const Error &error);
    Error serverContactsReady() const;
    /// Remembers a request the user made, so its failure reaches actionFailed.
    RequestId track(RequestId id);
    // Group management (sessiongroups.cpp).
    enum class GroupFollowUp { None, Flows, Members };
    Error groupsReady(bool manage) const;
    Result<RequestId> trackGroup(RequestId id, const QString &flowId, GroupFollowUp followUp);
    void onGroupFinished(RequestId id);
    void onGroupFailed(RequestId id, const Error &error);
    void storeMembers(RequestId id, const QString &flowId, const QStringList &userIds);

    std::shared_ptr<ProtocolClient> m_client;
    AccountCache &m_cache;
    std::unique_ptr<SyncEngine> m_sync;
    std::unique_ptr<OutboxSender> m_outbox;
    std::unique_ptr<Transfers> m_transfers;
    Backoff m_backoff;
    QTimer m_reconnectTimer;
    QUrl m_server;
    Account m_account;
    State m_state = State::Offline;
    bool m_running = false;
    QHash<RequestId, QString> m_edits; ///< request → new text
    QSet<RequestId> m_actions; ///< requests the user made, see track()
    QSet<QString> m_profilesAsked; ///< authors whose profile was asked for this run
    QList<Message> m_unstored; ///< received, written when their request ends
    QHash<RequestId, std::pair<QString, GroupFollowUp>> m_groupActions; ///< request → flow
    static constexpr int kStoreBatch = 2000;
};

} // namespace Natter
