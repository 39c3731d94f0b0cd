// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace Natter {

class AccountManager;
class MainWindow;
class Session;

/// The friends and blacklist panel of the current account: server-backed where the backend
/// keeps contacts (DisTet), on this device otherwise.
class ContactsController : public QObject
{
    Q_OBJECT
public:
    ContactsController(AccountManager &accounts, MainWindow &window, QObject *parent = nullptr);

    void bindCurrentAccount();
    void show();

private:
    /// Runs one contacts operation and shows its error in the panel.
    template <typename Op>
    void run(Op op);

    AccountManager &m_accounts;
    MainWindow &m_window;
};

} // namespace Natter
