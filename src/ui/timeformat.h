// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace Natter::TimeFormat {

/// The short time label of a list row, in the default QLocale (the app sets it to the UI
/// language): "14:05" for a time today, the weekday's short name ("Mon") within the last six
/// days, else the locale's short date. Empty for an invalid time. `now` is for tests.
QString shortLabel(const QDateTime &time, const QDateTime &now = QDateTime::currentDateTime());

/// The clock time alone ("14:05"), in the default QLocale's short time format.
QString clock(const QDateTime &time);

} // namespace Natter::TimeFormat
