// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/userstore.h"
#include "testcache.h"

#include <QSignalSpy>

using namespace Natter;
using Natter::Test::makeUser;
using Natter::Test::TempCache;

class TestUserStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral(".*"))); }

    void upsertMergesPartialProfiles()
    {
        TempCache cache;
        QVERIFY(cache.open());
        UserStore store(cache.db);
        QSignalSpy changed(&store, &UserStore::usersChanged);
        User full = makeUser(QStringLiteral("1"), QStringLiteral("ann"), QStringLiteral("Ann"));
        full.email = QStringLiteral("ann@example.org");
        full.bio = QStringLiteral("hi");
        full.avatar = QByteArray(3000, 'A');
        full.isBot = false;
        QVERIFY(store.upsertUsers({ full, makeUser(QStringLiteral("2"), QStringLiteral("bob")) })
                    .isNone());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toStringList(),
            (QStringList { QStringLiteral("1"), QStringLiteral("2") }));
        QCOMPARE(store.user(QStringLiteral("1")).value(), full);
        QVERIFY(cache.db.media().contains(MediaStore::hashOf(full.avatar)));

        // A message sender seen with a name only: nothing else is lost, nothing signalled.
        QVERIFY(
            store.upsertUsers({ makeUser(QStringLiteral("1"), QString(), QStringLiteral("Ann")) })
                .isNone());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(store.user(QStringLiteral("1")).value(), full);

        QVERIFY(
            store
                .upsertUsers({ makeUser(QStringLiteral("1"), QString(), QStringLiteral("Ann B.")) })
                .isNone());
        QCOMPARE(changed.size(), 2);
        QCOMPARE(store.user(QStringLiteral("1"))->name, QStringLiteral("Ann B."));
        QCOMPARE(store.user(QStringLiteral("1"))->avatar, full.avatar);
        QVERIFY(!store.user(QStringLiteral("3")));
    }

    void ownUser()
    {
        TempCache cache;
        QVERIFY(cache.open());
        UserStore store(cache.db);
        QVERIFY(store.ownUserId().isEmpty());
        QCOMPARE(store.ownUser(), User());
        QSignalSpy own(&store, &UserStore::ownUserChanged);
        // mode servers never say our id: known by login only.
        QVERIFY(store.setOwnUser(makeUser(QString(), QStringLiteral("me"))).isNone());
        QCOMPARE(store.ownUser().login, QStringLiteral("me"));
        QCOMPARE(own.size(), 1);
        const User me = makeUser(QStringLiteral("42"), QStringLiteral("me"), QStringLiteral("Me"));
        QVERIFY(store.setOwnUser(me).isNone());
        QCOMPARE(store.ownUserId(), QStringLiteral("42"));
        QCOMPARE(store.ownUser(), me);
        QCOMPARE(store.user(QStringLiteral("42")).value(), me);
        QCOMPARE(own.size(), 2);
        QVERIFY(store.setOwnUser(me).isNone());
        QCOMPARE(own.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestUserStore)
#include "tst_userstore.moc"
