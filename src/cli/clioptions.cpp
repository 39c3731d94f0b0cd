// SPDX-License-Identifier: GPL-3.0-or-later
#include "clioptions.h"

#include "protocol/tlscheck.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

namespace Natter::Cli {

namespace {

struct CommandSpec
{
    int minArgs;
    int maxArgs;
    QSet<QString> options; ///< command options it accepts
};

const QHash<QString, CommandSpec> &commands()
{
    static const QHash<QString, CommandSpec> table = {
        { QStringLiteral("register"),
            { 1, 1, { QStringLiteral("--email"), QStringLiteral("--name") } } },
        { QStringLiteral("login"), { 1, 1, {} } },
        { QStringLiteral("logout"), { 0, 0, {} } },
        { QStringLiteral("whoami"), { 0, 0, {} } },
        { QStringLiteral("unpin-cert"), { 0, 0, {} } },
        { QStringLiteral("flows"), { 0, 0, {} } },
        { QStringLiteral("create-flow"),
            { 0, 0,
                { QStringLiteral("--type"), QStringLiteral("--title"),
                    QStringLiteral("--member") } } },
        { QStringLiteral("messages"),
            { 1, 1, { QStringLiteral("--since"), QStringLiteral("--limit") } } },
        { QStringLiteral("send"), { 2, 2, { QStringLiteral("--file") } } },
        { QStringLiteral("edit"), { 3, 3, {} } },
        { QStringLiteral("delete"), { 2, 2, {} } },
        { QStringLiteral("watch"),
            { 0, 1,
                { QStringLiteral("--count"), QStringLiteral("--timeout"),
                    QStringLiteral("--poll") } } },
        { QStringLiteral("delete-account"), { 0, 0, {} } },
        // DisTet additions (clidistet.cpp)
        { QStringLiteral("confirm-email"), { 1, 1, {} } },
        { QStringLiteral("friends"), { 0, 0, {} } },
        { QStringLiteral("friend-requests"), { 0, 0, {} } },
        { QStringLiteral("friend-add"), { 1, 1, { QStringLiteral("--note") } } },
        { QStringLiteral("friend-accept"), { 1, 1, {} } },
        { QStringLiteral("friend-cancel"), { 1, 1, {} } },
        { QStringLiteral("friend-remove"), { 1, 1, {} } },
        { QStringLiteral("block"), { 1, 1, {} } },
        { QStringLiteral("unblock"), { 1, 1, {} } },
        { QStringLiteral("blocked"), { 0, 0, {} } },
        { QStringLiteral("members"), { 1, 1, {} } },
        { QStringLiteral("kick"), { 2, 2, {} } },
        // wsmode additions
        { QStringLiteral("create-chat"), { 1, 1, {} } },
        { QStringLiteral("recover"),
            { 1, 1, { QStringLiteral("--email"), QStringLiteral("--username") } } },
        { QStringLiteral("sync"), { 0, 0, {} } },
        { QStringLiteral("outbox"), { 0, 0, {} } },
        { QStringLiteral("search"),
            { 1, 1, { QStringLiteral("--flow"), QStringLiteral("--limit") } } },
    };
    return table;
}

Error usage(const QString &message)
{
    return Error::make(Error::Code::InvalidArgument, message);
}

bool isGlobalValueOption(const QString &o)
{
    return o == QLatin1String("--server") || o == QLatin1String("--protocol")
        || o == QLatin1String("--profile") || o == QLatin1String("--data-dir")
        || o == QLatin1String("--pin-cert");
}

/// The pin in the form Tls::normalizedPin keeps, or nothing when `text` is not a SHA-256 in hex
/// (64 digits, colons and spaces allowed between them).
std::optional<QString> parsePin(const QString &text)
{
    const QString pin = Tls::normalizedPin(text);
    if (pin.size() != 64)
        return std::nullopt;
    for (const QChar c : pin) {
        const bool hex = (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
        if (!hex)
            return std::nullopt;
    }
    return pin;
}

} // namespace

std::optional<qint64> parseTime(const QString &text)
{
    bool ok = false;
    const double number = text.toDouble(&ok);
    if (ok && number >= 0)
        return number > 1e11 ? qint64(number) : qint64(number * 1000.0);
    const QDateTime date = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (date.isValid())
        return date.toMSecsSinceEpoch();
    return std::nullopt;
}

Result<Options> parseOptions(const QStringList &arguments)
{
    Options o;
    QStringList positional;
    for (int i = 0; i < arguments.size(); ++i) {
        QString arg = arguments.at(i);
        QString value;
        bool hasInlineValue = false;
        if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            value = arg.section(QLatin1Char('='), 1);
            arg = arg.section(QLatin1Char('='), 0, 0);
            hasInlineValue = true;
        }
        const auto takeValue = [&]() -> std::optional<QString> {
            if (hasInlineValue)
                return value;
            if (i + 1 >= arguments.size())
                return std::nullopt;
            return arguments.at(++i);
        };

        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            o.help = true;
        } else if (arg == QLatin1String("--version")) {
            o.version = true;
        } else if (arg == QLatin1String("--json")) {
            o.json = true;
        } else if (arg == QLatin1String("--password-stdin")) {
            o.passwordStdin = true;
        } else if (arg == QLatin1String("--insecure-store")) {
            o.insecureStore = true;
        } else if (arg == QLatin1String("--verbose") || arg == QLatin1String("-v")) {
            o.verbose = true;
        } else if (arg == QLatin1String("--offline")) {
            o.offline = true;
        } else if (arg == QLatin1String("--server-search")
            || (arg == QLatin1String("--server") && o.command == QLatin1String("search"))) {
            o.serverSearch = true;
        } else if (arg == QLatin1String("--password") || arg == QLatin1String("-p")) {
            return usage(QStringLiteral("passwords are never taken from the command line; use "
                                        "--password-stdin or type it at the prompt"));
        } else if (isGlobalValueOption(arg)
            || (arg.startsWith(QLatin1String("--")) && !o.command.isEmpty()
                && commands().value(o.command).options.contains(arg))) {
            const auto v = takeValue();
            if (!v)
                return usage(QStringLiteral("%1 needs a value").arg(arg));
            if (arg == QLatin1String("--server"))
                o.server = *v;
            else if (arg == QLatin1String("--protocol"))
                o.protocol = *v;
            else if (arg == QLatin1String("--profile"))
                o.profile = *v;
            else if (arg == QLatin1String("--data-dir"))
                o.dataDir = *v;
            else if (arg == QLatin1String("--pin-cert")) {
                const auto pin = parsePin(*v);
                if (!pin)
                    return usage(QStringLiteral("--pin-cert takes the certificate's SHA-256 "
                                                "fingerprint: 64 hex digits, colons allowed"));
                o.pinCert = *pin;
            } else if (arg == QLatin1String("--email"))
                o.email = *v;
            else if (arg == QLatin1String("--name"))
                o.name = *v;
            else if (arg == QLatin1String("--username"))
                o.knownUsername = *v;
            else if (arg == QLatin1String("--type"))
                o.flowType = *v;
            else if (arg == QLatin1String("--title"))
                o.title = *v;
            else if (arg == QLatin1String("--note"))
                o.note = *v;
            else if (arg == QLatin1String("--member"))
                o.members << *v;
            else if (arg == QLatin1String("--file"))
                o.files << *v;
            else if (arg == QLatin1String("--flow"))
                o.flowFilter = *v;
            else if (arg == QLatin1String("--since")) {
                const auto t = parseTime(*v);
                if (!t)
                    return usage(
                        QStringLiteral("--since takes Unix seconds, milliseconds or an ISO date"));
                o.sinceMs = *t;
            } else {
                bool ok = false;
                const int n = v->toInt(&ok);
                if (!ok || n < 0)
                    return usage(QStringLiteral("%1 takes a whole number").arg(arg));
                if (arg == QLatin1String("--limit"))
                    o.limit = n;
                else if (arg == QLatin1String("--count"))
                    o.count = n;
                else if (arg == QLatin1String("--timeout"))
                    o.timeoutSec = n;
                else
                    o.pollMs = std::max(100, n);
            }
        } else if (arg.startsWith(QLatin1String("--")) && arg.size() > 2) {
            return usage(QStringLiteral("unknown option %1").arg(arg));
        } else if (o.command.isEmpty()) {
            if (!commands().contains(arg))
                return usage(QStringLiteral("unknown command %1").arg(arg));
            o.command = arg;
        } else {
            positional << arguments.at(i);
        }
    }
    if (o.help || o.version)
        return o;
    if (o.command.isEmpty())
        return usage(QStringLiteral("no command given"));
    const CommandSpec spec = commands().value(o.command);
    if (positional.size() < spec.minArgs || positional.size() > spec.maxArgs)
        return usage(QStringLiteral("wrong number of arguments for %1").arg(o.command));
    o.args = positional;
    if (o.command == QLatin1String("create-flow") && (o.flowType.isEmpty() || o.title.isEmpty()))
        return usage(QStringLiteral("create-flow needs --type and --title"));
    if (o.command == QLatin1String("unpin-cert") && !o.pinCert.isEmpty())
        return usage(QStringLiteral("unpin-cert and --pin-cert contradict each other"));
    if (o.command == QLatin1String("recover") && o.email.isEmpty() == o.knownUsername.isEmpty())
        return usage(QStringLiteral("recover needs either --email E or --username U"));
    return o;
}

