// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/syncstatestore.h"
#include "testcache.h"

using namespace Natter;
using Natter::Test::TempCache;

class TestSyncStateStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral(".*"))); }

    void freshFlowHasEverythingToLoad()
    {
        TempCache cache;
        QVERIFY(cache.open());
        SyncStateStore store(cache.db);
        const SyncState state = store.state(QStringLiteral("f"));
        QCOMPARE(state.flowId, QStringLiteral("f"));
        QCOMPARE(state.newestServerTime, 0);
        QCOMPARE(state.oldestLoadedTime, 0);
        QVERIFY(state.hasMoreHistory);
    }

    void cursorsOnlyMoveOutwards()
    {
        TempCache cache;
        QVERIFY(cache.open());
        SyncStateStore store(cache.db);
        QVERIFY(store.noteNewest(QStringLiteral("f"), 500).isNone());
        QVERIFY(store.noteNewest(QStringLiteral("f"), 300).isNone());
        QCOMPARE(store.state(QStringLiteral("f")).newestServerTime, 500);
        QVERIFY(store.noteHistory(QStringLiteral("f"), 200, true).isNone());
        QVERIFY(store.noteHistory(QStringLiteral("f"), 250, true).isNone());
        QCOMPARE(store.state(QStringLiteral("f")).oldestLoadedTime, 200);
        QVERIFY(store.noteHistory(QStringLiteral("f"), 100, false).isNone());
        const SyncState state = store.state(QStringLiteral("f"));
        QCOMPARE(state.oldestLoadedTime, 100);
        QVERIFY(!state.hasMoreHistory);
        QCOMPARE(state.newestServerTime, 500);
    }

    void setStateRoundTripsAndPersists()
    {
        TempCache cache;
        QVERIFY(cache.open());
        const SyncState state { QStringLiteral("f"), 900, 10, false };
        {
            SyncStateStore store(cache.db);
            QVERIFY(store.setState(state).isNone());
            QVERIFY(store.setGlobalCursor(123456).isNone());
        }
        cache.db.close();
        QVERIFY(cache.open());
        SyncStateStore store(cache.db);
        QCOMPARE(store.state(QStringLiteral("f")), state);
        QCOMPARE(store.globalCursor(), 123456);
        QCOMPARE(store.setState(SyncState {}).code, Error::Code::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestSyncStateStore)
#include "tst_syncstatestore.moc"
