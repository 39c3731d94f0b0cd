// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes Json::parseObject and the tolerant readers over every value it yields (walked to a
// bounded depth, so a deep input costs parse time only).

#include "fuzzcommon.h"
#include "protocol/jsonread.h"

using namespace Natter;

namespace {

void readAll(const QJsonValue &value, int depth);

void readObject(const QJsonObject &object, int depth)
{
    (void)Json::firstOf(object, { QLatin1String("id"), QLatin1String("time"), QLatin1String("") });
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QByteArray key = it.key().toUtf8();
        (void)Json::value(object, QLatin1String(key.constData(), key.size()));
        readAll(it.value(), depth + 1);
    }
}

void readAll(const QJsonValue &value, int depth)
{
    (void)Json::id(value);
    (void)Json::timeMs(value);
    (void)Json::boolean(value);
    (void)Json::string(value);
    (void)Json::integer(value);
    (void)Json::base64(value);
    if (const auto list = Json::objects(value); list && depth < 8) {
        for (const QJsonObject &object : *list)
            readObject(object, depth);
    }
    if (depth >= 8)
        return;
    if (value.isObject())
        readObject(value.toObject(), depth);
    else if (value.isArray())
        for (const QJsonValue &item : value.toArray())
            readAll(item, depth + 1);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray frame = Fuzz::bytes(data, size);
    // A small depth limit too, so the limit's own edge is exercised, not just the default.
    (void)Json::parseObject(frame, 3);
    const Result<QJsonObject> parsed = Json::parseObject(frame);
    if (!parsed)
        return 0;
    readObject(parsed.value(), 0);
    (void)Json::fieldError(QStringLiteral("fuzz"), QStringLiteral("problem"), frame);
    return 0;
}
