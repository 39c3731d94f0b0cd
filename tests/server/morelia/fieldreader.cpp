// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldreader.h"

#include "moreliahandler.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace Natter::Testing {

namespace {
constexpr double MaxSafeInteger = 9007199254740991.0; // 2^53 - 1

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}
} // namespace

QString reasonPhrase(int code)
{
    switch (code) {
    case 200:
        return u"OK"_s;
    case 201:
        return u"Created"_s;
    case 206:
        return u"Partial Content"_s;
    case 400:
        return u"Bad Request"_s;
    case 401:
        return u"Unauthorized"_s;
    case 403:
        return u"Forbidden"_s;
    case 404:
        return u"Not Found"_s;
    case 405:
        return u"Method Not Allowed"_s;
    case 409:
        return u"Conflict"_s;
    case 415:
        return u"Unsupported Media Type"_s;
    case 500:
        return u"Internal Server Error"_s;
    case 505:
        return u"Version Not Supported"_s;
    default:
        return u"Unknown"_s;
    }
}

void FieldReader::fail(int code, const QString &detail)
{
    if (m_code != 0)
        return;
    m_code = code;
    m_detail = detail;
}

QJsonValue FieldReader::field(const QJsonObject &in, const QString &path, const QString &key,
    bool required, const QString &what)
{
    const auto value = in.value(key);
    if ((value.isUndefined() || value.isNull()) && required)
        invalid(join(path, key), u"required "_s + what);
    return value;
}

QJsonObject FieldReader::object(
    const QJsonObject &in, const QString &path, const QString &key, bool required)
{
    const auto value = field(in, path, key, required, u"object"_s);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isObject())
        invalid(join(path, key), u"must be an object"_s);
    return value.toObject();
}

QJsonObject FieldReader::objectOrFirst(
    const QJsonObject &in, const QString &path, const QString &key, bool required)
{
    const auto value = in.value(key);
    if (!value.isArray())
        return object(in, path, key, required);
    const auto list = value.toArray();
    if (list.isEmpty() || !list.first().isObject()) {
        invalid(join(path, key), u"must be an object or a list of objects"_s);
        return {};
    }
    return list.first().toObject();
}

QJsonArray FieldReader::objectList(
    const QJsonObject &in, const QString &path, const QString &key, bool required)
{
    const auto value = field(in, path, key, required, u"list"_s);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray()) {
        invalid(join(path, key), u"must be a list of objects"_s);
        return {};
    }
    const auto list = value.toArray();
    if (list.isEmpty() && required)
        invalid(join(path, key), u"must not be empty"_s);
    for (const auto &item : list) {
        if (!item.isObject()) {
            invalid(join(path, key), u"every item must be an object"_s);
            return {};
        }
    }
    return list;
}

QString FieldReader::string(
    const QJsonObject &in, const QString &path, const QString &key, bool required)
{
    const auto value = field(in, path, key, required, u"string"_s);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString())
        invalid(join(path, key), u"must be a string"_s);
    return value.toString();
}

std::optional<qint64> FieldReader::integer(
    const QJsonObject &in, const QString &path, const QString &key, bool required)
{
    const auto value = field(in, path, key, required, u"integer"_s);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    const auto number = value.toDouble();
    if (!value.isDouble() || !std::isfinite(number) || std::trunc(number) != number
        || std::abs(number) > MaxSafeInteger) {
        invalid(join(path, key), u"must be an integer"_s);
        return std::nullopt;
    }
    return qint64(number);
}

std::optional<double> FieldReader::number(
    const QJsonObject &in, const QString &path, const QString &key, bool required)
{
    const auto value = field(in, path, key, required, u"number"_s);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isDouble() || !std::isfinite(value.toDouble())) {
        invalid(join(path, key), u"must be a number"_s);
        return std::nullopt;
    }
    return value.toDouble();
}

} // namespace Natter::Testing
