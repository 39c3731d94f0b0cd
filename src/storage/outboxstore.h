// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/attachment.h"
#include "core/result.h"

#include <QObject>
#include <QSqlQuery>

#include <optional>

namespace Natter {

class Database;
class MessageStore;

/// One send waiting for the server.
struct OutboxEntry
{
    enum class State { Queued = 0, Sending = 1, Failed = 3 };

    qint64 clientId = 0; ///< monotonic, never reused in this database; the echo's client id
    QString flowId;
    QString text;
    QList<Attachment> attachments; ///< with their bytes, read back from the media store
    qint64 created = 0; ///< Unix ms
    int attempts = 0; ///< times markSending() was called
    State state = State::Queued;
    QString lastError; ///< why the last attempt failed

    bool operator==(const OutboxEntry &) const = default;
};

/// Sends that survive a restart, in strict order. Each entry has a local echo in MessageStore
/// whose DeliveryState follows the entry; both change in one transaction. A sent entry leaves
/// the outbox and its echo becomes the server copy.
class OutboxStore : public QObject
{
    Q_OBJECT
public:
    OutboxStore(Database &db, MessageStore &messages, QObject *parent = nullptr);
    ~OutboxStore() override;

    /// Queues a send and inserts its local echo (state Queued, from our own user, ordered after
    /// the flow's newest message). Returns the new client id.
    Result<qint64> enqueue(
        const QString &flowId, const QString &text, const QList<Attachment> &attachments = {});
    /// Entries to send (Queued and Sending), oldest first.
    QList<OutboxEntry> pending() const;
    /// Every entry including Failed ones, oldest first.
    QList<OutboxEntry> entries() const;
    std::optional<OutboxEntry> entry(qint64 clientId) const;

    /// An attempt starts: state Sending, attempts + 1.
    Error markSending(qint64 clientId);
    /// The server accepted it: the entry is removed and the echo confirmed (merged with a server
    /// copy a sync stored meanwhile). `serverId` may be empty when the server names none.
    Error markSent(qint64 clientId, const QString &serverId, qint64 serverTime);
    Error markFailed(qint64 clientId, const QString &reason);
    /// A failed entry goes back to the queue, keeping its place.
    Error retry(qint64 clientId);
    /// Gives up on the send: removes the entry and its echo.
    Error discard(qint64 clientId);
    /// After a restart, attempts that were in flight go back to Queued.
    Error requeueInterrupted();

Q_SIGNALS:
    void entryAdded(qint64 clientId);
    void entryChanged(qint64 clientId);
    void entryRemoved(qint64 clientId);

private:
    Error setState(qint64 clientId, OutboxEntry::State state, const QString &error, int bump);
    QList<OutboxEntry> read(QSqlQuery &query) const;

    Database &m_db;
    MessageStore &m_messages;
    QSqlQuery m_insert;
    QSqlQuery m_setState;
    QSqlQuery m_delete;
    QSqlQuery m_requeue;
    mutable QSqlQuery m_ownId;
    mutable QSqlQuery m_flowNewest;
    mutable QSqlQuery m_pending;
    mutable QSqlQuery m_all;
    mutable QSqlQuery m_entry;
};

} // namespace Natter
