// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiledialog.h"

#include "contactdelegate.h"
#include "errortext.h"
#include "icons.h"
#include "models/avatar.h"
#include "theme.h"
#include "ui_profiledialog.h"

#include <QBuffer>
#include <QClipboard>
#include <QFileDialog>
#include <QGuiApplication>
#include <QImageReader>

namespace Natter {

namespace {

constexpr int AvatarSize = 88;

/// The user's photo, decoded at the size shown; null when absent or unreadable.
QImage decodePhoto(const QByteArray &bytes, int size)
{
    if (bytes.isEmpty())
        return {};
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QSize full = reader.size();
    if (!full.isValid() || full.width() > 8192 || full.height() > 8192)
        return {};
    reader.setScaledSize(full.scaled(size, size, Qt::KeepAspectRatioByExpanding));
    return reader.read();
}

} // namespace

ProfileDialog::ProfileDialog(const User &user, const Capabilities &caps, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ProfileDialog>()), m_caps(caps)
{
    m_ui->setupUi(this);
    QFont nameFont = m_ui->displayNameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.4);
    nameFont.setBold(true);
    m_ui->displayNameLabel->setFont(nameFont);
    m_ui->passwordGroup->hide();
    m_ui->deleteGroup->hide();
    m_ui->errorLabel->hide();
    m_ui->busyLabel->hide();

    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &ProfileDialog::updateState);
    const auto saveName = [this] {
        const QString name = m_ui->nameEdit->text().trimmed();
        if (name.isEmpty() || name == m_user.name || m_busy || !m_caps.profile)
            return;
        clearError();
        Q_EMIT nameChangeRequested(name);
    };
    connect(m_ui->saveNameButton, &QPushButton::clicked, this, saveName);
    connect(m_ui->nameEdit, &QLineEdit::returnPressed, this, saveName);
    connect(m_ui->changePhotoButton, &QPushButton::clicked, this, &ProfileDialog::choosePhoto);
    connect(m_ui->copyLoginButton, &QToolButton::clicked, this,
        [this] { QGuiApplication::clipboard()->setText(m_user.login); });
    connect(m_ui->copyIdButton, &QToolButton::clicked, this,
        [this] { QGuiApplication::clipboard()->setText(m_user.id); });

    connect(m_ui->changePasswordButton, &QPushButton::toggled, this, [this](bool on) {
        m_ui->passwordGroup->setVisible(on);
        if (on)
            m_ui->oldPasswordEdit->setFocus();
    });
    for (QLineEdit *edit :
        { m_ui->oldPasswordEdit, m_ui->newPasswordEdit, m_ui->confirmPasswordEdit }) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            m_mismatch = false;
            retranslate();
        });
        connect(edit, &QLineEdit::returnPressed, this, &ProfileDialog::submitPassword);
    }
    connect(
        m_ui->submitPasswordButton, &QPushButton::clicked, this, &ProfileDialog::submitPassword);

    connect(m_ui->deleteAccountButton, &QPushButton::clicked, this, [this] { showDeletion(true); });
    connect(m_ui->cancelDeleteButton, &QPushButton::clicked, this, [this] { showDeletion(false); });
    connect(m_ui->deletePasswordEdit, &QLineEdit::textChanged, this, &ProfileDialog::updateState);
    connect(m_ui->confirmDeleteButton, &QPushButton::clicked, this, [this] {
        const QString password = m_ui->deletePasswordEdit->text();
        if (password.isEmpty() || m_busy || !m_caps.deleteAccount)
            return;
        clearError();
        Q_EMIT deleteAccountRequested(password);
    });
    connect(m_ui->logoutButton, &QPushButton::clicked, this, &ProfileDialog::logoutRequested);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(Theme::instance(), &Theme::changed, this, [this] {
        m_ui->copyLoginButton->setIcon(Icons::themed(QStringLiteral("copy")));
        m_ui->copyIdButton->setIcon(Icons::themed(QStringLiteral("copy")));
    });
    m_ui->copyLoginButton->setIcon(Icons::themed(QStringLiteral("copy")));
    m_ui->copyIdButton->setIcon(Icons::themed(QStringLiteral("copy")));

    setUser(user);
    applyColours();
    retranslate();
}

ProfileDialog::~ProfileDialog() = default;

void ProfileDialog::setUser(const User &user)
{
    m_user = user;
    m_ui->nameEdit->setText(user.name);
    m_ui->loginEdit->setText(user.login);
    m_ui->idEdit->setText(user.id);
    updateAvatar();
    retranslate();
}

void ProfileDialog::setCapabilities(const Capabilities &caps)
{
    m_caps = caps;
    if (!caps.deleteAccount)
        showDeletion(false);
    updateState();
}

void ProfileDialog::setPasswordChangeSupported(bool supported)
{
    m_passwordChange = supported;
    if (!supported)
        m_ui->changePasswordButton->setChecked(false);
    updateState();
}

void ProfileDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->busyLabel->setVisible(busy);
    updateState();
}

