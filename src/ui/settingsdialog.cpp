// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "appsettings.h"
#include "language.h"
#include "theme.h"
#include "ui_settingsdialog.h"

#include <QDesktopServices>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QUrl>

namespace Natter {

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SettingsDialog>()), m_settings(settings)
{
    m_ui->setupUi(this);
    m_ui->pageList->setFrameShape(QFrame::NoFrame);
    m_ui->pageList->setSpacing(2);
    m_ui->pageList->setMinimumWidth(150);
    m_ui->cacheLimitSpin->setMaximumWidth(180);
    for (int row = 0; row < m_ui->pageList->count(); ++row)
        m_ui->pageList->item(row)->setSizeHint(QSize(0, 32));
    for (QLabel *title : { m_ui->generalTitle, m_ui->appearanceTitle, m_ui->notificationsTitle,
             m_ui->networkTitle, m_ui->storageTitle }) {
        QFont font = title->font();
        font.setPointSizeF(font.pointSizeF() * 1.3);
        font.setBold(true);
        title->setFont(font);
        title->setContentsMargins(0, 0, 0, 8);
    }
    connect(m_ui->pageList, &QListWidget::currentRowChanged, m_ui->pages,
        &QStackedWidget::setCurrentIndex);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_ui->languageCombo, &QComboBox::currentIndexChanged, this, [this] {
        const QString code = m_ui->languageCombo->currentData().toString();
        m_settings->setLanguage(code);
        if (code != Language::current())
            Language::apply(code);
    });
    connect(m_ui->themeCombo, &QComboBox::currentIndexChanged, this, [this] {
        const auto theme = AppSettings::Theme(m_ui->themeCombo->currentData().toInt());
        m_settings->setTheme(theme);
        Theme::apply(theme);
    });
    connect(m_ui->startMinimizedCheck, &QCheckBox::toggled, m_settings,
        &AppSettings::setStartMinimized);
    connect(m_ui->closeToTrayCheck, &QCheckBox::toggled, m_settings, &AppSettings::setCloseToTray);
    connect(m_ui->notificationsCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_settings->setNotifications(on);
        m_ui->previewCheck->setEnabled(on);
    });
    connect(
        m_ui->previewCheck, &QCheckBox::toggled, m_settings, &AppSettings::setNotificationPreview);

    const auto proxyEdited = [this] {
        m_proxyApplied = false;
        m_ui->proxyStatusLabel->clear();
        updateProxyFields();
    };
    connect(m_ui->proxyTypeCombo, &QComboBox::currentIndexChanged, this, proxyEdited);
    for (QLineEdit *edit : { m_ui->proxyHostEdit, m_ui->proxyUserEdit, m_ui->proxyPasswordEdit })
        connect(edit, &QLineEdit::textChanged, this, proxyEdited);
    connect(m_ui->proxyPortSpin, &QSpinBox::valueChanged, this, proxyEdited);
    connect(m_ui->proxyApplyButton, &QPushButton::clicked, this, &SettingsDialog::applyProxy);

    connect(m_ui->cacheLimitSpin, &QSpinBox::valueChanged, m_settings,
        &AppSettings::setMediaCacheLimitMb);
    connect(m_ui->clearCacheButton, &QPushButton::clicked, this, [this] {
        m_clearing = true;
        retranslate();
        Q_EMIT clearMediaCacheRequested();
    });
    connect(m_ui->openFolderButton, &QPushButton::clicked, this,
        [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_dataFolder)); });

    load();
    applyColours();
    retranslate();
    m_ui->pageList->setCurrentRow(0);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::load()
{
    // Filling the controls from the settings must not write them back.
    const QList<QObject *> controls { m_ui->startMinimizedCheck, m_ui->closeToTrayCheck,
        m_ui->notificationsCheck, m_ui->previewCheck, m_ui->cacheLimitSpin, m_ui->proxyHostEdit,
        m_ui->proxyPortSpin, m_ui->proxyUserEdit, m_ui->proxyPasswordEdit };
    std::vector<std::unique_ptr<QSignalBlocker>> blockers;
    for (QObject *control : controls)
        blockers.push_back(std::make_unique<QSignalBlocker>(control));
    m_ui->startMinimizedCheck->setChecked(m_settings->startMinimized());
    m_ui->closeToTrayCheck->setChecked(m_settings->closeToTray());
    m_ui->notificationsCheck->setChecked(m_settings->notifications());
    m_ui->previewCheck->setChecked(m_settings->notificationPreview());
    m_ui->previewCheck->setEnabled(m_settings->notifications());
    m_ui->cacheLimitSpin->setValue(m_settings->mediaCacheLimitMb());
    const ProxySettings proxy = m_settings->proxy();
    m_ui->proxyHostEdit->setText(proxy.host);
    m_ui->proxyPortSpin->setValue(proxy.port);
    m_ui->proxyUserEdit->setText(proxy.user);
    m_ui->proxyPasswordEdit->setText(proxy.password);
    fillCombos();
}

