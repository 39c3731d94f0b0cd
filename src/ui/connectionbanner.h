// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "session/session.h"

#include <QDeadlineTimer>
#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class ConnectionBanner;
}

namespace Natter {

/// The slim strip at the top of the main window that says why the app is not live: connecting,
/// catching up ("Updating… 3 of 12 chats"), offline with a live reconnect countdown and
/// "Retry now", or signed out with "Sign in". Hidden while Online.
class ConnectionBanner : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionBanner(QWidget *parent = nullptr);
    ~ConnectionBanner() override;

    /// `reconnectInMs` is the wait before the next attempt while Reconnecting.
    void setState(Natter::Session::State state, int reconnectInMs = 0);
    Session::State state() const { return m_state; }
    /// Progress of a sync, shown while Syncing; total 0 hides the numbers.
    void setSyncProgress(int done, int total);
    /// A detail line under the message (ErrorText); a None error removes it. Cleared when the
    /// session gets Online.
    void setError(const Error &error);

    /// The main line as shown, e.g. "Waiting for network. Reconnecting in 4 s".
    QString message() const;

Q_SIGNALS:
    void retryRequested();
    void signInRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateTexts();
    /// The strip's colour: the window colour tinted by the state, so the palette's text stays
    /// readable on it in light and dark themes.
    QColor stripColour() const;

    std::unique_ptr<::Ui::ConnectionBanner> m_ui;
    Session::State m_state = Session::State::Online;
    QDeadlineTimer m_reconnectAt;
    bool m_hasCountdown = false;
    QTimer m_tick;
    int m_syncDone = 0;
    int m_syncTotal = 0;
    Error m_error;
};

} // namespace Natter
