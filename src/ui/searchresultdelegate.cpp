// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchresultdelegate.h"

#include "models/searchresultsmodel.h"
#include "palettecolours.h"
#include "timeformat.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>

namespace Natter {

namespace {

constexpr int HPad = 12;
constexpr int VPad = 8;
constexpr int LineGap = 3;
constexpr int BodyLines = 2;

using PaletteColours::mix;

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

SearchResultDelegate::SearchResultDelegate(QObject *parent) : QStyledItemDelegate(parent) { }

QString SearchResultDelegate::bodyHtml(
    const QString &author, const QString &snippetHtml, const QColor &authorColour)
{
    if (author.isEmpty())
        return snippetHtml;
    return QStringLiteral("<span style=\"color:%1\">%2:</span> %3")
        .arg(authorColour.name(), author.toHtmlEscaped(), snippetHtml);
}

bool SearchResultDelegate::startsServerSection(const QModelIndex &index)
{
    if (!index.data(SearchResultsModel::ServerResultRole).toBool())
        return false;
    const QModelIndex previous = index.siblingAtRow(index.row() - 1);
    return !previous.isValid() || !previous.data(SearchResultsModel::ServerResultRole).toBool();
}

int SearchResultDelegate::headerHeight(const QStyleOptionViewItem &option) const
{
    return QFontMetrics(smallFont(option.font)).height() + 14;
}

QSize SearchResultDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics fm(option.font);
    int h = 2 * VPad + fm.height() + LineGap + BodyLines * fm.lineSpacing();
    if (startsServerSection(index))
        h += headerHeight(option);
    return { 260, h };
}

void SearchResultDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &opt, const QModelIndex &index) const
{
    QStyleOptionViewItem option = opt;
    initStyleOption(&option, index);
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QColor text = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor muted = selected
        ? mix(pal.color(QPalette::HighlightedText), pal.color(QPalette::Highlight), 0.25)
        : mix(pal.color(QPalette::Text), pal.color(QPalette::Base), 0.42);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QRect r = option.rect;
    painter->fillRect(r, pal.color(QPalette::Base));
    const QFont small = smallFont(option.font);
    if (startsServerSection(index)) {
        const QRect header(r.left(), r.top(), r.width(), headerHeight(option));
        painter->fillRect(header, mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.05));
        QFont bold = small;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(mix(pal.color(QPalette::Text), pal.color(QPalette::Base), 0.35));
        painter->drawText(header.adjusted(HPad, 0, -HPad, 0), Qt::AlignLeft | Qt::AlignVCenter,
            tr("On the server"));
        r.setTop(header.bottom() + 1);
    }
    if (selected)
        painter->fillRect(r, pal.color(QPalette::Highlight));
    else if (option.state & QStyle::State_MouseOver)
        painter->fillRect(r, mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.06));

    const QRect content = r.adjusted(HPad, VPad, -HPad, -VPad);
    const QFontMetrics fm(option.font);
    const QRect top(content.left(), content.top(), content.width(), fm.height());

    // Top right: time, and before it the server label.
    const QString time
        = TimeFormat::shortLabel(index.data(SearchResultsModel::TimeRole).toDateTime());
    const QFontMetrics smallFm(small);
    int reserved = time.isEmpty() ? 0 : smallFm.horizontalAdvance(time) + 8;
    painter->setFont(small);
    painter->setPen(muted);
    painter->drawText(top, Qt::AlignRight | Qt::AlignVCenter, time);
    if (index.data(SearchResultsModel::ServerResultRole).toBool()) {
        const QString label = tr("on the server");
        const int w = smallFm.horizontalAdvance(label) + 12;
        const int h = smallFm.height() + 2;
        const QRectF pill(top.right() - reserved - w, top.center().y() - h / 2.0 + 0.5, w, h);
        QColor border = muted;
        border.setAlphaF(0.6);
        painter->setPen(QPen(border, 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(pill.adjusted(0.5, 0.5, -0.5, -0.5), h / 2.0, h / 2.0);
        painter->setPen(muted);
        painter->drawText(pill, Qt::AlignCenter, label);
        reserved += w + 8;
    }

    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(text);
    painter->drawText(top.adjusted(0, 0, -reserved, 0), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(bold).elidedText(index.data(SearchResultsModel::FlowTitleRole).toString(),
            Qt::ElideRight, qMax(0, top.width() - reserved)));

    // The body: author and snippet as rich text, clipped to BodyLines lines.
    QTextDocument doc;
    doc.setDocumentMargin(0);
    doc.setDefaultFont(option.font);
    doc.setTextWidth(content.width());
    doc.setHtml(bodyHtml(index.data(SearchResultsModel::FromNameRole).toString(),
        index.data(SearchResultsModel::SnippetRole).toString(), muted));
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = pal;
    context.palette.setColor(QPalette::Text, text);
    context.clip = QRectF(0, 0, content.width(), BodyLines * fm.lineSpacing());
    painter->translate(content.left(), top.bottom() + 1 + LineGap);
    painter->setClipRect(context.clip);
    doc.documentLayout()->draw(painter, context);
    painter->restore();
}

} // namespace Natter
