// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelfixture.h"
#include "models/flowfilterproxymodel.h"
#include "models/flowlistmodel.h"

#include <QAbstractItemModelTester>

using namespace Natter;
using namespace Natter::Test;

class TestFlowFilterProxyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral(".*"))); }

    void filtersTitlesMessagesAndBlockedChats()
    {
        ModelCache c;
        QVERIFY(c.open());
        const qint64 base = at(1, 9, 0);
        QVERIFY(
            c.cache.flows()
                .upsertFlows({ makeFlow(QStringLiteral("g"), QStringLiteral("Garden Club"), base),
                    makeFlow(QStringLiteral("w"), QStringLiteral("Work"), base - 1000),
                    makeFlow(QStringLiteral("t"), QStringLiteral("Troll"), base - 2000,
                        Flow::Type::Chat, { QStringLiteral("me"), QStringLiteral("troll") }) })
                .isNone());
        QVERIFY(c.cache.messages()
                    .insertOrUpdateMessages({ serverMessage(QStringLiteral("w"),
                        QStringLiteral("w1"), base - 500, QStringLiteral("The GARDEN party")) })
                    .isNone());
        FlowListModel source;
        source.setCache(&c.cache);
        FlowFilterProxyModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester sourceTester(&source);
        QAbstractItemModelTester tester(&proxy);
        QCOMPARE(strings(proxy, FlowListModel::FlowIdRole),
            (QStringList { QStringLiteral("g"), QStringLiteral("w"), QStringLiteral("t") }));

        proxy.setFilterText(QStringLiteral("  garden "));
        QCOMPARE(proxy.filterText(), QStringLiteral("garden"));
        QCOMPARE(strings(proxy, FlowListModel::FlowIdRole),
            (QStringList { QStringLiteral("g"), QStringLiteral("w") }));
        proxy.setFilterText(QStringLiteral("club"));
        QCOMPARE(strings(proxy, FlowListModel::FlowIdRole), QStringList { QStringLiteral("g") });

        // A new message that matches brings its flow in, at its place in the source order.
        QVERIFY(c.cache.messages()
                    .insertOrUpdateMessages({ serverMessage(QStringLiteral("t"),
                        QStringLiteral("t1"), base + 5000, QStringLiteral("join the CLUB")) })
                    .isNone());
        QCOMPARE(strings(proxy, FlowListModel::FlowIdRole),
            (QStringList { QStringLiteral("t"), QStringLiteral("g") }));

        // Blocking the other person of a chat hides it, whatever the filter.
        QVERIFY(c.cache.contacts().setBlocked(QStringLiteral("troll"), true).isNone());
        QCOMPARE(strings(proxy, FlowListModel::FlowIdRole), QStringList { QStringLiteral("g") });
        proxy.setFilterText({});
        QCOMPARE(strings(proxy, FlowListModel::FlowIdRole),
            (QStringList { QStringLiteral("g"), QStringLiteral("w") }));
        proxy.setShowBlocked(true);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setShowBlocked(false);
        QVERIFY(c.cache.contacts().setBlocked(QStringLiteral("troll"), false).isNone());
        QCOMPARE(strings(proxy, FlowListModel::FlowIdRole),
            (QStringList { QStringLiteral("t"), QStringLiteral("g"), QStringLiteral("w") }));
        proxy.setFilterText(QStringLiteral("nothing matches this"));
        QCOMPARE(proxy.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFlowFilterProxyModel)
#include "tst_flowfilterproxymodel.moc"
