// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/user.h"

#include <QList>
#include <QString>

namespace Natter {

/// A server the user connects to, as saved on the login page.
struct ServerProfile
{
    QString id; ///< stable, generated once
    QString name; ///< what the user calls it
    QString url; ///< ws://, wss://, http:// or https://
    QString protocol = QStringLiteral("auto"); ///< one of protocolNames()
    QString clientCertHash; ///< DisTet `hashcert`; empty: the built-in one
    QString pinnedCertificate; ///< SHA-256 hex of a certificate the user trusts; empty: none

    bool isValid() const { return !id.isEmpty() && !url.isEmpty(); }
    bool operator==(const ServerProfile &) const = default;

    /// The profile the app starts with: the local demo server of the README.
    static ServerProfile localDemo();
};

/// Where an account's session secret is kept.
enum class SecretPlace {
    Keychain, ///< the OS keychain (the default)
    Memory, ///< this run only: no keychain was available and the user chose not to keep it
    InsecureFile, ///< explicit opt-in, warned about
};

/// An account this device has signed in to. Never holds the secret, only where it is.
struct SavedAccount
{
    QString profileId;
    User user;
    bool remember = true; ///< false: the secret is dropped when the app quits
    SecretPlace secretPlace = SecretPlace::Keychain;

    /// "<profileId>/<userId>": the account's key in the registry and in the secret store.
    QString key() const { return profileId + QLatin1Char('/') + user.id; }
    bool operator==(const SavedAccount &) const = default;
};

/// The app-wide list of server profiles and saved accounts: a small JSON file in the data
/// directory. Writes go through a temporary file, so a full disk never truncates it.
class AccountRegistry
{
public:
    explicit AccountRegistry(QString filePath);

    /// Reads the file; a missing file gives the local demo profile and no account.
    Error load();
    Error save() const;
    QString filePath() const { return m_path; }

    QList<ServerProfile> profiles() const { return m_profiles; }
    ServerProfile profile(const QString &id) const;
    /// Adds or replaces by id (a profile without an id gets one). Returns the stored profile.
    ServerProfile upsertProfile(ServerProfile profile);
    void removeProfile(const QString &id);

    QList<SavedAccount> accounts() const { return m_accounts; }
    SavedAccount account(const QString &key) const;
    void upsertAccount(const SavedAccount &account);
    void removeAccount(const QString &key);
    /// The account the app opens at start, empty when none.
    QString currentAccount() const { return m_current; }
    void setCurrentAccount(const QString &key) { m_current = key; }

private:
    QString m_path;
    QList<ServerProfile> m_profiles;
    QList<SavedAccount> m_accounts;
    QString m_current;
};

} // namespace Natter
