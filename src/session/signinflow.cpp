// SPDX-License-Identifier: GPL-3.0-or-later
#include "signinflow.h"

#include "core/logging.h"
#include "protocol/clientfactory.h"
#include "protocol/distet/distetclient.h"

namespace Natter {

Result<std::shared_ptr<ProtocolClient>> createClientFor(const ServerProfile &profile)
{
    Result<std::shared_ptr<ProtocolClient>> made
        = createClient(profile.protocol, QUrl(profile.url.trimmed()), profile.pinnedCertificate);
    if (!made)
        return made;
    if (auto *distet = qobject_cast<DistetClient *>(made->get()))
        distet->setClientCertificateHash(profile.clientCertHash);
    return made;
}

SignInFlow::SignInFlow(QObject *parent) : QObject(parent)
{
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        fail(Error::make(Error::Code::Timeout,
            QStringLiteral("no connection to %1 within %2 s")
                .arg(m_profile.url)
                .arg(m_connectTimeoutMs / 1000)));
    });
}

SignInFlow::~SignInFlow()
{
    dropClient();
}

bool SignInFlow::isBusy() const
{
    return m_stage == Stage::Connecting || m_stage == Stage::Authenticating
        || m_stage == Stage::LoadingProfile;
}

void SignInFlow::login(const ServerProfile &profile, const Credentials &credentials)
{
    start(profile, credentials, false);
}

void SignInFlow::registerAccount(const ServerProfile &profile, const Credentials &credentials)
{
    start(profile, credentials, true);
}

void SignInFlow::start(
    const ServerProfile &profile, const Credentials &credentials, bool registering)
{
    dropClient();
    m_profile = profile;
    m_credentials = credentials;
    m_registering = registering;
    m_account = {};
    m_connectError = {};
    Result<std::shared_ptr<ProtocolClient>> made = createClientFor(profile);
    if (!made) {
        fail(made.error());
        return;
    }
    m_client = made.value();
    ProtocolClient *c = m_client.get();
    connect(c, &ProtocolClient::connectionStateChanged, this, &SignInFlow::onConnectionState);
    connect(c, &ProtocolClient::connectionError, this,
        [this](const Error &error) { m_connectError = error; });
    connect(c, &ProtocolClient::loggedIn, this, &SignInFlow::onAuthenticated);
    connect(c, &ProtocolClient::registered, this, &SignInFlow::onAuthenticated);
    connect(c, &ProtocolClient::profileReceived, this, &SignInFlow::onProfile);
    connect(c, &ProtocolClient::requestFailed, this, &SignInFlow::onRequestFailed);
    connect(c, &ProtocolClient::requestFinished, this, &SignInFlow::onRequestFinished);
    setStage(Stage::Connecting);
    m_connectTimer.start(m_connectTimeoutMs);
    c->connectToServer(QUrl(profile.url.trimmed()));
}

void SignInFlow::onConnectionState(ConnectionState state)
{
    if (state == ConnectionState::Connected && m_stage == Stage::Connecting) {
        m_connectTimer.stop();
        setStage(Stage::Authenticating);
        m_authRequest = m_registering ? m_client->registerAccount(m_credentials)
                                      : m_client->login(m_credentials);
        return;
    }
    if (state != ConnectionState::Disconnected)
        return;
    if (m_stage == Stage::Connecting) {
        Error error = m_connectError;
        if (error.isNone())
            error = Error::make(Error::Code::NetworkUnreachable,
                QStringLiteral("cannot connect to %1").arg(m_profile.url));
        fail(error);
    } else if (isBusy()) {
        fail(m_connectError.isNone() ? Error::make(Error::Code::ConnectionLost,
                 QStringLiteral("the connection closed while signing in"))
                                     : m_connectError);
    }
}

void SignInFlow::onAuthenticated(RequestId id, const Account &account)
{
    if (id != m_authRequest)
        return;
    m_account = account;
    if (m_account.user.login.isEmpty())
        m_account.user.login = m_credentials.login;
    if (m_account.user.name.isEmpty())
        m_account.user.name = m_credentials.name;
    if (m_account.user.email.isEmpty())
        m_account.user.email = m_credentials.email;
}

