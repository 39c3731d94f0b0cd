// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagelayout.h"

#include "models/messagelistmodel.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QLocale>
#include <QModelIndex>
#include <QRegularExpression>

#include <algorithm>

namespace Natter {

using namespace MessageMetrics;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Natter::MessageDelegate", text);
}

QString dateText(const QDate &date, const QDate &today)
{
    if (date == today)
        return tr("Today");
    if (date == today.addDays(-1))
        return tr("Yesterday");
    const QLocale locale;
    if (date.year() == today.year()) {
        // The long format without the year: "Friday, 1 March".
        QString format = locale.dateFormat(QLocale::LongFormat);
        format.remove(QRegularExpression(QStringLiteral("[,./ -]*y+[,./ -]*$")));
        format.remove(QRegularExpression(QStringLiteral("^y+[,./ -]*")));
        return locale.toString(date, format);
    }
    return locale.toString(date, QLocale::LongFormat);
}

/// The locale's short time without seconds (some locales' short format has them).
QString shortTime(const QTime &time)
{
    const QLocale locale;
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(QRegularExpression(QStringLiteral("[:.]ss?")));
    return locale.toString(time, format);
}

/// Lays out `text` at `width`; returns the widest line and the height.
QSizeF wrap(QTextLayout &layout, int width)
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.setCacheEnabled(true);
    layout.beginLayout();
    qreal y = 0;
    qreal widest = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
        widest = std::max(widest, line.naturalTextWidth());
    }
    layout.endLayout();
    return { widest, y };
}

} // namespace

MessageItem MessageItem::fromIndex(const QModelIndex &index)
{
    using M = MessageListModel;
    MessageItem item;
    item.key = index.data(M::MessageKeyRole).toString();
    item.serverId = index.data(M::ServerIdRole).toString();
    item.fromId = index.data(M::FromIdRole).toString();
    item.author = index.data(M::FromNameRole).toString();
    item.text = index.data(M::TextRole).toString();
    item.replyTo = index.data(M::ReplyToRole).toString();
    item.failReason = index.data(M::FailReasonRole).toString();
    item.time = index.data(M::TimeRole).toDateTime();
    item.attachments = index.data(M::AttachmentsRole).toList();
    item.state = DeliveryState(index.data(M::DeliveryStateRole).toInt());
    item.edited = index.data(M::EditedRole).toBool();
    item.deleted = index.data(M::DeletedRole).toBool();
    item.own = index.data(M::IsOwnRole).toBool();
    item.separator = index.data(M::DateSeparatorRole).toBool();
    item.showAuthor = index.data(M::ShowAuthorRole).toBool();
    return item;
}

QList<LinkRange> findLinks(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("\\b(?:https?://|www\\.)[^\\s<>\"]+"),
        QRegularExpression::CaseInsensitiveOption);
    QList<LinkRange> links;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        QString found = match.captured();
        while (!found.isEmpty() && QStringLiteral(".,;:!?)]}'").contains(found.back())) {
            // A closing bracket that closes one inside the link stays (Wikipedia links).
            if (found.back() == QLatin1Char(')')
                && found.count(QLatin1Char('(')) >= found.count(QLatin1Char(')')))
                break;
            found.chop(1);
        }
        const QString address = found.startsWith(QLatin1String("www."), Qt::CaseInsensitive)
            ? QStringLiteral("https://") + found
            : found;
        const QUrl url(address, QUrl::TolerantMode);
        if (url.isValid() && !url.host().isEmpty())
            links.append({ int(match.capturedStart()), int(found.size()), url });
    }
    return links;
}

QFont smallFont(const QFont &font)
{
    QFont small = font;
    if (font.pointSizeF() > 0)
        small.setPointSizeF(std::max(7.0, font.pointSizeF() * 0.85));
    else
        small.setPixelSize(std::max(9, int(font.pixelSize() * 0.85)));
    return small;
}

