// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "chatlistpane.h"
#include "connectionbanner.h"
#include "contactspanel.h"
#include "icons.h"
#include "loginpage.h"
#include "messagepane.h"
#include "registerpage.h"
#include "searchpanel.h"
#include "ui_mainwindow.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QMessageBox>
#include <QSettings>

namespace Natter {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);
    setWindowIcon(Icons::plain(QStringLiteral("natter")));
    m_login = new LoginPage(this);
    m_register = new RegisterPage(this);
    m_ui->authStack->addWidget(m_login);
    m_ui->authStack->addWidget(m_register);

    m_banner = new ConnectionBanner(this);
    m_ui->bannerLayout->addWidget(m_banner);
    m_chatList = new ChatListPane(this);
    m_messages = new MessagePane(this);
    m_ui->splitter->insertWidget(0, m_chatList);
    m_ui->splitter->insertWidget(1, m_messages);
    m_search = new SearchPanel(this);
    m_contacts = new ContactsPanel(this);
    m_ui->sidePanels->addWidget(m_search);
    m_ui->sidePanels->addWidget(m_contacts);
    m_ui->sidePanels->hide();
    m_ui->chatsLayout->setStretch(1, 1);
    m_ui->splitter->setStretchFactor(0, 0);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setStretchFactor(2, 0);
    m_ui->splitter->setSizes({ 320, 780, 0 });
    m_chatList->setMinimumWidth(240);
    m_messages->setMinimumWidth(360);
    m_ui->sidePanels->setMinimumWidth(280);

    connect(m_ui->actionProfile, &QAction::triggered, this, &MainWindow::profileRequested);
    connect(m_ui->actionContacts, &QAction::triggered, this, &MainWindow::contactsRequested);
    connect(m_ui->actionSettings, &QAction::triggered, this, &MainWindow::settingsRequested);
    connect(m_ui->actionAddAccount, &QAction::triggered, this, &MainWindow::addAccountRequested);
    connect(m_ui->actionLogout, &QAction::triggered, this, &MainWindow::logoutRequested);
    connect(m_ui->actionQuit, &QAction::triggered, this, &MainWindow::quitRequested);
    connect(m_ui->actionQuickSwitch, &QAction::triggered, this, &MainWindow::quickSwitchRequested);
    connect(m_ui->actionSearch, &QAction::triggered, this, &MainWindow::searchRequested);
    connect(m_ui->actionNewChat, &QAction::triggered, this, &MainWindow::newChatRequested);
    connect(m_ui->actionNewGroup, &QAction::triggered, this, &MainWindow::newGroupRequested);
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Natter"),
            tr("<b>Natter</b> %1<br>A native desktop messenger for MoreliaTalk, mode WS-server "
               "and DisTet servers.<br>GNU General Public License, version 3 or later.")
                .arg(QCoreApplication::applicationVersion()));
    });
    m_ui->actionQuit->setShortcutContext(Qt::ApplicationShortcut);
    m_ui->actionQuickSwitch->setShortcutContext(Qt::WindowShortcut);
    m_groupInfoAction = new QAction(this);
    m_groupInfoAction->setObjectName(QStringLiteral("actionGroupInfo"));
    m_groupInfoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_groupInfoAction->setText(tr("Group &info…"));
    m_ui->chatMenu->insertAction(m_ui->actionQuickSwitch, m_groupInfoAction);
    connect(m_groupInfoAction, &QAction::triggered, this, &MainWindow::groupInfoRequested);

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_ui->splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    showLogin();
}

MainWindow::~MainWindow()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/splitter"), m_ui->splitter->saveState());
}

void MainWindow::showLogin()
{
    m_ui->pages->setCurrentWidget(m_ui->authPage);
    m_ui->authStack->setCurrentWidget(m_login);
    m_ui->chatMenu->menuAction()->setVisible(false);
    m_ui->actionProfile->setVisible(false);
    m_ui->actionContacts->setVisible(false);
    m_ui->actionLogout->setVisible(false);
}

void MainWindow::showRegistration()
{
    m_ui->pages->setCurrentWidget(m_ui->authPage);
    m_ui->authStack->setCurrentWidget(m_register);
}

void MainWindow::showChats()
{
    m_ui->pages->setCurrentWidget(m_ui->chatsPage);
    m_ui->chatMenu->menuAction()->setVisible(true);
    m_ui->actionProfile->setVisible(true);
    m_ui->actionContacts->setVisible(true);
    m_ui->actionLogout->setVisible(true);
}

bool MainWindow::isShowingChats() const
{
    return m_ui->pages->currentWidget() == m_ui->chatsPage;
}

void MainWindow::showSidePanel(QWidget *panel)
{
    const bool wasHidden = m_ui->sidePanels->isHidden();
    m_ui->sidePanels->setCurrentWidget(panel);
    m_ui->sidePanels->show();
    if (wasHidden) {
        QList<int> sizes = m_ui->splitter->sizes();
        const int side = 320;
        if (sizes.size() == 3 && sizes[2] < side) {
            sizes[1] = qMax(360, sizes[1] - side);
            sizes[2] = side;
            m_ui->splitter->setSizes(sizes);
        }
    }
}

void MainWindow::closeSidePanel()
{
    m_ui->sidePanels->hide();
}

QWidget *MainWindow::sidePanel() const
{
    return m_ui->sidePanels->isVisible() ? m_ui->sidePanels->currentWidget() : nullptr;
}

void MainWindow::setAccounts(const QList<SavedAccount> &accounts, const QString &current)
{
    m_accounts = accounts;
    m_currentAccount = current;
    rebuildAccountActions();
}

void MainWindow::rebuildAccountActions()
{
    // The group owns the account actions; the separator belongs to the menu.
    delete m_accountGroup;
    m_accountGroup = nullptr;
    delete m_accountSeparator;
    m_accountSeparator = nullptr;
    if (m_accounts.size() < 2)
        return;
    m_accountGroup = new QActionGroup(this);
    QAction *before = m_ui->actionAddAccount;
    int index = 1;
    for (const SavedAccount &account : std::as_const(m_accounts)) {
        const QString name = account.user.name.isEmpty() ? account.user.login : account.user.name;
        const QString login = account.user.login.isEmpty() ? account.user.id : account.user.login;
        auto *action = new QAction(tr("%1 (%2)").arg(name, login), m_accountGroup);
        action->setCheckable(true);
        action->setChecked(account.key() == m_currentAccount);
        if (index <= 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key(Qt::Key_0 + index)));
        ++index;
        const QString key = account.key();
        connect(action, &QAction::triggered, this, [this, key] { Q_EMIT accountChosen(key); });
        m_ui->accountMenu->insertAction(before, action);
    }
    m_accountSeparator = m_ui->accountMenu->insertSeparator(before);
}

void MainWindow::setCreateAllowed(bool chat, bool group)
{
    m_ui->actionNewChat->setVisible(chat);
    m_ui->actionNewGroup->setVisible(group);
    m_chatList->setCreateAllowed(chat, group);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        rebuildAccountActions();
        m_groupInfoAction->setText(tr("Group &info…"));
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeToTray) {
        event->ignore();
        hide();
        Q_EMIT hiddenToTray();
        return;
    }
    QMainWindow::closeEvent(event);
    Q_EMIT quitRequested();
}

} // namespace Natter
