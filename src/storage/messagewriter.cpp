// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagewriter.h"

#include "core/logging.h"
#include "database.h"
#include "sql.h"

namespace Natter {

namespace {

Error notFound(const QString &what)
{
    return Error::make(Error::Code::NotFound, what);
}

/// Attachments as compared and stored: metadata only, the bytes live in the MediaStore.
QList<Attachment> withoutBytes(QList<Attachment> attachments)
{
    for (Attachment &a : attachments)
        a.bytes.clear();
    return attachments;
}

bool sameRow(const MessageRow &a, const MessageRow &b)
{
    Message x = a.message;
    Message y = b.message;
    x.attachments = withoutBytes(x.attachments);
    y.attachments = withoutBytes(y.attachments);
    return x == y && a.state == b.state && a.failReason == b.failReason
        && a.contentHashes == b.contentHashes;
}

} // namespace

MessageWriter::MessageWriter(Database &db, const MessageReader &reader)
    : m_db(db),
      m_reader(reader),
      m_insert(db.prepare(QStringLiteral(
          "INSERT INTO messages (flow_id, server_id, client_id, from_id, from_name, text, time, "
          "edited, edited_time, deleted, reply_to, state, fail_reason) VALUES (:flow_id, "
          ":server_id, :client_id, :from_id, :from_name, :text, :time, :edited, :edited_time, "
          ":deleted, :reply_to, :state, :fail_reason)"))),
      m_update(db.prepare(QStringLiteral(
          "UPDATE messages SET flow_id = :flow_id, server_id = :server_id, client_id = :client_id, "
          "from_id = :from_id, from_name = :from_name, text = :text, time = :time, "
          "edited = :edited, edited_time = :edited_time, deleted = :deleted, "
          "reply_to = :reply_to, state = :state, fail_reason = :fail_reason "
          "WHERE local_id = :local_id"))),
      m_deleteRow(db.prepare(QStringLiteral("DELETE FROM messages WHERE local_id = :local_id"))),
      m_deleteAttachments(
          db.prepare(QStringLiteral("DELETE FROM attachments WHERE message_id = :message_id"))),
      m_insertAttachment(db.prepare(QStringLiteral(
          "INSERT INTO attachments (message_id, position, kind, name, mime, size, content_hash, "
          "reference) VALUES (:message_id, :position, :kind, :name, :mime, :size, "
          ":content_hash, :reference)"))),
      m_ensureFlow(db.prepare(
          QStringLiteral("INSERT INTO flows (id) VALUES (:id) ON CONFLICT (id) DO NOTHING"))),
      m_echoByText(db.prepare(QLatin1String("SELECT ") % MessageReader::columns()
          % QLatin1String(" FROM messages WHERE flow_id = :flow_id "
                          "AND server_id = '' AND state = 2 AND text = :text "
                          "AND from_id IN (:from_id, '') "
                          "ORDER BY client_id LIMIT 1"))),
      // A send requeued after its connection dropped may have reached the server.
      m_attempted(db.prepare(
          QStringLiteral("SELECT 1 FROM outbox WHERE client_id = :client_id AND attempts > 0"))),
      m_storedKeys(
          db.prepare(QStringLiteral("SELECT server_id, flow_id FROM messages WHERE server_id IN "
                                    "(SELECT value FROM json_each(:ids)) AND server_id <> ''"))),
      // Served by the partial index messages_local_echo: only local echoes are read.
      m_echoFlows(
          db.prepare(QStringLiteral("SELECT DISTINCT flow_id FROM messages WHERE server_id = ''")))
{ }

Error MessageWriter::ensureFlow(const QString &flowId)
{
    m_ensureFlow.bindValue(QStringLiteral(":id"), flowId);
    return Sql::exec(m_ensureFlow) ? Error() : Sql::error(m_ensureFlow, QStringLiteral("flow"));
}

Error MessageWriter::storeContent(MessageRow &target, const MessageRow *existing)
{
    QList<Attachment> &list = target.message.attachments;
    target.contentHashes.resize(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        Attachment &a = list[i];
        QString &hash = target.contentHashes[i];
        if (!a.bytes.isEmpty()) {
            Result<QString> stored = m_db.media().put(a.bytes);
            if (!stored)
                return stored.error();
            hash = stored.value();
            a.size = a.bytes.size();
        } else if (hash.isEmpty() && existing && i < existing->contentHashes.size()
            && existing->message.attachments.at(i).reference == a.reference
            && existing->message.attachments.at(i).name == a.name) {
            hash = existing->contentHashes.at(i); // keep the copy we already have
        }
    }
    return {};
}

Result<bool> MessageWriter::write(const MessageRow *existing, MessageRow target)
{
    if (Error error = storeContent(target, existing); !error.isNone())
        return error;
    if (existing && sameRow(*existing, target))
        return false;

    const Message &m = target.message;
    QSqlQuery &q = existing ? m_update : m_insert;
    if (existing)
        q.bindValue(QStringLiteral(":local_id"), existing->localId);
    q.bindValue(QStringLiteral(":flow_id"), m.flowId);
    q.bindValue(QStringLiteral(":server_id"), Sql::text(m.id));
    q.bindValue(QStringLiteral(":client_id"), m.clientId);
    q.bindValue(QStringLiteral(":from_id"), Sql::text(m.fromId));
    q.bindValue(QStringLiteral(":from_name"), Sql::text(m.fromName));
    q.bindValue(QStringLiteral(":text"), Sql::text(m.text));
    q.bindValue(QStringLiteral(":time"), m.time);
    q.bindValue(QStringLiteral(":edited"), m.edited);
    q.bindValue(QStringLiteral(":edited_time"), m.editedTime);
    q.bindValue(QStringLiteral(":deleted"), m.deleted);
    q.bindValue(QStringLiteral(":reply_to"), Sql::text(m.replyTo));
    q.bindValue(QStringLiteral(":state"), static_cast<int>(target.state));
    q.bindValue(QStringLiteral(":fail_reason"), Sql::text(target.failReason));
    if (!Sql::exec(q))
        return Sql::error(q, QStringLiteral("cannot store message"));

    const qint64 localId = existing ? existing->localId : q.lastInsertId().toLongLong();
    const bool attachmentsChanged = !existing
        || withoutBytes(existing->message.attachments) != withoutBytes(m.attachments)
        || existing->contentHashes != target.contentHashes;
    if (attachmentsChanged) {
        if (Error error = writeAttachments(localId, target); !error.isNone())
            return error;
    }
    return true;
}

Error MessageWriter::writeAttachments(qint64 localId, const MessageRow &target)
{
    m_deleteAttachments.bindValue(QStringLiteral(":message_id"), localId);
    if (!Sql::exec(m_deleteAttachments))
        return Sql::error(m_deleteAttachments, QStringLiteral("cannot store attachments"));
    const QList<Attachment> &list = target.message.attachments;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Attachment &a = list.at(i);
        QSqlQuery &q = m_insertAttachment;
        q.bindValue(QStringLiteral(":message_id"), localId);
        q.bindValue(QStringLiteral(":position"), i);
        q.bindValue(QStringLiteral(":kind"), static_cast<int>(a.kind));
        q.bindValue(QStringLiteral(":name"), Sql::text(a.name));
        q.bindValue(QStringLiteral(":mime"), Sql::text(a.mime));
        q.bindValue(QStringLiteral(":size"), a.size);
        q.bindValue(QStringLiteral(":content_hash"), Sql::text(target.contentHashes.value(i)));
        q.bindValue(QStringLiteral(":reference"), Sql::text(a.reference));
        if (!Sql::exec(q))
            return Sql::error(q, QStringLiteral("cannot store attachment"));
    }
    return {};
}

