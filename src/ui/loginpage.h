// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "protocol/protocolclient.h"
#include "session/serverprofile.h"

#include <QList>
#include <QWidget>

#include <memory>

class QAction;

namespace Ui {
class LoginPage;
}

namespace Natter {

/// The sign-in screen: a centred card with the server profile, login, password and "Remember
/// me". Emits what the user asks for; the app signs in and reports back with setBusy() and
/// showError().
class LoginPage : public QWidget
{
    Q_OBJECT
public:
    explicit LoginPage(QWidget *parent = nullptr);
    ~LoginPage() override;

    /// Fills the server combo; selects `currentId` (the first profile when not found).
    void setProfiles(const QList<ServerProfile> &profiles, const QString &currentId);
    QList<ServerProfile> profiles() const { return m_profiles; }
    /// The selected profile, or an invalid one when there is none.
    ServerProfile currentProfile() const;
    void setLogin(const QString &login);
    void setRemember(bool remember);
    /// While busy the inputs are disabled, a progress bar shows and Cancel replaces Sign in.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    /// Shows what went wrong under the form and ends the busy state. A TLS failure also offers
    /// the server's certificate.
    void showError(const Error &error);
    void clearError();

Q_SIGNALS:
    void loginRequested(const Natter::ServerProfile &profile,
        const Natter::Credentials &credentials, bool remember);
    void registrationWanted(const Natter::ServerProfile &profile);
    void cancelRequested();
    /// The server list after the user accepted the edit dialog.
    void profilesEdited(const QList<Natter::ServerProfile> &profiles);
    /// The user chose to trust the certificate shown for a TLS failure.
    void certificateTrusted(const QString &profileId, const QString &sha256Hex);

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void requestLogin();
    void editProfiles();
    void showCertificate();
    void updateSignInEnabled();
    void updateProfileTooltip();
    void updatePasswordAction();
    void applyTexts();
    void applyPalette();

    std::unique_ptr<Ui::LoginPage> m_ui;
    QAction *m_showPasswordAction = nullptr;
    QList<ServerProfile> m_profiles;
    Error m_error;
    bool m_busy = false;
};

} // namespace Natter
