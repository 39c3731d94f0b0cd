// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDebug>
#include <QString>

namespace Natter {

/// A relation with another user: a friend, a friend request either way, or a block.
/// The person (name, avatar) is a User; name and photoRef are what the server sent with it.
struct Contact
{
    enum class Kind { Friend = 0, Incoming = 1, Outgoing = 2, Blocked = 3 };

    QString userId;
    Kind kind = Kind::Friend;
    QString note; ///< the request's or the friend's description
    qint64 added = 0; ///< Unix ms, 0 when unknown
    bool localOnly = false; ///< known to this device only (a backend without server contacts)
    QString name; ///< the server's nickname for the user, when it sends one
    QString photoRef; ///< server media key of the user's photo, empty when none

    bool operator==(const Contact &) const = default;
};

/// "friend", "incoming", "outgoing", "blocked".
QString contactKindName(Contact::Kind kind);
QDebug operator<<(QDebug dbg, const Contact &contact);

} // namespace Natter
