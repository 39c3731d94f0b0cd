// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cachelink.h"
#include "core/contact.h"

#include <QAbstractListModel>
#include <QHash>

namespace Natter {

/// One kind of contact (friends, incoming or outgoing requests, the block list) as ContactStore
/// lists it, most recently added first. On contactsChanged the stored list is diffed against
/// the rows: rows are removed, moved, inserted and changed one by one, never reset.
class ContactListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        UserIdRole = Qt::UserRole + 1,
        NameRole, ///< QString: the contact's name, else UserStore's display name, else the id
        NoteRole, ///< QString
        KindRole, ///< int of Contact::Kind
        AddedRole, ///< QDateTime (local), invalid when unknown
        LocalOnlyRole, ///< bool: known to this device only
        InitialsRole, ///< QString: up to two letters for a placeholder avatar
        AvatarHueRole, ///< int 0..359, stable per user id
    };
    Q_ENUM(Roles)

    explicit ContactListModel(
        Contact::Kind kind = Contact::Kind::Friend, QObject *parent = nullptr);
    ~ContactListModel() override;

    /// Lists contacts of `cache` (nullptr: none). The cache must outlive the model or be closed
    /// first; a closing cache empties the model.
    void setCache(AccountCache *cache);
    AccountCache *cache() const { return m_cache; }

    Contact::Kind kind() const { return m_kind; }
    /// Lists another kind (a reset: it is another list).
    void setKind(Contact::Kind kind);

    /// The row of a user, -1 when not listed.
    int rowOf(const QString &userId) const { return m_rowById.value(userId, -1); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        Contact contact;
        QString name;
    };

    void reload();
    /// Brings the rows to `contacts` with the fewest row signals this simple diff finds.
    void apply(const QList<Contact> &contacts);
    QString nameOf(const Contact &contact) const;
    void reindex();
    void onUsersChanged(const QStringList &ids);

    Contact::Kind m_kind;
    AccountCache *m_cache = nullptr;
    CacheLink m_link;
    QList<Row> m_rows;
    QHash<QString, int> m_rowById;
};

} // namespace Natter
