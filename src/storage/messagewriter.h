// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "messagereader.h"

#include <QHash>

namespace Natter {

/// What one transaction did to messages; MessageStore announces it after commit.
struct MessageChanges
{
    struct Entry
    {
        QString flowId;
        QString key;
    };
    struct Rekey
    {
        QString flowId;
        QString oldKey;
        QString newKey;
    };
    QList<Entry> inserted;
    QList<Entry> updated;
    QList<Entry> removed;
    QList<Rekey> rekeyed;

    bool isEmpty() const
    {
        return inserted.isEmpty() && updated.isEmpty() && removed.isEmpty() && rekeyed.isEmpty();
    }
};

/// The write side of messages, shared by MessageStore and OutboxStore. Every method runs inside
/// the caller's transaction and records what it changed. Internal to src/storage/.
class MessageWriter
{
public:
    MessageWriter(Database &db, const MessageReader &reader);

    /// Inserts or updates one message from the server (id set) or a local echo (id empty,
    /// clientId set). A server copy takes over a matching local echo instead of duplicating it.
    Error upsert(const Message &message, MessageChanges &changes);
    /// upsert() for each message in order, with the same outcome and the same changes. New
    /// server messages that no local echo can claim and that carry no attachments (what a sync
    /// brings) are inserted many rows per statement; everything else goes through upsert().
    Error upsertBatch(const QList<Message> &messages, MessageChanges &changes);
    /// Inserts a new local echo in `state`.
    Error insertLocalEcho(const Message &echo, DeliveryState state, MessageChanges &changes);
    /// Turns the local echo into the server copy, merging with one a sync already stored.
    /// NotFound when neither the echo nor a server copy with that client id exists.
    Error confirm(
        qint64 clientId, const QString &serverId, qint64 serverTime, MessageChanges &changes);
    Error setEchoState(
        qint64 clientId, DeliveryState state, const QString &reason, MessageChanges &changes);
    Error removeEcho(qint64 clientId, MessageChanges &changes);
    Error edit(const QString &key, const QString &text, qint64 editedTime, MessageChanges &changes);
    Error tombstone(const QString &key, MessageChanges &changes);
    /// Messages need their flow row (foreign key); a flow first seen in a message gets a bare one.
    Error ensureFlow(const QString &flowId);

private:
    /// Writes `target` over `existing` (or inserts when null); true when anything changed.
    Result<bool> write(const MessageRow *existing, MessageRow target);
    Error writeAttachments(qint64 localId, const MessageRow &target);
    /// Fills content hashes for attachments that carry bytes, storing the bytes as media.
    Error storeContent(MessageRow &target, const MessageRow *existing);
    std::optional<MessageRow> echoToMerge(const Message &serverCopy) const;
    /// Whether the outbox entry of `clientId` went out at least once.
    bool wasAttempted(qint64 clientId) const;
    /// Inserts new server messages (no attachments, no echo to merge) as multi-row INSERTs.
    Error insertNew(const QList<const Message *> &messages, MessageChanges &changes);
    /// The multi-row INSERT of `rows` rows, prepared on first use.
    QSqlQuery &insertRows(int rows);

    Database &m_db;
    const MessageReader &m_reader;
    QSqlQuery m_insert;
    QSqlQuery m_update;
    QSqlQuery m_deleteRow;
    QSqlQuery m_deleteAttachments;
    QSqlQuery m_insertAttachment;
    QSqlQuery m_ensureFlow;
    mutable QSqlQuery m_echoByText;
    mutable QSqlQuery m_attempted;
    QSqlQuery m_storedKeys; ///< (server id, flow) pairs among a JSON array of server ids
    QSqlQuery m_echoFlows; ///< flows that hold local echoes
    QHash<int, QSqlQuery> m_insertRows; ///< row count → multi-row INSERT
};

} // namespace Natter
