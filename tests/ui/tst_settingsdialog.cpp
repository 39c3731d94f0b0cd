// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/appsettings.h"
#include "ui/settingsdialog.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkProxy>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;

namespace {

template <typename T>
T *child(QWidget *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning() << "no child" << name;
    return found;
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;

private Q_SLOTS:
    void init()
    {
        QFile::remove(m_dir.filePath(QStringLiteral("s.ini")));
        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("s.ini")));
        Theme::apply(AppSettings::Theme::Light);
    }

    void themeAppliesAtOnce()
    {
        SettingsDialog dialog(m_settings.get());
        auto *combo = child<QComboBox>(&dialog, "themeCombo");
        QCOMPARE(combo->currentData().toInt(), int(AppSettings::Theme::System));
        QVERIFY(!Theme::isDark());
        combo->setCurrentIndex(combo->findData(int(AppSettings::Theme::Dark)));
        QCOMPARE(m_settings->theme(), AppSettings::Theme::Dark);
        QVERIFY(Theme::isDark());
        QCOMPARE(QApplication::palette().color(QPalette::Window),
            Theme::darkPalette().color(QPalette::Window));
        combo->setCurrentIndex(combo->findData(int(AppSettings::Theme::Light)));
        QCOMPARE(m_settings->theme(), AppSettings::Theme::Light);
        QVERIFY(!Theme::isDark());
    }

    void controlsFollowAndWriteSettings()
    {
        m_settings->setNotifications(false);
        m_settings->setMediaCacheLimitMb(512);
        SettingsDialog dialog(m_settings.get());
        auto *notifications = child<QCheckBox>(&dialog, "notificationsCheck");
        auto *preview = child<QCheckBox>(&dialog, "previewCheck");
        QVERIFY(!notifications->isChecked());
        QVERIFY(!preview->isEnabled());
        QCOMPARE(child<QSpinBox>(&dialog, "cacheLimitSpin")->value(), 512);
        QSignalSpy changed(m_settings.get(), &AppSettings::changed);
        notifications->setChecked(true);
        QVERIFY(m_settings->notifications());
        QVERIFY(preview->isEnabled());
        preview->setChecked(false);
        QVERIFY(!m_settings->notificationPreview());
        child<QCheckBox>(&dialog, "startMinimizedCheck")->setChecked(true);
        QVERIFY(m_settings->startMinimized());
        child<QSpinBox>(&dialog, "cacheLimitSpin")->setValue(2048);
        QCOMPARE(m_settings->mediaCacheLimitMb(), 2048);
        QCOMPARE(changed.size(), 4);
        QCOMPARE(child<QComboBox>(&dialog, "languageCombo")->count(), 3);
    }

    void proxyAppliedOnApply()
    {
        SettingsDialog dialog(m_settings.get());
        dialog.showPage(SettingsDialog::Page::Network);
        auto *type = child<QComboBox>(&dialog, "proxyTypeCombo");
        auto *host = child<QLineEdit>(&dialog, "proxyHostEdit");
        auto *apply = child<QPushButton>(&dialog, "proxyApplyButton");
        QVERIFY(!host->isEnabled()); // System proxy: nothing to type
        type->setCurrentIndex(type->findData(int(ProxySettings::Type::Socks5)));
        QVERIFY(host->isEnabled());
        QVERIFY(!apply->isEnabled()); // no host and port yet
        host->setText(QStringLiteral("127.0.0.1"));
        child<QSpinBox>(&dialog, "proxyPortSpin")->setValue(1080);
        child<QLineEdit>(&dialog, "proxyPasswordEdit")->setText(QStringLiteral("pw"));
        QCOMPARE(m_settings->proxy().type, ProxySettings::Type::System); // not before Apply
        apply->click();
        QCOMPARE(m_settings->proxy().type, ProxySettings::Type::Socks5);
        QCOMPARE(m_settings->proxy().password, QStringLiteral("pw"));
        QCOMPARE(QNetworkProxy::applicationProxy().type(), QNetworkProxy::Socks5Proxy);
        QCOMPARE(QNetworkProxy::applicationProxy().port(), quint16(1080));
        QVERIFY(!child<QLabel>(&dialog, "proxyStatusLabel")->text().isEmpty());
        AppSettings::applyProxy({});
    }

    void clearCache()
    {
        SettingsDialog dialog(m_settings.get());
        dialog.setMediaCacheSize(5 * 1024 * 1024);
        dialog.setDataFolder(QStringLiteral("/home/ann/.local/share/Natter"));
        auto *size = child<QLabel>(&dialog, "cacheSizeLabel");
        auto *clear = child<QPushButton>(&dialog, "clearCacheButton");
        QVERIFY(size->text().contains(QStringLiteral("5")));
        QSignalSpy requested(&dialog, &SettingsDialog::clearMediaCacheRequested);
        QVERIFY(clear->isEnabled());
        clear->click();
        QCOMPARE(requested.size(), 1);
        QVERIFY(!clear->isEnabled());
        const QString clearing = size->text();
        dialog.mediaCacheCleared(0);
        QVERIFY(size->text() != clearing);
        QVERIFY(size->text().startsWith(u'0'));
        QVERIFY(!clear->isEnabled()); // nothing left to clear
        QCOMPARE(child<QLabel>(&dialog, "dataFolderLabel")->text(),
            QStringLiteral("/home/ann/.local/share/Natter"));
    }

    void pagesAndEscape()
    {
        SettingsDialog dialog(m_settings.get());
        dialog.show();
        dialog.showPage(SettingsDialog::Page::Storage);
        QCOMPARE(dialog.findChild<QStackedWidget *>()->currentIndex(), 4);
        child<QListWidget>(&dialog, "pageList")->setCurrentRow(1);
        QCOMPARE(dialog.findChild<QStackedWidget *>()->currentIndex(), 1);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
    }

    void screenshots()
    {
        const QString dir = qEnvironmentVariable("NATTER_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("set NATTER_SCREENSHOTS to a folder to render screenshots");
        for (const auto theme : { AppSettings::Theme::Light, AppSettings::Theme::Dark }) {
            Theme::apply(theme);
            const QString suffix
                = Theme::isDark() ? QStringLiteral("dark") : QStringLiteral("light");
            SettingsDialog dialog(m_settings.get());
            dialog.setMediaCacheSize(181 * 1024 * 1024);
            dialog.setDataFolder(QStringLiteral("/home/ann/.local/share/Natter"));
            dialog.show();
            for (const auto page : { SettingsDialog::Page::General, SettingsDialog::Page::Network,
                     SettingsDialog::Page::Storage }) {
                dialog.showPage(page);
                QVERIFY(dialog.grab().save(
                    dir + QStringLiteral("/settings-%1-%2.png").arg(int(page)).arg(suffix)));
            }
        }
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
