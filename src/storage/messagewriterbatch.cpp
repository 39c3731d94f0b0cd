// SPDX-License-Identifier: GPL-3.0-or-later
// MessageWriter's batch path: what a sync brings, stored many rows per statement.
#include "database.h"
#include "messagewriter.h"
#include "sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace Natter {

namespace {

/// Most rows one INSERT carries. A batch is cut into power-of-two pieces (100 = 64 + 32 + 4),
/// so at most seven statements are ever prepared.
constexpr int kMaxRows = 64;

/// Per row, the placeholders of insertRows() in order: flow, server id, client id, sender,
/// sender name, text, time, edited, edited time, deleted, reply to.
constexpr const char *s_fields[] = { "f", "s", "c", "u", "n", "t", "m", "e", "et", "d", "r" };
constexpr int s_fieldCount = int(sizeof(s_fields) / sizeof(s_fields[0]));

QString placeholder(int field, int row)
{
    return u':' % QLatin1String(s_fields[field]) % QString::number(row);
}

} // namespace

QSqlQuery &MessageWriter::insertRows(int rows)
{
    auto it = m_insertRows.find(rows);
    if (it != m_insertRows.end())
        return it.value();
    QString sql = QStringLiteral(
        "INSERT INTO messages (flow_id, server_id, client_id, from_id, from_name, text, time, "
        "edited, edited_time, deleted, reply_to, state, fail_reason) VALUES ");
    for (int row = 0; row < rows; ++row) {
        sql += row ? QLatin1String(", (") : QLatin1String("(");
        for (int field = 0; field < s_fieldCount; ++field)
            sql += placeholder(field, row) % QLatin1String(", ");
        sql += QLatin1String("2, '')"); // state Sent, no fail reason: a message from the server
    }
    return m_insertRows.insert(rows, m_db.prepare(sql)).value();
}

// Why rows per statement: every INSERT into `messages` also writes the FTS index through a
// trigger, and SQLite opens a statement savepoint around each such statement, on which FTS5
// flushes its pending terms as a new index segment. One row per statement means one segment
// per message and constant merging; 64 rows share one.
Error MessageWriter::insertNew(const QList<const Message *> &messages, MessageChanges &changes)
{
    qsizetype done = 0;
    while (done < messages.size()) {
        int rows = kMaxRows;
        while (rows > messages.size() - done)
            rows /= 2;
        QSqlQuery &q = insertRows(rows);
        for (int row = 0; row < rows; ++row) {
            const Message &m = *messages.at(done + row);
            const QVariant values[s_fieldCount] = { m.flowId, Sql::text(m.id), m.clientId,
                Sql::text(m.fromId), Sql::text(m.fromName), Sql::text(m.text), m.time, m.edited,
                m.editedTime, m.deleted, Sql::text(m.replyTo) };
            for (int field = 0; field < s_fieldCount; ++field)
                q.bindValue(placeholder(field, row), values[field]);
        }
        if (!Sql::exec(q))
            return Sql::error(q, QStringLiteral("cannot store messages"));
        for (int row = 0; row < rows; ++row) {
            const Message &m = *messages.at(done + row);
            changes.inserted.append({ m.flowId, m.id });
        }
        done += rows;
    }
    return {};
}

Error MessageWriter::upsertBatch(const QList<Message> &messages, MessageChanges &changes)
{
    // Two reads for the whole batch decide who may skip upsert(): the (server id, flow) pairs
    // stored already, and the flows that hold local echoes (a server copy may claim one).
    QSet<std::pair<QString, QString>> stored;
    QJsonArray ids;
    for (const Message &m : messages) {
        if (!m.id.isEmpty())
            ids.append(m.id);
    }
    if (!ids.isEmpty()) {
        Sql::QueryReset reset(m_storedKeys);
        m_storedKeys.bindValue(QStringLiteral(":ids"),
            QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact)));
        if (!Sql::exec(m_storedKeys))
            return Sql::error(m_storedKeys, QStringLiteral("cannot read stored messages"));
        while (m_storedKeys.next())
            stored.insert({ m_storedKeys.value(0).toString(), m_storedKeys.value(1).toString() });
    }
    QSet<QString> echoFlows;
    {
        Sql::QueryReset reset(m_echoFlows);
        if (!Sql::exec(m_echoFlows))
            return Sql::error(m_echoFlows, QStringLiteral("cannot read local echoes"));
        while (m_echoFlows.next())
            echoFlows.insert(m_echoFlows.value(0).toString());
    }

    // In batch order: new rows gather until a message needs upsert(), which runs after them.
    QList<const Message *> fresh;
    QSet<QString> flowsEnsured;
    QSet<std::pair<QString, QString>> seen; // a key twice in one batch: the second is an update
    const auto flush = [&]() -> Error {
        if (fresh.isEmpty())
            return {};
        for (const Message *m : std::as_const(fresh)) {
            if (!flowsEnsured.contains(m->flowId)) {
                if (Error error = ensureFlow(m->flowId); !error.isNone())
                    return error;
                flowsEnsured.insert(m->flowId);
            }
        }
        Error error = insertNew(fresh, changes);
        fresh.clear();
        return error;
    };
    for (const Message &m : messages) {
        const std::pair<QString, QString> key { m.id, m.flowId };
        const bool isNew = !m.id.isEmpty() && !m.flowId.isEmpty() && m.attachments.isEmpty()
            && !echoFlows.contains(m.flowId) && !stored.contains(key) && !seen.contains(key);
        if (m.id.isEmpty())
            echoFlows.insert(m.flowId); // later server copies in this batch may claim this echo
        else
            seen.insert(key);
        if (isNew) {
            fresh.append(&m);
            continue;
        }
        if (Error error = flush(); !error.isNone())
            return error;
        if (Error error = upsert(m, changes); !error.isNone())
            return error;
    }
    return flush();
}

} // namespace Natter
