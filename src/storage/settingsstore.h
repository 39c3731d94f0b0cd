// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QObject>
#include <QSqlQuery>

namespace Natter {

class Database;

/// Small per-account key-value state that belongs with the cache: drafts, UI positions.
/// Not for secrets (SecretStore) nor for app-wide preferences (QSettings).
class SettingsStore : public QObject
{
    Q_OBJECT
public:
    explicit SettingsStore(Database &db, QObject *parent = nullptr);
    ~SettingsStore() override;

    QString value(const QString &key, const QString &defaultValue = {}) const;
    bool contains(const QString &key) const;
    Error setValue(const QString &key, const QString &value);
    Error remove(const QString &key);

    /// The unsent text typed in a flow, empty when none.
    QString draft(const QString &flowId) const;
    /// Stores the draft; an empty text removes it.
    Error setDraft(const QString &flowId, const QString &text);
    /// The key a flow's draft is kept under.
    static QString draftKey(const QString &flowId);

Q_SIGNALS:
    void valueChanged(const QString &key);

private:
    QSqlQuery m_set;
    QSqlQuery m_remove;
    mutable QSqlQuery m_get;
};

} // namespace Natter
