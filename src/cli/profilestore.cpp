// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilestore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace Natter::Cli {

QString Profile::secretKey(const QString &profileName) const
{
    return QStringLiteral("cli/%1/%2@%3").arg(profileName, user.id, server);
}

ProfileStore::ProfileStore(QString dataDir) : m_dataDir(std::move(dataDir)) { }

QString ProfileStore::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString ProfileStore::insecureSecretsPath() const
{
    return m_dataDir + QStringLiteral("/insecure-secrets.json");
}

QString ProfileStore::pathFor(const QString &name) const
{
    return m_dataDir + QStringLiteral("/profiles/") + name + QStringLiteral(".json");
}

Result<Profile> ProfileStore::load(const QString &name) const
{
    Profile profile;
    QFile file(pathFor(name));
    if (!file.exists())
        return profile;
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Code::FileError,
            QStringLiteral("cannot read profile %1: %2").arg(file.fileName(), file.errorString()));
    QJsonParseError parseError;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return Error::make(Error::Code::FileError,
            QStringLiteral("profile %1 is damaged: %2")
                .arg(file.fileName(), parseError.errorString()));
    profile.server = o.value(QLatin1String("server")).toString();
    profile.protocol = o.value(QLatin1String("protocol")).toString();
    profile.insecureStore = o.value(QLatin1String("insecure_store")).toBool();
    profile.pinnedCertificate = o.value(QLatin1String("pinned_certificate")).toString();
    const QJsonObject user = o.value(QLatin1String("user")).toObject();
    profile.user.id = user.value(QLatin1String("id")).toString();
    profile.user.login = user.value(QLatin1String("login")).toString();
    profile.user.name = user.value(QLatin1String("name")).toString();
    return profile;
}

Result<bool> ProfileStore::save(const QString &name, const Profile &profile) const
{
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\'))
        || name.startsWith(QLatin1Char('.')))
        return Error::make(Error::Code::InvalidArgument,
            QStringLiteral("profile names cannot contain slashes or start with a dot"));
    const QString path = pathFor(name);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error::make(Error::Code::FileError,
            QStringLiteral("cannot create %1").arg(QFileInfo(path).absolutePath()));
    QJsonObject o {
        { QStringLiteral("server"), profile.server },
        { QStringLiteral("protocol"), profile.protocol },
        { QStringLiteral("insecure_store"), profile.insecureStore },
        { QStringLiteral("user"),
            QJsonObject { { QStringLiteral("id"), profile.user.id },
                { QStringLiteral("login"), profile.user.login },
                { QStringLiteral("name"), profile.user.name } } },
    };
    if (!profile.pinnedCertificate.isEmpty())
        o.insert(QStringLiteral("pinned_certificate"), profile.pinnedCertificate);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(o).toJson()) < 0
        || !file.commit())
        return Error::make(Error::Code::FileError,
            QStringLiteral("cannot write profile %1: %2").arg(path, file.errorString()));
    return true;
}

} // namespace Natter::Cli
