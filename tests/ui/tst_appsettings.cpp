// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/appsettings.h"

#include <QFile>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;

class TestAppSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("natter.ini")));
        QCOMPARE(settings.theme(), AppSettings::Theme::System);
        QCOMPARE(settings.language(), QString());
        QVERIFY(settings.notifications());
        QVERIFY(settings.notificationPreview());
        QVERIFY(!settings.startMinimized());
        QCOMPARE(settings.proxy().type, ProxySettings::Type::System);
        QCOMPARE(settings.mediaCacheLimitMb(), 1024);
    }

    void roundTripAndChanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("natter.ini"));
        {
            AppSettings settings(path);
            QSignalSpy changed(&settings, &AppSettings::changed);
            settings.setTheme(AppSettings::Theme::Dark);
            settings.setLanguage(QStringLiteral("ru"));
            settings.setNotifications(false);
            settings.setNotificationPreview(false);
            settings.setStartMinimized(true);
            settings.setCloseToTray(false);
            settings.setMediaCacheLimitMb(300);
            QCOMPARE(changed.size(), 7);
            QCOMPARE(changed.at(0).at(0).toString(), QString(AppSettings::ThemeKey));
            QCOMPARE(changed.at(6).at(0).toString(), QString(AppSettings::MediaCacheLimitKey));
            // Setting the same value again says nothing.
            settings.setTheme(AppSettings::Theme::Dark);
            settings.setMediaCacheLimitMb(300);
            QCOMPARE(changed.size(), 7);
        }
        AppSettings settings(path);
        QCOMPARE(settings.theme(), AppSettings::Theme::Dark);
        QCOMPARE(settings.language(), QStringLiteral("ru"));
        QVERIFY(!settings.notifications());
        QVERIFY(!settings.notificationPreview());
        QVERIFY(settings.startMinimized());
        QVERIFY(!settings.closeToTray());
        QCOMPARE(settings.mediaCacheLimitMb(), 300);
    }

    void proxyPasswordStaysInMemory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("natter.ini"));
        const QString password = QStringLiteral("s3cr3t-Pa55");
        ProxySettings proxy;
        proxy.type = ProxySettings::Type::Socks5;
        proxy.host = QStringLiteral("proxy.example.org");
        proxy.port = 1080;
        proxy.user = QStringLiteral("ann");
        proxy.password = password;
        {
            AppSettings settings(path);
            QSignalSpy changed(&settings, &AppSettings::changed);
            settings.setProxy(proxy);
            QCOMPARE(changed.size(), 1);
            QCOMPARE(changed.at(0).at(0).toString(), QString(AppSettings::ProxyKey));
            QCOMPARE(settings.proxy(), proxy);
            settings.sync();
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY(written.contains("proxy.example.org"));
        QVERIFY(!written.contains(password.toUtf8()));
        QVERIFY(!written.contains("5ZWNyZXQ")); // nor base64 of it

        AppSettings reread(path);
        ProxySettings expected = proxy;
        expected.password.clear();
        QCOMPARE(reread.proxy(), expected);
    }

    void applyProxy()
    {
        ProxySettings proxy;
        proxy.type = ProxySettings::Type::Http;
        proxy.host = QStringLiteral("127.0.0.1");
        proxy.port = 3128;
        proxy.user = QStringLiteral("u");
        proxy.password = QStringLiteral("p");
        AppSettings::applyProxy(proxy);
        QNetworkProxy applied = QNetworkProxy::applicationProxy();
        QCOMPARE(applied.type(), QNetworkProxy::HttpProxy);
        QCOMPARE(applied.hostName(), QStringLiteral("127.0.0.1"));
        QCOMPARE(applied.port(), quint16(3128));
        QCOMPARE(applied.password(), QStringLiteral("p"));

        proxy.type = ProxySettings::Type::None;
        AppSettings::applyProxy(proxy);
        QCOMPARE(QNetworkProxy::applicationProxy().type(), QNetworkProxy::NoProxy);
        QVERIFY(!QNetworkProxyFactory::usesSystemConfiguration());

        proxy.type = ProxySettings::Type::System;
        AppSettings::applyProxy(proxy);
        QVERIFY(QNetworkProxyFactory::usesSystemConfiguration());
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
