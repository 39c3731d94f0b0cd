// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/messagestore.h"
#include "storage/searchindex.h"
#include "testcache.h"

#include <memory>

using namespace Natter;
using Natter::Test::serverMessage;
using Natter::Test::TempCache;

namespace {

QStringList keysOf(const QList<SearchHit> &hits)
{
    QStringList keys;
    for (const SearchHit &h : hits)
        keys.append(h.key);
    return keys;
}

} // namespace

class TestSearchIndex : public QObject
{
    Q_OBJECT

    std::unique_ptr<TempCache> m_cache;
    std::unique_ptr<MessageStore> m_messages;
    std::unique_ptr<SearchIndex> m_search;

private Q_SLOTS:
    void init()
    {
        // A failing MATCH would log a warning and return nothing: fail instead.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        m_cache = std::make_unique<TempCache>();
        QVERIFY(m_cache->open());
        m_messages = std::make_unique<MessageStore>(m_cache->db);
        m_search = std::make_unique<SearchIndex>(m_cache->db);
        QVERIFY(m_messages
                    ->insertOrUpdateMessages({
                        serverMessage(QStringLiteral("f1"), QStringLiteral("m1"), 100,
                            QStringLiteral("Hello world")),
                        serverMessage(QStringLiteral("f1"), QStringLiteral("m2"), 300,
                            QStringLiteral("hello again, helicopter")),
                        serverMessage(QStringLiteral("f2"), QStringLiteral("m3"), 200,
                            QStringLiteral("HELLO from the other flow")),
                        serverMessage(QStringLiteral("f2"), QStringLiteral("m4"), 400,
                            QStringLiteral("rock AND roll (live) \"quoted\" 100% a*b")),
                        serverMessage(QStringLiteral("f2"), QStringLiteral("m5"), 500,
                            QStringLiteral("Привет, МИР! Как дела?")),
                        serverMessage(QStringLiteral("f1"), QStringLiteral("m6"), 600,
                            QStringLiteral("un café crème")),
                    })
                    .isNone());
    }

    void cleanup()
    {
        // Stores hold prepared queries: they go before the database.
        m_search.reset();
        m_messages.reset();
        m_cache.reset();
    }

    void wordQueryNewestFirst()
    {
        const QList<SearchHit> hits = m_search->search(QStringLiteral("hello"));
        QCOMPARE(keysOf(hits),
            (QStringList { QStringLiteral("m2"), QStringLiteral("m3"), QStringLiteral("m1") }));
        QCOMPARE(hits.first().flowId, QStringLiteral("f1"));
        QCOMPARE(hits.first().time, 300);
        QCOMPARE(hits.first().fromId, QStringLiteral("u2"));
        QVERIFY2(hits.first().snippet.contains(QLatin1String("[hello]")),
            qPrintable(hits.first().snippet));
        QCOMPARE(keysOf(m_search->search(QStringLiteral("hello world"))),
            QStringList { QStringLiteral("m1") });
        QVERIFY(m_search->search(QStringLiteral("absent")).isEmpty());
        QCOMPARE(m_search->search(QStringLiteral("hello"), {}, 2).size(), 2);
    }

    void prefix()
    {
        QCOMPARE(keysOf(m_search->search(QStringLiteral("heli*"))),
            QStringList { QStringLiteral("m2") });
        QCOMPARE(m_search->search(QStringLiteral("hel*")).size(), 3);
        QVERIFY(m_search->search(QStringLiteral("heli")).isEmpty()); // no star: whole words
    }

    void flowFilter()
    {
        QCOMPARE(keysOf(m_search->search(QStringLiteral("hello"), QStringLiteral("f1"))),
            (QStringList { QStringLiteral("m2"), QStringLiteral("m1") }));
        QCOMPARE(keysOf(m_search->search(QStringLiteral("hello"), QStringLiteral("f2"))),
            QStringList { QStringLiteral("m3") });
        QVERIFY(m_search->search(QStringLiteral("hello"), QStringLiteral("f3")).isEmpty());
    }

