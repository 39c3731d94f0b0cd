// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace Natter {

class AppSettings;

/// App-wide preferences, a page per topic. Every change is stored through AppSettings at once;
/// the theme and the language are applied at once too; the proxy on "Apply".
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Page { General, Appearance, Notifications, Network, Storage };
    Q_ENUM(Page)

    explicit SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void showPage(Page page);
    /// The size the media cache takes on disk now.
    void setMediaCacheSize(qint64 bytes);
    /// Ends the "Clearing…" state of clearMediaCacheRequested(); `bytes` is the size left
    /// (negative: unknown, the shown size is kept).
    void mediaCacheCleared(qint64 bytes = 0);
    /// Says what clearing did: `freedBytes` in `removedFiles` files removed, `keptFiles` kept
    /// because the server cannot send them again.
    void setMediaCacheReport(qint64 freedBytes, int removedFiles, int keptFiles);
    /// Enables "Clear media cache" (off while no account is open).
    void setMediaCacheAvailable(bool available);
    /// The folder where accounts' caches live; "Open folder" opens it in the file manager.
    void setDataFolder(const QString &path);

Q_SIGNALS:
    void clearMediaCacheRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void load();
    void fillCombos();
    void updateProxyFields();
    void applyProxy();
    void retranslate();
    void applyColours();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    AppSettings *m_settings;
    QString m_dataFolder;
    qint64 m_cacheSize = -1;
    bool m_clearing = false;
    bool m_proxyApplied = false;
    bool m_cacheAvailable = true;
    bool m_hasReport = false;
    qint64 m_freedBytes = 0;
    int m_removedFiles = 0;
    int m_keptFiles = 0;
};

} // namespace Natter
