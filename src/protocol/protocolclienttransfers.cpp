// SPDX-License-Identifier: GPL-3.0-or-later
// ProtocolClient: the defaults of the media transfer calls, for backends without them.
#include "protocolclient.h"

namespace Natter {

void ProtocolClient::cancelRequest(RequestId id)
{
    Q_UNUSED(id)
}

RequestId ProtocolClient::fetchMedia(const QString &reference)
{
    Q_UNUSED(reference)
    return failUnsupported(QStringLiteral("fetch files again"));
}

} // namespace Natter