void ProfileDialog::showError(const Error &error)
{
    m_error = error;
    m_ui->errorLabel->setText(ErrorText::full(error));
    m_ui->errorLabel->setVisible(!error.isNone());
}

void ProfileDialog::clearError()
{
    showError({});
}

void ProfileDialog::updateAvatar()
{
    const qreal dpr = devicePixelRatioF();
    m_ui->avatarLabel->setPixmap(
        ContactDelegate::avatarPixmap(AvatarSize, initials(m_user.displayName(), m_user.id),
            avatarHue(m_user.id), decodePhoto(m_user.avatar, int(AvatarSize * dpr)), dpr));
}

void ProfileDialog::updateState()
{
    const bool idle = !m_busy;
    m_ui->nameEdit->setReadOnly(!m_caps.profile);
    m_ui->nameEdit->setEnabled(idle);
    m_ui->saveNameButton->setVisible(m_caps.profile);
    const QString name = m_ui->nameEdit->text().trimmed();
    m_ui->saveNameButton->setEnabled(idle && !name.isEmpty() && name != m_user.name);
    m_ui->changePhotoButton->setVisible(m_caps.profile);
    m_ui->changePhotoButton->setEnabled(idle);

    m_ui->changePasswordButton->setVisible(m_passwordChange);
    m_ui->passwordGroup->setVisible(m_passwordChange && m_ui->changePasswordButton->isChecked());
    m_ui->passwordGroup->setEnabled(idle);
    m_ui->submitPasswordButton->setEnabled(!m_ui->oldPasswordEdit->text().isEmpty()
        && !m_ui->newPasswordEdit->text().isEmpty()
        && !m_ui->confirmPasswordEdit->text().isEmpty());

    m_ui->deleteAccountButton->setVisible(m_caps.deleteAccount);
    m_ui->deleteAccountButton->setEnabled(idle && m_ui->deleteGroup->isHidden());
    m_ui->deleteGroup->setEnabled(idle);
    m_ui->confirmDeleteButton->setEnabled(!m_ui->deletePasswordEdit->text().isEmpty());
    m_ui->logoutButton->setEnabled(idle);
}

void ProfileDialog::showDeletion(bool show)
{
    m_ui->deleteGroup->setVisible(show && m_caps.deleteAccount);
    if (!show)
        m_ui->deletePasswordEdit->clear();
    else
        m_ui->deletePasswordEdit->setFocus();
    updateState();
}

void ProfileDialog::choosePhoto()
{
    auto *dialog = new QFileDialog(this, tr("Choose a photo"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilter(tr("Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp)"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        clearError();
        Q_EMIT photoChangeRequested(path);
    });
    dialog->open();
}

void ProfileDialog::submitPassword()
{
    const QString oldPassword = m_ui->oldPasswordEdit->text();
    const QString newPassword = m_ui->newPasswordEdit->text();
    if (m_busy || oldPassword.isEmpty() || newPassword.isEmpty())
        return;
    if (newPassword != m_ui->confirmPasswordEdit->text()) {
        m_mismatch = true;
        retranslate();
        return;
    }
    clearError();
    Q_EMIT passwordChangeRequested(oldPassword, newPassword);
}

void ProfileDialog::retranslate()
{
    m_ui->displayNameLabel->setText(m_user.displayName());
    m_ui->loginCaption->setText(m_user.login.isEmpty() ? QString() : tr("@%1").arg(m_user.login));
    m_ui->busyLabel->setText(tr("Working…"));
    m_ui->passwordMismatchLabel->setText(
        m_mismatch ? tr("The new passwords do not match.") : QString());
    if (!m_error.isNone())
        m_ui->errorLabel->setText(ErrorText::full(m_error));
    updateState();
}

void ProfileDialog::applyColours()
{
    const bool dark = Theme::isDark(palette());
    const QColor danger = dark ? QColor(0xef, 0x6c, 0x6c) : QColor(0xd3, 0x2f, 0x2f);
    QPalette secondary;
    secondary.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_ui->loginCaption->setPalette(secondary);
    m_ui->busyLabel->setPalette(secondary);
    QPalette error;
    error.setColor(QPalette::WindowText, danger);
    for (QWidget *widget : { static_cast<QWidget *>(m_ui->errorLabel),
             static_cast<QWidget *>(m_ui->passwordMismatchLabel) })
        widget->setPalette(error);
    QPalette dangerText;
    dangerText.setColor(QPalette::ButtonText, danger);
    m_ui->deleteAccountButton->setPalette(dangerText);
    // The final button is filled red; white reads on it in both themes.
    QPalette dangerFill;
    dangerFill.setColor(QPalette::Button, QColor(0xd3, 0x2f, 0x2f));
    dangerFill.setColor(QPalette::ButtonText, Qt::white);
    dangerFill.setColor(
        QPalette::Disabled, QPalette::Button, QColor(0xd3, 0x2f, 0x2f).lighter(dark ? 60 : 150));
    dangerFill.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(255, 255, 255, 170));
    m_ui->confirmDeleteButton->setPalette(dangerFill);
}

void ProfileDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        applyColours();
    }
}

} // namespace Natter
