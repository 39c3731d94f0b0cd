// SPDX-License-Identifier: GPL-3.0-or-later
// natter-bench: figures for the cache issue. Not a test: it prints numbers, it asserts nothing.
#pragma once

#include "benchreport.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QString>

namespace Natter::Bench {

/// The sizes one run works at: --quick for CI smoke, the default for the figures.
struct Scale
{
    bool quick = false;
    int ingestMessages = 100000; ///< decoded and stored, Natter against raw sqlite3
    int smallCache = 10000; ///< the "10k" cache
    int bigCache = 1000000; ///< the "1M" cache
    int flows = 100; ///< flows per cache; a flow of the big cache holds big/flows
    int syncMessages = 100000;
    int sends = 10000;
    int loadFlows = 200; ///< the "Load" cache: flows, cached messages, new messages per flow
    int loadCache = 1000000;
    int loadNewPerFlow = 100;
    QString bigLabel() const { return quick ? QStringLiteral("100k") : QStringLiteral("1M"); }
};

/// Deterministic, realistic-looking chat traffic: the same seed gives the same bytes.
class Traffic
{
public:
    /// Words of message `index` (a Zipf-like mix of common and rare words, some Cyrillic).
    static QString text(qint64 index);
    /// Words that occur often, sometimes and rarely: search probes.
    static QStringList commonWords();
    static QStringList rareWords();
    /// Wire ids in revision-17 style (decimal uuid128).
    static QString flowUuid(int flow);
    static QString userUuid(int user);
    static QString messageUuid(qint64 index);
    /// Seconds since the epoch of message `index` (3 s apart, from mid 2020).
    static qint64 timeSeconds(qint64 index);
    /// One revision-17 all_messages frame: messages [first, first + count) of `flow` in a cache
    /// of `flows` flows (message i of flow f is global message i * flows + f). 206 unless `last`.
    static QByteArray allMessagesFrame(int flow, int flows, qint64 first, int count, bool last);
};

/// Milliseconds with a fraction, from a started timer.
inline double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}
double median(QList<double> values);
double percentile(QList<double> values, double p);

// The parts of a run; each adds its rows and keys to the report.
struct Ingest
{
    double msgsPerS = 0;
    double ratio = 0;
};
Ingest benchIngest(const Scale &scale, const QString &dir, Report &report);
/// Builds a cache of `messages` messages in `flows` flows at `file` through MessageStore;
/// returns messages per second.
double buildCache(const QString &file, int messages, int flows);
/// The same over the given flow ids (e.g. a test server's).
double buildCache(const QString &file, int messages, const QStringList &flowIds);
/// Open chat, search and memory figures on a built cache; `label` is "10k", "1M", ….
void benchCache(const QString &file, int flows, const QString &label, bool big, Report &report);
void benchSync(const Scale &scale, const QString &dir, Report &report);
/// The desktop app: start-up, opening a 100k chat, memory after scrolling it (benchui.cpp).
void benchUi(const Scale &scale, const QString &dir, Report &report);
/// The child process of the app figures: `baseline` or `app <dataDir>`.
int uiProbe(const QStringList &args);
/// The "Load" figure: the longest the event loop (the UI thread) stays blocked while a
/// Session syncs new messages into many flows of a big cache; against the same probe idle.
void benchUiBlock(const Scale &scale, const QString &dir, Report &report);
/// The child process of the memory probe: opens the cache and one chat, prints VmRSS.
int rssProbe(const QString &file, const QString &flowId);
/// VmRSS of this process in MB.
double rssMb();

} // namespace Natter::Bench
