// SPDX-License-Identifier: GPL-3.0-or-later
#include "session.h"

#include "accountcache.h"
#include "core/logging.h"
#include "outboxsender.h"
#include "syncengine.h"
#include "transfers.h"

#include <QDateTime>

namespace Natter {

Session::Session(std::shared_ptr<ProtocolClient> client, AccountCache &cache, QObject *parent)
    : QObject(parent), m_client(std::move(client)), m_cache(cache)
{
    ProtocolClient *c = m_client.get();
    // Answers are written when their request ends. These connections come before the sync
    // engine's and the outbox's, so both see the cache complete when they react to the end.
    connect(c, &ProtocolClient::requestFinished, this, &Session::flushMessages);
    connect(c, &ProtocolClient::requestFailed, this, &Session::flushMessages);
    m_sync = std::make_unique<SyncEngine>(*m_client, cache);
    m_outbox = std::make_unique<OutboxSender>(*m_client, cache);

    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &Session::reconnectNow);

    connect(c, &ProtocolClient::connectionStateChanged, this, &Session::onConnectionState);
    connect(c, &ProtocolClient::flowsReceived, this,
        [this](RequestId, const QList<Flow> &f) { storeFlows(f); });
    connect(c, &ProtocolClient::flowCreated, this,
        [this](RequestId, const Flow &f) { storeFlows({ f }); });
    connect(c, &ProtocolClient::messagesReceived, this, &Session::storeMessages);
    connect(c, &ProtocolClient::usersReceived, this, [this](RequestId, const QList<User> &users) {
        storeError(m_cache.users().upsertUsers(users));
    });
    connect(c, &ProtocolClient::profileReceived, this, [this](RequestId, const User &user) {
        storeError(user.id == m_account.user.id ? m_cache.users().setOwnUser(user)
                                                : m_cache.users().upsertUsers({ user }));
    });
    connect(c, &ProtocolClient::messageEdited, this,
        [this](RequestId id, const QString &, const QString &messageId) {
            flushMessages();
            if (m_edits.contains(id))
                storeError(m_cache.messages().applyEdit(
                    messageId, m_edits.take(id), QDateTime::currentMSecsSinceEpoch()));
        });
    connect(c, &ProtocolClient::messageDeleted, this,
        [this](RequestId, const QString &, const QString &messageId) {
            flushMessages();
            storeError(m_cache.messages().markDeleted(messageId));
        });
    connect(c, &ProtocolClient::requestFailed, this, [this](RequestId id, const Error &error) {
        m_edits.remove(id);
        if (m_actions.remove(id))
            Q_EMIT actionFailed(error);
    });
    connect(
        c, &ProtocolClient::requestFinished, this, [this](RequestId id) { m_actions.remove(id); });
    connect(c, &ProtocolClient::contactsReceived, this,
        [this](RequestId, Contact::Kind kind, const QList<Contact> &contacts) {
            storeError(m_cache.contacts().replaceContacts(kind, contacts));
        });
    // One change can move a user between lists (an accepted request becomes a friend): the
    // server's lists are the truth, so read them again.
    connect(c, &ProtocolClient::contactChanged, this, [this] { refreshContacts(); });
    connect(c, &ProtocolClient::contactRemoved, this, [this] { refreshContacts(); });
    // Group changes (sessiongroups.cpp); members are stored whoever asked for them.
    connect(c, &ProtocolClient::requestFinished, this, &Session::onGroupFinished);
    connect(c, &ProtocolClient::requestFailed, this, &Session::onGroupFailed);
    connect(c, &ProtocolClient::membersReceived, this, &Session::storeMembers);

    connect(m_sync.get(), &SyncEngine::progress, this, &Session::syncProgress);
    connect(m_sync.get(), &SyncEngine::synced, this, [this] {
        setState(State::Online);
        m_outbox->setReady(true);
        refreshContacts();
        Q_EMIT synced();
    });
    connect(m_sync.get(), &SyncEngine::polled, this, [this] {
        if (!m_outbox->isReady())
            m_outbox->setReady(true);
    });
    connect(m_sync.get(), &SyncEngine::failed, this, &Session::onSyncFailed);
    // Last: its request ends are seen after the session stored the answers.
    m_transfers = std::make_unique<Transfers>(*m_client, cache, *m_outbox);
    connect(m_transfers.get(), &Transfers::progress, this, &Session::transferProgress);
}

