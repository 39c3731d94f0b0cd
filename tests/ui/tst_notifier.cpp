// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/appsettings.h"
#include "ui/notifier.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;

class TestNotifier : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;

    std::unique_ptr<Notifier> makeNotifier()
    {
        auto notifier = std::make_unique<Notifier>(m_settings.get());
        notifier->setCoalesceInterval(40);
        return notifier;
    }

private Q_SLOTS:
    void init()
    {
        QFile::remove(m_dir.filePath(QStringLiteral("n.ini")));
        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("n.ini")));
    }

    void singleMessageWithPreview()
    {
        auto notifier = makeNotifier();
        QSignalSpy spy(notifier.get(), &Notifier::notify);
        notifier->onMessage(QStringLiteral("f1"), QStringLiteral("Team"), QStringLiteral("Ann"),
            QStringLiteral("Lunch?"), false, false);
        QVERIFY(spy.isEmpty()); // waits for the burst to end
        QTRY_COMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("Team"));
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("Ann: Lunch?"));
        QCOMPARE(spy.at(0).at(2).toString(), QStringLiteral("f1"));

        // In a direct chat the title already names the author.
        notifier->onMessage(QStringLiteral("d1"), QStringLiteral("Bob"), QStringLiteral("Bob"),
            QStringLiteral("hi"), false, false);
        QTRY_COMPARE(spy.size(), 2);
        QCOMPARE(spy.at(1).at(1).toString(), QStringLiteral("hi"));
    }

    void suppressed()
    {
        auto notifier = makeNotifier();
        QSignalSpy spy(notifier.get(), &Notifier::notify);
        const QString f = QStringLiteral("f1");
        const QString t = QStringLiteral("Team");
        const QString a = QStringLiteral("Ann");
        notifier->onMessage(f, t, a, QStringLiteral("own"), true, false);
        notifier->onMessage(f, t, a, QStringLiteral("muted"), false, true);
        notifier->setViewState(f, true);
        notifier->onMessage(f, t, a, QStringLiteral("in view"), false, false);
        QTest::qWait(120);
        QCOMPARE(spy.size(), 0);

        // The open flow of an inactive window, or another flow, does notify.
        notifier->setViewState(f, false);
        notifier->onMessage(f, t, a, QStringLiteral("window inactive"), false, false);
        QTRY_COMPARE(spy.size(), 1);
        notifier->setViewState(f, true);
        notifier->onMessage(QStringLiteral("f2"), t, a, QStringLiteral("other flow"), false, false);
        QTRY_COMPARE(spy.size(), 2);
        QCOMPARE(spy.at(1).at(2).toString(), QStringLiteral("f2"));

        // Notifications off in the settings.
        m_settings->setNotifications(false);
        notifier->onMessage(QStringLiteral("f3"), t, a, QStringLiteral("off"), false, false);
        QTest::qWait(120);
        QCOMPARE(spy.size(), 2);
    }

    void openingTheFlowDropsWhatWaits()
    {
        auto notifier = makeNotifier();
        notifier->setCoalesceInterval(80);
        QSignalSpy spy(notifier.get(), &Notifier::notify);
        notifier->onMessage(QStringLiteral("f1"), QStringLiteral("Team"), QStringLiteral("Ann"),
            QStringLiteral("x"), false, false);
        notifier->setViewState(QStringLiteral("f1"), true);
        QTest::qWait(200);
        QCOMPARE(spy.size(), 0);
    }

    void burstIsCoalesced()
    {
        auto notifier = makeNotifier();
        notifier->setCoalesceInterval(150);
        QSignalSpy spy(notifier.get(), &Notifier::notify);
        for (const char *text : { "one", "two", "three" })
            notifier->onMessage(QStringLiteral("f1"), QStringLiteral("Team"), QStringLiteral("Ann"),
                QString::fromLatin1(text), false, false);
        notifier->onMessage(QStringLiteral("f2"), QStringLiteral("Other"), QStringLiteral("Bob"),
            QStringLiteral("solo"), false, false);
        QTRY_COMPARE(spy.size(), 2);
        QTest::qWait(200);
        QCOMPARE(spy.size(), 2);
        QList<QVariantList> byFlow = { spy.at(0), spy.at(1) };
        if (byFlow.at(0).at(2).toString() != u"f1")
            byFlow.swapItemsAt(0, 1);
        QCOMPARE(byFlow.at(0).at(1).toString(), QStringLiteral("3 new messages\nAnn: three"));
        QCOMPARE(byFlow.at(1).at(1).toString(), QStringLiteral("Bob: solo"));
    }

    void withoutPreview()
    {
        m_settings->setNotificationPreview(false);
        auto notifier = makeNotifier();
        QSignalSpy spy(notifier.get(), &Notifier::notify);
        notifier->onMessage(QStringLiteral("f1"), QStringLiteral("Secret plans"),
            QStringLiteral("Ann"), QStringLiteral("the code is 1234"), false, false);
        QTRY_COMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("New message"));
        QVERIFY(!spy.at(0).at(0).toString().contains(QStringLiteral("Secret")));
        QCOMPARE(spy.at(0).at(2).toString(), QStringLiteral("f1"));

        notifier->setCoalesceInterval(150);
        for (int i = 0; i < 2; ++i)
            notifier->onMessage(QStringLiteral("f1"), QStringLiteral("Secret plans"),
                QStringLiteral("Ann"), QStringLiteral("more"), false, false);
        QTRY_COMPARE(spy.size(), 2);
        QCOMPARE(spy.at(1).at(1).toString(), QStringLiteral("2 new messages"));
    }
};

QTEST_GUILESS_MAIN(TestNotifier)
#include "tst_notifier.moc"
