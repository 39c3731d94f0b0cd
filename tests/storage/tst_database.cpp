// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "storage/schema.h"
#include "storage/searchindex.h"
#include "testcache.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

using namespace Natter;
using Natter::Test::TempCache;

namespace {

QVariant pragma(Database &db, const char *name)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QLatin1String("PRAGMA ") % QLatin1String(name)) || !q.next())
        return {};
    return q.value(0);
}

/// The schema as text: every object's type, name, table and whitespace-normalised SQL.
QStringList schemaOf(Database &db)
{
    QStringList schema;
    QSqlQuery q(db.connection());
    // sqlite_stat* hold the planner's statistics (PRAGMA optimize on close), not the schema.
    if (!q.exec(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master "
                               "WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name")))
        return { q.lastError().text() };
    while (q.next()) {
        schema.append(q.value(0).toString() % u'|' % q.value(1).toString() % u'|'
            % q.value(2).toString() % u'|' % q.value(3).toString().simplified());
    }
    return schema;
}

bool exec(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (q.exec(sql))
        return true;
    qWarning() << sql << q.lastError().text();
    return false;
}

QString planOf(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QLatin1String("EXPLAIN QUERY PLAN ") % sql))
        return q.lastError().text();
    QStringList lines;
    while (q.next())
        lines.append(q.value(3).toString());
    return lines.join(u'\n');
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensWithPragmas()
    {
        TempCache cache;
        QVERIFY(cache.open());
        QVERIFY(cache.db.isOpen());
        QVERIFY(QFile::exists(cache.path()));
        QCOMPARE(pragma(cache.db, "foreign_keys").toInt(), 1);
        QCOMPARE(pragma(cache.db, "journal_mode").toString(), QStringLiteral("wal"));
        QCOMPARE(pragma(cache.db, "synchronous").toInt(), 1); // NORMAL
        QCOMPARE(pragma(cache.db, "user_version").toInt(), Database::latestVersion());
        QCOMPARE(cache.db.schemaVersion(), Database::latestVersion());
        QVERIFY(Database::latestVersion() >= 3);
        QCOMPARE(cache.db.media().root(), cache.dir.filePath(QStringLiteral("profile/media")));
    }

    void connectionNamesAreUnique()
    {
        TempCache a;
        TempCache b;
        QVERIFY(a.open());
        QVERIFY(b.open());
        QVERIFY(!a.db.connectionName().isEmpty());
        QVERIFY(a.db.connectionName() != b.db.connectionName());
        const QString name = a.db.connectionName();
        a.db.close();
        QVERIFY(!QSqlDatabase::contains(name));
        QVERIFY(b.db.isOpen());
    }

    void foreignKeysAreEnforced()
    {
        TempCache cache;
        QVERIFY(cache.open());
        QSqlQuery q(cache.db.connection());
        QVERIFY(!q.exec(QStringLiteral(
            "INSERT INTO messages (flow_id, server_id, time) VALUES ('no such flow', 'm', 1)")));
        QVERIFY(q.lastError().text().contains(QLatin1String("FOREIGN KEY"), Qt::CaseInsensitive));
    }

    void migratedEqualsFresh_data()
    {
        QTest::addColumn<int>("from");
        for (const Migration &step : Schema::migrations()) {
            if (step.version < Database::latestVersion())
                QTest::addRow("from v%d", step.version) << step.version;
        }
        QTest::addRow("from empty file") << 0;
    }

    void migratedEqualsFresh()
    {
        QFETCH(int, from);
        TempCache fresh;
        QVERIFY(fresh.open());
        const QStringList freshSchema = schemaOf(fresh.db);
        QVERIFY(freshSchema.size() > 10);

        TempCache old;
        QVERIFY(old.db.open(old.path(), from).isNone());
        QCOMPARE(old.db.schemaVersion(), from);
        QVERIFY(schemaOf(old.db) != freshSchema);
        if (from >= 1) { // data as that version stored it must survive every later step
            QVERIFY(
                exec(old.db, QStringLiteral("INSERT INTO flows (id, title) VALUES ('f', 'F')")));
            QVERIFY(exec(old.db,
                QStringLiteral("INSERT INTO messages (flow_id, server_id, text, time) "
                               "VALUES ('f', 'm1', 'remember the migration', 1000)")));
        }
        old.db.close();

        QVERIFY(old.open());
        QCOMPARE(old.db.schemaVersion(), Database::latestVersion());
        QCOMPARE(pragma(old.db, "user_version"), pragma(fresh.db, "user_version"));
        QCOMPARE(schemaOf(old.db), freshSchema);
        if (from >= 1) {
            // The search index covers what was cached before it existed.
            const QList<SearchHit> hits = SearchIndex(old.db).search(QStringLiteral("migration"));
            QCOMPARE(hits.size(), 1);
            QCOMPARE(hits.first().key, QStringLiteral("m1"));
        }
    }

    void migrateToStepsOneVersionAtATime()
    {
        TempCache cache;
        QVERIFY(cache.db.open(cache.path(), 1).isNone());
        QVERIFY(!schemaOf(cache.db).join(u'\n').contains(QLatin1String("table|contacts")));
        QVERIFY(cache.db.migrateTo(2).isNone());
        QCOMPARE(cache.db.schemaVersion(), 2);
        QVERIFY(schemaOf(cache.db).join(u'\n').contains(QLatin1String("table|contacts")));
        QVERIFY(!schemaOf(cache.db).join(u'\n').contains(QLatin1String("messages_fts")));
        QCOMPARE(cache.db.migrateTo(1).code, Error::Code::InvalidArgument); // never down
    }

    void failedStepRollsBack()
    {
        TempCache cache;
        QVERIFY(cache.db.open(cache.path(), 1).isNone());
        // Something v2 will trip over, as a damaged or hand-edited file might hold.
        QVERIFY(exec(cache.db, QStringLiteral("CREATE TABLE contacts (x)")));
        cache.db.close();
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral(".*already exists.*")));
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral(".*migration to version 2.*")));
        const Error error = cache.db.open(cache.path());
        QCOMPARE(error.code, Error::Code::StorageFailure);
        QVERIFY2(
            error.message.contains(QLatin1String("already exists")), qPrintable(error.message));
        QVERIFY(!cache.db.isOpen());
        QVERIFY(cache.db.open(cache.path(), 1).isNone());
        QCOMPARE(cache.db.schemaVersion(), 1); // the step left nothing behind
    }

    void newerSchemaIsRefused()
    {
        TempCache cache;
        QVERIFY(cache.open());
        QVERIFY(exec(cache.db, QStringLiteral("PRAGMA user_version = 99")));
        cache.db.close();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(".*newer.*")));
        const Error error = cache.db.open(cache.path());
        QCOMPARE(error.code, Error::Code::StorageFailure);
        QVERIFY(error.message.contains(QLatin1String("99")));
    }

    void unusablePathsGiveErrors_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("parent is a file") << QStringLiteral("file-parent");
        QTest::newRow("path is a folder") << QStringLiteral("folder");
        QTest::newRow("not a database") << QStringLiteral("garbage");
        QTest::newRow("read-only file") << QStringLiteral("read-only");
    }

    void unusablePathsGiveErrors()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        QString path;
        if (kind == QLatin1String("file-parent")) {
            QFile blocker(dir.filePath(QStringLiteral("blocker")));
            QVERIFY(blocker.open(QIODevice::WriteOnly));
            path = blocker.fileName() + QStringLiteral("/sub/cache.sqlite");
        } else if (kind == QLatin1String("folder")) {
            path = dir.filePath(QStringLiteral("folder"));
            QVERIFY(QDir().mkpath(path));
        } else if (kind == QLatin1String("garbage")) {
            path = dir.filePath(QStringLiteral("cache.sqlite"));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(8192, 'x'));
        } else {
            path = dir.filePath(QStringLiteral("cache.sqlite"));
            {
                Database db;
                QVERIFY(db.open(path).isNone());
            }
            QVERIFY(QFile::setPermissions(path, QFile::ReadOwner));
            QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
            QFile probe(dir.filePath(QStringLiteral("probe")));
            if (probe.open(QIODevice::WriteOnly)) {
                QFile::setPermissions(
                    dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
                QSKIP("running with privileges that ignore file permissions");
            }
        }
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(".*")));
        Database db;
        const Error error = db.open(path);
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QCOMPARE(error.code, Error::Code::StorageFailure);
        QVERIFY(!error.message.isEmpty());
        QVERIFY2(error.message.contains(path), qPrintable(error.message));
        QVERIFY(!db.isOpen());
    }

    void pagingAndSearchAreIndexRangeScans()
    {
        TempCache cache;
        QVERIFY(cache.open());
        const QString newest = planOf(cache.db,
            QStringLiteral("SELECT * FROM messages WHERE flow_id = 'f' ORDER BY time DESC, "
                           "local_id DESC LIMIT 50"));
        QVERIFY2(newest.contains(QLatin1String("USING INDEX messages_flow_time (flow_id=?)")),
            qPrintable(newest));
        QVERIFY2(!newest.contains(QLatin1String("TEMP B-TREE")), qPrintable(newest));
        const QString before = planOf(cache.db,
            QStringLiteral(
                "SELECT * FROM messages WHERE flow_id = 'f' AND (time, local_id) < (5, 7) "
                "ORDER BY time DESC, local_id DESC LIMIT 50"));
        QVERIFY2(
            before.contains(QLatin1String("USING INDEX messages_flow_time (flow_id=? AND time<?)")),
            qPrintable(before));
        QVERIFY2(!before.contains(QLatin1String("TEMP B-TREE")), qPrintable(before));
        const QString search = planOf(cache.db,
            QStringLiteral("SELECT m.time FROM messages_fts CROSS JOIN messages m ON m.search_key "
                           "= messages_fts.rowid "
                           "WHERE messages_fts MATCH 'x' AND m.flow_id = 'f' ORDER BY "
                           "messages_fts.rowid DESC LIMIT 50"));
        QVERIFY2(
            search.contains(QLatin1String("SCAN messages_fts VIRTUAL TABLE")), qPrintable(search));
        QVERIFY2(!search.contains(QLatin1String("TEMP B-TREE")), qPrintable(search));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