Session::~Session()
{
    m_running = false;
    m_client->disconnect(this);
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

int Session::reconnectInMs() const
{
    return m_reconnectTimer.isActive() ? m_reconnectTimer.remainingTime() : 0;
}

void Session::start(const QUrl &server, const Account &account)
{
    m_server = server;
    m_account = account;
    m_running = true;
    m_backoff.reset();
    m_client->setAccount(account);
    if (!account.user.id.isEmpty())
        storeError(m_cache.users().setOwnUser(account.user));
    // Sends interrupted by the end of the last run go out again.
    storeError(m_cache.outbox().requeueInterrupted());
    setState(State::Connecting);
    m_client->connectToServer(server);
}

void Session::stop()
{
    m_running = false;
    m_reconnectTimer.stop();
    m_sync->stop();
    m_outbox->setReady(false);
    m_client->disconnectFromServer();
    setState(State::Offline);
}

void Session::reconnectNow()
{
    if (!m_running || m_client->connectionState() != ConnectionState::Disconnected)
        return;
    m_reconnectTimer.stop();
    m_client->setAccount(m_account);
    setState(m_state == State::Offline ? State::Connecting : State::Reconnecting);
    m_client->connectToServer(m_server);
}

void Session::onConnectionState(ConnectionState state)
{
    if (!m_running)
        return;
    switch (state) {
    case ConnectionState::Connected:
        m_backoff.reset();
        setState(State::Syncing);
        m_sync->start();
        break;
    case ConnectionState::Disconnected:
        m_sync->stop();
        m_outbox->setReady(false);
        if (m_state != State::AuthFailed)
            scheduleReconnect();
        break;
    case ConnectionState::Connecting:
        break;
    }
}

void Session::scheduleReconnect()
{
    const int delay = m_backoff.nextDelayMs();
    qCInfo(lcSession) << "reconnecting in" << delay << "ms";
    m_reconnectTimer.start(delay);
    setState(State::Reconnecting);
    // Listeners read reconnectInMs() for the countdown; say it again for the new delay.
    Q_EMIT stateChanged(State::Reconnecting);
}

void Session::onSyncFailed(const Error &error)
{
    Q_EMIT errorOccurred(error);
    if (error.group() == Error::Group::Auth) {
        setState(State::AuthFailed);
        m_running = false;
        m_client->disconnectFromServer();
        return;
    }
    // A server that stops answering (timeouts) or a sync that could not finish leaves nothing
    // to poll on: start over through a reconnect, which waits out the backoff first. A poll the
    // server refused is retried by the sync engine itself.
    const bool stalled = error.group() == Error::Group::Network || m_state == State::Syncing;
    if (stalled && m_client->connectionState() == ConnectionState::Connected) {
        qCInfo(lcSession) << "sync stalled:" << error << "- reconnecting";
        m_client->disconnectFromServer();
    }
}

void Session::storeFlows(const QList<Flow> &flows)
{
    if (!flows.isEmpty())
        storeError(m_cache.flows().upsertFlows(flows));
}

void Session::storeMessages(RequestId id, const QList<Message> &messages)
{
    // A paged answer arrives in many frames: storing them together makes one transaction (and
    // one full-text index segment) of many frames. Pushes are stored at once.
    m_unstored += messages;
    if (id == 0 || m_unstored.size() >= kStoreBatch)
        flushMessages();
}

void Session::flushMessages()
{
    if (m_unstored.isEmpty())
        return;
    const QList<Message> batch = std::exchange(m_unstored, {});
    storeError(m_cache.messages().insertOrUpdateMessages(batch));
    requestUnknownAuthors(batch);
}

void Session::requestUnknownAuthors(const QList<Message> &messages)
{
    // Some servers send only the author's id (MoreliaTalk revision 17): ask once per run for
    // the profiles of authors the cache cannot name.
    if (m_client->connectionState() != ConnectionState::Connected)
        return;
    for (const Message &m : messages) {
        if (m.fromId.isEmpty() || !m.fromName.isEmpty() || m_profilesAsked.contains(m.fromId))
            continue;
        m_profilesAsked.insert(m.fromId);
        const std::optional<User> known = m_cache.users().user(m.fromId);
        if (!known || known->name.isEmpty())
            m_client->fetchProfile(m.fromId);
    }
}

void Session::storeError(const Error &error)
{
    if (error.isNone())
        return;
    qCWarning(lcSession) << "cache write failed:" << error;
    Q_EMIT errorOccurred(error);
}

Result<qint64> Session::sendMessage(
    const QString &flowId, const QString &text, const QList<Attachment> &attachments)
{
    Result<qint64> clientId = m_cache.outbox().enqueue(flowId, text, attachments);
    if (clientId)
        m_outbox->pump();
    return clientId;
}

Error Session::retrySend(qint64 clientId)
{
    Error e = m_cache.outbox().retry(clientId);
    if (e.isNone())
        m_outbox->pump();
    return e;
}

Error Session::discardSend(qint64 clientId)
{
    return m_cache.outbox().discard(clientId);
}

RequestId Session::editMessage(const QString &flowId, const QString &messageId, const QString &text)
{
    const RequestId id = track(m_client->editMessage(flowId, messageId, text));
    m_edits.insert(id, text);
    return id;
}

RequestId Session::deleteMessage(const QString &flowId, const QString &messageId)
{
    return track(m_client->deleteMessage(flowId, messageId));
}

RequestId Session::deleteMessageForMe(const QString &flowId, const QString &messageId)
{
    return track(m_client->deleteMessageForMe(flowId, messageId));
}

RequestId Session::track(RequestId id)
{
    if (id)
        m_actions.insert(id);
    return id;
}

void Session::setOpenFlow(const QString &flowId)
{
    m_sync->setFlowOpen(!flowId.isEmpty());
}

} // namespace Natter

