// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/version.h"

#include <QApplication>
#include <QMainWindow>

#include <cstdio>
#include <cstring>

int main(int argc, char *argv[])
{
    // Answered before any window system is touched, so it works on a headless machine.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("Natter %s (revision %s)\n", NATTER_VERSION, NATTER_GIT_REVISION);
            return 0;
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Natter"));
    QApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));
    QMainWindow window;
    window.show();
    return app.exec();
}
