// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonread.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QVarLengthArray>

#include <cmath>

namespace Natter::Json {

namespace {

// Times above this many units are milliseconds, below it seconds (1e11 s is the year 5138).
constexpr double kMillisecondThreshold = 1e11;
// 9999-12-31T23:59:59.999Z: anything later is not a time a messenger server means.
constexpr double kMaxTimeMs = 253402300799999.0;

std::optional<qint64> wholeNumber(const QJsonValue &value)
{
    // toInteger() answers only for whole numbers that fit qint64; two defaults tell "no" apart.
    const qint64 a = value.toInteger(0);
    const qint64 b = value.toInteger(1);
    if (a != b)
        return std::nullopt;
    return a;
}

std::optional<double> numberFromString(const QString &text)
{
    bool ok = false;
    const double d = text.toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

std::optional<qint64> timeFromNumber(double d)
{
    if (!std::isfinite(d) || d < 0)
        return std::nullopt;
    // Floor, not round: a sync cursor that is a little early re-fetches one message (deduplicated
    // by id); one that is late loses it.
    double ms = d > kMillisecondThreshold ? d : d * 1000.0;
    // ...but 1594492370.522 s is 1594492370521.9998 ms in binary: snap what is within 1/100 ms.
    const double nearest = std::round(ms);
    ms = std::fabs(ms - nearest) < 0.01 ? nearest : std::floor(ms);
    if (ms > kMaxTimeMs)
        return std::nullopt;
    return static_cast<qint64>(ms);
}

// "2020-07-11T18:32:50Z", "2020-07-11 18:32:50.5225992", "2020-07-11T18:32:50+03:00",
// "2020-07-11": Qt's own parsers take at most three fraction digits, Python prints six.
std::optional<qint64> timeFromDateString(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})(?:[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?"
        "\\s*(Z|z|UTC|[+-]\\d{2}(?::?\\d{2})?)?$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QString fraction = m.captured(7).left(3).leftJustified(3, QLatin1Char('0'));
    const QTime time(
        m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), fraction.toInt());
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    int offsetSeconds = 0;
    const QString zone = m.captured(8);
    if (zone.startsWith(QLatin1Char('+')) || zone.startsWith(QLatin1Char('-'))) {
        QString digits = zone.mid(1);
        digits.remove(QLatin1Char(':'));
        const int hours = digits.left(2).toInt();
        const int minutes = digits.size() > 2 ? digits.mid(2, 2).toInt() : 0;
        if (hours > 23 || minutes > 59)
            return std::nullopt;
        offsetSeconds
            = (hours * 3600 + minutes * 60) * (zone.startsWith(QLatin1Char('-')) ? -1 : 1);
    }
    // No zone: servers write UTC (the MoreliaTalk and DisTet servers both run on UTC).
    const qint64 ms = QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch() - offsetSeconds * 1000LL;
    if (ms < 0 || ms > kMaxTimeMs)
        return std::nullopt;
    return ms;
}

int base64Value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

struct Shape
{
    int deepest = 0; ///< the deepest bracket nesting, up to just past the depth limit
    qsizetype widest = 0; ///< the most entries in one array or object, once past the cap
};

/// The nesting depth of a frame, and whether one array or object has more than `itemLimit`
/// entries, without parsing it. Stops as soon as either passes its limit, so a hostile frame
/// costs one partial scan and no allocation. Invalid JSON is left to the parser.
Shape scanShape(const QByteArray &frame, int depthLimit, qsizetype itemLimit)
{
    Shape shape;
    // Separators seen so far in each open container, outermost first.
    QVarLengthArray<qsizetype, 66> commas;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : frame) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '{':
        case '[':
            shape.deepest = std::max(shape.deepest, ++depth);
            if (shape.deepest > depthLimit)
                return shape;
            commas.resize(depth);
            commas[depth - 1] = 0;
            break;
        case '}':
        case ']':
            depth = std::max(0, depth - 1);
            break;
        case ',':
            // n separators: n + 1 entries.
            if (depth > 0 && ++commas[depth - 1] >= itemLimit) {
                shape.widest = commas[depth - 1] + 1;
                return shape;
            }
            break;
        default:
            break;
        }
    }
    return shape;
}

} // namespace