int MessageLayout::textPositionAt(const QPoint &pos) const
{
    if (!textLayout || !text.contains(pos))
        return -1;
    const QPointF local = pos - text.topLeft();
    for (int i = 0; i < textLayout->lineCount(); ++i) {
        const QTextLine line = textLayout->lineAt(i);
        if (local.y() < line.y() || local.y() >= line.y() + line.height())
            continue;
        if (local.x() > line.naturalTextWidth())
            return -1;
        return line.xToCursor(local.x(), QTextLine::CursorOnCharacter);
    }
    return -1;
}

MessageLayout layoutMessage(const LayoutInput &input)
{
    const MessageItem &item = input.item;
    MessageLayout l;
    const QFont small = smallFont(input.font);
    const QFontMetrics fm(input.font);
    const QFontMetrics sfm(small);
    QFont bold = small;
    bold.setBold(true);
    const QFontMetrics bfm(bold);
    const int width = std::max(input.width, 120);
    const int bubbleMax = std::min(MaxBubbleWidth, width - 2 * SideMargin - OtherSideGap);
    const int contentMax = std::max(40, bubbleMax - 2 * PadH);

    int y = item.showAuthor ? NewRunGap : RunGap;
    if (item.separator) {
        y = 10;
        l.separatorText = dateText(item.time.date(), input.today);
        const int w = sfm.horizontalAdvance(l.separatorText) + 24;
        const int h = sfm.height() + 8;
        l.separator = QRect((width - w) / 2, y, w, h);
        y += h + 10;
    }
    if (item.showAuthor && input.showAuthors && !item.own) {
        l.authorText = item.author;
        l.author = QRect(SideMargin + PadH, y,
            std::min(bfm.horizontalAdvance(item.author) + 2, contentMax), bfm.height());
        y += bfm.height() + 2;
    }

    // Content, measured first: the bubble's width and side follow from it.
    int contentWidth = 0;
    int contentHeight = 0;
    QList<QRect> blocks; // reply, attachments..., text: positions relative to the content
    if (!item.replyTo.isEmpty() && !item.deleted) {
        l.replyAuthor = input.reply.first.isEmpty() ? tr("Reply") : input.reply.first;
        l.replyText
            = input.reply.second.isEmpty() ? tr("Original message not loaded") : input.reply.second;
        const int w = std::min(contentMax,
            std::max(bfm.horizontalAdvance(l.replyAuthor), sfm.horizontalAdvance(l.replyText))
                + 16);
        l.reply = QRect(0, 0, std::max(w, 120), bfm.height() + sfm.height() + 8);
        contentWidth = l.reply.width();
        contentHeight = l.reply.height() + 6;
    }
    if (!item.deleted) {
        for (const QVariant &value : item.attachments) {
            const QVariantMap map = value.toMap();
            AttachmentBox box;
            box.index = map.value(QStringLiteral("index")).toInt();
            box.kind = map.value(QStringLiteral("kind")).toString();
            box.name = map.value(QStringLiteral("name")).toString();
            box.mime = map.value(QStringLiteral("mime")).toString();
            box.path = map.value(QStringLiteral("path")).toString();
            box.size = map.value(QStringLiteral("size")).toLongLong();
            QSize shown;
            if (box.kind == QLatin1String("picture") && !box.path.isEmpty() && input.pictureSize) {
                const QSize natural = input.pictureSize(box.path);
                if (natural.isValid()) {
                    shown = natural.scaled(QSize(ThumbWidth, ThumbHeight), Qt::KeepAspectRatio);
                    if (natural.width() <= ThumbWidth && natural.height() <= ThumbHeight)
                        shown = natural;
                    if (shown.width() > contentMax)
                        shown = shown.scaled(QSize(contentMax, ThumbHeight), Qt::KeepAspectRatio);
                    shown = shown.expandedTo(QSize(48, 48));
                    box.picture = true;
                }
            }
            box.missing = box.path.isEmpty();
            if (box.missing && box.kind == QLatin1String("picture"))
                shown = QSize(std::min(PlaceholderWidth, contentMax), PlaceholderHeight);
            else if (!box.picture)
                shown = QSize(std::min(CardWidth, contentMax), CardHeight);
            if (contentHeight > 0)
                contentHeight += 4;
            box.rect = QRect(QPoint(0, contentHeight), shown);
            contentHeight += shown.height();
            contentWidth = std::max(contentWidth, shown.width());
            l.attachments.append(box);
        }
    }

    // Meta: time, "edited", and the delivery mark.
    l.tombstone = item.deleted;
    const QString time = shortTime(item.time.time());
    l.metaText = item.edited && !item.deleted ? tr("edited") + QStringLiteral(" ") + time : time;
    const int markW = item.own ? MarkSize + 4 : 0;
    const int metaW = sfm.horizontalAdvance(l.metaText) + markW;
    const int metaH = sfm.height();

    const QString text = item.deleted ? tr("Message deleted") : item.text;
    int textTop = contentHeight + (contentHeight > 0 && !text.isEmpty() ? 6 : 0);
    QRect metaRel;
    if (!text.isEmpty()) {
        QFont textFont = input.font;
        textFont.setItalic(item.deleted);
        l.textLayout = std::make_shared<QTextLayout>(text, textFont);
        if (!item.deleted) {
            l.links = findLinks(text);
            QList<QTextLayout::FormatRange> formats;
            for (const LinkRange &link : std::as_const(l.links)) {
                QTextLayout::FormatRange range;
                range.start = link.start;
                range.length = link.length;
                range.format.setFontUnderline(true);
                formats.append(range);
            }
            l.textLayout->setFormats(formats);
        }
        const QSizeF size = wrap(*l.textLayout, contentMax);
        const int textW = int(std::ceil(size.width()));
        const int textH = int(std::ceil(size.height()));
        const QTextLine last = l.textLayout->lineAt(l.textLayout->lineCount() - 1);
        const int lastW = int(std::ceil(last.naturalTextWidth()));
        const bool rtl = text.isRightToLeft();
        l.text = QRect(0, textTop, std::max(textW, 1), textH);
        if (!rtl && lastW + 10 + metaW <= contentMax) {
            contentWidth = std::max({ contentWidth, textW, lastW + 10 + metaW });
            contentHeight = textTop + textH;
            metaRel = QRect(0, int(textTop + last.y() + last.height() - metaH), metaW, metaH);
        } else {
            contentWidth = std::max({ contentWidth, textW, metaW });
            contentHeight = textTop + textH + 2 + metaH;
            metaRel = QRect(0, contentHeight - metaH, metaW, metaH);
        }
    } else {
        contentWidth = std::max(contentWidth, metaW);
        contentHeight += 4 + metaH;
        metaRel = QRect(0, contentHeight - metaH, metaW, metaH);
    }
    if (l.reply.isValid())
        l.reply.setWidth(contentWidth);

    const int bubbleW = contentWidth + 2 * PadH;
    const int bubbleH = contentHeight + 2 * PadV;
    const int bubbleX = item.own ? width - SideMargin - bubbleW : SideMargin;
    l.bubble = QRect(bubbleX, y, bubbleW, bubbleH);
    const QPoint origin(bubbleX + PadH, y + PadV);
    l.reply.translate(origin);
    l.text.translate(origin);
    for (AttachmentBox &box : l.attachments)
        box.rect.translate(origin);
    metaRel.moveRight(contentWidth - 1);
    l.meta = metaRel.translated(origin);
    if (item.own) {
        l.mark = QRect(
            l.meta.right() - MarkSize + 1, l.meta.center().y() - MarkSize / 2, MarkSize, MarkSize);
        l.meta.setRight(l.mark.left() - 4);
    }
    y += bubbleH;
    if (item.own && item.state == DeliveryState::Failed) {
        l.retryText = tr("Not sent — Retry");
        const int w = sfm.horizontalAdvance(l.retryText) + 4;
        l.retry = QRect(l.bubble.right() - w + 1, y + 3, w, sfm.height());
        y += sfm.height() + 4;
    }
    l.size = QSize(width, y + 1);
    return l;
}

} // namespace Natter
