// SPDX-License-Identifier: GPL-3.0-or-later
// Values from servers reach SQLite only through bound parameters: ids, titles and texts full of
// SQL syntax are stored and read back verbatim, and every table survives them.
#include "storage/flowstore.h"
#include "storage/messagestore.h"
#include "storage/searchindex.h"
#include "testcache.h"

using namespace Natter;
using Natter::Test::serverMessage;
using Natter::Test::TempCache;

namespace {
const QStringList kHostile {
    QStringLiteral("x'); DROP TABLE messages; --"), QStringLiteral("\" OR 1=1 --"),
    QStringLiteral("'; DELETE FROM flows WHERE '1'='1"), QStringLiteral(":flow_id"),
    QStringLiteral("?"), QStringLiteral("a\\'b\\\"c"),
    QString(QChar(0)) + QStringLiteral("nul inside"), // FTS5 reads queries as C strings
};
} // namespace

class TestSqlInjection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // A failing statement logs a warning and returns nothing: fail instead.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    }

    void hostileValuesRoundTrip()
    {
        TempCache cache;
        QVERIFY(cache.open());
        FlowStore flows(cache.db);
        MessageStore messages(cache.db);
        SearchIndex search(cache.db);

        QList<Flow> flowList;
        QList<Message> messageList;
        for (qsizetype i = 0; i < kHostile.size(); ++i) {
            Flow f;
            f.id = kHostile.at(i);
            f.title = kHostile.at(i);
            f.info = kHostile.at(i);
            flowList << f;
            messageList << serverMessage(kHostile.at(i), kHostile.at(i) + QString::number(i),
                100 + i, QStringLiteral("needle ") + kHostile.at(i), kHostile.at(i));
        }
        QVERIFY(flows.upsertFlows(flowList).isNone());
        QVERIFY(messages.insertOrUpdateMessages(messageList).isNone());

        for (qsizetype i = 0; i < kHostile.size(); ++i) {
            const std::optional<Flow> f = flows.flow(kHostile.at(i));
            QVERIFY2(f, qPrintable(kHostile.at(i)));
            QCOMPARE(f->title, kHostile.at(i));
            QCOMPARE(f->info, kHostile.at(i));
            const std::optional<Message> m = messages.message(kHostile.at(i) + QString::number(i));
            QVERIFY(m);
            QCOMPARE(m->text, QStringLiteral("needle ") + kHostile.at(i));
            QCOMPARE(m->fromId, kHostile.at(i));
            QCOMPARE(messages.count(kHostile.at(i)), 1);
        }
        QCOMPARE(flows.flows().size(), kHostile.size());
        QCOMPARE(messages.count(), kHostile.size());
        QCOMPARE(cache.committedCount(QStringLiteral("messages")), kHostile.size());
        QCOMPARE(cache.committedCount(QStringLiteral("flows")), kHostile.size());

        // Search input is quoted for FTS and bound, in every flow and in one.
        QCOMPARE(search.search(QStringLiteral("needle")).size(), kHostile.size());
        for (const QString &h : kHostile)
            QVERIFY(search.search(h).size() <= kHostile.size());
        QCOMPARE(search.search(QStringLiteral("needle"), kHostile.first()).size(), 1);

        QVERIFY(flows.removeFlow(kHostile.at(2)).isNone());
        QCOMPARE(flows.flows().size(), kHostile.size() - 1);
        QVERIFY(flows.flow(kHostile.at(0)));
    }
};

QTEST_GUILESS_MAIN(TestSqlInjection)
#include "tst_sqlinjection.moc"
