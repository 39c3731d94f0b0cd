// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

class QSqlQuery;
class QVariant;

namespace Natter::Testing {

// Times are Unix milliseconds; each dialect converts them to what its wire wants.

struct UserRow
{
    qint64 id = 0;
    QString uuid;
    QString login; // empty once the user is deleted
    QString username;
    QString email;
    QString bio;
    QString avatar; // base64, as received
    bool isBot = false;
    bool deleted = false;
    qint64 updated = 0;
};

struct FlowRow
{
    qint64 id = 0;
    QString uuid;
    QString type; // chat | group | channel
    QString title;
    QString info;
    qint64 ownerId = 0;
    qint64 updated = 0;
    QList<qint64> members;
    std::optional<qint64> firstMessageTime;
    std::optional<qint64> lastMessageTime;
};

struct MessageRow
{
    qint64 id = 0;
    QString uuid;
    std::optional<qint64> clientId;
    qint64 flowId = 0;
    qint64 userId = 0;
    QString text;
    QString filePicture; // base64 strings, as received; empty = none
    QString fileVideo;
    QString fileAudio;
    QString fileDocument;
    QString emoji;
    QString replyTo; // compact JSON of whatever the client sent; empty = none
    qint64 time = 0;
    std::optional<qint64> editedTime;
    bool deleted = false;
    qint64 updated = 0;
};

/// SQLite storage shared by every backend: users, auth tokens, flows, members, messages.
/// Each instance opens its own uniquely named QtSql connection, so several servers can run in
/// one process. Not thread-safe; use it from the thread that created it.
class Store
{
public:
    Store();
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    /// @p path is a file name or ":memory:". Creates the schema when missing.
    bool open(const QString &path = QStringLiteral(":memory:"));
    bool isOpen() const;
    QString errorString() const { return m_error; }
    /// Milliseconds since the epoch, strictly increasing between calls.
    qint64 now();

    // Users
    /// nullopt when the login is taken (or on a database error).
    std::optional<UserRow> createUser(const QString &login, const QString &password,
        const QString &username, const QString &email = {});
    std::optional<UserRow> userById(qint64 id) const;
    std::optional<UserRow> userByUuid(const QString &uuid) const;
    std::optional<UserRow> userByLogin(const QString &login) const;
    /// Case-insensitive; for the wsmode backend's "email taken" check and recovery.
    std::optional<UserRow> userByEmail(const QString &email) const;
    std::optional<UserRow> userByAuthId(const QString &authId) const;
    bool checkPassword(qint64 userId, const QString &password) const;
    /// A fresh auth_id for a new login; earlier ones stay valid until the user is deleted.
    QString issueAuthId(qint64 userId);
    QString lastAuthId(qint64 userId) const;
    /// Soft delete: the login is freed, tokens are revoked, messages stay.
    bool deleteUser(qint64 userId);
    /// Users sharing a flow with @p viewerId (and the viewer) changed at or after @p since, plus
    /// every member of @p extraFlows.
    QList<UserRow> usersChangedSince(
        qint64 viewerId, qint64 since, const QList<FlowRow> &extraFlows = {}) const;

    // Flows
    /// @p at = 0 means now. The owner is always added to the members.
    std::optional<FlowRow> createFlow(const QString &type, const QString &title,
        const QString &info, qint64 ownerId, const QList<qint64> &members, qint64 at = 0);
    std::optional<FlowRow> flowById(qint64 id) const;
    std::optional<FlowRow> flowByUuid(const QString &uuid) const;
    QList<FlowRow> flowsOf(qint64 userId) const;
    QList<FlowRow> flowsChangedSince(qint64 userId, qint64 since) const;
    bool isMember(qint64 flowId, qint64 userId) const;

    // Messages
    /// Fills in id, uuid, time (unless already set) and updated.
    std::optional<MessageRow> addMessage(MessageRow message);
    /// addMessage() for many, in one transaction; returns how many were stored.
    int addMessages(const QList<MessageRow> &messages);
    std::optional<MessageRow> messageById(qint64 id) const;
    std::optional<MessageRow> messageByUuid(const QString &uuid) const;
    /// Messages created at or after @p since in the user's flows (or only @p flowId), oldest first.
    QList<MessageRow> messagesSince(
        qint64 userId, qint64 since, std::optional<qint64> flowId = std::nullopt) const;
    /// Messages created, edited or deleted at or after @p since, oldest first.
    QList<MessageRow> messagesChangedSince(
        qint64 userId, qint64 since, std::optional<qint64> flowId = std::nullopt) const;
    bool editMessage(qint64 id, const QString &text);
    /// Soft delete: text becomes "Message deleted", attachments and emoji are cleared.
    bool deleteMessage(qint64 id);
    int messageCount() const;
    /// The QtSql connection name, for backends that keep their own tables in the same database.
    QString connectionName() const { return m_connectionName; }

private:
    bool exec(QSqlQuery &query) const;
    std::optional<UserRow> oneUser(
        const QString &where, const QString &key, const QVariant &value) const;
    std::optional<FlowRow> oneFlow(const QString &where, const QVariant &value) const;
    std::optional<MessageRow> oneMessage(const QString &where, const QVariant &value) const;
    QList<FlowRow> flowsWhere(const QString &where, qint64 userId, qint64 since) const;
    QList<MessageRow> messagesWhere(
        const QString &column, qint64 userId, qint64 since, std::optional<qint64> flowId) const;
    FlowRow completeFlow(FlowRow flow) const;
    void touchFlow(qint64 flowId, qint64 at);

    QString m_connectionName;
    mutable QString m_error;
    qint64 m_lastNow = 0;
};

} // namespace Natter::Testing
