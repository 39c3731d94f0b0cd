// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Natter {

/// What a backend can do on the server. The UI shows only what works; the rest is done
/// locally where it can be (see PROTOCOLS.md section 4).
struct Capabilities
{
    bool registration = false;
    bool logout = false; ///< a server-side logout exists (else closing the socket is all)
    bool deleteAccount = false;
    bool recovery = false;
    bool createFlow = false;
    bool groups = false;
    bool editMessage = false;
    bool deleteMessage = false;
    bool deleteForMe = false;
    bool profile = false;
    bool serverContacts = false; ///< friends and blacklist live on the server
    bool serverSearch = false;
    bool push = false; ///< the server pushes new messages without polling
    bool media = false;
    /// Rename a group, change its photo and privacy, add and kick members.
    bool manageGroups = false;

    bool operator==(const Capabilities &) const = default;
};

} // namespace Natter
