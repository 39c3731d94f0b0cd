// SPDX-License-Identifier: GPL-3.0-or-later
#include "avatarpainter.h"

#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QRectF>

#include <cmath>

namespace Natter::AvatarPainter {

namespace {

/// WCAG relative luminance of an sRGB colour.
qreal luminance(const QColor &colour)
{
    const auto channel
        = [](qreal c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF());
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

} // namespace

QColor background(int hue, const QPalette &palette)
{
    const qreal h = qBound(0, hue, 359) / 360.0;
    qreal lightness = isDark(palette) ? 0.46 : 0.52;
    QColor colour = QColor::fromHslF(h, 0.58, lightness);
    // Yellows and greens are bright at the same lightness: darken until white text has a
    // contrast of at least 3.5:1 (luminance 0.25), which large initials need.
    while (luminance(colour) > 0.25 && lightness > 0.2) {
        lightness -= 0.02;
        colour = QColor::fromHslF(h, 0.58, lightness);
    }
    return colour;
}

void paint(QPainter &painter, const QRectF &rect, const QString &initials, int hue,
    const QPalette &palette)
{
    const qreal side = std::min(rect.width(), rect.height());
    const QRectF circle(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(background(hue, palette));
    painter.drawEllipse(circle);

    if (!initials.isEmpty()) {
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(qMax(6, qRound(side * (initials.size() > 1 ? 0.36 : 0.42))));
        painter.setFont(font);
        // White on the darkened fill: background() guarantees the contrast in both themes.
        painter.setPen(QColor(255, 255, 255));
        painter.drawText(circle, Qt::AlignCenter, initials);
    }
    painter.restore();
}

void paintPhoto(QPainter &painter, const QRectF &rect, const QImage &photo)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    QPainterPath circle;
    circle.addEllipse(rect);
    painter.setClipPath(circle);
    const QSizeF scaled = QSizeF(photo.size()).scaled(rect.size(), Qt::KeepAspectRatioByExpanding);
    painter.drawImage(QRectF(rect.center().x() - scaled.width() / 2,
                          rect.center().y() - scaled.height() / 2, scaled.width(), scaled.height()),
        photo);
    painter.restore();
}

} // namespace Natter::AvatarPainter
