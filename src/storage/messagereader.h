// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "messagekey.h"

#include <QSqlQuery>

#include <optional>

namespace Natter {

class Database;

/// One row of `messages` as stored. Internal to src/storage/.
struct MessageRow
{
    qint64 localId = 0;
    Message message;
    DeliveryState state = DeliveryState::Sent;
    QString failReason;
    QStringList contentHashes; ///< per attachment, "" when no local copy
};

/// Reads message rows and their attachments with prepared queries. Internal to src/storage/.
class MessageReader
{
public:
    explicit MessageReader(Database &db);

    /// The column list every message SELECT uses, in the order fromQuery() expects.
    static QString columns();
    /// Maps the current row of a query that selected columns(); loads attachments.
    MessageRow fromQuery(const QSqlQuery &query) const;
    /// Runs an executed SELECT of columns() to the end.
    QList<MessageRow> readAll(QSqlQuery &query) const;

    std::optional<MessageRow> byServerId(const QString &flowId, const QString &serverId) const;
    std::optional<MessageRow> byLocalEcho(const QString &flowId, qint64 clientId) const;
    /// A server id (in any flow) or a localEchoKey().
    std::optional<MessageRow> byKey(const QString &key) const;

    /// Executes a prepared SELECT of columns() and maps its first row.
    std::optional<MessageRow> first(QSqlQuery &query) const;

private:
    mutable QSqlQuery m_attachments;
    mutable QSqlQuery m_byServerId;
    mutable QSqlQuery m_byServerIdAnyFlow;
    mutable QSqlQuery m_byLocalEcho;
    mutable QSqlQuery m_byLocalEchoAnyFlow;
};

} // namespace Natter
