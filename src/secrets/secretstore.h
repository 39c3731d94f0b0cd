// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QHash>
#include <QString>

namespace Natter {

/// The only code that reads or writes secrets (auth_id, tokens). Passwords are never stored.
///
/// Backends, in order of preference:
/// - Keychain: the OS keychain through QtKeychain (Secret Service, macOS Keychain, Windows
///   Credential Manager).
/// - Memory: secrets live only as long as the process (chosen when no keychain is available and
///   the user declines the file store).
/// - InsecureFile: a 0600 file in the data directory, only when explicitly opted in; warns.
///
/// The API is synchronous: each call waits for its keychain job in a local event loop.
class SecretStore
{
public:
    enum class Backend { Keychain, Memory, InsecureFile };

    explicit SecretStore(QString service = QStringLiteral("Natter"));

    void setBackend(Backend backend) { m_backend = backend; }
    Backend backend() const { return m_backend; }
    /// The file the InsecureFile backend uses.
    void setInsecureFilePath(const QString &path) { m_filePath = path; }

    /// Checks that the keychain answers (a harmless read). NoSecretStore when it does not.
    Result<bool> probe();

    /// Empty string when no secret is stored under `key`.
    Result<QString> read(const QString &key);
    Result<bool> write(const QString &key, const QString &secret);
    Result<bool> remove(const QString &key);

private:
    Result<QString> keychainRead(const QString &key);
    Result<bool> keychainWrite(const QString &key, const QString &secret);
    Result<bool> keychainRemove(const QString &key);
    Result<QHash<QString, QString>> loadFile() const;
    Result<bool> saveFile(const QHash<QString, QString> &secrets) const;

    QString m_service;
    Backend m_backend = Backend::Keychain;
    QString m_filePath;
    QHash<QString, QString> m_memory;
};

} // namespace Natter
