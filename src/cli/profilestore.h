// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/user.h"

namespace Natter::Cli {

/// What natter-cli remembers between invocations for one profile. Never the secret itself:
/// only where it is (the keychain key, or the opted-in insecure file).
struct Profile
{
    QString server;
    QString protocol;
    User user; ///< empty id and login: not logged in
    bool insecureStore = false;
    /// SHA-256 of the one server certificate trusted although verification refuses it
    /// (Tls::normalizedPin form); empty: the usual verification only.
    QString pinnedCertificate;

    bool loggedIn() const { return !user.id.isEmpty(); }
    /// The secret store key of this profile's session.
    QString secretKey(const QString &profileName) const;
};

/// Profiles as small JSON files in `<data dir>/profiles/<name>.json`.
class ProfileStore
{
public:
    explicit ProfileStore(QString dataDir);

    QString dataDir() const { return m_dataDir; }
    /// The file of the insecure secret store (opt-in only).
    QString insecureSecretsPath() const;

    Result<Profile> load(const QString &name) const; ///< a missing profile is an empty one
    Result<bool> save(const QString &name, const Profile &profile) const;

    /// The platform data directory (QStandardPaths::AppDataLocation).
    static QString defaultDataDir();

private:
    QString pathFor(const QString &name) const;
    QString m_dataDir;
};

} // namespace Natter::Cli
