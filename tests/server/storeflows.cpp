// SPDX-License-Identifier: GPL-3.0-or-later
// Store: flows and messages. Users live in store.cpp.
#include "ids.h"
#include "store.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Natter::Testing {

namespace {
const auto s_flowColumns = u"id, uuid, type, title, info, owner_id, updated"_s;
const auto s_messageColumns
    = u"id, uuid, client_id, flow_id, user_id, text, file_picture, file_video, file_audio,"
      " file_document, emoji, reply_to, time, edited_time, deleted, updated"_s;

FlowRow readFlow(const QSqlQuery &query)
{
    FlowRow flow;
    flow.id = query.value(0).toLongLong();
    flow.uuid = query.value(1).toString();
    flow.type = query.value(2).toString();
    flow.title = query.value(3).toString();
    flow.info = query.value(4).toString();
    flow.ownerId = query.value(5).toLongLong();
    flow.updated = query.value(6).toLongLong();
    return flow;
}

MessageRow readMessage(const QSqlQuery &query)
{
    MessageRow message;
    message.id = query.value(0).toLongLong();
    message.uuid = query.value(1).toString();
    if (!query.isNull(2))
        message.clientId = query.value(2).toLongLong();
    message.flowId = query.value(3).toLongLong();
    message.userId = query.value(4).toLongLong();
    message.text = query.value(5).toString();
    message.filePicture = query.value(6).toString();
    message.fileVideo = query.value(7).toString();
    message.fileAudio = query.value(8).toString();
    message.fileDocument = query.value(9).toString();
    message.emoji = query.value(10).toString();
    message.replyTo = query.value(11).toString();
    message.time = query.value(12).toLongLong();
    if (!query.isNull(13))
        message.editedTime = query.value(13).toLongLong();
    message.deleted = query.value(14).toBool();
    message.updated = query.value(15).toLongLong();
    return message;
}

QVariant orNull(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}
} // namespace

std::optional<FlowRow> Store::createFlow(const QString &type, const QString &title,
    const QString &info, qint64 ownerId, const QList<qint64> &members, qint64 at)
{
    auto db = QSqlDatabase::database(m_connectionName);
    db.transaction();
    QSqlQuery query(db);
    query.prepare(u"INSERT INTO flows (uuid, type, title, info, owner_id, updated)"
                  " VALUES (:uuid, :type, :title, :info, :owner, :updated)"_s);
    query.bindValue(u":uuid"_s, Ids::randomUuid128());
    query.bindValue(u":type"_s, type);
    query.bindValue(u":title"_s, title);
    query.bindValue(u":info"_s, orNull(info));
    query.bindValue(u":owner"_s, ownerId > 0 ? QVariant(ownerId) : QVariant());
    query.bindValue(u":updated"_s, at > 0 ? at : now());
    if (!exec(query)) {
        db.rollback();
        return std::nullopt;
    }
    const auto flowId = query.lastInsertId().toLongLong();
    auto all = members;
    if (ownerId > 0 && !all.contains(ownerId))
        all.prepend(ownerId);
    query.prepare(u"INSERT OR IGNORE INTO flow_members (flow_id, user_id) VALUES (:f, :u)"_s);
    for (const auto member : std::as_const(all)) {
        query.bindValue(u":f"_s, flowId);
        query.bindValue(u":u"_s, member);
        if (!exec(query)) {
            db.rollback();
            return std::nullopt;
        }
    }
    db.commit();
    return flowById(flowId);
}

FlowRow Store::completeFlow(FlowRow flow) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(u"SELECT user_id FROM flow_members WHERE flow_id = :f ORDER BY user_id"_s);
    query.bindValue(u":f"_s, flow.id);
    if (exec(query)) {
        while (query.next())
            flow.members.append(query.value(0).toLongLong());
    }
    // Two subqueries: each is one index seek, where MIN and MAX together scan the whole flow.
    query.prepare(u"SELECT (SELECT MIN(time) FROM messages WHERE flow_id = :f1),"
                  " (SELECT MAX(time) FROM messages WHERE flow_id = :f2)"_s);
    query.bindValue(u":f1"_s, flow.id);
    query.bindValue(u":f2"_s, flow.id);
    if (exec(query) && query.next() && !query.isNull(0)) {
        flow.firstMessageTime = query.value(0).toLongLong();
        flow.lastMessageTime = query.value(1).toLongLong();
    }
    return flow;
}

std::optional<FlowRow> Store::oneFlow(const QString &where, const QVariant &value) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(u"SELECT "_s + s_flowColumns + u" FROM flows WHERE "_s + where);
    query.bindValue(0, value);
    if (!exec(query) || !query.next())
        return std::nullopt;
    return completeFlow(readFlow(query));
}

std::optional<FlowRow> Store::flowById(qint64 id) const
{
    return oneFlow(u"id = ?"_s, id);
}

std::optional<FlowRow> Store::flowByUuid(const QString &uuid) const
{
    return oneFlow(u"uuid = ?"_s, uuid);
}

QList<FlowRow> Store::flowsWhere(const QString &where, qint64 userId, qint64 since) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(u"SELECT "_s + s_flowColumns
        + u" FROM flows WHERE id IN (SELECT flow_id FROM flow_members WHERE user_id = ?)"_s + where
        + u" ORDER BY id"_s);
    query.bindValue(0, userId);
    if (!where.isEmpty())
        query.bindValue(1, since);
    QList<FlowRow> flows;
    if (exec(query)) {
        while (query.next())
            flows.append(readFlow(query));
    }
    for (auto &flow : flows)
        flow = completeFlow(flow);
    return flows;
}

