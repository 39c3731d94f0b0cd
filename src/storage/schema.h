// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace Natter {

/// One step of the cache schema. `apply` runs inside the transaction Database opens for it and
/// moves the schema from `version - 1` to `version`; PRAGMA user_version is set by Database.
struct Migration
{
    int version;
    std::function<bool(QSqlDatabase &)> apply;
};

namespace Schema {

/// All steps, ordered by version, starting at 1. A fresh database runs them all, so a fresh
/// schema and a migrated one are produced by the same code (tst_database checks they match).
const QList<Migration> &migrations();

/// The version a database has after every step ran.
int latestVersion();

/// The SQL error text of the last failed step on this thread, for the Error Database returns.
QString lastError();

} // namespace Schema
} // namespace Natter
