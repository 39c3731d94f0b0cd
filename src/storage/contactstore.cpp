// SPDX-License-Identifier: GPL-3.0-or-later
#include "contactstore.h"

#include "core/result.h"
#include "database.h"
#include "sql.h"
#include "transaction.h"

#include <QDateTime>
#include <QHash>

namespace Natter {

ContactStore::ContactStore(Database &db, QObject *parent)
    : QObject(parent),
      m_db(db),
      m_upsert(db.prepare(QStringLiteral(
          "INSERT INTO contacts (user_id, kind, note, added, local_only, name, photo_ref) "
          "VALUES (:user_id, :kind, :note, :added, :local_only, :name, :photo_ref) "
          "ON CONFLICT (kind, user_id) DO UPDATE SET note = excluded.note, "
          "added = excluded.added, local_only = excluded.local_only, name = excluded.name, "
          "photo_ref = excluded.photo_ref "
          "WHERE contacts.note <> excluded.note OR contacts.added <> excluded.added "
          "OR contacts.local_only <> excluded.local_only OR contacts.name <> excluded.name "
          "OR contacts.photo_ref <> excluded.photo_ref"))),
      m_delete(db.prepare(
          QStringLiteral("DELETE FROM contacts WHERE kind = :kind AND user_id = :user_id"))),
      m_list(db.prepare(QStringLiteral(
          "SELECT user_id, kind, note, added, local_only, name, photo_ref FROM contacts "
          "WHERE kind = :kind "
          "ORDER BY added DESC, user_id"))),
      m_isBlocked(db.prepare(
          QStringLiteral("SELECT 1 FROM contacts WHERE kind = 3 AND user_id = :user_id")))
{ }

ContactStore::~ContactStore() = default;

Result<bool> ContactStore::write(const Contact &contact)
{
    m_upsert.bindValue(QStringLiteral(":user_id"), contact.userId);
    m_upsert.bindValue(QStringLiteral(":kind"), static_cast<int>(contact.kind));
    m_upsert.bindValue(QStringLiteral(":note"), Sql::text(contact.note));
    m_upsert.bindValue(QStringLiteral(":added"), contact.added);
    m_upsert.bindValue(QStringLiteral(":local_only"), contact.localOnly);
    m_upsert.bindValue(QStringLiteral(":name"), Sql::text(contact.name));
    m_upsert.bindValue(QStringLiteral(":photo_ref"), Sql::text(contact.photoRef));
    if (!Sql::exec(m_upsert))
        return Sql::error(m_upsert, QStringLiteral("cannot store contact"));
    return m_upsert.numRowsAffected() > 0;
}

Error ContactStore::replaceContacts(Contact::Kind kind, const QList<Contact> &contacts)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool changed = false;
    {
        Transaction tx(m_db.connection());
        if (!tx.isActive())
            return tx.error();
        QHash<QString, Contact> stored;
        for (const Contact &c : this->contacts(kind))
            stored.insert(c.userId, c);
        QSet<QString> listed;
        for (Contact contact : contacts) {
            if (contact.userId.isEmpty() || listed.contains(contact.userId))
                continue;
            listed.insert(contact.userId);
            contact.kind = kind;
            contact.localOnly = false; // the server knows it now
            if (contact.added == 0)
                contact.added
                    = stored.contains(contact.userId) ? stored[contact.userId].added : now;
            Result<bool> written = write(contact);
            if (!written)
                return written.error();
            changed = changed || written.value();
        }
        for (const Contact &old : std::as_const(stored)) {
            if (old.localOnly || listed.contains(old.userId))
                continue;
            m_delete.bindValue(QStringLiteral(":kind"), static_cast<int>(kind));
            m_delete.bindValue(QStringLiteral(":user_id"), old.userId);
            if (!Sql::exec(m_delete))
                return Sql::error(m_delete, QStringLiteral("cannot remove contact"));
            changed = true;
        }
        if (Error error = tx.commit(); !error.isNone())
            return error;
    }
    if (changed)
        Q_EMIT contactsChanged(kind);
    return {};
}

Error ContactStore::setBlocked(const QString &userId, bool blocked, bool localOnly)
{
    if (userId.isEmpty())
        return Error::make(Error::Code::InvalidArgument, QStringLiteral("block without a user"));
    bool changed = false;
    if (blocked) {
        Contact contact;
        contact.userId = userId;
        contact.kind = Contact::Kind::Blocked;
        contact.added = QDateTime::currentMSecsSinceEpoch();
        for (const Contact &old : contacts(Contact::Kind::Blocked)) {
            if (old.userId == userId)
                contact = old; // keep note, date, name; only the origin may change
        }
        contact.localOnly = localOnly;
        Result<bool> written = write(contact); // one statement: its own transaction
        if (!written)
            return written.error();
        changed = written.value();
    } else {
        m_delete.bindValue(QStringLiteral(":kind"), static_cast<int>(Contact::Kind::Blocked));
        m_delete.bindValue(QStringLiteral(":user_id"), userId);
        if (!Sql::exec(m_delete))
            return Sql::error(m_delete, QStringLiteral("cannot unblock"));
        changed = m_delete.numRowsAffected() > 0;
    }
    if (changed)
        Q_EMIT contactsChanged(Contact::Kind::Blocked);
    return {};
}

Error ContactStore::saveLocal(Contact contact)
{
    if (contact.userId.isEmpty())
        return Error::make(Error::Code::InvalidArgument, QStringLiteral("contact without a user"));
    contact.localOnly = true;
    contact.added = QDateTime::currentMSecsSinceEpoch();
    for (const Contact &old : contacts(contact.kind)) {
        if (old.userId == contact.userId) {
            contact.added = old.added;
            if (contact.name.isEmpty())
                contact.name = old.name;
        }
    }
    Result<bool> written = write(contact);
    if (!written)
        return written.error();
    if (written.value())
        Q_EMIT contactsChanged(contact.kind);
    return {};
}

Error ContactStore::removeContact(Contact::Kind kind, const QString &userId)
{
    m_delete.bindValue(QStringLiteral(":kind"), static_cast<int>(kind));
    m_delete.bindValue(QStringLiteral(":user_id"), userId);
    if (!Sql::exec(m_delete))
        return Sql::error(m_delete, QStringLiteral("cannot remove contact"));
    if (m_delete.numRowsAffected() > 0)
        Q_EMIT contactsChanged(kind);
    return {};
}

bool ContactStore::isBlocked(const QString &userId) const
{
    m_isBlocked.bindValue(QStringLiteral(":user_id"), userId);
    Sql::QueryReset reset(m_isBlocked);
    return Sql::exec(m_isBlocked) && m_isBlocked.next();
}

QStringList ContactStore::blockedUserIds() const
{
    QStringList ids;
    for (const Contact &c : contacts(Contact::Kind::Blocked))
        ids.append(c.userId);
    return ids;
}

QList<Contact> ContactStore::contacts(Contact::Kind kind) const
{
    m_list.bindValue(QStringLiteral(":kind"), static_cast<int>(kind));
    Sql::QueryReset reset(m_list);
    QList<Contact> list;
    if (!Sql::exec(m_list))
        return list;
    while (m_list.next()) {
        Contact c;
        c.userId = m_list.value(0).toString();
        c.kind = static_cast<Contact::Kind>(m_list.value(1).toInt());
        c.note = m_list.value(2).toString();
        c.added = m_list.value(3).toLongLong();
        c.localOnly = m_list.value(4).toBool();
        c.name = m_list.value(5).toString();
        c.photoRef = m_list.value(6).toString();
        list.append(c);
    }
    return list;
}

} // namespace Natter
