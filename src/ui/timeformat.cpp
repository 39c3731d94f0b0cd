// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeformat.h"

#include <QLocale>
#include <QRegularExpression>

namespace Natter::TimeFormat {

QString clock(const QDateTime &time)
{
    // Some locales' short format (the C locale's "HH:mm:ss") carries seconds: a list row
    // does not need them.
    static const QRegularExpression seconds(QStringLiteral("[.:]ss?(?![a-zA-Z])"));
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(seconds);
    return QLocale().toString(time.toLocalTime().time(), format);
}

QString shortLabel(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return {};
    const QDate day = time.toLocalTime().date();
    const QDate today = now.toLocalTime().date();
    const QLocale locale;
    if (day == today)
        return clock(time);
    // A time a little in the future (clock skew) reads best as its date, not a weekday.
    const qint64 daysAgo = day.daysTo(today);
    if (daysAgo > 0 && daysAgo < 7)
        return locale.dayName(day.dayOfWeek(), QLocale::ShortFormat);
    return locale.toString(day, QLocale::ShortFormat);
}

} // namespace Natter::TimeFormat