    void syntaxInUserInputIsLiteral_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QStringList>("expected");
        const QStringList m4 { QStringLiteral("m4") };
        QTest::newRow("operator AND") << QStringLiteral("AND") << m4;
        QTest::newRow("AND between words") << QStringLiteral("rock AND roll") << m4;
        QTest::newRow("OR NOT") << QStringLiteral("rock OR NOT") << QStringList();
        QTest::newRow("lone quote") << QStringLiteral("\"") << QStringList();
        QTest::newRow("quoted word") << QStringLiteral("\"quoted\"") << m4;
        QTest::newRow("unbalanced quote") << QStringLiteral("\"rock") << m4;
        QTest::newRow("lone star") << QStringLiteral("*") << QStringList();
        QTest::newRow("star inside") << QStringLiteral("a*b") << m4;
        QTest::newRow("parentheses") << QStringLiteral("(live)") << m4;
        QTest::newRow("open paren") << QStringLiteral("roll (") << m4;
        QTest::newRow("column filter") << QStringLiteral("text:rock") << QStringList();
        QTest::newRow("NEAR") << QStringLiteral("NEAR(rock roll)") << QStringList();
        QTest::newRow("caret minus plus") << QStringLiteral("^rock -roll +live") << m4;
        QTest::newRow("percent") << QStringLiteral("100%") << m4;
        QTest::newRow("sql quote") << QStringLiteral("rock' OR 1=1 --") << QStringList();
        QTest::newRow("backslash braces") << QStringLiteral("\\ {rock} [roll]") << m4;
        QTest::newRow("empty") << QString() << QStringList();
        QTest::newRow("spaces") << QStringLiteral("   \t ") << QStringList();
    }

    void syntaxInUserInputIsLiteral()
    {
        QFETCH(QString, input);
        QFETCH(QStringList, expected);
        QCOMPARE(keysOf(m_search->search(input)), expected);
    }

    void matchExpressionQuotesEveryWord()
    {
        QCOMPARE(SearchIndex::matchExpression(QStringLiteral("he said \"hi\" pre*")),
            QStringLiteral("\"he\" \"said\" \"\"\"hi\"\"\" \"pre\"*"));
        QCOMPARE(SearchIndex::matchExpression(QStringLiteral("*** -- ")), QString());
    }

    void cyrillicAndDiacritics()
    {
        QCOMPARE(keysOf(m_search->search(QStringLiteral("привет"))),
            QStringList { QStringLiteral("m5") });
        QCOMPARE(
            keysOf(m_search->search(QStringLiteral("мир"))), QStringList { QStringLiteral("m5") });
        QCOMPARE(
            keysOf(m_search->search(QStringLiteral("ДЕЛА"))), QStringList { QStringLiteral("m5") });
        QCOMPARE(keysOf(m_search->search(QStringLiteral("Прив*"))),
            QStringList { QStringLiteral("m5") });
        QCOMPARE(keysOf(m_search->search(QStringLiteral("cafe creme"))),
            QStringList { QStringLiteral("m6") });
        QVERIFY(m_search->search(QStringLiteral("мирный")).isEmpty());
    }

    void indexFollowsEditsDeletesAndEchoes()
    {
        QVERIFY(m_messages->applyEdit(QStringLiteral("m1"), QStringLiteral("goodbye planet"), 999)
                    .isNone());
        QCOMPARE(keysOf(m_search->search(QStringLiteral("planet"))),
            QStringList { QStringLiteral("m1") });
        QCOMPARE(m_search->search(QStringLiteral("hello")).size(), 2);

        QVERIFY(m_messages->markDeleted(QStringLiteral("m2")).isNone());
        QVERIFY(m_search->search(QStringLiteral("helicopter")).isEmpty());

        Message echo;
        echo.flowId = QStringLiteral("f1");
        echo.clientId = 42;
        echo.time = 1000;
        echo.text = QStringLiteral("unsent zeppelin");
        QVERIFY(m_messages->insertOrUpdateMessages({ echo }).isNone());
        QCOMPARE(keysOf(m_search->search(QStringLiteral("zeppelin"))),
            QStringList { QStringLiteral("local:42") });
        // The confirmed copy moves in time; the index moves with it and keeps one entry.
        QVERIFY(m_messages->confirmLocalEcho(42, QStringLiteral("s42"), 50).isNone());
        const QList<SearchHit> hits = m_search->search(QStringLiteral("zeppelin"));
        QCOMPARE(keysOf(hits), QStringList { QStringLiteral("s42") });
        QCOMPARE(hits.first().time, 50);
    }

    void flowIdsAreNotText()
    {
        // Flow ids are indexed to narrow flow searches; they must never match user words.
        QVERIFY(m_search->search(QStringLiteral("f1")).isEmpty());
        QVERIFY(m_messages
                    ->insertOrUpdateMessages({ serverMessage(QStringLiteral("we\"ird f-1"),
                        QStringLiteral("q"), 700, QStringLiteral("hello quirky")) })
                    .isNone());
        QCOMPARE(keysOf(m_search->search(QStringLiteral("hello"), QStringLiteral("we\"ird f-1"))),
            QStringList { QStringLiteral("q") });
        QVERIFY(m_search->search(QStringLiteral("hello"), QStringLiteral("we\"ird")).isEmpty());
        QVERIFY(m_search->search(QStringLiteral("quirky"), QStringLiteral("f-1")).isEmpty());
        QVERIFY(m_messages
                    ->insertOrUpdateMessages({ serverMessage(QStringLiteral("--"),
                        QStringLiteral("p"), 800, QStringLiteral("hello punctuation")) })
                    .isNone());
        QCOMPARE(keysOf(m_search->search(QStringLiteral("hello"), QStringLiteral("--"))),
            QStringList { QStringLiteral("p") });
    }

    void longTextSnippet()
    {
        QString text;
        for (int i = 0; i < 60; ++i)
            text += QStringLiteral("filler%1 ").arg(i);
        text += QStringLiteral("needle");
        for (int i = 0; i < 60; ++i)
            text += QStringLiteral(" tail%1").arg(i);
        QVERIFY(m_messages
                    ->insertOrUpdateMessages(
                        { serverMessage(QStringLiteral("f3"), QStringLiteral("long"), 50, text) })
                    .isNone());
        const QList<SearchHit> hits = m_search->search(QStringLiteral("needle"));
        QCOMPARE(hits.size(), 1);
        const QString snippet = hits.first().snippet;
        QVERIFY2(snippet.contains(QLatin1String("[needle]")), qPrintable(snippet));
        QVERIFY2(snippet.startsWith(QStringLiteral("…")), qPrintable(snippet));
        QVERIFY2(snippet.endsWith(QStringLiteral("…")), qPrintable(snippet));
        QVERIFY(snippet.size() < text.size() / 4);
    }

    void rebuildKeepsResults()
    {
        QVERIFY(m_search->rebuild().isNone());
        QCOMPARE(m_search->search(QStringLiteral("hello")).size(), 3);
    }

    void highlightMarkers()
    {
        m_search->setHighlightMarkers(QStringLiteral("<b>"), QStringLiteral("</b>"));
        const QList<SearchHit> hits = m_search->search(QStringLiteral("world"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().snippet, QStringLiteral("Hello <b>world</b>"));
    }
};

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
