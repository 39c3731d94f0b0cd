// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationcontroller.h"

#include "chatcontroller.h"
#include "models/flowlistmodel.h"
#include "session/accountcache.h"
#include "session/accountmanager.h"
#include "session/session.h"
#include "ui/mainwindow.h"

#include <QApplication>

namespace Natter {

NotificationController::NotificationController(AccountManager &accounts, MainWindow &window,
    ChatController &chats, AppSettings &settings, QObject *parent)
    : QObject(parent), m_accounts(accounts), m_window(window), m_chats(chats), m_notifier(&settings)
{
    connect(&m_notifier, &Notifier::notify, &m_tray, &TrayIcon::showMessage);
    connect(&m_tray, &TrayIcon::messageActivated, this, [this](const QString &flowId) {
        m_window.showNormal();
        m_window.raise();
        m_window.activateWindow();
        m_chats.openFlow(flowId);
    });
    connect(
        &m_chats, &ChatController::openFlowChanged, this, &NotificationController::updateViewState);
    connect(qApp, &QApplication::applicationStateChanged, this,
        &NotificationController::updateViewState);
    connect(&m_chats.flows(), &QAbstractItemModel::dataChanged, this,
        &NotificationController::updateUnread);
    connect(&m_chats.flows(), &QAbstractItemModel::rowsInserted, this,
        &NotificationController::updateUnread);
    connect(&m_chats.flows(), &QAbstractItemModel::rowsRemoved, this,
        &NotificationController::updateUnread);
    connect(&m_chats.flows(), &QAbstractItemModel::modelReset, this,
        &NotificationController::updateUnread);
}

void NotificationController::bindCurrentAccount()
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_boundAt = QDateTime::currentMSecsSinceEpoch();
    if (AccountCache *cache = m_accounts.cache())
        m_connections << connect(&cache->messages(), &MessageStore::messagesInserted, this,
            &NotificationController::onInserted);
    updateUnread();
    updateViewState();
}

void NotificationController::onInserted(const QString &flowId, const QStringList &keys)
{
    AccountCache *cache = m_accounts.cache();
    Session *session = m_accounts.session();
    // The first sync after start brings history, not news.
    if (!cache || !session || session->state() == Session::State::Syncing)
        return;
    const std::optional<Flow> flow = cache->flows().flow(flowId);
    if (!flow)
        return;
    const QString own = cache->users().ownUserId();
    const bool muted
        = cache->settings().value(FlowListModel::mutedKey(flowId)) == QLatin1String("1");
    for (const QString &key : keys) {
        const std::optional<Message> m = cache->messages().message(key);
        if (!m || m->deleted || m->time < m_boundAt - 60000)
            continue;
        if (cache->contacts().isBlocked(m->fromId))
            continue;
        QString author = m->fromName;
        if (author.isEmpty())
            if (const std::optional<User> user = cache->users().user(m->fromId))
                author = user->name.isEmpty() ? user->login : user->name;
        QString text = m->text;
        if (text.isEmpty() && !m->attachments.isEmpty())
            text = tr("Sent %n file(s)", nullptr, int(m->attachments.size()));
        m_notifier.onMessage(
            flowId, flow->title, author, text, m->fromId == own || m->id.isEmpty(), muted);
    }
}

void NotificationController::updateUnread()
{
    int total = 0;
    const FlowListModel &flows = m_chats.flows();
    for (int row = 0; row < flows.rowCount(); ++row) {
        const QModelIndex index = flows.index(row);
        if (!index.data(FlowListModel::MutedRole).toBool())
            total += index.data(FlowListModel::UnreadCountRole).toInt();
    }
    m_tray.setUnreadCount(total);
    m_window.setWindowTitle(total > 0 ? tr("Natter (%1)").arg(total) : tr("Natter"));
}

void NotificationController::updateViewState()
{
    m_notifier.setViewState(m_chats.openFlowId(),
        m_window.isActiveWindow() && QApplication::applicationState() == Qt::ApplicationActive);
}

} // namespace Natter
