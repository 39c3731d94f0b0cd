// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDebug>
#include <QString>

#include <optional>

namespace Natter {

/// What to change about a group: only the fields that are set are sent.
struct FlowChange
{
    std::optional<QString> title;
    std::optional<bool> isPrivate; ///< private groups are hidden from dialog search (DisTet)
    std::optional<QByteArray> photo; ///< image bytes
    QString photoExtension; ///< file extension of `photo`, e.g. "png"

    bool isEmpty() const { return !title && !isPrivate && !photo; }
    bool operator==(const FlowChange &) const = default;
};

inline QDebug operator<<(QDebug dbg, const FlowChange &change)
{
    QDebugStateSaver saver(dbg);
    dbg.nospace() << "FlowChange(";
    if (change.title)
        dbg << "title " << *change.title << ' ';
    if (change.isPrivate)
        dbg << "private " << *change.isPrivate << ' ';
    if (change.photo)
        dbg << "photo " << change.photo->size() << " bytes ." << change.photoExtension;
    dbg << ')';
    return dbg;
}

} // namespace Natter
