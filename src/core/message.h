// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attachment.h"

#include <QList>

namespace Natter {

/// One message in a flow.
struct Message
{
    QString id; ///< server id; empty for a local echo not yet confirmed
    qint64 clientId = 0; ///< the sender's local id, echoed back by servers that support it
    QString flowId;
    QString fromId;
    QString fromName;
    QString text;
    qint64 time = 0; ///< Unix milliseconds
    bool edited = false;
    qint64 editedTime = 0; ///< Unix milliseconds, 0 when not edited
    bool deleted = false; ///< a tombstone: the server says it was deleted
    QString replyTo; ///< id of the quoted message, empty when none
    QList<Attachment> attachments;

    bool operator==(const Message &) const = default;
};

QDebug operator<<(QDebug dbg, const Message &message);

} // namespace Natter
