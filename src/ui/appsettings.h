// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QSettings;

namespace Natter {

/// How the app reaches the network. The password lives in memory only: it is never written to
/// QSettings, so it has to be typed again after a restart.
struct ProxySettings
{
    enum class Type { None, System, Http, Socks5 };

    Type type = Type::System;
    QString host;
    quint16 port = 0;
    QString user;
    QString password; ///< memory only

    bool operator==(const ProxySettings &) const = default;
};

/// App-wide preferences (not per account) over QSettings. Setters store at once and emit
/// changed(key) when the value really changed.
class AppSettings : public QObject
{
    Q_OBJECT
public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    // The keys changed() names.
    static constexpr QLatin1String ThemeKey { "appearance/theme" };
    static constexpr QLatin1String LanguageKey { "general/language" };
    static constexpr QLatin1String StartMinimizedKey { "general/startMinimized" };
    static constexpr QLatin1String CloseToTrayKey { "general/closeToTray" };
    static constexpr QLatin1String NotificationsKey { "notifications/enabled" };
    static constexpr QLatin1String NotificationPreviewKey { "notifications/preview" };
    static constexpr QLatin1String ProxyKey { "network/proxy" };
    static constexpr QLatin1String MediaCacheLimitKey { "storage/mediaCacheLimitMb" };

    /// The user's settings (organisation "Natter", application "Natter").
    explicit AppSettings(QObject *parent = nullptr);
    /// Settings in an INI file at `filePath` (tests, portable installs).
    explicit AppSettings(const QString &filePath, QObject *parent = nullptr);
    ~AppSettings() override;

    Theme theme() const;
    void setTheme(Theme theme);
    /// "" follows the system, else "en" or "ru".
    QString language() const;
    void setLanguage(const QString &code);
    bool startMinimized() const;
    void setStartMinimized(bool on);
    /// Defaults to on when the desktop has a system tray.
    bool closeToTray() const;
    void setCloseToTray(bool on);
    bool notifications() const;
    void setNotifications(bool on);
    /// Show the sender and text in notifications (else just "New message").
    bool notificationPreview() const;
    void setNotificationPreview(bool on);
    /// The stored proxy plus the password given in this run.
    ProxySettings proxy() const;
    void setProxy(const ProxySettings &proxy);
    int mediaCacheLimitMb() const;
    void setMediaCacheLimitMb(int megabytes);

    /// Writes pending changes to disk (QSettings also does it by itself, later).
    void sync();

    /// Makes `proxy` the application-wide proxy: QWebSocket and QNetworkAccessManager use it.
    static void applyProxy(const ProxySettings &proxy);

Q_SIGNALS:
    void changed(const QString &key);

private:
    QVariant value(QLatin1String key, const QVariant &fallback) const;
    void store(QLatin1String key, const QVariant &value);

    std::unique_ptr<QSettings> m_settings;
    QString m_proxyPassword;
};

} // namespace Natter
