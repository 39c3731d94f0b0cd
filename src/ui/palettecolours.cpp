// SPDX-License-Identifier: GPL-3.0-or-later
#include "palettecolours.h"

#include <QLabel>

namespace Natter::PaletteColours {

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t,
        a.greenF() * (1 - t) + b.greenF() * t, a.blueF() * (1 - t) + b.blueF() * t);
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor mutedText(const QPalette &palette, bool selected)
{
    if (selected)
        return mix(
            palette.color(QPalette::HighlightedText), palette.color(QPalette::Highlight), 0.25);
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.42);
}

QColor errorColour(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
}

void styleAsCaption(QLabel *label)
{
    const QWidget *from = label->parentWidget() ? label->parentWidget() : label;
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText,
        mix(from->palette().color(QPalette::WindowText), from->palette().color(QPalette::Window),
            0.38));
    label->setPalette(pal);
    QFont font = from->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
}

} // namespace Natter::PaletteColours
