// SPDX-License-Identifier: GPL-3.0-or-later
#include "loginpage.h"

#include "authstyle.h"
#include "certificatedialog.h"
#include "errortext.h"
#include "icons.h"
#include "serverprofiledialog.h"
#include "ui_loginpage.h"

#include <QAction>
#include <QKeyEvent>
#include <QPainter>
#include <QUrl>

namespace Natter {

LoginPage::LoginPage(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::LoginPage>())
{
    m_ui->setupUi(this);

    m_ui->logoLabel->setPixmap(Icons::plain(QStringLiteral("natter")).pixmap(QSize(72, 72)));
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 1.8);
    title.setWeight(QFont::DemiBold);
    m_ui->titleLabel->setFont(title);
    for (QWidget *field : { static_cast<QWidget *>(m_ui->profileCombo),
             static_cast<QWidget *>(m_ui->editServersButton),
             static_cast<QWidget *>(m_ui->loginEdit), static_cast<QWidget *>(m_ui->passwordEdit) })
        AuthStyle::makeRoomy(field);

    m_showPasswordAction = m_ui->passwordEdit->addAction(
        Icons::themed(QStringLiteral("eye")), QLineEdit::TrailingPosition);
    m_showPasswordAction->setCheckable(true);
    connect(m_showPasswordAction, &QAction::toggled, this, [this](bool shown) {
        m_ui->passwordEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        updatePasswordAction();
    });

    connect(m_ui->loginEdit, &QLineEdit::textEdited, this, [this] {
        clearError();
        updateSignInEnabled();
    });
    connect(m_ui->passwordEdit, &QLineEdit::textEdited, this, [this] {
        clearError();
        updateSignInEnabled();
    });
    connect(m_ui->loginEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_ui->passwordEdit->text().isEmpty())
            m_ui->passwordEdit->setFocus();
        else
            requestLogin();
    });
    connect(m_ui->passwordEdit, &QLineEdit::returnPressed, this, &LoginPage::requestLogin);
    connect(m_ui->signInButton, &QPushButton::clicked, this, &LoginPage::requestLogin);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &LoginPage::cancelRequested);
    connect(m_ui->editServersButton, &QPushButton::clicked, this, &LoginPage::editProfiles);
    connect(m_ui->certificateButton, &QPushButton::clicked, this, &LoginPage::showCertificate);
    connect(m_ui->createAccountButton, &QPushButton::clicked, this,
        [this] { Q_EMIT registrationWanted(currentProfile()); });
    connect(m_ui->profileCombo, &QComboBox::currentIndexChanged, this, [this] {
        clearError();
        updateProfileTooltip();
        updateSignInEnabled();
    });

    applyPalette();
    applyTexts();
    updateSignInEnabled();
}

LoginPage::~LoginPage() = default;

void LoginPage::setProfiles(const QList<ServerProfile> &profiles, const QString &currentId)
{
    m_profiles = profiles;
    const QSignalBlocker blocker(m_ui->profileCombo);
    m_ui->profileCombo->clear();
    int current = profiles.isEmpty() ? -1 : 0;
    for (int i = 0; i < profiles.size(); ++i) {
        const ServerProfile &p = profiles.at(i);
        m_ui->profileCombo->addItem(p.name.isEmpty() ? p.url : p.name, p.id);
        m_ui->profileCombo->setItemData(i, p.url, Qt::ToolTipRole);
        if (p.id == currentId)
            current = i;
    }
    m_ui->profileCombo->setCurrentIndex(current);
    updateProfileTooltip();
    updateSignInEnabled();
}

ServerProfile LoginPage::currentProfile() const
{
    const int index = m_ui->profileCombo->currentIndex();
    return index >= 0 && index < m_profiles.size() ? m_profiles.at(index) : ServerProfile {};
}

void LoginPage::setLogin(const QString &login)
{
    m_ui->loginEdit->setText(login);
    updateSignInEnabled();
    if (!login.isEmpty())
        m_ui->passwordEdit->setFocus();
}

void LoginPage::setRemember(bool remember)
{
    m_ui->rememberCheck->setChecked(remember);
}

void LoginPage::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : { static_cast<QWidget *>(m_ui->profileCombo),
             static_cast<QWidget *>(m_ui->editServersButton),
             static_cast<QWidget *>(m_ui->loginEdit), static_cast<QWidget *>(m_ui->passwordEdit),
             static_cast<QWidget *>(m_ui->rememberCheck),
             static_cast<QWidget *>(m_ui->certificateButton),
             static_cast<QWidget *>(m_ui->createAccountButton) })
        w->setEnabled(!busy);
    m_ui->busyWidget->setVisible(busy);
    m_ui->signInButton->setVisible(!busy);
    m_ui->cancelButton->setVisible(busy);
    if (busy) {
        clearError();
        m_ui->cancelButton->setFocus();
    } else {
        updateSignInEnabled();
    }
}

