// SPDX-License-Identifier: GPL-3.0-or-later
// Raw MoreliaTalk requests for the server tests, both dialects. Hand-written JSON on purpose:
// the tests must not share code with the client codec.
#pragma once

#include "rawclient.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Natter::Testing::MoreliaTest {

using namespace Qt::StringLiterals;

inline int code(const QJsonObject &reply)
{
    return reply.value(u"errors"_s).toObject().value(u"code"_s).toInt(-1);
}

inline QString detail(const QJsonObject &reply)
{
    return reply.value(u"errors"_s).toObject().value(u"detail"_s).toString();
}

inline QJsonObject data(const QJsonObject &reply)
{
    return reply.value(u"data"_s).toObject();
}

// --- r17 requests -------------------------------------------------------------------------

struct R17Session
{
    QString uuid;
    QString authId;
    QJsonObject me() const { return { { u"uuid"_s, uuid }, { u"auth_id"_s, authId } }; }
};

inline QJsonObject r17(const QString &type, QJsonObject data = {})
{
    return { { u"type"_s, type }, { u"data"_s, data },
        { u"jsonapi"_s, QJsonObject { { u"version"_s, u"1.0"_s } } },
        { u"meta"_s, QJsonValue::Null } };
}

inline QJsonObject r17Authed(const R17Session &session, const QString &type, QJsonObject data = {})
{
    auto users = data.value(u"user"_s).toArray();
    users.prepend(session.me());
    data.insert(u"user"_s, users);
    return r17(type, data);
}

inline QJsonObject r17Credentials(const QString &login, const QString &password)
{
    return { { u"user"_s,
        QJsonArray { QJsonObject {
            { u"login"_s, login }, { u"password"_s, password }, { u"username"_s, login } } } } };
}

inline R17Session r17Register(RawClient &client, const QString &login)
{
    const auto reply = client.call(r17(u"register_user"_s, r17Credentials(login, u"secret"_s)));
    const auto user = data(reply).value(u"user"_s).toArray().first().toObject();
    return { user.value(u"uuid"_s).toString(), user.value(u"auth_id"_s).toString() };
}

inline QJsonObject flowRef(const QString &uuid)
{
    return { { u"flow"_s, QJsonArray { QJsonObject { { u"uuid"_s, uuid } } } } };
}

// --- 2020 requests ------------------------------------------------------------------------

struct Session2020
{
    qint64 id = 0;
    QString authId;
    QJsonObject me() const { return { { u"id"_s, id }, { u"auth_id"_s, authId } }; }
};

inline QJsonObject v2020(const QString &type, QJsonObject data = {})
{
    return { { u"type"_s, type }, { u"data"_s, data },
        { u"jsonapi"_s, QJsonObject { { u"version"_s, 1.0 } } }, { u"meta"_s, QJsonValue::Null } };
}

inline QJsonObject v2020Authed(
    const Session2020 &session, const QString &type, QJsonObject data = {})
{
    data.insert(u"user"_s, session.me());
    return v2020(type, data);
}

inline Session2020 v2020Register(RawClient &client, const QString &login)
{
    const QJsonObject user { { u"login"_s, login }, { u"password"_s, u"secret"_s },
        { u"email"_s, QString(login + u"@example.org"_s) }, { u"username"_s, login } };
    const auto reply = client.call(v2020(u"register_user"_s, { { u"user"_s, user } }));
    const auto me = data(reply).value(u"user"_s).toObject();
    return { me.value(u"id"_s).toInteger(), me.value(u"auth_id"_s).toString() };
}

/// data.<key> as a list whether the server sent one object or several.
inline QJsonArray asList(const QJsonValue &value)
{
    if (value.isArray())
        return value.toArray();
    if (value.isObject())
        return QJsonArray { value };
    return {};
}

} // namespace Natter::Testing::MoreliaTest
