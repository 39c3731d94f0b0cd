// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagestore.h"

#include "database.h"
#include "sql.h"
#include "transaction.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <limits>

namespace Natter {

namespace {

/// Groups (flow, key) entries per flow, flows in first-seen order, keys in order, each once.
/// Hashes, not list scans: a sync batch names thousands of keys.
QList<std::pair<QString, QStringList>> byFlow(const QList<MessageChanges::Entry> &entries)
{
    QList<std::pair<QString, QStringList>> groups;
    QHash<QString, qsizetype> groupOf;
    QSet<std::pair<QString, QString>> seen;
    for (const auto &entry : entries) {
        if (seen.contains({ entry.flowId, entry.key }))
            continue;
        seen.insert({ entry.flowId, entry.key });
        const auto it = groupOf.constFind(entry.flowId);
        if (it == groupOf.constEnd()) {
            groupOf.insert(entry.flowId, groups.size());
            groups.append({ entry.flowId, { entry.key } });
        } else {
            groups[it.value()].second.append(entry.key);
        }
    }
    return groups;
}

} // namespace

MessageStore::MessageStore(Database &db, QObject *parent)
    : QObject(parent),
      m_db(db),
      m_reader(db),
      m_writer(db, m_reader),
      m_newest(db.prepare(QLatin1String("SELECT ") % MessageReader::columns()
          % QLatin1String(" FROM messages WHERE flow_id = :flow_id "
                          "ORDER BY time DESC, local_id DESC LIMIT :limit"))),
      // A row-value comparison SQLite turns into a range on messages_flow_time.
      m_before(db.prepare(QLatin1String("SELECT ") % MessageReader::columns()
          % QLatin1String(" FROM messages WHERE flow_id = :flow_id "
                          "AND (time, local_id) < (:time, :local_id) "
                          "ORDER BY time DESC, local_id DESC LIMIT :limit"))),
      m_after(db.prepare(QLatin1String("SELECT ") % MessageReader::columns()
          % QLatin1String(" FROM messages WHERE flow_id = :flow_id "
                          "AND (time, local_id) > (:time, :local_id) "
                          "ORDER BY time ASC, local_id ASC LIMIT :limit"))),
      m_byClientId(db.prepare(QLatin1String("SELECT ") % MessageReader::columns()
          % QLatin1String(" FROM messages WHERE client_id = :client_id AND client_id <> 0 "
                          "AND (server_id = '' OR from_id = "
                          "coalesce((SELECT user_id FROM account WHERE slot = 1), from_id)) "
                          "ORDER BY server_id <> '', local_id DESC LIMIT 1"))),
      m_newestServerTimeInFlow(db.prepare(
          QStringLiteral("SELECT time FROM messages WHERE flow_id = :flow_id AND server_id <> '' "
                         "ORDER BY time DESC LIMIT 1"))),
      // One index seek per flow instead of a scan of every message.
      m_newestServerTime(db.prepare(
          QStringLiteral("SELECT max((SELECT m.time FROM messages m WHERE m.flow_id = f.id "
                         "AND m.server_id <> '' ORDER BY m.time DESC LIMIT 1)) FROM flows f"))),
      m_countInFlow(
          db.prepare(QStringLiteral("SELECT count(*) FROM messages WHERE flow_id = :flow_id"))),
      m_count(db.prepare(QStringLiteral("SELECT count(*) FROM messages")))
{ }

MessageStore::~MessageStore() = default;

Error MessageStore::transact(const std::function<Error(MessageWriter &, MessageChanges &)> &work)
{
    MessageChanges changes;
    {
        Transaction tx(m_db.connection());
        if (!tx.isActive())
            return tx.error();
        if (Error error = work(m_writer, changes); !error.isNone())
            return error;
        if (Error error = tx.commit(); !error.isNone())
            return error;
    }
    announce(changes);
    return {};
}

void MessageStore::announce(const MessageChanges &changes)
{
    for (const auto &rekey : changes.rekeyed)
        Q_EMIT messageKeyChanged(rekey.flowId, rekey.oldKey, rekey.newKey);
    for (const auto &[flowId, keys] : byFlow(changes.removed))
        Q_EMIT messagesRemoved(flowId, keys);
    const auto inserted = byFlow(changes.inserted);
    for (const auto &[flowId, keys] : inserted)
        Q_EMIT messagesInserted(flowId, keys);
    QHash<QString, QSet<QString>> insertedKeys;
    if (!changes.updated.isEmpty()) {
        for (const auto &[flowId, keys] : inserted)
            insertedKeys.insert(flowId, QSet<QString>(keys.cbegin(), keys.cend()));
    }
    for (auto [flowId, keys] : byFlow(changes.updated)) {
        // A message inserted and then changed in the same batch is simply new.
        if (const auto it = insertedKeys.constFind(flowId); it != insertedKeys.constEnd())
            keys.removeIf([&](const QString &key) { return it->contains(key); });
        if (!keys.isEmpty())
            Q_EMIT messagesUpdated(flowId, keys);
    }
}

Error MessageStore::insertOrUpdateMessages(const QList<Message> &messages)
{
    if (messages.isEmpty())
        return {};
    return transact([&](MessageWriter &writer, MessageChanges &changes) {
        return writer.upsertBatch(messages, changes);
    });
}

Error MessageStore::applyEdit(const QString &key, const QString &text, qint64 editedTime)
{
    return transact([&](MessageWriter &writer, MessageChanges &changes) {
        return writer.edit(key, text, editedTime, changes);
    });
}

Error MessageStore::markDeleted(const QString &key)
{
    return transact([&](MessageWriter &writer, MessageChanges &changes) {
        return writer.tombstone(key, changes);
    });
}

Error MessageStore::confirmLocalEcho(qint64 clientId, const QString &serverId, qint64 serverTime)
{
    return transact([&](MessageWriter &writer, MessageChanges &changes) {
        return writer.confirm(clientId, serverId, serverTime, changes);
    });
}

QList<Message> MessageStore::page(QSqlQuery &query, bool newestFirst) const
{
    Sql::QueryReset reset(query);
    QList<Message> messages;
    if (!Sql::exec(query))
        return messages;
    while (query.next())
        messages.append(m_reader.fromQuery(query).message);
    if (newestFirst) // the query walked the index newest first
        std::reverse(messages.begin(), messages.end());
    return messages;
}

QList<Message> MessageStore::newest(const QString &flowId, int limit) const
{
    m_newest.bindValue(QStringLiteral(":flow_id"), flowId);
    m_newest.bindValue(QStringLiteral(":limit"), limit);
    return page(m_newest);
}

QList<Message> MessageStore::before(
    const QString &flowId, qint64 beforeTimeMs, const QString &beforeKey, int limit) const
{
    // local_id 0 sorts before every row: with no key the page is strictly older than the time.
    qint64 localId = 0;
    if (const auto row = m_reader.byKey(beforeKey); row && row->message.flowId == flowId)
        localId = row->localId;
    m_before.bindValue(QStringLiteral(":flow_id"), flowId);
    m_before.bindValue(QStringLiteral(":time"), beforeTimeMs);
    m_before.bindValue(QStringLiteral(":local_id"), localId);
    m_before.bindValue(QStringLiteral(":limit"), limit);
    return page(m_before);
}

QList<Message> MessageStore::after(
    const QString &flowId, qint64 afterTimeMs, const QString &afterKey, int limit) const
{
    // The largest local_id sorts after every row: with no key the page is strictly newer.
    qint64 localId = std::numeric_limits<qint64>::max();
    if (const auto row = m_reader.byKey(afterKey); row && row->message.flowId == flowId)
        localId = row->localId;
    m_after.bindValue(QStringLiteral(":flow_id"), flowId);
    m_after.bindValue(QStringLiteral(":time"), afterTimeMs);
    m_after.bindValue(QStringLiteral(":local_id"), localId);
    m_after.bindValue(QStringLiteral(":limit"), limit);
    return page(m_after, false);
}

std::optional<Message> MessageStore::message(const QString &key) const
{
    if (auto row = m_reader.byKey(key))
        return std::move(row->message);
    return std::nullopt;
}

std::optional<Message> MessageStore::messageByClientId(qint64 clientId) const
{
    m_byClientId.bindValue(QStringLiteral(":client_id"), clientId);
    if (auto row = m_reader.first(m_byClientId))
        return std::move(row->message);
    return std::nullopt;
}

DeliveryState MessageStore::deliveryState(const QString &key, QString *failReason) const
{
    const auto row = m_reader.byKey(key);
    if (failReason)
        *failReason = row ? row->failReason : QString();
    return row ? row->state : DeliveryState::Sent;
}

namespace {
qint64 scalar(QSqlQuery &query)
{
    Sql::QueryReset reset(query);
    return Sql::exec(query) && query.next() ? query.value(0).toLongLong() : 0;
}
} // namespace

qint64 MessageStore::newestServerTime(const QString &flowId) const
{
    m_newestServerTimeInFlow.bindValue(QStringLiteral(":flow_id"), flowId);
    return scalar(m_newestServerTimeInFlow);
}

qint64 MessageStore::newestServerTime() const
{
    return scalar(m_newestServerTime);
}

int MessageStore::count(const QString &flowId) const
{
    if (flowId.isEmpty())
        return int(scalar(m_count));
    m_countInFlow.bindValue(QStringLiteral(":flow_id"), flowId);
    return int(scalar(m_countInFlow));
}

QString MessageStore::attachmentPath(const QString &key, int index) const
{
    const auto row = m_reader.byKey(key);
    if (!row || index < 0 || index >= row->contentHashes.size())
        return {};
    const QString &hash = row->contentHashes.at(index);
    return m_db.media().contains(hash) ? m_db.media().path(hash) : QString();
}

Result<QByteArray> MessageStore::attachmentContent(const QString &key, int index) const
{
    const auto row = m_reader.byKey(key);
    if (!row || index < 0 || index >= row->contentHashes.size()
        || row->contentHashes.at(index).isEmpty())
        return Error::make(Error::Code::NotFound,
            QLatin1String("no local content for ") % key % u'#' % QString::number(index));
    return m_db.media().read(row->contentHashes.at(index));
}

void MessageStore::announceMediaChanged(const QString &flowId, const QStringList &keys)
{
    if (!flowId.isEmpty() && !keys.isEmpty())
        Q_EMIT messagesUpdated(flowId, keys);
}

} // namespace Natter
