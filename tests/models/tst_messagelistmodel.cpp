// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelfixture.h"
#include "models/messagelistmodel.h"

#include <QAbstractItemModelTester>
#include <QFileInfo>

using namespace Natter;
using namespace Natter::Test;

namespace {

const QString s_flow = QStringLiteral("f1");
const qint64 s_start = at(1, 9, 0);

/// `count` messages "m0".."m<count-1>" by u2, one second apart.
bool seed(AccountCache &cache, int count, const QString &flowId = s_flow)
{
    QList<Message> messages;
    for (int i = 0; i < count; ++i)
        messages.append(serverMessage(flowId, QStringLiteral("s%1").arg(i), s_start + i * 1000,
            QStringLiteral("m%1").arg(i)));
    return cache.messages().insertOrUpdateMessages(messages).isNone();
}

QStringList texts(int from, int to)
{
    QStringList list;
    for (int i = from; i < to; ++i)
        list.append(QStringLiteral("m%1").arg(i));
    return list;
}

} // namespace

/// A cache seeded with `count` messages in s_flow, and a tested model showing that flow.
struct OpenedFlow
{
    ModelCache c;
    MessageListModel model;
    QAbstractItemModelTester tester { &model };

    bool open(int count)
    {
        if (!c.open() || !seed(c.cache, count))
            return false;
        model.setCache(&c.cache);
        model.setFlow(s_flow);
        return true;
    }
};

class TestMessageListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral(".*"))); }

    void opensWithTheNewestPage()
    {
        OpenedFlow f;
        QVERIFY(f.open(1000));
        auto &c = f.c;
        auto &model = f.model;
        QCOMPARE(model.rowCount(), MessageListModel::PageSize);
        QCOMPARE(strings(model, MessageListModel::TextRole), texts(950, 1000));
        QCOMPARE(model.rowOf(QStringLiteral("s999")), 49);
        QCOMPARE(model.rowOf(QStringLiteral("s949")), -1);
        QVERIFY(model.canFetchMore({}));
        QVERIFY(!model.historyExhausted());
        const QModelIndex last = model.index(49);
        QCOMPARE(last.data(MessageListModel::MessageKeyRole).toString(), QStringLiteral("s999"));
        QCOMPARE(last.data(MessageListModel::ServerIdRole).toString(), QStringLiteral("s999"));
        QCOMPARE(last.data(MessageListModel::FromIdRole).toString(), QStringLiteral("u2"));
        QCOMPARE(last.data(MessageListModel::FromNameRole).toString(), QStringLiteral("User u2"));
        QCOMPARE(last.data(MessageListModel::TimeRole).toDateTime().toMSecsSinceEpoch(),
            s_start + 999 * 1000);
        QCOMPARE(last.data(MessageListModel::IsOwnRole).toBool(), false);
        QCOMPARE(last.data(MessageListModel::DeliveryStateRole).toInt(), int(DeliveryState::Sent));
        QCOMPARE(last.data(Qt::DisplayRole).toString(), QStringLiteral("m999"));
        QVERIFY(model.roleNames().contains(MessageListModel::ShowAuthorRole));

        model.setFlow(QStringLiteral("other"));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.historyExhausted());
    }

    void pagingUpLetsGoOfTheNewestAndPagingDownBringsThemBack()
    {
        OpenedFlow f;
        QVERIFY(f.open(1000));
        auto &model = f.model;
        model.setWindowSize(200);
        QCOMPARE(model.windowSize(), 200);
        QVERIFY(model.isAtNewest());
        QVERIFY(!model.canFetchNewer());

        // Up to the start: never more than the window loaded, always a contiguous run.
        int pages = 0;
        while (model.canFetchMore({}) && pages++ < 100) {
            model.fetchMore({});
            QVERIFY(model.rowCount() <= 200);
        }
        QVERIFY(model.historyExhausted());
        QVERIFY(!model.isAtNewest());
        QVERIFY(model.canFetchNewer());
        QCOMPARE(strings(model, MessageListModel::TextRole), texts(0, 200));

        // Down again: the oldest go, the newest come back in order, ending at the newest.
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        pages = 0;
        while (model.canFetchNewer() && pages++ < 100) {
            model.fetchNewer();
            QVERIFY(model.rowCount() <= 200);
        }
        QVERIFY(model.isAtNewest());
        QVERIFY(removed.size() > 0);
        QCOMPARE(removed.first().at(1).toInt(), 0); // from the top
        QCOMPARE(strings(model, MessageListModel::TextRole), texts(800, 1000));
        QVERIFY(!model.historyExhausted());
        QCOMPARE(model.rowOf(QStringLiteral("s999")), 199);
        // Each new first row lost the row above it: views must re-ask for its pill and author.
        QVERIFY(changedRoles(changed, 0).contains(MessageListModel::ShowAuthorRole));
        QVERIFY(changedRoles(changed, 0).contains(MessageListModel::DateSeparatorRole));

        // And up again from there: the oldest page was let go of, so it is read again.
        model.fetchMore({});
        QCOMPARE(
            model.index(0).data(MessageListModel::TextRole).toString(), QStringLiteral("m750"));
    }

    void messagesPastTheWindowAreCountedNotShown()
    {
        OpenedFlow f;
        QVERIFY(f.open(400));
        auto &c = f.c;
        auto &model = f.model;
        model.setWindowSize(150);
        while (model.canFetchMore({}) && !model.historyExhausted())
            model.fetchMore({});
        QVERIFY(!model.isAtNewest());
        const int rows = model.rowCount();
        QSignalSpy arrived(&model, &MessageListModel::newerArrived);
        QList<Message> fresh;
        fresh << serverMessage(
            s_flow, QStringLiteral("n1"), s_start + 500 * 1000, QStringLiteral("new from u2"));
        Message own = serverMessage(
            s_flow, QStringLiteral("n2"), s_start + 501 * 1000, QStringLiteral("new from me"));
        own.fromId = QStringLiteral("me");
        fresh << own;
        // One inside the window (older history from the server) is shown in place.
        fresh << serverMessage(s_flow, QStringLiteral("mid"), s_start + 50 * 1000 + 500,
            QStringLiteral("between m50 and m51"));
        QVERIFY(c.cache.messages().insertOrUpdateMessages(fresh).isNone());
        QCOMPARE(arrived.size(), 1);
        QCOMPARE(arrived.at(0).at(0).toInt(), 1); // ours does not count as unseen
        QCOMPARE(model.rowCount(), rows + 1);
        QCOMPARE(model.rowOf(QStringLiteral("n1")), -1);
        QCOMPARE(model.rowOf(QStringLiteral("mid")), model.rowOf(QStringLiteral("s50")) + 1);

        // Back at the newest: both are there, once.
        model.showNewest();
        QVERIFY(model.isAtNewest());
        const QStringList shown = strings(model, MessageListModel::TextRole);
        QCOMPARE(shown.mid(shown.size() - 2),
            QStringList({ QStringLiteral("new from u2"), QStringLiteral("new from me") }));
        QCOMPARE(shown.count(QStringLiteral("new from u2")), 1);

        // Sending while reading old history brings the newest back at once, with our message.
        while (model.canFetchMore({}) && !model.historyExhausted())
            model.fetchMore({});
        QVERIFY(!model.isAtNewest());
        const auto echo = c.cache.outbox().enqueue(s_flow, QStringLiteral("sent from far up"));
        QVERIFY(echo);
        QVERIFY(model.isAtNewest());
        QCOMPARE(model.index(model.rowCount() - 1).data(MessageListModel::TextRole).toString(),
            QStringLiteral("sent from far up"));
    }

    void showAroundLoadsTheWindowOfAMessage()
    {
        OpenedFlow f;
        QVERIFY(f.open(1000));
        auto &model = f.model;
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(model.showAround(QStringLiteral("s999"))); // loaded: nothing changes
        QCOMPARE(reset.size(), 0);

        QVERIFY(model.showAround(QStringLiteral("s300")));
        QCOMPARE(reset.size(), 1);
        const int row = model.rowOf(QStringLiteral("s300"));
        QVERIFY(row > 0);
        QCOMPARE(
            model.index(row).data(MessageListModel::TextRole).toString(), QStringLiteral("m300"));
        QVERIFY(!model.isAtNewest());
        QVERIFY(model.canFetchMore({}));
        QCOMPARE(strings(model, MessageListModel::TextRole),
            texts(300 - 2 * MessageListModel::PageSize, 301 + 2 * MessageListModel::PageSize));
        model.fetchNewer();
        QCOMPARE(model.index(model.rowCount() - 1).data(MessageListModel::TextRole).toString(),
            QStringLiteral("m450"));

        QVERIFY(!model.showAround(QStringLiteral("nope")));
        model.showNewest();
        QVERIFY(model.isAtNewest());
        QCOMPARE(model.rowOf(QStringLiteral("s999")), MessageListModel::PageSize - 1);
    }

    void fetchMorePrependsOlderPagesAndStops()
    {
        OpenedFlow f;
        QVERIFY(f.open(120));
        auto &c = f.c;
        auto &model = f.model;
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy wanted(&model, &MessageListModel::olderHistoryWanted);

        model.fetchMore({});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 49);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(strings(model, MessageListModel::TextRole), texts(20, 120));
        QVERIFY(model.canFetchMore({}));
        QCOMPARE(wanted.size(), 0);

        model.fetchMore({});
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.at(1).at(2).toInt(), 19);
        QCOMPARE(strings(model, MessageListModel::TextRole), texts(0, 120));
        QVERIFY(model.historyExhausted());
        QCOMPARE(wanted.size(), 1);
        QCOMPARE(wanted.at(0).at(0).toString(), s_flow);
        QVERIFY(!model.canFetchMore({}));

        model.fetchMore({});
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(wanted.size(), 1);
        QCOMPARE(model.rowOf(QStringLiteral("s0")), 0);
        QCOMPARE(model.rowOf(QStringLiteral("s119")), 119);
    }

    void serverHistoryArrivesAtTheTop()
    {
        OpenedFlow f;
        QVERIFY(f.open(5));
        auto &c = f.c;
        auto &model = f.model;
        QSignalSpy wanted(&model, &MessageListModel::olderHistoryWanted);
        QVERIFY(model.historyExhausted());
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(wanted.size(), 1);
        QVERIFY(!model.canFetchMore({}));

        // What the session fetched from the server on olderHistoryWanted.
        QVERIFY(c.cache.messages()
                    .insertOrUpdateMessages({ serverMessage(s_flow, QStringLiteral("old2"),
                                                  s_start - 1000, QStringLiteral("older 2")),
                        serverMessage(s_flow, QStringLiteral("old1"), s_start - 2000,
                            QStringLiteral("older 1")) })
                    .isNone());
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(strings(model, MessageListModel::TextRole).mid(0, 3),
            (QStringList {
                QStringLiteral("older 1"), QStringLiteral("older 2"), QStringLiteral("m0") }));
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(wanted.size(), 2);
    }

    void messagesOlderThanTheLoadedPagesWaitForPaging()
    {
        OpenedFlow f;
        QVERIFY(f.open(60));
        auto &c = f.c;
        auto &model = f.model;
        QVERIFY(c.cache.messages()
                    .insertOrUpdateMessages({ serverMessage(
                        s_flow, QStringLiteral("gap"), s_start + 500, QStringLiteral("gap")) })
                    .isNone());
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.rowOf(QStringLiteral("gap")), -1);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 61);
        QCOMPARE(model.rowOf(QStringLiteral("gap")), 1);
    }

    void liveInsertUpdateRemove()
    {
        OpenedFlow f;
        QVERIFY(f.open(3));
        auto &c = f.c;
        auto &model = f.model;
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        QVERIFY(c.cache.messages()
                    .insertOrUpdateMessages({ serverMessage(s_flow, QStringLiteral("new"),
                                                  s_start + 10000, QStringLiteral("newest")),
                        serverMessage(s_flow, QStringLiteral("mid"), s_start + 1500,
                            QStringLiteral("between")),
                        serverMessage(QStringLiteral("elsewhere"), QStringLiteral("x"), s_start,
                            QStringLiteral("not here")) })
                    .isNone());
        QCOMPARE(strings(model, MessageListModel::TextRole),
            (QStringList { QStringLiteral("m0"), QStringLiteral("m1"), QStringLiteral("between"),
                QStringLiteral("m2"), QStringLiteral("newest") }));
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("new")), 4);
        QCOMPARE(model.rowOf(QStringLiteral("s2")), 3);

        changed.clear();
        QVERIFY(c.cache.messages()
                    .applyEdit(QStringLiteral("mid"), QStringLiteral("edited"), s_start + 20000)
                    .isNone());
        QCOMPARE(
            model.index(2).data(MessageListModel::TextRole).toString(), QStringLiteral("edited"));
        QVERIFY(model.index(2).data(MessageListModel::EditedRole).toBool());
        const QList<int> roles = changedRoles(changed, 2);
        QVERIFY(roles.contains(MessageListModel::TextRole));
        QVERIFY(roles.contains(MessageListModel::EditedRole));
        QVERIFY(!roles.contains(MessageListModel::DeletedRole));

        changed.clear();
        QVERIFY(c.cache.messages().markDeleted(QStringLiteral("s1")).isNone());
        QVERIFY(model.index(1).data(MessageListModel::DeletedRole).toBool());
        QVERIFY(changedRoles(changed, 1).contains(MessageListModel::DeletedRole));

        // A discarded send is the store's way of removing a message.
        const auto clientId = c.cache.outbox().enqueue(s_flow, QStringLiteral("oops"));
        QVERIFY(clientId);
        QCOMPARE(model.rowCount(), 6);
        QVERIFY(c.cache.outbox().discard(clientId.value()).isNone());
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.rowOf(localEchoKey(clientId.value())), -1);
        QCOMPARE(model.rowOf(QStringLiteral("new")), 4);
        QCOMPARE(reset.size(), 0);
    }

    void localEchoBecomesTheServerCopyInPlace()
    {
        OpenedFlow f;
        QVERIFY(f.open(3));
        auto &c = f.c;
        auto &model = f.model;
        const auto clientId = c.cache.outbox().enqueue(s_flow, QStringLiteral("hello"));
        QVERIFY(clientId);
        const QString localKey = localEchoKey(clientId.value());
        QCOMPARE(model.rowOf(localKey), 3);
        const QModelIndex echo = model.index(3);
        QCOMPARE(
            echo.data(MessageListModel::DeliveryStateRole).toInt(), int(DeliveryState::Queued));
        QVERIFY(echo.data(MessageListModel::IsOwnRole).toBool());
        QCOMPARE(echo.data(MessageListModel::FromNameRole).toString(), QStringLiteral("Me Myself"));
        QVERIFY(echo.data(MessageListModel::ServerIdRole).toString().isEmpty());

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(c.cache.outbox().markFailed(clientId.value(), QStringLiteral("offline")).isNone());
        QCOMPARE(
            echo.data(MessageListModel::DeliveryStateRole).toInt(), int(DeliveryState::Failed));
        QCOMPARE(echo.data(MessageListModel::FailReasonRole).toString(), QStringLiteral("offline"));
        QVERIFY(changedRoles(changed, 3).contains(MessageListModel::FailReasonRole));
        QVERIFY(c.cache.outbox().retry(clientId.value()).isNone());
        QVERIFY(c.cache.outbox().markSending(clientId.value()).isNone());
        QCOMPARE(
            echo.data(MessageListModel::DeliveryStateRole).toInt(), int(DeliveryState::Sending));

        changed.clear();
        const qint64 serverTime = s_start + 60000;
        QVERIFY(c.cache.outbox()
                    .markSent(clientId.value(), QStringLiteral("srv-42"), serverTime)
                    .isNone());
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(moved.size(), 0);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.rowOf(QStringLiteral("srv-42")), 3);
        QCOMPARE(model.rowOf(localKey), -1);
        QCOMPARE(echo.data(MessageListModel::MessageKeyRole).toString(), QStringLiteral("srv-42"));
        QCOMPARE(echo.data(MessageListModel::ServerIdRole).toString(), QStringLiteral("srv-42"));
        QCOMPARE(echo.data(MessageListModel::DeliveryStateRole).toInt(), int(DeliveryState::Sent));
        QCOMPARE(
            echo.data(MessageListModel::TimeRole).toDateTime().toMSecsSinceEpoch(), serverTime);
        const QList<int> roles = changedRoles(changed, 3);
        QVERIFY(roles.contains(MessageListModel::MessageKeyRole));
        QVERIFY(roles.contains(MessageListModel::DeliveryStateRole));

        // The server echo of the send arriving through a sync changes nothing.
        inserted.clear();
        Message copy = serverMessage(s_flow, QStringLiteral("srv-42"), serverTime,
            QStringLiteral("hello"), QStringLiteral("me"));
        copy.clientId = clientId.value();
        QVERIFY(c.cache.messages().insertOrUpdateMessages({ copy }).isNone());
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(model.rowCount(), 4);
    }

    void dateSeparatorsAndAuthorRuns()
    {
        ModelCache c;
        QVERIFY(c.open());
        const QString u2 = QStringLiteral("u2");
        const QString u3 = QStringLiteral("u3");
        QVERIFY(c.cache.messages()
                    .insertOrUpdateMessages({
                        serverMessage(s_flow, QStringLiteral("a"), at(1, 10, 0), {}, u2),
                        serverMessage(s_flow, QStringLiteral("b"), at(1, 10, 1), {}, u2),
                        serverMessage(s_flow, QStringLiteral("c"), at(1, 10, 10), {}, u2),
                        serverMessage(s_flow, QStringLiteral("d"), at(1, 10, 11), {}, u3),
                        serverMessage(s_flow, QStringLiteral("e"), at(2, 10, 12), {}, u3),
                        serverMessage(s_flow, QStringLiteral("f"), at(2, 10, 13), {}, u3),
                    })
                    .isNone());
        MessageListModel model;
        QAbstractItemModelTester tester(&model);
        model.setCache(&c.cache);
        model.setFlow(s_flow);
        const auto bools = [&model](int role) {
            QList<bool> list;
            for (const QVariant &v : column(model, role))
                list.append(v.toBool());
            return list;
        };
        QCOMPARE(bools(MessageListModel::DateSeparatorRole),
            (QList<bool> { true, false, false, false, true, false }));
        QCOMPARE(bools(MessageListModel::ShowAuthorRole),
            (QList<bool> { true, false, true, true, true, false }));

        // u3 writes between a and b: b starts a new run of u2.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(c.cache.messages()
                    .insertOrUpdateMessages(
                        { serverMessage(s_flow, QStringLiteral("ab"), at(1, 10, 0, 30), {}, u3) })
                    .isNone());
        QCOMPARE(model.rowOf(QStringLiteral("ab")), 1);
        QCOMPARE(bools(MessageListModel::ShowAuthorRole),
            (QList<bool> { true, true, true, true, true, true, false }));
        QVERIFY(changedRoles(changed, 2).contains(MessageListModel::ShowAuthorRole));

        // Our send today starts a new day and a new run; discarding it leaves f as it was.
        const auto echo = c.cache.outbox().enqueue(s_flow, QStringLiteral("x"));
        QVERIFY(echo);
        QCOMPARE(model.rowCount(), 8);
        QVERIFY(model.index(7).data(MessageListModel::DateSeparatorRole).toBool());
        QVERIFY(model.index(7).data(MessageListModel::ShowAuthorRole).toBool());
        QVERIFY(c.cache.outbox().discard(echo.value()).isNone());
        QCOMPARE(model.rowCount(), 7);
        QVERIFY(!model.index(6).data(MessageListModel::ShowAuthorRole).toBool());
    }

    void blockedAuthorsRowsLeaveAndComeBack()
    {
        ModelCache c;
        QVERIFY(c.open());
        QList<Message> messages;
        for (int i = 0; i < 6; ++i)
            messages.append(serverMessage(s_flow, QStringLiteral("k%1").arg(i), s_start + i * 1000,
                QStringLiteral("t%1").arg(i),
                i % 2 ? QStringLiteral("troll") : QStringLiteral("u2")));
        QVERIFY(c.cache.messages().insertOrUpdateMessages(messages).isNone());
        MessageListModel model;
        QAbstractItemModelTester tester(&model);
        model.setCache(&c.cache);
        model.setFlow(s_flow);
        QCOMPARE(model.rowCount(), 6);

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QVERIFY(c.cache.contacts().setBlocked(QStringLiteral("troll"), true).isNone());
        QCOMPARE(strings(model, MessageListModel::TextRole),
            (QStringList { QStringLiteral("t0"), QStringLiteral("t2"), QStringLiteral("t4") }));
        QCOMPARE(removed.size(), 3);
        QCOMPARE(model.rowOf(QStringLiteral("k1")), -1);
        QCOMPARE(model.rowOf(QStringLiteral("k4")), 2);

        // New messages of a blocked author stay out too.
        QVERIFY(c.cache.messages()
                    .insertOrUpdateMessages({ serverMessage(s_flow, QStringLiteral("k6"),
                        s_start + 6000, QStringLiteral("t6"), QStringLiteral("troll")) })
                    .isNone());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.size(), 0);

        QVERIFY(c.cache.contacts().setBlocked(QStringLiteral("troll"), false).isNone());
        QCOMPARE(strings(model, MessageListModel::TextRole),
            (QStringList { QStringLiteral("t0"), QStringLiteral("t1"), QStringLiteral("t2"),
                QStringLiteral("t3"), QStringLiteral("t4"), QStringLiteral("t5"),
                QStringLiteral("t6") }));
        QCOMPARE(inserted.size(), 3); // t1, t3, then t5 and t6 in one run
        QCOMPARE(model.rowOf(QStringLiteral("k6")), 6);
        QCOMPARE(model.rowOf(QStringLiteral("k3")), 3);
    }

    void namesAttachmentsAndOwnUser()
    {
        ModelCache c;
        QVERIFY(c.open());
        Message m = serverMessage(s_flow, QStringLiteral("p"), s_start, QStringLiteral("pic"));
        m.fromName.clear();
        m.attachments = { Attachment::fromBytes(QStringLiteral("note.txt"), "hello file") };
        QVERIFY(c.cache.messages().insertOrUpdateMessages({ m }).isNone());
        MessageListModel model;
        QAbstractItemModelTester tester(&model);
        model.setCache(&c.cache);
        model.setFlow(s_flow);
        const QModelIndex row = model.index(0);
        QCOMPARE(row.data(MessageListModel::FromNameRole).toString(), QStringLiteral("u2"));
        const QVariantList attachments = row.data(MessageListModel::AttachmentsRole).toList();
        QCOMPARE(attachments.size(), 1);
        const QVariantMap a = attachments.first().toMap();
        QCOMPARE(a.value(QStringLiteral("name")).toString(), QStringLiteral("note.txt"));
        QCOMPARE(a.value(QStringLiteral("size")).toLongLong(), 10);
        QCOMPARE(a.value(QStringLiteral("kind")).toString(), QStringLiteral("document"));
        QVERIFY(QFileInfo::exists(a.value(QStringLiteral("path")).toString()));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(c.cache.users()
                    .upsertUsers({ makeUser(
                        QStringLiteral("u2"), QStringLiteral("bob"), QStringLiteral("Bob")) })
                    .isNone());
        QCOMPARE(row.data(MessageListModel::FromNameRole).toString(), QStringLiteral("Bob"));
        QVERIFY(changedRoles(changed, 0).contains(MessageListModel::FromNameRole));

        c.cache.close();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.cache());
    }
};

QTEST_GUILESS_MAIN(TestMessageListModel)
#include "tst_messagelistmodel.moc"
