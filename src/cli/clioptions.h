// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QStringList>

namespace Natter::Cli {

/// Everything natter-cli was asked to do, parsed and validated.
struct Options
{
    QString server; ///< empty: the profile's, then the default
    QString protocol; ///< empty: the profile's, then "auto"
    QString profile = QStringLiteral("default");
    QString dataDir; ///< empty: the platform data directory
    bool json = false;
    bool passwordStdin = false;
    bool insecureStore = false;
    bool verbose = false;
    bool offline = false; ///< read the local cache only, never connect
    /// --pin-cert: the server certificate to trust, normalised (64 lowercase hex digits);
    /// empty when not given. Kept in the profile once the command succeeds.
    QString pinCert;
    bool help = false;
    bool version = false;

    QString command;
    QStringList args; ///< the command's positional arguments

    // command options
    QString email;
    QString name;
    QString knownUsername; ///< recover --username
    QString flowType;
    QString title;
    QStringList members;
    qint64 sinceMs = 0;
    int limit = 0; ///< 0 = no limit
    QStringList files;
    int count = 0; ///< watch: stop after this many messages (0 = until interrupted)
    int timeoutSec = 0; ///< watch: stop after this many seconds (0 = until interrupted)
    int pollMs = 2000; ///< watch: polling interval for servers that do not push
    QString note; ///< friend-add --note
    QString flowFilter; ///< search: only this flow
    bool serverSearch = false; ///< search: ask the server (DisTet) instead of the local index
};

/// Parses argv (without the program name). Usage errors come back as InvalidArgument.
Result<Options> parseOptions(const QStringList &arguments);

QString usageText();

/// Accepts Unix seconds, Unix milliseconds or an ISO-8601 date.
std::optional<qint64> parseTime(const QString &text);

} // namespace Natter::Cli
