// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "moreliahandler.h"

#include <QJsonValue>

#include <optional>

namespace Natter::Testing {

class FieldReader;
class Store;
struct FlowRow;
struct MessageRow;
struct UserRow;

/// The July-2020 MoreliaTalk document (seeds 000/001, 001 wins): integer ids, float times,
/// single objects (lists when there are several), unknown methods answer 400.
class Handler2020 final : public MoreliaHandler
{
public:
    explicit Handler2020(Store &store);

    QList<QJsonObject> handle(const QJsonObject &request) override;
    QJsonObject garbage(const QString &detail) override;
    QStringList aliases(const QString &type) const override;

private:
    using Method = QJsonObject (Handler2020::*)(const QString &type, const QJsonObject &data);

    QJsonObject reply(const QString &type, const QJsonValue &data, int code = 200,
        const QString &detail = QStringLiteral("successfully"));
    QJsonObject failure(const QString &type, const FieldReader &reader);
    /// data.user {id, auth_id} -> the user; otherwise records 400 or 401 in @p reader.
    std::optional<UserRow> authenticate(FieldReader &reader, const QJsonObject &data);
    /// Optional data.flow.id the user must be a member of.
    std::optional<FlowRow> flowFilter(
        FieldReader &reader, const QJsonObject &data, qint64 userId, bool required);
    QJsonObject withTime(QJsonObject data);

    // Methods (handler2020methods.cpp)
    QJsonObject registerUser(const QString &type, const QJsonObject &data);
    QJsonObject auth(const QString &type, const QJsonObject &data);
    QJsonObject userInfo(const QString &type, const QJsonObject &data);
    QJsonObject allFlow(const QString &type, const QJsonObject &data);
    QJsonObject allMessages(const QString &type, const QJsonObject &data);
    QJsonObject getUpdate(const QString &type, const QJsonObject &data);
    QJsonObject sendMessage(const QString &type, const QJsonObject &data);
    QJsonObject editedMessage(const QString &type, const QJsonObject &data);
    QJsonObject deleteMessage(const QString &type, const QJsonObject &data);
    QJsonObject deleteUser(const QString &type, const QJsonObject &data);

    // Objects on the wire
    QJsonObject flowJson(const FlowRow &flow) const;
    QJsonObject messageJson(const MessageRow &message) const;
    QJsonObject userJson(const UserRow &user, bool self) const;
    /// One object when there is exactly one item, otherwise the list (possibly empty).
    static QJsonValue oneOrList(const QJsonArray &items);

    Store &m_store;
    qint64 m_errorId = 0;
};

} // namespace Natter::Testing
