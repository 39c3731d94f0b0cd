// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/user.h"
#include "protocol/capabilities.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ProfileDialog;
}

namespace Natter {

/// The signed-in user's own profile: photo, name, login and id, password change, log out and
/// account deletion. Controls the backend cannot honour are hidden.
class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    ProfileDialog(const User &user, const Capabilities &caps, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    void setUser(const User &user);
    /// Name and photo are editable with `caps.profile`; deletion needs `caps.deleteAccount`.
    void setCapabilities(const Capabilities &caps);
    void setPasswordChangeSupported(bool supported);
    /// While a request runs: inputs are disabled and a line says so.
    void setBusy(bool busy);
    void showError(const Error &error);
    void clearError();

Q_SIGNALS:
    void nameChangeRequested(const QString &name);
    void photoChangeRequested(const QString &filePath);
    void passwordChangeRequested(const QString &oldPassword, const QString &newPassword);
    void logoutRequested();
    void deleteAccountRequested(const QString &password);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateState();
    void updateAvatar();
    void retranslate();
    void applyColours();
    void choosePhoto();
    void submitPassword();
    void showDeletion(bool show);

    std::unique_ptr<Ui::ProfileDialog> m_ui;
    User m_user;
    Capabilities m_caps;
    Error m_error;
    bool m_passwordChange = false;
    bool m_busy = false;
    bool m_mismatch = false;
};

} // namespace Natter
