// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/flow.h"

#include <QHash>
#include <QImage>
#include <QStyledItemDelegate>

namespace Natter {

/// Paints a FlowListModel row: round avatar, bold title with muted / blocked marks, time,
/// a one-line preview and the unread badge. Everything is drawn as vectors and text at paint
/// time (no pixmap cache), so rows stay sharp at any device pixel ratio. The compact form (the
/// quick switcher) is one line: small avatar, title, badge.
class FlowDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    /// What the second line of a row says.
    struct Preview
    {
        QString prefix; ///< "Author: " in groups and channels, else empty
        QString text; ///< the message on one line, or a placeholder
        bool placeholder = false; ///< text is no message ("No messages yet"): drawn in italics

        QString full() const { return prefix + text; }
    };

    explicit FlowDelegate(QObject *parent = nullptr);

    void setCompact(bool compact) { m_compact = compact; }
    bool isCompact() const { return m_compact; }

    /// The badge text for `unread` messages: empty for none, "999+" from 999 on.
    static QString badgeText(int unread);
    /// The preview line of a flow whose last message is `text` by `author`; `hasMessage` false
    /// when the flow has none. Two-person chats show no author, except "You" for our own.
    static Preview preview(Flow::Type type, const QString &author, const QString &text,
        bool hasMessage, bool own = false);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    void paintBackground(QPainter *painter, const QStyleOptionViewItem &option) const;
    /// Draws the badge right-aligned in `line` and returns its width (0 when none).
    qreal paintBadge(QPainter *painter, const QStyleOptionViewItem &option, const QRectF &line,
        const QModelIndex &index) const;
    /// Draws the title with its marks in `line` (marks follow the elided title).
    void paintTitle(QPainter *painter, const QStyleOptionViewItem &option, const QRectF &line,
        const QModelIndex &index) const;

    /// The row's photo decoded at avatar size, decoded again only when its bytes change.
    QImage photoFor(const QModelIndex &index, int size) const;

    bool m_compact = false;
    struct Photo
    {
        QByteArray bytes; ///< shares the model's buffer: an unchanged photo compares by pointer
        QImage image;
    };
    mutable QHash<QString, Photo> m_photos; ///< by flow id
};

} // namespace Natter
