// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "protocolclient.h"

#include <memory>

namespace Natter {

/// The protocol names users give (`--protocol`, server profiles).
QStringList protocolNames();

/// Makes the client for `protocol` ("auto", "morelia", "morelia-2020", "morelia-r17", "wsmode",
/// "distet") and `url`. "auto" picks by scheme: ws/wss → an AutoDetectClient that probes for
/// the WS-server mode protocol, else MoreliaTalk (dialect detected at connect); http/https →
/// DisTet. Unknown names and backends not built in give InvalidArgument / NotSupported.
/// `pinnedCertificate` goes to ProtocolClient::setPinnedCertificate (the profile's trusted
/// certificate; "auto" passes it to its probe and to the client it picks).
Result<std::shared_ptr<ProtocolClient>> createClient(
    const QString &protocol, const QUrl &url, const QString &pinnedCertificate = {});

} // namespace Natter
