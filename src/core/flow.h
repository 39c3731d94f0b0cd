// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDebug>
#include <QString>
#include <QStringList>

#include <optional>

namespace Natter {

/// A conversation: a two-person chat, a group or a channel.
struct Flow
{
    enum class Type { Chat, Group, Channel };

    QString id;
    Type type = Type::Chat;
    QString title;
    QString info;
    qint64 updated = 0; ///< server time of the last change, Unix milliseconds
    QString owner; ///< user id, when the server says it
    QStringList members; ///< user ids, when the server says them
    QByteArray photo; ///< image bytes of the group photo, empty when none (or not known)
    std::optional<bool> isPrivate; ///< hidden from dialog search; nullopt: the server did not say

    bool operator==(const Flow &) const = default;
};

QString flowTypeName(Flow::Type type);
/// Parses "chat", "group", "channel" (also "personal" → Chat); nullopt-like: returns false when
/// unknown.
bool parseFlowType(const QString &name, Flow::Type *type);
QDebug operator<<(QDebug dbg, const Flow &flow);

} // namespace Natter
