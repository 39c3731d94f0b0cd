// SPDX-License-Identifier: GPL-3.0-or-later
#include "transaction.h"

#include "core/logging.h"

#include <QSqlError>

namespace Natter {

Transaction::Transaction(QSqlDatabase &db) : m_db(db)
{
    m_active = m_db.transaction();
    if (!m_active) {
        m_error = Error::make(Error::Code::StorageFailure,
            QLatin1String("cannot begin transaction: ") % m_db.lastError().text());
        qCWarning(lcStorage) << m_error.message;
    }
}

Transaction::~Transaction()
{
    // SQLite ends the transaction itself on some errors (SQLITE_FULL, SQLITE_IOERR); the
    // rollback then finds none. The error that got us here was reported already.
    if (m_active && !m_db.rollback())
        qCDebug(lcStorage) << "rollback:" << m_db.lastError().text();
}

Error Transaction::commit()
{
    if (!m_active)
        return m_error.isNone()
            ? Error::make(Error::Code::StorageFailure, QStringLiteral("no active transaction"))
            : m_error;
    if (m_db.commit()) {
        m_active = false;
        return {};
    }
    Error error = Error::make(
        Error::Code::StorageFailure, QLatin1String("cannot commit: ") % m_db.lastError().text());
    qCWarning(lcStorage) << error.message;
    // The destructor rolls back what is left of the transaction.
    return error;
}

} // namespace Natter
