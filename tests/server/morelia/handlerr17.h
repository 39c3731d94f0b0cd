// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "moreliahandler.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonValue>

#include <optional>

namespace Natter::Testing {

class FieldReader;
class Store;
struct FlowRow;
struct MessageRow;
struct UserRow;

/// MoreliaTalk 1.0 revision 17 (PROTOCOLS.md §1b): lists everywhere, uuid strings, integer
/// times, 405 for unknown methods, 415 ("type": "error") for validation failures.
class HandlerR17 final : public MoreliaHandler
{
public:
    explicit HandlerR17(Store &store);

    QList<QJsonObject> handle(const QJsonObject &request) override;
    QJsonObject garbage(const QString &detail) override;

    /// all_messages sends at most this many messages per frame (206 for all but the last).
    static constexpr int PageSize = 100;

private:
    using Method = QList<QJsonObject> (HandlerR17::*)(const QString &type, const QJsonObject &data);

    QJsonObject reply(const QString &type, const QJsonValue &data, int code = 200,
        const QString &detail = QStringLiteral("successfully"));
    /// 415 validation failures come back as "type": "error"; everything else keeps the type.
    QJsonObject failure(const QString &type, const FieldReader &reader);
    /// data.user[0] {uuid, auth_id} -> the user; otherwise records 401 in @p reader.
    std::optional<UserRow> authenticate(FieldReader &reader, const QJsonObject &data);
    /// data.flow[0].uuid -> a flow @p userId is a member of (404 / 403 otherwise).
    std::optional<FlowRow> memberFlow(
        FieldReader &reader, const QJsonObject &data, qint64 userId, bool required);
    /// data.message[0] -> a live message of @p userId's (404 / 403 otherwise).
    std::optional<MessageRow> ownMessage(
        FieldReader &reader, const QJsonObject &data, qint64 userId);
    QJsonObject withTime(QJsonObject data);

    // Methods (handlerr17methods.cpp)
    QList<QJsonObject> registerUser(const QString &type, const QJsonObject &data);
    QList<QJsonObject> authentication(const QString &type, const QJsonObject &data);
    QList<QJsonObject> userInfo(const QString &type, const QJsonObject &data);
    QList<QJsonObject> addFlow(const QString &type, const QJsonObject &data);
    QList<QJsonObject> allFlow(const QString &type, const QJsonObject &data);
    QList<QJsonObject> allMessages(const QString &type, const QJsonObject &data);
    QList<QJsonObject> getUpdate(const QString &type, const QJsonObject &data);
    QList<QJsonObject> sendMessage(const QString &type, const QJsonObject &data);
    QList<QJsonObject> editedMessage(const QString &type, const QJsonObject &data);
    QList<QJsonObject> deleteMessage(const QString &type, const QJsonObject &data);
    QList<QJsonObject> deleteUser(const QString &type, const QJsonObject &data);
    QList<QJsonObject> pingPong(const QString &type, const QJsonObject &data);

    // Objects on the wire
    QJsonObject flowJson(const FlowRow &flow) const;
    QJsonObject messageJson(const MessageRow &message) const;
    QJsonObject userJson(const UserRow &user, bool self) const;
    QJsonValue userUuid(qint64 id) const;
    QJsonValue flowUuid(qint64 id) const;

    Store &m_store;
    // Row id → uuid. Uuids never change and ids are never reused, so these never go stale;
    // they spare an all_messages reply two queries per message.
    mutable QHash<qint64, QString> m_userUuids;
    mutable QHash<qint64, QString> m_flowUuids;
};

} // namespace Natter::Testing
