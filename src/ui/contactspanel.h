// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QWidget>

#include <memory>

class QListView;

namespace Ui {
class ContactsPanel;
}

namespace Natter {

class AccountCache;
class ContactListModel;

/// The side panel with friends, friend requests both ways and the block list of one account.
/// It lists the cache and asks for every change through a signal; the session does the work
/// and the lists follow the cache.
class ContactsPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Tab { Friends, Requests, Blacklist };
    Q_ENUM(Tab)

    explicit ContactsPanel(QWidget *parent = nullptr);
    ~ContactsPanel() override;

    /// Lists the contacts of `cache` (nullptr: none).
    void setCache(AccountCache *cache);
    /// Whether the server keeps the friends list; if not, a line says it stays on this device.
    void setServerBacked(bool serverBacked);
    void showTab(Tab tab);
    Tab currentTab() const;
    /// Shows an error under the lists until the next action.
    void showError(const Error &error);
    void clearError();

Q_SIGNALS:
    void addFriendRequested(const QString &userOrLogin, const QString &note);
    void acceptRequested(const QString &userId);
    void declineRequested(const QString &userId);
    void cancelRequestRequested(const QString &userId);
    void removeFriendRequested(const QString &userId);
    void noteChangeRequested(const QString &userId, const QString &note);
    void blockRequested(const QString &userIdOrLogin);
    void unblockRequested(const QString &userId);
    void closeRequested();

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setUpList(QListView *view, ContactListModel *model);
    QString selectedId(QListView *view) const;
    QString selectedName(QListView *view) const;
    void showMenu(QListView *view, const QPoint &pos);
    void updateState();
    void retranslate();
    void applyColours();

    void addFriend();
    void editNote();
    void removeFriend();
    void blockFriend();
    void accept();
    void decline();
    void cancelRequest();
    void blockUser();
    void unblock();

    std::unique_ptr<Ui::ContactsPanel> m_ui;
    ContactListModel *m_friends;
    ContactListModel *m_incoming;
    ContactListModel *m_outgoing;
    ContactListModel *m_blocked;
    Error m_error;
    bool m_serverBacked = true;
};

} // namespace Natter
