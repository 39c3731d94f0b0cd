// SPDX-License-Identifier: GPL-3.0-or-later
// Session: media transfers, passed to Transfers.
#include "session.h"
#include "transfers.h"

namespace Natter {

Error Session::downloadAttachment(const QString &messageKey, int attachmentIndex)
{
    return m_transfers->download(messageKey, attachmentIndex);
}

bool Session::cancelTransfer(const QString &messageKey)
{
    return m_transfers->cancel(messageKey);
}

} // namespace Natter
