// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/contact.h"
#include "core/result.h"

#include <QObject>
#include <QSqlQuery>

namespace Natter {

class Database;

/// Friends, friend requests both ways, and the block list.
class ContactStore : public QObject
{
    Q_OBJECT
public:
    explicit ContactStore(Database &db, QObject *parent = nullptr);
    ~ContactStore() override;

    /// Makes the server's list of one kind the stored one: server entries missing from
    /// `contacts` are removed, local-only entries are kept unless the list names them.
    /// An `added` of 0 keeps the stored time (or takes now for a new entry).
    Error replaceContacts(Contact::Kind kind, const QList<Contact> &contacts);
    /// Blocks or unblocks a user; `localOnly` marks a block the server does not know.
    Error setBlocked(const QString &userId, bool blocked, bool localOnly = false);
    /// Adds or updates one contact known to this device only (friends on a backend that keeps
    /// none on the server). The stored date is kept when the contact exists.
    Error saveLocal(Contact contact);
    /// Removes one contact of `kind`; no error when there was none.
    Error removeContact(Contact::Kind kind, const QString &userId);
    bool isBlocked(const QString &userId) const;
    QStringList blockedUserIds() const;
    /// One kind, most recently added first.
    QList<Contact> contacts(Contact::Kind kind) const;

Q_SIGNALS:
    void contactsChanged(Natter::Contact::Kind kind);

private:
    /// Inserts or updates; true when anything changed.
    Result<bool> write(const Contact &contact);

    Database &m_db;
    QSqlQuery m_upsert;
    QSqlQuery m_delete;
    mutable QSqlQuery m_list;
    mutable QSqlQuery m_isBlocked;
};

} // namespace Natter
