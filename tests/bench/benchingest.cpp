// SPDX-License-Identifier: GPL-3.0-or-later
// Ingest: decode all_messages frames and store them the way a sync does, against a raw
// sqlite3 bulk insert of the same rows into the same schema.
#include "bench.h"
#include "protocol/morelia/moreliacodec.h"
#include "storage/database.h"
#include "storage/messagestore.h"

#include <QFile>

#include <sqlite3.h>

namespace Natter::Bench {

namespace {

constexpr int kFrameSize = 100; // messages per revision-17 frame

struct Frames
{
    QList<QByteArray> frames;
    qint64 bytes = 0;
};

Frames makeFrames(int messages, int flows)
{
    Frames out;
    const int perFlow = messages / flows;
    for (int flow = 0; flow < flows; ++flow) {
        for (int first = 0; first < perFlow; first += kFrameSize) {
            const int count = std::min(kFrameSize, perFlow - first);
            out.frames.append(
                Traffic::allMessagesFrame(flow, flows, first, count, first + count >= perFlow));
            out.bytes += out.frames.constLast().size();
        }
    }
    return out;
}

QList<Message> decode(const QByteArray &frame)
{
    auto envelope = Morelia::decodeEnvelope(frame);
    if (!envelope)
        qFatal("bench frame does not decode: %s", qPrintable(envelope.error().message));
    auto messages = Morelia::decodeMessages(envelope.value());
    if (!messages)
        qFatal("bench messages do not decode: %s", qPrintable(messages.error().message));
    return std::move(messages).value();
}

void fresh(const QString &file)
{
    for (const char *suffix : { "", "-wal", "-shm" })
        QFile::remove(file + QLatin1String(suffix));
}

bool check(int rc, sqlite3 *db, const char *what)
{
    if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
        return true;
    qFatal("raw sqlite3 %s: %s", what, sqlite3_errmsg(db));
    return false;
}

/// The same rows through the sqlite3 C API: one connection with Database's pragmas, one
/// transaction, one prepared statement, text bound as UTF-8 prepared beforehand. The schema's
/// FTS triggers and every index run as they do for Natter. Returns the seconds it took.
double rawInsert(const QString &file, const QList<Message> &messages)
{
    struct Row
    {
        QByteArray flow, server, from, text;
        qint64 time;
    };
    QList<Row> rows;
    rows.reserve(messages.size());
    QList<QByteArray> flows;
    for (const Message &m : messages) {
        rows.append(
            { m.flowId.toUtf8(), m.id.toUtf8(), m.fromId.toUtf8(), m.text.toUtf8(), m.time });
        if (flows.isEmpty() || flows.constLast() != rows.constLast().flow)
            flows.append(rows.constLast().flow);
    }
    {
        Database schema; // the Natter schema at the latest version, then closed
        if (!schema.open(file).isNone())
            qFatal("cannot create the raw baseline database");
    }
    sqlite3 *db = nullptr;
    check(sqlite3_open_v2(file.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr), db,
        "open");
    check(sqlite3_exec(db,
              "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; "
              "PRAGMA cache_size = -16000; PRAGMA temp_store = MEMORY; "
              "PRAGMA journal_mode = WAL",
              nullptr, nullptr, nullptr),
        db, "pragmas");
    QElapsedTimer timer;
    timer.start();
    check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
    sqlite3_stmt *flow = nullptr;
    check(sqlite3_prepare_v2(db, "INSERT INTO flows (id) VALUES (?) ON CONFLICT (id) DO NOTHING",
              -1, &flow, nullptr),
        db, "prepare flows");
    for (const QByteArray &id : std::as_const(flows)) {
        sqlite3_bind_text(flow, 1, id.constData(), int(id.size()), SQLITE_STATIC);
        check(sqlite3_step(flow), db, "insert flow");
        sqlite3_reset(flow);
    }
    sqlite3_finalize(flow);
    sqlite3_stmt *insert = nullptr;
    check(sqlite3_prepare_v2(db,
              "INSERT INTO messages (flow_id, server_id, client_id, from_id, from_name, text, "
              "time, edited, edited_time, deleted, reply_to, state, fail_reason) "
              "VALUES (?, ?, 0, ?, '', ?, ?, 0, 0, 0, '', 2, '')",
              -1, &insert, nullptr),
        db, "prepare messages");
    for (const Row &row : std::as_const(rows)) {
        sqlite3_bind_text(insert, 1, row.flow.constData(), int(row.flow.size()), SQLITE_STATIC);
        sqlite3_bind_text(insert, 2, row.server.constData(), int(row.server.size()), SQLITE_STATIC);
        sqlite3_bind_text(insert, 3, row.from.constData(), int(row.from.size()), SQLITE_STATIC);
        sqlite3_bind_text(insert, 4, row.text.constData(), int(row.text.size()), SQLITE_STATIC);
        sqlite3_bind_int64(insert, 5, row.time);
        check(sqlite3_step(insert), db, "insert message");
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
    const double seconds = elapsedMs(timer) / 1000.0;
    sqlite3_close(db);
    return seconds;
}

} // namespace

Ingest benchIngest(const Scale &scale, const QString &dir, Report &report)
{
    const int n = scale.ingestMessages;
    progress(QStringLiteral("ingest: building %1 messages as all_messages frames").arg(n));
    const Frames frames = makeFrames(n, scale.flows);

    const QString natterFile = dir + QLatin1String("/ingest-natter.sqlite");
    fresh(natterFile);
    double decodeMs = 0;
    double totalMs = 0;
    {
        Database db;
        if (!db.open(natterFile).isNone())
            qFatal("cannot open the ingest cache");
        MessageStore store(db);
        progress(QStringLiteral("ingest: Natter decode + MessageStore::insertOrUpdateMessages"));
        QElapsedTimer total;
        total.start();
        for (const QByteArray &frame : frames.frames) {
            QElapsedTimer t;
            t.start();
            const QList<Message> messages = decode(frame);
            decodeMs += elapsedMs(t);
            if (Error e = store.insertOrUpdateMessages(messages); !e.isNone())
                qFatal("ingest failed: %s", qPrintable(e.message));
        }
        totalMs = elapsedMs(total);
        if (store.count() != n)
            qFatal("ingest stored %d of %d messages", store.count(), n);
    }

    progress(QStringLiteral("ingest: raw sqlite3 baseline"));
    QList<Message> all;
    all.reserve(n);
    for (const QByteArray &frame : frames.frames)
        all += decode(frame);
    const QString rawFile = dir + QLatin1String("/ingest-raw.sqlite");
    fresh(rawFile);
    const double rawS = rawInsert(rawFile, all);

    Ingest result;
    result.msgsPerS = n / (totalMs / 1000.0);
    const double rawRate = n / rawS;
    const double storeRate = n / ((totalMs - decodeMs) / 1000.0);
    result.ratio = result.msgsPerS / rawRate;
    const QString count = QString::number(n / 1000) + QLatin1String("k");
    report.addRow({ QLatin1String("ingest ") % count % QLatin1String(" (decode + store), msgs/s"),
        Report::number(result.msgsPerS, 0), Report::number(rawRate, 0) % QLatin1String(" raw"),
        Report::number(result.ratio, 2), QStringLiteral(">= 0.5 of raw"),
        Report::verdict(result.ratio >= 0.5) });
    report.addRow({ QLatin1String("  of which store only, msgs/s"), Report::number(storeRate, 0),
        Report::number(rawRate, 0) % QLatin1String(" raw"), Report::number(storeRate / rawRate, 2),
        {}, {} });
    report.addRow({ QLatin1String("  of which decode only, msgs/s"),
        Report::number(n / (decodeMs / 1000.0), 0), {}, {}, {}, {} });
    report.addNote(QStringLiteral(
        "ingest: %1 messages in %2 flows, %3 frames of <= 100 (%4 MB of JSON), one "
        "insertOrUpdateMessages call (one transaction) per frame as a sync does. Raw baseline: "
        "the same decoded rows, pre-encoded as UTF-8, inserted with sqlite3_prepare_v2/bind/step "
        "in ONE transaction on a fresh file created by Database::open (same schema: all indexes, "
        "FTS5 triggers, foreign keys, WAL, synchronous=NORMAL); no JSON decoding, no change "
        "signals.")
                       .arg(n)
                       .arg(scale.flows)
                       .arg(frames.frames.size())
                       .arg(Report::number(frames.bytes / 1e6, 1)));
    report.setKey(QStringLiteral("ingest_msgs_per_s"), result.msgsPerS);
    report.setKey(QStringLiteral("ingest_ratio_to_raw"), result.ratio);
    return result;
}

double buildCache(const QString &file, int messages, int flows)
{
    QStringList flowIds;
    for (int flow = 0; flow < flows; ++flow)
        flowIds << Traffic::flowUuid(flow);
    return buildCache(file, messages, flowIds);
}

double buildCache(const QString &file, int messages, const QStringList &flowIds)
{
    const int flows = int(flowIds.size());
    fresh(file);
    Database db;
    if (!db.open(file).isNone())
        qFatal("cannot open the cache to build");
    MessageStore store(db);
    const int perFlow = messages / flows;
    QElapsedTimer timer;
    timer.start();
    constexpr int kBatch = 500;
    for (int flow = 0; flow < flows; ++flow) {
        const QString &flowId = flowIds.at(flow);
        for (int first = 0; first < perFlow; first += kBatch) {
            QList<Message> batch;
            for (int i = first; i < std::min(perFlow, first + kBatch); ++i) {
                const qint64 global = qint64(i) * flows + flow;
                Message m;
                m.id = Traffic::messageUuid(global);
                m.flowId = flowId;
                m.fromId = Traffic::userUuid(int(global % 20));
                m.text = Traffic::text(global);
                m.time = Traffic::timeSeconds(global) * 1000;
                batch.append(m);
            }
            if (Error e = store.insertOrUpdateMessages(batch); !e.isNone())
                qFatal("cache build failed: %s", qPrintable(e.message));
        }
        if (flow % 10 == 9)
            progress(QStringLiteral("cache: %1 of %2 flows").arg(flow + 1).arg(flows));
    }
    return messages / (elapsedMs(timer) / 1000.0);
}

} // namespace Natter::Bench
