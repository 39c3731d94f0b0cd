// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include "core/logging.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace Natter {

namespace {

constexpr int kJobTimeoutMs = 15000;

/// Runs a keychain job to completion. Returns the job's error (NoError on success).
QKeychain::Error runJob(QKeychain::Job &job, QString *errorString)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(kJobTimeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!finished)
        loop.exec();
    if (!finished) {
        *errorString
            = QStringLiteral("the keychain did not answer within %1 s").arg(kJobTimeoutMs / 1000);
        return QKeychain::NoBackendAvailable;
    }
    *errorString = job.errorString();
    return job.error();
}

Error keychainError(QKeychain::Error error, const QString &detail)
{
    const bool missing = error == QKeychain::NoBackendAvailable
        || error == QKeychain::NotImplemented || error == QKeychain::OtherError;
    return Error::make(missing ? Error::Code::NoSecretStore : Error::Code::StorageFailure,
        QStringLiteral("OS keychain: %1").arg(detail));
}

} // namespace

SecretStore::SecretStore(QString service) : m_service(std::move(service)) { }

Result<bool> SecretStore::probe()
{
    if (m_backend != Backend::Keychain)
        return true;
    Result<QString> r = keychainRead(QStringLiteral("natter-probe"));
    if (!r)
        return r.error();
    return true;
}

Result<QString> SecretStore::read(const QString &key)
{
    switch (m_backend) {
    case Backend::Keychain:
        return keychainRead(key);
    case Backend::Memory:
        return m_memory.value(key);
    case Backend::InsecureFile: {
        auto all = loadFile();
        if (!all)
            return all.error();
        return all->value(key);
    }
    }
    return QString();
}

Result<bool> SecretStore::write(const QString &key, const QString &secret)
{
    switch (m_backend) {
    case Backend::Keychain:
        return keychainWrite(key, secret);
    case Backend::Memory:
        m_memory.insert(key, secret);
        return true;
    case Backend::InsecureFile: {
        auto all = loadFile();
        if (!all)
            return all.error();
        all.value().insert(key, secret);
        return saveFile(all.value());
    }
    }
    return true;
}

Result<bool> SecretStore::remove(const QString &key)
{
    switch (m_backend) {
    case Backend::Keychain:
        return keychainRemove(key);
    case Backend::Memory:
        m_memory.remove(key);
        return true;
    case Backend::InsecureFile: {
        auto all = loadFile();
        if (!all)
            return all.error();
        all.value().remove(key);
        return saveFile(all.value());
    }
    }
    return true;
}

Result<QString> SecretStore::keychainRead(const QString &key)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(key);
    QString detail;
    const QKeychain::Error error = runJob(job, &detail);
    if (error == QKeychain::EntryNotFound)
        return QString();
    if (error != QKeychain::NoError)
        return keychainError(error, detail);
    return job.textData();
}

Result<bool> SecretStore::keychainWrite(const QString &key, const QString &secret)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(key);
    job.setTextData(secret);
    QString detail;
    const QKeychain::Error error = runJob(job, &detail);
    if (error != QKeychain::NoError)
        return keychainError(error, detail);
    return true;
}

Result<bool> SecretStore::keychainRemove(const QString &key)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(key);
    QString detail;
    const QKeychain::Error error = runJob(job, &detail);
    if (error != QKeychain::NoError && error != QKeychain::EntryNotFound)
        return keychainError(error, detail);
    return true;
}

Result<QHash<QString, QString>> SecretStore::loadFile() const
{
    QHash<QString, QString> secrets;
    QFile file(m_filePath);
    if (!file.exists())
        return secrets;
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Code::FileError,
            QStringLiteral("cannot read %1: %2").arg(m_filePath, file.errorString()));
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        secrets.insert(it.key(), it.value().toString());
    return secrets;
}

Result<bool> SecretStore::saveFile(const QHash<QString, QString> &secrets) const
{
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QJsonObject object;
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        object.insert(it.key(), it.value());
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(Error::Code::FileError,
            QStringLiteral("cannot write %1: %2").arg(m_filePath, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(object).toJson());
    if (!file.commit())
        return Error::make(Error::Code::FileError,
            QStringLiteral("cannot write %1: %2").arg(m_filePath, file.errorString()));
    return true;
}

} // namespace Natter
