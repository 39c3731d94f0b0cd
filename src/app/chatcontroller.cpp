// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatcontroller.h"

#include "session/accountcache.h"
#include "session/accountmanager.h"
#include "session/session.h"
#include "session/syncengine.h"
#include "ui/chatlistpane.h"
#include "ui/connectionbanner.h"
#include "ui/errortext.h"
#include "ui/mainwindow.h"
#include "ui/messagepane.h"
#include "ui/newchatdialog.h"
#include "ui/quickswitcher.h"
#include "ui/searchpanel.h"

#include <QApplication>
#include <QDateTime>
#include <QInputDialog>

namespace Natter {

ChatController::ChatController(AccountManager &accounts, MainWindow &window, QObject *parent)
    : QObject(parent), m_accounts(accounts), m_window(window)
{
    m_window.chatList()->setModel(&m_flows);
    m_window.messagePane()->setModel(&m_messages);
    connectWidgets();
}

ChatController::~ChatController() = default;

AccountCache *ChatController::cache() const
{
    return m_accounts.cache();
}

Session *ChatController::session() const
{
    return m_accounts.session();
}

void ChatController::bindCurrentAccount()
{
    for (const QMetaObject::Connection &c : std::as_const(m_sessionConnections))
        disconnect(c);
    m_sessionConnections.clear();
    m_openFlow.clear();
    AccountCache *c = cache();
    m_flows.setCache(c);
    m_messages.setCache(c);
    m_messages.setFlow({});
    m_window.messagePane()->setFlow({}, {}, false);
    m_window.searchPanel()->setCache(c);
    m_session = session();
    if (m_session) {
        const Capabilities caps = m_session->client().capabilities();
        m_window.messagePane()->setCapabilities(caps);
        m_window.setCreateAllowed(caps.createFlow, caps.createFlow && caps.groups);
        m_window.searchPanel()->setServerSearchAvailable(caps.serverSearch);
        connectSession(m_session);
    }
    updateBanner();
    Q_EMIT openFlowChanged({});
}

void ChatController::connectWidgets()
{
    ChatListPane *list = m_window.chatList();
    MessagePane *pane = m_window.messagePane();
    connect(list, &ChatListPane::flowActivated, this, &ChatController::openFlow);
    connect(list, &ChatListPane::newChatRequested, this, [this] { newFlow(false); });
    connect(list, &ChatListPane::newGroupRequested, this, [this] { newFlow(true); });
    connect(&m_window, &MainWindow::newChatRequested, this, [this] { newFlow(false); });
    connect(&m_window, &MainWindow::newGroupRequested, this, [this] { newFlow(true); });
    connect(&m_window, &MainWindow::quickSwitchRequested, this, &ChatController::showQuickSwitcher);
    connect(&m_window, &MainWindow::searchRequested, this, &ChatController::showSearch);

    connect(pane, &MessagePane::sendRequested, this, &ChatController::send);
    connect(pane, &MessagePane::editRequested, this,
        [this](const QString &flowId, const QString &messageId, const QString &text) {
            if (session())
                session()->editMessage(flowId, messageId, text);
        });
    connect(pane, &MessagePane::deleteRequested, this,
        [this](const QString &flowId, const QString &messageId, bool forMeOnly) {
            if (!session())
                return;
            if (forMeOnly)
                session()->deleteMessageForMe(flowId, messageId);
            else
                session()->deleteMessage(flowId, messageId);
        });
    connect(pane, &MessagePane::retryRequested, this, [this](qint64 clientId) {
        if (session())
            if (Error e = session()->retrySend(clientId); !e.isNone())
                Q_EMIT errorShown(e);
    });
    connect(pane, &MessagePane::discardRequested, this, [this](qint64 clientId) {
        if (session())
            if (Error e = session()->discardSend(clientId); !e.isNone())
                Q_EMIT errorShown(e);
    });
    connect(
        pane, &MessagePane::draftChanged, this, [this](const QString &flowId, const QString &text) {
            if (cache() && !flowId.isEmpty())
                cache()->settings().setDraft(flowId, text);
        });
    connect(pane, &MessagePane::searchRequested, this, &ChatController::showSearch);
    connect(pane, &MessagePane::blockRequested, this, &ChatController::setBlockedForOpenFlow);
    connect(pane, &MessagePane::muteRequested, this, &ChatController::setMuted);
    connect(&m_messages, &MessageListModel::olderHistoryWanted, this, [this](const QString &) {
        // The cache holds the whole history the server gave at the first sync (MoreliaTalk
        // has no "before" query): asking again is a resync of that flow.
        if (session())
            session()->sync().pollNow();
    });

    SearchPanel *search = m_window.searchPanel();
    connect(search, &SearchPanel::resultActivated, this, &ChatController::jumpTo);
    connect(search, &SearchPanel::closeRequested, &m_window, &MainWindow::closeSidePanel);
    connect(search, &SearchPanel::serverSearchRequested, this, [this](const QString &text) {
        if (session() && session()->client().capabilities().serverSearch)
            m_searchRequest = session()->client().searchMessages(text);
    });
}

void ChatController::connectSession(Session *s)
{
    ProtocolClient *client = &s->client();
    m_sessionConnections << connect(s, &Session::stateChanged, this, &ChatController::updateBanner);
    m_sessionConnections << connect(s, &Session::syncProgress, this,
        [this](int done, int total) { m_window.banner()->setSyncProgress(done, total); });
    m_sessionConnections << connect(s, &Session::actionFailed, this, &ChatController::errorShown);
    m_sessionConnections << connect(client, &ProtocolClient::searchResultsReceived, this,
        [this](RequestId id, const QList<Message> &found) {
            if (id == m_searchRequest)
                m_window.searchPanel()->addServerResults(found);
        });
    m_sessionConnections << connect(
        client, &ProtocolClient::flowCreated, this, [this](RequestId id, const Flow &flow) {
            if (id != m_createRequest)
                return;
            m_createRequest = 0;
            // The session stores it first (its connection was made earlier).
            openFlow(flow.id);
        });
    m_sessionConnections << connect(
        client, &ProtocolClient::requestFailed, this, [this](RequestId id, const Error &error) {
            if (id == m_createRequest) {
                m_createRequest = 0;
                Q_EMIT errorShown(error);
            }
        });
    // A rename, a new photo or members changing show in the open chat's header at once.
    m_sessionConnections << connect(
        &s->cache().flows(), &FlowStore::flowsUpdated, this, [this](const QStringList &ids) {
            if (ids.contains(m_openFlow))
                refreshHeader();
        });
    m_sessionConnections << connect(&s->cache().messages(), &MessageStore::messagesInserted, this,
        [this](const QString &flowId, const QStringList &) {
            if (flowId == m_openFlow)
                markOpenFlowRead();
        });
}

void ChatController::updateBanner()
{
    Session *s = session();
    ConnectionBanner *banner = m_window.banner();
    if (!s) {
        banner->setState(Session::State::Offline);
        return;
    }
    banner->setState(s->state(), s->reconnectInMs());
}

void ChatController::openFlow(const QString &flowId)
{
    AccountCache *c = cache();
    if (!c)
        return;
    const std::optional<Flow> flow = c->flows().flow(flowId);
    if (!flow)
        return;
    m_openFlow = flowId;
    MessagePane *pane = m_window.messagePane();
    m_messages.setFlow(flowId);
    pane->setFlow(
        flowId, flow->title.isEmpty() ? flowId : flow->title, flow->type != Flow::Type::Chat);
    refreshHeader();
    pane->setDraft(c->settings().draft(flowId));
    pane->setMuted(c->settings().value(FlowListModel::mutedKey(flowId)) == QLatin1String("1"));
    const QString other = otherMember(flowId);
    pane->setBlocked(!other.isEmpty() && c->contacts().isBlocked(other));
    m_window.chatList()->selectFlow(flowId);
    if (session())
        session()->setOpenFlow(flowId);
    markOpenFlowRead();
    pane->focusComposer();
    Q_EMIT openFlowChanged(flowId);
}

void ChatController::refreshHeader()
{
    AccountCache *c = cache();
    const std::optional<Flow> flow
        = c && !m_openFlow.isEmpty() ? c->flows().flow(m_openFlow) : std::nullopt;
    if (!flow)
        return;
    MessagePane *pane = m_window.messagePane();
    pane->setHeader(flow->title.isEmpty() ? flow->id : flow->title, flow->photo);
    pane->setSubtitle(subtitleFor(*flow));
}

QString ChatController::subtitleFor(const Flow &flow) const
{
    switch (flow.type) {
    case Flow::Type::Chat:
        return tr("private chat");
    case Flow::Type::Group:
        return flow.members.isEmpty()
            ? tr("group")
            : tr("group, %n member(s)", nullptr, int(flow.members.size()));
    case Flow::Type::Channel:
        return flow.info.isEmpty() ? tr("channel") : flow.info;
    }
    return {};
}

void ChatController::markOpenFlowRead()
{
    AccountCache *c = cache();
    if (!c || m_openFlow.isEmpty() || !m_window.isActiveWindow())
        return;
    if (const std::optional<Message> last = c->flows().lastMessage(m_openFlow))
        c->flows().markRead(m_openFlow, last->time);
}

QString ChatController::otherMember(const QString &flowId) const
{
    AccountCache *c = cache();
    if (!c)
        return {};
    const std::optional<Flow> flow = c->flows().flow(flowId);
    if (!flow || flow->type != Flow::Type::Chat)
        return {};
    const QString own = c->users().ownUserId();
    for (const QString &member : flow->members)
        if (member != own)
            return member;
    // Servers that list no members: the other author of the chat's messages.
    for (const Message &m : c->messages().newest(flowId, 50))
        if (!m.fromId.isEmpty() && m.fromId != own)
            return m.fromId;
    return {};
}

void ChatController::send(const QString &flowId, const QString &text,
    const QList<Attachment> &attachments, const QString &replyToId)
{
    Session *s = session();
    if (!s)
        return;
    QString body = text;
    if (!replyToId.isEmpty()) {
        // No backend carries a reply reference: quote the first line, as mail does.
        if (const std::optional<Message> quoted = cache()->messages().message(replyToId)) {
            const QString line = quoted->text.section(QLatin1Char('\n'), 0, 0).left(120);
            const QString author = quoted->fromName.isEmpty() ? quoted->fromId : quoted->fromName;
            body = QStringLiteral("> %1: %2\n%3").arg(author, line, text);
        }
    }
    Result<qint64> queued = s->sendMessage(flowId, body, attachments);
    if (!queued)
        Q_EMIT errorShown(queued.error());
}

void ChatController::setBlockedForOpenFlow(bool block)
{
    const QString other = otherMember(m_openFlow);
    if (other.isEmpty() || !session())
        return;
    if (Error e = session()->setBlocked(other, block); !e.isNone()) {
        Q_EMIT errorShown(e);
        return;
    }
    m_window.messagePane()->setBlocked(block);
}

void ChatController::setMuted(bool mute)
{
    if (!cache() || m_openFlow.isEmpty())
        return;
    const QString key = FlowListModel::mutedKey(m_openFlow);
    const Error e = mute ? cache()->settings().setValue(key, QStringLiteral("1"))
                         : cache()->settings().remove(key);
    if (!e.isNone())
        Q_EMIT errorShown(e);
    m_window.messagePane()->setMuted(mute);
}

void ChatController::jumpTo(const QString &flowId, const QString &messageKey)
{
    if (flowId != m_openFlow)
        openFlow(flowId);
    // The view loads the window around the message when it is not loaded.
    m_window.messagePane()->scrollToMessage(messageKey);
}

void ChatController::showSearch()
{
    if (!cache())
        return;
    SearchPanel *panel = m_window.searchPanel();
    QString title;
    if (const std::optional<Flow> flow = cache()->flows().flow(m_openFlow))
        title = flow->title;
    panel->setCurrentFlow(m_openFlow, title);
    m_window.showSidePanel(panel);
    panel->focusSearch();
}

void ChatController::showQuickSwitcher()
{
    if (!cache())
        return;
    auto *switcher = new QuickSwitcher(&m_flows, &m_window);
    switcher->setAttribute(Qt::WA_DeleteOnClose);
    connect(switcher, &QuickSwitcher::flowChosen, this, &ChatController::openFlow);
    switcher->popup();
}

void ChatController::newFlow(bool group)
{
    Session *s = session();
    if (!s)
        return;
    NewChatDialog dialog(group ? NewChatDialog::Mode::Group : NewChatDialog::Mode::Chat, &m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    NewFlow flow;
    if (group) {
        flow.type = Flow::Type::Group;
        flow.title = dialog.title();
        flow.info = dialog.description();
        for (const QString &member : dialog.members())
            flow.members << s->resolveUser(member);
    } else {
        flow.type = Flow::Type::Chat;
        const QString other = s->resolveUser(dialog.userOrLogin());
        flow.members << other;
        flow.title = dialog.userOrLogin();
    }
    if (s->client().connectionState() != ConnectionState::Connected) {
        Q_EMIT errorShown(Error::make(
            Error::Code::ConnectionLost, QStringLiteral("new chats need a connection")));
        return;
    }
    m_createRequest = s->client().createFlow(flow);
}

} // namespace Natter
