// SPDX-License-Identifier: GPL-3.0-or-later
#include "contactdelegate.h"

#include "core/contact.h"
#include "models/contactlistmodel.h"
#include "timeformat.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace Natter {

namespace {

constexpr int RowHeight = 60;
constexpr int AvatarSize = 42;
constexpr int Margin = 6;
constexpr int Padding = 10;

} // namespace

void ContactDelegate::paintAvatar(
    QPainter *painter, const QRectF &rect, const QString &initials, int hue, const QImage &photo)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    QPainterPath circle;
    circle.addEllipse(rect);
    if (!photo.isNull()) {
        painter->setClipPath(circle);
        // Cover the circle, cropping the longer side.
        const QSizeF scaled
            = QSizeF(photo.size()).scaled(rect.size(), Qt::KeepAspectRatioByExpanding);
        const QRectF target(rect.center().x() - scaled.width() / 2,
            rect.center().y() - scaled.height() / 2, scaled.width(), scaled.height());
        painter->drawImage(target, photo);
    } else {
        QLinearGradient gradient(rect.topLeft(), rect.bottomLeft());
        gradient.setColorAt(0, QColor::fromHsv(hue, 120, 230));
        gradient.setColorAt(1, QColor::fromHsv(hue, 160, 200));
        painter->fillPath(circle, gradient);
        QFont font = QApplication::font();
        font.setBold(true);
        font.setPixelSize(qMax(8, int(rect.height() * 0.38)));
        painter->setFont(font);
        // Initials sit on a saturated disc, white reads on every hue in both themes.
        painter->setPen(Qt::white);
        painter->drawText(rect, Qt::AlignCenter, initials);
    }
    painter->restore();
}

QPixmap ContactDelegate::avatarPixmap(
    int size, const QString &initials, int hue, const QImage &photo, qreal dpr)
{
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paintAvatar(&painter, QRectF(0, 0, size, size), initials, hue, photo);
    return pixmap;
}

QString ContactDelegate::subtitle(const QModelIndex &index)
{
    const QString note = index.data(ContactListModel::NoteRole).toString();
    if (!note.isEmpty())
        return note;
    switch (Contact::Kind(index.data(ContactListModel::KindRole).toInt())) {
    case Contact::Kind::Incoming:
        return tr("incoming request");
    case Contact::Kind::Outgoing:
        return tr("request sent");
    case Contact::Kind::Blocked:
        return tr("blocked");
    case Contact::Kind::Friend:
        break;
    }
    return tr("id %1").arg(index.data(ContactListModel::UserIdRole).toString());
}

void ContactDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    const QRectF card = QRectF(option.rect).adjusted(Margin, 2, -Margin, -2);
    if (selected || hovered) {
        QPainterPath path;
        path.addRoundedRect(card, 8, 8);
        QColor fill = pal.color(QPalette::Highlight);
        if (!selected)
            fill.setAlphaF(0.12f);
        painter->fillPath(path, fill);
    }

    const QRectF avatar(
        card.left() + Padding, card.center().y() - AvatarSize / 2.0, AvatarSize, AvatarSize);
    paintAvatar(painter, avatar, index.data(ContactListModel::InitialsRole).toString(),
        index.data(ContactListModel::AvatarHueRole).toInt());

    const QColor text = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor secondary
        = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::PlaceholderText);
    if (selected)
        secondary.setAlphaF(0.75f);

    QFont nameFont = option.font;
    nameFont.setBold(true);
    QFont smallFont = option.font;
    smallFont.setPointSizeF(option.font.pointSizeF() * 0.9);

    const qreal left = avatar.right() + Padding;
    const qreal right = card.right() - Padding;
    const qreal top = card.top() + 9;

    const QString date
        = TimeFormat::shortLabel(index.data(ContactListModel::AddedRole).toDateTime());
    painter->setFont(smallFont);
    const qreal dateWidth = date.isEmpty() ? 0 : QFontMetricsF(smallFont).horizontalAdvance(date);
    if (!date.isEmpty()) {
        painter->setPen(secondary);
        painter->drawText(
            QRectF(right - dateWidth, top, dateWidth, 20), Qt::AlignRight | Qt::AlignTop, date);
    }

    const QFontMetricsF nameMetrics(nameFont);
    const qreal nameWidth = right - left - (date.isEmpty() ? 0 : dateWidth + 8);
    painter->setFont(nameFont);
    painter->setPen(text);
    painter->drawText(QRectF(left, top, nameWidth, nameMetrics.height()),
        Qt::AlignLeft | Qt::AlignTop,
        nameMetrics.elidedText(
            index.data(ContactListModel::NameRole).toString(), Qt::ElideRight, nameWidth));

    const QFontMetricsF smallMetrics(option.font);
    const qreal subTop = top + nameMetrics.height() + 3;
    painter->setFont(option.font);
    painter->setPen(secondary);
    painter->drawText(QRectF(left, subTop, right - left, smallMetrics.height()),
        Qt::AlignLeft | Qt::AlignTop,
        smallMetrics.elidedText(subtitle(index), Qt::ElideRight, right - left));
    painter->restore();
}

QSize ContactDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int textHeight = QFontMetrics(option.font).height() * 2 + 21;
    return { 240, qMax(RowHeight, textHeight) };
}

} // namespace Natter
