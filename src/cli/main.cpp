// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapp.h"
#include "clioptions.h"
#include "clioutput.h"
#include "core/version.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Natter"));
    QCoreApplication::setApplicationName(QStringLiteral("natter"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    const bool json = arguments.contains(QStringLiteral("--json"));
    Natter::Result<Natter::Cli::Options> options = Natter::Cli::parseOptions(arguments);
    if (!options) {
        Natter::Cli::Output(json).error(options.error());
        if (!json)
            std::fputs("Run natter-cli --help for usage.\n", stderr);
        return 2;
    }
    if (!options->verbose)
        QLoggingCategory::setFilterRules(
            QStringLiteral("natter.*.info=false\nnatter.*.debug=false"));
    Natter::Cli::CliApp cli(options.value());
    return cli.run();
}
