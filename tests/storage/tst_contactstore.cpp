// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/contactstore.h"
#include "testcache.h"

#include <QSignalSpy>

using namespace Natter;
using Natter::Test::TempCache;

namespace {

Contact contact(const QString &userId, qint64 added = 0, const QString &note = {})
{
    Contact c;
    c.userId = userId;
    c.added = added;
    c.note = note;
    return c;
}

QStringList userIds(const QList<Contact> &contacts)
{
    QStringList ids;
    for (const Contact &c : contacts)
        ids.append(c.userId);
    ids.sort();
    return ids;
}

} // namespace

class TestContactStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral(".*"))); }

    void replaceListPerKind()
    {
        TempCache cache;
        QVERIFY(cache.open());
        ContactStore store(cache.db);
        QSignalSpy changed(&store, &ContactStore::contactsChanged);
        QVERIFY(store
                    .replaceContacts(Contact::Kind::Friend,
                        { contact(QStringLiteral("a"), 10, QStringLiteral("school")),
                            contact(QStringLiteral("b"), 20) })
                    .isNone());
        QVERIFY(store
                    .replaceContacts(Contact::Kind::Incoming,
                        { contact(QStringLiteral("c"), 30, QStringLiteral("hi, add me")) })
                    .isNone());
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).first().value<Contact::Kind>(), Contact::Kind::Friend);
        const QList<Contact> friends = store.contacts(Contact::Kind::Friend);
        QCOMPARE(userIds(friends), (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
        QCOMPARE(friends.first().userId, QStringLiteral("b")); // most recent first
        QCOMPARE(friends.last().note, QStringLiteral("school"));
        QCOMPARE(friends.last().kind, Contact::Kind::Friend);
        QCOMPARE(
            store.contacts(Contact::Kind::Incoming).first().note, QStringLiteral("hi, add me"));
        QVERIFY(store.contacts(Contact::Kind::Outgoing).isEmpty());

        // The same list again changes nothing.
        QVERIFY(store
                    .replaceContacts(Contact::Kind::Friend,
                        { contact(QStringLiteral("a"), 10, QStringLiteral("school")),
                            contact(QStringLiteral("b"), 20) })
                    .isNone());
        QCOMPARE(changed.size(), 2);

        // b left, d arrived; a's note changed; an unknown date keeps the stored one.
        QVERIFY(store
                    .replaceContacts(Contact::Kind::Friend,
                        { contact(QStringLiteral("a"), 0, QStringLiteral("work")),
                            contact(QStringLiteral("d"), 40) })
                    .isNone());
        QCOMPARE(changed.size(), 3);
        const QList<Contact> after = store.contacts(Contact::Kind::Friend);
        QCOMPARE(userIds(after), (QStringList { QStringLiteral("a"), QStringLiteral("d") }));
        QCOMPARE(after.last().note, QStringLiteral("work"));
        QCOMPARE(after.last().added, 10);
        QCOMPARE(
            userIds(store.contacts(Contact::Kind::Incoming)), QStringList { QStringLiteral("c") });
    }

    void roundTrip()
    {
        TempCache cache;
        QVERIFY(cache.open());
        ContactStore store(cache.db);
        Contact c = contact(QStringLiteral("7"), 1234, QStringLiteral("met at the conference"));
        c.kind = Contact::Kind::Outgoing;
        c.name = QStringLiteral("Ёлка");
        c.photoRef = QStringLiteral("media-key-1");
        QVERIFY(store.replaceContacts(Contact::Kind::Outgoing, { c }).isNone());
        QCOMPARE(store.contacts(Contact::Kind::Outgoing), QList<Contact> { c });
        QSignalSpy changed(&store, &ContactStore::contactsChanged);
        c.photoRef = QStringLiteral("media-key-2");
        QVERIFY(store.replaceContacts(Contact::Kind::Outgoing, { c }).isNone());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(store.contacts(Contact::Kind::Outgoing).first().photoRef, c.photoRef);
    }

    void blocking()
    {
        TempCache cache;
        QVERIFY(cache.open());
        ContactStore store(cache.db);
        QSignalSpy changed(&store, &ContactStore::contactsChanged);
        QVERIFY(!store.isBlocked(QStringLiteral("troll")));
        QVERIFY(store.setBlocked(QStringLiteral("troll"), true, true).isNone());
        QVERIFY(store.isBlocked(QStringLiteral("troll")));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().value<Contact::Kind>(), Contact::Kind::Blocked);
        const Contact blocked = store.contacts(Contact::Kind::Blocked).first();
        QVERIFY(blocked.localOnly);
        QVERIFY(blocked.added > 0);
        QVERIFY(store.setBlocked(QStringLiteral("troll"), true, true).isNone()); // already
        QCOMPARE(changed.size(), 1);

        // The server's block list does not know the local block: it stays.
        QVERIFY(
            store.replaceContacts(Contact::Kind::Blocked, { contact(QStringLiteral("spam"), 5) })
                .isNone());
        QCOMPARE(store.blockedUserIds().size(), 2);
        QVERIFY(store.isBlocked(QStringLiteral("troll")));
        QVERIFY(store.isBlocked(QStringLiteral("spam")));
        QVERIFY(store.replaceContacts(Contact::Kind::Blocked, {}).isNone());
        QCOMPARE(store.blockedUserIds(), QStringList { QStringLiteral("troll") });

        QVERIFY(store.setBlocked(QStringLiteral("troll"), false).isNone());
        QVERIFY(!store.isBlocked(QStringLiteral("troll")));
        QVERIFY(store.blockedUserIds().isEmpty());
        QCOMPARE(store.setBlocked(QString(), true).code, Error::Code::InvalidArgument);
    }

    void kindsAreIndependent()
    {
        TempCache cache;
        QVERIFY(cache.open());
        ContactStore store(cache.db);
        QVERIFY(store.replaceContacts(Contact::Kind::Friend, { contact(QStringLiteral("x"), 1) })
                    .isNone());
        QVERIFY(store.setBlocked(QStringLiteral("x"), true).isNone());
        QVERIFY(store.replaceContacts(Contact::Kind::Friend, {}).isNone());
        QVERIFY(store.isBlocked(QStringLiteral("x")));
        QVERIFY(store.contacts(Contact::Kind::Friend).isEmpty());
        QVERIFY(!store.contacts(Contact::Kind::Blocked).first().localOnly);
    }
};

QTEST_GUILESS_MAIN(TestContactStore)
#include "tst_contactstore.moc"
