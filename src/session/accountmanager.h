// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "secrets/secretstore.h"
#include "serverprofile.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <map>
#include <memory>

namespace Natter {

class AccountCache;
class Session;

/// The accounts of this device: which exist (AccountRegistry), where their secrets are
/// (SecretStore, or memory for this run), and the open ones, each with its own cache and
/// Session. One of them is current: the one the window shows. The others keep syncing.
class AccountManager : public QObject
{
    Q_OBJECT
public:
    /// `dataDir` holds accounts.json and one cache folder per account.
    AccountManager(QString dataDir, SecretStore &secrets, QObject *parent = nullptr);
    ~AccountManager() override;

    Error load();
    QString dataDir() const { return m_dataDir; }
    AccountRegistry &registry() { return m_registry; }
    QList<SavedAccount> accounts() const { return m_registry.accounts(); }

    /// Takes over a signed-in account: keeps its secret where `place` says (the keychain by
    /// default: NoSecretStore when there is none, so the UI can offer another place), saves it
    /// to the registry, opens its cache, starts its Session and makes it current.
    Error adopt(const ServerProfile &profile, const Account &account, bool remember,
        SecretPlace place = SecretPlace::Keychain);
    /// Opens a saved account from its cache and resumes its session with the stored secret.
    /// NotAuthenticated when the secret is gone (the user must sign in again).
    Error open(const QString &key);
    /// Makes an open (or saved) account current.
    Error switchTo(const QString &key);

    QString currentKey() const { return m_current; }
    SavedAccount currentAccount() const { return m_registry.account(m_current); }
    ServerProfile currentProfile() const;
    Session *session() const; ///< the current account's, null when none
    AccountCache *cache() const; ///< the current account's, null when none
    Session *session(const QString &key) const;
    AccountCache *cache(const QString &key) const;
    /// The folder the caches live in for `key` (for "open data folder", sizes).
    QString cacheFolder(const QString &key) const;

    /// Signs the current account out: tells the server where it can (waiting at most
    /// `timeoutMs`), forgets the secret, closes and deletes the local cache. `done` runs after.
    void logout(const QString &key, const std::function<void()> &done = {}, int timeoutMs = 3000);
    /// Deletes the account on the server (confirmed with the password), then as logout.
    void deleteAccount(const QString &key, const QString &password,
        const std::function<void(const Error &)> &done);
    /// Stops every session; secrets of accounts not remembered are dropped.
    void shutdown();

Q_SIGNALS:
    void currentChanged(const QString &key);
    void accountsChanged();
    /// The server refused the stored session of `key`: the user must sign in again.
    void signInNeeded(const QString &key);

private:
    struct Open;
    Error startSession(const SavedAccount &account, const QString &secret);
    Result<QString> readSecret(const SavedAccount &account);
    void forget(const QString &key);
    /// Runs `op` on the secret store switched to the backend of `place` (keychain or file),
    /// then switches it back to the keychain.
    template <typename Op>
    auto withStoreFor(SecretPlace place, Op op)
    {
        m_secrets.setBackend(place == SecretPlace::InsecureFile ? SecretStore::Backend::InsecureFile
                                                                : SecretStore::Backend::Keychain);
        auto result = op(m_secrets);
        m_secrets.setBackend(SecretStore::Backend::Keychain);
        return result;
    }
    void setCurrent(const QString &key);

    QString m_dataDir;
    SecretStore &m_secrets;
    AccountRegistry m_registry;
    std::map<QString, std::unique_ptr<Open>> m_open;
    QHash<QString, QString> m_memorySecrets; ///< secrets kept for this run only
    QString m_current;
};

} // namespace Natter
