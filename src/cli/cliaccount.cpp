// SPDX-License-Identifier: GPL-3.0-or-later
// natter-cli account commands: register, login, logout, whoami, delete-account.
#include "cliapp.h"
#include "passwordprompt.h"

namespace Natter::Cli {

int CliApp::cmdRegister()
{
    Credentials credentials;
    credentials.login = m_options.args.value(0);
    credentials.email = m_options.email;
    credentials.name = m_options.name.isEmpty() ? credentials.login : m_options.name;
    Result<QString> password
        = readPassword(m_options.passwordStdin, QStringLiteral("New password: "));
    if (!password)
        return fail(password.error());
    credentials.password = password.value();
    if (Result<bool> ready = prepare(false); !ready)
        return fail(ready.error());

    Reply reply = await(m_client->registerAccount(credentials));
    if (!reply.error.isNone())
        return fail(reply.error);
    Account account = reply.account;
    if (account.user.name.isEmpty())
        account.user.name = credentials.name;
    if (Result<bool> saved = saveSession(account); !saved)
        return fail(saved.error());
    m_out.account(account.user);
    if (m_client->protocolName() == QLatin1String("DisTet")) // DisTet addition
        m_out.note(QStringLiteral(
            "A confirmation code was mailed to %1; run: natter-cli confirm-email CODE")
                       .arg(credentials.email));
    return 0;
}

int CliApp::cmdLogin()
{
    Credentials credentials;
    credentials.login = m_options.args.value(0);
    Result<QString> password = readPassword(m_options.passwordStdin, QStringLiteral("Password: "));
    if (!password)
        return fail(password.error());
    credentials.password = password.value();
    if (Result<bool> ready = prepare(false); !ready)
        return fail(ready.error());

    Reply reply = await(m_client->login(credentials));
    if (!reply.error.isNone())
        return fail(reply.error);
    Account account = reply.account;
    // The login answer carries only id and secret: ask for the profile for the name.
    Reply profile = await(m_client->fetchProfile());
    if (profile.error.isNone() && !profile.user.id.isEmpty()) {
        account.user.name = profile.user.name;
        if (!profile.user.login.isEmpty())
            account.user.login = profile.user.login;
    }
    if (Result<bool> saved = saveSession(account); !saved)
        return fail(saved.error());
    m_out.account(account.user);
    return 0;
}

int CliApp::cmdLogout()
{
    Result<Profile> profile = m_profiles.load(m_options.profile);
    if (!profile)
        return fail(profile.error());
    m_profile = profile.value();
    if (!m_profile.loggedIn())
        return fail(notLoggedIn());
    // Tell the server where it has a logout; a dead server must not keep the secret alive.
    if (Result<bool> ready = prepare(true); ready) {
        Reply reply = await(m_client->logout());
        if (!reply.error.isNone())
            m_out.note(QStringLiteral("warning: the server did not confirm the logout: %1")
                           .arg(reply.error.message));
    } else {
        m_out.note(QStringLiteral("warning: %1; forgetting the session locally")
                       .arg(ready.error().message));
        if (m_profile.insecureStore) {
            m_secrets.setBackend(SecretStore::Backend::InsecureFile);
            m_secrets.setInsecureFilePath(m_profiles.insecureSecretsPath());
        }
    }
    const User user = m_profile.user;
    if (Result<bool> removed = m_secrets.remove(m_profile.secretKey(m_options.profile)); !removed)
        return fail(removed.error());
    m_profile.user = {};
    if (Result<bool> saved = m_profiles.save(m_options.profile, m_profile); !saved)
        return fail(saved.error());
    m_out.result(
        { { QStringLiteral("logged_out"), true }, { QStringLiteral("login"), user.login } },
        QStringLiteral("Logged out %1.").arg(user.login));
    return 0;
}

int CliApp::cmdWhoami()
{
    if (Result<bool> ready = prepare(true); !ready)
        return fail(ready.error());
    Reply reply = await(m_client->fetchProfile());
    if (!reply.error.isNone())
        return fail(reply.error);
    User user = reply.user;
    if (user.login.isEmpty())
        user.login = m_profile.user.login;
    m_out.account(user);
    return 0;
}

int CliApp::cmdDeleteAccount()
{
    Result<QString> password
        = readPassword(m_options.passwordStdin, QStringLiteral("Password (to confirm deletion): "));
    if (!password)
        return fail(password.error());
    if (Result<bool> ready = prepare(true); !ready)
        return fail(ready.error());
    if (!m_client->capabilities().deleteAccount)
        return fail(Error::make(
            Error::Code::NotSupported, QStringLiteral("this server cannot delete accounts")));
    Credentials credentials;
    credentials.login = m_profile.user.login;
    credentials.name = m_profile.user.name;
    credentials.password = password.value();
    Reply reply = await(m_client->deleteAccount(credentials));
    if (!reply.error.isNone())
        return fail(reply.error);
    const User user = m_profile.user;
    m_secrets.remove(m_profile.secretKey(m_options.profile));
    m_profile.user = {};
    if (Result<bool> saved = m_profiles.save(m_options.profile, m_profile); !saved)
        return fail(saved.error());
    m_out.result({ { QStringLiteral("deleted"), true }, { QStringLiteral("id"), user.id },
                     { QStringLiteral("login"), user.login } },
        QStringLiteral("Deleted account %1.").arg(user.login));
    return 0;
}

} // namespace Natter::Cli
