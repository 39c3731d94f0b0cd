// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

class QImage;
class QPainter;
class QPalette;
class QRectF;

namespace Natter::AvatarPainter {

/// The fill of a placeholder avatar for `hue` (0..359): saturated enough to tell flows apart,
/// dark enough that white initials read well on it, a little deeper on dark palettes so it does
/// not glare.
QColor background(int hue, const QPalette &palette);

/// Paints a round avatar into `rect` (a square; centred in it otherwise): the background()
/// colour with `initials` in white, sized to the circle. Vector drawing only, so it is crisp at
/// any device pixel ratio.
void paint(QPainter &painter, const QRectF &rect, const QString &initials, int hue,
    const QPalette &palette);

/// Paints `photo` as a round avatar covering `rect` (the longer side cropped).
void paintPhoto(QPainter &painter, const QRectF &rect, const QImage &photo);

} // namespace Natter::AvatarPainter
