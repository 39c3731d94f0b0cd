// SPDX-License-Identifier: GPL-3.0-or-later
#include "groupcontroller.h"

#include "session/accountcache.h"
#include "session/accountmanager.h"
#include "session/session.h"
#include "ui/groupinfodialog.h"
#include "ui/mainwindow.h"
#include "ui/messagepane.h"

namespace Natter {

GroupController::GroupController(AccountManager &accounts, MainWindow &window, QObject *parent)
    : QObject(parent), m_accounts(accounts), m_window(window)
{
    connect(&m_window, &MainWindow::groupInfoRequested, this, &GroupController::show);
    connect(m_window.messagePane(), &MessagePane::groupInfoRequested, this, &GroupController::show);
    connect(m_window.messagePane(), &MessagePane::membersRequested, this, &GroupController::show);
    connect(
        &m_accounts, &AccountManager::currentChanged, this, &GroupController::bindCurrentAccount);
    bindCurrentAccount();
}

GroupController::~GroupController()
{
    delete m_dialog;
}

GroupInfoDialog *GroupController::dialog() const
{
    return m_dialog;
}

void GroupController::bindCurrentAccount()
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    if (m_dialog)
        m_dialog->close();
    m_members.setFlow(QString());
    m_members.setCache(m_accounts.cache());
    m_session = m_accounts.session();
    m_pending = 0;
    if (AccountCache *cache = m_accounts.cache())
        m_connections << connect(
            &cache->flows(), &FlowStore::flowsUpdated, this, [this](const QStringList &ids) {
                if (m_dialog && ids.contains(m_dialog->flowId()))
                    refreshFlow();
            });
    if (m_session)
        m_connections << connect(
            m_session, &Session::groupActionFinished, this, &GroupController::onFinished);
}

void GroupController::show()
{
    Session *session = m_accounts.session();
    AccountCache *cache = m_accounts.cache();
    const QString flowId = m_window.messagePane()->flowId();
    if (!session || !cache || flowId.isEmpty())
        return;
    const std::optional<Flow> flow = cache->flows().flow(flowId);
    if (!flow || flow->type == Flow::Type::Chat)
        return;
    if (session != m_session)
        bindCurrentAccount();
    if (!m_dialog) {
        m_dialog = new GroupInfoDialog(&m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        GroupInfoDialog *d = m_dialog;
        connect(d, &GroupInfoDialog::renameRequested, this, [this](const QString &title) {
            run([&](Session &s, const QString &id) { return s.renameFlow(id, title); });
        });
        connect(d, &GroupInfoDialog::privacyChangeRequested, this, [this](bool isPrivate) {
            run([&](Session &s, const QString &id) { return s.setFlowPrivate(id, isPrivate); });
        });
        connect(d, &GroupInfoDialog::photoChangeRequested, this,
            [this](const QByteArray &image, const QString &extension) {
                run([&](Session &s, const QString &id) {
                    return s.setFlowPhoto(id, image, extension);
                });
            });
        connect(d, &GroupInfoDialog::addMembersRequested, this, [this](const QStringList &users) {
            run([&](Session &s, const QString &id) { return s.addMembers(id, users); });
        });
        connect(d, &GroupInfoDialog::kickRequested, this, [this](const QString &user) {
            run([&](Session &s, const QString &id) { return s.kickMember(id, user); });
        });
        connect(d, &QObject::destroyed, this, [this] {
            m_pending = 0;
            m_members.setFlow(QString());
        });
    }
    const Capabilities caps = session->client().capabilities();
    m_members.setFlow(flowId);
    m_dialog->setMembersModel(&m_members);
    m_dialog->setFlow(*flow);
    m_dialog->setEditable(caps.manageGroups);
    m_dialog->setMembersListed(caps.groups || !flow->members.isEmpty());
    m_dialog->setCompletions(completions());
    m_dialog->setBusy(false);
    m_dialog->clearError();
    // The cache may be behind: read the members again (the model follows the cache).
    if (caps.groups)
        (void)session->fetchMembers(flowId);
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void GroupController::refreshFlow()
{
    AccountCache *cache = m_accounts.cache();
    if (!m_dialog || !cache)
        return;
    if (const std::optional<Flow> flow = cache->flows().flow(m_dialog->flowId()))
        m_dialog->setFlow(*flow);
}

template <typename Send>
void GroupController::run(Send send)
{
    Session *session = m_accounts.session();
    if (!m_dialog || !session || m_pending)
        return;
    const Result<RequestId> id = send(*session, m_dialog->flowId());
    if (!id) {
        m_dialog->showError(id.error());
        return;
    }
    m_pending = id.value();
    m_dialog->setBusy(true);
}

void GroupController::onFinished(RequestId id, const QString &, const Error &error)
{
    if (!m_dialog || id != m_pending)
        return;
    m_pending = 0;
    m_dialog->setBusy(false);
    if (!error.isNone()) {
        m_dialog->showError(error);
        refreshFlow(); // an unsaved toggle goes back to the server's state
    }
}

QStringList GroupController::completions() const
{
    AccountCache *cache = m_accounts.cache();
    if (!cache)
        return {};
    // Friends first, then everyone met in a chat: their logins (else ids) as typed.
    QStringList ids;
    for (const Contact &c : cache->contacts().contacts(Contact::Kind::Friend))
        ids << c.userId;
    for (const Flow &flow : cache->flows().flows())
        ids += flow.members;
    ids.removeDuplicates();
    const QString self = cache->users().ownUserId();
    QStringList out;
    for (const QString &id : std::as_const(ids)) {
        if (id == self)
            continue;
        const std::optional<User> user = cache->users().user(id);
        out << (user && !user->login.isEmpty() ? user->login : id);
    }
    out.removeDuplicates();
    return out;
}

} // namespace Natter
