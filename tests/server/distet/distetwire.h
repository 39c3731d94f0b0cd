// SPDX-License-Identifier: GPL-3.0-or-later
// Small JSON helpers shared by the DisTet backend's handlers (server side, raw JSON only).
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace Natter::Testing::DistetWire {

/// Case-insensitive field lookup: the wire mixes pkDialog/PkDialog, msgkey/msgKey.
inline QJsonValue field(const QJsonObject &o, const char *key)
{
    const QLatin1String k(key);
    if (o.contains(k))
        return o.value(k);
    for (auto it = o.begin(); it != o.end(); ++it)
        if (it.key().compare(k, Qt::CaseInsensitive) == 0)
            return it.value();
    return QJsonValue(QJsonValue::Undefined);
}

inline QString text(const QJsonObject &o, const char *key)
{
    const QJsonValue v = field(o, key);
    if (v.isDouble())
        return QString::number(v.toInteger());
    return v.toString();
}

inline std::optional<qint64> number(const QJsonObject &o, const char *key)
{
    const QJsonValue v = field(o, key);
    if (v.isDouble())
        return v.toInteger();
    bool ok = false;
    const qint64 n = v.toString().toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

inline QJsonObject status(int code, const QString &message, QJsonObject payload = {})
{
    payload.insert(QStringLiteral("Status"),
        QJsonObject { { QStringLiteral("code"), code }, { QStringLiteral("message"), message } });
    return payload;
}

inline QJsonObject ok(QJsonObject payload = {})
{
    return status(200, QStringLiteral("Operation done"), std::move(payload));
}

/// "yyyy-MM-dd hh:mm:ss.zzz", UTC (the seed's servers run on UTC).
inline QString date(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz"));
}

/// A request date: "-1" or absent is nullopt (= the latest), else Unix ms.
inline std::optional<qint64> parseDate(const QString &s)
{
    if (s.isEmpty() || s == QLatin1String("-1"))
        return std::nullopt;
    for (const char *format :
        { "yyyy-MM-dd hh:mm:ss.zzz", "yyyy-MM-dd hh:mm:ss.z", "yyyy-MM-dd hh:mm:ss" }) {
        QDateTime d = QDateTime::fromString(s, QLatin1String(format));
        if (d.isValid()) {
            d.setTimeSpec(Qt::UTC);
            return d.toMSecsSinceEpoch();
        }
    }
    return std::nullopt;
}

} // namespace Natter::Testing::DistetWire
