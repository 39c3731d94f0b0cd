// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocolclient.h"
#include "serverprofile.h"

#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace Natter {

/// Makes and configures the client a profile asks for (protocol, DisTet certificate hash,
/// pinned TLS certificate).
Result<std::shared_ptr<ProtocolClient>> createClientFor(const ServerProfile &profile);

/// One sign-in attempt, from connecting to a loaded profile: log in or register, then, where
/// the server wants the email confirmed first (DisTet), wait for the mailed code.
/// It ends with exactly one succeeded() or failed(), or with cancel().
class SignInFlow : public QObject
{
    Q_OBJECT
public:
    enum class Stage {
        Idle,
        Connecting,
        Authenticating,
        LoadingProfile,
        AwaitingEmailCode, ///< waiting for submitEmailCode()
        Done,
        Failed,
    };
    Q_ENUM(Stage)

    explicit SignInFlow(QObject *parent = nullptr);
    ~SignInFlow() override;

    void login(const ServerProfile &profile, const Credentials &credentials);
    void registerAccount(const ServerProfile &profile, const Credentials &credentials);
    void submitEmailCode(const QString &code);
    /// Mails a new code to the email given at registration (or the login).
    void requestNewEmailCode();
    void cancel();

    Stage stage() const { return m_stage; }
    bool isBusy() const;
    ServerProfile profile() const { return m_profile; }
    Account account() const { return m_account; }
    /// How long connecting may take before it fails with Timeout.
    void setConnectTimeout(int ms) { m_connectTimeoutMs = ms; }

Q_SIGNALS:
    void stageChanged(Natter::SignInFlow::Stage stage);
    void succeeded(const Natter::ServerProfile &profile, const Natter::Account &account);
    void failed(const Natter::Error &error);
    /// The server wants the email confirmed: ask for the code that was mailed to `email`.
    void emailCodeNeeded(const QString &email);
    /// A code submitted was refused; the flow stays at AwaitingEmailCode.
    void emailCodeRefused(const Natter::Error &error);
    void newEmailCodeSent();

private:
    void start(const ServerProfile &profile, const Credentials &credentials, bool registering);
    void setStage(Stage stage);
    void onConnectionState(ConnectionState state);
    void onAuthenticated(RequestId id, const Account &account);
    void onProfile(RequestId id, const User &user);
    void onRequestFailed(RequestId id, const Error &error);
    void onRequestFinished(RequestId id);
    void fail(const Error &error);
    void finish();
    void dropClient();
    void later(std::function<void()> work);

    std::shared_ptr<ProtocolClient> m_client;
    std::vector<std::shared_ptr<ProtocolClient>> m_retired; ///< dropped, deleted soon
    ServerProfile m_profile;
    Credentials m_credentials;
    Account m_account;
    bool m_registering = false;
    Stage m_stage = Stage::Idle;
    Error m_connectError;
    QTimer m_connectTimer;
    int m_connectTimeoutMs = 15000;
    RequestId m_authRequest = 0;
    RequestId m_profileRequest = 0;
    RequestId m_codeRequest = 0;
    RequestId m_newCodeRequest = 0;
};

} // namespace Natter
