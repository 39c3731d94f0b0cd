// SPDX-License-Identifier: GPL-3.0-or-later
#include "avatar.h"

#include <QStringList>

namespace Natter {

int avatarHue(const QString &id)
{
    quint32 hash = 2166136261u;
    for (const QChar c : id) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return int(hash % 360u);
}

QString initials(const QString &name, const QString &fallback)
{
    QString result;
    int letters = 0;
    for (const QString &word : name.split(u' ', Qt::SkipEmptyParts)) {
        // The first letter or digit of the word (by code point), so "(Ada)" gives "A".
        for (const char32_t c : word.toUcs4()) {
            if (QChar::isLetterOrNumber(c)) {
                result += QString::fromUcs4(&c, 1).toUpper();
                ++letters;
                break;
            }
        }
        if (letters == 2)
            break;
    }
    if (result.isEmpty() && !fallback.isEmpty())
        return initials(fallback);
    return result;
}

} // namespace Natter
