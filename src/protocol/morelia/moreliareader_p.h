// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the MoreliaTalk codec: the field reader and list helpers shared by the envelope
// and object decoders (moreliacodec.cpp) and the payload decoders (moreliareplies.cpp).
#pragma once

#include "moreliacodec.h"
#include "protocol/jsonread.h"

#include <cmath>

namespace Natter::Morelia::detail {

using Json::fieldError;

struct Slot
{
    QLatin1String nested; ///< July 2020: file.<nested>
    QLatin1String flat; ///< revision 17: <flat>
};
const Slot kSlots[] = {
    { QLatin1String("picture"), QLatin1String("file_picture") },
    { QLatin1String("video"), QLatin1String("file_video") },
    { QLatin1String("audio"), QLatin1String("file_audio") },
    { QLatin1String("document"), QLatin1String("file_document") },
};

inline QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

/// "data.flow" for a single object, "data.flow[2]" for an element of a list.
inline QString element(const QString &path, const QJsonValue &container, qsizetype index)
{
    return container.isArray() ? path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']')
                               : path;
}

/// Reads the fields of one object; the first problem is kept and names its field path.
class FieldReader
{
public:
    FieldReader(const QJsonObject &object, const QString &path) : m_object(object), m_path(path) { }

    QJsonValue raw(QLatin1String key) const { return Json::value(m_object, key); }
    bool has(QLatin1String key) const
    {
        const QJsonValue v = raw(key);
        return !v.isUndefined() && !v.isNull();
    }

    /// id, or uuid (revision 17). Required.
    QString id()
    {
        const QJsonValue v
            = Json::firstOf(m_object, { QLatin1String("id"), QLatin1String("uuid") });
        if (v.isUndefined() || v.isNull()) {
            fail(QStringLiteral("id"), QStringLiteral("missing (neither id nor uuid)"));
            return {};
        }
        const std::optional<QString> result = Json::id(v);
        if (!result)
            fail(QStringLiteral("id"), QStringLiteral("not an id"));
        return result.value_or(QString());
    }

    /// An optional id-valued field (owner, reply_to, from_user as a uuid).
    QString optionalId(QLatin1String key)
    {
        const QJsonValue v = raw(key);
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty()))
            return {};
        const std::optional<QString> result = Json::id(v);
        if (!result)
            fail(key, QStringLiteral("not an id"));
        return result.value_or(QString());
    }

    QString text(QLatin1String key)
    {
        const QJsonValue v = raw(key);
        if (v.isUndefined() || v.isNull())
            return {};
        const std::optional<QString> result = v.isBool() ? std::nullopt : Json::string(v);
        if (!result)
            fail(key, QStringLiteral("not a string"));
        return result.value_or(QString());
    }

    qint64 time(QLatin1String key, bool required)
    {
        const QJsonValue v = raw(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(key, QStringLiteral("missing"));
            return 0;
        }
        const std::optional<qint64> result = Json::timeMs(v);
        if (!result)
            fail(key, QStringLiteral("not a time"));
        return result.value_or(0);
    }

    qint64 integer(QLatin1String key)
    {
        const QJsonValue v = raw(key);
        if (v.isUndefined() || v.isNull())
            return 0;
        const std::optional<qint64> result = Json::integer(v);
        if (!result)
            fail(key, QStringLiteral("not an integer"));
        return result.value_or(0);
    }

    bool flag(QLatin1String key)
    {
        const QJsonValue v = raw(key);
        if (v.isUndefined() || v.isNull())
            return false;
        const std::optional<bool> result = Json::boolean(v);
        if (!result)
            fail(key, QStringLiteral("not a boolean"));
        return result.value_or(false);
    }

    QByteArray bytes(QLatin1String key)
    {
        const std::optional<QByteArray> result = Json::base64(raw(key));
        if (!result)
            fail(key,
                Json::base64Exceeds(raw(key))
                    ? QStringLiteral("over the %1-byte limit").arg(Json::kMaxDecodedBytes)
                    : QStringLiteral("not valid base64"));
        return result.value_or(QByteArray());
    }

    /// A nested object (from_user, file, edited_message); null/absent → empty object.
    QJsonObject object(QLatin1String key)
    {
        const QJsonValue v = raw(key);
        if (v.isObject())
            return v.toObject();
        if (!v.isUndefined() && !v.isNull())
            fail(key, QStringLiteral("not an object"));
        return {};
    }

    QString path(const QString &key) const { return join(m_path, key); }
    void fail(const QString &key, const QString &problem)
    {
        if (!m_error)
            m_error = fieldError(path(key), problem);
    }
    void adopt(const std::optional<Error> &error)
    {
        if (!m_error && error)
            m_error = error;
    }
    const std::optional<Error> &error() const { return m_error; }

private:
    QJsonObject m_object;
    QString m_path;
    std::optional<Error> m_error;
};

template <typename T>
Result<T> withRaw(Result<T> result, const QByteArray &raw)
{
    if (result.ok())
        return result;
    Error error = result.error();
    error.raw = raw;
    return error;
}

/// Decodes every object of data.<key> with `decode`; absent or null is an empty list.
template <typename T, typename Decode>
Result<QList<T>> decodeList(const Envelope &envelope, QLatin1String key, Decode decode)
{
    const QString path = QStringLiteral("data.") + key;
    const QJsonValue value = Json::value(envelope.data, key);
    const std::optional<QList<QJsonObject>> objects = Json::objects(value);
    if (!objects)
        return fieldError(path, QStringLiteral("not an object or a list of objects"), envelope.raw);
    QList<T> list;
    list.reserve(objects->size());
    for (qsizetype i = 0; i < objects->size(); ++i) {
        Result<T> item = decode(objects->at(i), element(path, value, i));
        if (!item)
            return withRaw(Result<QList<T>>(item.error()), envelope.raw);
        list.append(std::move(item).value());
    }
    return list;
}

} // namespace Natter::Morelia::detail
