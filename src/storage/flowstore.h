// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/flow.h"
#include "core/message.h"
#include "core/result.h"
#include "messagereader.h"

#include <QObject>

#include <optional>

namespace Natter {

class Database;

/// Flows (chats, groups, channels), their members and read markers.
class FlowStore : public QObject
{
    Q_OBJECT
public:
    /// unreadCount() stops counting here; the UI shows "999+".
    static constexpr int UnreadCap = 1000;

    explicit FlowStore(Database &db, QObject *parent = nullptr);
    ~FlowStore() override;

    /// Inserts or updates flows in one transaction; unchanged flows emit nothing. An empty
    /// `members` list means "the server did not say" and keeps the stored members; an empty
    /// owner, an empty photo and an unset isPrivate keep the stored ones. Photos are kept in
    /// the MediaStore.
    Error upsertFlows(const QList<Flow> &flows);
    /// Every flow, most recent activity first: the later of `updated` and its newest message.
    QList<Flow> flows() const;
    std::optional<Flow> flow(const QString &id) const;
    /// Removes the flow with its members, messages, outbox entries, sync state and draft.
    Error removeFlow(const QString &id);
    Error setMembers(const QString &flowId, const QStringList &members);

    /// The newest message of a flow, for the list preview.
    std::optional<Message> lastMessage(const QString &flowId) const;
    /// Messages from others newer than the read marker, tombstones excluded, capped at UnreadCap.
    int unreadCount(const QString &flowId) const;
    qint64 lastReadTime(const QString &flowId) const;
    /// Moves the read marker forward to `upToTime` (never back).
    Error markRead(const QString &flowId, qint64 upToTime);

Q_SIGNALS:
    void flowsInserted(const QStringList &ids);
    void flowsUpdated(const QStringList &ids);
    void flowRemoved(const QString &id);

private:
    /// Replaces the members when they differ; true when they did.
    Result<bool> writeMembers(const QString &flowId, const QStringList &members);
    QStringList members(const QString &flowId) const;
    Flow flowFromQuery(const QSqlQuery &query) const;

    Database &m_db;
    MessageReader m_reader;
    QSqlQuery m_exists;
    QSqlQuery m_upsert;
    QSqlQuery m_deleteMembers;
    QSqlQuery m_insertMember;
    QSqlQuery m_remove;
    QSqlQuery m_removeDraft;
    QSqlQuery m_markRead;
    mutable QSqlQuery m_flows;
    mutable QSqlQuery m_flow;
    mutable QSqlQuery m_allMembers;
    mutable QSqlQuery m_members;
    mutable QSqlQuery m_lastMessage;
    mutable QSqlQuery m_unread;
    mutable QSqlQuery m_lastRead;
};

} // namespace Natter
