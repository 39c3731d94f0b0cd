// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/flowstore.h"
#include "storage/messagestore.h"
#include "storage/outboxstore.h"
#include "storage/settingsstore.h"
#include "storage/syncstatestore.h"
#include "storage/userstore.h"
#include "testcache.h"

#include <QSignalSpy>

using namespace Natter;
using Natter::Test::serverMessage;
using Natter::Test::TempCache;

namespace {

Flow makeFlow(const QString &id, const QString &title, qint64 updated, QStringList members = {})
{
    Flow flow;
    flow.id = id;
    flow.type = Flow::Type::Group;
    flow.title = title;
    flow.updated = updated;
    flow.members = std::move(members);
    return flow;
}

QStringList idsOf(const QList<Flow> &flows)
{
    QStringList ids;
    for (const Flow &f : flows)
        ids.append(f.id);
    return ids;
}

} // namespace

class TestFlowStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral(".*"))); }

    void upsertRoundTripAndSignals()
    {
        TempCache cache;
        QVERIFY(cache.open());
        FlowStore store(cache.db);
        QSignalSpy inserted(&store, &FlowStore::flowsInserted);
        QSignalSpy updated(&store, &FlowStore::flowsUpdated);
        Flow a = makeFlow(QStringLiteral("a"), QStringLiteral("Alpha"), 10,
            { QStringLiteral("u1"), QStringLiteral("u2") });
        a.type = Flow::Type::Channel;
        a.info = QStringLiteral("about");
        a.owner = QStringLiteral("u1");
        const Flow b = makeFlow(QStringLiteral("b"), QStringLiteral("Beta"), 20);
        QVERIFY(store.upsertFlows({ a, b }).isNone());
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().first().toStringList(),
            (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
        QCOMPARE(store.flow(QStringLiteral("a")).value(), a);
        QCOMPARE(store.flow(QStringLiteral("b")).value(), b);
        QVERIFY(!store.flow(QStringLiteral("c")));

        QVERIFY(store.upsertFlows({ a, b }).isNone()); // identical: nothing happens
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(updated.size(), 0);

        Flow renamed = a;
        renamed.title = QStringLiteral("Alpha 2");
        renamed.members.clear(); // "not said": keeps the stored members
        renamed.owner.clear();
        QVERIFY(store.upsertFlows({ renamed }).isNone());
        QCOMPARE(updated.size(), 1);
        QCOMPARE(updated.first().first().toStringList(), QStringList { QStringLiteral("a") });
        const Flow stored = store.flow(QStringLiteral("a")).value();
        QCOMPARE(stored.title, QStringLiteral("Alpha 2"));
        QCOMPARE(stored.members, a.members);
        QCOMPARE(stored.owner, QStringLiteral("u1"));
    }

    void members()
    {
        TempCache cache;
        QVERIFY(cache.open());
        FlowStore store(cache.db);
        QVERIFY(store
                    .upsertFlows({ makeFlow(QStringLiteral("a"), QStringLiteral("A"), 1,
                        { QStringLiteral("z"), QStringLiteral("y") }) })
                    .isNone());
        QSignalSpy updated(&store, &FlowStore::flowsUpdated);
        const QStringList next { QStringLiteral("x"), QStringLiteral("z"), QStringLiteral("w") };
        QVERIFY(store.setMembers(QStringLiteral("a"), next).isNone());
        QCOMPARE(store.flow(QStringLiteral("a"))->members, next); // order kept
        QCOMPARE(store.flows().first().members, next);
        QCOMPARE(updated.size(), 1);
        QVERIFY(store.setMembers(QStringLiteral("a"), next).isNone());
        QCOMPARE(updated.size(), 1);
        QCOMPARE(store.setMembers(QStringLiteral("nope"), next).code, Error::Code::NotFound);
    }

    void orderedByLastActivity()
    {
        TempCache cache;
        QVERIFY(cache.open());
        FlowStore store(cache.db);
        MessageStore messages(cache.db);
        QVERIFY(store
                    .upsertFlows({ makeFlow(QStringLiteral("old"), QStringLiteral("O"), 100),
                        makeFlow(QStringLiteral("mid"), QStringLiteral("M"), 200),
                        makeFlow(QStringLiteral("new"), QStringLiteral("N"), 300) })
                    .isNone());
        QCOMPARE(idsOf(store.flows()),
            (QStringList { QStringLiteral("new"), QStringLiteral("mid"), QStringLiteral("old") }));
        QVERIFY(messages
                    .insertOrUpdateMessages({ serverMessage(
                        QStringLiteral("old"), QStringLiteral("m1"), 250, QStringLiteral("hi")) })
                    .isNone());
        QCOMPARE(idsOf(store.flows()),
            (QStringList { QStringLiteral("new"), QStringLiteral("old"), QStringLiteral("mid") }));
        QVERIFY(messages
                    .insertOrUpdateMessages({ serverMessage(
                        QStringLiteral("mid"), QStringLiteral("m2"), 400, QStringLiteral("hey")) })
                    .isNone());
        QCOMPARE(idsOf(store.flows()).first(), QStringLiteral("mid"));
        QCOMPARE(store.lastMessage(QStringLiteral("mid"))->id, QStringLiteral("m2"));
        QCOMPARE(store.lastMessage(QStringLiteral("old"))->text, QStringLiteral("hi"));
        QVERIFY(!store.lastMessage(QStringLiteral("new")));
    }

    void messagesForAnUnknownFlowCreateABareOne()
    {
        TempCache cache;
        QVERIFY(cache.open());
        FlowStore store(cache.db);
        MessageStore messages(cache.db);
        QVERIFY(messages
                    .insertOrUpdateMessages({ serverMessage(
                        QStringLiteral("pushed"), QStringLiteral("m"), 5, QStringLiteral("x")) })
                    .isNone());
        QVERIFY(store.flow(QStringLiteral("pushed")));
        QVERIFY(
            store
                .upsertFlows({ makeFlow(QStringLiteral("pushed"), QStringLiteral("Now named"), 1) })
                .isNone());
        QCOMPARE(store.flow(QStringLiteral("pushed"))->title, QStringLiteral("Now named"));
    }

    void unreadAndMarkRead()
    {
        TempCache cache;
        QVERIFY(cache.open());
        FlowStore store(cache.db);
        MessageStore messages(cache.db);
        UserStore users(cache.db);
        QVERIFY(
            users.setOwnUser(Test::makeUser(QStringLiteral("me"), QStringLiteral("me"))).isNone());
        QVERIFY(
            store.upsertFlows({ makeFlow(QStringLiteral("f"), QStringLiteral("F"), 1) }).isNone());
        QList<Message> batch;
        for (int i = 1; i <= 6; ++i)
            batch.append(serverMessage(QStringLiteral("f"), QString::number(i), i * 100,
                QStringLiteral("t"), i == 5 ? QStringLiteral("me") : QStringLiteral("them")));
        QVERIFY(messages.insertOrUpdateMessages(batch).isNone());
        QCOMPARE(store.unreadCount(QStringLiteral("f")), 5); // own message 5 not counted
        QVERIFY(messages.markDeleted(QStringLiteral("6")).isNone());
        QCOMPARE(store.unreadCount(QStringLiteral("f")), 4);

        QSignalSpy updated(&store, &FlowStore::flowsUpdated);
        QVERIFY(store.markRead(QStringLiteral("f"), 300).isNone());
        QCOMPARE(store.lastReadTime(QStringLiteral("f")), 300);
        QCOMPARE(store.unreadCount(QStringLiteral("f")), 1); // only message 4
        QCOMPARE(updated.size(), 1);
        QVERIFY(store.markRead(QStringLiteral("f"), 200).isNone()); // never backwards
        QCOMPARE(store.lastReadTime(QStringLiteral("f")), 300);
        QCOMPARE(updated.size(), 1);
    }

    void unreadIsCapped()
    {
        TempCache cache;
        QVERIFY(cache.open());
        FlowStore store(cache.db);
        MessageStore messages(cache.db);
        QList<Message> batch;
        for (int i = 0; i < FlowStore::UnreadCap + 50; ++i)
            batch.append(
                serverMessage(QStringLiteral("f"), QString::number(i), i + 1, QStringLiteral("t")));
        QVERIFY(messages.insertOrUpdateMessages(batch).isNone());
        QCOMPARE(store.unreadCount(QStringLiteral("f")), FlowStore::UnreadCap);
    }

    void removeFlowTakesEverythingWithIt()
    {
        TempCache cache;
        QVERIFY(cache.open());
        FlowStore store(cache.db);
        MessageStore messages(cache.db);
        OutboxStore outbox(cache.db, messages);
        SettingsStore settings(cache.db);
        SyncStateStore sync(cache.db);
        QVERIFY(store
                    .upsertFlows({ makeFlow(QStringLiteral("gone"), QStringLiteral("G"), 1,
                                       { QStringLiteral("u") }),
                        makeFlow(QStringLiteral("kept"), QStringLiteral("K"), 1) })
                    .isNone());
        Message withFile
            = serverMessage(QStringLiteral("gone"), QStringLiteral("m1"), 1, QStringLiteral("bye"));
        withFile.attachments = { Attachment::fromBytes(QStringLiteral("f.txt"), "data") };
        QVERIFY(messages
                    .insertOrUpdateMessages({ withFile,
                        serverMessage(QStringLiteral("kept"), QStringLiteral("m2"), 1,
                            QStringLiteral("stay")) })
                    .isNone());
        QVERIFY(outbox.enqueue(QStringLiteral("gone"), QStringLiteral("unsent")).ok());
        QVERIFY(settings.setDraft(QStringLiteral("gone"), QStringLiteral("draft")).isNone());
        QVERIFY(sync.noteNewest(QStringLiteral("gone"), 99).isNone());

        QSignalSpy removed(&store, &FlowStore::flowRemoved);
        QVERIFY(store.removeFlow(QStringLiteral("gone")).isNone());
        QCOMPARE(removed.size(), 1);
        QVERIFY(!store.flow(QStringLiteral("gone")));
        QCOMPARE(messages.count(QStringLiteral("gone")), 0);
        QCOMPARE(messages.count(), 1);
        QVERIFY(outbox.entries().isEmpty());
        QVERIFY(settings.draft(QStringLiteral("gone")).isEmpty());
        QCOMPARE(sync.state(QStringLiteral("gone")).newestServerTime, 0);
        QCOMPARE(cache.committedCount(QStringLiteral("attachments")), 0);
        QCOMPARE(cache.committedCount(QStringLiteral("flow_members")), 0);
        QVERIFY(store.removeFlow(QStringLiteral("gone")).isNone());
        QCOMPARE(removed.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFlowStore)
#include "tst_flowstore.moc"
