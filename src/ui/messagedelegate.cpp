// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagedelegate.h"

#include "filesize.h"
#include "models/avatar.h"
#include "models/messagelistmodel.h"
#include "safeimage.h"

#include <QPainter>
#include <QPainterPath>
#include <QSvgRenderer>

#include <cmath>

namespace Natter {

using namespace MessageMetrics;

namespace {

qreal luminance(const QColor &c)
{
    const auto channel
        = [](qreal v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

qreal contrast(const QColor &a, const QColor &b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor blend(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t, a.blueF() + (b.blueF() - a.blueF()) * t);
}

/// The palette colour that reads best on `background`, preferring `preferred`.
QColor readableOn(const QColor &background, const QColor &preferred, const QPalette &palette)
{
    if (contrast(background, preferred) >= 4.5)
        return preferred;
    QColor best = preferred;
    for (const QColor &candidate : { palette.color(QPalette::Text), palette.color(QPalette::Base),
             palette.color(QPalette::WindowText), palette.color(QPalette::Window) }) {
        if (contrast(background, candidate) > contrast(background, best))
            best = candidate;
    }
    return best;
}

bool isDark(const QColor &c)
{
    return luminance(c) < 0.25;
}

QColor authorColour(const QString &id, bool darkBackground)
{
    return QColor::fromHsl(avatarHue(id), 150, darkBackground ? 175 : 95);
}

QColor errorColour(bool darkBackground)
{
    return darkBackground ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
}

struct BubbleColours
{
    QColor background;
    QColor fill;
    QColor text;
    QColor muted;
    QColor link;
    QColor accent;
};

BubbleColours coloursFor(const QPalette &palette, bool own)
{
    BubbleColours c;
    c.background = palette.color(QPalette::Base);
    const bool dark = isDark(c.background);
    if (own) {
        // A tint of the selection colour: light themes get a pale accent with normal text,
        // dark themes a deep one; the text colour is checked for contrast either way.
        const QColor highlight = palette.color(QPalette::Highlight);
        c.fill = blend(highlight, c.background, dark ? 0.42 : 0.78);
        c.text = readableOn(c.fill, palette.color(QPalette::Text), palette);
        const QColor link = palette.color(QPalette::Link);
        c.link = contrast(c.fill, link) >= 3.0 ? link : c.text;
        c.accent = contrast(c.fill, highlight) >= 2.0 ? highlight : c.text;
    } else {
        c.fill = blend(c.background, palette.color(QPalette::Text), dark ? 0.13 : 0.075);
        c.text = readableOn(c.fill, palette.color(QPalette::Text), palette);
        const QColor link = palette.color(QPalette::Link);
        c.link = contrast(c.fill, link) >= 3.0 ? link : c.text;
        c.accent = palette.color(QPalette::Highlight);
        if (contrast(c.fill, c.accent) < 2.0)
            c.accent = c.text;
    }
    c.muted = blend(c.text, c.fill, 0.35);
    return c;
}

/// An SVG icon from resources/icons filled with `colour`.
QPixmap tintedIcon(const QString &name, int size, const QColor &colour, qreal dpr)
{
    const QString cacheKey = name + QString::number(size) + colour.name() + QString::number(dpr);
    static QHash<QString, QPixmap> cache;
    if (const auto it = cache.constFind(cacheKey); it != cache.constEnd())
        return *it;
    QImage image(QSize(size, size) * dpr, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QSvgRenderer renderer(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
    {
        QPainter p(&image);
        renderer.render(&p);
        p.setCompositionMode(QPainter::CompositionMode_SourceIn);
        p.fillRect(image.rect(), colour);
    }
    QPixmap pixmap = QPixmap::fromImage(image);
    pixmap.setDevicePixelRatio(dpr);
    cache.insert(cacheKey, pixmap);
    return pixmap;
}

void paintMark(QPainter *p, const QRect &r, DeliveryState state, const QColor &colour, bool dark)
{
    p->save();
    const QRectF box = QRectF(r).adjusted(1.5, 1.5, -1.5, -1.5);
    if (state == DeliveryState::Failed) {
        p->setPen(Qt::NoPen);
        p->setBrush(errorColour(dark));
        p->drawEllipse(box);
        p->setPen(QPen(QColor(255, 255, 255), 1.6, Qt::SolidLine, Qt::RoundCap));
        const qreal cx = box.center().x();
        p->drawLine(QPointF(cx, box.top() + 2.6), QPointF(cx, box.center().y() + 1.2));
        p->drawPoint(QPointF(cx, box.bottom() - 2.4));
    } else if (state == DeliveryState::Sent) {
        p->setPen(QPen(colour, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        const QPointF points[] = { { box.left() + 1, box.center().y() + 0.5 },
            { box.left() + box.width() * 0.4, box.bottom() - 2 },
            { box.right() - 0.5, box.top() + 2 } };
        p->drawPolyline(points, 3);
    } else {
        p->setPen(QPen(colour, 1.3, Qt::SolidLine, Qt::RoundCap));
        p->setBrush(Qt::NoBrush);
        p->drawEllipse(box);
        const QPointF c = box.center();
        p->drawLine(c, QPointF(c.x(), box.top() + 3));
        p->drawLine(c, QPointF(c.x() + 2.5, c.y() + 1));
    }
    p->restore();
}

bool picturePlaceholder(const AttachmentBox &box)
{
    return box.missing && box.kind == QLatin1String("picture");
}

/// The round button of an attachment: the icon of a card, or centred on a picture. While a
/// transfer runs it shows the progress ring and cancels.
QRect buttonRect(const AttachmentBox &box)
{
    if (box.picture || picturePlaceholder(box)) {
        const int d = 48;
        const int lift = box.picture ? 0 : 14; // room for the name under it
        return QRect(
            box.rect.center().x() - d / 2 + 1, box.rect.center().y() - d / 2 + 1 - lift, d, d);
    }
    const int d = 36;
    return QRect(box.rect.left() + 8, box.rect.center().y() - d / 2 + 1, d, d);
}

QString iconFor(const AttachmentBox &box)
{
    if (box.missing)
        return QStringLiteral("download");
    return box.kind == QLatin1String("video")  ? QStringLiteral("video")
        : box.kind == QLatin1String("audio")   ? QStringLiteral("audio")
        : box.kind == QLatin1String("picture") ? QStringLiteral("image")
                                               : QStringLiteral("document");
}

/// A cross (cancel) and the arc of `fraction` done, inside `circle`, in `colour`.
void paintProgress(QPainter *p, const QRect &circle, qreal fraction, const QColor &colour)
{
    p->save();
    const QRectF ring = QRectF(circle).adjusted(3.5, 3.5, -3.5, -3.5);
    QColor track = colour;
    track.setAlphaF(0.25);
    p->setBrush(Qt::NoBrush);
    p->setPen(QPen(track, 2.4));
    p->drawEllipse(ring);
    p->setPen(QPen(colour, 2.4, Qt::SolidLine, Qt::RoundCap));
    // At least a sliver, so a transfer that has not reported yet still shows.
    const int span = -int(std::max(0.04, fraction) * 360 * 16);
    p->drawArc(ring, 90 * 16, span);
    const qreal arm = circle.width() * 0.16;
    const QPointF c = QRectF(circle).center();
    p->setPen(QPen(colour, 2.0, Qt::SolidLine, Qt::RoundCap));
    p->drawLine(c + QPointF(-arm, -arm), c + QPointF(arm, arm));
    p->drawLine(c + QPointF(arm, -arm), c + QPointF(-arm, arm));
    p->restore();
}

} // namespace

MessageDelegate::MessageDelegate(QObject *parent) : QStyledItemDelegate(parent)
{
    m_layouts.setMaxCost(2000);
    m_thumbnails.setMaxCost(64 * 1024); // KiB
}

MessageDelegate::~MessageDelegate() = default;

void MessageDelegate::setShowAuthors(bool show)
{
    if (show != m_showAuthors) {
        m_showAuthors = show;
        invalidateAll();
    }
}

void MessageDelegate::setReplyLookup(ReplyLookup lookup)
{
    m_replyLookup = std::move(lookup);
    invalidateAll();
}

void MessageDelegate::setItemWidth(int width)
{
    if (width != m_width) {
        m_width = width;
        invalidateAll();
    }
}

void MessageDelegate::setFont(const QFont &font)
{
    m_font = font;
    invalidateAll();
}

void MessageDelegate::setTransferProgress(const QString &key, qint64 done, qint64 total)
{
    if (total <= 0 || done >= total)
        m_transfers.remove(key);
    else
        m_transfers.insert(key, { done, total });
}

void MessageDelegate::setHighlight(const QString &key, qreal strength)
{
    m_highlightKey = strength > 0 ? key : QString();
    m_highlight = strength;
}

void MessageDelegate::invalidate(const QString &key)
{
    m_layouts.remove(key);
    m_sizes.remove(key);
}

void MessageDelegate::invalidateAll()
{
    m_layouts.clear();
    m_sizes.clear();
}

QSize MessageDelegate::pictureSize(const QString &path) const
{
    auto it = m_pictureSizes.constFind(path);
    if (it == m_pictureSizes.constEnd())
        it = m_pictureSizes.insert(path, SafeImage::size(path));
    return *it;
}

QImage MessageDelegate::thumbnail(const QString &path, const QSize &size) const
{
    const QString cacheKey = path + QLatin1Char('@') + QString::number(size.width())
        + QLatin1Char('x') + QString::number(size.height());
    if (QImage *cached = m_thumbnails.object(cacheKey))
        return *cached;
    QImage image = SafeImage::load(path, size);
    if (!image.isNull() && image.size() != size)
        image = image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    m_thumbnails.insert(
        cacheKey, new QImage(image), std::max<qsizetype>(1, image.sizeInBytes() / 1024));
    return image;
}

std::shared_ptr<const MessageLayout> MessageDelegate::layoutFor(const QModelIndex &index) const
{
    const QString key = index.data(MessageListModel::MessageKeyRole).toString();
    if (auto *cached = m_layouts.object(key))
        return *cached;
    LayoutInput input;
    input.item = MessageItem::fromIndex(index);
    input.width = m_width;
    input.font = m_font;
    input.showAuthors = m_showAuthors;
    if (!input.item.replyTo.isEmpty() && m_replyLookup)
        input.reply = m_replyLookup(input.item.replyTo);
    input.pictureSize = [this](const QString &path) { return pictureSize(path); };
    input.today = QDate::currentDate();
    auto layout = std::make_shared<const MessageLayout>(layoutMessage(input));
    m_layouts.insert(key, new std::shared_ptr<const MessageLayout>(layout));
    m_sizes.insert(key, layout->size);
    return layout;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &index) const
{
    // The view asks every row's size on each relayout (older pages inserted on top): sizes of
    // all rows are kept, full layouts only for the rows recently painted.
    const QString key = index.data(MessageListModel::MessageKeyRole).toString();
    if (auto it = m_sizes.constFind(key); it != m_sizes.constEnd())
        return *it;
    return layoutFor(index)->size;
}

MessageDelegate::Hit MessageDelegate::hitTest(const QModelIndex &index, const QPoint &pos) const
{
    const auto l = layoutFor(index);
    Hit hit;
    if (l->retry.adjusted(-4, -3, 4, 3).contains(pos)
        || (!l->retry.isEmpty() && l->mark.adjusted(-3, -3, 3, 3).contains(pos))) {
        hit.kind = HitKind::Retry;
        return hit;
    }
    if (l->reply.contains(pos)) {
        hit.kind = HitKind::ReplyQuote;
        return hit;
    }
    const QString key = index.data(MessageListModel::MessageKeyRole).toString();
    for (const AttachmentBox &box : l->attachments) {
        hit.attachmentIndex = box.index;
        hit.picture = box.picture;
        if (m_transfers.contains(key) && buttonRect(box).adjusted(-2, -2, 2, 2).contains(pos)) {
            hit.kind = HitKind::CancelTransfer;
            return hit;
        }
        if (box.rect.contains(pos)) {
            hit.kind = HitKind::Attachment;
            return hit;
        }
    }
    hit.attachmentIndex = -1;
    hit.picture = false;
    const int at = l->textPositionAt(pos);
    if (at >= 0) {
        hit.kind = HitKind::Text;
        for (const LinkRange &link : l->links) {
            if (at >= link.start && at < link.start + link.length) {
                hit.kind = HitKind::Link;
                hit.url = link.url;
            }
        }
        return hit;
    }
    if (l->bubble.contains(pos))
        hit.kind = HitKind::Bubble;
    return hit;
}

void MessageDelegate::paint(
    QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto l = layoutFor(index);
    const MessageItem item = MessageItem::fromIndex(index);
    const QPalette &palette = option.palette;
    const BubbleColours c = coloursFor(palette, item.own);
    const bool dark = isDark(c.background);
    const QFont small = smallFont(m_font);

    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->translate(option.rect.topLeft());
    if (item.key == m_highlightKey && m_highlight > 0) {
        QColor tint = palette.color(QPalette::Highlight);
        tint.setAlphaF(0.28 * m_highlight);
        p->fillRect(QRect(0, l->bubble.top() - 3, l->size.width(), l->bubble.height() + 6), tint);
    }
    if (!l->separator.isEmpty()) {
        p->setPen(Qt::NoPen);
        p->setBrush(blend(c.background, palette.color(QPalette::Text), dark ? 0.16 : 0.09));
        p->drawRoundedRect(l->separator, l->separator.height() / 2.0, l->separator.height() / 2.0);
        p->setFont(small);
        p->setPen(blend(palette.color(QPalette::Text), c.background, 0.15));
        p->drawText(l->separator, Qt::AlignCenter, l->separatorText);
    }
    if (!l->author.isEmpty()) {
        QFont bold = small;
        bold.setBold(true);
        p->setFont(bold);
        p->setPen(authorColour(item.fromId, dark));
        p->drawText(l->author, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(bold).elidedText(l->authorText, Qt::ElideRight, l->author.width()));
    }

    p->setPen(Qt::NoPen);
    p->setBrush(c.fill);
    p->drawRoundedRect(l->bubble, Radius, Radius);
    if (m_focusVisible && (option.state & QStyle::State_HasFocus)) {
        p->setPen(QPen(palette.color(QPalette::Highlight), 1.5));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(QRectF(l->bubble).adjusted(-2, -2, 2, 2), Radius + 2, Radius + 2);
    }

    if (!l->reply.isEmpty()) {
        const QColor accent = c.accent;
        p->setPen(Qt::NoPen);
        p->setBrush(blend(c.fill, c.text, 0.09));
        p->drawRoundedRect(l->reply, 6, 6);
        p->setBrush(accent);
        p->drawRoundedRect(QRect(l->reply.left(), l->reply.top(), 3, l->reply.height()), 1.5, 1.5);
        QFont bold = small;
        bold.setBold(true);
        const QRect inner = l->reply.adjusted(10, 4, -6, -4);
        const QFontMetrics bfm(bold);
        p->setFont(bold);
        p->setPen(accent);
        p->drawText(QRect(inner.topLeft(), QSize(inner.width(), bfm.height())),
            Qt::AlignLeft | Qt::AlignVCenter,
            bfm.elidedText(l->replyAuthor, Qt::ElideRight, inner.width()));
        p->setFont(small);
        p->setPen(c.muted);
        const QFontMetrics sfm(small);
        p->drawText(QRect(inner.left(), inner.top() + bfm.height(), inner.width(), sfm.height()),
            Qt::AlignLeft | Qt::AlignVCenter,
            sfm.elidedText(l->replyText, Qt::ElideRight, inner.width()));
    }

    for (const AttachmentBox &box : l->attachments)
        paintAttachment(p, box, palette, c.fill, c.text, item.key);

    if (l->textLayout) {
        p->setPen(l->tombstone ? c.muted : c.text);
        QList<QTextLayout::FormatRange> selections;
        for (const LinkRange &link : l->links) {
            QTextLayout::FormatRange range;
            range.start = link.start;
            range.length = link.length;
            range.format.setForeground(c.link);
            selections.append(range);
        }
        l->textLayout->draw(p, l->text.topLeft(), selections);
    }

    p->setFont(small);
    p->setPen(c.muted);
    p->drawText(l->meta, Qt::AlignRight | Qt::AlignVCenter, l->metaText);
    if (!l->mark.isEmpty())
        paintMark(p, l->mark, item.state, c.muted, isDark(c.fill));
    if (!l->retry.isEmpty()) {
        p->setPen(errorColour(dark));
        p->drawText(l->retry, Qt::AlignRight | Qt::AlignVCenter, l->retryText);
    }
    p->restore();
}

void MessageDelegate::paintAttachment(QPainter *p, const AttachmentBox &box,
    const QPalette &palette, const QColor &bubble, const QColor &text, const QString &key) const
{
    const qreal dpr = p->device() ? p->device()->devicePixelRatioF() : 1.0;
    const QColor panel = blend(bubble, text, 0.09);
    const auto transfer = m_transfers.constFind(key);
    const bool active = transfer != m_transfers.constEnd();
    const qreal fraction = active
        ? qBound(0.0, qreal(transfer->first) / qreal(std::max<qint64>(1, transfer->second)), 1.0)
        : 0.0;
    const QColor accent = contrast(bubble, palette.color(QPalette::Highlight)) >= 2.0
        ? palette.color(QPalette::Highlight)
        : text;
    // Icons are large marks: 3:1 is enough (WCAG for graphics), and keeps them white on blue.
    const QColor onAccent = contrast(accent, palette.color(QPalette::HighlightedText)) >= 3.0
        ? palette.color(QPalette::HighlightedText)
        : readableOn(accent, palette.color(QPalette::HighlightedText), palette);
    const QRect button = buttonRect(box);

    if (box.picture) {
        const QImage image = thumbnail(box.path, box.rect.size() * dpr);
        QPainterPath clip;
        clip.addRoundedRect(box.rect, ThumbRadius, ThumbRadius);
        p->save();
        p->setClipPath(clip);
        if (image.isNull())
            p->fillRect(box.rect, panel);
        else
            p->drawImage(box.rect, image);
        if (active) {
            // A veil over the picture being sent, and the ring on a dark disc.
            p->fillRect(box.rect, QColor(0, 0, 0, 60));
            p->setPen(Qt::NoPen);
            p->setBrush(QColor(0, 0, 0, 150));
            p->drawEllipse(button);
            paintProgress(p, button, fraction, QColor(255, 255, 255));
        }
        p->restore();
        return;
    }

    const QFont small = smallFont(m_font);
    const QFontMetrics sfm(small);
    const QColor muted = blend(text, bubble, 0.35);
    p->setPen(Qt::NoPen);
    p->setBrush(panel);
    p->drawRoundedRect(box.rect, picturePlaceholder(box) ? ThumbRadius : 10,
        picturePlaceholder(box) ? ThumbRadius : 10);
    p->setBrush(accent);
    p->drawEllipse(button);
    if (active)
        paintProgress(p, button, fraction, onAccent);
    else {
        const int inset = button.width() / 4 - (box.missing ? 1 : 0);
        p->drawPixmap(button.adjusted(inset, inset, -inset, -inset),
            tintedIcon(iconFor(box), button.width() - 2 * inset, onAccent, dpr));
    }

    if (picturePlaceholder(box)) {
        // The name and size under the button: the picture is a click away.
        const int w = box.rect.width() - 24;
        const int top = button.bottom() + 8;
        p->setFont(small);
        p->setPen(text);
        p->drawText(QRect(box.rect.left() + 12, top, w, sfm.height()), Qt::AlignCenter,
            sfm.elidedText(box.name, Qt::ElideMiddle, w));
        p->setPen(muted);
        const QString details = active ? formatFileSize(qint64(fraction * box.size))
                + QStringLiteral(" / ") + formatFileSize(box.size)
                                       : formatFileSize(box.size);
        p->drawText(QRect(box.rect.left() + 12, top + sfm.height(), w, sfm.height()),
            Qt::AlignCenter, details);
        return;
    }
    const int x = button.right() + 10;
    const int w = box.rect.right() - 8 - x;
    const QFontMetrics fm(m_font);
    const int top = box.rect.center().y() - (fm.height() + sfm.height()) / 2;
    p->setFont(m_font);
    p->setPen(text);
    p->drawText(QRect(x, top, w, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
        fm.elidedText(box.name, Qt::ElideMiddle, w));
    p->setFont(small);
    p->setPen(muted);
    const QString size = active ? formatFileSize(qint64(fraction * box.size))
            + QStringLiteral(" / ") + formatFileSize(box.size)
                                : formatFileSize(box.size);
    const QString details = box.missing && !active ? size + QStringLiteral(" · ") + tr("Download")
                                                   : box.mime + QStringLiteral(" · ") + size;
    p->drawText(QRect(x, top + fm.height(), w, sfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
        sfm.elidedText(details, Qt::ElideRight, w));
}

} // namespace Natter
