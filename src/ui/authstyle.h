// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

class QLabel;
class QPainter;
class QPalette;
class QPushButton;
class QRect;
class QWidget;

namespace Natter::AuthStyle {

/// A red that reads well on the palette's window colour (darker on light themes, lighter on
/// dark ones). Qt 6.4 palettes have no error role, so it is derived from the window lightness.
QColor errorColour(const QPalette &palette);
// The styling functions take the palette of the page they sit on: on a palette change the page
// hears of it before its children have the new palette, so theirs cannot be read back.

/// Colours a message label (under a field, or the page's error line) with errorColour().
void styleAsError(QLabel *label, const QPalette &page);
/// A secondary caption: smaller, in the palette's placeholder colour.
void styleAsCaption(QLabel *label, const QPalette &page, bool wordWrap = true);
/// The form's main action: filled with the highlight colour while enabled, taller.
void styleAsPrimary(QPushButton *button, const QPalette &page);
/// Gives line edits and combo boxes a roomier height than the style's compact default.
void makeRoomy(QWidget *field);
/// A flat button that reads as a link: link colour, no frame, pointing-hand cursor.
void styleAsLink(QPushButton *button, const QPalette &page);
/// Paints the rounded card the sign-in forms sit on, in the palette's base colour.
void paintCard(QPainter &painter, const QRect &rect, const QPalette &palette);

} // namespace Natter::AuthStyle
