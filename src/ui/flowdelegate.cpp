// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowdelegate.h"

#include "avatarpainter.h"
#include "icons.h"
#include "models/flowlistmodel.h"
#include "palettecolours.h"
#include "safeimage.h"
#include "timeformat.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace Natter {

namespace {

// Geometry at 1x, in device-independent pixels.
constexpr int RowHeight = 64;
constexpr int CompactRowHeight = 44;
constexpr int AvatarSize = 46;
constexpr int CompactAvatarSize = 30;
constexpr int Margin = 10;
constexpr int AvatarGap = 12;
constexpr int LineGap = 4;
constexpr int MarkSize = 14;

using PaletteColours::mix;

bool isSelected(const QStyleOptionViewItem &option)
{
    return option.state & QStyle::State_Selected;
}

/// Primary text: the palette's text, or highlighted text on the selection.
QColor textColour(const QStyleOptionViewItem &option)
{
    return option.palette.color(isSelected(option) ? QPalette::HighlightedText : QPalette::Text);
}

/// Secondary text (preview, time), readable on the row's background in both themes.
QColor mutedColour(const QStyleOptionViewItem &option)
{
    if (isSelected(option))
        return mix(option.palette.color(QPalette::HighlightedText),
            option.palette.color(QPalette::Highlight), 0.25);
    return mix(option.palette.color(QPalette::Text), option.palette.color(QPalette::Base), 0.42);
}

QFont smallFont(const QFont &base)
{
    QFont font = base;
    if (font.pixelSize() > 0)
        font.setPixelSize(qMax(8, font.pixelSize() - 2));
    else
        font.setPointSizeF(qMax(6.0, font.pointSizeF() * 0.85));
    return font;
}

} // namespace

FlowDelegate::FlowDelegate(QObject *parent) : QStyledItemDelegate(parent) { }

QString FlowDelegate::badgeText(int unread)
{
    if (unread <= 0)
        return {};
    if (unread >= 999)
        return QStringLiteral("999+");
    return QString::number(unread);
}

QImage FlowDelegate::photoFor(const QModelIndex &index, int size) const
{
    const QByteArray bytes = index.data(FlowListModel::PhotoRole).toByteArray();
    const QString id = index.data(FlowListModel::FlowIdRole).toString();
    if (bytes.isEmpty()) {
        m_photos.remove(id);
        return {};
    }
    auto it = m_photos.find(id);
    if (it == m_photos.end() || it->bytes.constData() != bytes.constData()
        || it->bytes.size() != bytes.size()) {
        // Twice the size: sharp on HiDPI screens without keeping the full picture.
        it = m_photos.insert(id, { bytes, SafeImage::fromData(bytes, QSize(size, size) * 2) });
    }
    return it->image;
}

FlowDelegate::Preview FlowDelegate::preview(
    Flow::Type type, const QString &author, const QString &text, bool hasMessage, bool own)
{
    Preview p;
    if (!hasMessage) {
        p.text = tr("No messages yet");
        p.placeholder = true;
        return p;
    }
    // Line breaks and runs of spaces would waste the one line there is.
    p.text = text.simplified();
    if (p.text.isEmpty()) {
        p.text = tr("Message deleted or without text");
        p.placeholder = true;
    }
    if (own)
        p.prefix = tr("You: ");
    else if (type != Flow::Type::Chat && !author.isEmpty())
        p.prefix = tr("%1: ").arg(author.simplified());
    return p;
}

QSize FlowDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    if (m_compact)
        return { 240, qMax(CompactRowHeight, fm.height() + 20) };
    return { 280, qMax(RowHeight, 2 * fm.height() + LineGap + 2 * 12) };
}

void FlowDelegate::paintBackground(QPainter *painter, const QStyleOptionViewItem &option) const
{
    const QPalette &pal = option.palette;
    if (isSelected(option))
        painter->fillRect(option.rect, pal.color(QPalette::Highlight));
    else if (option.state & QStyle::State_MouseOver)
        painter->fillRect(
            option.rect, mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.06));
    else
        painter->fillRect(option.rect, pal.color(QPalette::Base));
}

void FlowDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &opt, const QModelIndex &index) const
{
    QStyleOptionViewItem option = opt;
    initStyleOption(&option, index);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    paintBackground(painter, option);

    const QRect r = option.rect;
    const int avatarSize = m_compact ? CompactAvatarSize : AvatarSize;
    const QRectF avatar(
        r.left() + Margin, r.center().y() + 1 - avatarSize / 2.0, avatarSize, avatarSize);
    if (const QImage photo = photoFor(index, avatarSize); !photo.isNull())
        AvatarPainter::paintPhoto(*painter, avatar, photo);
    else
        AvatarPainter::paint(*painter, avatar, index.data(FlowListModel::InitialsRole).toString(),
            index.data(FlowListModel::AvatarHueRole).toInt(), option.palette);

    const QFontMetricsF fm(option.font);
    const qreal left = avatar.right() + (m_compact ? Margin : AvatarGap);
    const qreal right = r.right() - Margin - 2;
    if (m_compact) {
        const QRectF line(left, r.top(), right - left, r.height());
        const qreal badge = paintBadge(painter, option, line, index);
        paintTitle(painter, option, line.adjusted(0, 0, badge > 0 ? -badge - 8 : 0, 0), index);
        painter->restore();
        return;
    }

    const qreal lineHeight = fm.height();
    const qreal top = r.top() + (r.height() - 2 * lineHeight - LineGap) / 2.0;
    const QRectF topLine(left, top, right - left, lineHeight);
    const QRectF bottomLine(left, top + lineHeight + LineGap, right - left, lineHeight);

    // Time, top right.
    const QString time
        = TimeFormat::shortLabel(index.data(FlowListModel::LastMessageTimeRole).toDateTime());
    const QFont timeFont = smallFont(option.font);
    const qreal timeWidth = time.isEmpty() ? 0 : QFontMetricsF(timeFont).horizontalAdvance(time);
    if (!time.isEmpty()) {
        painter->setFont(timeFont);
        painter->setPen(mutedColour(option));
        painter->drawText(topLine, Qt::AlignRight | Qt::AlignVCenter, time);
    }
    paintTitle(
        painter, option, topLine.adjusted(0, 0, timeWidth > 0 ? -timeWidth - 8 : 0, 0), index);

    // Preview, bottom line, left of the badge.
    const qreal badge = paintBadge(painter, option, bottomLine, index);
    QRectF previewRect = bottomLine.adjusted(0, 0, badge > 0 ? -badge - 8 : 0, 0);
    const Preview p = preview(Flow::Type(index.data(FlowListModel::TypeRole).toInt()),
        index.data(FlowListModel::LastMessageAuthorRole).toString(),
        index.data(FlowListModel::LastMessageTextRole).toString(),
        index.data(FlowListModel::LastMessageTimeRole).toDateTime().isValid(),
        index.data(FlowListModel::LastMessageIsOwnRole).toBool());
    if (!p.prefix.isEmpty()) {
        // The author in the primary colour, at most half the line, then the text.
        painter->setFont(option.font);
        painter->setPen(textColour(option));
        const QString prefix = fm.elidedText(p.prefix, Qt::ElideRight, previewRect.width() / 2);
        painter->drawText(previewRect, Qt::AlignLeft | Qt::AlignVCenter, prefix);
        previewRect.setLeft(previewRect.left() + fm.horizontalAdvance(prefix));
    }
    QFont previewFont = option.font;
    previewFont.setItalic(p.placeholder);
    painter->setFont(previewFont);
    painter->setPen(mutedColour(option));
    painter->drawText(previewRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(previewFont).elidedText(p.text, Qt::ElideRight, previewRect.width()));
    painter->restore();
}

void FlowDelegate::paintTitle(QPainter *painter, const QStyleOptionViewItem &option,
    const QRectF &line, const QModelIndex &index) const
{
    const bool muted = index.data(FlowListModel::MutedRole).toBool();
    const bool blocked = index.data(FlowListModel::BlockedRole).toBool();
    const QString blockedText = tr("Blocked");
    const QFont markFont = smallFont(option.font);
    const QFontMetricsF markFm(markFont);
    const qreal blockedWidth = blocked ? markFm.horizontalAdvance(blockedText) + 12 : 0;
    const qreal marks = (muted ? MarkSize + 6 : 0) + (blocked ? blockedWidth + 6 : 0);

    QFont titleFont = option.font;
    titleFont.setBold(true);
    const QFontMetricsF fm(titleFont);
    const QString title = fm.elidedText(index.data(FlowListModel::TitleRole).toString(),
        Qt::ElideRight, qMax<qreal>(0, line.width() - marks));
    painter->setFont(titleFont);
    painter->setPen(textColour(option));
    painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter, title);

    qreal x = line.left() + fm.horizontalAdvance(title) + 6;
    if (muted) {
        const QRectF iconRect(x, line.center().y() - MarkSize / 2.0, MarkSize, MarkSize);
        painter->setOpacity(0.6);
        Icons::themed(QStringLiteral("bell-off"))
            .paint(painter, iconRect.toAlignedRect(), Qt::AlignCenter,
                isSelected(option) ? QIcon::Selected : QIcon::Normal);
        painter->setOpacity(1.0);
        x += MarkSize + 6;
    }
    if (blocked) {
        const QColor colour = isSelected(option) ? option.palette.color(QPalette::HighlightedText)
                                                 : PaletteColours::errorColour(option.palette);
        const qreal h = markFm.height() + 2;
        const QRectF pill(x, line.center().y() - h / 2, blockedWidth, h);
        painter->setPen(QPen(colour, 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(pill.adjusted(0.5, 0.5, -0.5, -0.5), h / 2, h / 2);
        painter->setFont(markFont);
        painter->drawText(pill, Qt::AlignCenter, blockedText);
    }
}

qreal FlowDelegate::paintBadge(QPainter *painter, const QStyleOptionViewItem &option,
    const QRectF &line, const QModelIndex &index) const
{
    const QString text = badgeText(index.data(FlowListModel::UnreadCountRole).toInt());
    if (text.isEmpty())
        return 0;
    QFont font = smallFont(option.font);
    font.setBold(true);
    const QFontMetricsF fm(font);
    const qreal h = qMax<qreal>(20, fm.height() + 4);
    const qreal w = qMax(h, fm.horizontalAdvance(text) + 12);
    const QRectF pill(line.right() - w, line.center().y() - h / 2, w, h);

    const QPalette &pal = option.palette;
    const bool muted = index.data(FlowListModel::MutedRole).toBool();
    QColor fill = muted ? mix(pal.color(QPalette::Text), pal.color(QPalette::Base), 0.55)
                        : pal.color(QPalette::Highlight);
    QColor ink = muted ? pal.color(QPalette::Base) : pal.color(QPalette::HighlightedText);
    if (isSelected(option)) {
        // On the highlight the accent pill would vanish: invert it.
        fill = pal.color(QPalette::HighlightedText);
        ink = muted ? mix(pal.color(QPalette::Highlight), fill, 0.35)
                    : pal.color(QPalette::Highlight);
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(pill, h / 2, h / 2);
    painter->setFont(font);
    painter->setPen(ink);
    painter->drawText(pill, Qt::AlignCenter, text);
    return w;
}

} // namespace Natter
