// SPDX-License-Identifier: GPL-3.0-or-later
// natter: the desktop app.
#include "appcontroller.h"
#include "core/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>
#include <cstring>

namespace {

Natter::AppController::Options parseOptions(const QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main",
        "Natter, a desktop messenger for MoreliaTalk, mode "
        "WS-server and DisTet servers."));
    parser.addHelpOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
        QApplication::translate("main", "Keep accounts and caches in <dir>."),
        QStringLiteral("dir"));
    const QCommandLineOption server(QStringLiteral("server"),
        QApplication::translate("main", "Select (or add) the server at <url> on the sign-in page."),
        QStringLiteral("url"));
    const QCommandLineOption protocol(QStringLiteral("protocol"),
        QApplication::translate("main",
            "The protocol of --server: auto, morelia, morelia-2020, "
            "morelia-r17, wsmode or distet."),
        QStringLiteral("name"), QStringLiteral("auto"));
    const QCommandLineOption login(QStringLiteral("login"),
        QApplication::translate("main", "Fill in <login> on the sign-in page."),
        QStringLiteral("login"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
        QApplication::translate("main", "Read a password from standard input and sign in."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QApplication::translate(
            "main", "Once the chats are shown and synced, save the window to <png> and quit."),
        QStringLiteral("png"));
    const QCommandLineOption minimized(QStringLiteral("minimized"),
        QApplication::translate("main", "Start hidden in the system tray."));
    parser.addOptions({ dataDir, server, protocol, login, passwordStdin, screenshot, minimized });
    parser.process(app);

    Natter::AppController::Options options;
    options.dataDir = parser.value(dataDir);
    options.server = parser.value(server);
    options.protocol = parser.value(protocol);
    options.login = parser.value(login);
    options.screenshot = parser.value(screenshot);
    options.startMinimized = parser.isSet(minimized);
    if (parser.isSet(passwordStdin)) {
        QTextStream in(stdin);
        options.password = in.readLine();
    }
    return options;
}

} // namespace

int main(int argc, char *argv[])
{
    // Answered before any window system is touched, so it works on a headless machine.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("Natter %s (revision %s)\n", NATTER_VERSION, NATTER_GIT_REVISION);
            return 0;
        }
    }
    QApplication::setOrganizationName(QStringLiteral("Natter"));
    QApplication::setApplicationName(QStringLiteral("Natter"));
    QApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.natter.Natter"));
    QApplication app(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false);

    Natter::AppController controller(parseOptions(app));
    if (const int code = controller.start(); code != 0)
        return code;
    return app.exec();
}
