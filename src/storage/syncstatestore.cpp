// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncstatestore.h"

#include "database.h"
#include "sql.h"

namespace Natter {

namespace {
const QString s_cursorKey = QStringLiteral("sync/global_cursor");
}

// Each write is one statement after the flow row exists; SQLite makes each atomic. The flow row
// is needed for the foreign key; a bare one is harmless and upsertFlows fills it in.
SyncStateStore::SyncStateStore(Database &db)
    : m_ensureFlow(db.prepare(
        QStringLiteral("INSERT INTO flows (id) VALUES (:id) ON CONFLICT (id) DO NOTHING"))),
      m_set(db.prepare(QStringLiteral(
          "INSERT INTO sync_state (flow_id, newest_server_time, oldest_loaded_time, "
          "has_more_history) VALUES (:flow_id, :newest, :oldest, :more) "
          "ON CONFLICT (flow_id) DO UPDATE SET newest_server_time = excluded.newest_server_time, "
          "oldest_loaded_time = excluded.oldest_loaded_time, "
          "has_more_history = excluded.has_more_history"))),
      m_noteNewest(db.prepare(QStringLiteral(
          "INSERT INTO sync_state (flow_id, newest_server_time) VALUES (:flow_id, :newest) "
          "ON CONFLICT (flow_id) DO UPDATE SET newest_server_time = "
          "max(sync_state.newest_server_time, excluded.newest_server_time)"))),
      m_noteHistory(db.prepare(
          QStringLiteral("INSERT INTO sync_state (flow_id, oldest_loaded_time, has_more_history) "
                         "VALUES (:flow_id, :oldest, :more) "
                         "ON CONFLICT (flow_id) DO UPDATE SET oldest_loaded_time = "
                         "iif(sync_state.oldest_loaded_time = 0, excluded.oldest_loaded_time, "
                         "min(sync_state.oldest_loaded_time, excluded.oldest_loaded_time)), "
                         "has_more_history = excluded.has_more_history"))),
      m_setCursor(
          db.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (:key, :value) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"))),
      m_get(db.prepare(QStringLiteral(
          "SELECT newest_server_time, oldest_loaded_time, has_more_history FROM sync_state "
          "WHERE flow_id = :flow_id"))),
      m_getCursor(db.prepare(QStringLiteral("SELECT value FROM settings WHERE key = :key")))
{ }

Error SyncStateStore::ensureFlow(const QString &flowId)
{
    if (flowId.isEmpty())
        return Error::make(Error::Code::InvalidArgument, QStringLiteral("sync state without flow"));
    m_ensureFlow.bindValue(QStringLiteral(":id"), flowId);
    return Sql::exec(m_ensureFlow) ? Error() : Sql::error(m_ensureFlow, QStringLiteral("flow"));
}

SyncState SyncStateStore::state(const QString &flowId) const
{
    SyncState state;
    state.flowId = flowId;
    m_get.bindValue(QStringLiteral(":flow_id"), flowId);
    Sql::QueryReset reset(m_get);
    if (Sql::exec(m_get) && m_get.next()) {
        state.newestServerTime = m_get.value(0).toLongLong();
        state.oldestLoadedTime = m_get.value(1).toLongLong();
        state.hasMoreHistory = m_get.value(2).toBool();
    }
    return state;
}

Error SyncStateStore::setState(const SyncState &state)
{
    if (Error error = ensureFlow(state.flowId); !error.isNone())
        return error;
    m_set.bindValue(QStringLiteral(":flow_id"), state.flowId);
    m_set.bindValue(QStringLiteral(":newest"), state.newestServerTime);
    m_set.bindValue(QStringLiteral(":oldest"), state.oldestLoadedTime);
    m_set.bindValue(QStringLiteral(":more"), state.hasMoreHistory);
    return Sql::exec(m_set) ? Error()
                            : Sql::error(m_set, QStringLiteral("cannot store sync state"));
}

Error SyncStateStore::noteNewest(const QString &flowId, qint64 serverTime)
{
    if (Error error = ensureFlow(flowId); !error.isNone())
        return error;
    m_noteNewest.bindValue(QStringLiteral(":flow_id"), flowId);
    m_noteNewest.bindValue(QStringLiteral(":newest"), serverTime);
    return Sql::exec(m_noteNewest)
        ? Error()
        : Sql::error(m_noteNewest, QStringLiteral("cannot store sync state"));
}

Error SyncStateStore::noteHistory(const QString &flowId, qint64 oldestTime, bool hasMore)
{
    if (Error error = ensureFlow(flowId); !error.isNone())
        return error;
    m_noteHistory.bindValue(QStringLiteral(":flow_id"), flowId);
    m_noteHistory.bindValue(QStringLiteral(":oldest"), oldestTime);
    m_noteHistory.bindValue(QStringLiteral(":more"), hasMore);
    return Sql::exec(m_noteHistory)
        ? Error()
        : Sql::error(m_noteHistory, QStringLiteral("cannot store sync state"));
}

qint64 SyncStateStore::globalCursor() const
{
    m_getCursor.bindValue(QStringLiteral(":key"), s_cursorKey);
    Sql::QueryReset reset(m_getCursor);
    return Sql::exec(m_getCursor) && m_getCursor.next() ? m_getCursor.value(0).toLongLong() : 0;
}

Error SyncStateStore::setGlobalCursor(qint64 serverTime)
{
    m_setCursor.bindValue(QStringLiteral(":key"), s_cursorKey);
    m_setCursor.bindValue(QStringLiteral(":value"), QString::number(serverTime));
    return Sql::exec(m_setCursor) ? Error()
                                  : Sql::error(m_setCursor, QStringLiteral("cannot store cursor"));
}

} // namespace Natter
