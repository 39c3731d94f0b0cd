// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDebug>
#include <QString>

namespace Natter {

/// Someone known to the client: another account on the server, or ourselves.
struct User
{
    QString id; ///< server id as a string (int ids are stringified, uuids kept)
    QString login; ///< unique login, may be empty where the server does not say it
    QString name; ///< display name (MoreliaTalk `username`, mode `username`, DisTet nickname)
    QString email;
    QString bio;
    QByteArray avatar; ///< raw image bytes, empty when none
    bool isBot = false;

    /// The best label for humans: name, then login, then id.
    QString displayName() const;
    bool operator==(const User &) const = default;
};

QDebug operator<<(QDebug dbg, const User &user);

} // namespace Natter
