// SPDX-License-Identifier: GPL-3.0-or-later
#include "outboxstore.h"

#include "core/logging.h"
#include "database.h"
#include "messagestore.h"
#include "sql.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Natter {

namespace {

const QString s_columns
    = QStringLiteral("client_id, flow_id, text, attachments, created, attempts, state, last_error");

/// Attachment metadata as the outbox keeps it: the bytes are in the media store under `hash`.
QString encodeAttachments(const QList<Attachment> &attachments)
{
    QJsonArray list;
    for (const Attachment &a : attachments) {
        list.append(QJsonObject {
            { QStringLiteral("kind"), static_cast<int>(a.kind) },
            { QStringLiteral("name"), a.name },
            { QStringLiteral("mime"), a.mime },
            { QStringLiteral("size"), a.bytes.isEmpty() ? a.size : a.bytes.size() },
            { QStringLiteral("hash"), a.bytes.isEmpty() ? QString() : MediaStore::hashOf(a.bytes) },
            { QStringLiteral("reference"), a.reference },
        });
    }
    return QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact));
}

QList<Attachment> decodeAttachments(const QString &json, const MediaStore &media)
{
    QList<Attachment> attachments;
    const QJsonArray list = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : list) {
        const QJsonObject o = value.toObject();
        Attachment a;
        a.kind = static_cast<Attachment::Kind>(o.value(QLatin1String("kind")).toInt(3));
        a.name = o.value(QLatin1String("name")).toString();
        a.mime = o.value(QLatin1String("mime")).toString();
        a.size = o.value(QLatin1String("size")).toInteger();
        a.reference = o.value(QLatin1String("reference")).toString();
        const QString hash = o.value(QLatin1String("hash")).toString();
        if (!hash.isEmpty()) {
            Result<QByteArray> bytes = media.read(hash);
            if (bytes)
                a.bytes = bytes.value();
            else
                qCWarning(lcStorage) << "outbox attachment content missing:" << bytes.error();
        }
        attachments.append(a);
    }
    return attachments;
}

} // namespace

OutboxStore::OutboxStore(Database &db, MessageStore &messages, QObject *parent)
    : QObject(parent),
      m_db(db),
      m_messages(messages),
      m_insert(db.prepare(QStringLiteral("INSERT INTO outbox (flow_id, text, attachments, created) "
                                         "VALUES (:flow_id, :text, :attachments, :created)"))),
      m_setState(db.prepare(
          QStringLiteral("UPDATE outbox SET state = :state, attempts = attempts + :bump, "
                         "last_error = :last_error WHERE client_id = :client_id"))),
      m_delete(db.prepare(QStringLiteral("DELETE FROM outbox WHERE client_id = :client_id"))),
      m_requeue(db.prepare(
          QStringLiteral("UPDATE outbox SET state = 0 WHERE state = 1 RETURNING client_id"))),
      m_ownId(db.prepare(QStringLiteral("SELECT user_id FROM account WHERE slot = 1"))),
      m_flowNewest(db.prepare(QStringLiteral(
          "SELECT time FROM messages WHERE flow_id = :flow_id ORDER BY time DESC LIMIT 1"))),
      m_pending(db.prepare(QLatin1String("SELECT ") % s_columns
          % QLatin1String(" FROM outbox WHERE state <> 3 ORDER BY client_id"))),
      m_all(db.prepare(
          QLatin1String("SELECT ") % s_columns % QLatin1String(" FROM outbox ORDER BY client_id"))),
      m_entry(db.prepare(QLatin1String("SELECT ") % s_columns
          % QLatin1String(" FROM outbox WHERE client_id = :client_id")))
{ }

OutboxStore::~OutboxStore() = default;