void SettingsDialog::fillCombos()
{
    const QSignalBlocker languageBlocker(m_ui->languageCombo);
    const QSignalBlocker themeBlocker(m_ui->themeCombo);
    const QSignalBlocker proxyBlocker(m_ui->proxyTypeCombo);

    m_ui->languageCombo->clear();
    for (const auto &[code, name] : Language::available())
        m_ui->languageCombo->addItem(name, code);
    m_ui->languageCombo->setCurrentIndex(
        qMax(0, m_ui->languageCombo->findData(m_settings->language())));

    m_ui->themeCombo->clear();
    m_ui->themeCombo->addItem(tr("System"), int(AppSettings::Theme::System));
    m_ui->themeCombo->addItem(tr("Light"), int(AppSettings::Theme::Light));
    m_ui->themeCombo->addItem(tr("Dark"), int(AppSettings::Theme::Dark));
    m_ui->themeCombo->setCurrentIndex(m_ui->themeCombo->findData(int(m_settings->theme())));

    // Keeps what is being typed: the combo's selection, not the stored one.
    const int proxyType = m_ui->proxyTypeCombo->count() > 0
        ? m_ui->proxyTypeCombo->currentData().toInt()
        : int(m_settings->proxy().type);
    m_ui->proxyTypeCombo->clear();
    m_ui->proxyTypeCombo->addItem(tr("No proxy"), int(ProxySettings::Type::None));
    m_ui->proxyTypeCombo->addItem(tr("System proxy settings"), int(ProxySettings::Type::System));
    m_ui->proxyTypeCombo->addItem(tr("HTTP"), int(ProxySettings::Type::Http));
    m_ui->proxyTypeCombo->addItem(tr("SOCKS5"), int(ProxySettings::Type::Socks5));
    m_ui->proxyTypeCombo->setCurrentIndex(m_ui->proxyTypeCombo->findData(proxyType));
}

void SettingsDialog::showPage(Page page)
{
    m_ui->pageList->setCurrentRow(int(page));
}

void SettingsDialog::setMediaCacheSize(qint64 bytes)
{
    m_cacheSize = bytes;
    retranslate();
}

void SettingsDialog::mediaCacheCleared(qint64 bytes)
{
    m_clearing = false;
    if (bytes >= 0)
        m_cacheSize = bytes;
    retranslate();
}

void SettingsDialog::setMediaCacheReport(qint64 freedBytes, int removedFiles, int keptFiles)
{
    m_hasReport = true;
    m_freedBytes = freedBytes;
    m_removedFiles = removedFiles;
    m_keptFiles = keptFiles;
    retranslate();
}

void SettingsDialog::setMediaCacheAvailable(bool available)
{
    m_cacheAvailable = available;
    retranslate();
}

