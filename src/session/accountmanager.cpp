// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountmanager.h"

#include "accountcache.h"
#include "core/logging.h"
#include "session.h"
#include "signinflow.h"

#include <QDir>
#include <QFileInfo>
#include <QTimer>

namespace Natter {

struct AccountManager::Open
{
    SavedAccount account;
    ServerProfile profile;
    std::unique_ptr<AccountCache> cache; ///< declared first: the session goes before it
    std::unique_ptr<Session> session;
};

AccountManager::AccountManager(QString dataDir, SecretStore &secrets, QObject *parent)
    : QObject(parent),
      m_dataDir(std::move(dataDir)),
      m_secrets(secrets),
      m_registry(QDir(m_dataDir).filePath(QStringLiteral("accounts.json")))
{
    m_secrets.setInsecureFilePath(QDir(m_dataDir).filePath(QStringLiteral("secrets.insecure")));
}

AccountManager::~AccountManager()
{
    shutdown();
}

Error AccountManager::load()
{
    return m_registry.load();
}

ServerProfile AccountManager::currentProfile() const
{
    return m_registry.profile(currentAccount().profileId);
}

Session *AccountManager::session(const QString &key) const
{
    auto it = m_open.find(key);
    return it == m_open.end() ? nullptr : it->second->session.get();
}

AccountCache *AccountManager::cache(const QString &key) const
{
    auto it = m_open.find(key);
    return it == m_open.end() ? nullptr : it->second->cache.get();
}

Session *AccountManager::session() const
{
    return session(m_current);
}

AccountCache *AccountManager::cache() const
{
    return cache(m_current);
}

QString AccountManager::cacheFolder(const QString &key) const
{
    const SavedAccount account = m_registry.account(key);
    const ServerProfile profile = m_registry.profile(account.profileId);
    return QFileInfo(AccountCache::pathFor(m_dataDir, QUrl(profile.url), account.user.id))
        .absolutePath();
}

Error AccountManager::adopt(
    const ServerProfile &profile, const Account &account, bool remember, SecretPlace place)
{
    SavedAccount saved;
    saved.profileId = profile.id;
    saved.user = account.user;
    saved.remember = remember;
    saved.secretPlace = remember ? place : SecretPlace::Memory;
    const QString key = saved.key();
    switch (saved.secretPlace) {
    case SecretPlace::Memory:
        m_memorySecrets.insert(key, account.secret);
        break;
    case SecretPlace::Keychain:
    case SecretPlace::InsecureFile: {
        const Result<bool> written = withStoreFor(saved.secretPlace,
            [&](SecretStore &store) { return store.write(key, account.secret); });
        if (!written)
            return written.error();
        break;
    }
    }
    m_registry.upsertProfile(profile);
    m_registry.upsertAccount(saved);
    m_registry.setCurrentAccount(key);
    if (Error e = m_registry.save(); !e.isNone())
        qCWarning(lcSession) << "the account list was not saved:" << e;
    m_open.erase(key); // a fresh sign-in replaces a stale open session
    if (Error e = startSession(saved, account.secret); !e.isNone())
        return e;
    Q_EMIT accountsChanged();
    setCurrent(key);
    return {};
}

Result<QString> AccountManager::readSecret(const SavedAccount &account)
{
    if (account.secretPlace == SecretPlace::Memory)
        return m_memorySecrets.value(account.key());
    return withStoreFor(
        account.secretPlace, [&](SecretStore &store) { return store.read(account.key()); });
}

Error AccountManager::open(const QString &key)
{
    if (m_open.count(key)) {
        setCurrent(key);
        return {};
    }
    const SavedAccount account = m_registry.account(key);
    if (account.user.id.isEmpty())
        return Error::make(Error::Code::NotFound, QStringLiteral("no saved account %1").arg(key));
    Result<QString> secret = readSecret(account);
    if (!secret)
        return secret.error();
    if (secret->isEmpty())
        return Error::make(
            Error::Code::NotAuthenticated, QStringLiteral("no stored session for %1").arg(key));
    if (Error e = startSession(account, secret.value()); !e.isNone())
        return e;
    m_registry.setCurrentAccount(key);
    m_registry.save();
    setCurrent(key);
    return {};
}

Error AccountManager::switchTo(const QString &key)
{
    return open(key);
}

Error AccountManager::startSession(const SavedAccount &account, const QString &secret)
{
    const ServerProfile profile = m_registry.profile(account.profileId);
    if (!profile.isValid())
        return Error::make(Error::Code::NotFound,
            QStringLiteral("the server profile of %1 is gone").arg(account.key()));
    auto open = std::make_unique<Open>();
    open->account = account;
    open->profile = profile;
    open->cache = std::make_unique<AccountCache>();
    const QString path = AccountCache::pathFor(m_dataDir, QUrl(profile.url), account.user.id);
    if (Error e = open->cache->open(path); !e.isNone())
        return e;
    Result<std::shared_ptr<ProtocolClient>> client = createClientFor(profile);
    if (!client)
        return client.error();
    open->session = std::make_unique<Session>(client.value(), *open->cache);
    const QString key = account.key();
    connect(open->session.get(), &Session::stateChanged, this, [this, key](Session::State s) {
        if (s == Session::State::AuthFailed)
            Q_EMIT signInNeeded(key);
    });
    open->session->start(QUrl(profile.url), Account { account.user, secret });
    m_open[key] = std::move(open);
    return {};
}

void AccountManager::setCurrent(const QString &key)
{
    if (m_current == key)
        return;
    m_current = key;
    if (Session *s = session())
        s->setOpenFlow({});
    Q_EMIT currentChanged(key);
}

void AccountManager::forget(const QString &key)
{
    const SavedAccount account = m_registry.account(key);
    const QString folder = cacheFolder(key);
    if (m_current == key) {
        m_current.clear();
        Q_EMIT currentChanged({});
    }
    m_open.erase(key);
    m_memorySecrets.remove(key);
    if (account.secretPlace != SecretPlace::Memory) {
        const Result<bool> removed = withStoreFor(
            account.secretPlace, [&](SecretStore &store) { return store.remove(key); });
        if (!removed)
            qCWarning(lcSession) << "the stored session was not removed:" << removed.error();
    }
    m_registry.removeAccount(key);
    m_registry.save();
    // Each account's cache has a folder of its own: signing out leaves nothing readable behind.
    if (!account.user.id.isEmpty() && folder.startsWith(m_dataDir) && folder != m_dataDir)
        QDir(folder).removeRecursively();
    Q_EMIT accountsChanged();
}

void AccountManager::logout(const QString &key, const std::function<void()> &done, int timeoutMs)
{
    Session *s = session(key);
    if (!s || !s->client().capabilities().logout
        || s->client().connectionState() != ConnectionState::Connected) {
        forget(key);
        if (done)
            done();
        return;
    }
    auto finished = std::make_shared<bool>(false);
    auto finish = [this, key, done, finished] {
        if (*finished)
            return;
        *finished = true;
        forget(key);
        if (done)
            done();
    };
    ProtocolClient &client = s->client();
    const RequestId id = client.logout();
    connect(&client, &ProtocolClient::requestFinished, this, [id, finish](RequestId r) {
        if (r == id)
            QTimer::singleShot(0, finish);
    });
    connect(&client, &ProtocolClient::requestFailed, this, [id, finish](RequestId r) {
        if (r == id)
            QTimer::singleShot(0, finish);
    });
    QTimer::singleShot(timeoutMs, this, finish);
}

void AccountManager::deleteAccount(
    const QString &key, const QString &password, const std::function<void(const Error &)> &done)
{
    Session *s = session(key);
    if (!s) {
        done(Error::make(Error::Code::NotAuthenticated, QStringLiteral("the account is not open")));
        return;
    }
    ProtocolClient &client = s->client();
    if (!client.capabilities().deleteAccount) {
        done(Error::make(
            Error::Code::NotSupported, QStringLiteral("this server cannot delete accounts")));
        return;
    }
    const SavedAccount account = m_registry.account(key);
    Credentials credentials;
    credentials.login = account.user.login;
    credentials.name = account.user.name;
    credentials.password = password;
    const RequestId id = client.deleteAccount(credentials);
    auto answered = std::make_shared<bool>(false);
    connect(&client, &ProtocolClient::requestFinished, this,
        [this, id, key, done, answered](RequestId r) {
            if (r != id || *answered)
                return;
            *answered = true;
            QTimer::singleShot(0, this, [this, key, done] {
                forget(key);
                done({});
            });
        });
    connect(&client, &ProtocolClient::requestFailed, this,
        [id, done, answered](RequestId r, const Error &e) {
            if (r != id || *answered)
                return;
            *answered = true;
            done(e);
        });
}

void AccountManager::shutdown()
{
    for (auto &[key, open] : m_open)
        if (open->session)
            open->session->stop();
    m_open.clear();
    m_memorySecrets.clear();
}

} // namespace Natter
