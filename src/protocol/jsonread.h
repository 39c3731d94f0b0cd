// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace Natter::Json {

/// Tolerant readers shared by every codec (PROTOCOLS.md section 5).

/// The most entries parseObject() accepts in any one array or object of a frame: far more than
/// any honest reply holds (one sync of 100,000 messages), far fewer than a 64 MiB frame of
/// empty values could make the parser allocate.
constexpr qsizetype kMaxListItems = 100000;
/// The most bytes one base64 value may decode to (an attachment, an avatar): 64 MiB.
constexpr qsizetype kMaxDecodedBytes = 64 * 1024 * 1024;

/// Parses one frame: must be a JSON object. Refuses (MalformedFrame, before parsing) documents
/// nested deeper than `maxDepth` and any array or object with more than `maxListItems` entries.
/// A leading UTF-8 byte order mark is skipped.
Result<QJsonObject> parseObject(
    const QByteArray &frame, int maxDepth = 64, qsizetype maxListItems = kMaxListItems);

/// Case-insensitive lookup ("pkDialog" finds "PkDialog"); exact match preferred.
QJsonValue value(const QJsonObject &object, QLatin1String key);
/// First present key of several alternatives (e.g. "id", "uuid").
QJsonValue firstOf(const QJsonObject &object, std::initializer_list<QLatin1String> keys);

/// An id: integer, float with no fraction, or string. Returns nullopt when absent or not an id.
std::optional<QString> id(const QJsonValue &value);
/// A time: int/float seconds, milliseconds (> 1e11), numeric string, or ISO-8601 / "yyyy-MM-dd
/// hh:mm:ss.z" date string. Result in Unix milliseconds.
std::optional<qint64> timeMs(const QJsonValue &value);
/// A boolean: true/false, 0/1, "true"/"false"/"0"/"1"/"" (empty is false).
std::optional<bool> boolean(const QJsonValue &value);
/// A string, or a number written as a string. nullopt when absent, null, array or object.
std::optional<QString> string(const QJsonValue &value);
/// An integer from int, float or numeric string.
std::optional<qint64> integer(const QJsonValue &value);
/// The objects of a field that may be one object or a list of them (null → empty).
/// Returns nullopt when it is neither (e.g. a number).
std::optional<QList<QJsonObject>> objects(const QJsonValue &value);

/// Base64 (standard or URL alphabet, padding optional, line breaks ignored). Null or absent is
/// empty. A dangling last character (length 4n+1) carries no whole byte and is ignored.
/// nullopt when invalid: a character outside the alphabets, both alphabets mixed, data after
/// padding, or not a string; or when it would decode to more than `maxBytes` (checked first,
/// nothing is decoded then).
std::optional<QByteArray> base64(const QJsonValue &value, qsizetype maxBytes = kMaxDecodedBytes);
/// Whether a base64 string would decode to more than `maxBytes` (what base64() refuses).
bool base64Exceeds(const QJsonValue &value, qsizetype maxBytes = kMaxDecodedBytes);

/// Error for a missing or wrongly typed field, naming the field path, e.g. "data.user[0].id".
Error fieldError(const QString &path, const QString &problem, const QByteArray &raw = {});

} // namespace Natter::Json
