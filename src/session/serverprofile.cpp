// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverprofile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUuid>

namespace Natter {

namespace {

QString placeName(SecretPlace place)
{
    switch (place) {
    case SecretPlace::Memory:
        return QStringLiteral("memory");
    case SecretPlace::InsecureFile:
        return QStringLiteral("file");
    case SecretPlace::Keychain:
        break;
    }
    return QStringLiteral("keychain");
}

SecretPlace placeFromName(const QString &name)
{
    if (name == QLatin1String("memory"))
        return SecretPlace::Memory;
    if (name == QLatin1String("file"))
        return SecretPlace::InsecureFile;
    return SecretPlace::Keychain;
}

QJsonObject toJson(const ServerProfile &p)
{
    return { { QStringLiteral("id"), p.id }, { QStringLiteral("name"), p.name },
        { QStringLiteral("url"), p.url }, { QStringLiteral("protocol"), p.protocol },
        { QStringLiteral("clientCertHash"), p.clientCertHash },
        { QStringLiteral("pinnedCertificate"), p.pinnedCertificate } };
}

ServerProfile profileFromJson(const QJsonObject &o)
{
    ServerProfile p;
    p.id = o.value(QStringLiteral("id")).toString();
    p.name = o.value(QStringLiteral("name")).toString();
    p.url = o.value(QStringLiteral("url")).toString();
    p.protocol = o.value(QStringLiteral("protocol")).toString(QStringLiteral("auto"));
    p.clientCertHash = o.value(QStringLiteral("clientCertHash")).toString();
    p.pinnedCertificate = o.value(QStringLiteral("pinnedCertificate")).toString();
    return p;
}

QJsonObject toJson(const SavedAccount &a)
{
    return { { QStringLiteral("profile"), a.profileId }, { QStringLiteral("id"), a.user.id },
        { QStringLiteral("login"), a.user.login }, { QStringLiteral("name"), a.user.name },
        { QStringLiteral("email"), a.user.email }, { QStringLiteral("remember"), a.remember },
        { QStringLiteral("secret"), placeName(a.secretPlace) } };
}

SavedAccount accountFromJson(const QJsonObject &o)
{
    SavedAccount a;
    a.profileId = o.value(QStringLiteral("profile")).toString();
    a.user.id = o.value(QStringLiteral("id")).toString();
    a.user.login = o.value(QStringLiteral("login")).toString();
    a.user.name = o.value(QStringLiteral("name")).toString();
    a.user.email = o.value(QStringLiteral("email")).toString();
    a.remember = o.value(QStringLiteral("remember")).toBool(true);
    a.secretPlace = placeFromName(o.value(QStringLiteral("secret")).toString());
    return a;
}

} // namespace

ServerProfile ServerProfile::localDemo()
{
    ServerProfile p;
    p.id = QStringLiteral("local-demo");
    p.name = QStringLiteral("Local demo server");
    p.url = QStringLiteral("ws://127.0.0.1:8000/ws");
    return p;
}

AccountRegistry::AccountRegistry(QString filePath) : m_path(std::move(filePath))
{
    m_profiles = { ServerProfile::localDemo() };
}

Error AccountRegistry::load()
{
    QFile file(m_path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Code::FileError,
            QStringLiteral("cannot read %1: %2").arg(m_path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(1 << 20), &parseError);
    if (!doc.isObject())
        return Error::make(Error::Code::FileError,
            QStringLiteral("%1 is damaged: %2").arg(m_path, parseError.errorString()));
    const QJsonObject root = doc.object();
    QList<ServerProfile> profiles;
    for (const QJsonValue &v : root.value(QStringLiteral("profiles")).toArray()) {
        ServerProfile p = profileFromJson(v.toObject());
        if (p.isValid())
            profiles << p;
    }
    if (!profiles.isEmpty())
        m_profiles = profiles;
    m_accounts.clear();
    for (const QJsonValue &v : root.value(QStringLiteral("accounts")).toArray()) {
        SavedAccount a = accountFromJson(v.toObject());
        if (!a.profileId.isEmpty() && !a.user.id.isEmpty())
            m_accounts << a;
    }
    m_current = root.value(QStringLiteral("current")).toString();
    return {};
}

Error AccountRegistry::save() const
{
    QJsonArray profiles;
    for (const ServerProfile &p : m_profiles)
        profiles.append(toJson(p));
    QJsonArray accounts;
    for (const SavedAccount &a : m_accounts)
        accounts.append(toJson(a));
    const QJsonObject root { { QStringLiteral("profiles"), profiles },
        { QStringLiteral("accounts"), accounts }, { QStringLiteral("current"), m_current } };
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson()) < 0
        || !file.commit())
        return Error::make(Error::Code::FileError,
            QStringLiteral("cannot write %1: %2").arg(m_path, file.errorString()));
    return {};
}

ServerProfile AccountRegistry::profile(const QString &id) const
{
    for (const ServerProfile &p : m_profiles)
        if (p.id == id)
            return p;
    return {};
}

ServerProfile AccountRegistry::upsertProfile(ServerProfile profile)
{
    if (profile.id.isEmpty())
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    for (ServerProfile &p : m_profiles) {
        if (p.id == profile.id) {
            p = profile;
            return profile;
        }
    }
    m_profiles << profile;
    return profile;
}

void AccountRegistry::removeProfile(const QString &id)
{
    m_profiles.removeIf([&](const ServerProfile &p) { return p.id == id; });
}

SavedAccount AccountRegistry::account(const QString &key) const
{
    for (const SavedAccount &a : m_accounts)
        if (a.key() == key)
            return a;
    return {};
}

void AccountRegistry::upsertAccount(const SavedAccount &account)
{
    for (SavedAccount &a : m_accounts) {
        if (a.key() == account.key()) {
            a = account;
            return;
        }
    }
    m_accounts << account;
}

void AccountRegistry::removeAccount(const QString &key)
{
    m_accounts.removeIf([&](const SavedAccount &a) { return a.key() == key; });
    if (m_current == key)
        m_current.clear();
}

} // namespace Natter