std::optional<MessageRow> MessageWriter::echoToMerge(const Message &serverCopy) const
{
    // The server echoed our client id: the echo of that send, if it went out from this user.
    if (serverCopy.clientId != 0 && !serverCopy.fromId.isEmpty()) {
        auto echo = m_reader.byLocalEcho(serverCopy.flowId, serverCopy.clientId);
        if (echo && echo->message.fromId == serverCopy.fromId
            && (echo->state == DeliveryState::Sending || echo->state == DeliveryState::Sent
                || (echo->state == DeliveryState::Queued && wasAttempted(serverCopy.clientId))))
            return echo;
    }
    // Servers that answer a send without an id (MoreliaTalk July 2020, mode) leave a Sent echo
    // with no server id; its server copy is recognised by flow, sender and text.
    m_echoByText.bindValue(QStringLiteral(":flow_id"), serverCopy.flowId);
    m_echoByText.bindValue(QStringLiteral(":text"), Sql::text(serverCopy.text));
    m_echoByText.bindValue(QStringLiteral(":from_id"), Sql::text(serverCopy.fromId));
    return m_reader.first(m_echoByText);
}

bool MessageWriter::wasAttempted(qint64 clientId) const
{
    // Interrupted sends go back to Queued (OutboxStore::requeueInterrupted) although the server
    // may have stored them: their server copy must replace the echo, not sit beside it.
    Sql::QueryReset reset(m_attempted);
    m_attempted.bindValue(QStringLiteral(":client_id"), clientId);
    return Sql::exec(m_attempted) && m_attempted.next();
}

