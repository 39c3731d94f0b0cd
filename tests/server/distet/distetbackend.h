// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>

#include <memory>
#include <vector>

class QHttpServer;
class QHttpServerResponder;
class QSqlQuery;

namespace Natter::Testing {

/// The DisTet HTTP API (PROTOCOLS.md section 3) on QHttpServer: POST BASE/<Path> with JSON.
/// Users, tokens, dialogs (flows) and messages live in the shared Store; media, e-mail codes,
/// friends, blocks, message media and per-user hidden messages in distet_* tables of the same
/// database. Tokens end in `?<user id>`. E-mail codes are logged (qCInfo), never mailed.
/// Replies carry Status {code, message}; the HTTP status is 200 except for 403 and 404.
class DistetBackend : public Backend
{
    Q_OBJECT
public:
    explicit DistetBackend(Store &store, QObject *parent = nullptr);
    ~DistetBackend() override;

    bool listen(const QHostAddress &address, quint16 port) override;
    void close() override;
    bool isListening() const override { return m_port != 0; }
    /// http://127.0.0.1:PORT
    QUrl url() const override;
    quint16 port() const override { return m_port; }
    QString errorString() const override { return m_error; }
    /// HTTP keeps no sessions to drop; this forgets parked (silenced) requests.
    void dropConnections() override;
    int connectionCount() const override { return 0; }

    QString wireUserId(const UserRow &user) const override;

    /// Most operations answer 403 "email not activated" until the user confirms the code.
    void setRequireActivation(bool require) { m_requireActivation = require; }
    bool requireActivation() const { return m_requireActivation; }
    /// The newest code "mailed" to @p email, empty if none.
    QString lastEmailCode(const QString &email) const { return m_codes.value(email.toLower()); }
    /// Test hook: a pending friend request from @p fromId to @p toId.
    bool addFriendRequest(qint64 fromId, qint64 toId, const QString &note);

    /// What one request is answered with (public for server tests).
    QJsonObject handle(const QString &path, const QJsonObject &body);

private:
    struct Call
    {
        QString path;
        QJsonObject body;
        qint64 userId = 0;
        QString token;
    };
    using Handler = QJsonObject (DistetBackend::*)(const Call &);

    bool ensureSchema();
    QSqlQuery query(const QString &sql) const;
    QString newCode(qint64 userId, const QString &email);
    bool emailConfirmed(qint64 userId) const;
    QString issueToken(qint64 userId);

    QJsonObject onAuth(const Call &call);
    QJsonObject onRegistration(const Call &call);
    QJsonObject onEmail(const Call &call);
    QJsonObject onMedia(const Call &call);
    QJsonObject onGetMedia(const Call &call);
    QJsonObject onGetMediaDialog(const Call &call);
    QJsonObject onChangeUser(const Call &call);
    QJsonObject onRequestFrBl(const Call &call);
    QJsonObject onGetDialogs(const Call &call);
    QJsonObject onCreateDialog(const Call &call);
    QJsonObject onChangeDialog(const Call &call);
    QJsonObject onKickUser(const Call &call);
    QJsonObject onGetUsersDialog(const Call &call);
    QJsonObject onGetUser(const Call &call);
    QJsonObject onGetMessages(const Call &call);
    QJsonObject onSendMessage(const Call &call);
    QJsonObject onSearch(const Call &call);
    QJsonObject onDisable(const Call &call);

    /// Stores a dialog's photo key and privacy (nullopt keeps the stored value).
    void setDialogExtras(
        qint64 flowId, const std::optional<QString> &photo, std::optional<bool> isPrivate);
    QJsonObject listRelations(const Call &call, const QString &sql, const char *field);
    QJsonObject messageJson(qint64 messageId) const;
    QList<qint64> messagePage(const Call &call, qint64 flowId, bool deleted);

    std::unique_ptr<QHttpServer> m_http;
    std::vector<std::unique_ptr<QHttpServerResponder>> m_parked;
    QHostAddress m_address;
    quint16 m_port = 0;
    QString m_error;
    bool m_requireActivation = false;
    bool m_schemaReady = false;
    QHash<QString, QString> m_codes; ///< lower-case e-mail → last code
    QHash<QString, Handler> m_handlers; ///< lower-case path → handler
};

} // namespace Natter::Testing
