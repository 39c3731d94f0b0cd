// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocolclient.h"
#include "storage/mediacache.h"

#include <QHash>
#include <QTimer>

namespace Natter {

class AccountCache;
class OutboxSender;

/// Media transfers of one session: progress of the outbox's uploads and of files fetched
/// again, by message key; cancelling them; and the media cache (clear, size limit).
///
/// - An upload is the outbox's send in flight; cancelling it ends the send as Failed with the
///   reason "Cancelled" (Retry or Discard stay possible). A queued send is marked so at once.
///   Over WebSocket a frame already whole on the wire cannot be taken back: cancel() then
///   returns false and the send ends as it would have.
/// - A download fetches a received file whose local copy is missing: by its key where the
///   server keeps files apart (DisTet GetMedia), or by reading its message again where files
///   come inline (MoreliaTalk, mode). Cancelling a DisTet download aborts it; an inline one
///   only stops waiting (an answer already on its way still stores the file).
class Transfers : public QObject
{
    Q_OBJECT
public:
    Transfers(ProtocolClient &client, AccountCache &cache, OutboxSender &outbox,
        QObject *parent = nullptr);
    ~Transfers() override;

    MediaCache &mediaCache() { return m_media; }
    /// Whether the server can send this attachment again, so clearing may remove its file.
    bool canFetchAgain(const MediaUse &use) const;

    /// Fetches attachment `index` of `messageKey` again; the outcome is downloadFinished.
    /// An error when it cannot start (not connected, the server cannot send it again).
    Error download(const QString &messageKey, int index);
    bool isDownloading(const QString &messageKey) const;
    /// Cancels the upload or download of `messageKey`; false when there is none, or it is too
    /// late to stop it.
    bool cancel(const QString &messageKey);

    /// Removes every file the server can send again.
    MediaCacheReport clearCache();
    /// Media cache size limit in bytes, 0 for none. Applied 1.5 s later (off the start-up path)
    /// and again after new media.
    void setCacheLimit(qint64 bytes);
    qint64 cacheLimit() const { return m_limit; }
    MediaCacheReport applyCacheLimit();

Q_SIGNALS:
    /// total 0 (or done == total) ends the transfer.
    void progress(const QString &messageKey, qint64 done, qint64 total);
    /// A download ended; `error` is none when the file is back.
    void downloadFinished(const QString &messageKey, int index, const Natter::Error &error);
    /// The media cache changed size (cleared, evicted, a file fetched again).
    void cacheChanged(const Natter::MediaCacheReport &report);

private:
    struct Download
    {
        QString key;
        int index = 0;
        QString flowId;
        bool inlined = false; ///< fetched by reading the message again
        Error error;
    };
    void onProgress(RequestId id, qint64 done, qint64 total);
    void onMedia(RequestId id, const QString &reference, const QByteArray &bytes);
    void onEnded(RequestId id, const Error &error);

    ProtocolClient &m_client;
    AccountCache &m_cache;
    OutboxSender &m_outbox;
    MediaCache m_media;
    QHash<RequestId, Download> m_downloads;
    QHash<RequestId, QString> m_uploads; ///< sends that reported progress → echo key
    qint64 m_limit = 0;
    QTimer m_limitTimer; ///< applies the limit once a burst of new messages is stored
};

} // namespace Natter
