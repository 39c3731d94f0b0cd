// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "mediastore.h"
#include "schema.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace Natter {

/// The local cache of one account: one SQLite file with its own connection, and the media folder
/// beside it (`<dir of file>/media`).
///
/// open() sets foreign_keys=ON, journal_mode=WAL, synchronous=NORMAL and migrates the schema
/// through Schema::migrations(), one transaction per step, keyed on PRAGMA user_version.
/// Stores keep prepared queries on this connection: destroy them before the Database.
/// Use from one thread.
class Database
{
public:
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens (creating the file and its folder when missing) and migrates to `targetVersion`.
    /// Only tests pass an older target, to build databases as older builds left them.
    /// Every failure, including a read-only or full disk, comes back as StorageFailure.
    [[nodiscard]] Error open(const QString &filePath, int targetVersion = latestVersion());
    /// Runs the migration steps after the current version up to `version`.
    [[nodiscard]] Error migrateTo(int version);
    void close();

    bool isOpen() const { return m_db.isOpen(); }
    QString filePath() const { return m_filePath; }
    QString connectionName() const { return m_connectionName; }
    /// PRAGMA user_version; -1 when closed.
    int schemaVersion() const;
    static int latestVersion();

    /// The connection, for stores and tests.
    QSqlDatabase &connection() { return m_db; }
    /// A forward-only query prepared once; logs when the statement does not compile.
    QSqlQuery prepare(const QString &sql) const;
    MediaStore &media() { return m_media; }

private:
    Error fail(const QString &what, const QString &detail);
    Error applyPragmas();
    /// One step in one transaction; the error text, empty on success.
    QString applyStep(const Migration &step);

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_filePath;
    MediaStore m_media;
};

} // namespace Natter
