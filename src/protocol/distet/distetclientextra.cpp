// SPDX-License-Identifier: GPL-3.0-or-later
// DistetClient: friends and blacklist (RequestFrBl), dialog members, server search.
#include "distetclient.h"

#include <QDateTime>

#include <memory>

namespace Natter {

using namespace Distet;

RequestId DistetClient::fetchContacts(Contact::Kind kind)
{
    if (ownId().isEmpty())
        return failLater(
            Error::make(Error::Code::NotAuthenticated, QStringLiteral("not logged in")));
    const RequestId id = start(Path::RequestFrBl);
    auto contacts = std::make_shared<QList<Contact>>();
    const Sessia s = sessia();
    const FrBlOp op = listOpFor(kind);
    pageAll(
        id, [s, op](int take, int skip) { return frBlRequest(op, {}, {}, take, skip, s); },
        ContactPageSize,
        [contacts, kind](const QJsonObject &reply) -> Result<int> {
            Result<QList<Contact>> page = decodeContacts(reply, kind);
            if (!page)
                return page.error();
            *contacts += page.value();
            return int(page->size());
        },
        [this, id, kind, contacts] {
            Q_EMIT contactsReceived(id, kind, *contacts);
            finish(id);
        });
    return id;
}

RequestId DistetClient::friendOp(FrBlOp op, const QString &userId, const QString &note,
    std::function<void(RequestId)> emitResult)
{
    return simpleOp(
        Path::RequestFrBl, frBlRequest(op, userId, note, 0, 0, sessia()), std::move(emitResult));
}

namespace {
Contact contact(const QString &userId, Contact::Kind kind, const QString &note = {})
{
    Contact c;
    c.userId = userId;
    c.kind = kind;
    c.note = note;
    c.added = QDateTime::currentMSecsSinceEpoch();
    return c;
}
} // namespace

RequestId DistetClient::requestFriend(const QString &userId, const QString &note)
{
    return friendOp(FrBlOp::Append, userId, note, [this, userId, note](RequestId id) {
        Q_EMIT contactChanged(id, contact(userId, Contact::Kind::Outgoing, note));
    });
}

RequestId DistetClient::acceptFriend(const QString &userId)
{
    return friendOp(FrBlOp::Accept, userId, {}, [this, userId](RequestId id) {
        Q_EMIT contactRemoved(id, Contact::Kind::Incoming, userId);
        Q_EMIT contactChanged(id, contact(userId, Contact::Kind::Friend));
    });
}

RequestId DistetClient::cancelFriendRequest(const QString &userId)
{
    return friendOp(FrBlOp::Cancel, userId, {}, [this, userId](RequestId id) {
        Q_EMIT contactRemoved(id, Contact::Kind::Outgoing, userId);
    });
}

RequestId DistetClient::removeFriend(const QString &userId)
{
    return friendOp(FrBlOp::Remove, userId, {},
        [this, userId](RequestId id) { Q_EMIT contactRemoved(id, Contact::Kind::Friend, userId); });
}

RequestId DistetClient::updateFriendNote(const QString &userId, const QString &note)
{
    return friendOp(FrBlOp::Update, userId, note, [this, userId, note](RequestId id) {
        Q_EMIT contactChanged(id, contact(userId, Contact::Kind::Friend, note));
    });
}

RequestId DistetClient::blockUser(const QString &userId)
{
    return friendOp(FrBlOp::AddBlock, userId, {}, [this, userId](RequestId id) {
        Q_EMIT contactChanged(id, contact(userId, Contact::Kind::Blocked));
    });
}

RequestId DistetClient::unblockUser(const QString &userId)
{
    return friendOp(FrBlOp::DelBlock, userId, {}, [this, userId](RequestId id) {
        Q_EMIT contactRemoved(id, Contact::Kind::Blocked, userId);
    });
}

RequestId DistetClient::fetchMembers(const QString &flowId)
{
    if (ownId().isEmpty())
        return failLater(
            Error::make(Error::Code::NotAuthenticated, QStringLiteral("not logged in")));
    const RequestId id = start(Path::GetUsersDialog);
    Request request = simpleRequest(Path::GetUsersDialog, sessia());
    request.dialogKey = flowId;
    post(id, request, [this, id, flowId](const QJsonObject &reply) {
        const Result<QStringList> ids = decodeUserIds(reply);
        if (!ids) {
            fail(id, ids.error());
            return;
        }
        Q_EMIT membersReceived(id, flowId, ids.value());
        finish(id);
    });
    return id;
}

RequestId DistetClient::addMembers(const QString &flowId, const QStringList &userIds)
{
    Request request = simpleRequest(Path::ChangeDialog, sessia());
    DialogSpec dialog;
    dialog.userIds = userIds;
    dialog.key = flowId;
    request.dialog = dialog;
    return simpleOp(Path::ChangeDialog, request, {});
}

RequestId DistetClient::kickMember(const QString &flowId, const QString &userId)
{
    Request request = simpleRequest(Path::KickUser, sessia());
    request.dialogKey = flowId;
    request.user = userId;
    return simpleOp(Path::KickUser, request, {});
}

RequestId DistetClient::searchMessages(const QString &text)
{
    if (ownId().isEmpty())
        return failLater(
            Error::make(Error::Code::NotAuthenticated, QStringLiteral("not logged in")));
    const RequestId id = start(Path::SearchRequest);
    const Sessia s = sessia();
    auto dialogs = std::make_shared<QStringList>();
    auto hits = std::make_shared<QList<std::pair<QString, QString>>>(); // (dialog, message key)
    auto found = std::make_shared<QList<Message>>();
    const auto keysOf
        = [](const QJsonObject &reply, QLatin1String field, QStringList *into) -> Result<int> {
        Result<QStringList> keys = decodeKeys(reply, field);
        if (!keys)
            return keys.error();
        *into += keys.value();
        return int(keys->size());
    };
    // 1. everyWhere: the dialogs holding matches; 2. inDialogs: the message keys in each;
    // 3. GetMessages by key for each hit.
    const auto fetchHits = [=, this] {
        forEach(
            id, hits->size(),
            [=, this](qsizetype i, std::function<void()> next) {
                // Not a structured binding: clang < 16 cannot capture one (the fuzz preset).
                const QString dialog = hits->at(i).first;
                const QString key = hits->at(i).second;
                post(id, getMessageRequest(dialog, key, s), [=](const QJsonObject &reply) {
                    Result<QList<Message>> messages = decodeMessages(reply, dialog);
                    if (messages)
                        *found += messages.value();
                    next();
                });
            },
            [=, this] {
                Q_EMIT searchResultsReceived(id, *found);
                finish(id);
            });
    };
    const auto searchDialogs = [=, this] {
        forEach(
            id, dialogs->size(),
            [=, this](qsizetype i, std::function<void()> next) {
                const QString dialog = dialogs->at(i);
                auto keys = std::make_shared<QStringList>();
                pageAll(
                    id,
                    [=](int take, int skip) {
                        return searchInDialogRequest(dialog, text, take, skip, s);
                    },
                    PageSize,
                    [=](const QJsonObject &reply) {
                        return keysOf(reply, QLatin1String("Messages"), keys.get());
                    },
                    [=] {
                        for (const QString &key : std::as_const(*keys))
                            hits->append({ dialog, key });
                        next();
                    });
            },
            fetchHits);
    };
    pageAll(
        id, [=](int take, int skip) { return searchEverywhereRequest(text, take, skip, s); },
        PageSize,
        [=](const QJsonObject &reply) {
            return keysOf(reply, QLatin1String("Dialogs"), dialogs.get());
        },
        searchDialogs);
    return id;
}

} // namespace Natter
