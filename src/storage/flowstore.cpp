// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowstore.h"

#include "core/result.h"
#include "database.h"
#include "settingsstore.h"
#include "sql.h"
#include "transaction.h"

#include <QHash>

namespace Natter {

namespace {
const QString s_columns
    = QStringLiteral("id, type, title, info, updated, owner, photo_hash, is_private");
}

FlowStore::FlowStore(Database &db, QObject *parent)
    : QObject(parent),
      m_db(db),
      m_reader(db),
      m_exists(db.prepare(QStringLiteral("SELECT 1 FROM flows WHERE id = :id"))),
      // Changes only what differs, so numRowsAffected() says whether anything changed.
      m_upsert(db.prepare(QStringLiteral(
          "INSERT INTO flows (id, type, title, info, updated, owner, photo_hash, is_private) "
          "VALUES (:id, :type, :title, :info, :updated, :owner, :photo_hash, :is_private) "
          "ON CONFLICT (id) DO UPDATE SET type = excluded.type, title = excluded.title, "
          "info = excluded.info, updated = max(flows.updated, excluded.updated), "
          "owner = iif(excluded.owner = '', flows.owner, excluded.owner), "
          "photo_hash = iif(excluded.photo_hash = '', flows.photo_hash, excluded.photo_hash), "
          "is_private = iif(excluded.is_private < 0, flows.is_private, excluded.is_private) "
          "WHERE flows.type <> excluded.type OR flows.title <> excluded.title "
          "OR flows.info <> excluded.info OR flows.updated < excluded.updated "
          "OR (excluded.owner <> '' AND flows.owner <> excluded.owner) "
          "OR (excluded.photo_hash <> '' AND flows.photo_hash <> excluded.photo_hash) "
          "OR (excluded.is_private >= 0 AND flows.is_private <> excluded.is_private)"))),
      m_deleteMembers(
          db.prepare(QStringLiteral("DELETE FROM flow_members WHERE flow_id = :flow_id"))),
      m_insertMember(db.prepare(
          QStringLiteral("INSERT OR IGNORE INTO flow_members (flow_id, user_id, position) "
                         "VALUES (:flow_id, :user_id, :position)"))),
      m_remove(db.prepare(QStringLiteral("DELETE FROM flows WHERE id = :id"))),
      m_removeDraft(db.prepare(QStringLiteral("DELETE FROM settings WHERE key = :key"))),
      m_markRead(db.prepare(QStringLiteral(
          "UPDATE flows SET last_read_time = :time WHERE id = :id AND last_read_time < :older"))),
      m_flows(db.prepare(QLatin1String("SELECT ") % s_columns
          % QLatin1String(", max(updated, coalesce((SELECT m.time FROM messages m "
                          "WHERE m.flow_id = flows.id ORDER BY m.time DESC "
                          "LIMIT 1), 0)) AS activity "
                          "FROM flows ORDER BY activity DESC, id"))),
      m_flow(db.prepare(
          QLatin1String("SELECT ") % s_columns % QLatin1String(" FROM flows WHERE id = :id"))),
      m_allMembers(db.prepare(
          QStringLiteral("SELECT flow_id, user_id FROM flow_members ORDER BY flow_id, position"))),
      m_members(db.prepare(QStringLiteral(
          "SELECT user_id FROM flow_members WHERE flow_id = :flow_id ORDER BY position"))),
      m_lastMessage(db.prepare(QLatin1String("SELECT ") % MessageReader::columns()
          % QLatin1String(" FROM messages WHERE flow_id = :flow_id "
                          "ORDER BY time DESC, local_id DESC LIMIT 1"))),
      // Counting stops at the cap so a huge unread history costs no more than the cap.
      m_unread(db.prepare(QStringLiteral(
          "SELECT count(*) FROM (SELECT 1 FROM messages WHERE flow_id = :flow_id "
          "AND time > (SELECT last_read_time FROM flows WHERE id = :id) "
          "AND server_id <> '' AND deleted = 0 "
          "AND from_id <> coalesce((SELECT user_id FROM account WHERE slot = 1), '') "
          "LIMIT :cap)"))),
      m_lastRead(db.prepare(QStringLiteral("SELECT last_read_time FROM flows WHERE id = :id")))
{ }

FlowStore::~FlowStore() = default;

Flow FlowStore::flowFromQuery(const QSqlQuery &query) const
{
    Flow flow;
    flow.id = query.value(0).toString();
    flow.type = static_cast<Flow::Type>(query.value(1).toInt());
    flow.title = query.value(2).toString();
    flow.info = query.value(3).toString();
    flow.updated = query.value(4).toLongLong();
    flow.owner = query.value(5).toString();
    if (const QString photo = query.value(6).toString(); !photo.isEmpty()) {
        Result<QByteArray> bytes = m_db.media().read(photo);
        if (bytes)
            flow.photo = bytes.value();
    }
    if (const int isPrivate = query.value(7).toInt(); isPrivate >= 0)
        flow.isPrivate = isPrivate != 0;
    return flow;
}

QStringList FlowStore::members(const QString &flowId) const
{
    m_members.bindValue(QStringLiteral(":flow_id"), flowId);
    Sql::QueryReset reset(m_members);
    QStringList list;
    if (Sql::exec(m_members)) {
        while (m_members.next())
            list.append(m_members.value(0).toString());
    }
    return list;
}

Result<bool> FlowStore::writeMembers(const QString &flowId, const QStringList &list)
{
    if (members(flowId) == list)
        return false;
    m_deleteMembers.bindValue(QStringLiteral(":flow_id"), flowId);
    if (!Sql::exec(m_deleteMembers))
        return Sql::error(m_deleteMembers, QStringLiteral("cannot store members"));
    for (qsizetype i = 0; i < list.size(); ++i) {
        m_insertMember.bindValue(QStringLiteral(":flow_id"), flowId);
        m_insertMember.bindValue(QStringLiteral(":user_id"), list.at(i));
        m_insertMember.bindValue(QStringLiteral(":position"), i);
        if (!Sql::exec(m_insertMember))
            return Sql::error(m_insertMember, QStringLiteral("cannot store members"));
    }
    return true;
}

Error FlowStore::upsertFlows(const QList<Flow> &flows)
{
    QStringList inserted;
    QStringList updated;
    {
        Transaction tx(m_db.connection());
        if (!tx.isActive())
            return tx.error();
        for (const Flow &flow : flows) {
            if (flow.id.isEmpty())
                continue;
            m_exists.bindValue(QStringLiteral(":id"), flow.id);
            bool existed = false;
            {
                Sql::QueryReset reset(m_exists);
                if (!Sql::exec(m_exists))
                    return Sql::error(m_exists, QStringLiteral("cannot store flow"));
                existed = m_exists.next();
            }
            m_upsert.bindValue(QStringLiteral(":id"), flow.id);
            m_upsert.bindValue(QStringLiteral(":type"), static_cast<int>(flow.type));
            m_upsert.bindValue(QStringLiteral(":title"), Sql::text(flow.title));
            m_upsert.bindValue(QStringLiteral(":info"), Sql::text(flow.info));
            m_upsert.bindValue(QStringLiteral(":updated"), flow.updated);
            m_upsert.bindValue(QStringLiteral(":owner"), Sql::text(flow.owner));
            QString photoHash;
            if (!flow.photo.isEmpty()) {
                Result<QString> stored = m_db.media().put(flow.photo);
                if (!stored)
                    return stored.error();
                photoHash = stored.value();
            }
            m_upsert.bindValue(QStringLiteral(":photo_hash"), Sql::text(photoHash));
            m_upsert.bindValue(
                QStringLiteral(":is_private"), flow.isPrivate ? int(*flow.isPrivate) : -1);
            if (!Sql::exec(m_upsert))
                return Sql::error(m_upsert, QStringLiteral("cannot store flow"));
            bool changed = m_upsert.numRowsAffected() > 0;
            if (!flow.members.isEmpty()) {
                Result<bool> membersChanged = writeMembers(flow.id, flow.members);
                if (!membersChanged)
                    return membersChanged.error();
                changed = changed || membersChanged.value();
            }
            QStringList &list = existed ? updated : inserted;
            if ((changed || !existed) && !list.contains(flow.id))
                list.append(flow.id);
        }
        if (Error error = tx.commit(); !error.isNone())
            return error;
    }
    if (!inserted.isEmpty())
        Q_EMIT flowsInserted(inserted);
    if (!updated.isEmpty())
        Q_EMIT flowsUpdated(updated);
    return {};
}

Error FlowStore::setMembers(const QString &flowId, const QStringList &list)
{
    bool changed = false;
    {
        Transaction tx(m_db.connection());
        if (!tx.isActive())
            return tx.error();
        if (!flow(flowId))
            return Error::make(Error::Code::NotFound, QLatin1String("no flow ") % flowId);
        Result<bool> written = writeMembers(flowId, list);
        if (!written)
            return written.error();
        changed = written.value();
        if (Error error = tx.commit(); !error.isNone())
            return error;
    }
    if (changed)
        Q_EMIT flowsUpdated({ flowId });
    return {};
}

QList<Flow> FlowStore::flows() const
{
    QHash<QString, QStringList> membersByFlow;
    {
        Sql::QueryReset reset(m_allMembers);
        if (Sql::exec(m_allMembers)) {
            while (m_allMembers.next())
                membersByFlow[m_allMembers.value(0).toString()].append(
                    m_allMembers.value(1).toString());
        }
    }
    QList<Flow> list;
    Sql::QueryReset reset(m_flows);
    if (!Sql::exec(m_flows))
        return list;
    while (m_flows.next()) {
        Flow flow = flowFromQuery(m_flows);
        flow.members = membersByFlow.value(flow.id);
        list.append(flow);
    }
    return list;
}

std::optional<Flow> FlowStore::flow(const QString &id) const
{
    m_flow.bindValue(QStringLiteral(":id"), id);
    std::optional<Flow> result;
    {
        Sql::QueryReset reset(m_flow);
        if (!Sql::exec(m_flow) || !m_flow.next())
            return std::nullopt;
        result = flowFromQuery(m_flow);
    }
    result->members = members(id);
    return result;
}

Error FlowStore::removeFlow(const QString &id)
{
    bool removed = false;
    {
        Transaction tx(m_db.connection());
        if (!tx.isActive())
            return tx.error();
        // Foreign keys cascade to members, messages (and so attachments and the search index),
        // outbox entries and sync state.
        m_remove.bindValue(QStringLiteral(":id"), id);
        if (!Sql::exec(m_remove))
            return Sql::error(m_remove, QStringLiteral("cannot remove flow"));
        removed = m_remove.numRowsAffected() > 0;
        m_removeDraft.bindValue(QStringLiteral(":key"), SettingsStore::draftKey(id));
        if (!Sql::exec(m_removeDraft))
            return Sql::error(m_removeDraft, QStringLiteral("cannot remove flow"));
        if (Error error = tx.commit(); !error.isNone())
            return error;
    }
    if (removed)
        Q_EMIT flowRemoved(id);
    return {};
}

std::optional<Message> FlowStore::lastMessage(const QString &flowId) const
{
    m_lastMessage.bindValue(QStringLiteral(":flow_id"), flowId);
    if (auto row = m_reader.first(m_lastMessage))
        return std::move(row->message);
    return std::nullopt;
}

int FlowStore::unreadCount(const QString &flowId) const
{
    m_unread.bindValue(QStringLiteral(":flow_id"), flowId);
    m_unread.bindValue(QStringLiteral(":id"), flowId);
    m_unread.bindValue(QStringLiteral(":cap"), UnreadCap);
    Sql::QueryReset reset(m_unread);
    return Sql::exec(m_unread) && m_unread.next() ? m_unread.value(0).toInt() : 0;
}

qint64 FlowStore::lastReadTime(const QString &flowId) const
{
    m_lastRead.bindValue(QStringLiteral(":id"), flowId);
    Sql::QueryReset reset(m_lastRead);
    return Sql::exec(m_lastRead) && m_lastRead.next() ? m_lastRead.value(0).toLongLong() : 0;
}

Error FlowStore::markRead(const QString &flowId, qint64 upToTime)
{
    // A single statement is atomic on its own; no explicit transaction needed.
    m_markRead.bindValue(QStringLiteral(":time"), upToTime);
    m_markRead.bindValue(QStringLiteral(":older"), upToTime);
    m_markRead.bindValue(QStringLiteral(":id"), flowId);
    if (!Sql::exec(m_markRead))
        return Sql::error(m_markRead, QStringLiteral("cannot mark read"));
    if (m_markRead.numRowsAffected() > 0)
        Q_EMIT flowsUpdated({ flowId });
    return {};
}

} // namespace Natter
