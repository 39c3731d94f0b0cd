// SPDX-License-Identifier: GPL-3.0-or-later
#include "store.h"

#include "ids.h"
#include "serverlog.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Natter::Testing {

namespace {
QAtomicInteger<int> s_connectionCounter;

const char *const s_schema[] = {
    "CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " uuid TEXT NOT NULL UNIQUE, login TEXT UNIQUE, username TEXT, email TEXT, bio TEXT,"
    " avatar TEXT, is_bot INTEGER NOT NULL DEFAULT 0, salt BLOB, password_hash BLOB,"
    " deleted INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL)",
    // Not one of the four documented tables: it lets one account hold several sessions.
    "CREATE TABLE IF NOT EXISTS auth_tokens (auth_id TEXT PRIMARY KEY,"
    " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, created INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS flows (id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " uuid TEXT NOT NULL UNIQUE, type TEXT NOT NULL, title TEXT, info TEXT, owner_id INTEGER,"
    " updated INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS flow_members ("
    " flow_id INTEGER NOT NULL REFERENCES flows(id) ON DELETE CASCADE,"
    " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    " PRIMARY KEY (flow_id, user_id))",
    "CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " uuid TEXT NOT NULL UNIQUE, client_id INTEGER,"
    " flow_id INTEGER NOT NULL REFERENCES flows(id) ON DELETE CASCADE,"
    " user_id INTEGER NOT NULL, text TEXT, file_picture TEXT, file_video TEXT, file_audio TEXT,"
    " file_document TEXT, emoji TEXT, reply_to TEXT, time INTEGER NOT NULL, edited_time INTEGER,"
    " deleted INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS messages_flow_time ON messages(flow_id, time)",
    "CREATE INDEX IF NOT EXISTS messages_flow_updated ON messages(flow_id, updated)",
};

const auto s_userColumns
    = u"id, uuid, login, username, email, bio, avatar, is_bot, deleted, updated"_s;

UserRow readUser(const QSqlQuery &query)
{
    UserRow user;
    user.id = query.value(0).toLongLong();
    user.uuid = query.value(1).toString();
    user.login = query.value(2).toString();
    user.username = query.value(3).toString();
    user.email = query.value(4).toString();
    user.bio = query.value(5).toString();
    user.avatar = query.value(6).toString();
    user.isBot = query.value(7).toBool();
    user.deleted = query.value(8).toBool();
    user.updated = query.value(9).toLongLong();
    return user;
}
} // namespace

Store::Store()
    : m_connectionName(u"natter-testserver-%1"_s.arg(s_connectionCounter.fetchAndAddRelaxed(1)))
{ }

