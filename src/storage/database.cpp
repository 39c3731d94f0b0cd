// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "core/logging.h"
#include "schema.h"
#include "transaction.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>

namespace Natter {

namespace {
QAtomicInteger<quint64> s_connectionCounter;
}

Database::Database() = default;

Database::~Database()
{
    close();
}

int Database::latestVersion()
{
    return Schema::latestVersion();
}

Error Database::fail(const QString &what, const QString &detail)
{
    Error error = Error::make(Error::Code::StorageFailure,
        what % QLatin1String(" (") % m_filePath % QLatin1String("): ") % detail);
    qCWarning(lcStorage) << error.message;
    close();
    return error;
}

Error Database::open(const QString &filePath, int targetVersion)
{
    close();
    m_filePath = filePath;
    const QFileInfo info(filePath);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(QStringLiteral("cannot open cache"),
            QLatin1String("cannot create folder ") % info.absolutePath());

    m_connectionName = QLatin1String("natter-cache-")
        % QString::number(s_connectionCounter.fetchAndAddRelaxed(1) + 1);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid())
        return fail(QStringLiteral("cannot open cache"),
            QStringLiteral("the Qt SQLite driver is not available"));
    m_db.setDatabaseName(filePath);
    if (!m_db.open())
        return fail(QStringLiteral("cannot open cache"), m_db.lastError().text());
    m_media.setRoot(info.absolutePath() % QLatin1String("/media"));

    if (Error error = applyPragmas(); !error.isNone())
        return error;
    return migrateTo(targetVersion);
}

namespace {

/// Runs one statement; returns the driver's error text (empty on success) and the first value.
QString execOne(const QSqlDatabase &db, const QString &sql, QVariant *value = nullptr)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return query.lastError().text() % QLatin1String(" in ") % sql;
    if (value)
        *value = query.next() ? query.value(0) : QVariant();
    return {};
}

} // namespace

Error Database::applyPragmas()
{
    // busy_timeout first: a second instance may hold the file for a moment. journal_mode=WAL
    // is the first statement that writes, so a read-only file or folder fails there.
    static const char *const pragmas[] = {
        "PRAGMA busy_timeout = 5000",
        "PRAGMA foreign_keys = ON",
        "PRAGMA synchronous = NORMAL",
        "PRAGMA cache_size = -16000",
        "PRAGMA temp_store = MEMORY",
    };
    for (const char *pragma : pragmas) {
        if (QString error = execOne(m_db, QString::fromLatin1(pragma)); !error.isEmpty())
            return fail(QStringLiteral("cannot configure cache"), error);
    }
    QVariant mode;
    if (QString error = execOne(m_db, QStringLiteral("PRAGMA journal_mode = WAL"), &mode);
        !error.isEmpty())
        return fail(QStringLiteral("cannot configure cache"), error);
    if (mode.toString() != QLatin1String("wal"))
        return fail(QStringLiteral("cannot configure cache"),
            QLatin1String("journal_mode is ") % mode.toString() % QLatin1String(", not wal"));
    return {};
}

int Database::schemaVersion() const
{
    if (!m_db.isOpen())
        return -1;
    QVariant version;
    if (!execOne(m_db, QStringLiteral("PRAGMA user_version"), &version).isEmpty()
        || !version.isValid())
        return -1;
    return version.toInt();
}

Error Database::migrateTo(int version)
{
    if (!m_db.isOpen())
        return Error::make(Error::Code::StorageFailure, QStringLiteral("cache is not open"));
    const int current = schemaVersion();
    if (current < 0)
        return fail(QStringLiteral("cannot read schema version"), m_db.lastError().text());
    if (current > latestVersion())
        return fail(QStringLiteral("cache is from a newer Natter"),
            QLatin1String("schema version ") % QString::number(current)
                % QLatin1String(", this build knows up to ") % QString::number(latestVersion()));
    if (version < current || version > latestVersion())
        return Error::make(Error::Code::InvalidArgument,
            QLatin1String("cannot migrate from ") % QString::number(current) % QLatin1String(" to ")
                % QString::number(version));

    for (const Migration &step : Schema::migrations()) {
        if (step.version <= current || step.version > version)
            continue;
        if (QString error = applyStep(step); !error.isEmpty())
            return fail(QLatin1String("migration to version ") % QString::number(step.version)
                    % QLatin1String(" failed"),
                error);
        qCDebug(lcStorage) << "cache" << m_filePath << "at schema version" << step.version;
    }
    if (current > 0 && version > current)
        qCInfo(lcStorage) << "cache" << m_filePath << "migrated from schema version" << current
                          << "to" << version;
    return {};
}

QString Database::applyStep(const Migration &step)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error().message;
    if (!step.apply(m_db))
        return Schema::lastError();
    // PRAGMA takes no bound parameters; the value is our own integer, not data.
    if (QString error
        = execOne(m_db, QLatin1String("PRAGMA user_version = ") % QString::number(step.version));
        !error.isEmpty())
        return error;
    return tx.commit().message;
}

void Database::close()
{
    if (m_connectionName.isEmpty())
        return;
    if (m_db.isOpen()) {
        // Lets SQLite refresh the statistics its planner uses; cheap when nothing changed.
        execOne(m_db, QStringLiteral("PRAGMA optimize"));
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

QSqlQuery Database::prepare(const QString &sql) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        qCWarning(lcStorage) << "cannot prepare" << sql.simplified() << ':'
                             << query.lastError().text();
    return query;
}

} // namespace Natter
