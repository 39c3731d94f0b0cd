// SPDX-License-Identifier: GPL-3.0-or-later
#include "mediacache.h"

#include "core/logging.h"
#include "database.h"
#include "messagekey.h"
#include "messagestore.h"
#include "sql.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace Natter {

namespace {

const QString kUseColumns = QStringLiteral(
    "SELECT a.content_hash, a.position, a.reference, m.server_id, m.client_id, m.flow_id, "
    "m.time, m.local_id FROM attachments a JOIN messages m ON m.local_id = a.message_id ");

MediaUse readUse(const QSqlQuery &q)
{
    MediaUse use;
    use.hash = q.value(0).toString();
    use.index = q.value(1).toInt();
    use.reference = q.value(2).toString();
    use.serverId = q.value(3).toString();
    use.messageKey = use.serverId.isEmpty() ? localEchoKey(q.value(4).toLongLong()) : use.serverId;
    use.flowId = q.value(5).toString();
    use.time = q.value(6).toLongLong();
    return use;
}

} // namespace

MediaCache::MediaCache(Database &db, MessageStore &messages) : m_db(db), m_messages(messages) { }

qint64 MediaCache::totalSize() const
{
    return m_db.media().totalSize();
}

std::optional<MediaUse> MediaCache::use(const QString &messageKey, int index) const
{
    return find(messageKey, index, nullptr);
}

std::optional<MediaUse> MediaCache::find(
    const QString &messageKey, int index, qint64 *localId) const
{
    QSqlQuery q = m_db.prepare(kUseColumns
        % QLatin1String("WHERE a.position = :position AND ((m.server_id = :key AND :key2 <> '') "
                        "OR (m.server_id = '' AND m.client_id = :client_id AND :client_id2 <> 0)) "
                        "LIMIT 1"));
    const qint64 clientId = clientIdFromKey(messageKey);
    q.bindValue(QStringLiteral(":position"), index);
    q.bindValue(QStringLiteral(":key"), clientId ? QString() : messageKey);
    q.bindValue(QStringLiteral(":key2"), clientId ? QString() : messageKey);
    q.bindValue(QStringLiteral(":client_id"), clientId);
    q.bindValue(QStringLiteral(":client_id2"), clientId);
    if (!Sql::exec(q) || !q.next())
        return std::nullopt;
    if (localId)
        *localId = q.value(7).toLongLong();
    return readUse(q);
}

bool MediaCache::isStored(const QString &messageKey, int index) const
{
    const auto found = use(messageKey, index);
    return found && m_db.media().contains(found->hash);
}

void MediaCache::touch(const QString &messageKey, int index)
{
    const auto found = use(messageKey, index);
    if (!found)
        return;
    QFile file(m_db.media().path(found->hash));
    if (file.exists() && file.open(QIODevice::ReadWrite))
        file.setFileTime(QDateTime::currentDateTime(), QFileDevice::FileModificationTime);
}

Error MediaCache::restore(const QString &messageKey, int index, const QByteArray &bytes)
{
    qint64 localId = 0;
    const auto found = find(messageKey, index, &localId);
    if (!found)
        return Error::make(Error::Code::NotFound,
            QLatin1String("no attachment ") % messageKey % u'#' % QString::number(index));
    const Result<QString> stored = m_db.media().put(bytes);
    if (!stored)
        return stored.error();
    if (stored.value() != found->hash) {
        // Never stored before, or the server's copy differs from ours: the server's wins.
        QSqlQuery q = m_db.prepare(
            QStringLiteral("UPDATE attachments SET content_hash = :hash, size = :size "
                           "WHERE message_id = :message_id AND position = :position"));
        q.bindValue(QStringLiteral(":hash"), stored.value());
        q.bindValue(QStringLiteral(":size"), bytes.size());
        q.bindValue(QStringLiteral(":message_id"), localId);
        q.bindValue(QStringLiteral(":position"), index);
        if (!Sql::exec(q))
            return Sql::error(q, QStringLiteral("cannot store the attachment fetched again"));
    } else {
        touch(messageKey, index);
    }
    announce({ *found });
    return {};
}