namespace Natter {

Error Session::setBlocked(const QString &userIdOrLogin, bool blocked)
{
    const QString userId = resolveUser(userIdOrLogin);
    if (!m_client->capabilities().serverContacts)
        return m_cache.contacts().setBlocked(userId, blocked, true);
    if (m_client->connectionState() != ConnectionState::Connected)
        return Error::make(Error::Code::ConnectionLost,
            QStringLiteral("the blacklist lives on the server: connect first"));
    // The cache follows the server's answer (contactChanged / contactRemoved).
    track(blocked ? m_client->blockUser(userId) : m_client->unblockUser(userId));
    return {};
}

QString Session::resolveUser(const QString &userIdOrLogin) const
{
    const QString typed = userIdOrLogin.trimmed();
    if (m_cache.users().user(typed))
        return typed;
    const QString byLogin = m_cache.users().idForLogin(typed);
    return byLogin.isEmpty() ? typed : byLogin;
}

Error Session::serverContactsReady() const
{
    if (m_client->connectionState() != ConnectionState::Connected)
        return Error::make(Error::Code::ConnectionLost,
            QStringLiteral("the friends list lives on the server: connect first"));
    return {};
}

Error Session::requestFriend(const QString &userIdOrLogin, const QString &note)
{
    const QString userId = resolveUser(userIdOrLogin);
    if (userId.isEmpty())
        return Error::make(Error::Code::InvalidArgument, QStringLiteral("no user given"));
    if (userId == m_cache.users().ownUserId())
        return Error::make(
            Error::Code::InvalidArgument, QStringLiteral("you cannot befriend yourself"));
    if (!m_client->capabilities().serverContacts) {
        Contact contact;
        contact.userId = userId;
        contact.kind = Contact::Kind::Friend;
        contact.note = note;
        if (const auto user = m_cache.users().user(userId))
            contact.name = user->name;
        return m_cache.contacts().saveLocal(contact);
    }
    if (Error e = serverContactsReady(); !e.isNone())
        return e;
    track(m_client->requestFriend(userId, note));
    return {};
}

Error Session::acceptFriend(const QString &userId)
{
    if (!m_client->capabilities().serverContacts)
        return Error::make(Error::Code::NotSupported,
            QStringLiteral("friend requests exist only on servers that keep friends"));
    if (Error e = serverContactsReady(); !e.isNone())
        return e;
    track(m_client->acceptFriend(userId));
    return {};
}

Error Session::cancelFriendRequest(const QString &userId)
{
    if (!m_client->capabilities().serverContacts)
        return Error::make(Error::Code::NotSupported,
            QStringLiteral("friend requests exist only on servers that keep friends"));
    if (Error e = serverContactsReady(); !e.isNone())
        return e;
    track(m_client->cancelFriendRequest(userId));
    return {};
}

Error Session::removeFriend(const QString &userId)
{
    if (!m_client->capabilities().serverContacts)
        return m_cache.contacts().removeContact(Contact::Kind::Friend, userId);
    if (Error e = serverContactsReady(); !e.isNone())
        return e;
    track(m_client->removeFriend(userId));
    return {};
}

Error Session::updateFriendNote(const QString &userId, const QString &note)
{
    if (!m_client->capabilities().serverContacts) {
        for (Contact contact : m_cache.contacts().contacts(Contact::Kind::Friend)) {
            if (contact.userId == userId) {
                contact.note = note;
                return m_cache.contacts().saveLocal(contact);
            }
        }
        return Error::make(Error::Code::NotFound, QStringLiteral("no such friend"));
    }
    if (Error e = serverContactsReady(); !e.isNone())
        return e;
    track(m_client->updateFriendNote(userId, note));
    return {};
}

void Session::refreshContacts()
{
    if (!m_client->capabilities().serverContacts
        || m_client->connectionState() != ConnectionState::Connected)
        return;
    for (Contact::Kind kind : { Contact::Kind::Friend, Contact::Kind::Incoming,
             Contact::Kind::Outgoing, Contact::Kind::Blocked })
        m_client->fetchContacts(kind);
}

} // namespace Natter
