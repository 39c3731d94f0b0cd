// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema.h"

#include "core/logging.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Natter::Schema {

namespace {

thread_local QString t_lastError;

/// Runs fixed DDL. Schema text is code, never data, so there is nothing to bind.
bool run(QSqlDatabase &db, std::initializer_list<const char *> statements)
{
    for (const char *statement : statements) {
        QSqlQuery query(db);
        if (!query.exec(QString::fromUtf8(statement))) {
            t_lastError = query.lastError().text() % QLatin1String(" in: ")
                % QString::fromUtf8(statement).simplified();
            qCWarning(lcStorage) << "migration statement failed:" << t_lastError;
            return false;
        }
    }
    return true;
}

// v1: the base cache. Times are Unix ms. Text columns are NOT NULL with '' for "none" so that
// comparisons and unique keys never meet NULL.
bool baseSchema(QSqlDatabase &db)
{
    return run(db,
        {
            // The signed-in user of this database (one row); the profile itself lives in `users`.
            R"(CREATE TABLE account (
            slot INTEGER PRIMARY KEY CHECK (slot = 1),
            user_id TEXT NOT NULL DEFAULT '',
            login TEXT NOT NULL DEFAULT ''))",
            R"(CREATE TABLE users (
            id TEXT PRIMARY KEY NOT NULL,
            login TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            bio TEXT NOT NULL DEFAULT '',
            avatar_hash TEXT NOT NULL DEFAULT '',
            is_bot INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID)",
            R"(CREATE TABLE flows (
            id TEXT PRIMARY KEY NOT NULL,
            type INTEGER NOT NULL DEFAULT 0,
            title TEXT NOT NULL DEFAULT '',
            info TEXT NOT NULL DEFAULT '',
            updated INTEGER NOT NULL DEFAULT 0,
            owner TEXT NOT NULL DEFAULT '',
            last_read_time INTEGER NOT NULL DEFAULT 0))",
            R"(CREATE TABLE flow_members (
            flow_id TEXT NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
            user_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (flow_id, user_id)) WITHOUT ROWID)",
            // state: 0 queued, 1 sending, 2 sent, 3 failed (only local echoes are ever not 2).
            R"(CREATE TABLE messages (
            local_id INTEGER PRIMARY KEY,
            flow_id TEXT NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
            server_id TEXT NOT NULL DEFAULT '',
            client_id INTEGER NOT NULL DEFAULT 0,
            from_id TEXT NOT NULL DEFAULT '',
            from_name TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            time INTEGER NOT NULL DEFAULT 0,
            edited INTEGER NOT NULL DEFAULT 0,
            edited_time INTEGER NOT NULL DEFAULT 0,
            deleted INTEGER NOT NULL DEFAULT 0,
            reply_to TEXT NOT NULL DEFAULT '',
            state INTEGER NOT NULL DEFAULT 2,
            fail_reason TEXT NOT NULL DEFAULT ''))",
            // Paging: newest N and keyset "before (time, local_id)" are range scans of this index
            // (its implicit last column is local_id), whatever the history size.
            "CREATE INDEX messages_flow_time ON messages (flow_id, time)",
            // The message keys: the server copy by (flow, server id), a local echo by (flow, client
            // id). server_id leads so that a lookup by server id alone uses the index too.
            R"(CREATE UNIQUE INDEX messages_server_id ON messages (server_id, flow_id)
            WHERE server_id <> '')",
            R"(CREATE UNIQUE INDEX messages_local_echo ON messages (flow_id, client_id)
            WHERE server_id = '')",
            "CREATE INDEX messages_client_id ON messages (client_id) WHERE client_id <> 0",
            // Bytes are not here: content_hash names a file in the MediaStore.
            R"(CREATE TABLE attachments (
            message_id INTEGER NOT NULL REFERENCES messages(local_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind INTEGER NOT NULL DEFAULT 3,
            name TEXT NOT NULL DEFAULT '',
            mime TEXT NOT NULL DEFAULT '',
            size INTEGER NOT NULL DEFAULT 0,
            content_hash TEXT NOT NULL DEFAULT '',
            reference TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (message_id, position)) WITHOUT ROWID)",
            // AUTOINCREMENT: client ids are never reused, even after the newest entry is discarded.
            // state: 0 queued, 1 sending, 3 failed; a sent entry is deleted.
            R"(CREATE TABLE outbox (
            client_id INTEGER PRIMARY KEY AUTOINCREMENT,
            flow_id TEXT NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
            text TEXT NOT NULL DEFAULT '',
            attachments TEXT NOT NULL DEFAULT '[]',
            created INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            state INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT ''))",
            "CREATE INDEX outbox_flow ON outbox (flow_id)",
            R"(CREATE TABLE sync_state (
            flow_id TEXT PRIMARY KEY NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
            newest_server_time INTEGER NOT NULL DEFAULT 0,
            oldest_loaded_time INTEGER NOT NULL DEFAULT 0,
            has_more_history INTEGER NOT NULL DEFAULT 1) WITHOUT ROWID)",
            R"(CREATE TABLE settings (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL DEFAULT '') WITHOUT ROWID)",
        });
}

