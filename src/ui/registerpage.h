// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "protocol/protocolclient.h"
#include "session/serverprofile.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;

namespace Ui {
class RegisterPage;
}

namespace Natter {

/// The account creation screen. Step one: login, display name, email, password, checked as
/// the user types. Step two (DisTet): the code mailed to the user. Emits what the user asks
/// for; the app registers and reports back with setBusy(), showError() and the step calls.
class RegisterPage : public QWidget
{
    Q_OBJECT
public:
    /// How long "Send a new code" stays disabled after a code was sent.
    static constexpr int DefaultResendCooldownSeconds = 60;

    explicit RegisterPage(QWidget *parent = nullptr);
    ~RegisterPage() override;

    void setProfile(const ServerProfile &profile);
    ServerProfile profile() const { return m_profile; }
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    /// Places a server refusal next to the field it concerns where it can, else under the form.
    /// Ends the busy state.
    void showError(const Error &error);
    /// Switches to the email-code step and starts the resend cooldown (a code was just sent).
    void showEmailCodeStep(const QString &email);
    void showDetailsStep();
    bool isEmailCodeStep() const;
    /// Seconds left before a new code may be asked for; 0 when it may.
    int resendSecondsLeft() const { return m_resendLeft; }
    void setResendCooldown(int seconds) { m_resendCooldown = seconds; }

Q_SIGNALS:
    void registrationRequested(const Natter::ServerProfile &profile,
        const Natter::Credentials &credentials, bool remember);
    void emailCodeEntered(const QString &code);
    void newEmailCodeRequested();
    /// "Back" on the email-code step.
    void backRequested();
    /// "Sign in" on the details step: the user has an account after all.
    void signInWanted();
    /// Cancel while busy.
    void cancelRequested();

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    enum Field { Login, Email, Password, Confirmation, FieldCount };

    void validate();
    void requestRegistration();
    void confirmCode();
    void requestNewCode();
    void startCooldown();
    void tickCooldown();
    void setServerMessage(Field field, const QString &text);
    void clearServerMessages();
    QLabel *messageLabel(Field field) const;
    void applyTexts();
    void applyPalette();

    std::unique_ptr<Ui::RegisterPage> m_ui;
    ServerProfile m_profile;
    QString m_email;
    Error m_generalError;
    QString m_serverMessages[FieldCount];
    bool m_touched[FieldCount] = {};
    bool m_busy = false;
    QTimer m_cooldownTimer;
    int m_resendCooldown = DefaultResendCooldownSeconds;
    int m_resendLeft = 0;
};

} // namespace Natter
