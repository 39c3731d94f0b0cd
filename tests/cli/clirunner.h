// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

namespace Natter::Testing {

/// One run of the real natter-cli. The event loop keeps running while it works, so an
/// in-process server can answer it.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    /// Every stdout line parsed as a JSON object.
    QList<QJsonObject> objects() const
    {
        QList<QJsonObject> list;
        for (const QByteArray &line : out.split('\n'))
            if (!line.trimmed().isEmpty())
                list << QJsonDocument::fromJson(line).object();
        return list;
    }
    QJsonObject object() const { return objects().value(0); }
    QJsonObject errorObject() const
    {
        for (const QByteArray &line : err.split('\n'))
            if (line.startsWith('{'))
                return QJsonDocument::fromJson(line).object();
        return {};
    }
};

/// Whether `run` failed only for want of an OS keychain, where none is required: .ci/test
/// sets NATTER_REQUIRE_KEYCHAIN and runs a real one, so CI never skips for this.
inline bool keychainUnavailable(const CliRun &run)
{
    return run.exitCode == 3
        && run.errorObject().value(QLatin1String("error")).toString()
        == QLatin1String("no_secret_store")
        && qEnvironmentVariableIsEmpty("NATTER_REQUIRE_KEYCHAIN");
}

/// Ends the calling test function after a keychain login `run`: skipped when no keychain runs
/// (unless NATTER_REQUIRE_KEYCHAIN), failed when the login failed. A macro, because a QSKIP in a
/// helper function would end only the helper.
#define NATTER_LOGIN_OR_SKIP(run)                                                                  \
    do {                                                                                           \
        const Natter::Testing::CliRun loginRun = (run);                                            \
        if (Natter::Testing::keychainUnavailable(loginRun))                                        \
            QSKIP("no OS keychain here (.ci/test runs one)");                                      \
        QVERIFY2(loginRun.exitCode == 0, loginRun.err.constData());                                \
    } while (false)

inline CliRun runCli(const QStringList &arguments, const QByteArray &input = {},
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
    int timeoutMs = 60000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(NATTER_CLI_PATH), arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (finished.isEmpty() && !finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished(3000);
    }
    CliRun run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace Natter::Testing
