// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcontroller.h"

#include "core/logging.h"
#include "groupcontroller.h"
#include "session/accountcache.h"
#include "session/session.h"
#include "ui/connectionbanner.h"
#include "ui/errortext.h"
#include "ui/language.h"
#include "ui/loginpage.h"
#include "ui/messagepane.h"
#include "ui/profiledialog.h"
#include "ui/settingsdialog.h"
#include "ui/theme.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QPointer>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>

namespace Natter {

namespace {

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

} // namespace

AppController::AppController(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    if (m_options.dataDir.isEmpty())
        m_options.dataDir = defaultDataDir();
    QDir().mkpath(m_options.dataDir);
    m_settings = m_options.settingsFile.isEmpty()
        ? std::make_unique<AppSettings>()
        : std::make_unique<AppSettings>(m_options.settingsFile);
    Theme::apply(m_settings->theme());
    Language::apply(m_settings->language());
    AppSettings::applyProxy(m_settings->proxy());

    m_accounts = std::make_unique<AccountManager>(m_options.dataDir, m_secrets);
    m_window = std::make_unique<MainWindow>();
    m_auth = std::make_unique<AuthController>(*m_accounts, *m_window);
    m_chats = std::make_unique<ChatController>(*m_accounts, *m_window);
    m_contacts = std::make_unique<ContactsController>(*m_accounts, *m_window);
    // Owned by the window, so it goes with it, before the accounts and their caches.
    new GroupController(*m_accounts, *m_window, m_window.get());
    m_notifications
        = std::make_unique<NotificationController>(*m_accounts, *m_window, *m_chats, *m_settings);
    m_media = std::make_unique<MediaController>(*m_accounts, *m_window, *m_settings);

    connect(m_settings.get(), &AppSettings::changed, this, &AppController::applySettings);
    connect(m_accounts.get(), &AccountManager::currentChanged, this,
        &AppController::onCurrentAccountChanged);
    connect(m_accounts.get(), &AccountManager::accountsChanged, this,
        [this] { m_window->setAccounts(m_accounts->accounts(), m_accounts->currentKey()); });
    connect(m_accounts.get(), &AccountManager::signInNeeded, this, &AppController::onSignInNeeded);
    connect(m_chats.get(), &ChatController::errorShown, this, &AppController::showError);
    connect(m_window->banner(), &ConnectionBanner::retryRequested, this, [this] {
        if (Session *s = m_accounts->session())
            s->reconnectNow();
    });
    connect(m_window->banner(), &ConnectionBanner::signInRequested, this,
        [this] { onSignInNeeded(m_accounts->currentKey()); });

    connect(m_window.get(), &MainWindow::profileRequested, this, &AppController::showProfile);
    connect(m_window.get(), &MainWindow::settingsRequested, this, &AppController::showSettings);
    connect(m_window.get(), &MainWindow::logoutRequested, this, &AppController::logout);
    connect(m_window.get(), &MainWindow::quitRequested, this, &AppController::quit);
    connect(m_window.get(), &MainWindow::addAccountRequested, this,
        [this] { m_auth->showLogin(m_accounts->currentProfile().id); });
    connect(m_window.get(), &MainWindow::accountChosen, this, [this](const QString &key) {
        if (Error e = m_accounts->switchTo(key); !e.isNone()) {
            const SavedAccount account = m_accounts->registry().account(key);
            m_auth->showLogin(account.profileId, account.user.login, e);
        }
    });
    TrayIcon &tray = m_notifications->tray();
    connect(&tray, &TrayIcon::showRequested, this, [this] {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    });
    connect(&tray, &TrayIcon::hideRequested, m_window.get(), &QWidget::hide);
    connect(&tray, &TrayIcon::quitRequested, this, &AppController::quit);
    connect(m_auth.get(), &AuthController::signedIn, this, [this] { m_window->showChats(); });
}

AppController::~AppController()
{
    // Controllers hold models bound to the caches: unbind before the sessions go.
    m_media.reset();
    m_notifications.reset();
    m_contacts.reset();
    m_chats.reset();
    m_auth.reset();
    m_window.reset();
    m_accounts.reset();
}

void AppController::applySettings(const QString &key)
{
    Q_UNUSED(key)
    Theme::apply(m_settings->theme());
    if (Language::current() != m_settings->language())
        Language::apply(m_settings->language());
    AppSettings::applyProxy(m_settings->proxy());
    m_window->setCloseToTray(m_settings->closeToTray() && m_notifications->tray().isAvailable());
}

ServerProfile AppController::profileForOptions()
{
    AccountRegistry &registry = m_accounts->registry();
    if (m_options.server.isEmpty())
        return registry.profile(registry.account(registry.currentAccount()).profileId);
    for (const ServerProfile &p : registry.profiles())
        if (p.url == m_options.server
            && (p.protocol == m_options.protocol || m_options.protocol.isEmpty()))
            return p;
    ServerProfile p;
    p.url = m_options.server;
    p.protocol = m_options.protocol.isEmpty() ? QStringLiteral("auto") : m_options.protocol;
    p.name = tr("Server at %1").arg(QUrl(p.url).host());
    if (p.url == ServerProfile::localDemo().url)
        p = ServerProfile::localDemo(), p.protocol = m_options.protocol;
    p = registry.upsertProfile(p);
    registry.save();
    return p;
}

int AppController::start()
{
    if (Error e = m_accounts->load(); !e.isNone())
        showError(e);
    applySettings({});
    m_window->setAccounts(m_accounts->accounts(), m_accounts->currentKey());
    const ServerProfile profile = profileForOptions();
    const QString last = m_accounts->registry().currentAccount();
    const SavedAccount lastAccount = m_accounts->registry().account(last);
    const bool minimized = (m_options.startMinimized || m_settings->startMinimized())
        && m_notifications->tray().isAvailable() && m_options.screenshot.isEmpty();
    if (!minimized)
        m_window->show();

    if (!m_options.password.isEmpty()) {
        m_auth->signIn(profile, m_options.login, m_options.password);
    } else if (!last.isEmpty()
        && (m_options.server.isEmpty() || lastAccount.profileId == profile.id)) {
        // A returning user: straight to the chats from the cache while the session reconnects.
        if (Error e = m_accounts->open(last); !e.isNone())
            m_auth->showLogin(lastAccount.profileId, lastAccount.user.login,
                e.code == Error::Code::NotAuthenticated ? Error {} : e);
    } else {
        m_auth->showLogin(profile.id, m_options.login);
    }
    if (!m_options.screenshot.isEmpty())
        takeScreenshotWhenReady();
    return 0;
}

void AppController::onCurrentAccountChanged()
{
    m_chats->bindCurrentAccount();
    m_contacts->bindCurrentAccount();
    m_notifications->bindCurrentAccount();
    m_window->setAccounts(m_accounts->accounts(), m_accounts->currentKey());
    if (m_accounts->session())
        m_window->showChats();
    else if (m_window->isShowingChats())
        m_auth->showLogin();
}

void AppController::onSignInNeeded(const QString &key)
{
    const SavedAccount account = m_accounts->registry().account(key);
    if (key != m_accounts->currentKey())
        return;
    m_auth->showLogin(account.profileId, account.user.login,
        Error::make(Error::Code::SessionExpired, QStringLiteral("the server refused the session")));
}

void AppController::showError(const Error &error)
{
    m_window->statusBar()->showMessage(ErrorText::full(error), 10000);
}

void AppController::showProfile()
{
    Session *session = m_accounts->session();
    AccountCache *cache = m_accounts->cache();
    if (!session || !cache)
        return;
    User user = cache->users().ownUser();
    if (user.id.isEmpty())
        user = m_accounts->currentAccount().user;
    ProfileDialog dialog(user, session->client().capabilities(), m_window.get());
    connect(&dialog, &ProfileDialog::logoutRequested, &dialog, [this, &dialog] {
        dialog.accept();
        QTimer::singleShot(0, this, &AppController::logout);
    });
    connect(&dialog, &ProfileDialog::deleteAccountRequested, &dialog,
        [this, &dialog](const QString &password) {
            dialog.setBusy(true);
            QPointer<ProfileDialog> guard(&dialog);
            m_accounts->deleteAccount(m_accounts->currentKey(), password, [guard](const Error &e) {
                if (!guard)
                    return;
                guard->setBusy(false);
                if (e.isNone())
                    guard->accept();
                else
                    guard->showError(e);
            });
        });
    dialog.exec();
}

void AppController::showSettings()
{
    SettingsDialog dialog(m_settings.get(), m_window.get());
    dialog.setDataFolder(m_options.dataDir);
    m_media->attachSettings(dialog);
    dialog.exec();
}

void AppController::logout()
{
    const QString key = m_accounts->currentKey();
    if (key.isEmpty())
        return;
    const SavedAccount account = m_accounts->currentAccount();
    const auto answer = QMessageBox::question(m_window.get(), tr("Log out"),
        tr("Log out of %1? The messages kept on this device for this account are removed; they "
           "stay on the server.")
            .arg(account.user.name.isEmpty() ? account.user.login : account.user.name));
    if (answer != QMessageBox::Yes)
        return;
    m_accounts->logout(key, [this, account] {
        const QList<SavedAccount> rest = m_accounts->accounts();
        if (!rest.isEmpty() && m_accounts->switchTo(rest.first().key()).isNone())
            return;
        m_auth->showLogin(account.profileId, account.user.login);
    });
}

void AppController::takeScreenshotWhenReady()
{
    auto *timer = new QTimer(this);
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    connect(timer, &QTimer::timeout, this, [this, timer, started] {
        Session *s = m_accounts->session();
        const bool ready = s && s->state() == Session::State::Online && m_window->isShowingChats();
        if (!ready && started->elapsed() < 30000)
            return;
        timer->stop();
        timer->deleteLater();
        if (ready && m_chats->openFlowId().isEmpty() && m_chats->flows().rowCount() > 0)
            m_chats->openFlow(m_chats->flows().index(0).data(FlowListModel::FlowIdRole).toString());
        QTimer::singleShot(700, this, [this, ready] {
            const bool saved = m_window->grab().save(m_options.screenshot);
            if (!saved || !ready)
                qCWarning(lcSession) << "screenshot" << m_options.screenshot
                                     << (ready ? "not saved" : "taken before the chats synced");
            QApplication::exit(saved && ready ? 0 : 1);
        });
    });
    timer->start(100);
}

void AppController::quit()
{
    m_accounts->shutdown();
    QApplication::quit();
}

} // namespace Natter