Error MessageWriter::upsert(const Message &message, MessageChanges &changes)
{
    if (message.flowId.isEmpty() || (message.id.isEmpty() && message.clientId == 0)) {
        qCWarning(lcStorage) << "message without flow or id dropped:" << message;
        return {};
    }
    MessageRow target;
    target.message = message;
    const QString key = messageKey(message);

    if (message.id.isEmpty()) { // a local echo
        const auto existing = m_reader.byLocalEcho(message.flowId, message.clientId);
        if (existing) {
            target.state = existing->state;
            target.failReason = existing->failReason;
            Result<bool> written = write(&*existing, target);
            if (!written)
                return written.error();
            if (written.value())
                changes.updated.append({ message.flowId, key });
            return {};
        }
        return insertLocalEcho(message, DeliveryState::Queued, changes);
    }

    auto existing = m_reader.byServerId(message.flowId, message.id);
    std::optional<MessageRow> echo;
    if (!existing)
        echo = echoToMerge(message);
    const MessageRow *base = existing ? &*existing : (echo ? &*echo : nullptr);
    if (base) {
        const Message &old = base->message;
        Message &m = target.message;
        if (m.clientId == 0)
            m.clientId = old.clientId;
        if (m.fromName.isEmpty())
            m.fromName = old.fromName;
        if (old.edited && old.editedTime > m.editedTime) { // a stale copy: keep the newer edit
            m.text = old.text;
            m.edited = old.edited;
            m.editedTime = old.editedTime;
        }
        if (old.deleted) { // tombstones stick: a stale fetch never resurrects a message
            m.deleted = true;
            m.text.clear();
            m.attachments.clear();
        }
    } else if (Error error = ensureFlow(message.flowId); !error.isNone()) {
        return error;
    }
    if (target.message.deleted) { // a tombstone from the server keeps no content either
        target.message.text.clear();
        target.message.attachments.clear();
        target.contentHashes.clear();
    }
    Result<bool> written = write(base, target);
    if (!written)
        return written.error();
    if (echo) {
        changes.rekeyed.append({ message.flowId, messageKey(echo->message), key });
        changes.updated.append({ message.flowId, key });
    } else if (!existing) {
        changes.inserted.append({ message.flowId, key });
    } else if (written.value()) {
        changes.updated.append({ message.flowId, key });
    }
    return {};
}

Error MessageWriter::insertLocalEcho(
    const Message &echo, DeliveryState state, MessageChanges &changes)
{
    if (Error error = ensureFlow(echo.flowId); !error.isNone())
        return error;
    MessageRow target;
    target.message = echo;
    target.message.id.clear();
    target.state = state;
    Result<bool> written = write(nullptr, target);
    if (!written)
        return written.error();
    changes.inserted.append({ echo.flowId, localEchoKey(echo.clientId) });
    return {};
}