void SignInFlow::onProfile(RequestId id, const User &user)
{
    if (id != m_profileRequest || user.id.isEmpty())
        return;
    if (!user.name.isEmpty())
        m_account.user.name = user.name;
    if (!user.login.isEmpty())
        m_account.user.login = user.login;
    if (!user.email.isEmpty())
        m_account.user.email = user.email;
    if (!user.avatar.isEmpty())
        m_account.user.avatar = user.avatar;
}

void SignInFlow::onRequestFinished(RequestId id)
{
    if (id == m_authRequest) {
        m_authRequest = 0;
        if (m_account.secret.isEmpty() && m_account.user.id.isEmpty()) {
            fail(Error::make(Error::Code::UnexpectedResponse,
                QStringLiteral("the server accepted the sign-in but sent no session")));
            return;
        }
        m_client->setAccount(m_account);
        setStage(Stage::LoadingProfile);
        m_profileRequest = m_client->fetchProfile();
    } else if (id == m_profileRequest) {
        m_profileRequest = 0;
        finish();
    } else if (id == m_codeRequest) {
        m_codeRequest = 0;
        setStage(Stage::LoadingProfile);
        m_profileRequest = m_client->fetchProfile();
    } else if (id == m_newCodeRequest) {
        m_newCodeRequest = 0;
        Q_EMIT newEmailCodeSent();
    }
}

void SignInFlow::onRequestFailed(RequestId id, const Error &error)
{
    if (id == m_authRequest) {
        m_authRequest = 0;
        fail(error);
    } else if (id == m_profileRequest) {
        m_profileRequest = 0;
        if (error.code == Error::Code::EmailNotConfirmed) {
            setStage(Stage::AwaitingEmailCode);
            Q_EMIT emailCodeNeeded(
                m_account.user.email.isEmpty() ? m_credentials.login : m_account.user.email);
        } else if (error.code == Error::Code::NotSupported) {
            finish(); // the login answer is all this server tells about us
        } else {
            fail(error);
        }
    } else if (id == m_codeRequest) {
        m_codeRequest = 0;
        Q_EMIT emailCodeRefused(error);
    } else if (id == m_newCodeRequest) {
        m_newCodeRequest = 0;
        Q_EMIT emailCodeRefused(error);
    }
}

void SignInFlow::submitEmailCode(const QString &code)
{
    if (m_stage != Stage::AwaitingEmailCode || !m_client || m_codeRequest)
        return;
    m_codeRequest = m_client->confirmEmail(code.trimmed());
}

void SignInFlow::requestNewEmailCode()
{
    if (m_stage != Stage::AwaitingEmailCode || !m_client || m_newCodeRequest)
        return;
    m_newCodeRequest = m_client->requestEmailCode(
        m_account.user.email.isEmpty() ? m_credentials.email : m_account.user.email);
}

void SignInFlow::cancel()
{
    if (m_stage == Stage::Done || m_stage == Stage::Idle)
        return;
    dropClient();
    setStage(Stage::Idle);
    later({});
}

void SignInFlow::fail(const Error &error)
{
    qCInfo(lcSession) << "sign-in failed:" << error;
    dropClient();
    setStage(Stage::Failed);
    later([this, error] { Q_EMIT failed(error); });
}

void SignInFlow::finish()
{
    // The session makes its own connection; this one has done its job.
    dropClient();
    setStage(Stage::Done);
    later([this] { Q_EMIT succeeded(m_profile, m_account); });
}

void SignInFlow::dropClient()
{
    m_connectTimer.stop();
    m_authRequest = m_profileRequest = m_codeRequest = m_newCodeRequest = 0;
    if (!m_client)
        return;
    m_client->disconnect(this);
    m_client->disconnectFromServer();
    // Deleted from the event loop: we may be inside one of its signals now.
    m_retired.push_back(std::move(m_client));
}

void SignInFlow::later(std::function<void()> work)
{
    // Outcomes are delivered from the event loop, never from inside the client's signal: the
    // receiver may run a nested loop (the keychain) and the client must outlive its handler.
    QMetaObject::invokeMethod(
        this,
        [this, work = std::move(work)] {
            m_retired.clear();
            if (work)
                work();
        },
        Qt::QueuedConnection);
}

void SignInFlow::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

} // namespace Natter
