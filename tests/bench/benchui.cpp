// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app's figures: start-up to the first painted main window with a cached account,
// opening a chat of 100,000 messages until it is painted, and the memory after scrolling
// through all of them. Each runs in a child process (a real start-up: exec, libraries, Qt),
// next to a baseline measured the same way in the same run.
#include "appcontroller.h"
#include "bench.h"
#include "models/messagelistmodel.h"
#include "secrets/secretstore.h"
#include "session/accountcache.h"
#include "session/serverprofile.h"
#include "ui/chatlistpane.h"
#include "ui/mainwindow.h"
#include "ui/messagepane.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QListView>
#include <QMainWindow>
#include <QProcess>
#include <QScrollBar>
#include <QStringListModel>
#include <QTcpServer>
#include <QTimer>
#include <QToolButton>

#include <cstdio>

namespace Natter::Bench {

namespace {

const QString kBigFlow = QStringLiteral("big-flow");
const QString kSmallFlow = QStringLiteral("small-flow");
const QString kUser = QStringLiteral("bench-user");

/// Runs the event loop until `widget` has been painted; false after `timeoutMs`.
bool waitPainted(QWidget *widget, int timeoutMs = 60000)
{
    struct Filter : QObject
    {
        bool painted = false;
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (event->type() == QEvent::Paint)
                painted = true;
            return false;
        }
    } filter;
    widget->installEventFilter(&filter);
    QElapsedTimer clock;
    clock.start();
    while (!filter.painted && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    widget->removeEventFilter(&filter);
    return filter.painted;
}

void say(const QByteArray &line)
{
    std::fputs(line.constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

/// A data folder with one saved account whose cache holds `messages` in one chat (plus 199
/// small chats), its session secret in the opt-in file store, and a server that is not there.
void buildDataDir(const QString &dataDir, int messages)
{
    QDir(dataDir).removeRecursively();
    QDir().mkpath(dataDir);
    // A port nobody listens on: the app starts offline, from the cache, and keeps retrying.
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();

    ServerProfile profile;
    profile.id = QStringLiteral("bench");
    profile.name = QStringLiteral("Bench server");
    profile.url = QStringLiteral("ws://127.0.0.1:%1/ws").arg(port);
    profile.protocol = QStringLiteral("morelia-r17");
    SavedAccount account;
    account.profileId = profile.id;
    account.user
        = { kUser, QStringLiteral("bench"), QStringLiteral("Bench User"), {}, {}, {}, false };
    account.secretPlace = SecretPlace::InsecureFile;
    AccountRegistry registry(QDir(dataDir).filePath(QStringLiteral("accounts.json")));
    registry.upsertProfile(profile);
    registry.upsertAccount(account);
    registry.setCurrentAccount(account.key());
    if (!registry.save().isNone())
        qFatal("cannot write the bench account list");
    SecretStore secrets;
    secrets.setBackend(SecretStore::Backend::InsecureFile);
    secrets.setInsecureFilePath(QDir(dataDir).filePath(QStringLiteral("secrets.insecure")));
    if (!secrets.write(account.key(), QStringLiteral("bench-secret")))
        qFatal("cannot write the bench secret");

    AccountCache cache;
    const QString file = AccountCache::pathFor(dataDir, QUrl(profile.url), kUser);
    QDir().mkpath(QFileInfo(file).absolutePath());
    if (!cache.open(file).isNone())
        qFatal("cannot open the bench cache");
    cache.users().setOwnUser(account.user);
    QList<Flow> flows;
    flows << Flow { kBigFlow, Flow::Type::Group, QStringLiteral("Big chat"), {}, 0, {}, {} };
    flows << Flow { kSmallFlow, Flow::Type::Chat, QStringLiteral("Small chat"), {}, 0, {}, {} };
    for (int i = 0; i < 198; ++i)
        flows << Flow { QStringLiteral("flow-%1").arg(i), Flow::Type::Group,
            QStringLiteral("Chat %1").arg(i), {}, 0, {}, {} };
    cache.flows().upsertFlows(flows);
    QList<User> users;
    for (int u = 0; u < 20; ++u)
        users << User { Traffic::userUuid(u), QStringLiteral("user%1").arg(u),
            QStringLiteral("User %1").arg(u), {}, {}, {}, false };
    cache.users().upsertUsers(users);
    const auto message = [&](const QString &flow, qint64 i) {
        Message m;
        m.id = flow + QLatin1Char('-') + QString::number(i);
        m.flowId = flow;
        m.fromId = i % 7 == 0 ? kUser : Traffic::userUuid(int(i % 20));
        m.text = Traffic::text(i);
        m.time = Traffic::timeSeconds(i) * 1000;
        return m;
    };
    QList<Message> batch;
    for (qint64 i = 0; i < messages; ++i) {
        batch << message(kBigFlow, i);
        if (batch.size() == 5000) {
            cache.messages().insertOrUpdateMessages(std::exchange(batch, {}));
            progress(QStringLiteral("ui: %1 of %2 messages cached").arg(i + 1).arg(messages));
        }
    }
    for (int i = 0; i < 20; ++i)
        batch << message(kSmallFlow, i);
    for (int f = 0; f < 198; ++f)
        batch << message(QStringLiteral("flow-%1").arg(f), f);
    cache.messages().insertOrUpdateMessages(batch);
}

double rssOfProbe()
{
    return rssMb();
}

} // namespace

int uiProbe(const QStringList &args)
{
    // --ui-probe baseline | app <dataDir>
    const QString mode = args.value(0);
    QApplication::setOrganizationName(QStringLiteral("NatterBench"));
    int argc = 1;
    char name[] = "natter-bench";
    char *argv[] = { name, nullptr };
    QApplication app(argc, argv);
    if (mode == QLatin1String("baseline")) {
        // The same toolkit's floor: a bare main window with a three-row list.
        QMainWindow window;
        QStringListModel model({ QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") });
        auto *view = new QListView(&window);
        view->setModel(&model);
        window.setCentralWidget(view);
        window.resize(1100, 720);
        window.show();
        if (!waitPainted(view->viewport()))
            return 2;
        say("painted");
        say(QByteArray::number(rssMb()));
        return 0;
    }
    AppController::Options options;
    options.dataDir = args.value(1);
    options.settingsFile = QDir(options.dataDir).filePath(QStringLiteral("settings.ini"));
    AppController controller(options);
    controller.start();
    controller.window().resize(1100, 720);
    auto *list = controller.window().chatList()->findChild<QListView *>();
    if (!list || !waitPainted(list->viewport()))
        return 3;
    say("painted");

    // Open a small chat, then the big one: each until its messages are painted.
    MessagePane *pane = controller.window().messagePane();
    auto *view = pane->findChild<QListView *>(QStringLiteral("messageView"));
    if (!view)
        return 4;
    QElapsedTimer timer;
    timer.start();
    controller.chats().openFlow(kSmallFlow);
    if (!waitPainted(view->viewport()))
        return 5;
    const double smallMs = elapsedMs(timer);
    timer.restart();
    controller.chats().openFlow(kBigFlow);
    if (!waitPainted(view->viewport()))
        return 6;
    const double bigMs = elapsedMs(timer);
    say(QByteArray::number(smallMs) + ' ' + QByteArray::number(bigMs));
    const double rssOpen = rssOfProbe();

    // Scroll to the top again and again: every older page comes in until the whole history
    // has been on screen.
    MessageListModel &model = controller.chats().messages();
    // Every message that came into the view on the way up (the model lets go of the newest
    // ones beyond its window, so its row count is not how far the scroll got).
    qint64 passed = model.rowCount();
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, &model,
        [&passed](const QModelIndex &, int first, int last) { passed += last - first + 1; });
    timer.restart();
    int guard = 0;
    // RSS at each quarter of the way: flat means it stops growing once the window is full.
    const qint64 total = model.cache()->messages().count(model.flowId());
    QList<double> quarters;
    // Capped at two minutes; the figure says how far it got.
    while (model.canFetchMore({}) && guard++ < 100000 && timer.elapsed() < 120000) {
        view->verticalScrollBar()->setValue(0);
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (view->verticalScrollBar()->value() == 0)
            model.fetchMore({}); // as the view would at the top
        if (quarters.size() < 3 && passed * 4 >= total * (quarters.size() + 1))
            quarters << rssOfProbe();
    }
    const double scrollMs = elapsedMs(timer);
    // And back down with the jump button: the newest page again.
    if (auto *jump = view->findChild<QToolButton *>(QStringLiteral("jumpToBottomButton")))
        jump->click();
    QCoreApplication::processEvents();
    say(QByteArray::number(passed) + ' ' + QByteArray::number(scrollMs) + ' '
        + QByteArray::number(rssOpen) + ' ' + QByteArray::number(rssOfProbe()) + ' '
        + QByteArray::number(model.rowCount()));
    QByteArray curve;
    for (const double mb : std::as_const(quarters))
        curve += QByteArray::number(mb, 'f', 1) + ' ';
    say(curve.trimmed());
    return 0;
}

void benchUi(const Scale &scale, const QString &dir, Report &report)
{
    // --quick (the CI smoke) caches 2k: the keys keep their names, the figures are not the issue's.
    const int messages = scale.quick ? 2000 : 100000;
    const QString dataDir = dir + QLatin1String("/ui-data");
    progress(QStringLiteral("ui: caching %1 messages for the app").arg(messages));
    buildDataDir(dataDir, messages);
    const auto run = [&](const QStringList &args, QList<QByteArray> *lines) {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(env);
        QElapsedTimer timer;
        timer.start();
        child.start(QCoreApplication::applicationFilePath(),
            QStringList { QStringLiteral("--ui-probe") } + args);
        double firstLineMs = -1;
        while (child.state() != QProcess::NotRunning || child.canReadLine()) {
            if (!child.canReadLine() && !child.waitForReadyRead(180000))
                break;
            while (child.canReadLine()) {
                const QByteArray line = child.readLine().trimmed();
                if (firstLineMs < 0)
                    firstLineMs = elapsedMs(timer);
                lines->append(line);
            }
        }
        child.waitForFinished(180000);
        if (child.exitCode() != 0)
            qFatal("ui probe %s failed (exit %d): %s", qPrintable(args.join(QLatin1Char(' '))),
                child.exitCode(), child.readAllStandardError().constData());
        return firstLineMs;
    };
    // Three runs each, the median: start-up is noisy on a shared machine.
    QList<double> baseline, startup;
    QList<QByteArray> appLines;
    for (int i = 0; i < 3; ++i) {
        QList<QByteArray> lines;
        baseline << run({ QStringLiteral("baseline") }, &lines);
        appLines.clear();
        startup << run({ QStringLiteral("app"), dataDir }, &appLines);
    }
    const double baseMs = median(baseline);
    const double startMs = median(startup);
    const QList<QByteArray> open = appLines.value(1).split(' ');
    const QList<QByteArray> scrolled = appLines.value(2).split(' ');
    const double smallOpen = open.value(0).toDouble();
    const double bigOpen = open.value(1).toDouble();
    const int rows = scrolled.value(0).toInt();
    const double scrollMs = scrolled.value(1).toDouble();
    const double rssOpen = scrolled.value(2).toDouble();
    const double rssScrolled = scrolled.value(3).toDouble();
    const int windowRows = scrolled.value(4).toInt();
    const QString curve
        = QString::fromLatin1(appLines.value(3)).replace(u' ', QStringLiteral(", "));

    report.addRow({ QStringLiteral("app: start-up to the painted main window, cached account, ms"),
        Report::number(startMs), Report::number(baseMs) % QLatin1String(" bare window"),
        Report::number(baseMs > 0 ? startMs / baseMs : 0, 2), QStringLiteral("< 400 ms"),
        Report::verdict(startMs < 400) });
    report.addRow({ QStringLiteral("app: open a chat of 100k messages until painted, ms"),
        Report::number(bigOpen), Report::number(smallOpen) % QLatin1String(" 20-message chat"),
        Report::number(smallOpen > 0 ? bigOpen / smallOpen : 0, 2), QStringLiteral("< 50 ms"),
        Report::verdict(bigOpen < 50) });
    report.addRow({ QStringLiteral("app: RSS after scrolling through %1 messages, MB").arg(rows),
        Report::number(rssScrolled), Report::number(rssOpen) % QLatin1String(" chat just opened"),
        Report::number(rssOpen > 0 ? rssScrolled / rssOpen : 0, 2), QStringLiteral("< 200 MB"),
        Report::verdict(rssScrolled < 200 && rows >= messages) });
    report.addNote(QStringLiteral(
        "app figures: each in a child process on the offscreen platform (the median of 3 runs for "
        "start-up, measured from exec to the chat list's first paint; the baseline is a bare "
        "QMainWindow with a 3-row list the same way). The account's server is down, so the app "
        "starts from its cache. Scrolling = scroll to the top until the whole history was loaded "
        "(%1 ms for %2 rows; the model holds a window of at most %3, %4 after jumping back to "
        "the newest). RSS after a quarter, half and three quarters of the way: %5 MB.")
                       .arg(Report::number(scrollMs, 0))
                       .arg(rows)
                       .arg(MessageListModel::DefaultWindowSize)
                       .arg(windowRows)
                       .arg(curve));
    report.setKey(QStringLiteral("startup_ms"), startMs);
    report.setKey(QStringLiteral("open_chat_painted_ms_100k"), bigOpen);
    report.setKey(QStringLiteral("rss_mb_scrolled_100k"), rssScrolled);
}

} // namespace Natter::Bench