QString usageText()
{
    return QStringLiteral(
        "Usage: natter-cli [--server URL] [--protocol "
        "auto|morelia|morelia-2020|morelia-r17|wsmode|distet]\n"
        "                  [--profile NAME] [--data-dir DIR] [--json] [--password-stdin]\n"
        "                  [--insecure-store] [--offline] [--verbose] [--pin-cert SHA256]\n"
        "                  COMMAND [ARGS]\n"
        "\n"
        "Account:\n"
        "  register LOGIN [--email E] [--name NAME]   create an account and log in\n"
        "  login LOGIN                                log in; the session is kept in the OS "
        "keychain\n"
        "  logout                                     end the session and forget its secret\n"
        "  whoami                                     show the logged-in account\n"
        "  delete-account                             delete the account (asks for the password)\n"
        "  recover LOGIN --email E | --username U     ask the server to recover an account (mode)\n"
        "  confirm-email CODE                         confirm the account's e-mail (DisTet)\n"
        "  unpin-cert                                 stop trusting the profile's pinned "
        "certificate\n"
        "\n"
        "Chats and messages (read from the local cache after a sync):\n"
        "  flows                                      list chats, groups and channels\n"
        "  create-flow --type chat|group|channel --title T [--member ID]...\n"
        "  create-chat USER                           start a personal chat (username or numeric "
        "id)\n"
        "  messages FLOW [--since T] [--limit N]      messages of a flow (T: Unix s/ms or ISO "
        "date)\n"
        "  send FLOW TEXT [--file PATH]...            send a message, with attachments\n"
        "  edit FLOW MESSAGE TEXT                     change the text of your message\n"
        "  delete FLOW MESSAGE                        delete your message\n"
        "  watch [FLOW] [--count N] [--timeout S] [--poll MS]\n"
        "                                             print new messages until interrupted\n"
        "  sync                                       bring the cache up to date, send the outbox\n"
        "  outbox                                     messages waiting to be sent, or refused\n"
        "  search TEXT [--flow FLOW] [--limit N]      search the cached messages (full-text "
        "index)\n"
        "  search TEXT --server                       search on the server (DisTet)\n"
        "\n"
        "Friends and groups on the server (DisTet; elsewhere they exit 6):\n"
        "  friends | friend-requests | blocked        friends, requests both ways, blocked users\n"
        "  friend-add ID [--note N]                   send a friend request\n"
        "  friend-accept ID | friend-cancel ID | friend-remove ID\n"
        "  block ID | unblock ID                      manage the server's blacklist\n"
        "  members FLOW                               list the members of a flow\n"
        "  kick FLOW USER                             remove a member from a flow\n"
        "\n"
        "DisTet logs in by e-mail: give the address as LOGIN.\n"
        "--insecure-store keeps the session secret in a file (only when no OS keychain runs).\n"
        "--offline reads flows, messages and search results from the cache without connecting.\n"
        "--verbose prints protocol diagnostics on standard error.\n"
        "--pin-cert SHA256 trusts the server certificate with this SHA-256 fingerprint (hex,\n"
        "colons allowed) although it is self-signed or otherwise refused; once the command\n"
        "succeeds the profile keeps trusting it. A refused certificate's fingerprint is shown\n"
        "in the error: compare it with the server operator's before pinning it.\n"
        "Passwords come from --password-stdin or a hidden prompt, never from the command line.\n"
        "Exit codes: 0 ok, 2 usage, 3 authentication, 4 network, 5 refused by the server,\n"
        "6 not supported by this server.\n");
}

} // namespace Natter::Cli
