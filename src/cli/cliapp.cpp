// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapp.h"

#include "core/version.h"
#include "protocol/clientfactory.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>

namespace Natter::Cli {

namespace {
const QString kDefaultServer = QStringLiteral("ws://127.0.0.1:8000/ws");
}

CliApp::CliApp(Options options, QObject *parent)
    : QObject(parent),
      m_options(std::move(options)),
      m_out(m_options.json),
      m_profiles(m_options.dataDir.isEmpty() ? ProfileStore::defaultDataDir() : m_options.dataDir)
{ }

CliApp::~CliApp() = default;

int CliApp::run()
{
    if (m_options.help) {
        std::fputs(usageText().toLocal8Bit().constData(), stdout);
        return 0;
    }
    if (m_options.version) {
        std::printf("natter-cli %s (%s)\n", NATTER_VERSION, NATTER_GIT_REVISION);
        return 0;
    }
    int code = execute();
    if (code == 0 && !m_options.pinCert.isEmpty())
        code = rememberPin();
    if (m_session)
        m_session->stop();
    if (m_client)
        m_client->disconnectFromServer();
    // The session and stores go before the cache's database, the cache before the client.
    m_session.reset();
    m_cache.reset();
    return code;
}

int CliApp::execute()
{
    const QString &c = m_options.command;
    if (c == QLatin1String("register"))
        return cmdRegister();
    if (c == QLatin1String("login"))
        return cmdLogin();
    if (c == QLatin1String("logout"))
        return cmdLogout();
    if (c == QLatin1String("whoami"))
        return cmdWhoami();
    if (c == QLatin1String("delete-account"))
        return cmdDeleteAccount();
    if (c == QLatin1String("unpin-cert"))
        return cmdUnpinCert();
    if (c == QLatin1String("flows"))
        return cmdFlows();
    if (c == QLatin1String("create-flow"))
        return cmdCreateFlow();
    if (c == QLatin1String("messages"))
        return cmdMessages();
    if (c == QLatin1String("send"))
        return cmdSend();
    if (c == QLatin1String("edit"))
        return cmdEdit();
    if (c == QLatin1String("delete"))
        return cmdDelete();
    if (c == QLatin1String("watch"))
        return cmdWatch();
    if (const int code = executeDistet(c); code >= 0)
        return code;
    if (c == QLatin1String("create-chat"))
        return cmdCreateChat();
    if (c == QLatin1String("recover"))
        return cmdRecover();
    if (c == QLatin1String("sync"))
        return cmdSync();
    if (c == QLatin1String("outbox"))
        return cmdOutbox();
    if (c == QLatin1String("search"))
        return cmdSearch();
    return fail(
        Error::make(Error::Code::InvalidArgument, QStringLiteral("unknown command %1").arg(c)));
}

int CliApp::fail(const Error &error) const
{
    m_out.error(error);
    return exitCodeFor(error);
}

Error CliApp::notLoggedIn() const
{
    return Error::make(Error::Code::NotAuthenticated,
        QStringLiteral("not logged in (profile %1); run: natter-cli login LOGIN")
            .arg(m_options.profile));
}

Result<bool> CliApp::prepare(bool needsSession, bool connect)
{
    Result<Profile> profile = m_profiles.load(m_options.profile);
    if (!profile)
        return profile.error();
    m_profile = profile.value();
    // Options given now win over the profile; a new server means a new session.
    if (!m_options.server.isEmpty() && m_options.server != m_profile.server) {
        if (needsSession && m_profile.loggedIn())
            return Error::make(Error::Code::NotAuthenticated,
                QStringLiteral("profile %1 is logged in to %2, not %3; log in again "
                               "or use another --profile")
                    .arg(m_options.profile, m_profile.server, m_options.server));
        m_profile.server = m_options.server;
        // A pin vouches for one server's certificate, not for whichever server comes next.
        m_profile.pinnedCertificate.clear();
    }
    if (!m_options.pinCert.isEmpty())
        m_profile.pinnedCertificate = m_options.pinCert;
    if (m_profile.server.isEmpty())
        m_profile.server = kDefaultServer;
    if (!m_options.protocol.isEmpty())
        m_profile.protocol = m_options.protocol;
    if (m_profile.protocol.isEmpty())
        m_profile.protocol = QStringLiteral("auto");

    if (m_options.insecureStore || (m_profile.insecureStore && needsSession)) {
        m_secrets.setBackend(SecretStore::Backend::InsecureFile);
        m_secrets.setInsecureFilePath(m_profiles.insecureSecretsPath());
    }

    Result<std::shared_ptr<ProtocolClient>> client
        = createClient(m_profile.protocol, QUrl(m_profile.server), m_profile.pinnedCertificate);
    if (!client)
        return client.error();
    m_client = client.value();
    wireClient();

    if (needsSession) {
        if (!m_profile.loggedIn())
            return notLoggedIn();
        if (m_options.offline)
            return true; // the cache needs no secret
        Result<QString> secret = m_secrets.read(m_profile.secretKey(m_options.profile));
        if (!secret)
            return secret.error();
        if (secret->isEmpty())
            return notLoggedIn();
        m_client->setAccount(Account { m_profile.user, secret.value() });
    }
    if (!connect)
        return true;
    return connectClient();
}

void CliApp::wireClient()
{
    ProtocolClient *c = m_client.get();
    connect(c, &ProtocolClient::registered, this,
        [this](RequestId id, const Account &a) { m_replies[id].account = a; });
    connect(c, &ProtocolClient::loggedIn, this,
        [this](RequestId id, const Account &a) { m_replies[id].account = a; });
    connect(c, &ProtocolClient::profileReceived, this,
        [this](RequestId id, const User &u) { m_replies[id].user = u; });
    connect(c, &ProtocolClient::flowsReceived, this, [this](RequestId id, const QList<Flow> &f) {
        if (id)
            m_replies[id].flows += f;
    });
    connect(c, &ProtocolClient::flowCreated, this,
        [this](RequestId id, const Flow &f) { m_replies[id].flows << f; });
    wireDistet();
    connect(c, &ProtocolClient::requestFinished, this,
        [this](RequestId id) { m_replies[id].done = true; });
    connect(c, &ProtocolClient::requestFailed, this, [this](RequestId id, const Error &e) {
        m_replies[id].error = e;
        m_replies[id].done = true;
    });
}

Result<bool> CliApp::connectClient()
{
    QEventLoop loop;
    Error error;
    auto stateConnection = connect(
        m_client.get(), &ProtocolClient::connectionStateChanged, &loop, [&](ConnectionState s) {
            if (s != ConnectionState::Connecting)
                loop.quit();
        });
    auto errorConnection = connect(m_client.get(), &ProtocolClient::connectionError, &loop,
        [&](const Error &e) { error = e; });
    QTimer::singleShot(m_client->requestTimeout(), &loop, [&] {
        error = Error::make(Error::Code::Timeout,
            QStringLiteral("no connection to %1 within %2 s")
                .arg(m_profile.server)
                .arg(m_client->requestTimeout() / 1000));
        loop.quit();
    });
    m_client->connectToServer(QUrl(m_profile.server));
    if (m_client->connectionState() == ConnectionState::Connecting)
        loop.exec();
    disconnect(stateConnection);
    disconnect(errorConnection);
    if (m_client->connectionState() == ConnectionState::Connected)
        return true;
    if (error.isNone())
        error = Error::make(Error::Code::NetworkUnreachable,
            QStringLiteral("cannot connect to %1").arg(m_profile.server));
    else
        error.message
            = QStringLiteral("cannot connect to %1: %2").arg(m_profile.server, error.message);
    return error;
}

CliApp::Reply CliApp::await(RequestId id)
{
    QEventLoop loop;
    auto done = [&] { return m_replies.value(id).done; };
    auto finished
        = connect(m_client.get(), &ProtocolClient::requestFinished, &loop, [&](RequestId r) {
              if (r == id)
                  loop.quit();
          });
    auto failed = connect(m_client.get(), &ProtocolClient::requestFailed, &loop, [&](RequestId r) {
        if (r == id)
            loop.quit();
    });
    if (!done())
        loop.exec();
    disconnect(finished);
    disconnect(failed);
    return m_replies.take(id);
}

Result<bool> CliApp::saveSession(const Account &account)
{
    m_profile.user = account.user;
    m_profile.insecureStore = m_secrets.backend() == SecretStore::Backend::InsecureFile;
    Result<bool> stored = m_secrets.write(m_profile.secretKey(m_options.profile), account.secret);
    if (!stored) {
        Error e = stored.error();
        if (e.code == Error::Code::NoSecretStore)
            e.message += QStringLiteral(". The session was not kept. Start a Secret Service "
                                        "(e.g. gnome-keyring) or rerun with --insecure-store to "
                                        "keep it in a file only your user can read");
        return e;
    }
    if (m_profile.insecureStore)
        m_out.note(QStringLiteral("warning: the session secret is kept unencrypted in %1")
                       .arg(m_profiles.insecureSecretsPath()));
    return m_profiles.save(m_options.profile, m_profile);
}

int CliApp::rememberPin()
{
    Result<Profile> stored = m_profiles.load(m_options.profile);
    if (!stored)
        return fail(stored.error());
    Profile profile = stored.value();
    const QString server = m_profile.server.isEmpty() ? profile.server : m_profile.server;
    if (!profile.server.isEmpty() && profile.server != server) {
        // The command went to another server than the profile keeps (e.g. recover --server).
        m_out.note(QStringLiteral("note: the pinned certificate was not kept: profile %1 is for %2")
                       .arg(m_options.profile, profile.server));
        return 0;
    }
    if (profile.pinnedCertificate == m_options.pinCert && profile.server == server)
        return 0;
    profile.server = server;
    profile.pinnedCertificate = m_options.pinCert;
    if (Result<bool> saved = m_profiles.save(m_options.profile, profile); !saved)
        return fail(saved.error());
    return 0;
}

int CliApp::cmdUnpinCert()
{
    Result<Profile> stored = m_profiles.load(m_options.profile);
    if (!stored)
        return fail(stored.error());
    Profile profile = stored.value();
    const QString pin = profile.pinnedCertificate;
    if (!pin.isEmpty()) {
        profile.pinnedCertificate.clear();
        if (Result<bool> saved = m_profiles.save(m_options.profile, profile); !saved)
            return fail(saved.error());
    }
    m_out.result(
        { { QStringLiteral("unpinned"), !pin.isEmpty() }, { QStringLiteral("sha256"), pin } },
        pin.isEmpty()
            ? QStringLiteral("Profile %1 has no pinned certificate.").arg(m_options.profile)
            : QStringLiteral("Profile %1 no longer trusts certificate %2.")
                  .arg(m_options.profile, pin));
    return 0;
}

} // namespace Natter::Cli