Result<qint64> OutboxStore::enqueue(
    const QString &flowId, const QString &text, const QList<Attachment> &attachments)
{
    if (flowId.isEmpty())
        return Error::make(Error::Code::InvalidArgument, QStringLiteral("enqueue without a flow"));
    // Files first: a crash before the commit leaves only an unreferenced file.
    for (const Attachment &a : attachments) {
        if (!a.bytes.isEmpty()) {
            if (Result<QString> stored = m_db.media().put(a.bytes); !stored)
                return stored.error();
        }
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 clientId = 0;
    Error error = m_messages.transact([&](MessageWriter &writer, MessageChanges &changes) {
        if (Error e = writer.ensureFlow(flowId); !e.isNone())
            return e;
        m_insert.bindValue(QStringLiteral(":flow_id"), flowId);
        m_insert.bindValue(QStringLiteral(":text"), Sql::text(text));
        m_insert.bindValue(QStringLiteral(":attachments"), encodeAttachments(attachments));
        m_insert.bindValue(QStringLiteral(":created"), now);
        if (!Sql::exec(m_insert))
            return Sql::error(m_insert, QStringLiteral("cannot queue message"));
        clientId = m_insert.lastInsertId().toLongLong();

        Message echo;
        echo.clientId = clientId;
        echo.flowId = flowId;
        echo.text = text;
        echo.attachments = attachments;
        {
            Sql::QueryReset reset(m_ownId);
            if (Sql::exec(m_ownId) && m_ownId.next())
                echo.fromId = m_ownId.value(0).toString();
        }
        // A local clock behind the server's must not show the echo above older messages.
        m_flowNewest.bindValue(QStringLiteral(":flow_id"), flowId);
        qint64 newest = 0;
        {
            Sql::QueryReset reset(m_flowNewest);
            if (Sql::exec(m_flowNewest) && m_flowNewest.next())
                newest = m_flowNewest.value(0).toLongLong();
        }
        echo.time = std::max(now, newest + 1);
        return writer.insertLocalEcho(echo, DeliveryState::Queued, changes);
    });
    if (!error.isNone())
        return error;
    Q_EMIT entryAdded(clientId);
    return clientId;
}

QList<OutboxEntry> OutboxStore::read(QSqlQuery &query) const
{
    Sql::QueryReset reset(query);
    QList<OutboxEntry> list;
    if (!Sql::exec(query))
        return list;
    while (query.next()) {
        OutboxEntry e;
        e.clientId = query.value(0).toLongLong();
        e.flowId = query.value(1).toString();
        e.text = query.value(2).toString();
        e.attachments = decodeAttachments(query.value(3).toString(), m_db.media());
        e.created = query.value(4).toLongLong();
        e.attempts = query.value(5).toInt();
        e.state = static_cast<OutboxEntry::State>(query.value(6).toInt());
        e.lastError = query.value(7).toString();
        list.append(e);
    }
    return list;
}

QList<OutboxEntry> OutboxStore::pending() const
{
    return read(m_pending);
}

QList<OutboxEntry> OutboxStore::entries() const
{
    return read(m_all);
}

std::optional<OutboxEntry> OutboxStore::entry(qint64 clientId) const
{
    m_entry.bindValue(QStringLiteral(":client_id"), clientId);
    const QList<OutboxEntry> list = read(m_entry);
    return list.isEmpty() ? std::nullopt : std::optional(list.first());
}

Error OutboxStore::setState(
    qint64 clientId, OutboxEntry::State state, const QString &error, int bump)
{
    const Error result = m_messages.transact([&](MessageWriter &writer, MessageChanges &changes) {
        m_setState.bindValue(QStringLiteral(":state"), static_cast<int>(state));
        m_setState.bindValue(QStringLiteral(":bump"), bump);
        m_setState.bindValue(QStringLiteral(":last_error"), Sql::text(error));
        m_setState.bindValue(QStringLiteral(":client_id"), clientId);
        if (!Sql::exec(m_setState))
            return Sql::error(m_setState, QStringLiteral("cannot update outbox"));
        if (m_setState.numRowsAffected() != 1)
            return Error::make(Error::Code::NotFound,
                QLatin1String("no outbox entry ") % QString::number(clientId));
        // The echo's state uses the same numbers as the entry's.
        return writer.setEchoState(clientId, static_cast<DeliveryState>(state), error, changes);
    });
    if (result.isNone())
        Q_EMIT entryChanged(clientId);
    return result;
}

Error OutboxStore::markSending(qint64 clientId)
{
    return setState(clientId, OutboxEntry::State::Sending, {}, 1);
}

Error OutboxStore::markFailed(qint64 clientId, const QString &reason)
{
    return setState(clientId, OutboxEntry::State::Failed, reason, 0);
}

Error OutboxStore::retry(qint64 clientId)
{
    return setState(clientId, OutboxEntry::State::Queued, {}, 0);
}

Error OutboxStore::markSent(qint64 clientId, const QString &serverId, qint64 serverTime)
{
    bool removed = false;
    const Error result = m_messages.transact([&](MessageWriter &writer, MessageChanges &changes) {
        m_delete.bindValue(QStringLiteral(":client_id"), clientId);
        if (!Sql::exec(m_delete))
            return Sql::error(m_delete, QStringLiteral("cannot update outbox"));
        removed = m_delete.numRowsAffected() > 0;
        Error error = writer.confirm(clientId, serverId, serverTime, changes);
        // The echo may be gone (flow removed); the entry is still done.
        return error.code == Error::Code::NotFound && removed ? Error() : error;
    });
    if (result.isNone() && removed)
        Q_EMIT entryRemoved(clientId);
    return result;
}

Error OutboxStore::discard(qint64 clientId)
{
    bool removed = false;
    const Error result = m_messages.transact([&](MessageWriter &writer, MessageChanges &changes) {
        m_delete.bindValue(QStringLiteral(":client_id"), clientId);
        if (!Sql::exec(m_delete))
            return Sql::error(m_delete, QStringLiteral("cannot update outbox"));
        removed = m_delete.numRowsAffected() > 0;
        if (!removed)
            return Error::make(Error::Code::NotFound,
                QLatin1String("no outbox entry ") % QString::number(clientId));
        return writer.removeEcho(clientId, changes);
    });
    if (result.isNone())
        Q_EMIT entryRemoved(clientId);
    return result;
}

Error OutboxStore::requeueInterrupted()
{
    QList<qint64> requeued;
    const Error result = m_messages.transact([&](MessageWriter &writer, MessageChanges &changes) {
        {
            Sql::QueryReset reset(m_requeue);
            if (!Sql::exec(m_requeue))
                return Sql::error(m_requeue, QStringLiteral("cannot update outbox"));
            while (m_requeue.next())
                requeued.append(m_requeue.value(0).toLongLong());
        }
        for (qint64 clientId : std::as_const(requeued)) {
            if (Error e = writer.setEchoState(clientId, DeliveryState::Queued, {}, changes);
                !e.isNone())
                return e;
        }
        return Error();
    });
    if (result.isNone()) {
        for (qint64 clientId : std::as_const(requeued))
            Q_EMIT entryChanged(clientId);
    }
    return result;
}

} // namespace Natter
