// SPDX-License-Identifier: GPL-3.0-or-later
// MoreliaClient's private request context keys: what a request remembers (its QVariantHash
// context) for the answer's dispatch. Shared by moreliaclient.cpp and moreliaclientrequests.cpp.
#pragma once

#include <QString>

namespace Natter::Morelia::ContextKeys {

constexpr auto kOp = "op";
constexpr auto kFlow = "flow";
constexpr auto kClientId = "clientId";
constexpr auto kMessage = "message";
constexpr auto kLogin = "login";
constexpr auto kUserId = "userId";

inline QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace Natter::Morelia::ContextKeys
