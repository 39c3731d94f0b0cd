// SPDX-License-Identifier: GPL-3.0-or-later
// DistetClient: group management (ChangeDialog with name, privacy and photo) and group photos.
#include "distetclient.h"

namespace Natter {

using namespace Distet;

RequestId DistetClient::changeFlow(const QString &flowId, const FlowChange &change)
{
    if (ownId().isEmpty())
        return failLater(
            Error::make(Error::Code::NotAuthenticated, QStringLiteral("not logged in")));
    if (flowId.isEmpty() || change.isEmpty())
        return failLater(
            Error::make(Error::Code::InvalidArgument, QStringLiteral("nothing to change")));
    if (change.title && change.title->trimmed().isEmpty())
        return failLater(Error::make(
            Error::Code::InvalidArgument, QStringLiteral("a group needs a non-empty name")));
    const RequestId id = start(Path::ChangeDialog);
    // One ChangeDialog carries everything; a photo is uploaded with Media first for its key.
    const auto sendChange = [this, id, flowId, change](const std::optional<QString> &photoKey) {
        Request request = simpleRequest(Path::ChangeDialog, sessia());
        DialogSpec dialog;
        dialog.key = flowId;
        if (change.title)
            dialog.name = change.title->trimmed();
        dialog.isPrivate = change.isPrivate;
        dialog.photo = photoKey;
        request.dialog = dialog;
        post(id, request, [this, id](const QJsonObject &) { finish(id); });
    };
    if (!change.photo) {
        sendChange(std::nullopt);
        return id;
    }
    const QString extension
        = change.photoExtension.isEmpty() ? QStringLiteral("png") : change.photoExtension;
    const QByteArray bytes = *change.photo;
    post(id, mediaRequest(extension, bytes, sessia()),
        [this, id, extension, bytes, sendChange](const QJsonObject &reply) {
            const Result<QString> key = decodeMediaKey(reply);
            if (!key) {
                fail(id, key.error());
                return;
            }
            // We have the bytes already: the next GetDialogs need not fetch them back.
            m_media.insert(key.value(), MediaFile { key.value(), extension, bytes });
            sendChange(key.value());
        });
    return id;
}

void DistetClient::resolveDialogPhotos(RequestId id, std::shared_ptr<QList<Flow>> flows,
    QHash<QString, QString> photoKeys, std::function<void()> done)
{
    // A photo is a detail: a dialog whose photo cannot be fetched stands without it.
    fetchMediaKeys(id, photoKeys.values(), [this, flows, photoKeys, done] {
        for (Flow &flow : *flows) {
            if (const QString key = photoKeys.value(flow.id); !key.isEmpty())
                flow.photo = m_media.value(key).bytes;
            m_dialogTypes.insert(flow.id, flow.type);
        }
        done();
    });
}

void DistetClient::applyDialogTypes(QList<Flow> &flows) const
{
    for (Flow &flow : flows)
        flow.type = m_dialogTypes.value(flow.id, flow.type);
}

} // namespace Natter
