// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clioptions.h"
#include "clioutput.h"
#include "profilestore.h"
#include "protocol/protocolclient.h"
#include "secrets/secretstore.h"

#include <QHash>
#include <QSet>

#include <memory>

namespace Natter::Cli {

/// Runs one natter-cli command to completion and returns the process exit code.
/// Commands are written in a straight line: each request is awaited in a local event loop.
class CliApp : public QObject
{
    Q_OBJECT
public:
    explicit CliApp(Options options, QObject *parent = nullptr);
    ~CliApp() override;

    int run();

private:
    /// Everything one request produced.
    struct Reply
    {
        Error error;
        Account account;
        User user;
        QList<Flow> flows;
        QList<Message> messages;
        QString serverId;
        qint64 serverTimeMs = 0;
        bool done = false;
    };

    int execute();
    Result<bool> prepare(bool needsSession);
    Result<bool> connectClient();
    Reply await(RequestId id);
    void wireClient();
    int fail(const Error &error) const;
    Error notLoggedIn() const;
    Result<bool> saveSession(const Account &account);
    /// Fills in author names the server left out (revision 17 sends only the author's id).
    void resolveAuthorNames(QList<Message> &messages);

    int cmdRegister();
    int cmdLogin();
    int cmdLogout();
    int cmdWhoami();
    int cmdDeleteAccount();
    int cmdFlows();
    int cmdCreateFlow();
    int cmdMessages();
    int cmdSend();
    int cmdEdit();
    int cmdDelete();
    int cmdWatch();

    Options m_options;
    Output m_out;
    ProfileStore m_profiles;
    Profile m_profile;
    SecretStore m_secrets;
    std::shared_ptr<ProtocolClient> m_client;
    QHash<RequestId, Reply> m_replies;
    QList<Message> m_pushed; ///< messages that arrived without a request
    QHash<QString, QString> m_names; ///< user id → display name, looked up once per run
};

} // namespace Natter::Cli
