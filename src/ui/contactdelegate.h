// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Natter {

/// Paints a ContactListModel row: a round avatar with initials on the user's hue, the name,
/// the note (or what the request is), and the date the contact was added.
class ContactDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// A round avatar in `rect`: `photo` when it is not null, else `initials` on a disc of
    /// `hue` (0..359).
    static void paintAvatar(QPainter *painter, const QRectF &rect, const QString &initials, int hue,
        const QImage &photo = {});
    /// paintAvatar into a transparent pixmap of `size` logical pixels at `dpr`.
    static QPixmap avatarPixmap(
        int size, const QString &initials, int hue, const QImage &photo = {}, qreal dpr = 1.0);
    /// The grey second line of a row: the note, else what kind of contact it is.
    static QString subtitle(const QModelIndex &index);
};

} // namespace Natter
