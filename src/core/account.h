// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "user.h"

namespace Natter {

/// The signed-in user plus the session secret that proves it.
/// `secret` (auth_id / token) must only ever be handed to the secret store and the protocol.
struct Account
{
    User user;
    QString secret;

    bool isValid() const { return !user.id.isEmpty() || !user.login.isEmpty(); }
    bool operator==(const Account &) const = default;
};

/// Never prints the secret.
QDebug operator<<(QDebug dbg, const Account &account);

} // namespace Natter
