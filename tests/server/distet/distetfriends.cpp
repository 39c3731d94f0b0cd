// SPDX-License-Identifier: GPL-3.0-or-later
// DisTet backend: RequestFrBl (friends, requests, blacklist) and GetMediaDialog.
#include "distetbackend.h"
#include "distetwire.h"
#include "store.h"

#include <QSqlQuery>

namespace Natter::Testing {

using namespace DistetWire;

bool DistetBackend::addFriendRequest(qint64 fromId, qint64 toId, const QString &note)
{
    if (!ensureSchema())
        return false;
    QSqlQuery q = query(QStringLiteral("INSERT OR REPLACE INTO distet_requests (from_id, to_id, "
                                       "note, added) VALUES (?, ?, ?, ?)"));
    q.addBindValue(fromId);
    q.addBindValue(toId);
    q.addBindValue(note);
    q.addBindValue(store().now());
    return q.exec();
}

QJsonObject DistetBackend::listRelations(const Call &call, const QString &sql, const char *field)
{
    const qint64 take = number(call.body, "take").value_or(100);
    const qint64 skip = number(call.body, "skip").value_or(0);
    if (take < 1 || take > 100 || skip < 0)
        return status(400, QStringLiteral("take must be 1..100 and skip >= 0"));
    // sql selects (other user id, note, added) for :me, oldest first.
    QSqlQuery q = query(sql + QStringLiteral(" LIMIT :take OFFSET :skip"));
    q.bindValue(QStringLiteral(":me"), call.userId);
    q.bindValue(QStringLiteral(":take"), take);
    q.bindValue(QStringLiteral(":skip"), skip);
    QJsonArray list;
    if (q.exec()) {
        while (q.next()) {
            const auto user = store().userById(q.value(0).toLongLong());
            QSqlQuery photo
                = query(QStringLiteral("SELECT hash FROM distet_photo WHERE user_id = ?"));
            photo.addBindValue(q.value(0));
            photo.exec();
            list.append(QJsonObject { { QStringLiteral("id"), q.value(0).toLongLong() },
                { QStringLiteral("description"), q.value(1).toString() },
                { QStringLiteral("dateadd"), date(q.value(2).toLongLong()) },
                { QStringLiteral("photo"), photo.next() ? photo.value(0).toString() : QString() },
                { QStringLiteral("nickname"),
                    user ? (user->username.isEmpty() ? user->login : user->username)
                         : QString() } });
        }
    }
    return status(200, QStringLiteral("Список сформирован."), { { QLatin1String(field), list } });
}

QJsonObject DistetBackend::onRequestFrBl(const Call &call)
{
    const QString op = text(call.body, "operation");
    if (op == QLatin1String("getFriend"))
        return listRelations(call,
            QStringLiteral("SELECT friend_id, note, added FROM distet_friends WHERE user_id = :me "
                           "ORDER BY added, friend_id"),
            "friends");
    if (op == QLatin1String("getIncoming"))
        return listRelations(call,
            QStringLiteral("SELECT from_id, note, added FROM distet_requests WHERE to_id = :me "
                           "ORDER BY added, from_id"),
            "Comings");
    if (op == QLatin1String("getOutcoming"))
        return listRelations(call,
            QStringLiteral("SELECT to_id, note, added FROM distet_requests WHERE from_id = :me "
                           "ORDER BY added, to_id"),
            "Comings");
    if (op == QLatin1String("listBlocks"))
        return listRelations(call,
            QStringLiteral("SELECT blocked_id, '', added FROM distet_blocks WHERE user_id = :me "
                           "ORDER BY added, blocked_id"),
            "Blocks");

    const qint64 other = number(call.body, "id").value_or(0);
    if (!store().userById(other) || other == call.userId)
        return status(404, QStringLiteral("no such user"));
    const QString note = text(call.body, "description");
    const qint64 now = store().now();
    const auto exec = [this](const QString &sql, const QVariantList &values) {
        QSqlQuery q = query(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return q.exec() ? q.numRowsAffected() : -1;
    };
    const auto blocked = [&](qint64 by, qint64 whom) {
        QSqlQuery q = query(
            QStringLiteral("SELECT 1 FROM distet_blocks WHERE user_id = ? AND blocked_id = ?"));
        q.addBindValue(by);
        q.addBindValue(whom);
        return q.exec() && q.next();
    };
    const auto done = [] { return status(200, QStringLiteral("Запрос выполнен")); };
    const auto notFound = [] { return status(404, QStringLiteral("no such request or friend")); };

    if (op == QLatin1String("append")) {
        if (blocked(other, call.userId))
            return status(403, QStringLiteral("the user blocked you"));
        QSqlQuery friends = query(
            QStringLiteral("SELECT 1 FROM distet_friends WHERE user_id = ? AND friend_id = ?"));
        friends.addBindValue(call.userId);
        friends.addBindValue(other);
        if (friends.exec() && friends.next())
            return status(409, QStringLiteral("already friends"));
        exec(QStringLiteral("INSERT OR REPLACE INTO distet_requests (from_id, to_id, note, added) "
                            "VALUES (?, ?, ?, ?)"),
            { call.userId, other, note, now });
        return done();
    }
    if (op == QLatin1String("accept")) {
        QSqlQuery q = query(
            QStringLiteral("SELECT note FROM distet_requests WHERE from_id = ? AND to_id = ?"));
        q.addBindValue(other);
        q.addBindValue(call.userId);
        if (!q.exec() || !q.next())
            return notFound();
        const QString theirNote = q.value(0).toString();
        exec(QStringLiteral("DELETE FROM distet_requests WHERE (from_id = ? AND to_id = ?) OR "
                            "(from_id = ? AND to_id = ?)"),
            { other, call.userId, call.userId, other });
        exec(QStringLiteral("INSERT OR REPLACE INTO distet_friends VALUES (?, ?, ?, ?)"),
            { other, call.userId, theirNote, now });
        exec(QStringLiteral("INSERT OR REPLACE INTO distet_friends VALUES (?, ?, '', ?)"),
            { call.userId, other, now });
        return done();
    }
    if (op == QLatin1String("cancel"))
        return exec(QStringLiteral("DELETE FROM distet_requests WHERE from_id = ? AND to_id = ?"),
                   { call.userId, other })
                > 0
            ? done()
            : notFound();
    if (op == QLatin1String("remove"))
        return exec(QStringLiteral("DELETE FROM distet_friends WHERE (user_id = ? AND friend_id = "
                                   "?) OR (user_id = ? AND friend_id = ?)"),
                   { call.userId, other, other, call.userId })
                > 0
            ? done()
            : notFound();
    if (op == QLatin1String("update"))
        return exec(QStringLiteral(
                        "UPDATE distet_friends SET note = ? WHERE user_id = ? AND friend_id = ?"),
                   { note, call.userId, other })
                > 0
            ? done()
            : notFound();
    if (op == QLatin1String("addBlock")) {
        exec(QStringLiteral("INSERT OR IGNORE INTO distet_blocks VALUES (?, ?, ?)"),
            { call.userId, other, now });
        exec(QStringLiteral("DELETE FROM distet_requests WHERE from_id = ? AND to_id = ?"),
            { other, call.userId });
        return done();
    }
    if (op == QLatin1String("delBlock"))
        return exec(
                   QStringLiteral("DELETE FROM distet_blocks WHERE user_id = ? AND blocked_id = ?"),
                   { call.userId, other })
                > 0
            ? done()
            : notFound();
    return status(400, QStringLiteral("unknown operation %1").arg(op));
}

QJsonObject DistetBackend::onGetMediaDialog(const Call &call)
{
    const auto flow = store().flowByUuid(text(call.body, "PkDialog"));
    if (!flow || !store().isMember(flow->id, call.userId))
        return status(404, QStringLiteral("no such dialog"));
    const qint64 take = number(call.body, "take").value_or(50);
    const qint64 skip = number(call.body, "skip").value_or(0);
    if (take < 1 || take > 50 || skip < 0)
        return status(400, QStringLiteral("take must be 1..50 and skip >= 0"));
    QSqlQuery q = query(QStringLiteral(
        "SELECT md.hash, md.extension, md.bytes FROM distet_message_media mm"
        " JOIN messages m ON m.id = mm.message_id JOIN distet_media md ON md.hash = mm.hash"
        " WHERE m.flow_id = ? AND m.deleted = 0 ORDER BY m.time, mm.ord LIMIT ? OFFSET ?"));
    q.addBindValue(flow->id);
    q.addBindValue(take);
    q.addBindValue(skip);
    QJsonArray media;
    if (q.exec())
        while (q.next())
            media.append(QJsonObject { { QStringLiteral("Hash"), q.value(0).toString() },
                { QStringLiteral("Extension"), q.value(1).toString() },
                { QStringLiteral("BytesBase64"),
                    QString::fromLatin1(q.value(2).toByteArray().toBase64()) } });
    return status(200, QStringLiteral("файл сформирован."), { { QStringLiteral("Media"), media } });
}

} // namespace Natter::Testing
