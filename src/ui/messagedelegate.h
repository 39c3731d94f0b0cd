// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "messagelayout.h"

#include <QCache>
#include <QHash>
#include <QImage>
#include <QStyledItemDelegate>

#include <functional>
#include <memory>

namespace Natter {

/// Paints message rows as bubbles from MessageListModel roles: own messages on the right in an
/// accent colour, others on the left; date pills, author names in group chats, reply quotes,
/// picture thumbnails, attachment cards, time, "edited" and delivery marks. Never a widget per
/// row: geometry comes from layoutMessage() and is cached per message key and width.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class HitKind { None, Bubble, Text, Link, Attachment, Retry, ReplyQuote, CancelTransfer };
    struct Hit
    {
        HitKind kind = HitKind::None;
        QUrl url; ///< for Link
        int attachmentIndex = -1; ///< for Attachment and CancelTransfer
        bool picture = false; ///< the attachment is shown as a thumbnail
    };
    /// The author and first line of a quoted message, by its id.
    using ReplyLookup = std::function<QPair<QString, QString>(const QString &messageId)>;

    explicit MessageDelegate(QObject *parent = nullptr);
    ~MessageDelegate() override;

    void setShowAuthors(bool show);
    bool showAuthors() const { return m_showAuthors; }
    void setReplyLookup(ReplyLookup lookup);
    /// The row width (the view's viewport width); clears cached layouts when it changes.
    void setItemWidth(int width);
    int itemWidth() const { return m_width; }
    void setFont(const QFont &font);

    /// A transfer of `key`'s attachments: total 0 or done == total clears it.
    void setTransferProgress(const QString &key, qint64 done, qint64 total);
    bool hasTransfer(const QString &key) const { return m_transfers.contains(key); }
    /// Tints the row of `key` with the highlight colour (strength 0..1, 0 clears).
    void setHighlight(const QString &key, qreal strength);
    /// Rings the current row's bubble (keyboard navigation); off for mouse use.
    void setFocusVisible(bool visible) { m_focusVisible = visible; }
    bool focusVisible() const { return m_focusVisible; }

    void invalidate(const QString &key);
    void invalidateAll();

    /// The geometry of a row, from the cache or computed now.
    std::shared_ptr<const MessageLayout> layoutFor(const QModelIndex &index) const;
    /// What is at `pos` (item coordinates) in the row of `index`.
    Hit hitTest(const QModelIndex &index, const QPoint &pos) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QSize pictureSize(const QString &path) const;
    QImage thumbnail(const QString &path, const QSize &size) const;
    void paintAttachment(QPainter *p, const AttachmentBox &box, const QPalette &palette,
        const QColor &bubble, const QColor &text, const QString &key) const;

    bool m_showAuthors = false;
    bool m_focusVisible = false;
    int m_width = 400;
    QFont m_font;
    ReplyLookup m_replyLookup;
    QHash<QString, QPair<qint64, qint64>> m_transfers;
    QString m_highlightKey;
    qreal m_highlight = 0;
    mutable QCache<QString, std::shared_ptr<const MessageLayout>> m_layouts;
    mutable QHash<QString, QSize> m_sizes; ///< every laid-out row's size, see sizeHint()
    mutable QHash<QString, QSize> m_pictureSizes;
    mutable QCache<QString, QImage> m_thumbnails;
};

} // namespace Natter
