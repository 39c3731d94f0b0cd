// SPDX-License-Identifier: GPL-3.0-or-later
// natter-bench: the cache issue's figures on this machine, each next to a baseline measured in
// the same run. Prints a table, then one JSON line (only that line with --json).
#include "bench.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTemporaryDir>

using namespace Natter::Bench;

int main(int argc, char *argv[])
{
    // The app's probes need a QApplication of their own (benchui.cpp).
    if (argc > 1 && qstrcmp(argv[1], "--ui-probe") == 0) {
        QStringList args;
        for (int i = 2; i < argc; ++i)
            args << QString::fromLocal8Bit(argv[i]);
        return uiProbe(args);
    }
    QCoreApplication app(argc, argv);
    // The test server logs every request; a benchmark sends a hundred thousand.
    QLoggingCategory::setFilterRules(QStringLiteral("natter.*.debug=false\nnatter.*.info=false"));
    if (app.arguments().value(1) == QLatin1String("--rss-probe"))
        return rssProbe(app.arguments().value(2), app.arguments().value(3));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Natter cache and sync benchmark"));
    parser.addHelpOption();
    const QCommandLineOption quickOption(QStringLiteral("quick"),
        QStringLiteral("Small scale (10k/100k) for CI smoke; *_1m keys then measure 100k."));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), QStringLiteral("Print only the JSON line."));
    const QCommandLineOption onlyOption(QStringLiteral("only"),
        QStringLiteral("Run one part: ingest, cache, sync or load."), QStringLiteral("part"));
    const QCommandLineOption ingestOption(QStringLiteral("ingest-messages"),
        QStringLiteral("Messages for the ingest figure (for profiling)."), QStringLiteral("n"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
        QStringLiteral("Work folder (default: a temporary one, removed at exit)."),
        QStringLiteral("path"));
    parser.addOptions({ quickOption, jsonOption, onlyOption, ingestOption, dirOption });
    parser.process(app);

    Scale scale;
    if (parser.isSet(quickOption)) {
        scale.quick = true;
        scale.ingestMessages = 10000;
        scale.bigCache = 100000;
        scale.syncMessages = 10000;
        scale.sends = 1000;
    }
    if (parser.isSet(ingestOption))
        scale.ingestMessages = parser.value(ingestOption).toInt();
    const QString only = parser.value(onlyOption);
    const auto runs
        = [&](const char *part) { return only.isEmpty() || only == QLatin1String(part); };

    QTemporaryDir temporary;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    Report report;
    report.setScale(scale.quick ? QStringLiteral("quick") : QStringLiteral("full"));
    QElapsedTimer wall;
    wall.start();

    if (runs("ingest"))
        benchIngest(scale, dir, report);
    if (runs("cache")) {
        const QString small = dir + QLatin1String("/cache-small.sqlite");
        const QString big = dir + QLatin1String("/cache-big.sqlite");
        progress(QStringLiteral("cache: building %1 messages").arg(scale.smallCache));
        buildCache(small, scale.smallCache, scale.flows);
        progress(QStringLiteral("cache: building %1 messages").arg(scale.bigCache));
        const double rate = buildCache(big, scale.bigCache, scale.flows);
        report.addRow({ QLatin1String("build the ") % scale.bigLabel()
                % QLatin1String(" cache via MessageStore (500/batch, no JSON), msgs/s"),
            Report::number(rate, 0), {}, {}, {}, {} });
        benchCache(small, scale.flows, QStringLiteral("10k"), false, report);
        benchCache(big, scale.flows, scale.bigLabel(), true, report);
        report.addNote(QStringLiteral(
            "caches: %1 flows; the 10k cache has %2 messages per flow, the %3 cache %4. Open chat "
            "= MessageStore::newest(flow, 50), a different flow each run; raw = the same SELECT "
            "through sqlite3 reading every column (no attachment lookups, no QString). Memory = "
            "VmRSS of a child process that opened an AccountCache, listed flows, read 5 pages of "
            "one chat; baseline = its VmRSS before opening the cache.")
                           .arg(scale.flows)
                           .arg(scale.smallCache / scale.flows)
                           .arg(scale.bigLabel())
                           .arg(scale.bigCache / scale.flows));
    }
    if (runs("sync"))
        benchSync(scale, dir, report);
    if (runs("ui"))
        benchUi(scale, dir, report);
    if (runs("load"))
        benchUiBlock(scale, dir, report);
    report.addNote(QStringLiteral("scale %1, wall time %2 s")
                       .arg(scale.quick ? QStringLiteral("quick (the *_1m keys measure 100k)")
                                        : QStringLiteral("full"))
                       .arg(Report::number(wall.elapsed() / 1000.0, 0)));
    report.print(parser.isSet(jsonOption));
    return 0;
}