// v2: friends, requests and the block list. local_only marks what only this device knows
// (backends without server contacts keep a local block list).
// kind: 0 friend, 1 incoming request, 2 outgoing request, 3 blocked.
bool contacts(QSqlDatabase &db)
{
    return run(db,
        {
            R"(CREATE TABLE contacts (
            user_id TEXT NOT NULL,
            kind INTEGER NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            added INTEGER NOT NULL DEFAULT 0,
            local_only INTEGER NOT NULL DEFAULT 0,
            name TEXT NOT NULL DEFAULT '',
            photo_ref TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (kind, user_id)) WITHOUT ROWID)",
            "CREATE INDEX contacts_user ON contacts (user_id)",
        });
}

// v3: full-text search. The FTS rowid is search_key, which sorts like (time, local_id), so
// "newest matches first" walks the FTS index backwards and stops at LIMIT instead of sorting
// every match. 43 bits of time (ms, until year 2248) and the low 20 bits of local_id: two
// messages collide only with the same millisecond and local ids 2^20 apart.
// flow_id is indexed too so that a search in one flow intersects two posting lists instead of
// filtering every match of a common word; SearchIndex confines user words to `text`.
bool fullTextSearch(QSqlDatabase &db)
{
    return run(db,
        {
            R"(ALTER TABLE messages ADD COLUMN search_key INTEGER
                GENERATED ALWAYS AS (((time & 8796093022207) << 20) | (local_id & 1048575))
                VIRTUAL)",
            "CREATE UNIQUE INDEX messages_search_key ON messages (search_key)",
            R"(CREATE VIRTUAL TABLE messages_fts USING fts5 (
                text, flow_id, content='messages', content_rowid='search_key',
                tokenize='unicode61 remove_diacritics 2'))",
            R"(CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
                INSERT INTO messages_fts (rowid, text, flow_id)
                    VALUES (new.search_key, new.text, new.flow_id);
            END)",
            R"(CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
                INSERT INTO messages_fts (messages_fts, rowid, text, flow_id)
                    VALUES ('delete', old.search_key, old.text, old.flow_id);
            END)",
            R"(CREATE TRIGGER messages_fts_update AFTER UPDATE OF text, time, flow_id ON messages
                WHEN old.text IS NOT new.text OR old.time IS NOT new.time
                    OR old.flow_id IS NOT new.flow_id BEGIN
                INSERT INTO messages_fts (messages_fts, rowid, text, flow_id)
                    VALUES ('delete', old.search_key, old.text, old.flow_id);
                INSERT INTO messages_fts (rowid, text, flow_id)
                    VALUES (new.search_key, new.text, new.flow_id);
            END)",
            // Index what earlier versions cached.
            "INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')",
        });
}

// v4: group details. photo_hash names the group photo in the MediaStore ('' for none);
// is_private is -1 while the server has not said, else 0 or 1.
bool groupDetails(QSqlDatabase &db)
{
    return run(db,
        {
            "ALTER TABLE flows ADD COLUMN photo_hash TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE flows ADD COLUMN is_private INTEGER NOT NULL DEFAULT -1",
        });
}

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> steps = {
        { 1, baseSchema },
        { 2, contacts },
        { 3, fullTextSearch },
        { 4, groupDetails },
    };
    return steps;
}

int latestVersion()
{
    return migrations().constLast().version;
}

QString lastError()
{
    return t_lastError;
}

} // namespace Natter::Schema
