// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a big cache: open a chat (first page), search, and the memory it takes.
#include "bench.h"
#include "session/accountcache.h"
#include "storage/database.h"
#include "storage/messagestore.h"
#include "storage/searchindex.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>

#include <cstdio>
#include <sqlite3.h>

namespace Natter::Bench {

namespace {

constexpr int kPage = 50;
constexpr int kOpenRuns = 50;

/// The raw baseline: one read-only sqlite3 connection, the same SQL, every column read.
class RawReader
{
public:
    RawReader(const QString &file, const char *sql)
    {
        sqlite3_open_v2(file.toUtf8().constData(), &m_db, SQLITE_OPEN_READONLY, nullptr);
        if (sqlite3_prepare_v2(m_db, sql, -1, &m_stmt, nullptr) != SQLITE_OK)
            qFatal("raw prepare: %s", sqlite3_errmsg(m_db));
    }
    ~RawReader()
    {
        sqlite3_finalize(m_stmt);
        sqlite3_close(m_db);
    }
    int run(const QList<QByteArray> &texts, int limit)
    {
        for (int i = 0; i < texts.size(); ++i)
            sqlite3_bind_text(
                m_stmt, i + 1, texts.at(i).constData(), int(texts.at(i).size()), SQLITE_TRANSIENT);
        sqlite3_bind_int(m_stmt, int(texts.size()) + 1, limit);
        int rows = 0;
        qint64 sink = 0;
        while (sqlite3_step(m_stmt) == SQLITE_ROW) {
            ++rows;
            for (int c = 0; c < sqlite3_column_count(m_stmt); ++c)
                sink += sqlite3_column_bytes(m_stmt, c); // materialises every value
        }
        sqlite3_reset(m_stmt);
        return rows + int(sink & 0);
    }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

double ratioOf(double value, double baseline)
{
    return baseline > 0 ? value / baseline : 0;
}

void memory(
    const QString &file, const QString &flowId, const QString &label, bool big, Report &report)
{
    QProcess child;
    child.start(
        QCoreApplication::applicationFilePath(), { QStringLiteral("--rss-probe"), file, flowId });
    if (!child.waitForFinished(120000) || child.exitCode() != 0)
        qFatal("memory probe failed (exit %d): %s %s", child.exitCode(),
            child.readAllStandardOutput().constData(), child.readAllStandardError().constData());
    const QList<QByteArray> fields = child.readAllStandardOutput().trimmed().split(' ');
    const double baseline = fields.value(0).toDouble();
    const double rss = fields.value(1).toDouble();
    report.addRow(
        { QLatin1String("memory: RSS, cache ") % label % QLatin1String(" + one chat open, MB"),
            Report::number(rss), Report::number(baseline) % QLatin1String(" idle"),
            Report::number(ratioOf(rss, baseline), 2), QStringLiteral("< 150 MB, flat"),
            Report::verdict(rss < 150) });
    if (big)
        report.setKey(QStringLiteral("rss_mb_1m"), rss);
}

} // namespace

void benchCache(const QString &file, int flows, const QString &label, bool big, Report &report)
{
    Database db;
    if (!db.open(file).isNone())
        qFatal("cannot open the cache");
    MessageStore store(db);
    SearchIndex search(db);

    // Open a chat: a different flow each run, so no run reads the pages the one before it read.
    RawReader rawPage(file,
        "SELECT local_id, flow_id, server_id, client_id, from_id, from_name, text, time, edited, "
        "edited_time, deleted, reply_to, state, fail_reason FROM messages WHERE flow_id = ? "
        "ORDER BY time DESC, local_id DESC LIMIT ?");
    QList<double> natter, raw;
    double first = 0;
    for (int run = 0; run < kOpenRuns; ++run) {
        const QString flowId = Traffic::flowUuid((run * 37 + 11) % flows);
        QElapsedTimer t;
        t.start();
        const QList<Message> page = store.newest(flowId, kPage);
        const double ms = elapsedMs(t);
        if (page.size() != kPage)
            qFatal("open chat read %d messages", int(page.size()));
        if (run == 0)
            first = ms;
        natter.append(ms);
        t.start();
        rawPage.run({ Traffic::flowUuid((run * 53 + 5) % flows).toUtf8() }, kPage);
        raw.append(elapsedMs(t));
    }
    const double openMs = median(natter);
    report.addRow({ QLatin1String("open chat, 50 newest of ") % label
            % QLatin1String(" cache, ms (median of 50)"),
        Report::number(openMs, 3), Report::number(median(raw), 3) % QLatin1String(" raw"),
        Report::number(ratioOf(openMs, median(raw)), 1), QStringLiteral("< 10 ms, flat"),
        Report::verdict(openMs < 10) });
    report.addRow({ QLatin1String("  first open after start / p95, ms"),
        Report::number(first, 3) % QLatin1String(" / ") % Report::number(percentile(natter, 95), 3),
        {}, {}, {}, {} });
    report.setKey(
        big ? QStringLiteral("open_chat_ms_1m") : QStringLiteral("open_chat_ms_10k"), openMs);

    // Search: every probe word a few times; the raw baseline runs the very same SQL.
    RawReader rawSearch(file,
        "SELECT m.server_id, m.client_id, m.flow_id, m.from_id, m.time, "
        "snippet(messages_fts, 0, '[', ']', '…', 16) FROM messages_fts CROSS JOIN messages m "
        "ON m.search_key = messages_fts.rowid WHERE messages_fts MATCH ? AND m.deleted = 0 "
        "ORDER BY messages_fts.rowid DESC LIMIT ?");
    QList<double> all, allRaw;
    const auto probe = [&](const QStringList &words, const QString &kind) {
        QList<double> times, rawTimes;
        int hits = 0;
        for (const QString &word : words) {
            const QByteArray match
                = (QLatin1String("text : (") % SearchIndex::matchExpression(word) % u')').toUtf8();
            for (int run = 0; run < 5; ++run) {
                QElapsedTimer t;
                t.start();
                hits += int(search.search(word).size());
                times.append(elapsedMs(t));
                t.start();
                rawSearch.run({ match }, 50);
                rawTimes.append(elapsedMs(t));
            }
        }
        all += times;
        allRaw += rawTimes;
        report.addRow({ QLatin1String("  search ") % kind % QLatin1String(" words (")
                % words.join(QLatin1String(", ")) % QLatin1String("), ms; hits/query ")
                % QString::number(hits / int(times.size())),
            Report::number(median(times), 2),
            Report::number(median(rawTimes), 2) % QLatin1String(" raw"),
            Report::number(ratioOf(median(times), median(rawTimes)), 1), {}, {} });
    };
    probe(Traffic::commonWords(), QStringLiteral("common"));
    probe(Traffic::rareWords(), QStringLiteral("rare"));
    const double searchMs = median(all);
    report.addRow({ QLatin1String("search over ") % label
            % QLatin1String(" messages, ms (median, all probes)"),
        Report::number(searchMs, 2), Report::number(median(allRaw), 2) % QLatin1String(" raw"),
        Report::number(ratioOf(searchMs, median(allRaw)), 1), QStringLiteral("< 50 ms"),
        Report::verdict(searchMs < 50) });
    if (big)
        report.setKey(QStringLiteral("search_ms_1m"), searchMs);

    memory(file, Traffic::flowUuid(flows / 2), label, big, report);
}

double rssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

int rssProbe(const QString &file, const QString &flowId)
{
    const double idle = rssMb();
    AccountCache cache;
    if (!cache.open(file).isNone())
        return 1;
    const QList<Flow> flows = cache.flows().flows();
    QList<Message> page = cache.messages().newest(flowId, kPage);
    const bool opened = !page.isEmpty();
    // Scroll back a few pages, as a user opening a chat does.
    for (int i = 0; i < 4 && !page.isEmpty(); ++i)
        page = cache.messages().before(flowId, page.first().time, page.first().id, kPage);
    std::printf("%.1f %.1f\n", idle, rssMb());
    return opened && !flows.isEmpty() ? 0 : 1;
}

} // namespace Natter::Bench
