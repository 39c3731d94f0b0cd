// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelfixture.h"
#include "models/flowlistmodel.h"

#include <QAbstractItemModelTester>

using namespace Natter;
using namespace Natter::Test;

namespace {

const qint64 s_base = at(1, 9, 0);

/// Three flows: "a" (newest message), "b" (older message), "c" (no message, oldest update).
bool seed(AccountCache &cache)
{
    return cache.flows()
               .upsertFlows({ makeFlow(QStringLiteral("a"), QStringLiteral("Alpha team"), s_base),
                   makeFlow(QStringLiteral("b"), QStringLiteral("bravo"), s_base),
                   makeFlow(QStringLiteral("c"), QStringLiteral("Charlie"), s_base - 5000,
                       Flow::Type::Chat, { QStringLiteral("me"), QStringLiteral("u3") }) })
               .isNone()
        && cache.messages()
               .insertOrUpdateMessages({ serverMessage(QStringLiteral("b"), QStringLiteral("b1"),
                                             s_base + 1000, QStringLiteral("hello from b")),
                   serverMessage(QStringLiteral("a"), QStringLiteral("a1"), s_base + 2000,
                       QStringLiteral("first in a")),
                   serverMessage(QStringLiteral("a"), QStringLiteral("a2"), s_base + 3000,
                       QStringLiteral("second in a"), QStringLiteral("u4")) })
               .isNone();
}

} // namespace

/// The seeded cache and a tested flow list over it.
struct SeededList
{
    ModelCache c;
    FlowListModel model;
    QAbstractItemModelTester tester { &model };

    bool open()
    {
        if (!c.open() || !seed(c.cache))
            return false;
        model.setCache(&c.cache);
        return true;
    }
};

class TestFlowListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral(".*"))); }

    void initialLoad()
    {
        SeededList f;
        QVERIFY(f.open());
        auto &c = f.c;
        auto &model = f.model;
        QCOMPARE(strings(model, FlowListModel::FlowIdRole),
            (QStringList { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }));
        const QModelIndex a = model.index(0);
        QCOMPARE(a.data(Qt::DisplayRole).toString(), QStringLiteral("Alpha team"));
        QCOMPARE(a.data(FlowListModel::TypeRole).toInt(), int(Flow::Type::Group));
        QCOMPARE(
            a.data(FlowListModel::LastMessageTextRole).toString(), QStringLiteral("second in a"));
        QCOMPARE(
            a.data(FlowListModel::LastMessageAuthorRole).toString(), QStringLiteral("User u4"));
        QCOMPARE(a.data(FlowListModel::LastMessageTimeRole).toDateTime().toMSecsSinceEpoch(),
            s_base + 3000);
        QCOMPARE(a.data(FlowListModel::UnreadCountRole).toInt(), 2);
        QCOMPARE(a.data(FlowListModel::InitialsRole).toString(), QStringLiteral("AT"));
        QCOMPARE(model.index(1).data(FlowListModel::InitialsRole).toString(), QStringLiteral("B"));
        const int hue = a.data(FlowListModel::AvatarHueRole).toInt();
        QVERIFY(hue >= 0 && hue < 360);
        QVERIFY(model.index(0).data(FlowListModel::AvatarHueRole)
            != model.index(1).data(FlowListModel::AvatarHueRole));
        const QModelIndex c3 = model.index(2);
        QVERIFY(!c3.data(FlowListModel::LastMessageTimeRole).toDateTime().isValid());
        QCOMPARE(c3.data(FlowListModel::UnreadCountRole).toInt(), 0);
        QVERIFY(!c3.data(FlowListModel::BlockedRole).toBool());
        QVERIFY(!c3.data(FlowListModel::MutedRole).toBool());
        QCOMPARE(
            model.roleNames().value(FlowListModel::UnreadCountRole), QByteArray("unreadCount"));
        QCOMPARE(model.rowOf(QStringLiteral("c")), 2);
    }

    void messageInAnOlderFlowMovesItToTheTop()
    {
        SeededList f;
        QVERIFY(f.open());
        auto &c = f.c;
        auto &model = f.model;
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(c.cache.messages()
                    .insertOrUpdateMessages({ serverMessage(QStringLiteral("c"),
                        QStringLiteral("c1"), s_base + 9000, QStringLiteral("wake up")) })
                    .isNone());
        QCOMPARE(strings(model, FlowListModel::FlowIdRole),
            (QStringList { QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("b") }));
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.at(0).at(1).toInt(), 2);
        QCOMPARE(moved.at(0).at(4).toInt(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(reset.size(), 0);
        const QModelIndex top = model.index(0);
        QCOMPARE(
            top.data(FlowListModel::LastMessageTextRole).toString(), QStringLiteral("wake up"));
        QCOMPARE(top.data(FlowListModel::UnreadCountRole).toInt(), 1);
        QCOMPARE(model.rowOf(QStringLiteral("c")), 0);
        QCOMPARE(model.rowOf(QStringLiteral("b")), 2);
        const QList<int> roles = changedRoles(changed, 2); // emitted before the move
        QVERIFY(roles.contains(FlowListModel::LastMessageTextRole));
        QVERIFY(roles.contains(FlowListModel::UnreadCountRole));

        // Reading it: only the unread count changes, the order stays.
        changed.clear();
        QVERIFY(c.cache.flows().markRead(QStringLiteral("c"), s_base + 9000).isNone());
        QCOMPARE(top.data(FlowListModel::UnreadCountRole).toInt(), 0);
        QCOMPARE(changedRoles(changed, 0), QList<int> { FlowListModel::UnreadCountRole });
        QCOMPARE(moved.size(), 1);

        // Our own send moves "b" up and counts as read.
        const auto echo = c.cache.outbox().enqueue(QStringLiteral("b"), QStringLiteral("mine"));
        QVERIFY(echo);
        QCOMPARE(model.rowOf(QStringLiteral("b")), 0);
        QCOMPARE(model.index(0).data(FlowListModel::LastMessageAuthorRole).toString(),
            QStringLiteral("Me Myself"));
        QVERIFY(model.index(0).data(FlowListModel::LastMessageIsOwnRole).toBool());
        QVERIFY(!model.index(1).data(FlowListModel::LastMessageIsOwnRole).toBool());
        QCOMPARE(model.index(0).data(FlowListModel::UnreadCountRole).toInt(), 1);
    }

    void flowsInsertedUpdatedRemoved()
    {
        SeededList f;
        QVERIFY(f.open());
        auto &c = f.c;
        auto &model = f.model;
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        QVERIFY(c.cache.flows()
                    .upsertFlows(
                        { makeFlow(QStringLiteral("d"), QStringLiteral("Delta"), s_base + 1500) })
                    .isNone());
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(strings(model, FlowListModel::FlowIdRole),
            (QStringList { QStringLiteral("a"), QStringLiteral("d"), QStringLiteral("b"),
                QStringLiteral("c") }));

        QVERIFY(
            c.cache.flows()
                .upsertFlows({ makeFlow(QStringLiteral("b"), QStringLiteral("Bravo!"), s_base) })
                .isNone());
        QCOMPARE(
            model.index(2).data(FlowListModel::TitleRole).toString(), QStringLiteral("Bravo!"));
        const QList<int> roles = changedRoles(changed, 2);
        QVERIFY(roles.contains(FlowListModel::TitleRole));
        QVERIFY(!roles.contains(FlowListModel::UnreadCountRole));

        QVERIFY(c.cache.flows().removeFlow(QStringLiteral("a")).isNone());
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(model.rowOf(QStringLiteral("a")), -1);
        QCOMPARE(model.rowOf(QStringLiteral("c")), 2);

        // A message in a flow never announced brings the bare flow the store made for it.
        QVERIFY(c.cache.messages()
                    .insertOrUpdateMessages({ serverMessage(QStringLiteral("e"),
                        QStringLiteral("e1"), s_base + 99000, QStringLiteral("surprise")) })
                    .isNone());
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("e")), 0);
        QCOMPARE(model.index(0).data(FlowListModel::InitialsRole).toString(), QStringLiteral("E"));
    }

    void blockedAndMuted()
    {
        SeededList f;
        QVERIFY(f.open());
        auto &c = f.c;
        auto &model = f.model;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(c.cache.contacts().setBlocked(QStringLiteral("u3"), true).isNone());
        QVERIFY(model.index(2).data(FlowListModel::BlockedRole).toBool());
        QVERIFY(!model.index(0).data(FlowListModel::BlockedRole).toBool());
        QCOMPARE(changedRoles(changed, 2), QList<int> { FlowListModel::BlockedRole });
        QVERIFY(c.cache.contacts().setBlocked(QStringLiteral("u3"), false).isNone());
        QVERIFY(!model.index(2).data(FlowListModel::BlockedRole).toBool());

        changed.clear();
        QVERIFY(c.cache.settings()
                    .setValue(FlowListModel::mutedKey(QStringLiteral("b")), QStringLiteral("1"))
                    .isNone());
        QVERIFY(model.index(1).data(FlowListModel::MutedRole).toBool());
        QCOMPARE(changedRoles(changed, 1), QList<int> { FlowListModel::MutedRole });
        QVERIFY(c.cache.settings().remove(FlowListModel::mutedKey(QStringLiteral("b"))).isNone());
        QVERIFY(!model.index(1).data(FlowListModel::MutedRole).toBool());
    }

    void authorNamesFollowUsers()
    {
        ModelCache c;
        QVERIFY(c.open());
        QVERIFY(seed(c.cache));
        Message m = serverMessage(
            QStringLiteral("b"), QStringLiteral("b2"), s_base + 1500, QStringLiteral("anon"));
        m.fromId = QStringLiteral("u9");
        m.fromName.clear();
        QVERIFY(c.cache.messages().insertOrUpdateMessages({ m }).isNone());
        FlowListModel model;
        QAbstractItemModelTester tester(&model);
        model.setCache(&c.cache);
        QCOMPARE(model.index(1).data(FlowListModel::LastMessageAuthorRole).toString(),
            QStringLiteral("u9"));
        QVERIFY(c.cache.users()
                    .upsertUsers({ makeUser(
                        QStringLiteral("u9"), QStringLiteral("nine"), QStringLiteral("Nina")) })
                    .isNone());
        QCOMPARE(model.index(1).data(FlowListModel::LastMessageAuthorRole).toString(),
            QStringLiteral("Nina"));
    }

    void cacheChangesAndCloses()
    {
        ModelCache c;
        QVERIFY(c.open());
        QVERIFY(seed(c.cache));
        ModelCache other;
        QVERIFY(other.open());
        FlowListModel model;
        QAbstractItemModelTester tester(&model);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setCache(&c.cache);
        QCOMPARE(model.rowCount(), 3);
        model.setCache(&other.cache);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(c.cache.flows()
                    .upsertFlows({ makeFlow(QStringLiteral("z"), QStringLiteral("Z"), s_base) })
                    .isNone());
        QCOMPARE(model.rowCount(), 0); // the old cache is no longer followed
        model.setCache(&c.cache);
        QCOMPARE(model.rowCount(), 4);
        c.cache.close();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.cache());
        QCOMPARE(reset.size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestFlowListModel)
#include "tst_flowlistmodel.moc"
