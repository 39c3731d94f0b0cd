// SPDX-License-Identifier: GPL-3.0-or-later
#include "contactscontroller.h"

#include "session/accountmanager.h"
#include "session/session.h"
#include "ui/contactspanel.h"
#include "ui/mainwindow.h"

namespace Natter {

ContactsController::ContactsController(
    AccountManager &accounts, MainWindow &window, QObject *parent)
    : QObject(parent), m_accounts(accounts), m_window(window)
{
    ContactsPanel *panel = m_window.contactsPanel();
    connect(&m_window, &MainWindow::contactsRequested, this, &ContactsController::show);
    connect(panel, &ContactsPanel::closeRequested, &m_window, &MainWindow::closeSidePanel);
    connect(panel, &ContactsPanel::addFriendRequested, this,
        [this](const QString &user, const QString &note) {
            run([&](Session &s) { return s.requestFriend(user, note); });
        });
    connect(panel, &ContactsPanel::acceptRequested, this,
        [this](const QString &id) { run([&](Session &s) { return s.acceptFriend(id); }); });
    connect(panel, &ContactsPanel::declineRequested, this,
        [this](const QString &id) { run([&](Session &s) { return s.cancelFriendRequest(id); }); });
    connect(panel, &ContactsPanel::cancelRequestRequested, this,
        [this](const QString &id) { run([&](Session &s) { return s.cancelFriendRequest(id); }); });
    connect(panel, &ContactsPanel::removeFriendRequested, this,
        [this](const QString &id) { run([&](Session &s) { return s.removeFriend(id); }); });
    connect(panel, &ContactsPanel::noteChangeRequested, this,
        [this](const QString &id, const QString &note) {
            run([&](Session &s) { return s.updateFriendNote(id, note); });
        });
    connect(panel, &ContactsPanel::blockRequested, this,
        [this](const QString &id) { run([&](Session &s) { return s.setBlocked(id, true); }); });
    connect(panel, &ContactsPanel::unblockRequested, this,
        [this](const QString &id) { run([&](Session &s) { return s.setBlocked(id, false); }); });
}

template <typename Op>
void ContactsController::run(Op op)
{
    Session *s = m_accounts.session();
    if (!s)
        return;
    if (Error e = op(*s); !e.isNone())
        m_window.contactsPanel()->showError(e);
}

void ContactsController::bindCurrentAccount()
{
    ContactsPanel *panel = m_window.contactsPanel();
    panel->setCache(m_accounts.cache());
    if (Session *s = m_accounts.session()) {
        panel->setServerBacked(s->client().capabilities().serverContacts);
        connect(s, &Session::actionFailed, panel, &ContactsPanel::showError, Qt::UniqueConnection);
    }
}

void ContactsController::show()
{
    if (Session *s = m_accounts.session())
        s->refreshContacts();
    m_window.showSidePanel(m_window.contactsPanel());
}

} // namespace Natter
