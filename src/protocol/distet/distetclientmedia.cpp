// SPDX-License-Identifier: GPL-3.0-or-later
// DistetClient: media transfers — upload progress of sends, fetching a file again (GetMedia),
// and cancelling.
#include "core/logging.h"
#include "distetclient.h"

#include <QJsonDocument>
#include <QNetworkReply>

namespace Natter {

using namespace Distet;

namespace {
constexpr char kSent[] = "natterSent";
}

void DistetClient::expectUploads(RequestId id, const QList<Attachment> &attachments)
{
    if (attachments.isEmpty())
        return;
    // Each Media body is the request around the file's base64: measured with no bytes, plus
    // the base64 length.
    Upload upload;
    for (const Attachment &a : attachments) {
        const QByteArray shell = QJsonDocument(
            encodeRequest(mediaRequest(extensionFor(a), QByteArrayLiteral("x"), sessia())))
                                     .toJson(QJsonDocument::Compact);
        upload.expected += shell.size() - 4 + (a.bytes.size() + 2) / 3 * 4;
    }
    m_uploads.insert(id, upload);
}

void DistetClient::onUploadProgress(RequestId id, QNetworkReply *reply, qint64 sent)
{
    const auto it = m_uploads.find(id);
    if (it == m_uploads.end() || !alive(id))
        return;
    // Counted by difference: one file after another adds up, repeats add nothing.
    const qint64 before = reply->property(kSent).toLongLong();
    if (sent <= before)
        return;
    reply->setProperty(kSent, sent);
    it->done += sent - before;
    Q_EMIT transferProgress(id, it->done, std::max(it->expected, it->done));
}

void DistetClient::endTransfer(RequestId id)
{
    m_uploads.remove(id);
    m_mediaFetches.remove(id);
}

void DistetClient::cancelRequest(RequestId id)
{
    if (!alive(id))
        return;
    qCInfo(lcProtocol) << "DisTet request" << id << "cancelled";
    fail(id, Error::make(Error::Code::Cancelled, QStringLiteral("Cancelled")));
}

RequestId DistetClient::fetchMedia(const QString &reference)
{
    if (ownId().isEmpty())
        return failLater(
            Error::make(Error::Code::NotAuthenticated, QStringLiteral("not logged in")));
    if (reference.isEmpty())
        return failLater(Error::make(Error::Code::InvalidArgument, QStringLiteral("no media key")));
    const RequestId id = start(Path::GetMedia);
    m_mediaFetches.insert(id);
    // Not from m_media: a file fetched again is asked of the server, which holds the truth.
    post(id, getMediaRequest(reference, sessia()), [this, id, reference](const QJsonObject &reply) {
        const Result<MediaFile> file = decodeMediaFile(reply);
        if (!file) {
            fail(id, file.error());
            return;
        }
        Q_EMIT mediaReceived(id, reference, file->bytes);
        finish(id);
    });
    return id;
}

} // namespace Natter
