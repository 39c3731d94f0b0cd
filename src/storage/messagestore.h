// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "messagekey.h"
#include "messagereader.h"
#include "messagewriter.h"

#include <QObject>

#include <functional>
#include <optional>

namespace Natter {

class Database;

/// The messages of all flows. Messages are named by key (see messageKey()): the server id, or
/// "local:<clientId>" for a local echo. Writes are idempotent: storing what is already stored
/// changes nothing and emits nothing. Every batch is one transaction; signals follow the commit.
/// Attachment bytes go to the Database's MediaStore; messages read back carry attachment
/// metadata without bytes (see attachmentContent()).
class MessageStore : public QObject
{
    Q_OBJECT
public:
    explicit MessageStore(Database &db, QObject *parent = nullptr);
    ~MessageStore() override;

    /// Stores server messages and local echoes (any flows). A server copy that echoes the client
    /// id of one of our sends, or a sent echo the server named no id for, replaces that echo
    /// (messageKeyChanged) instead of duplicating it. Tombstones and newer edits are kept.
    Error insertOrUpdateMessages(const QList<Message> &messages);

    /// The newest `limit` messages of a flow, oldest first.
    QList<Message> newest(const QString &flowId, int limit) const;
    /// Up to `limit` messages older than (beforeTimeMs, beforeKey), oldest first: keyset paging.
    /// With an empty or unknown `beforeKey`, every message before `beforeTimeMs`.
    QList<Message> before(
        const QString &flowId, qint64 beforeTimeMs, const QString &beforeKey, int limit) const;
    /// Up to `limit` messages newer than (afterTimeMs, afterKey), oldest first: keyset paging
    /// towards the present. With an empty or unknown `afterKey`, every message after the time.
    QList<Message> after(
        const QString &flowId, qint64 afterTimeMs, const QString &afterKey, int limit) const;
    /// By key. Server ids are unique per server in every protocol Natter speaks; were one
    /// shared by two flows, either message may be returned.
    std::optional<Message> message(const QString &key) const;
    /// The local echo of one of our sends, or its server copy once confirmed.
    std::optional<Message> messageByClientId(qint64 clientId) const;
    DeliveryState deliveryState(const QString &key, QString *failReason = nullptr) const;

    /// An edit from the server or the user. Ignored on tombstones and when older than the
    /// stored edit. NotFound for an unknown key.
    Error applyEdit(const QString &key, const QString &text, qint64 editedTime);
    /// Makes the message a tombstone: the row stays (deleted, no text, no attachments).
    Error markDeleted(const QString &key);
    /// The server accepted the send with client id `clientId`: the echo becomes the server copy
    /// (messageKeyChanged), or, when a sync stored that copy already, the echo is removed and
    /// the copy kept. An empty `serverId` only marks the echo Sent.
    Error confirmLocalEcho(qint64 clientId, const QString &serverId, qint64 serverTime);

    /// The newest time of a message from the server in a flow (or in any flow), 0 when none:
    /// the "since" of the next sync.
    qint64 newestServerTime(const QString &flowId) const;
    qint64 newestServerTime() const;
    /// Messages in a flow, or in all flows when `flowId` is empty (tombstones included).
    int count(const QString &flowId = {}) const;

    /// The local copy of attachment `index` of a message: a file path, empty when not stored.
    QString attachmentPath(const QString &key, int index) const;
    /// Its bytes; FileError or NotFound when there is no local copy.
    Result<QByteArray> attachmentContent(const QString &key, int index) const;
    /// The local copies of these messages' attachments changed on disk (removed from the media
    /// cache, or fetched again): emits messagesUpdated so that views read the paths again.
    void announceMediaChanged(const QString &flowId, const QStringList &keys);

Q_SIGNALS:
    void messagesInserted(const QString &flowId, const QStringList &keys);
    void messagesUpdated(const QString &flowId, const QStringList &keys);
    void messagesRemoved(const QString &flowId, const QStringList &keys);
    /// A local echo became the server copy; emitted before messagesUpdated for newKey.
    void messageKeyChanged(const QString &flowId, const QString &oldKey, const QString &newKey);

private:
    friend class OutboxStore;
    /// Runs `work` with the writer in one transaction, then announces what it changed.
    Error transact(const std::function<Error(MessageWriter &, MessageChanges &)> &work);
    void announce(const MessageChanges &changes);
    QList<Message> page(QSqlQuery &query, bool newestFirst = true) const;

    Database &m_db;
    MessageReader m_reader;
    MessageWriter m_writer;
    mutable QSqlQuery m_newest;
    mutable QSqlQuery m_before;
    mutable QSqlQuery m_after;
    mutable QSqlQuery m_byClientId;
    mutable QSqlQuery m_newestServerTimeInFlow;
    mutable QSqlQuery m_newestServerTime;
    mutable QSqlQuery m_countInFlow;
    mutable QSqlQuery m_count;
};

} // namespace Natter
