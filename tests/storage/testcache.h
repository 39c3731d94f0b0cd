// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/message.h"
#include "core/user.h"
#include "storage/database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace Natter::Test {

/// A cache database in its own temporary folder; the folder outlives the connection.
struct TempCache
{
    QTemporaryDir dir;
    Database db;

    QString path() const { return dir.filePath(QStringLiteral("profile/cache.sqlite")); }
    bool open()
    {
        const Error error = db.open(path());
        if (!error.isNone())
            qWarning() << "cannot open test cache:" << error;
        return error.isNone();
    }
    /// A count through a separate connection: sees committed data only.
    int committedCount(const QString &table) const
    {
        const QString name = QStringLiteral("observer");
        int count = -1;
        {
            QSqlDatabase observer = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            observer.setDatabaseName(path());
            if (observer.open()) {
                QSqlQuery q(observer);
                if (q.exec(QLatin1String("SELECT count(*) FROM ") % table) && q.next())
                    count = q.value(0).toInt();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return count;
    }
};

inline Message serverMessage(const QString &flowId, const QString &id, qint64 time,
    const QString &text, const QString &fromId = QStringLiteral("u2"))
{
    Message m;
    m.flowId = flowId;
    m.id = id;
    m.time = time;
    m.text = text;
    m.fromId = fromId;
    m.fromName = QStringLiteral("User ") + fromId;
    return m;
}

inline User makeUser(const QString &id, const QString &login, const QString &name = {})
{
    User user;
    user.id = id;
    user.login = login;
    user.name = name;
    return user;
}

} // namespace Natter::Test
