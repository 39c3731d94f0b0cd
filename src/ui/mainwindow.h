// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/serverprofile.h"

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}

class QActionGroup;

namespace Natter {

class ChatListPane;
class ConnectionBanner;
class ContactsPanel;
class LoginPage;
class MessagePane;
class RegisterPage;
class SearchPanel;

/// The one top-level window: the sign-in pages, or the chats (banner, chat list, message pane
/// and a side panel for search or contacts). It only arranges the screens and offers the
/// menus; app/ connects what they ask for to the session.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    LoginPage *loginPage() const { return m_login; }
    RegisterPage *registerPage() const { return m_register; }
    ConnectionBanner *banner() const { return m_banner; }
    ChatListPane *chatList() const { return m_chatList; }
    MessagePane *messagePane() const { return m_messages; }
    SearchPanel *searchPanel() const { return m_search; }
    ContactsPanel *contactsPanel() const { return m_contacts; }

    void showLogin();
    void showRegistration();
    void showChats();
    bool isShowingChats() const;
    /// Opens `panel` (the search or the contacts panel) on the right; closeSidePanel() hides it.
    void showSidePanel(QWidget *panel);
    void closeSidePanel();
    QWidget *sidePanel() const;

    /// The accounts for the account menu; `current` is checked.
    void setAccounts(const QList<SavedAccount> &accounts, const QString &current);
    /// Whether closing the window hides it to the tray instead of quitting.
    void setCloseToTray(bool hide) { m_closeToTray = hide; }
    void setCreateAllowed(bool chat, bool group);

Q_SIGNALS:
    void profileRequested();
    void contactsRequested();
    void settingsRequested();
    void addAccountRequested();
    void logoutRequested();
    void accountChosen(const QString &key);
    void quitRequested();
    void quickSwitchRequested();
    void searchRequested();
    void newChatRequested();
    void newGroupRequested();
    /// Chat menu "Group info…" (Ctrl+I).
    void groupInfoRequested();
    /// The window was hidden to the tray by its close button.
    void hiddenToTray();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void rebuildAccountActions();

    std::unique_ptr<Ui::MainWindow> m_ui;
    LoginPage *m_login = nullptr;
    RegisterPage *m_register = nullptr;
    ConnectionBanner *m_banner = nullptr;
    ChatListPane *m_chatList = nullptr;
    MessagePane *m_messages = nullptr;
    SearchPanel *m_search = nullptr;
    ContactsPanel *m_contacts = nullptr;
    QActionGroup *m_accountGroup = nullptr;
    QAction *m_accountSeparator = nullptr;
    QAction *m_groupInfoAction = nullptr;
    QList<SavedAccount> m_accounts;
    QString m_currentAccount;
    bool m_closeToTray = false;
};

} // namespace Natter
