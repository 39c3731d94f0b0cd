// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace Natter {

/// The app's icon in the system tray with the unread count painted on it. Where the desktop
/// has no tray, nothing is created and every call does nothing.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    bool isAvailable() const { return m_tray != nullptr; }
    void setUnreadCount(int count);
    int unreadCount() const { return m_unread; }
    /// Whether the main window is shown: the menu offers "Hide" then, else "Show Natter".
    void setWindowVisible(bool visible);
    /// A desktop notification; clicking it emits messageActivated(flowId).
    void showMessage(const QString &title, const QString &body, const QString &flowId);

    /// `base` with a red pill holding `count` ("99+" past 99) in its lower right corner;
    /// `base` itself for 0 or less.
    static QIcon badgedIcon(const QIcon &base, int count);
    /// The text of the pill: "7", "99+".
    static QString badgeText(int count);

Q_SIGNALS:
    void showRequested();
    void hideRequested();
    void quitRequested();
    void messageActivated(const QString &flowId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void retranslate();

    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_showAction = nullptr;
    QAction *m_quitAction = nullptr;
    QIcon m_baseIcon;
    QString m_lastFlowId;
    int m_unread = 0;
    bool m_windowVisible = true;
};

} // namespace Natter