QList<MediaCache::Candidate> MediaCache::candidates(const CanFetchAgain &canFetchAgain) const
{
    // Files of sends still in the outbox stay whatever else names them.
    QSet<QString> pinned;
    QSqlQuery outbox = m_db.prepare(QStringLiteral("SELECT attachments FROM outbox"));
    if (Sql::exec(outbox)) {
        while (outbox.next()) {
            const QJsonArray list
                = QJsonDocument::fromJson(outbox.value(0).toString().toUtf8()).array();
            for (const QJsonValue &a : list)
                pinned.insert(a.toObject().value(QLatin1String("hash")).toString());
        }
    }
    QHash<QString, Candidate> byHash;
    QSqlQuery q = m_db.prepare(kUseColumns % QLatin1String("WHERE a.content_hash <> ''"));
    if (!Sql::exec(q))
        return {};
    while (q.next()) {
        const MediaUse use = readUse(q);
        Candidate &c = byHash[use.hash];
        if (c.hash.isEmpty()) {
            c.hash = use.hash;
            c.removable = !pinned.contains(use.hash);
        }
        c.removable = c.removable && !use.serverId.isEmpty() && canFetchAgain && canFetchAgain(use);
        c.uses.append(use);
    }
    QList<Candidate> list;
    for (Candidate &c : byHash) {
        const QFileInfo info(m_db.media().path(c.hash));
        if (!info.exists())
            continue; // removed already
        c.size = info.size();
        c.usedMs = info.lastModified().toMSecsSinceEpoch();
        list.append(std::move(c));
    }
    // Least recently used first; equal times by hash, so the order is stable.
    std::sort(list.begin(), list.end(), [](const Candidate &a, const Candidate &b) {
        return a.usedMs != b.usedMs ? a.usedMs < b.usedMs : a.hash < b.hash;
    });
    return list;
}

MediaCacheReport MediaCache::clear(const CanFetchAgain &canFetchAgain)
{
    return removeUntil(-1, canFetchAgain);
}

MediaCacheReport MediaCache::evictTo(qint64 limitBytes, const CanFetchAgain &canFetchAgain)
{
    if (limitBytes < 0)
        return { 0, 0, 0, 0, totalSize() };
    return removeUntil(limitBytes, canFetchAgain);
}

MediaCacheReport MediaCache::removeUntil(qint64 limitBytes, const CanFetchAgain &canFetchAgain)
{
    MediaCacheReport report;
    qint64 total = totalSize();
    if (limitBytes >= 0 && total <= limitBytes) {
        report.remainingBytes = total;
        return report;
    }
    QList<MediaUse> changed;
    for (const Candidate &c : candidates(canFetchAgain)) {
        if (!c.removable) {
            ++report.keptFiles;
            report.keptBytes += c.size;
            continue;
        }
        if (limitBytes >= 0 && total <= limitBytes)
            continue;
        if (!m_db.media().remove(c.hash)) {
            qCWarning(lcStorage) << "cannot remove media file" << c.hash;
            continue;
        }
        ++report.removedFiles;
        report.freedBytes += c.size;
        total -= c.size;
        changed += c.uses;
    }
    report.remainingBytes = totalSize();
    qCInfo(lcStorage) << "media cache: removed" << report.removedFiles << "files,"
                      << report.freedBytes << "bytes; kept" << report.keptFiles
                      << "the server cannot send again";
    announce(changed);
    return report;
}

void MediaCache::announce(const QList<MediaUse> &uses)
{
    QHash<QString, QStringList> byFlow;
    for (const MediaUse &use : uses) {
        QStringList &keys = byFlow[use.flowId];
        if (!keys.contains(use.messageKey))
            keys.append(use.messageKey);
    }
    for (auto it = byFlow.cbegin(); it != byFlow.cend(); ++it)
        m_messages.announceMediaChanged(it.key(), it.value());
}

} // namespace Natter
