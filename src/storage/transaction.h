// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QSqlDatabase>

namespace Natter {

/// RAII write transaction on one connection: begins on construction, rolls back on destruction
/// unless commit() succeeded. SQLite has no nested transactions, so a store method opens exactly
/// one and helpers it calls run inside it.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /// False when BEGIN failed; error() says why.
    bool isActive() const { return m_active; }
    /// Commits; a failure (disk full, read-only file) rolls back and is returned.
    Error commit();
    /// Why BEGIN failed, or None.
    const Error &error() const { return m_error; }

private:
    QSqlDatabase &m_db;
    bool m_active = false;
    Error m_error;
};

} // namespace Natter
