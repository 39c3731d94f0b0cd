// SPDX-License-Identifier: GPL-3.0-or-later
#include "filesize.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace Natter {

QString formatFileSize(qint64 bytes)
{
    const QLocale locale;
    if (bytes < 1024)
        return QCoreApplication::translate("Natter::FileSize", "%n byte(s)", nullptr, int(bytes));
    static const char *const units[] = {
        QT_TRANSLATE_NOOP("Natter::FileSize", "%1 KB"),
        QT_TRANSLATE_NOOP("Natter::FileSize", "%1 MB"),
        QT_TRANSLATE_NOOP("Natter::FileSize", "%1 GB"),
        QT_TRANSLATE_NOOP("Natter::FileSize", "%1 TB"),
    };
    double value = double(bytes);
    int unit = -1;
    while (value >= 1024.0 && unit < 3) {
        value /= 1024.0;
        ++unit;
    }
    const double rounded = std::round(value * 10.0) / 10.0;
    const bool whole = value >= 100.0 || rounded == std::floor(rounded);
    const QString number = locale.toString(whole ? std::round(value) : rounded, 'f', whole ? 0 : 1);
    return QCoreApplication::translate("Natter::FileSize", units[unit]).arg(number);
}

} // namespace Natter
