// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

#include <QGuiApplication>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QSettings>
#include <QSystemTrayIcon>

namespace Natter {

namespace {

constexpr QLatin1String ProxyTypeKey { "network/proxyType" };
constexpr QLatin1String ProxyHostKey { "network/proxyHost" };
constexpr QLatin1String ProxyPortKey { "network/proxyPort" };
constexpr QLatin1String ProxyUserKey { "network/proxyUser" };

QString typeName(ProxySettings::Type type)
{
    switch (type) {
    case ProxySettings::Type::None:
        return QStringLiteral("none");
    case ProxySettings::Type::System:
        return QStringLiteral("system");
    case ProxySettings::Type::Http:
        return QStringLiteral("http");
    case ProxySettings::Type::Socks5:
        return QStringLiteral("socks5");
    }
    return {};
}

ProxySettings::Type typeFromName(const QString &name)
{
    for (const auto type :
        { ProxySettings::Type::None, ProxySettings::Type::Http, ProxySettings::Type::Socks5 }) {
        if (name == typeName(type))
            return type;
    }
    return ProxySettings::Type::System;
}

QString themeName(AppSettings::Theme theme)
{
    switch (theme) {
    case AppSettings::Theme::Light:
        return QStringLiteral("light");
    case AppSettings::Theme::Dark:
        return QStringLiteral("dark");
    case AppSettings::Theme::System:
        break;
    }
    return QStringLiteral("system");
}

} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent),
      m_settings(std::make_unique<QSettings>(QStringLiteral("Natter"), QStringLiteral("Natter")))
{ }

AppSettings::AppSettings(const QString &filePath, QObject *parent)
    : QObject(parent), m_settings(std::make_unique<QSettings>(filePath, QSettings::IniFormat))
{ }

AppSettings::~AppSettings() = default;

QVariant AppSettings::value(QLatin1String key, const QVariant &fallback) const
{
    return m_settings->value(key, fallback);
}

void AppSettings::store(QLatin1String key, const QVariant &value)
{
    if (m_settings->contains(key) && m_settings->value(key) == value)
        return;
    m_settings->setValue(key, value);
    Q_EMIT changed(key);
}

AppSettings::Theme AppSettings::theme() const
{
    const QString name = value(ThemeKey, {}).toString();
    if (name == themeName(Theme::Light))
        return Theme::Light;
    if (name == themeName(Theme::Dark))
        return Theme::Dark;
    return Theme::System;
}

void AppSettings::setTheme(Theme theme)
{
    store(ThemeKey, themeName(theme));
}

QString AppSettings::language() const
{
    const QString code = value(LanguageKey, QString()).toString();
    return code == u"en" || code == u"ru" ? code : QString();
}

void AppSettings::setLanguage(const QString &code)
{
    store(LanguageKey, code);
}

bool AppSettings::startMinimized() const
{
    return value(StartMinimizedKey, false).toBool();
}

void AppSettings::setStartMinimized(bool on)
{
    store(StartMinimizedKey, on);
}

bool AppSettings::closeToTray() const
{
    if (m_settings->contains(CloseToTrayKey))
        return m_settings->value(CloseToTrayKey).toBool();
    // Asking for a tray needs a GUI application; without one there is no tray to close to.
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance())
        && QSystemTrayIcon::isSystemTrayAvailable();
}

void AppSettings::setCloseToTray(bool on)
{
    store(CloseToTrayKey, on);
}

bool AppSettings::notifications() const
{
    return value(NotificationsKey, true).toBool();
}

void AppSettings::setNotifications(bool on)
{
    store(NotificationsKey, on);
}

bool AppSettings::notificationPreview() const
{
    return value(NotificationPreviewKey, true).toBool();
}

void AppSettings::setNotificationPreview(bool on)
{
    store(NotificationPreviewKey, on);
}

ProxySettings AppSettings::proxy() const
{
    ProxySettings proxy;
    proxy.type = typeFromName(value(ProxyTypeKey, {}).toString());
    proxy.host = value(ProxyHostKey, {}).toString();
    proxy.port = quint16(value(ProxyPortKey, 0).toUInt());
    proxy.user = value(ProxyUserKey, {}).toString();
    proxy.password = m_proxyPassword;
    return proxy;
}

void AppSettings::setProxy(const ProxySettings &proxy)
{
    const ProxySettings old = this->proxy();
    if (old == proxy)
        return;
    m_settings->setValue(ProxyTypeKey, typeName(proxy.type));
    m_settings->setValue(ProxyHostKey, proxy.host);
    m_settings->setValue(ProxyPortKey, proxy.port);
    m_settings->setValue(ProxyUserKey, proxy.user);
    m_proxyPassword = proxy.password; // never written: see ProxySettings
    Q_EMIT changed(ProxyKey);
}

int AppSettings::mediaCacheLimitMb() const
{
    return value(MediaCacheLimitKey, 1024).toInt();
}

void AppSettings::setMediaCacheLimitMb(int megabytes)
{
    store(MediaCacheLimitKey, qMax(0, megabytes));
}

void AppSettings::sync()
{
    m_settings->sync();
}

void AppSettings::applyProxy(const ProxySettings &proxy)
{
    switch (proxy.type) {
    case ProxySettings::Type::System:
        QNetworkProxyFactory::setUseSystemConfiguration(true);
        return;
    case ProxySettings::Type::None:
        QNetworkProxyFactory::setUseSystemConfiguration(false);
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        return;
    case ProxySettings::Type::Http:
    case ProxySettings::Type::Socks5:
        break;
    }
    QNetworkProxyFactory::setUseSystemConfiguration(false);
    const auto type = proxy.type == ProxySettings::Type::Http ? QNetworkProxy::HttpProxy
                                                              : QNetworkProxy::Socks5Proxy;
    QNetworkProxy::setApplicationProxy(
        QNetworkProxy(type, proxy.host, proxy.port, proxy.user, proxy.password));
}

} // namespace Natter
