// SPDX-License-Identifier: GPL-3.0-or-later
// DistetClient: dialogs (flows), messages, media.
#include "distetclient.h"

#include <QDateTime>

#include <memory>

namespace Natter {

using namespace Distet;

namespace {
Error notLoggedIn()
{
    return Error::make(Error::Code::NotAuthenticated, QStringLiteral("not logged in"));
}
} // namespace

RequestId DistetClient::fetchFlows()
{
    if (ownId().isEmpty())
        return failLater(notLoggedIn());
    const RequestId id = start(Path::GetDialogs);
    auto flows = std::make_shared<QList<Flow>>();
    auto photos = std::make_shared<QHash<QString, QString>>(); // dialog → photo media key
    const Sessia s = sessia();
    pageAll(
        id, [s](int take, int skip) { return getDialogsRequest(0, take, skip, s); }, PageSize,
        [flows, photos](const QJsonObject &reply) -> Result<int> {
            Result<QList<Flow>> page = decodeDialogs(reply, photos.get());
            if (!page)
                return page.error();
            *flows += page.value();
            return int(page->size());
        },
        [this, id, flows, photos, s] {
            // Dialogs do not say who is in them: two members make a chat, more a group.
            forEach(
                id, flows->size(),
                [this, id, flows, s](qsizetype i, std::function<void()> next) {
                    Request members = simpleRequest(Path::GetUsersDialog, s);
                    members.dialogKey = flows->at(i).id;
                    post(
                        id, members,
                        [flows, i, next](const QJsonObject &reply) {
                            Flow &flow = (*flows)[i];
                            const Result<QStringList> ids = decodeUserIds(reply);
                            flow.members = ids ? ids.value() : QStringList();
                            flow.type
                                = flow.members.size() > 2 ? Flow::Type::Group : Flow::Type::Chat;
                            next();
                        },
                        [next](const Error &) {
                            next(); // members are a detail; the list stands without them
                            return true;
                        });
                },
                [this, id, flows, photos] {
                    resolveDialogPhotos(id, flows, *photos, [this, id, flows] {
                        Q_EMIT flowsReceived(id, *flows);
                        finish(id);
                    });
                });
        });
    return id;
}

RequestId DistetClient::createFlow(const NewFlow &newFlow)
{
    if (ownId().isEmpty())
        return failLater(notLoggedIn());
    const RequestId id = start(Path::CreateDialog);
    Request request = simpleRequest(Path::CreateDialog, sessia());
    DialogSpec dialog;
    dialog.name = newFlow.title;
    // "private" hides a dialog from dialog search: chats are private, groups are findable.
    dialog.isPrivate = newFlow.type == Flow::Type::Chat;
    dialog.userIds = newFlow.members;
    dialog.photo = QString();
    request.dialog = dialog;
    post(id, request, [this, id, newFlow](const QJsonObject &reply) {
        const Result<QString> key = decodeDialogKey(reply);
        if (!key) {
            fail(id, key.error());
            return;
        }
        Flow flow;
        flow.id = key.value();
        flow.type = newFlow.type;
        flow.title = newFlow.title;
        flow.info = newFlow.info;
        flow.owner = ownId();
        flow.members = QStringList { ownId() } + newFlow.members;
        flow.updated = QDateTime::currentMSecsSinceEpoch();
        m_dialogTypes.insert(flow.id, flow.type);
        Q_EMIT flowCreated(id, flow);
        finish(id);
    });
    return id;
}

void DistetClient::fetchMessagePages(RequestId id, const QString &path, const QString &flowId,
    qint64 sinceMs, std::function<void(const QList<Message> &)> done)
{
    auto messages = std::make_shared<QList<Message>>();
    const Sessia s = sessia();
    const bool deleted = path == Path::GetDelMessages;
    pageAll(
        id,
        [=](int take, int skip) {
            return getMessagesRequest(path, flowId, sinceMs, take, skip, s);
        },
        PageSize,
        [messages, flowId, deleted](const QJsonObject &reply) -> Result<int> {
            Result<QList<Message>> page = decodeMessages(reply, flowId, deleted);
            if (!page)
                return page.error();
            *messages += page.value();
            return int(page->size());
        },
        [messages, done] { done(*messages); });
}

void DistetClient::resolveMedia(
    RequestId id, QList<Message> messages, std::function<void(const QList<Message> &)> done)
{
    auto list = std::make_shared<QList<Message>>(std::move(messages));
    QList<std::pair<qsizetype, qsizetype>> wanted; // (message, attachment)
    for (qsizetype m = 0; m < list->size(); ++m)
        for (qsizetype a = 0; a < list->at(m).attachments.size(); ++a)
            if (!list->at(m).attachments.at(a).reference.isEmpty())
                wanted.append({ m, a });
    const auto fill = [this, list](std::pair<qsizetype, qsizetype> at) {
        Attachment &a = (*list)[at.first].attachments[at.second];
        const MediaFile file = m_media.value(a.reference);
        a.bytes = file.bytes;
        a.size = file.bytes.size();
        a.mime = mimeForExtension(file.extension);
        a.kind = Attachment::kindForMime(a.mime);
        if (!file.extension.isEmpty())
            a.name = Attachment::safeFileName(a.reference + QLatin1Char('.') + file.extension);
    };
    // Fetch each distinct key once, then fill every attachment from the cache. An attachment
    // that cannot be fetched keeps its reference.
    QStringList keys;
    for (const auto &at : std::as_const(wanted))
        keys << list->at(at.first).attachments.at(at.second).reference;
    fetchMediaKeys(id, keys, [list, wanted, fill, done] {
        for (const auto &at : wanted)
            fill(at);
        done(*list);
    });
}

void DistetClient::fetchMediaKeys(RequestId id, const QStringList &keys, std::function<void()> done)
{
    QStringList missing;
    for (const QString &key : keys)
        if (!m_media.contains(key) && !missing.contains(key))
            missing << key;
    forEach(
        id, missing.size(),
        [this, id, missing](qsizetype i, std::function<void()> next) {
            const QString key = missing.at(i);
            post(
                id, getMediaRequest(key, sessia()),
                [this, key, next](const QJsonObject &reply) {
                    if (Result<MediaFile> file = decodeMediaFile(reply))
                        m_media.insert(key, file.value());
                    next();
                },
                [next](const Error &) {
                    next(); // what cannot be fetched stays missing; the caller copes
                    return true;
                });
        },
        std::move(done));
}

RequestId DistetClient::fetchMessages(const QString &flowId, qint64 sinceMs)
{
    if (ownId().isEmpty())
        return failLater(notLoggedIn());
    const RequestId id = start(Path::GetMessages);
    fetchMessagePages(
        id, Path::GetMessages, flowId, sinceMs, [this, id](const QList<Message> &page) {
            resolveMedia(id, page, [this, id](const QList<Message> &messages) {
                Q_EMIT messagesReceived(id, messages);
                finish(id);
            });
        });
    return id;
}

RequestId DistetClient::fetchDeletedMessages(const QString &flowId, qint64 sinceMs)
{
    if (ownId().isEmpty())
        return failLater(notLoggedIn());
    const RequestId id = start(Path::GetDelMessages);
    fetchMessagePages(
        id, Path::GetDelMessages, flowId, sinceMs, [this, id](const QList<Message> &m) {
            Q_EMIT messagesReceived(id, m);
            finish(id);
        });
    return id;
}

RequestId DistetClient::fetchUpdates(qint64 sinceMs)
{
    if (ownId().isEmpty())
        return failLater(notLoggedIn());
    const RequestId id = start(QStringLiteral("updates"));
    auto flows = std::make_shared<QList<Flow>>();
    auto messages = std::make_shared<QList<Message>>();
    auto photos = std::make_shared<QHash<QString, QString>>(); // dialog → photo media key
    const Sessia s = sessia();
    pageAll(
        id, [s](int take, int skip) { return getDialogsRequest(0, take, skip, s); }, PageSize,
        [flows, photos](const QJsonObject &reply) -> Result<int> {
            Result<QList<Flow>> page = decodeDialogs(reply, photos.get());
            if (!page)
                return page.error();
            *flows += page.value();
            return int(page->size());
        },
        [=, this] {
            forEach(
                id, flows->size(),
                [=, this](qsizetype i, std::function<void()> next) {
                    const QString flowId = flows->at(i).id;
                    fetchMessagePages(id, Path::GetMessages, flowId, sinceMs,
                        [=, this](const QList<Message> &fresh) {
                            *messages += fresh;
                            fetchMessagePages(id, Path::GetDelMessages, flowId, sinceMs,
                                [=](const QList<Message> &gone) {
                                    *messages += gone;
                                    next();
                                });
                        });
                },
                [=, this] {
                    // A photo someone else changed comes with the poll; known ones are cached.
                    fetchMediaKeys(id, photos->values(), [=, this] {
                        for (Flow &flow : *flows)
                            if (const QString key = photos->value(flow.id); !key.isEmpty())
                                flow.photo = m_media.value(key).bytes;
                        resolveMedia(id, *messages, [=, this](const QList<Message> &resolved) {
                            applyDialogTypes(*flows);
                            Q_EMIT flowsReceived(id, *flows);
                            Q_EMIT messagesReceived(id, resolved);
                            finish(id);
                        });
                    });
                });
        });
    return id;
}

RequestId DistetClient::sendMessage(const QString &flowId, const QString &text,
    const QList<Attachment> &attachments, qint64 clientId)
{
    if (ownId().isEmpty())
        return failLater(notLoggedIn());
    const RequestId id = start(Path::SendMessage);
    expectUploads(id, attachments);
    auto keys = std::make_shared<QStringList>();
    // Each file goes up first with Media; the message then names their keys in display order.
    forEach(
        id, attachments.size(),
        [this, id, attachments, keys](qsizetype i, std::function<void()> next) {
            const Attachment &a = attachments.at(i);
            post(id, mediaRequest(extensionFor(a), a.bytes, sessia()),
                [this, id, keys, next](const QJsonObject &reply) {
                    const Result<QString> key = decodeMediaKey(reply);
                    if (!key) {
                        fail(id, key.error());
                        return;
                    }
                    *keys << key.value();
                    next();
                });
        },
        [this, id, flowId, text, keys, clientId] {
            MessageSpec message;
            message.content = text;
            message.dialog = flowId;
            if (!keys->isEmpty()) {
                message.hashes = *keys;
                QList<int> order;
                for (qsizetype i = 0; i < keys->size(); ++i)
                    order << int(i + 1);
                message.order = order;
            }
            post(id, sendMessageRequest(SendOp::Add, message, sessia()),
                [this, id, clientId](const QJsonObject &reply) {
                    const Result<QString> key = decodeMessageKey(reply);
                    if (!key) {
                        fail(id, key.error());
                        return;
                    }
                    // The reply carries no time; the server stamps the message on arrival.
                    Q_EMIT messageSent(
                        id, clientId, key.value(), QDateTime::currentMSecsSinceEpoch());
                    finish(id);
                });
        });
    return id;
}

RequestId DistetClient::sendOp(
    SendOp op, const QString &flowId, const QString &messageId, const std::optional<QString> &text)
{
    if (ownId().isEmpty())
        return failLater(notLoggedIn());
    MessageSpec message;
    message.key = messageId;
    message.content = text;
    message.dialog = flowId;
    return simpleOp(Path::SendMessage, sendMessageRequest(op, message, sessia()),
        [this, op, flowId, messageId](RequestId id) {
            if (op == SendOp::Edit)
                Q_EMIT messageEdited(id, flowId, messageId);
            else
                Q_EMIT messageDeleted(id, flowId, messageId);
        });
}

RequestId DistetClient::editMessage(
    const QString &flowId, const QString &messageId, const QString &text)
{
    return sendOp(SendOp::Edit, flowId, messageId, text);
}

RequestId DistetClient::deleteMessage(const QString &flowId, const QString &messageId)
{
    return sendOp(SendOp::Delete, flowId, messageId, std::nullopt);
}

RequestId DistetClient::deleteMessageForMe(const QString &flowId, const QString &messageId)
{
    return sendOp(SendOp::DeleteOnlyMe, flowId, messageId, std::nullopt);
}

} // namespace Natter