Error MessageWriter::confirm(
    qint64 clientId, const QString &serverId, qint64 serverTime, MessageChanges &changes)
{
    const QString localKey = localEchoKey(clientId);
    const auto echo = m_reader.byKey(localKey);
    if (!echo) {
        // A sync may have merged the echo already; then there is nothing left to do.
        const auto merged = serverId.isEmpty() ? std::nullopt : m_reader.byKey(serverId);
        if (merged && merged->message.clientId == clientId)
            return {};
        return notFound(QLatin1String("no local echo for client id ") % QString::number(clientId));
    }
    const QString flowId = echo->message.flowId;
    MessageRow target = *echo;
    target.state = DeliveryState::Sent;
    target.failReason.clear();
    if (serverTime > 0)
        target.message.time = serverTime;
    if (serverId.isEmpty()) { // the server said "sent" but named no id: keep the local key
        Result<bool> written = write(&*echo, target);
        if (!written)
            return written.error();
        if (written.value())
            changes.updated.append({ flowId, localKey });
        return {};
    }

    if (auto server = m_reader.byServerId(flowId, serverId)) {
        // The sync stored the server copy first: keep it, fold the echo into it.
        MessageRow merged = *server;
        if (merged.message.clientId == 0)
            merged.message.clientId = clientId;
        for (qsizetype i = 0; i < merged.contentHashes.size() && i < echo->contentHashes.size();
             ++i) {
            if (merged.contentHashes.at(i).isEmpty())
                merged.contentHashes[i] = echo->contentHashes.at(i); // our upload, no re-download
        }
        m_deleteRow.bindValue(QStringLiteral(":local_id"), echo->localId);
        if (!Sql::exec(m_deleteRow))
            return Sql::error(m_deleteRow, QStringLiteral("cannot merge local echo"));
        changes.removed.append({ flowId, localKey });
        Result<bool> written = write(&*server, merged);
        if (!written)
            return written.error();
        if (written.value())
            changes.updated.append({ flowId, serverId });
        return {};
    }

    target.message.id = serverId;
    Result<bool> written = write(&*echo, target);
    if (!written)
        return written.error();
    changes.rekeyed.append({ flowId, localKey, serverId });
    changes.updated.append({ flowId, serverId });
    return {};
}

Error MessageWriter::setEchoState(
    qint64 clientId, DeliveryState state, const QString &reason, MessageChanges &changes)
{
    const auto echo = m_reader.byKey(localEchoKey(clientId));
    if (!echo)
        return {}; // confirmed or discarded meanwhile: nothing shows this state any more
    MessageRow target = *echo;
    target.state = state;
    target.failReason = reason;
    Result<bool> written = write(&*echo, target);
    if (!written)
        return written.error();
    if (written.value())
        changes.updated.append({ echo->message.flowId, localEchoKey(clientId) });
    return {};
}

Error MessageWriter::removeEcho(qint64 clientId, MessageChanges &changes)
{
    const auto echo = m_reader.byKey(localEchoKey(clientId));
    if (!echo)
        return {};
    m_deleteRow.bindValue(QStringLiteral(":local_id"), echo->localId);
    if (!Sql::exec(m_deleteRow))
        return Sql::error(m_deleteRow, QStringLiteral("cannot remove local echo"));
    changes.removed.append({ echo->message.flowId, localEchoKey(clientId) });
    return {};
}

Error MessageWriter::edit(
    const QString &key, const QString &text, qint64 editedTime, MessageChanges &changes)
{
    const auto row = m_reader.byKey(key);
    if (!row)
        return notFound(QLatin1String("no message ") % key);
    const Message &old = row->message;
    if (old.deleted || (old.edited && old.editedTime > editedTime))
        return {}; // a tombstone stays one; an older edit never overwrites a newer one
    MessageRow target = *row;
    target.message.text = text;
    target.message.edited = true;
    target.message.editedTime = editedTime;
    Result<bool> written = write(&*row, target);
    if (!written)
        return written.error();
    if (written.value())
        changes.updated.append({ old.flowId, key });
    return {};
}

Error MessageWriter::tombstone(const QString &key, MessageChanges &changes)
{
    const auto row = m_reader.byKey(key);
    if (!row)
        return notFound(QLatin1String("no message ") % key);
    MessageRow target = *row;
    target.message.deleted = true;
    target.message.text.clear();
    target.message.attachments.clear();
    target.contentHashes.clear();
    Result<bool> written = write(&*row, target);
    if (!written)
        return written.error();
    if (written.value())
        changes.updated.append({ row->message.flowId, key });
    return {};
}

} // namespace Natter
