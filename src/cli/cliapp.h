// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clioptions.h"
#include "clioutput.h"
#include "profilestore.h"
#include "protocol/protocolclient.h"
#include "secrets/secretstore.h"
#include "session/accountcache.h"
#include "session/session.h"

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
        QList<Contact> contacts; ///< DisTet additions (clidistet.cpp)
        QStringList members;
        QList<Message> found;
        bool done = false;
    };

    int execute();
    /// Loads the profile, makes the client and, unless `connect` is false, connects it.
    Result<bool> prepare(bool needsSession, bool connect = true);
    /// Opens the logged-in account's local cache.
    Result<bool> openCache();
    /// Logged in, cache open, a Session started and its first sync done (or the reason why not).
    Result<bool> startSession(bool showProgress = false);
    /// Runs the event loop until `done()` holds, the session fails for good, or `timeoutMs`.
    bool waitFor(const std::function<bool()> &done, int timeoutMs);
    /// A cached message as printed: author names filled in from the cache.
    void printCached(QList<Message> messages);
    Result<bool> connectClient();
    Reply await(RequestId id);
    void wireClient();
    int fail(const Error &error) const;
    /// Keeps --pin-cert in the profile after a successful command.
    int rememberPin();
    Error notLoggedIn() const;
    Result<bool> saveSession(const Account &account);
    /// Fills in author names the server left out (revision 17 sends only the author's id).
    void resolveAuthorNames(QList<Message> &messages);

    int cmdRegister();
    int cmdLogin();
    int cmdLogout();
    int cmdWhoami();
    int cmdDeleteAccount();
    /// Forgets the profile's pinned certificate, without connecting.
    int cmdUnpinCert();
    int cmdFlows();
    int cmdCreateFlow();
    int cmdMessages();
    int cmdSend();
    int cmdEdit();
    int cmdDelete();
    int cmdWatch();
    // DisTet additions (clidistet.cpp)
    void wireDistet();
    int cmdConfirmEmail();
    int cmdContacts(const QList<Contact::Kind> &kinds);
    int cmdFriendOp();
    int cmdMembers();
    int cmdKick();
    /// `search TEXT --server`: SearchRequest on the server (exit 6 where there is none).
    int cmdServerSearch();
    /// Runs a DisTet-only command; -1 when `command` is not one.
    int executeDistet(const QString &command);
    // wsmode additions (cliwsmode.cpp)
    int cmdCreateChat();
    int cmdRecover();
    int cmdSync();
    int cmdOutbox();
    int cmdSearch();

    Options m_options;
    Output m_out;
    ProfileStore m_profiles;
    Profile m_profile;
    SecretStore m_secrets;
    std::shared_ptr<ProtocolClient> m_client;
    QHash<RequestId, Reply> m_replies;
    std::unique_ptr<AccountCache> m_cache;
    std::unique_ptr<Session> m_session;
    QHash<QString, QString> m_names; ///< user id → display name, looked up once per run
};

} // namespace Natter::Cli
