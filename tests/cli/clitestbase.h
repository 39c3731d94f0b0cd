// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clirunner.h"
#include "testserver.h"

#include <QTemporaryDir>

#include <memory>

namespace Natter::Testing {

/// What the per-backend CLI tests share: a seeded in-process server, a data directory, and
/// natter-cli runs with --json against both.
class CliTestBase : public QObject
{
protected:
    bool startServer(Protocol protocol)
    {
        m_server = std::make_unique<TestServer>(protocol);
        if (!m_server->listen(QHostAddress::LocalHost, 0))
            return false;
        m_server->seedDemo();
        m_dir = std::make_unique<QTemporaryDir>();
        return m_dir->isValid();
    }
    void stopServer()
    {
        m_server.reset();
        m_dir.reset();
    }
    CliRun cli(const QStringList &args, const QByteArray &input = {},
        const QString &profile = QStringLiteral("default")) const
    {
        return runCli(QStringList { QStringLiteral("--json"), QStringLiteral("--server"),
                          m_server->url().toString(), QStringLiteral("--data-dir"), m_dir->path(),
                          QStringLiteral("--profile"), profile }
                + args,
            input);
    }
    /// Logs `login` in with the demo password.
    CliRun login(const QString &login, const QString &profile = QStringLiteral("default")) const
    {
        return cli({ QStringLiteral("--password-stdin"), QStringLiteral("login"), login }, "demo\n",
            profile);
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace Natter::Testing
