// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the MoreliaTalk codec tests: fixture loading and a JSON diff that names the path.
#pragma once

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <cmath>

namespace Natter::Test {

inline QString moreliaDataDir()
{
    return QStringLiteral(NATTER_TEST_DATA "/morelia");
}

inline QByteArray readFixture(const QString &name)
{
    QFile file(moreliaDataDir() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

inline QJsonObject fixtureObject(const QString &name)
{
    return QJsonDocument::fromJson(readFixture(name)).object();
}

/// Fixture names in the data dir (optionally a subdirectory) matching `pattern`, sorted.
inline QStringList fixtureNames(const QString &pattern, const QString &subdir = {})
{
    QDir dir(moreliaDataDir() + (subdir.isEmpty() ? QString() : QLatin1Char('/') + subdir));
    QStringList names = dir.entryList({ pattern }, QDir::Files, QDir::Name);
    if (!subdir.isEmpty()) {
        for (QString &name : names)
            name = subdir + QLatin1Char('/') + name;
    }
    return names;
}

/// The first difference between two JSON values, as "path: expected X, got Y"; empty when equal.
/// Numbers under a key named "time" may differ by less than a millisecond: Natter keeps Unix
/// milliseconds, the documents' examples carry microseconds (1594492370.5225992).
inline QString jsonDiff(
    const QJsonValue &expected, const QJsonValue &actual, const QString &path, bool isTime = false)
{
    const auto show = [](const QJsonValue &v) {
        if (v.isObject())
            return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        if (v.isArray())
            return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        return QString::fromUtf8(QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact));
    };
    if (expected.isDouble() && actual.isDouble()) {
        const double tolerance = isTime ? 0.001 : 0.0;
        if (std::fabs(expected.toDouble() - actual.toDouble()) <= tolerance)
            return {};
    } else if (expected.isObject() && actual.isObject()) {
        const QJsonObject e = expected.toObject();
        const QJsonObject a = actual.toObject();
        QStringList keys = e.keys() + a.keys();
        keys.removeDuplicates();
        keys.sort();
        for (const QString &key : keys) {
            const QString sub = path.isEmpty() ? key : path + QLatin1Char('.') + key;
            if (!e.contains(key))
                return sub + QStringLiteral(": unexpected, got ") + show(a.value(key));
            if (!a.contains(key))
                return sub + QStringLiteral(": missing, expected ") + show(e.value(key));
            const QString diff
                = jsonDiff(e.value(key), a.value(key), sub, key == QLatin1String("time"));
            if (!diff.isEmpty())
                return diff;
        }
        return {};
    } else if (expected.isArray() && actual.isArray()) {
        const QJsonArray e = expected.toArray();
        const QJsonArray a = actual.toArray();
        if (e.size() != a.size())
            return path
                + QStringLiteral(": %1 elements expected, got %2").arg(e.size()).arg(a.size());
        for (qsizetype i = 0; i < e.size(); ++i) {
            const QString diff
                = jsonDiff(e.at(i), a.at(i), path + QStringLiteral("[%1]").arg(i), isTime);
            if (!diff.isEmpty())
                return diff;
        }
        return {};
    } else if (expected == actual) {
        return {};
    }
    return path + QStringLiteral(": expected ") + show(expected) + QStringLiteral(", got ")
        + show(actual);
}

} // namespace Natter::Test
