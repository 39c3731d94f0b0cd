// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelfixture.h"
#include "models/searchresultsmodel.h"

#include <QAbstractItemModelTester>

using namespace Natter;
using namespace Natter::Test;

class TestSearchResultsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral(".*"))); }

    void localResultsAreEscapedAndHighlighted()
    {
        ModelCache c;
        QVERIFY(c.open());
        const qint64 base = at(1, 9, 0);
        QVERIFY(c.cache.flows()
                    .upsertFlows(
                        { makeFlow(QStringLiteral("f1"), QStringLiteral("Garden <Club>"), base) })
                    .isNone());
        QVERIFY(c.cache.users()
                    .upsertUsers({ makeUser(
                        QStringLiteral("u2"), QStringLiteral("bob"), QStringLiteral("Bob")) })
                    .isNone());
        QVERIFY(c.cache.messages()
                    .insertOrUpdateMessages({
                        serverMessage(QStringLiteral("f1"), QStringLiteral("s1"), base + 1000,
                            QStringLiteral("<script>alert(1)</script> & Tomatoes grow")),
                        serverMessage(QStringLiteral("f1"), QStringLiteral("s2"), base + 2000,
                            QStringLiteral("no match here")),
                        serverMessage(QStringLiteral("f2"), QStringLiteral("s3"), base + 3000,
                            QStringLiteral("tomatoes <b>again</b>")),
                    })
                    .isNone());
        SearchResultsModel model;
        QAbstractItemModelTester tester(&model);
        model.setCache(&c.cache);
        model.search(QStringLiteral("TOMATOES"));
        QCOMPARE(strings(model, SearchResultsModel::MessageKeyRole),
            (QStringList { QStringLiteral("s3"), QStringLiteral("s1") })); // newest first
        QCOMPARE(model.index(1).data(SearchResultsModel::SnippetRole).toString(),
            QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt; &amp; <b>Tomatoes</b> grow"));
        QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(),
            QStringLiteral("<b>tomatoes</b> &lt;b&gt;again&lt;/b&gt;"));
        QCOMPARE(model.index(1).data(SearchResultsModel::FlowTitleRole).toString(),
            QStringLiteral("Garden <Club>"));
        QCOMPARE(model.index(0).data(SearchResultsModel::FlowTitleRole).toString(),
            QStringLiteral("f2")); // a bare flow has no title
        QCOMPARE(model.index(1).data(SearchResultsModel::FromNameRole).toString(),
            QStringLiteral("Bob"));
        QCOMPARE(
            model.index(1).data(SearchResultsModel::FlowIdRole).toString(), QStringLiteral("f1"));
        QCOMPARE(model.index(1).data(SearchResultsModel::TimeRole).toDateTime().toMSecsSinceEpoch(),
            base + 1000);
        QVERIFY(!model.index(1).data(SearchResultsModel::ServerResultRole).toBool());

        model.search(QStringLiteral("tomatoes"), QStringLiteral("f1"));
        QCOMPARE(strings(model, SearchResultsModel::MessageKeyRole),
            QStringList { QStringLiteral("s1") });
        model.search(QStringLiteral("   "));
        QCOMPARE(model.rowCount(), 0);
    }

    void serverResultsAreAppendedWithoutDuplicates()
    {
        ModelCache c;
        QVERIFY(c.open());
        QVERIFY(c.cache.messages()
                    .insertOrUpdateMessages({ serverMessage(QStringLiteral("f1"),
                        QStringLiteral("s1"), at(1, 9, 0), QStringLiteral("local kiwi")) })
                    .isNone());
        SearchResultsModel model;
        QAbstractItemModelTester tester(&model);
        model.setCache(&c.cache);
        model.search(QStringLiteral("kiwi"));
        QCOMPARE(model.rowCount(), 1);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.appendServerResults({
            serverMessage(QStringLiteral("f1"), QStringLiteral("s1"), at(1, 9, 0),
                QStringLiteral("local kiwi")),
            serverMessage(QStringLiteral("f9"), QStringLiteral("old"), at(1, 8, 0),
                QStringLiteral("Kiwi & <i>lime</i>")),
            serverMessage(QStringLiteral("f9"), QStringLiteral("old"), at(1, 8, 0),
                QStringLiteral("Kiwi & <i>lime</i>")),
        });
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex server = model.index(1);
        QCOMPARE(server.data(SearchResultsModel::MessageKeyRole).toString(), QStringLiteral("old"));
        QVERIFY(server.data(SearchResultsModel::ServerResultRole).toBool());
        QCOMPARE(server.data(SearchResultsModel::SnippetRole).toString(),
            QStringLiteral("<b>Kiwi</b> &amp; &lt;i&gt;lime&lt;/i&gt;"));
        QCOMPARE(
            server.data(SearchResultsModel::FromNameRole).toString(), QStringLiteral("User u2"));
        model.appendServerResults({ serverMessage(
            QStringLiteral("f9"), QStringLiteral("old"), at(1, 8, 0), QStringLiteral("Kiwi")) });
        QCOMPARE(inserted.size(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void highlightCutsLongTexts()
    {
        const QString text
            = QString(300, u'a') + QStringLiteral(" Needle <x> ") + QString(300, u'b');
        const QString html = SearchResultsModel::highlight(text, QStringLiteral("needle* zzz"), 40);
        QVERIFY(html.startsWith(QStringLiteral("…")));
        QVERIFY(html.endsWith(QStringLiteral("…")));
        QVERIFY(html.contains(QStringLiteral("<b>Needle</b> &lt;x&gt; ")));
        QVERIFY(html.size() < 80);
        QCOMPARE(SearchResultsModel::highlight(QStringLiteral("a<b"), QStringLiteral("nothing")),
            QStringLiteral("a&lt;b"));
        QCOMPARE(SearchResultsModel::highlight(QStringLiteral("Abc abc"), QStringLiteral("ABC")),
            QStringLiteral("<b>Abc</b> <b>abc</b>"));
    }
};

QTEST_GUILESS_MAIN(TestSearchResultsModel)
#include "tst_searchresultsmodel.moc"
