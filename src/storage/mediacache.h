// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QHash>
#include <QList>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <optional>

namespace Natter {

class Database;
class MessageStore;

/// One message attachment stored in the media folder.
struct MediaUse
{
    QString messageKey; ///< see messageKey()
    QString flowId;
    QString serverId; ///< empty for a local echo
    QString reference; ///< the server's key for the file, when it keeps one
    QString hash; ///< the file's content hash
    int index = 0; ///< the attachment's position in its message
    qint64 time = 0; ///< the message's time, Unix ms
};

/// What a clear or an eviction did.
struct MediaCacheReport
{
    int removedFiles = 0;
    qint64 freedBytes = 0;
    int keptFiles = 0; ///< attachment files kept because the server cannot send them again
    qint64 keptBytes = 0;
    qint64 remainingBytes = 0; ///< the media folder's size afterwards
};

/// The media folder as a cache of received attachments: clearing it, keeping it under a size
/// limit (least recently used first), and putting back a file fetched again. Only attachment
/// files the server can send again are ever removed: never a file of a send still in the
/// outbox or of a local echo, never an avatar or any other file no attachment names. "Used"
/// is the file's modification time: set when the file is written, fetched again or touched
/// (opened, saved) by the user.
class MediaCache
{
public:
    /// Whether the server can send the attachment again; decided by the session per backend.
    using CanFetchAgain = std::function<bool(const MediaUse &)>;

    MediaCache(Database &db, MessageStore &messages);

    /// Bytes used by the media folder.
    qint64 totalSize() const;
    /// Removes every attachment file that can be fetched again.
    MediaCacheReport clear(const CanFetchAgain &canFetchAgain);
    /// Removes the least recently used attachment files that can be fetched again until the
    /// folder holds at most `limitBytes` (files that must stay count against the limit).
    MediaCacheReport evictTo(qint64 limitBytes, const CanFetchAgain &canFetchAgain);

    /// Attachment `index` of message `messageKey`, with its content hash.
    std::optional<MediaUse> use(const QString &messageKey, int index) const;
    /// Whether its file is in the folder.
    bool isStored(const QString &messageKey, int index) const;
    /// Marks its file as used now.
    void touch(const QString &messageKey, int index);
    /// Puts back the bytes of attachment `index`, fetched again, and announces the message as
    /// updated. Content that differs from what was stored replaces it (the server's copy wins).
    Error restore(const QString &messageKey, int index, const QByteArray &bytes);

private:
    struct Candidate
    {
        QString hash;
        qint64 size = 0;
        qint64 usedMs = 0;
        bool removable = false;
        QList<MediaUse> uses;
    };
    std::optional<MediaUse> find(const QString &messageKey, int index, qint64 *localId) const;
    QList<Candidate> candidates(const CanFetchAgain &canFetchAgain) const;
    MediaCacheReport removeUntil(qint64 limitBytes, const CanFetchAgain &canFetchAgain);
    void announce(const QList<MediaUse> &uses);

    Database &m_db;
    MessageStore &m_messages;
};

} // namespace Natter