QList<FlowRow> Store::flowsOf(qint64 userId) const
{
    return flowsWhere({}, userId, 0);
}

QList<FlowRow> Store::flowsChangedSince(qint64 userId, qint64 since) const
{
    return flowsWhere(u" AND updated >= ?"_s, userId, since);
}

bool Store::isMember(qint64 flowId, qint64 userId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(u"SELECT 1 FROM flow_members WHERE flow_id = ? AND user_id = ?"_s);
    query.bindValue(0, flowId);
    query.bindValue(1, userId);
    return exec(query) && query.next();
}

void Store::touchFlow(qint64 flowId, qint64 at)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(u"UPDATE flows SET updated = MAX(updated, ?) WHERE id = ?"_s);
    query.bindValue(0, at);
    query.bindValue(1, flowId);
    exec(query);
}

std::optional<MessageRow> Store::addMessage(MessageRow message)
{
    const auto stamp = now();
    if (message.time <= 0)
        message.time = stamp;
    message.updated = message.time;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(u"INSERT INTO messages (uuid, client_id, flow_id, user_id, text, file_picture,"
                  " file_video, file_audio, file_document, emoji, reply_to, time, updated)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const QVariantList values {
        Ids::randomUuid128(),
        message.clientId ? QVariant(*message.clientId) : QVariant(),
        message.flowId,
        message.userId,
        message.text,
        orNull(message.filePicture),
        orNull(message.fileVideo),
        orNull(message.fileAudio),
        orNull(message.fileDocument),
        orNull(message.emoji),
        orNull(message.replyTo),
        message.time,
        message.updated,
    };
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!exec(query))
        return std::nullopt;
    touchFlow(message.flowId, message.time);
    return messageById(query.lastInsertId().toLongLong());
}

int Store::addMessages(const QList<MessageRow> &messages)
{
    auto db = QSqlDatabase::database(m_connectionName);
    db.transaction();
    QSqlQuery query(db);
    query.prepare(u"INSERT INTO messages (uuid, client_id, flow_id, user_id, text, time, updated)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    QHash<qint64, qint64> newest; // flow → time of its newest message
    int stored = 0;
    for (const auto &message : messages) {
        const auto time = message.time > 0 ? message.time : now();
        query.bindValue(0, Ids::randomUuid128());
        query.bindValue(1, message.clientId ? QVariant(*message.clientId) : QVariant());
        query.bindValue(2, message.flowId);
        query.bindValue(3, message.userId);
        query.bindValue(4, message.text);
        query.bindValue(5, time);
        query.bindValue(6, time);
        if (!exec(query)) {
            db.rollback();
            return 0;
        }
        newest[message.flowId] = std::max(newest.value(message.flowId), time);
        ++stored;
    }
    for (auto it = newest.cbegin(); it != newest.cend(); ++it)
        touchFlow(it.key(), it.value());
    return db.commit() ? stored : 0;
}

std::optional<MessageRow> Store::oneMessage(const QString &where, const QVariant &value) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(u"SELECT "_s + s_messageColumns + u" FROM messages WHERE "_s + where);
    query.bindValue(0, value);
    if (!exec(query) || !query.next())
        return std::nullopt;
    return readMessage(query);
}

std::optional<MessageRow> Store::messageById(qint64 id) const
{
    return oneMessage(u"id = ?"_s, id);
}

std::optional<MessageRow> Store::messageByUuid(const QString &uuid) const
{
    return oneMessage(u"uuid = ?"_s, uuid);
}

QList<MessageRow> Store::messagesWhere(
    const QString &column, qint64 userId, qint64 since, std::optional<qint64> flowId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(u"SELECT "_s + s_messageColumns + u" FROM messages WHERE "_s + column
        + u" >= ? AND flow_id IN (SELECT flow_id FROM flow_members WHERE user_id = ?)"_s
        + (flowId ? u" AND flow_id = ?"_s : QString()) + u" ORDER BY time, id"_s);
    query.bindValue(0, since);
    query.bindValue(1, userId);
    if (flowId)
        query.bindValue(2, *flowId);
    QList<MessageRow> messages;
    if (exec(query)) {
        while (query.next())
            messages.append(readMessage(query));
    }
    return messages;
}

QList<MessageRow> Store::messagesSince(
    qint64 userId, qint64 since, std::optional<qint64> flowId) const
{
    return messagesWhere(u"time"_s, userId, since, flowId);
}

QList<MessageRow> Store::messagesChangedSince(
    qint64 userId, qint64 since, std::optional<qint64> flowId) const
{
    return messagesWhere(u"updated"_s, userId, since, flowId);
}

bool Store::editMessage(qint64 id, const QString &text)
{
    const auto stamp = now();
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(u"UPDATE messages SET text = ?, edited_time = ?, updated = ?"
                  " WHERE id = ? AND deleted = 0"_s);
    query.bindValue(0, text);
    query.bindValue(1, stamp);
    query.bindValue(2, stamp);
    query.bindValue(3, id);
    return exec(query) && query.numRowsAffected() == 1;
}

bool Store::deleteMessage(qint64 id)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(u"UPDATE messages SET text = 'Message deleted', file_picture = NULL,"
                  " file_video = NULL, file_audio = NULL, file_document = NULL, emoji = NULL,"
                  " deleted = 1, updated = ? WHERE id = ? AND deleted = 0"_s);
    query.bindValue(0, now());
    query.bindValue(1, id);
    return exec(query) && query.numRowsAffected() == 1;
}

int Store::messageCount() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(u"SELECT COUNT(*) FROM messages"_s);
    if (!exec(query) || !query.next())
        return -1;
    return query.value(0).toInt();
}

} // namespace Natter::Testing
