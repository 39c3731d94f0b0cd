// SPDX-License-Identifier: GPL-3.0-or-later
// natter-cli flow and message commands: flows, create-flow, messages, send, edit, delete, watch.
#include "cliapp.h"
#include "session/syncengine.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>

namespace Natter::Cli {

namespace {

constexpr qint64 kMaxAttachmentBytes = 48LL * 1024 * 1024;

void sortByTime(QList<Message> &messages)
{
    std::stable_sort(messages.begin(), messages.end(),
        [](const Message &a, const Message &b) { return a.time < b.time; });
}

Result<Attachment> loadAttachment(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Code::FileError,
            QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > kMaxAttachmentBytes)
        return Error::make(Error::Code::FileError,
            QStringLiteral("%1 is %2 MiB; attachments are limited to %3 MiB")
                .arg(path)
                .arg(file.size() / (1024 * 1024))
                .arg(kMaxAttachmentBytes / (1024 * 1024)));
    return Attachment::fromBytes(QFileInfo(path).fileName(), file.readAll());
}

} // namespace

void CliApp::resolveAuthorNames(QList<Message> &messages)
{
    m_names.insert(m_profile.user.id, m_profile.user.displayName());
    for (Message &m : messages) {
        if (!m.fromName.isEmpty() || m.fromId.isEmpty())
            continue;
        if (!m_names.contains(m.fromId)) {
            const Reply reply = await(m_client->fetchProfile(m.fromId));
            // An unknown author stays nameless rather than failing the command.
            m_names.insert(m.fromId, reply.error.isNone() ? reply.user.displayName() : QString());
        }
        m.fromName = m_names.value(m.fromId);
    }
}

int CliApp::cmdFlows()
{
    if (Result<bool> ready = m_options.offline ? prepare(true, false) : startSession(true); !ready)
        return fail(ready.error());
    if (Result<bool> cache = openCache(); !cache)
        return fail(cache.error());
    for (const Flow &flow : m_cache->flows().flows())
        m_out.flow(flow);
    return 0;
}

int CliApp::cmdCreateFlow()
{
    NewFlow flow;
    if (!parseFlowType(m_options.flowType, &flow.type))
        return fail(Error::make(
            Error::Code::InvalidArgument, QStringLiteral("--type must be chat, group or channel")));
    flow.title = m_options.title;
    flow.members = m_options.members;
    if (Result<bool> ready = startSession(); !ready)
        return fail(ready.error());
    if (!m_client->capabilities().createFlow)
        return fail(Error::make(Error::Code::NotSupported,
            QStringLiteral("%1 cannot create flows").arg(m_client->protocolName())));
    Reply reply = await(m_client->createFlow(flow));
    if (!reply.error.isNone())
        return fail(reply.error);
    if (reply.flows.isEmpty())
        return fail(
            Error::make(Error::Code::UnexpectedResponse, QStringLiteral("no flow in the answer")));
    m_out.flow(reply.flows.first());
    return 0;
}

int CliApp::cmdMessages()
{
    if (Result<bool> ready = m_options.offline ? prepare(true, false) : startSession(true); !ready)
        return fail(ready.error());
    if (Result<bool> cache = openCache(); !cache)
        return fail(cache.error());
    const QString flowId = m_options.args.value(0);
    if (!m_cache->flows().flow(flowId))
        return fail(Error::make(Error::Code::NotFound,
            QStringLiteral("no flow %1%2")
                .arg(flowId,
                    m_options.offline ? QStringLiteral(" in the local cache") : QString())));
    const int all = m_cache->messages().count(flowId);
    QList<Message> messages = m_cache->messages().newest(flowId, std::max(1, all));
    messages.removeIf([&](const Message &m) { return m.deleted || m.time < m_options.sinceMs; });
    if (m_options.limit > 0 && messages.size() > m_options.limit)
        messages = messages.mid(messages.size() - m_options.limit);
    printCached(messages);
    return 0;
}

