// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/message.h"

#include <QString>

namespace Natter {

/// Where a message is on its way out. Messages from the server are always Sent; only local
/// echoes of our own sends are ever anything else.
enum class DeliveryState { Queued = 0, Sending = 1, Sent = 2, Failed = 3 };

/// The key of a local echo that has no server id yet: "local:<clientId>".
inline QString localEchoKey(qint64 clientId)
{
    return QLatin1String("local:") % QString::number(clientId);
}

/// How stores name a message in signals and lookups: its server id, or localEchoKey() for a
/// local echo not yet confirmed. Models keep their id → row index on this key.
inline QString messageKey(const Message &message)
{
    return message.id.isEmpty() ? localEchoKey(message.clientId) : message.id;
}

/// The client id of a local echo key, 0 for a server id.
inline qint64 clientIdFromKey(const QString &key)
{
    if (!key.startsWith(QLatin1String("local:")))
        return 0;
    bool ok = false;
    const qint64 id = QStringView(key).mid(6).toLongLong(&ok);
    return ok ? id : 0;
}

} // namespace Natter
