// SPDX-License-Identifier: GPL-3.0-or-later
// DisTet backend: dialogs, messages, search, friends and blacklist.
#include "distetbackend.h"
#include "distetwire.h"
#include "store.h"

#include <QSqlQuery>

namespace Natter::Testing {

using namespace DistetWire;

namespace {
/// take/skip with the documented limits; nullopt when out of range.
std::optional<std::pair<int, int>> page(const QJsonObject &body, int maxTake)
{
    const qint64 take = number(body, "take").value_or(maxTake);
    const qint64 skip = number(body, "skip").value_or(0);
    if (take < 1 || take > maxTake || skip < 0)
        return std::nullopt;
    return std::pair { int(take), int(skip) };
}

QJsonObject badPage(int maxTake)
{
    return status(400, QStringLiteral("take must be 1..%1 and skip >= 0").arg(maxTake));
}

/// The wire's booleans: true, "true", 1, "1"; false, "false", 0, "0", "".
std::optional<bool> flag(const QJsonObject &o, const char *key)
{
    const QJsonValue v = field(o, key);
    if (v.isBool())
        return v.toBool();
    if (v.isDouble())
        return v.toInt() != 0;
    if (!v.isString())
        return std::nullopt;
    const QString s = v.toString().trimmed().toLower();
    return s == QLatin1String("true") || s == QLatin1String("1");
}
} // namespace

void DistetBackend::setDialogExtras(
    qint64 flowId, const std::optional<QString> &photo, std::optional<bool> isPrivate)
{
    QSqlQuery insert
        = query(QStringLiteral("INSERT OR IGNORE INTO distet_dialog (flow_id) VALUES (?)"));
    insert.addBindValue(flowId);
    insert.exec();
    if (photo) {
        QSqlQuery q = query(QStringLiteral("UPDATE distet_dialog SET photo = ? WHERE flow_id = ?"));
        q.addBindValue(*photo);
        q.addBindValue(flowId);
        q.exec();
    }
    if (isPrivate) {
        QSqlQuery q
            = query(QStringLiteral("UPDATE distet_dialog SET private = ? WHERE flow_id = ?"));
        q.addBindValue(*isPrivate ? 1 : 0);
        q.addBindValue(flowId);
        q.exec();
    }
}

QJsonObject DistetBackend::onGetDialogs(const Call &call)
{
    const auto p = page(call.body, 50);
    if (!p)
        return badPage(50);
    const auto since = parseDate(text(call.body, "date"));
    QList<FlowRow> flows = store().flowsOf(call.userId);
    flows.removeIf([&](const FlowRow &f) { return since && f.updated < *since; });
    std::sort(flows.begin(), flows.end(),
        [](const FlowRow &a, const FlowRow &b) { return a.updated > b.updated; });
    QJsonArray dialogs;
    for (const FlowRow &f : flows.mid(p->second, p->first)) {
        QSqlQuery q
            = query(QStringLiteral("SELECT photo, private FROM distet_dialog WHERE flow_id = ?"));
        q.addBindValue(f.id);
        const bool known = q.exec() && q.next();
        // "private" is not in the seed's reply; Natter reads it when a server sends it.
        dialogs.append(
            QJsonObject { { QStringLiteral("hash"), f.uuid }, { QStringLiteral("name"), f.title },
                { QStringLiteral("photo"), known ? q.value(0).toString() : QString() },
                { QStringLiteral("private"),
                    known && q.value(1).toInt() ? QStringLiteral("true") : QStringLiteral("0") } });
    }
    return status(
        200, QStringLiteral("Список сформирован."), { { QStringLiteral("Dialogs"), dialogs } });
}

QJsonObject DistetBackend::onCreateDialog(const Call &call)
{
    const QJsonObject dialog = field(call.body, "dialog").toObject();
    QList<qint64> members { call.userId };
    for (const QJsonValue &v : field(dialog, "idUsers").toArray()) {
        const qint64 id = v.isDouble() ? v.toInteger() : v.toString().toLongLong();
        if (!store().userById(id))
            return status(404, QStringLiteral("no user %1").arg(id));
        if (!members.contains(id))
            members.append(id);
    }
    const QString type = members.size() == 2 ? QStringLiteral("chat") : QStringLiteral("group");
    const auto flow = store().createFlow(type, text(dialog, "name"), {}, call.userId, members);
    if (!flow)
        return status(500, QStringLiteral("cannot create the dialog"));
    const QString photo = text(dialog, "photo");
    setDialogExtras(flow->id, photo, flag(dialog, "private").value_or(false));
    return status(200, QStringLiteral("Диалог начат."), { { QStringLiteral("hash"), flow->uuid } });
}

QJsonObject DistetBackend::onChangeDialog(const Call &call)
{
    const QJsonObject dialog = field(call.body, "dialog").toObject();
    const auto flow = store().flowByUuid(text(dialog, "pkDialog"));
    if (!flow || !store().isMember(flow->id, call.userId))
        return status(404, QStringLiteral("no such dialog"));
    QList<qint64> added;
    for (const QJsonValue &v : field(dialog, "IdUsers").toArray()) {
        const qint64 id = v.isDouble() ? v.toInteger() : v.toString().toLongLong();
        const auto user = store().userById(id);
        if (!user || user->deleted)
            return status(404, QStringLiteral("no user %1").arg(id));
        added << id;
    }
    const QJsonValue photo = field(dialog, "photo");
    if (photo.isString() && !photo.toString().isEmpty()) {
        QSqlQuery known = query(QStringLiteral("SELECT 1 FROM distet_media WHERE hash = ?"));
        known.addBindValue(photo.toString());
        if (!known.exec() || !known.next())
            return status(404, QStringLiteral("no media %1").arg(photo.toString()));
    }
    if (const QString name = text(dialog, "name"); !name.isEmpty()) {
        QSqlQuery q = query(QStringLiteral("UPDATE flows SET title = ? WHERE id = ?"));
        q.addBindValue(name);
        q.addBindValue(flow->id);
        q.exec();
    }
    setDialogExtras(flow->id, photo.isString() ? std::optional(photo.toString()) : std::nullopt,
        flag(dialog, "private"));
    for (qint64 id : std::as_const(added)) {
        QSqlQuery q = query(
            QStringLiteral("INSERT OR IGNORE INTO flow_members (flow_id, user_id) VALUES (?, ?)"));
        q.addBindValue(flow->id);
        q.addBindValue(id);
        q.exec();
    }
    // Any change is news for GetDialogs with a date.
    QSqlQuery touch = query(QStringLiteral("UPDATE flows SET updated = ? WHERE id = ?"));
    touch.addBindValue(store().now());
    touch.addBindValue(flow->id);
    touch.exec();
    return status(200, QStringLiteral("Данные успешно изменены."));
}

QJsonObject DistetBackend::onKickUser(const Call &call)
{
    const auto flow = store().flowByUuid(text(call.body, "PkDialog"));
    if (!flow || !store().isMember(flow->id, call.userId))
        return status(404, QStringLiteral("no such dialog"));
    if (flow->ownerId != call.userId)
        return status(403, QStringLiteral("only the creator may kick"));
    const qint64 user = number(call.body, "user").value_or(0);
    if (!store().isMember(flow->id, user))
        return status(404, QStringLiteral("not a member"));
    QSqlQuery q
        = query(QStringLiteral("DELETE FROM flow_members WHERE flow_id = ? AND user_id = ?"));
    q.addBindValue(flow->id);
    q.addBindValue(user);
    q.exec();
    return status(200, QStringLiteral("Пользователь изгнан"));
}

QJsonObject DistetBackend::onGetUsersDialog(const Call &call)
{
    const auto flow = store().flowByUuid(text(call.body, "pkDialog"));
    if (!flow || !store().isMember(flow->id, call.userId))
        return status(404, QStringLiteral("no such dialog"));
    QJsonArray ids;
    for (qint64 id : flow->members)
        ids.append(id);
    return status(200, QStringLiteral("Данные пользователей переписки сформированы."),
        { { QStringLiteral("UsersId"), ids } });
}

QJsonObject DistetBackend::messageJson(qint64 messageId) const
{
    const auto m = store().messageById(messageId);
    if (!m)
        return {};
    QJsonArray hashes;
    QJsonArray order;
    QSqlQuery q = query(QStringLiteral(
        "SELECT hash, ord FROM distet_message_media WHERE message_id = ? ORDER BY ord"));
    q.addBindValue(messageId);
    q.exec();
    while (q.next()) {
        hashes.append(q.value(0).toString());
        order.append(q.value(1).toInt());
    }
    const QJsonObject info { { QStringLiteral("msgKey"), m->uuid },
        { QStringLiteral("idUser"), m->userId }, { QStringLiteral("date"), date(m->time) },
        { QStringLiteral("content"), m->text },
        { QStringLiteral("updateAt"), m->editedTime ? date(*m->editedTime) : QString() },
        { QStringLiteral("deleteAt"), m->deleted ? date(m->updated) : QString() },
        { QStringLiteral("forwardedKey"), QString() }, { QStringLiteral("read"), QString() },
        { QStringLiteral("important"), QString() } };
    return { { QStringLiteral("infoMessage"), info },
        { QStringLiteral("hash"), hashes.isEmpty() ? QJsonValue() : QJsonValue(hashes) },
        { QStringLiteral("order"), order.isEmpty() ? QJsonValue() : QJsonValue(order) } };
}

QList<qint64> DistetBackend::messagePage(const Call &call, qint64 flowId, bool deleted)
{
    const auto p = page(call.body, 50);
    const auto since = parseDate(text(call.body, "date"));
    // "-1" pages from the newest; a date pages forward from it. Deleted ones go by deletion time.
    const QString column = deleted ? QStringLiteral("updated") : QStringLiteral("time");
    QSqlQuery q = query(
        QStringLiteral("SELECT id FROM messages WHERE flow_id = :f AND deleted = :d AND %1 >= :s"
                       " AND id NOT IN (SELECT message_id FROM distet_hidden WHERE user_id = :u)"
                       " ORDER BY %1 %2, id %2 LIMIT :take OFFSET :skip")
            .arg(column, since ? QStringLiteral("ASC") : QStringLiteral("DESC")));
    q.bindValue(QStringLiteral(":f"), flowId);
    q.bindValue(QStringLiteral(":d"), deleted ? 1 : 0);
    q.bindValue(QStringLiteral(":s"), since.value_or(0));
    q.bindValue(QStringLiteral(":u"), call.userId);
    q.bindValue(QStringLiteral(":take"), p->first);
    q.bindValue(QStringLiteral(":skip"), p->second);
    QList<qint64> ids;
    if (q.exec())
        while (q.next())
            ids << q.value(0).toLongLong();
    return ids;
}

QJsonObject DistetBackend::onGetMessages(const Call &call)
{
    const auto flow = store().flowByUuid(text(call.body, "pkDialog"));
    if (!flow || !store().isMember(flow->id, call.userId))
        return status(404, QStringLiteral("no such dialog"));
    QJsonArray list;
    if (const QString key = text(call.body, "msgkey"); !key.isEmpty()) {
        const auto m = store().messageByUuid(key);
        if (!m || m->flowId != flow->id)
            return status(404, QStringLiteral("no such message"));
        list.append(messageJson(m->id));
    } else {
        if (!page(call.body, 50))
            return badPage(50);
        for (qint64 id : messagePage(call, flow->id,
                 call.path.compare(QLatin1String("GetDelMessages"), Qt::CaseInsensitive) == 0))
            list.append(messageJson(id));
    }
    return status(200, QStringLiteral("Список сформирован."), { { QStringLiteral("Msg"), list } });
}

QJsonObject DistetBackend::onSendMessage(const Call &call)
{
    const QString op = text(call.body, "operation");
    const QJsonObject message = field(call.body, "message").toObject();
    const QJsonObject info = field(message, "infoMessage").toObject();
    const auto flow = store().flowByUuid(text(info, "pkDialog"));
    if (!flow || !store().isMember(flow->id, call.userId))
        return status(404, QStringLiteral("no such dialog"));
    if (op == QLatin1String("add")) {
        const QJsonArray hashes = field(message, "hash").toArray();
        const QJsonArray order = field(message, "order").toArray();
        MessageRow row;
        row.flowId = flow->id;
        row.userId = call.userId;
        row.text = text(info, "content");
        const auto stored = store().addMessage(row);
        if (!stored)
            return status(500, QStringLiteral("cannot store the message"));
        for (qsizetype i = 0; i < hashes.size(); ++i) {
            QSqlQuery q = query(QStringLiteral(
                "INSERT INTO distet_message_media (message_id, hash, ord) VALUES (?, ?, ?)"));
            q.addBindValue(stored->id);
            q.addBindValue(hashes.at(i).toString());
            q.addBindValue(order.at(i).isDouble() ? order.at(i).toInt() : int(i + 1));
            q.exec();
        }
        return status(200, QStringLiteral("Сообщение отправлено."),
            { { QStringLiteral("msgkey"), stored->uuid } });
    }
    const auto m = store().messageByUuid(text(info, "msgkey"));
    if (!m || m->flowId != flow->id || m->deleted)
        return status(404, QStringLiteral("no such message"));
    if (op == QLatin1String("deleteOnlyMe")) {
        QSqlQuery q = query(QStringLiteral(
            "INSERT OR IGNORE INTO distet_hidden (message_id, user_id) VALUES (?, ?)"));
        q.addBindValue(m->id);
        q.addBindValue(call.userId);
        q.exec();
    } else if (m->userId != call.userId) {
        return status(403, QStringLiteral("not your message"));
    } else if (op == QLatin1String("edit")) {
        store().editMessage(m->id, text(info, "content"));
    } else if (op == QLatin1String("delete")) {
        store().deleteMessage(m->id);
    } else {
        return status(400, QStringLiteral("unknown operation %1").arg(op));
    }
    return status(
        200, QStringLiteral("Сообщение отправлено."), { { QStringLiteral("msgkey"), m->uuid } });
}

QJsonObject DistetBackend::onSearch(const Call &call)
{
    const QString search = text(call.body, "search");
    if (search.isEmpty())
        return status(400, QStringLiteral("search is required"));
    const QString like = QLatin1Char('%') + search + QLatin1Char('%');
    const QString visible
        = QStringLiteral(" m.deleted = 0 AND m.text LIKE :q AND m.id NOT IN"
                         " (SELECT message_id FROM distet_hidden WHERE user_id = :u)");
    if (text(call.body, "operation") == QLatin1String("everyWhere")) {
        const qint64 take = number(call.body, "takedialogs").value_or(50);
        const qint64 skip = number(call.body, "skipdialogs").value_or(0);
        if (take < 1 || take > 50 || skip < 0)
            return badPage(50);
        QSqlQuery q = query(
            QStringLiteral("SELECT DISTINCT f.uuid FROM messages m JOIN flows f ON f.id = m.flow_id"
                           " JOIN flow_members fm ON fm.flow_id = f.id AND fm.user_id = :u WHERE")
            + visible + QStringLiteral(" ORDER BY f.id LIMIT :take OFFSET :skip"));
        q.bindValue(QStringLiteral(":u"), call.userId);
        q.bindValue(QStringLiteral(":q"), like);
        q.bindValue(QStringLiteral(":take"), take);
        q.bindValue(QStringLiteral(":skip"), skip);
        QJsonArray keys;
        if (q.exec())
            while (q.next())
                keys.append(q.value(0).toString());
        return status(200, QStringLiteral("Список диалогов сформирован."),
            { { QStringLiteral("Dialogs"), keys } });
    }
    const auto p = page(call.body, 50);
    if (!p)
        return badPage(50);
    const auto flow = store().flowByUuid(text(call.body, "dialogs"));
    if (!flow || !store().isMember(flow->id, call.userId))
        return status(404, QStringLiteral("no such dialog"));
    QSqlQuery q = query(QStringLiteral("SELECT m.uuid FROM messages m WHERE m.flow_id = :f AND")
        + visible + QStringLiteral(" ORDER BY m.time LIMIT :take OFFSET :skip"));
    q.bindValue(QStringLiteral(":f"), flow->id);
    q.bindValue(QStringLiteral(":u"), call.userId);
    q.bindValue(QStringLiteral(":q"), like);
    q.bindValue(QStringLiteral(":take"), p->first);
    q.bindValue(QStringLiteral(":skip"), p->second);
    QJsonArray keys;
    if (q.exec())
        while (q.next())
            keys.append(q.value(0).toString());
    return status(200, QStringLiteral("Список сообщений сформирован."),
        { { QStringLiteral("Messages"), keys } });
}

} // namespace Natter::Testing
