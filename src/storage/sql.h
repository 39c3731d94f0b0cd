// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QSqlQuery>
#include <QString>
#include <QVariant>

/// Small helpers shared by the stores. Internal to src/storage/.
namespace Natter::Sql {

/// A bindable text value that is never SQL NULL: the schema declares text columns NOT NULL and
/// the SQLite driver binds a null QString as NULL.
QVariant text(const QString &value);

/// Executes a prepared query; logs the statement and the driver's message on failure.
bool exec(QSqlQuery &query);

/// A StorageFailure carrying the query's SQL error text.
Error error(const QSqlQuery &query, const QString &what);

/// Resets a prepared SELECT when it goes out of scope so no statement stays active between calls
/// (an active statement would pin a read snapshot and abort on a later rollback).
class QueryReset
{
public:
    explicit QueryReset(QSqlQuery &query) : m_query(query) { }
    ~QueryReset() { m_query.finish(); }
    QueryReset(const QueryReset &) = delete;
    QueryReset &operator=(const QueryReset &) = delete;

private:
    QSqlQuery &m_query;
};

} // namespace Natter::Sql
