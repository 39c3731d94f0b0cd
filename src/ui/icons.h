// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace Natter::Icons {

/// The SVG icon `resources/icons/<name>.svg`, tinted with the palette's text colour so it stays
/// readable on light and dark themes; crisp at any device pixel ratio.
QIcon themed(const QString &name);
/// The icon as drawn, untinted (the app icon, coloured marks).
QIcon plain(const QString &name);

} // namespace Natter::Icons