int CliApp::cmdSend()
{
    QList<Attachment> attachments;
    for (const QString &path : std::as_const(m_options.files)) {
        Result<Attachment> a = loadAttachment(path);
        if (!a)
            return fail(a.error());
        attachments << a.value();
    }
    if (Result<bool> ready = prepare(true, false); !ready)
        return fail(ready.error());
    if (Result<bool> cache = openCache(); !cache)
        return fail(cache.error());
    const QString flowId = m_options.args.value(0);
    // Stored first: a send made offline waits in the outbox for the next sync.
    Result<qint64> queued = m_cache->outbox().enqueue(flowId, m_options.args.value(1), attachments);
    if (!queued)
        return fail(queued.error());
    const qint64 clientId = queued.value();
    if (Result<bool> started = startSession(); !started) {
        Error e = started.error();
        e.message
            += QStringLiteral("; the message is queued and goes out with the next natter-cli sync");
        return fail(e);
    }
    const auto inOutbox = [&] {
        const auto entry = m_cache->outbox().entry(clientId);
        return entry && entry->state != OutboxEntry::State::Failed;
    };
    waitFor([&] { return !inOutbox(); }, m_client->requestTimeout() * 2);
    if (const auto entry = m_cache->outbox().entry(clientId)) {
        if (entry->state == OutboxEntry::State::Failed) {
            const Error refused = Error::make(Error::Code::ServerRefused, entry->lastError);
            m_cache->outbox().discard(clientId);
            return fail(refused);
        }
        return fail(Error::make(Error::Code::Timeout,
            QStringLiteral("no answer yet; the message stays queued for the next sync")));
    }
    auto sent = m_cache->messages().messageByClientId(clientId);
    if (sent && sent->id.isEmpty()) {
        // Servers that answer a send without its id: the next update poll names it.
        bool polled = false;
        auto c = connect(&m_session->sync(), &SyncEngine::polled, this, [&] { polled = true; });
        m_session->sync().pollNow();
        waitFor([&] { return polled; }, m_client->requestTimeout());
        disconnect(c);
        sent = m_cache->messages().messageByClientId(clientId);
    }
    if (!sent)
        return fail(Error::make(
            Error::Code::StorageFailure, QStringLiteral("the sent message left the cache")));
    Message m = *sent;
    m.attachments = attachments; // the cache keeps names of what we sent as the server renamed them
    printCached({ m });
    return 0;
}

int CliApp::cmdEdit()
{
    if (Result<bool> ready = startSession(); !ready)
        return fail(ready.error());
    if (!m_client->capabilities().editMessage)
        return fail(Error::make(
            Error::Code::NotSupported, QStringLiteral("this server cannot edit messages")));
    const QString flowId = m_options.args.value(0);
    const QString messageId = m_options.args.value(1);
    const QString text = m_options.args.value(2);
    Reply reply = await(m_session->editMessage(flowId, messageId, text));
    if (!reply.error.isNone())
        return fail(reply.error);
    m_out.result({ { QStringLiteral("id"), messageId }, { QStringLiteral("flow"), flowId },
                     { QStringLiteral("text"), text }, { QStringLiteral("edited"), true } },
        QStringLiteral("Edited message %1.").arg(messageId));
    return 0;
}

int CliApp::cmdDelete()
{
    if (Result<bool> ready = startSession(); !ready)
        return fail(ready.error());
    if (!m_client->capabilities().deleteMessage)
        return fail(Error::make(
            Error::Code::NotSupported, QStringLiteral("this server cannot delete messages")));
    const QString flowId = m_options.args.value(0);
    const QString messageId = m_options.args.value(1);
    Reply reply = await(m_session->deleteMessage(flowId, messageId));
    if (!reply.error.isNone())
        return fail(reply.error);
    m_out.result({ { QStringLiteral("id"), messageId }, { QStringLiteral("flow"), flowId },
                     { QStringLiteral("deleted"), true } },
        QStringLiteral("Deleted message %1.").arg(messageId));
    return 0;
}

int CliApp::cmdWatch()
{
    if (Result<bool> ready = startSession(true); !ready)
        return fail(ready.error());
    const QString flowId = m_options.args.value(0);
    m_session->sync().setIntervals(m_options.pollMs, m_options.pollMs, m_options.pollMs);
    m_session->setOpenFlow(flowId.isEmpty() ? QStringLiteral("*") : flowId);
    m_out.note(QStringLiteral("Watching %1 for new messages; Ctrl+C stops.")
                   .arg(flowId.isEmpty() ? QStringLiteral("all flows") : flowId));
    int printed = 0;
    connect(&m_cache->messages(), &MessageStore::messagesInserted, this,
        [&](const QString &flow, const QStringList &keys) {
            if (!flowId.isEmpty() && flow != flowId)
                return;
            QList<Message> fresh;
            for (const QString &key : keys)
                if (const auto m = m_cache->messages().message(key); m && !m->id.isEmpty())
                    fresh << *m;
            sortByTime(fresh);
            printed += int(fresh.size());
            printCached(fresh);
        });
    const int timeoutMs
        = m_options.timeoutSec > 0 ? m_options.timeoutSec * 1000 : std::numeric_limits<int>::max();
    waitFor(
        [&] {
            return (m_options.count > 0 && printed >= m_options.count)
                || m_session->state() == Session::State::AuthFailed;
        },
        timeoutMs);
    if (m_session->state() == Session::State::AuthFailed)
        return fail(Error::make(Error::Code::SessionExpired,
            QStringLiteral("the server ended the session; log in again")));
    return 0;
}

} // namespace Natter::Cli
