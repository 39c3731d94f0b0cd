// SPDX-License-Identifier: GPL-3.0-or-later
#include "userstore.h"

#include "core/logging.h"
#include "database.h"
#include "sql.h"
#include "transaction.h"

namespace Natter {

UserStore::UserStore(Database &db, QObject *parent)
    : QObject(parent),
      m_db(db),
      m_upsert(db.prepare(QStringLiteral(
          "INSERT INTO users (id, login, name, email, bio, avatar_hash, is_bot) "
          "VALUES (:id, :login, :name, :email, :bio, :avatar_hash, :is_bot) "
          "ON CONFLICT (id) DO UPDATE SET "
          "login = iif(excluded.login = '', users.login, excluded.login), "
          "name = iif(excluded.name = '', users.name, excluded.name), "
          "email = iif(excluded.email = '', users.email, excluded.email), "
          "bio = iif(excluded.bio = '', users.bio, excluded.bio), "
          "avatar_hash = iif(excluded.avatar_hash = '', users.avatar_hash, excluded.avatar_hash), "
          "is_bot = excluded.is_bot "
          "WHERE (excluded.login <> '' AND excluded.login <> users.login) "
          "OR (excluded.name <> '' AND excluded.name <> users.name) "
          "OR (excluded.email <> '' AND excluded.email <> users.email) "
          "OR (excluded.bio <> '' AND excluded.bio <> users.bio) "
          "OR (excluded.avatar_hash <> '' AND excluded.avatar_hash <> users.avatar_hash) "
          "OR excluded.is_bot <> users.is_bot"))),
      m_setAccount(db.prepare(QStringLiteral(
          "INSERT INTO account (slot, user_id, login) VALUES (1, :user_id, :login) "
          "ON CONFLICT (slot) DO UPDATE SET user_id = excluded.user_id, login = excluded.login "
          "WHERE account.user_id <> excluded.user_id OR account.login <> excluded.login"))),
      m_get(db.prepare(QStringLiteral(
          "SELECT id, login, name, email, bio, avatar_hash, is_bot FROM users WHERE id = :id"))),
      m_ownId(db.prepare(QStringLiteral("SELECT user_id, login FROM account WHERE slot = 1")))
{ }

UserStore::~UserStore() = default;

Result<bool> UserStore::write(const User &user)
{
    QString avatarHash;
    if (!user.avatar.isEmpty()) {
        Result<QString> stored = m_db.media().put(user.avatar);
        if (!stored)
            return stored.error();
        avatarHash = stored.value();
    }
    m_upsert.bindValue(QStringLiteral(":id"), user.id);
    m_upsert.bindValue(QStringLiteral(":login"), Sql::text(user.login));
    m_upsert.bindValue(QStringLiteral(":name"), Sql::text(user.name));
    m_upsert.bindValue(QStringLiteral(":email"), Sql::text(user.email));
    m_upsert.bindValue(QStringLiteral(":bio"), Sql::text(user.bio));
    m_upsert.bindValue(QStringLiteral(":avatar_hash"), Sql::text(avatarHash));
    m_upsert.bindValue(QStringLiteral(":is_bot"), user.isBot);
    if (!Sql::exec(m_upsert))
        return Sql::error(m_upsert, QStringLiteral("cannot store user"));
    return m_upsert.numRowsAffected() > 0;
}

Error UserStore::upsertUsers(const QList<User> &users)
{
    QStringList changed;
    {
        Transaction tx(m_db.connection());
        if (!tx.isActive())
            return tx.error();
        for (const User &user : users) {
            if (user.id.isEmpty())
                continue;
            Result<bool> written = write(user);
            if (!written)
                return written.error();
            if (written.value() && !changed.contains(user.id))
                changed.append(user.id);
        }
        if (Error error = tx.commit(); !error.isNone())
            return error;
    }
    if (!changed.isEmpty())
        Q_EMIT usersChanged(changed);
    return {};
}

std::optional<User> UserStore::user(const QString &id) const
{
    m_get.bindValue(QStringLiteral(":id"), id);
    Sql::QueryReset reset(m_get);
    if (!Sql::exec(m_get) || !m_get.next())
        return std::nullopt;
    User user;
    user.id = m_get.value(0).toString();
    user.login = m_get.value(1).toString();
    user.name = m_get.value(2).toString();
    user.email = m_get.value(3).toString();
    user.bio = m_get.value(4).toString();
    if (const QString hash = m_get.value(5).toString(); !hash.isEmpty()) {
        Result<QByteArray> avatar = m_db.media().read(hash);
        if (avatar)
            user.avatar = avatar.value();
        else
            qCWarning(lcStorage) << "avatar of" << id << "unreadable:" << avatar.error();
    }
    user.isBot = m_get.value(6).toBool();
    return user;
}

QString UserStore::idForLogin(const QString &login) const
{
    if (login.isEmpty())
        return {};
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT id FROM users WHERE login = :login COLLATE NOCASE LIMIT 1"));
    q.bindValue(QStringLiteral(":login"), login);
    return Sql::exec(q) && q.next() ? q.value(0).toString() : QString();
}

Error UserStore::setOwnUser(const User &user)
{
    bool accountChanged = false;
    bool profileChanged = false;
    {
        Transaction tx(m_db.connection());
        if (!tx.isActive())
            return tx.error();
        m_setAccount.bindValue(QStringLiteral(":user_id"), Sql::text(user.id));
        m_setAccount.bindValue(QStringLiteral(":login"), Sql::text(user.login));
        if (!Sql::exec(m_setAccount))
            return Sql::error(m_setAccount, QStringLiteral("cannot store account"));
        accountChanged = m_setAccount.numRowsAffected() > 0;
        if (!user.id.isEmpty()) {
            Result<bool> written = write(user);
            if (!written)
                return written.error();
            profileChanged = written.value();
        }
        if (Error error = tx.commit(); !error.isNone())
            return error;
    }
    if (profileChanged)
        Q_EMIT usersChanged({ user.id });
    if (accountChanged || profileChanged)
        Q_EMIT ownUserChanged();
    return {};
}

QString UserStore::ownUserId() const
{
    Sql::QueryReset reset(m_ownId);
    return Sql::exec(m_ownId) && m_ownId.next() ? m_ownId.value(0).toString() : QString();
}

User UserStore::ownUser() const
{
    QString id;
    QString login;
    {
        Sql::QueryReset reset(m_ownId);
        if (!Sql::exec(m_ownId) || !m_ownId.next())
            return {};
        id = m_ownId.value(0).toString();
        login = m_ownId.value(1).toString();
    }
    if (auto stored = id.isEmpty() ? std::nullopt : user(id))
        return *stored;
    User own; // known by login only (mode: no request returns our own id)
    own.id = id;
    own.login = login;
    return own;
}

} // namespace Natter
