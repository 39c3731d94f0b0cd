// SPDX-License-Identifier: GPL-3.0-or-later
#include "contactlistmodel.h"

#include "avatar.h"
#include "session/accountcache.h"

#include <QDateTime>
#include <QSet>

namespace Natter {

ContactListModel::ContactListModel(Contact::Kind kind, QObject *parent)
    : QAbstractListModel(parent), m_kind(kind)
{ }

ContactListModel::~ContactListModel() = default;

void ContactListModel::setCache(AccountCache *cache)
{
    m_link.clear();
    m_cache = cache && cache->isOpen() ? cache : nullptr;
    if (m_cache) {
        m_link.connect(
            &m_cache->contacts(), &ContactStore::contactsChanged, this, [this](Contact::Kind kind) {
                if (kind == m_kind)
                    apply(m_cache->contacts().contacts(m_kind));
            });
        m_link.connect(
            &m_cache->users(), &UserStore::usersChanged, this, &ContactListModel::onUsersChanged);
        m_link.watch(*m_cache, this, [this] { setCache(nullptr); });
    }
    reload();
}

void ContactListModel::setKind(Contact::Kind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    reload();
}

void ContactListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    if (m_cache) {
        for (const Contact &contact : m_cache->contacts().contacts(m_kind))
            m_rows.append({ contact, nameOf(contact) });
    }
    reindex();
    endResetModel();
}

void ContactListModel::apply(const QList<Contact> &contacts)
{
    QSet<QString> wanted;
    for (const Contact &contact : contacts)
        wanted.insert(contact.userId);
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (wanted.contains(m_rows.at(i).contact.userId))
            continue;
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i);
        endRemoveRows();
    }
    reindex();
    // Every row before `i` now matches `contacts`; what is at `i` is moved there or inserted.
    for (int i = 0; i < int(contacts.size()); ++i) {
        const Contact &contact = contacts.at(i);
        const int at = rowOf(contact.userId);
        if (at < 0) {
            beginInsertRows({}, i, i);
            m_rows.insert(i, { contact, nameOf(contact) });
            reindex();
            endInsertRows();
            continue;
        }
        if (at != i) {
            // Rows before `i` are placed, so the row found is further down.
            beginMoveRows({}, at, at, {}, i);
            m_rows.move(at, i);
            reindex();
            endMoveRows();
        }
        Row &row = m_rows[i];
        const QString name = nameOf(contact);
        QList<int> roles;
        if (row.name != name)
            roles << Qt::DisplayRole << NameRole << InitialsRole;
        if (row.contact.note != contact.note)
            roles << NoteRole;
        if (row.contact.kind != contact.kind)
            roles << KindRole;
        if (row.contact.added != contact.added)
            roles << AddedRole;
        if (row.contact.localOnly != contact.localOnly)
            roles << LocalOnlyRole;
        row = { contact, name };
        if (!roles.isEmpty())
            Q_EMIT dataChanged(index(i), index(i), roles);
    }
}

QString ContactListModel::nameOf(const Contact &contact) const
{
    if (!contact.name.isEmpty())
        return contact.name;
    const auto user = m_cache->users().user(contact.userId);
    return user ? user->displayName() : contact.userId;
}

void ContactListModel::reindex()
{
    m_rowById.clear();
    for (int i = 0; i < int(m_rows.size()); ++i)
        m_rowById.insert(m_rows.at(i).contact.userId, i);
}

void ContactListModel::onUsersChanged(const QStringList &ids)
{
    for (const QString &id : ids) {
        const int at = rowOf(id);
        if (at < 0)
            continue;
        Row &row = m_rows[at];
        const QString name = nameOf(row.contact);
        if (name == row.name)
            continue;
        row.name = name;
        Q_EMIT dataChanged(index(at), index(at), { Qt::DisplayRole, NameRole, InitialsRole });
    }
}

int ContactListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ContactListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Contact &contact = row.contact;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case UserIdRole:
        return contact.userId;
    case NoteRole:
        return contact.note;
    case KindRole:
        return int(contact.kind);
    case AddedRole:
        return contact.added > 0 ? QDateTime::fromMSecsSinceEpoch(contact.added) : QDateTime();
    case LocalOnlyRole:
        return contact.localOnly;
    case InitialsRole:
        return initials(row.name, contact.userId);
    case AvatarHueRole:
        return avatarHue(contact.userId);
    default:
        return {};
    }
}

QHash<int, QByteArray> ContactListModel::roleNames() const
{
    return {
        { Qt::DisplayRole, "display" },
        { UserIdRole, "userId" },
        { NameRole, "name" },
        { NoteRole, "note" },
        { KindRole, "kind" },
        { AddedRole, "added" },
        { LocalOnlyRole, "localOnly" },
        { InitialsRole, "initials" },
        { AvatarHueRole, "avatarHue" },
    };
}

} // namespace Natter