void SettingsDialog::setDataFolder(const QString &path)
{
    m_dataFolder = path;
    m_ui->dataFolderLabel->setText(path);
    m_ui->dataFolderLabel->setToolTip(path);
    m_ui->openFolderButton->setEnabled(!path.isEmpty());
}

void SettingsDialog::updateProxyFields()
{
    const auto type = ProxySettings::Type(m_ui->proxyTypeCombo->currentData().toInt());
    const bool manual = type == ProxySettings::Type::Http || type == ProxySettings::Type::Socks5;
    for (QWidget *widget :
        { static_cast<QWidget *>(m_ui->proxyHostEdit), static_cast<QWidget *>(m_ui->proxyPortSpin),
            static_cast<QWidget *>(m_ui->proxyUserEdit),
            static_cast<QWidget *>(m_ui->proxyPasswordEdit) })
        widget->setEnabled(manual);
    m_ui->proxyApplyButton->setEnabled(!manual
        || (!m_ui->proxyHostEdit->text().trimmed().isEmpty() && m_ui->proxyPortSpin->value() > 0));
}

void SettingsDialog::applyProxy()
{
    ProxySettings proxy;
    proxy.type = ProxySettings::Type(m_ui->proxyTypeCombo->currentData().toInt());
    if (proxy.type == ProxySettings::Type::Http || proxy.type == ProxySettings::Type::Socks5) {
        proxy.host = m_ui->proxyHostEdit->text().trimmed();
        proxy.port = quint16(m_ui->proxyPortSpin->value());
        proxy.user = m_ui->proxyUserEdit->text().trimmed();
        proxy.password = m_ui->proxyPasswordEdit->text();
    }
    m_settings->setProxy(proxy);
    AppSettings::applyProxy(proxy);
    m_proxyApplied = true;
    retranslate();
}

void SettingsDialog::retranslate()
{
    fillCombos();
    updateProxyFields();
    m_ui->cacheLimitSpin->setSuffix(tr(" MB"));
    m_ui->cacheLimitSpin->setSpecialValueText(tr("No limit"));
    m_ui->cacheSizeLabel->setText(m_clearing ? tr("Clearing…")
            : m_cacheSize < 0
            ? tr("Unknown")
            : QLocale().formattedDataSize(m_cacheSize, 1, QLocale::DataSizeTraditionalFormat));
    m_ui->clearCacheButton->setEnabled(m_cacheAvailable && !m_clearing && m_cacheSize != 0);
    QString report;
    if (m_hasReport) {
        report = m_removedFiles == 0 ? tr("Nothing was removed.")
                                     : tr("Freed %1 (%n file(s)).", nullptr, m_removedFiles)
                                           .arg(QLocale().formattedDataSize(m_freedBytes, 1,
                                               QLocale::DataSizeTraditionalFormat));
        if (m_keptFiles > 0)
            report += QLatin1Char(' ')
                + tr("Kept %n file(s) the server cannot send again.", nullptr, m_keptFiles);
    }
    m_ui->cacheReportLabel->setText(report);
    m_ui->cacheReportLabel->setVisible(!report.isEmpty());
    if (m_dataFolder.isEmpty())
        m_ui->dataFolderLabel->setText(tr("Not set"));
    m_ui->openFolderButton->setEnabled(!m_dataFolder.isEmpty());
    m_ui->proxyStatusLabel->setText(m_proxyApplied ? tr("Applied.") : QString());
}

void SettingsDialog::applyColours()
{
    // Only the one role is set, the rest keeps following the dialog.
    QPalette secondary;
    secondary.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    for (QLabel *label : { m_ui->previewHint, m_ui->proxyPasswordNote, m_ui->proxyStatusLabel,
             m_ui->cacheNoteLabel })
        label->setPalette(secondary);
}

void SettingsDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        const int page = m_ui->pageList->currentRow();
        m_ui->retranslateUi(this);
        m_ui->pageList->setCurrentRow(page);
        retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        applyColours();
    }
}

} // namespace Natter
