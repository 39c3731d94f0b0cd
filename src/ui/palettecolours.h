// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>

class QLabel;

namespace Natter::PaletteColours {

/// `a` moved towards `b` by `t` (0..1), opaque.
QColor mix(const QColor &a, const QColor &b, qreal t);
/// True when the palette's window is dark (a dark theme).
bool isDark(const QPalette &palette);
/// Secondary text on the base colour (list previews, times), or on the highlight when
/// `selected`: readable in light and dark themes.
QColor mutedText(const QPalette &palette, bool selected = false);
/// A red for marks such as "Blocked", readable on the base colour of either theme.
QColor errorColour(const QPalette &palette);
/// A small secondary line: smaller font, muted colour. Call again on a PaletteChange of the
/// label's parent (the colour is derived from it).
void styleAsCaption(QLabel *label);

} // namespace Natter::PaletteColours
