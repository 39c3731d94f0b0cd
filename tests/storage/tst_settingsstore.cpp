// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/settingsstore.h"
#include "testcache.h"

#include <QSignalSpy>

using namespace Natter;
using Natter::Test::TempCache;

class TestSettingsStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral(".*"))); }

    void values()
    {
        TempCache cache;
        QVERIFY(cache.open());
        SettingsStore store(cache.db);
        QSignalSpy changed(&store, &SettingsStore::valueChanged);
        QCOMPARE(
            store.value(QStringLiteral("k"), QStringLiteral("default")), QStringLiteral("default"));
        QVERIFY(!store.contains(QStringLiteral("k")));
        QVERIFY(store.setValue(QStringLiteral("k"), QStringLiteral("v")).isNone());
        QCOMPARE(store.value(QStringLiteral("k")), QStringLiteral("v"));
        QVERIFY(store.setValue(QStringLiteral("k"), QStringLiteral("v")).isNone());
        QCOMPARE(changed.size(), 1);
        QVERIFY(store.setValue(QStringLiteral("empty"), QString()).isNone());
        QVERIFY(store.contains(QStringLiteral("empty")));
        QVERIFY(store.remove(QStringLiteral("k")).isNone());
        QVERIFY(!store.contains(QStringLiteral("k")));
        QCOMPARE(changed.size(), 3);
    }

    void draftsPerFlowSurviveRestart()
    {
        TempCache cache;
        QVERIFY(cache.open());
        const QString text = QStringLiteral("half-written 'reply' with \"quotes\" and ёжик");
        {
            SettingsStore store(cache.db);
            QVERIFY(store.setDraft(QStringLiteral("a"), text).isNone());
            QVERIFY(store.setDraft(QStringLiteral("b"), QStringLiteral("other")).isNone());
            QVERIFY(store.setDraft(QStringLiteral("b"), QString()).isNone()); // cleared
        }
        cache.db.close();
        QVERIFY(cache.open());
        SettingsStore store(cache.db);
        QCOMPARE(store.draft(QStringLiteral("a")), text);
        QVERIFY(store.draft(QStringLiteral("b")).isEmpty());
        QVERIFY(!store.contains(SettingsStore::draftKey(QStringLiteral("b"))));
    }
};

QTEST_GUILESS_MAIN(TestSettingsStore)
#include "tst_settingsstore.moc"
