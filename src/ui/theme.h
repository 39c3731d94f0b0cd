// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appsettings.h"

#include <QObject>
#include <QPalette>

namespace Natter {

/// The look of the app: the Fusion style with a hand-tuned light or dark palette, or the
/// platform's own palette. Applying a theme repaints every open window.
class Theme : public QObject
{
    Q_OBJECT
public:
    /// Receives changed() after every apply(); lives as long as the application.
    static Theme *instance();

    /// Switches the application's style and palette and emits instance()->changed().
    static void apply(AppSettings::Theme theme);
    /// The theme last applied (System before any).
    static AppSettings::Theme current();
    /// Whether the application palette is a dark one (window colour lightness).
    static bool isDark();
    static bool isDark(const QPalette &palette);

    static QPalette lightPalette();
    static QPalette darkPalette();

Q_SIGNALS:
    /// The palette changed: refresh tinted icons and cached pixmaps.
    void changed();

private:
    using QObject::QObject;
};

} // namespace Natter