void LoginPage::showError(const Error &error)
{
    if (m_busy)
        setBusy(false);
    m_error = error;
    applyTexts();
    m_ui->errorLabel->setVisible(!error.isNone());
    m_ui->certificateButton->setVisible(error.code == Error::Code::TlsFailure);
    if (error.code == Error::Code::WrongCredentials) {
        m_ui->passwordEdit->selectAll();
        m_ui->passwordEdit->setFocus();
    }
}

void LoginPage::clearError()
{
    m_error = {};
    m_ui->errorLabel->clear();
    m_ui->errorLabel->hide();
    m_ui->certificateButton->hide();
}

void LoginPage::requestLogin()
{
    if (m_busy || !m_ui->signInButton->isEnabled())
        return;
    Credentials credentials;
    credentials.login = m_ui->loginEdit->text().trimmed();
    credentials.password = m_ui->passwordEdit->text();
    Q_EMIT loginRequested(currentProfile(), credentials, m_ui->rememberCheck->isChecked());
}

void LoginPage::editProfiles()
{
    ServerProfileDialog dialog(m_profiles, this);
    dialog.selectProfile(currentProfile().id);
    if (dialog.exec() != QDialog::Accepted)
        return;
    setProfiles(dialog.profiles(), dialog.currentId());
    Q_EMIT profilesEdited(m_profiles);
}

void LoginPage::showCertificate()
{
    const ServerProfile profile = currentProfile();
    CertificateDialog dialog(m_error, this);
    dialog.setServerHost(QUrl(profile.url).host());
    if (dialog.exec() != QDialog::Accepted || !dialog.hasCertificate())
        return;
    const QString fingerprint = dialog.fingerprintSha256();
    const int index = m_ui->profileCombo->currentIndex();
    if (index >= 0 && index < m_profiles.size())
        m_profiles[index].pinnedCertificate = fingerprint;
    clearError();
    Q_EMIT certificateTrusted(profile.id, fingerprint);
}

void LoginPage::updateSignInEnabled()
{
    const bool ready = currentProfile().isValid() && !m_ui->loginEdit->text().trimmed().isEmpty()
        && !m_ui->passwordEdit->text().isEmpty();
    m_ui->signInButton->setEnabled(ready && !m_busy);
}

void LoginPage::updateProfileTooltip()
{
    m_ui->profileCombo->setToolTip(currentProfile().url);
}

void LoginPage::updatePasswordAction()
{
    const bool shown = m_showPasswordAction->isChecked();
    m_showPasswordAction->setIcon(
        Icons::themed(shown ? QStringLiteral("eye-off") : QStringLiteral("eye")));
    m_showPasswordAction->setText(shown ? tr("Hide password") : tr("Show password"));
    m_showPasswordAction->setToolTip(m_showPasswordAction->text());
}

void LoginPage::applyTexts()
{
    updatePasswordAction();
    m_ui->rememberCheck->setToolTip(m_ui->rememberHint->text());
    m_ui->errorLabel->setText(ErrorText::full(m_error));
}

void LoginPage::applyPalette()
{
    AuthStyle::styleAsError(m_ui->errorLabel, palette());
    AuthStyle::styleAsCaption(m_ui->rememberHint, palette());
    AuthStyle::styleAsCaption(m_ui->subtitleLabel, palette());
    AuthStyle::styleAsCaption(m_ui->noAccountLabel, palette(), false);
    AuthStyle::styleAsPrimary(m_ui->signInButton, palette());
    m_ui->cancelButton->setMinimumHeight(m_ui->signInButton->minimumHeight());
    AuthStyle::styleAsCaption(m_ui->busyLabel, palette());
    AuthStyle::styleAsLink(m_ui->createAccountButton, palette());
    AuthStyle::styleAsLink(m_ui->certificateButton, palette());
    m_ui->subtitleLabel->setFont(font());
    updatePasswordAction();
}

void LoginPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        applyTexts();
    } else if (event->type() == QEvent::PaletteChange) {
        applyPalette();
    }
    QWidget::changeEvent(event);
}

void LoginPage::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    AuthStyle::paintCard(painter, m_ui->card->geometry(), palette());
}

void LoginPage::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_busy) {
        Q_EMIT cancelRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace Natter
