// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsstore.h"

#include "database.h"
#include "sql.h"

namespace Natter {

SettingsStore::SettingsStore(Database &db, QObject *parent)
    : QObject(parent),
      m_set(db.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (:key, :value) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value "
                                      "WHERE settings.value <> excluded.value"))),
      m_remove(db.prepare(QStringLiteral("DELETE FROM settings WHERE key = :key"))),
      m_get(db.prepare(QStringLiteral("SELECT value FROM settings WHERE key = :key")))
{ }

SettingsStore::~SettingsStore() = default;

QString SettingsStore::draftKey(const QString &flowId)
{
    return QLatin1String("draft/") % flowId;
}

QString SettingsStore::value(const QString &key, const QString &defaultValue) const
{
    m_get.bindValue(QStringLiteral(":key"), key);
    Sql::QueryReset reset(m_get);
    return Sql::exec(m_get) && m_get.next() ? m_get.value(0).toString() : defaultValue;
}

bool SettingsStore::contains(const QString &key) const
{
    m_get.bindValue(QStringLiteral(":key"), key);
    Sql::QueryReset reset(m_get);
    return Sql::exec(m_get) && m_get.next();
}

Error SettingsStore::setValue(const QString &key, const QString &value)
{
    // One statement is its own transaction.
    m_set.bindValue(QStringLiteral(":key"), key);
    m_set.bindValue(QStringLiteral(":value"), Sql::text(value));
    if (!Sql::exec(m_set))
        return Sql::error(m_set, QStringLiteral("cannot store setting"));
    if (m_set.numRowsAffected() > 0)
        Q_EMIT valueChanged(key);
    return {};
}

Error SettingsStore::remove(const QString &key)
{
    m_remove.bindValue(QStringLiteral(":key"), key);
    if (!Sql::exec(m_remove))
        return Sql::error(m_remove, QStringLiteral("cannot remove setting"));
    if (m_remove.numRowsAffected() > 0)
        Q_EMIT valueChanged(key);
    return {};
}

QString SettingsStore::draft(const QString &flowId) const
{
    return value(draftKey(flowId));
}

Error SettingsStore::setDraft(const QString &flowId, const QString &text)
{
    return text.isEmpty() ? remove(draftKey(flowId)) : setValue(draftKey(flowId), text);
}

} // namespace Natter
