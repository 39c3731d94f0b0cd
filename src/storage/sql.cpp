// SPDX-License-Identifier: GPL-3.0-or-later
#include "sql.h"

#include "core/logging.h"

#include <QSqlError>

namespace Natter::Sql {

QVariant text(const QString &value)
{
    static const QString empty = QString::fromLatin1("", 0);
    return value.isNull() ? QVariant(empty) : QVariant(value);
}

bool exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcStorage) << "query failed:" << query.lastError().text() << "in"
                         << query.lastQuery().simplified();
    return false;
}

Error error(const QSqlQuery &query, const QString &what)
{
    return Error::make(
        Error::Code::StorageFailure, what % QLatin1String(": ") % query.lastError().text());
}

} // namespace Natter::Sql
