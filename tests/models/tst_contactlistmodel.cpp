// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelfixture.h"
#include "models/contactlistmodel.h"

#include <QAbstractItemModelTester>

using namespace Natter;
using namespace Natter::Test;

namespace {

Contact contact(
    const QString &userId, qint64 added, const QString &note = {}, const QString &name = {})
{
    Contact c;
    c.userId = userId;
    c.added = added;
    c.note = note;
    c.name = name;
    return c;
}

} // namespace

class TestContactListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral(".*"))); }

    void initialLoadAndRoles()
    {
        ModelCache c;
        QVERIFY(c.open());
        QVERIFY(c.cache.users()
                    .upsertUsers({ makeUser(
                        QStringLiteral("u2"), QStringLiteral("bob"), QStringLiteral("Bob Stone")) })
                    .isNone());
        QVERIFY(
            c.cache.contacts()
                .replaceContacts(Contact::Kind::Friend,
                    { contact(QStringLiteral("u1"), 100, QStringLiteral("school"),
                          QStringLiteral("ann")),
                        contact(QStringLiteral("u2"), 300), contact(QStringLiteral("u3"), 200) })
                .isNone());
        QVERIFY(c.cache.contacts()
                    .replaceContacts(Contact::Kind::Incoming, { contact(QStringLiteral("u9"), 50) })
                    .isNone());
        ContactListModel model(Contact::Kind::Friend);
        QAbstractItemModelTester tester(&model);
        model.setCache(&c.cache);
        QCOMPARE(strings(model, ContactListModel::UserIdRole),
            (QStringList { QStringLiteral("u2"), QStringLiteral("u3"), QStringLiteral("u1") }));
        QCOMPARE(strings(model, ContactListModel::NameRole),
            (QStringList {
                QStringLiteral("Bob Stone"), QStringLiteral("u3"), QStringLiteral("ann") }));
        QCOMPARE(
            model.index(0).data(ContactListModel::InitialsRole).toString(), QStringLiteral("BS"));
        QCOMPARE(
            model.index(2).data(ContactListModel::NoteRole).toString(), QStringLiteral("school"));
        QCOMPARE(
            model.index(2).data(ContactListModel::KindRole).toInt(), int(Contact::Kind::Friend));
        QCOMPARE(
            model.index(2).data(ContactListModel::AddedRole).toDateTime().toMSecsSinceEpoch(), 100);
        QVERIFY(!model.index(2).data(ContactListModel::LocalOnlyRole).toBool());
        const int hue = model.index(0).data(ContactListModel::AvatarHueRole).toInt();
        QVERIFY(hue >= 0 && hue < 360);

        model.setKind(Contact::Kind::Incoming);
        QCOMPARE(
            strings(model, ContactListModel::UserIdRole), QStringList { QStringLiteral("u9") });
    }

    void changesAreDiffedNotReset()
    {
        ModelCache c;
        QVERIFY(c.open());
        QVERIFY(c.cache.contacts()
                    .replaceContacts(Contact::Kind::Friend,
                        { contact(QStringLiteral("a"), 400), contact(QStringLiteral("b"), 300),
                            contact(QStringLiteral("c"), 200), contact(QStringLiteral("d"), 100) })
                    .isNone());
        ContactListModel model;
        QAbstractItemModelTester tester(&model);
        model.setCache(&c.cache);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // b goes, e comes (newest), c gets a note, d moves to the top.
        QVERIFY(c.cache.contacts()
                    .replaceContacts(Contact::Kind::Friend,
                        { contact(QStringLiteral("a"), 400),
                            contact(QStringLiteral("c"), 200, QStringLiteral("new note")),
                            contact(QStringLiteral("d"), 900), contact(QStringLiteral("e"), 500) })
                    .isNone());
        QCOMPARE(strings(model, ContactListModel::UserIdRole),
            (QStringList { QStringLiteral("d"), QStringLiteral("e"), QStringLiteral("a"),
                QStringLiteral("c") }));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(model.rowOf(QStringLiteral("c")), 3);
        QCOMPARE(model.rowOf(QStringLiteral("b")), -1);
        QCOMPARE(
            model.index(3).data(ContactListModel::NoteRole).toString(), QStringLiteral("new note"));
        QVERIFY(changedRoles(changed, 3).contains(ContactListModel::NoteRole));
        QVERIFY(changedRoles(changed, 0).contains(ContactListModel::AddedRole));
        QVERIFY(changedRoles(changed, 2).isEmpty()); // a did not change

        // Other kinds do not touch this list; names follow UserStore.
        QVERIFY(c.cache.contacts().setBlocked(QStringLiteral("x"), true, true).isNone());
        QCOMPARE(model.rowCount(), 4);
        changed.clear();
        QVERIFY(c.cache.users()
                    .upsertUsers({ makeUser(
                        QStringLiteral("e"), QStringLiteral("eve"), QStringLiteral("Eve")) })
                    .isNone());
        QCOMPARE(model.index(1).data(ContactListModel::NameRole).toString(), QStringLiteral("Eve"));
        QVERIFY(changedRoles(changed, 1).contains(ContactListModel::NameRole));
        QCOMPARE(reset.size(), 0);
    }

    void blockList()
    {
        ModelCache c;
        QVERIFY(c.open());
        ContactListModel model(Contact::Kind::Blocked);
        QAbstractItemModelTester tester(&model);
        model.setCache(&c.cache);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(c.cache.contacts().setBlocked(QStringLiteral("troll"), true, true).isNone());
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.index(0).data(ContactListModel::LocalOnlyRole).toBool());
        QCOMPARE(
            model.index(0).data(ContactListModel::KindRole).toInt(), int(Contact::Kind::Blocked));
        QVERIFY(c.cache.contacts().setBlocked(QStringLiteral("troll"), false).isNone());
        QCOMPARE(model.rowCount(), 0);
        c.cache.close();
        QVERIFY(!model.cache());
    }
};

QTEST_GUILESS_MAIN(TestContactListModel)
#include "tst_contactlistmodel.moc"
