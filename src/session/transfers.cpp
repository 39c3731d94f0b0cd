// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfers.h"

#include "accountcache.h"
#include "core/logging.h"
#include "outboxsender.h"

namespace Natter {

namespace {
Error cancelledError()
{
    return Error::make(Error::Code::Cancelled, QStringLiteral("Cancelled"));
}
} // namespace

Transfers::Transfers(
    ProtocolClient &client, AccountCache &cache, OutboxSender &outbox, QObject *parent)
    : QObject(parent),
      m_client(client),
      m_cache(cache),
      m_outbox(outbox),
      m_media(cache.database(), cache.messages())
{
    connect(&client, &ProtocolClient::transferProgress, this, &Transfers::onProgress);
    connect(&client, &ProtocolClient::mediaReceived, this, &Transfers::onMedia);
    // Connected after the session's own: the cache holds an answer when its request ends.
    connect(
        &client, &ProtocolClient::requestFinished, this, [this](RequestId id) { onEnded(id, {}); });
    connect(&client, &ProtocolClient::requestFailed, this, &Transfers::onEnded);

    m_limitTimer.setSingleShot(true);
    m_limitTimer.setInterval(1500);
    connect(&m_limitTimer, &QTimer::timeout, this, &Transfers::applyCacheLimit);
    connect(&cache.messages(), &MessageStore::messagesInserted, this, [this] {
        if (m_limit > 0)
            m_limitTimer.start();
    });
}

Transfers::~Transfers() = default;

bool Transfers::canFetchAgain(const MediaUse &use) const
{
    if (use.serverId.isEmpty())
        return false; // a local echo: the server does not know it yet
    switch (m_client.mediaRefetch()) {
    case ProtocolClient::MediaRefetch::ByReference:
        return !use.reference.isEmpty();
    case ProtocolClient::MediaRefetch::ByMessages:
        return !use.flowId.isEmpty();
    case ProtocolClient::MediaRefetch::None:
        break;
    }
    return false;
}

Error Transfers::download(const QString &messageKey, int index)
{
    if (isDownloading(messageKey))
        return {};
    const std::optional<MediaUse> use = m_media.use(messageKey, index);
    if (!use)
        return Error::make(Error::Code::NotFound,
            QLatin1String("no attachment ") % messageKey % u'#' % QString::number(index));
    if (!canFetchAgain(*use))
        return Error::make(
            Error::Code::NotSupported, QStringLiteral("the server cannot send this file again"));
    if (m_client.connectionState() != ConnectionState::Connected)
        return Error::make(
            Error::Code::ConnectionLost, QStringLiteral("files are fetched again when online"));
    Download d;
    d.key = messageKey;
    d.index = index;
    d.flowId = use->flowId;
    d.inlined = m_client.mediaRefetch() == ProtocolClient::MediaRefetch::ByMessages;
    // Inline files come with the messages from just before this one's time (a second
    // earlier: some servers count whole seconds).
    const RequestId id = d.inlined
        ? m_client.fetchMessages(use->flowId, std::max<qint64>(0, use->time - 1000))
        : m_client.fetchMedia(use->reference);
    qCInfo(lcSession) << "fetching attachment" << messageKey << index << "again, request" << id;
    m_downloads.insert(id, d);
    // The ring shows at once; inline files report no progress of their own.
    Q_EMIT progress(messageKey, 0,
        std::max<qint64>(1,
            m_cache.messages()
                .message(messageKey)
                .value_or(Message())
                .attachments.value(index)
                .size));
    return {};
}

bool Transfers::isDownloading(const QString &messageKey) const
{
    for (const Download &d : m_downloads)
        if (d.key == messageKey)
            return true;
    return false;
}

bool Transfers::cancel(const QString &messageKey)
{
    for (auto it = m_downloads.begin(); it != m_downloads.end(); ++it) {
        if (it->key != messageKey)
            continue;
        const RequestId id = it.key();
        if (it->inlined) {
            // The answer carries the file inline with other messages: stop waiting for it.
            const Download d = *it;
            m_downloads.erase(it);
            Q_EMIT progress(d.key, 0, 0);
            Q_EMIT downloadFinished(d.key, d.index, cancelledError());
        } else {
            m_client.cancelRequest(id); // fails with Cancelled: onEnded reports it
        }
        return true;
    }
    const qint64 clientId = clientIdFromKey(messageKey);
    if (clientId == 0)
        return false;
    if (clientId == m_outbox.inFlightClientId() && m_outbox.inFlightRequest() != 0) {
        const RequestId request = m_outbox.inFlightRequest();
        m_client.cancelRequest(request);
        // A client that could stop it failed the request at once, which ended the send.
        return m_outbox.inFlightRequest() != request;
    }
    const auto entry = m_cache.outbox().entry(clientId);
    if (!entry || entry->state != OutboxEntry::State::Queued)
        return false;
    const Error e = m_cache.outbox().markFailed(clientId, cancelledError().message);
    Q_EMIT progress(messageKey, 0, 0);
    return e.isNone();
}

void Transfers::onProgress(RequestId id, qint64 done, qint64 total)
{
    if (total <= 0)
        return;
    // The ring stays until the request ends: done == total would clear it a moment early.
    const qint64 shown = std::min(done, total - 1);
    if (const auto d = m_downloads.constFind(id); d != m_downloads.constEnd()) {
        Q_EMIT progress(d->key, shown, total);
        return;
    }
    if (id == 0 || id != m_outbox.inFlightRequest())
        return;
    const QString key = localEchoKey(m_outbox.inFlightClientId());
    m_uploads.insert(id, key);
    Q_EMIT progress(key, shown, total);
}

void Transfers::onMedia(RequestId id, const QString &reference, const QByteArray &bytes)
{
    const auto it = m_downloads.find(id);
    if (it == m_downloads.end())
        return;
    Q_UNUSED(reference)
    it->error = m_media.restore(it->key, it->index, bytes);
}

void Transfers::onEnded(RequestId id, const Error &error)
{
    if (const auto upload = m_uploads.constFind(id); upload != m_uploads.constEnd()) {
        Q_EMIT progress(*upload, 0, 0);
        m_uploads.erase(upload);
        return;
    }
    const auto it = m_downloads.constFind(id);
    if (it == m_downloads.constEnd())
        return;
    const Download d = m_downloads.take(id);
    Error result = error.isNone() ? d.error : error;
    if (result.isNone() && !m_media.isStored(d.key, d.index))
        result = Error::make(
            Error::Code::NotFound, QStringLiteral("the server did not send the file again"));
    if (result.isNone()) {
        m_media.touch(d.key, d.index);
        if (d.inlined) // stored by the session, which saw no change in the message itself
            m_cache.messages().announceMediaChanged(d.flowId, { d.key });
    }
    qCInfo(lcSession) << "attachment" << d.key << d.index << "fetched again:" << result;
    Q_EMIT progress(d.key, 0, 0);
    Q_EMIT downloadFinished(d.key, d.index, result);
    if (result.isNone())
        Q_EMIT cacheChanged({ 0, 0, 0, 0, m_media.totalSize() });
}

MediaCacheReport Transfers::clearCache()
{
    const MediaCacheReport report
        = m_media.clear([this](const MediaUse &use) { return canFetchAgain(use); });
    Q_EMIT cacheChanged(report);
    return report;
}

void Transfers::setCacheLimit(qint64 bytes)
{
    m_limit = std::max<qint64>(0, bytes);
    // Shortly after, not now: this runs as an account opens, and measuring the cache walks
    // every file in it.
    if (m_limit > 0)
        m_limitTimer.start();
}

MediaCacheReport Transfers::applyCacheLimit()
{
    if (m_limit <= 0)
        return { 0, 0, 0, 0, m_media.totalSize() };
    const MediaCacheReport report
        = m_media.evictTo(m_limit, [this](const MediaUse &use) { return canFetchAgain(use); });
    if (report.removedFiles > 0)
        Q_EMIT cacheChanged(report);
    return report;
}

} // namespace Natter
