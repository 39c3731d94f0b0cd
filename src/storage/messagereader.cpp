// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagereader.h"

#include "database.h"
#include "sql.h"

namespace Natter {

QString MessageReader::columns()
{
    return QStringLiteral(
        "local_id, flow_id, server_id, client_id, from_id, from_name, text, time, "
        "edited, edited_time, deleted, reply_to, state, fail_reason");
}

MessageReader::MessageReader(Database &db)
    : m_attachments(db.prepare(
        QStringLiteral("SELECT kind, name, mime, size, content_hash, reference FROM attachments "
                       "WHERE message_id = :id ORDER BY position"))),
      // The literal `server_id <> ''` / `= ''` terms let SQLite use the partial unique indexes.
      // `+:server_id`: were the bare parameter compared with the `server_id = ''` of the
      // local-echo index, SQLite would tie the plan to its value and recompile the statement
      // on every new binding (a quarter of the cost of storing a message).
      m_byServerId(db.prepare(QLatin1String("SELECT ") % columns()
          % QLatin1String(" FROM messages WHERE server_id = +:server_id "
                          "AND flow_id = :flow_id AND server_id <> ''"))),
      m_byServerIdAnyFlow(db.prepare(QLatin1String("SELECT ") % columns()
          % QLatin1String(" FROM messages WHERE server_id = +:server_id"
                          " AND server_id <> '' LIMIT 1"))),
      m_byLocalEcho(db.prepare(QLatin1String("SELECT ") % columns()
          % QLatin1String(" FROM messages WHERE flow_id = :flow_id "
                          "AND client_id = :client_id AND server_id = ''"))),
      m_byLocalEchoAnyFlow(db.prepare(QLatin1String("SELECT ") % columns()
          % QLatin1String(" FROM messages WHERE client_id = :client_id"
                          " AND client_id <> 0 AND server_id = ''"
                          " LIMIT 1")))
{ }

MessageRow MessageReader::fromQuery(const QSqlQuery &query) const
{
    MessageRow row;
    row.localId = query.value(0).toLongLong();
    Message &m = row.message;
    m.flowId = query.value(1).toString();
    m.id = query.value(2).toString();
    m.clientId = query.value(3).toLongLong();
    m.fromId = query.value(4).toString();
    m.fromName = query.value(5).toString();
    m.text = query.value(6).toString();
    m.time = query.value(7).toLongLong();
    m.edited = query.value(8).toBool();
    m.editedTime = query.value(9).toLongLong();
    m.deleted = query.value(10).toBool();
    m.replyTo = query.value(11).toString();
    row.state = static_cast<DeliveryState>(query.value(12).toInt());
    row.failReason = query.value(13).toString();

    m_attachments.bindValue(QStringLiteral(":id"), row.localId);
    Sql::QueryReset reset(m_attachments);
    if (!Sql::exec(m_attachments))
        return row;
    while (m_attachments.next()) {
        Attachment a;
        a.kind = static_cast<Attachment::Kind>(m_attachments.value(0).toInt());
        a.name = m_attachments.value(1).toString();
        a.mime = m_attachments.value(2).toString();
        a.size = m_attachments.value(3).toLongLong();
        a.reference = m_attachments.value(5).toString();
        m.attachments.append(a);
        row.contentHashes.append(m_attachments.value(4).toString());
    }
    return row;
}

QList<MessageRow> MessageReader::readAll(QSqlQuery &query) const
{
    QList<MessageRow> rows;
    while (query.next())
        rows.append(fromQuery(query));
    return rows;
}

std::optional<MessageRow> MessageReader::first(QSqlQuery &query) const
{
    Sql::QueryReset reset(query);
    if (!Sql::exec(query) || !query.next())
        return std::nullopt;
    return fromQuery(query);
}

std::optional<MessageRow> MessageReader::byServerId(
    const QString &flowId, const QString &serverId) const
{
    m_byServerId.bindValue(QStringLiteral(":server_id"), serverId);
    m_byServerId.bindValue(QStringLiteral(":flow_id"), flowId);
    return first(m_byServerId);
}

std::optional<MessageRow> MessageReader::byLocalEcho(const QString &flowId, qint64 clientId) const
{
    m_byLocalEcho.bindValue(QStringLiteral(":flow_id"), flowId);
    m_byLocalEcho.bindValue(QStringLiteral(":client_id"), clientId);
    return first(m_byLocalEcho);
}

std::optional<MessageRow> MessageReader::byKey(const QString &key) const
{
    if (key.isEmpty())
        return std::nullopt;
    if (const qint64 clientId = clientIdFromKey(key)) {
        m_byLocalEchoAnyFlow.bindValue(QStringLiteral(":client_id"), clientId);
        return first(m_byLocalEchoAnyFlow);
    }
    m_byServerIdAnyFlow.bindValue(QStringLiteral(":server_id"), key);
    return first(m_byServerIdAnyFlow);
}

} // namespace Natter