Store::~Store()
{
    {
        auto db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

bool Store::open(const QString &path)
{
    auto db = QSqlDatabase::contains(m_connectionName)
        ? QSqlDatabase::database(m_connectionName, false)
        : QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(path.isEmpty() ? u":memory:"_s : path);
    if (!db.open()) {
        m_error = db.lastError().text();
        return false;
    }
    QSqlQuery query(db);
    for (const auto *pragma : { "PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL" })
        query.exec(QString::fromLatin1(pragma)); // WAL fails harmlessly on :memory:
    for (const auto *statement : s_schema) {
        if (!query.exec(QString::fromLatin1(statement))) {
            m_error = query.lastError().text();
            return false;
        }
    }
    return true;
}

bool Store::isOpen() const
{
    return QSqlDatabase::database(m_connectionName, false).isOpen();
}

qint64 Store::now()
{
    m_lastNow = qMax(QDateTime::currentMSecsSinceEpoch(), m_lastNow + 1);
    return m_lastNow;
}

bool Store::exec(QSqlQuery &query) const
{
    if (query.exec())
        return true;
    m_error = query.lastError().text();
    qCWarning(lcTestServer) << "SQL error:" << m_error << "in" << query.lastQuery();
    return false;
}

std::optional<UserRow> Store::createUser(
    const QString &login, const QString &password, const QString &username, const QString &email)
{
    if (login.isEmpty() || userByLogin(login))
        return std::nullopt;
    const auto salt = Ids::randomSalt();
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(u"INSERT INTO users (uuid, login, username, email, salt, password_hash, updated)"
                  " VALUES (:uuid, :login, :username, :email, :salt, :hash, :updated)"_s);
    query.bindValue(u":uuid"_s, Ids::randomUuid128());
    query.bindValue(u":login"_s, login);
    query.bindValue(u":username"_s, username.isEmpty() ? login : username);
    query.bindValue(u":email"_s, email.isEmpty() ? QVariant() : QVariant(email));
    query.bindValue(u":salt"_s, salt);
    query.bindValue(u":hash"_s, Ids::hashPassword(salt, password));
    query.bindValue(u":updated"_s, now());
    if (!exec(query))
        return std::nullopt;
    return userById(query.lastInsertId().toLongLong());
}

std::optional<UserRow> Store::oneUser(
    const QString &where, const QString &key, const QVariant &value) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(u"SELECT "_s + s_userColumns + u" FROM users WHERE "_s + where);
    query.bindValue(key, value);
    if (!exec(query) || !query.next())
        return std::nullopt;
    return readUser(query);
}

std::optional<UserRow> Store::userById(qint64 id) const
{
    return oneUser(u"id = :id"_s, u":id"_s, id);
}

std::optional<UserRow> Store::userByUuid(const QString &uuid) const
{
    return oneUser(u"uuid = :uuid"_s, u":uuid"_s, uuid);
}

std::optional<UserRow> Store::userByLogin(const QString &login) const
{
    return oneUser(u"login = :login AND deleted = 0"_s, u":login"_s, login);
}

std::optional<UserRow> Store::userByEmail(const QString &email) const
{
    return oneUser(u"lower(email) = lower(:email) AND deleted = 0"_s, u":email"_s, email);
}

std::optional<UserRow> Store::userByAuthId(const QString &authId) const
{
    return oneUser(u"deleted = 0 AND id = (SELECT user_id FROM auth_tokens WHERE auth_id = :a)"_s,
        u":a"_s, authId);
}

bool Store::checkPassword(qint64 userId, const QString &password) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(u"SELECT salt, password_hash FROM users WHERE id = :id AND deleted = 0"_s);
    query.bindValue(u":id"_s, userId);
    if (!exec(query) || !query.next())
        return false;
    return Ids::hashPassword(query.value(0).toByteArray(), password)
        == query.value(1).toByteArray();
}

QString Store::issueAuthId(qint64 userId)
{
    const auto token = Ids::randomToken();
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(u"INSERT INTO auth_tokens (auth_id, user_id, created) VALUES (:a, :u, :t)"_s);
    query.bindValue(u":a"_s, token);
    query.bindValue(u":u"_s, userId);
    query.bindValue(u":t"_s, now());
    return exec(query) ? token : QString();
}

QString Store::lastAuthId(qint64 userId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(u"SELECT auth_id FROM auth_tokens WHERE user_id = :u"
                  " ORDER BY created DESC, rowid DESC LIMIT 1"_s);
    query.bindValue(u":u"_s, userId);
    if (!exec(query) || !query.next())
        return {};
    return query.value(0).toString();
}

bool Store::deleteUser(qint64 userId)
{
    auto db = QSqlDatabase::database(m_connectionName);
    db.transaction();
    QSqlQuery query(db);
    query.prepare(u"DELETE FROM auth_tokens WHERE user_id = :u"_s);
    query.bindValue(u":u"_s, userId);
    bool ok = exec(query);
    query.prepare(u"UPDATE users SET deleted = 1, login = NULL, updated = :t WHERE id = :u"_s);
    query.bindValue(u":t"_s, now());
    query.bindValue(u":u"_s, userId);
    ok = ok && exec(query) && query.numRowsAffected() == 1;
    if (!ok) {
        db.rollback();
        return false;
    }
    return db.commit();
}

QList<UserRow> Store::usersChangedSince(
    qint64 viewerId, qint64 since, const QList<FlowRow> &extraFlows) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(u"SELECT "_s + s_userColumns
        + u" FROM users WHERE updated >= :since AND (id = :me1 OR id IN ("
          "SELECT m2.user_id FROM flow_members m1 JOIN flow_members m2"
          " ON m1.flow_id = m2.flow_id WHERE m1.user_id = :me2)) ORDER BY id"_s);
    query.bindValue(u":since"_s, since);
    query.bindValue(u":me1"_s, viewerId);
    query.bindValue(u":me2"_s, viewerId);
    QList<UserRow> users;
    QList<qint64> seen;
    if (exec(query)) {
        while (query.next()) {
            users.append(readUser(query));
            seen.append(users.constLast().id);
        }
    }
    for (const auto &flow : extraFlows) {
        for (const auto member : flow.members) {
            if (seen.contains(member))
                continue;
            if (auto user = userById(member)) {
                users.append(*user);
                seen.append(member);
            }
        }
    }
    return users;
}

} // namespace Natter::Testing
