// SPDX-License-Identifier: GPL-3.0-or-later
#include "attachment.h"

namespace Natter {

namespace {

constexpr qsizetype kMaxUtf8Bytes = 200;
constexpr qsizetype kMaxKeptSuffix = 16;

bool isInvisibleOrControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) // C0, DEL, C1
        || c == 0x200e || c == 0x200f // LRM, RLM
        || (c >= 0x202a && c <= 0x202e) // embeddings and overrides ("gpj.exe" tricks)
        || (c >= 0x2066 && c <= 0x2069) // isolates
        || c == 0xfeff;
}

bool isReplaced(char32_t c)
{
    switch (c) {
    case '/':
    case '\\':
    case '<':
    case '>':
    case ':':
    case '"':
    case '|':
    case '?':
    case '*':
        return true;
    default:
        return false;
    }
}

/// CON, PRN, AUX, NUL, COM1-9, LPT1-9: Windows opens the device whatever the extension.
bool isWindowsDeviceName(const QString &name)
{
    QString base = name.section(QLatin1Char('.'), 0, 0);
    while (base.endsWith(QLatin1Char(' ')))
        base.chop(1);
    base = base.toUpper();
    static const QStringList plain { QStringLiteral("CON"), QStringLiteral("PRN"),
        QStringLiteral("AUX"), QStringLiteral("NUL"), QStringLiteral("CONIN$"),
        QStringLiteral("CONOUT$") };
    if (plain.contains(base))
        return true;
    if (base.size() != 4
        || !(base.startsWith(QLatin1String("COM")) || base.startsWith(QLatin1String("LPT"))))
        return false;
    const QChar digit = base.at(3);
    // Windows also treats the superscript digits ¹²³ as device numbers.
    return (digit >= QLatin1Char('1') && digit <= QLatin1Char('9')) || digit == QChar(0xb9)
        || digit == QChar(0xb2) || digit == QChar(0xb3);
}

/// The longest prefix of `text` whose UTF-8 form fits `bytes`, never splitting a character.
QString fitUtf8(const QString &text, qsizetype bytes)
{
    QString out;
    qsizetype used = 0;
    for (const char32_t c : text.toUcs4()) {
        const qsizetype size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (used + size > bytes)
            break;
        used += size;
        out.append(QString::fromUcs4(&c, 1));
    }
    return out;
}

} // namespace

QString Attachment::safeFileName(const QString &name)
{
    QString clean;
    clean.reserve(name.size());
    for (const char32_t c : name.toUcs4()) {
        if (isInvisibleOrControl(c))
            continue; // toUcs4() already made lone surrogates U+FFFD
        if (isReplaced(c))
            clean.append(QLatin1Char('_'));
        else
            clean.append(QString::fromUcs4(&c, 1));
    }
    // Leading dots make hidden files and "..": drop them. Windows drops trailing dots and
    // spaces itself, which would turn "CON." into CON and "a.exe." into a.exe.
    qsizetype start = 0;
    while (
        start < clean.size() && (clean.at(start) == QLatin1Char('.') || clean.at(start).isSpace()))
        ++start;
    clean.remove(0, start);
    while (!clean.isEmpty() && (clean.endsWith(QLatin1Char('.')) || clean.back().isSpace()))
        clean.chop(1);
    while (clean.contains(QLatin1String("..")))
        clean.replace(QLatin1String(".."), QLatin1String("."));
    if (clean.isEmpty())
        return QStringLiteral("file");
    if (isWindowsDeviceName(clean))
        clean.prepend(QLatin1Char('_'));

    if (clean.toUtf8().size() <= kMaxUtf8Bytes)
        return clean;
    const qsizetype dot = clean.lastIndexOf(QLatin1Char('.'));
    const QString suffix
        = dot > 0 && clean.size() - dot <= kMaxKeptSuffix ? clean.mid(dot) : QString();
    const QString base = suffix.isEmpty() ? clean : clean.left(dot);
    QString shortened = fitUtf8(base, kMaxUtf8Bytes - suffix.toUtf8().size());
    while (!shortened.isEmpty()
        && (shortened.endsWith(QLatin1Char('.')) || shortened.back().isSpace()))
        shortened.chop(1);
    return (shortened.isEmpty() ? QStringLiteral("file") : shortened) + suffix;
}

} // namespace Natter