Result<QJsonObject> parseObject(const QByteArray &rawFrame, int maxDepth, qsizetype maxListItems)
{
    // Some servers (and editors saving fixtures) prefix a UTF-8 byte order mark.
    const QByteArray frame = rawFrame.startsWith("\xEF\xBB\xBF") ? rawFrame.sliced(3) : rawFrame;
    if (frame.trimmed().isEmpty())
        return fieldError(QStringLiteral("frame"), QStringLiteral("empty frame"), rawFrame);
    // QJsonDocument recurses per level (its own limit is about 1024) and builds every entry:
    // refuse deep frames and huge lists before it sees them.
    const Shape shape = scanShape(frame, maxDepth, maxListItems);
    if (shape.deepest > maxDepth)
        return fieldError(QStringLiteral("frame"),
            QStringLiteral("JSON nested deeper than %1 levels").arg(maxDepth), rawFrame);
    if (shape.widest > maxListItems)
        return fieldError(QStringLiteral("frame"),
            QStringLiteral("a JSON list or object with more than %1 entries").arg(maxListItems),
            rawFrame);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(frame, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fieldError(QStringLiteral("frame"),
            QStringLiteral("not valid JSON (%1 at offset %2)")
                .arg(parseError.errorString())
                .arg(parseError.offset),
            rawFrame);
    if (!doc.isObject())
        return fieldError(
            QStringLiteral("frame"), QStringLiteral("top level is not a JSON object"), rawFrame);
    return doc.object();
}

QJsonValue value(const QJsonObject &object, QLatin1String key)
{
    const auto exact = object.constFind(key);
    if (exact != object.constEnd())
        return exact.value();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key().compare(key, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return QJsonValue(QJsonValue::Undefined);
}

QJsonValue firstOf(const QJsonObject &object, std::initializer_list<QLatin1String> keys)
{
    QJsonValue found(QJsonValue::Undefined);
    for (const QLatin1String key : keys) {
        const QJsonValue v = value(object, key);
        if (!v.isUndefined() && !v.isNull())
            return v;
        if (v.isNull())
            found = v; // present but null: remember it, a later key may still hold a value
    }
    return found;
}

std::optional<QString> id(const QJsonValue &value)
{
    if (value.isDouble()) {
        const std::optional<qint64> n = wholeNumber(value);
        if (!n)
            return std::nullopt;
        return QString::number(*n);
    }
    if (value.isString()) {
        const QString s = value.toString().trimmed();
        if (s.isEmpty())
            return std::nullopt;
        return s;
    }
    return std::nullopt;
}

std::optional<qint64> timeMs(const QJsonValue &value)
{
    if (value.isDouble()) {
        if (const std::optional<qint64> n = wholeNumber(value))
            return timeFromNumber(static_cast<double>(*n));
        return timeFromNumber(value.toDouble());
    }
    if (value.isString()) {
        const QString s = value.toString().trimmed();
        if (s.isEmpty())
            return std::nullopt;
        if (const std::optional<double> d = numberFromString(s))
            return timeFromNumber(*d);
        return timeFromDateString(s);
    }
    return std::nullopt;
}

std::optional<bool> boolean(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d == 0)
            return false;
        if (d == 1)
            return true;
        return std::nullopt;
    }
    if (value.isString()) {
        const QString s = value.toString().trimmed().toLower();
        if (s.isEmpty() || s == QLatin1String("false") || s == QLatin1String("0"))
            return false;
        if (s == QLatin1String("true") || s == QLatin1String("1"))
            return true;
    }
    return std::nullopt;
}

std::optional<QString> string(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        if (const std::optional<qint64> n = wholeNumber(value))
            return QString::number(*n);
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return std::nullopt;
    }
}

std::optional<qint64> integer(const QJsonValue &value)
{
    double d = 0;
    if (value.isDouble()) {
        if (const std::optional<qint64> n = wholeNumber(value))
            return n;
        d = value.toDouble();
    } else if (value.isString()) {
        const QString s = value.toString().trimmed();
        bool ok = false;
        const qint64 n = s.toLongLong(&ok);
        if (ok)
            return n;
        const std::optional<double> parsed = numberFromString(s);
        if (!parsed)
            return std::nullopt;
        d = *parsed;
    } else {
        return std::nullopt;
    }
    // A fraction is dropped (1594492370.52 → 1594492370); out of range is not a number we can hold.
    if (!std::isfinite(d) || std::fabs(d) >= 9.2e18)
        return std::nullopt;
    return static_cast<qint64>(std::trunc(d));
}

std::optional<QList<QJsonObject>> objects(const QJsonValue &value)
{
    QList<QJsonObject> list;
    if (value.isUndefined() || value.isNull())
        return list;
    if (value.isObject()) {
        list.append(value.toObject());
        return list;
    }
    if (!value.isArray())
        return std::nullopt;
    const QJsonArray array = value.toArray();
    list.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (!item.isObject())
            return std::nullopt;
        list.append(item.toObject());
    }
    return list;
}

bool base64Exceeds(const QJsonValue &value, qsizetype maxBytes)
{
    if (!value.isString())
        return false;
    const QString text = value.toString();
    if (text.size() / 4 * 3 <= maxBytes)
        return false; // even with no white space it fits
    qsizetype digits = 0;
    for (const QChar c : text)
        if (!c.isSpace() && c != QLatin1Char('='))
            ++digits;
    return digits / 4 * 3 + (digits % 4) * 6 / 8 > maxBytes;
}

std::optional<QByteArray> base64(const QJsonValue &value, qsizetype maxBytes)
{
    if (value.isUndefined() || value.isNull())
        return QByteArray();
    if (!value.isString() || base64Exceeds(value, maxBytes))
        return std::nullopt;
    const QByteArray text = value.toString().toLatin1();
    QByteArray out;
    out.reserve(text.size() * 3 / 4);
    quint32 buffer = 0;
    int bits = 0;
    bool standard = false;
    bool url = false;
    bool padding = false;
    for (const char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue; // MIME line breaks
        if (c == '=') {
            padding = true;
            continue;
        }
        const int v = base64Value(c);
        if (v < 0 || padding) // a stray character, or data after the padding
            return std::nullopt;
        standard |= (c == '+' || c == '/');
        url |= (c == '-' || c == '_');
        buffer = (buffer << 6) | quint32(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((buffer >> bits) & 0xff));
        }
    }
    if (standard && url)
        return std::nullopt; // two alphabets mixed
    // Trailing bits that do not make a whole byte (a length of 4n+1) are dropped, not refused:
    // the July-2020 documents carry placeholders like "sdfsdfsdf" that real servers echo back.
    return out;
}

Error fieldError(const QString &path, const QString &problem, const QByteArray &raw)
{
    return Error::make(Error::Code::MalformedFrame, path + QStringLiteral(": ") + problem, 0, raw);
}

} // namespace Natter::Json
