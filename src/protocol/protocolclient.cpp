// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocolclient.h"

namespace Natter {

ProtocolClient::ProtocolClient(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<Natter::Error>();
    qRegisterMetaType<Natter::Account>();
    qRegisterMetaType<Natter::ConnectionState>();
}

ProtocolClient::~ProtocolClient() = default;

} // namespace Natter
