// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../storage/testcache.h"
#include "session/accountcache.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace Natter::Test {

/// An AccountCache in its own temporary folder, signed in as "me".
struct ModelCache
{
    QTemporaryDir dir;
    AccountCache cache;

    bool open()
    {
        const Error error = cache.open(dir.filePath(QStringLiteral("cache.sqlite")));
        if (!error.isNone()) {
            qWarning() << "cannot open test cache:" << error;
            return false;
        }
        return cache.users()
            .setOwnUser(
                makeUser(QStringLiteral("me"), QStringLiteral("me"), QStringLiteral("Me Myself")))
            .isNone();
    }
};

inline Flow makeFlow(const QString &id, const QString &title, qint64 updated = 0,
    Flow::Type type = Flow::Type::Group, const QStringList &members = {})
{
    Flow flow;
    flow.id = id;
    flow.title = title;
    flow.updated = updated;
    flow.type = type;
    flow.members = members;
    return flow;
}

/// Local time on a fixed day: separators are computed in local days, whatever the time zone.
inline qint64 at(int day, int hour, int minute, int second = 0)
{
    return QDateTime(QDate(2024, 3, day), QTime(hour, minute, second)).toMSecsSinceEpoch();
}

/// One role of every row, top to bottom.
inline QVariantList column(const QAbstractItemModel &model, int role)
{
    QVariantList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, 0).data(role));
    return values;
}

inline QStringList strings(const QAbstractItemModel &model, int role)
{
    QStringList values;
    for (const QVariant &value : column(model, role))
        values.append(value.toString());
    return values;
}

/// The roles of every dataChanged caught by `spy` for `row`.
inline QList<int> changedRoles(const QSignalSpy &spy, int row)
{
    QList<int> roles;
    for (const QList<QVariant> &args : spy) {
        const auto first = args.at(0).value<QModelIndex>();
        const auto last = args.at(1).value<QModelIndex>();
        if (first.row() <= row && row <= last.row())
            roles += args.at(2).value<QList<int>>();
    }
    return roles;
}

} // namespace Natter::Test
