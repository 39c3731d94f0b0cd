// SPDX-License-Identifier: GPL-3.0-or-later
// natter-testserver: run one local test server until SIGINT or SIGTERM.
// stdout gets exactly one line, "natter-testserver listening on <url>"; logs go to stderr.
#include "chaos.h"
#include "testserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Natter::Testing;

namespace {
volatile std::sig_atomic_t s_stopRequested = 0;

void requestStop(int)
{
    s_stopRequested = 1;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "natter-testserver: %s\n", qPrintable(message));
    return 2;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"natter-testserver"_s);
    if (qEnvironmentVariableIsEmpty("QT_MESSAGE_PATTERN"))
        qSetMessagePattern(u"%{time hh:mm:ss.zzz} %{category} %{type}: %{message}"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Local MoreliaTalk test server. Demo accounts (--seed-demo): alice, bob, carol;"
        " password \"demo\"."_s);
    parser.addHelpOption();
    const QCommandLineOption protocolOption(u"protocol"_s,
        u"Protocol: %1 (morelia = morelia-r17)."_s.arg(protocolNames().join(u", "_s)), u"name"_s,
        u"morelia-r17"_s);
    const QCommandLineOption hostOption(
        u"host"_s, u"Address to listen on."_s, u"address"_s, u"127.0.0.1"_s);
    const QCommandLineOption portOption(u"port"_s, u"Port, 0 = any free port."_s, u"N"_s, u"0"_s);
    const QCommandLineOption dataOption(
        u"data"_s, u"SQLite file, or :memory:."_s, u"file"_s, u":memory:"_s);
    const QCommandLineOption seedOption(u"seed-demo"_s, u"Create the demo users and flows."_s);
    const QCommandLineOption garbageOption(
        u"close-on-garbage"_s, u"Close the socket on a non-JSON frame instead of answering 400."_s);
    const QCommandLineOption silentOption(
        u"silent-on"_s, u"Never answer this method."_s, u"method"_s);
    const QCommandLineOption dropOption(
        u"drop-on"_s, u"Abort the connection on the first request of this method."_s, u"method"_s);
    const QCommandLineOption activationOption(u"require-activation"_s,
        u"distet: refuse most operations until the e-mail code (printed in the log) is confirmed."_s);
    parser.addOptions({ protocolOption, hostOption, portOption, dataOption, seedOption,
        garbageOption, silentOption, dropOption, activationOption });
    const QCommandLineOption chaosOption(u"chaos"_s,
        u"WebSocket protocols: delay, drop, reorder, garble answers and restart at random,"
        " deterministically for this seed."_s,
        u"seed"_s);
    const QCommandLineOption chaosRatesOption(u"chaos-rates"_s,
        u"Chaos rates, e.g. delay=0.2,max-delay=300,reorder=0.05,drop=0.005,drop-after=0.005,"
        "garbage=0.02,restart=0.001,restart-min=500,restart-max=2000 (these are the defaults)."_s,
        u"list"_s);
    parser.addOptions({ chaosOption, chaosRatesOption });
    const QCommandLineOption tlsCertOption(u"tls-cert"_s,
        u"Serve wss:// or https:// with this PEM certificate (needs --tls-key)."_s, u"file"_s);
    const QCommandLineOption tlsKeyOption(
        u"tls-key"_s, u"The unencrypted PEM private key of --tls-cert."_s, u"file"_s);
    parser.addOptions({ tlsCertOption, tlsKeyOption });
    parser.process(app);

    const auto protocol = protocolFromName(parser.value(protocolOption));
    if (!protocol)
        return fail(u"unknown protocol \"%1\"; use one of: %2"_s.arg(
            parser.value(protocolOption), protocolNames().join(u", "_s)));
    bool portOk = false;
    const auto port = parser.value(portOption).toUShort(&portOk);
    if (!portOk)
        return fail(u"invalid port \"%1\""_s.arg(parser.value(portOption)));
    const QHostAddress host(parser.value(hostOption));
    if (host.isNull())
        return fail(u"invalid host address \"%1\""_s.arg(parser.value(hostOption)));

    TestServer server(*protocol);
    if (!server.open(parser.value(dataOption)))
        return fail(u"cannot open %1: %2"_s.arg(parser.value(dataOption), server.errorString()));
    if (parser.isSet(seedOption))
        server.seedDemo();
    if (parser.isSet(tlsCertOption) != parser.isSet(tlsKeyOption))
        return fail(u"--tls-cert and --tls-key go together"_s);
    if (parser.isSet(tlsCertOption)
        && !server.setTlsCertificate(parser.value(tlsCertOption), parser.value(tlsKeyOption)))
        return fail(u"cannot load the certificate %1 and key %2"_s.arg(
            parser.value(tlsCertOption), parser.value(tlsKeyOption)));
    if (parser.isSet(chaosOption)) {
        bool seedOk = false;
        ChaosOptions chaos;
        chaos.seed = parser.value(chaosOption).toULongLong(&seedOk);
        if (!seedOk)
            return fail(u"invalid chaos seed \"%1\""_s.arg(parser.value(chaosOption)));
        QString error;
        const auto options = ChaosOptions::parse(parser.value(chaosRatesOption), chaos, &error);
        if (!options)
            return fail(error);
        if (!server.enableChaos(*options))
            return fail(u"--chaos needs a WebSocket protocol"_s);
    }

    server.setCloseOnGarbage(parser.isSet(garbageOption));
    server.setRequireEmailActivation(parser.isSet(activationOption));
    for (const auto &method : parser.values(silentOption))
        server.setSilentOnMethod(method);
    if (parser.isSet(dropOption))
        server.setDropOnMethod(parser.value(dropOption));
    if (!server.listen(host, port))
        return fail(u"cannot listen on %1:%2: %3"_s.arg(host.toString())
                        .arg(port)
                        .arg(server.errorString()));

    std::printf("natter-testserver listening on %s\n", qPrintable(server.url().toString()));
    std::fflush(stdout);

    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    // Signal handlers may only set a flag; the event loop polls it.
    QTimer stopPoll;
    QObject::connect(&stopPoll, &QTimer::timeout, &app, [] {
        if (s_stopRequested)
            QCoreApplication::quit();
    });
    stopPoll.start(50);
    const int code = QCoreApplication::exec();
    server.close();
    return code;
}
