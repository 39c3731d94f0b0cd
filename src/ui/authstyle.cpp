// SPDX-License-Identifier: GPL-3.0-or-later
#include "authstyle.h"

#include <QLabel>
#include <QPainter>
#include <QPalette>
#include <QPushButton>
#include <QWidget>

namespace Natter::AuthStyle {

QColor errorColour(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
}

void styleAsError(QLabel *label, const QPalette &page)
{
    QPalette pal = page;
    pal.setColor(QPalette::WindowText, errorColour(pal));
    label->setPalette(pal);
    label->setWordWrap(true);
}

void styleAsCaption(QLabel *label, const QPalette &page, bool wordWrap)
{
    QPalette pal = page;
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    label->setPalette(pal);
    // From the parent's font, so calling this again (on a palette change) does not shrink it.
    QFont font = label->parentWidget() ? label->parentWidget()->font() : label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    label->setWordWrap(wordWrap);
}

void styleAsPrimary(QPushButton *button, const QPalette &page)
{
    QPalette pal = page;
    // Only the enabled groups: a disabled primary button looks like any disabled button.
    for (const auto group : { QPalette::Active, QPalette::Inactive }) {
        pal.setColor(group, QPalette::Button, pal.color(group, QPalette::Highlight));
        pal.setColor(group, QPalette::ButtonText, pal.color(group, QPalette::HighlightedText));
    }
    button->setPalette(pal);
    QFont font = button->parentWidget() ? button->parentWidget()->font() : button->font();
    font.setWeight(QFont::DemiBold);
    button->setFont(font);
    button->setMinimumHeight(qMax(button->sizeHint().height(), 36));
}

void makeRoomy(QWidget *field)
{
    field->setMinimumHeight(qMax(field->sizeHint().height(), 32));
}

void styleAsLink(QPushButton *button, const QPalette &page)
{
    QPalette pal = page;
    // Only the enabled groups: a disabled link greys out like any control.
    for (const auto group : { QPalette::Active, QPalette::Inactive })
        pal.setColor(group, QPalette::ButtonText, pal.color(group, QPalette::Link));
    button->setPalette(pal);
    button->setFlat(true);
    button->setCursor(Qt::PointingHandCursor);
    button->setAutoDefault(false);
}

void paintCard(QPainter &painter, const QRect &rect, const QPalette &palette)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    QColor border = palette.color(QPalette::Mid);
    border.setAlpha(90);
    painter.setPen(QPen(border, 1));
    painter.setBrush(palette.color(QPalette::Base));
    painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 14, 14);
    painter.restore();
}

} // namespace Natter::AuthStyle
