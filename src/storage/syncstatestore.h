// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QSqlQuery>
#include <QString>

namespace Natter {

class Database;

/// How far one flow's history is cached.
struct SyncState
{
    QString flowId;
    qint64 newestServerTime = 0; ///< newest server time seen: the "since" of the next sync
    qint64 oldestLoadedTime = 0; ///< oldest message time fetched, 0 when none yet
    bool hasMoreHistory = true; ///< false once the server said there is nothing older

    bool operator==(const SyncState &) const = default;
};

/// Sync cursors per flow, plus the account-wide cursor of update polls.
class SyncStateStore
{
public:
    explicit SyncStateStore(Database &db);

    /// The stored state, or a fresh one (nothing synced, more history) for an unknown flow.
    SyncState state(const QString &flowId) const;
    Error setState(const SyncState &state);
    /// Moves newestServerTime forward (never back).
    Error noteNewest(const QString &flowId, qint64 serverTime);
    /// Records an older page: oldestLoadedTime moves back (never forward), hasMore as said.
    Error noteHistory(const QString &flowId, qint64 oldestTime, bool hasMore);

    /// The "since" of account-wide update polls (get_update, GetDialogs), 0 when never synced.
    qint64 globalCursor() const;
    Error setGlobalCursor(qint64 serverTime);

private:
    Error ensureFlow(const QString &flowId);

    QSqlQuery m_ensureFlow;
    QSqlQuery m_set;
    QSqlQuery m_noteNewest;
    QSqlQuery m_noteHistory;
    QSqlQuery m_setCursor;
    mutable QSqlQuery m_get;
    mutable QSqlQuery m_getCursor;
};

} // namespace Natter
