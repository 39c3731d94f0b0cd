// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/user.h"

#include <QObject>
#include <QSqlQuery>

#include <optional>

namespace Natter {

class Database;

/// Users met on the server, and which of them is us. Avatars are kept in the MediaStore.
class UserStore : public QObject
{
    Q_OBJECT
public:
    explicit UserStore(Database &db, QObject *parent = nullptr);
    ~UserStore() override;

    /// Inserts or updates users in one transaction. Servers often send partial profiles, so an
    /// empty field (or avatar) keeps the stored one. Emits usersChanged for those that changed.
    Error upsertUsers(const QList<User> &users);
    std::optional<User> user(const QString &id) const;
    /// The id of the user with this login (case-insensitive), empty when none is known.
    QString idForLogin(const QString &login) const;

    /// Records the signed-in user of this database and stores the profile like upsertUsers.
    Error setOwnUser(const User &user);
    /// Our own profile; an empty User before setOwnUser().
    User ownUser() const;
    QString ownUserId() const;

Q_SIGNALS:
    void usersChanged(const QStringList &ids);
    void ownUserChanged();

private:
    /// One upsert inside the caller's transaction; true when anything changed.
    Result<bool> write(const User &user);

    Database &m_db;
    QSqlQuery m_upsert;
    QSqlQuery m_setAccount;
    mutable QSqlQuery m_get;
    mutable QSqlQuery m_ownId;
};

} // namespace Natter
