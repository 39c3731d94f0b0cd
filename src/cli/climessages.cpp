// SPDX-License-Identifier: GPL-3.0-or-later
// natter-cli flow and message commands: flows, create-flow, messages, send, edit, delete, watch.
#include "cliapp.h"

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
    std::stable_sort(messages.begin(), messages.end(), [](const Message &a, const Message &b) {
        return a.time < b.time;
    });
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
    if (Result<bool> ready = prepare(true); !ready)
        return fail(ready.error());
    Reply reply = await(m_client->fetchFlows());
    if (!reply.error.isNone())
        return fail(reply.error);
    for (const Flow &flow : std::as_const(reply.flows))
        m_out.flow(flow);
    return 0;
}

int CliApp::cmdCreateFlow()
{
    NewFlow flow;
    if (!parseFlowType(m_options.flowType, &flow.type))
        return fail(Error::make(Error::Code::InvalidArgument,
                                QStringLiteral("--type must be chat, group or channel")));
    flow.title = m_options.title;
    flow.members = m_options.members;
    if (Result<bool> ready = prepare(true); !ready)
        return fail(ready.error());
    if (!m_client->capabilities().createFlow)
        return fail(Error::make(Error::Code::NotSupported,
                                QStringLiteral("%1 cannot create flows").arg(m_client->protocolName())));
    Reply reply = await(m_client->createFlow(flow));
    if (!reply.error.isNone())
        return fail(reply.error);
    if (reply.flows.isEmpty())
        return fail(Error::make(Error::Code::UnexpectedResponse, QStringLiteral("no flow in the answer")));
    m_out.flow(reply.flows.first());
    return 0;
}

int CliApp::cmdMessages()
{
    if (Result<bool> ready = prepare(true); !ready)
        return fail(ready.error());
    Reply reply = await(m_client->fetchMessages(m_options.args.value(0), m_options.sinceMs));
    if (!reply.error.isNone())
        return fail(reply.error);
    QList<Message> messages = reply.messages;
    sortByTime(messages);
    if (m_options.limit > 0 && messages.size() > m_options.limit)
        messages = messages.mid(messages.size() - m_options.limit);
    resolveAuthorNames(messages);
    for (const Message &m : std::as_const(messages))
        m_out.message(m);
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
    if (Result<bool> ready = prepare(true); !ready)
        return fail(ready.error());
    const QString flowId = m_options.args.value(0);
    const QString text = m_options.args.value(1);
    const qint64 clientId = QDateTime::currentMSecsSinceEpoch();
    Reply reply = await(m_client->sendMessage(flowId, text, attachments, clientId));
    if (!reply.error.isNone())
        return fail(reply.error);

    Message sent;
    sent.id = reply.serverId;
    sent.clientId = clientId;
    sent.flowId = flowId;
    sent.fromId = m_profile.user.id;
    sent.fromName = m_profile.user.name;
    sent.text = text;
    sent.time = reply.serverTimeMs;
    sent.attachments = attachments;
    if (sent.id.isEmpty()) {
        // The July-2020 answer carries only the time: find our copy among the newest messages.
        Reply recent = await(m_client->fetchMessages(flowId, std::max<qint64>(0, reply.serverTimeMs - 2000)));
        QList<Message> mine = recent.messages;
        mine.removeIf([&](const Message &m) { return m.fromId != sent.fromId || m.text != text; });
        sortByTime(mine);
        if (!mine.isEmpty()) {
            sent.id = mine.last().id;
            sent.time = mine.last().time;
        }
    }
    m_out.message(sent);
    return 0;
}

int CliApp::cmdEdit()
{
    if (Result<bool> ready = prepare(true); !ready)
        return fail(ready.error());
    if (!m_client->capabilities().editMessage)
        return fail(Error::make(Error::Code::NotSupported, QStringLiteral("this server cannot edit messages")));
    const QString flowId = m_options.args.value(0);
    const QString messageId = m_options.args.value(1);
    const QString text = m_options.args.value(2);
    Reply reply = await(m_client->editMessage(flowId, messageId, text));
    if (!reply.error.isNone())
        return fail(reply.error);
    m_out.result({ { QStringLiteral("id"), messageId }, { QStringLiteral("flow"), flowId },
                   { QStringLiteral("text"), text }, { QStringLiteral("edited"), true } },
                 QStringLiteral("Edited message %1.").arg(messageId));
    return 0;
}

int CliApp::cmdDelete()
{
    if (Result<bool> ready = prepare(true); !ready)
        return fail(ready.error());
    if (!m_client->capabilities().deleteMessage)
        return fail(Error::make(Error::Code::NotSupported, QStringLiteral("this server cannot delete messages")));
    const QString flowId = m_options.args.value(0);
    const QString messageId = m_options.args.value(1);
    Reply reply = await(m_client->deleteMessage(flowId, messageId));
    if (!reply.error.isNone())
        return fail(reply.error);
    m_out.result({ { QStringLiteral("id"), messageId }, { QStringLiteral("flow"), flowId },
                   { QStringLiteral("deleted"), true } },
                 QStringLiteral("Deleted message %1.").arg(messageId));
    return 0;
}

int CliApp::cmdWatch()
{
    if (Result<bool> ready = prepare(true); !ready)
        return fail(ready.error());
    const QString flowId = m_options.args.value(0);
    QSet<QString> seen;
    int printed = 0;
    qint64 since = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer clock;
    clock.start();
    m_out.note(QStringLiteral("Watching %1 for new messages; Ctrl+C stops.")
                       .arg(flowId.isEmpty() ? QStringLiteral("all flows") : flowId));

    const auto show = [&](QList<Message> messages) {
        sortByTime(messages);
        resolveAuthorNames(messages);
        for (const Message &m : std::as_const(messages)) {
            if ((!flowId.isEmpty() && m.flowId != flowId) || m.time < since - 1000)
                continue;
            const QString key = m.flowId + QLatin1Char('/') + m.id;
            if (seen.contains(key))
                continue;
            seen.insert(key);
            m_out.message(m);
            ++printed;
        }
    };
    const auto finished = [&] {
        return (m_options.count > 0 && printed >= m_options.count)
                || (m_options.timeoutSec > 0 && clock.elapsed() >= m_options.timeoutSec * 1000LL);
    };
    while (!finished()) {
        Reply reply = await(m_client->fetchUpdates(since));
        if (!reply.error.isNone())
            return fail(reply.error);
        show(std::exchange(m_pushed, {}));
        show(reply.messages);
        if (finished())
            break;
        QEventLoop pause;
        QTimer::singleShot(m_options.pollMs, &pause, &QEventLoop::quit);
        pause.exec();
    }
    return 0;
}

} // namespace Natter::Cli
