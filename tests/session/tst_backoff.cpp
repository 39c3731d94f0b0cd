// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/backoff.h"

#include <QTest>

using namespace Natter;

class TestBackoff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void growsExponentiallyWithinJitter()
    {
        Backoff backoff(1000, 60000, 2.0, 0.2);
        backoff.setSeed(7);
        const int expected[] = { 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000 };
        for (int base : expected) {
            const int delay = backoff.nextDelayMs();
            QVERIFY2(delay >= base * 0.8 && delay <= std::min(60000.0, base * 1.2),
                qPrintable(QStringLiteral("%1 not within 20% of %2").arg(delay).arg(base)));
        }
        QCOMPARE(backoff.attempts(), 8);
    }

    void resetStartsOver()
    {
        Backoff backoff(500, 10000, 3.0, 0.0);
        QCOMPARE(backoff.nextDelayMs(), 500);
        QCOMPARE(backoff.nextDelayMs(), 1500);
        backoff.reset();
        QCOMPARE(backoff.nextDelayMs(), 500);
    }

    void neverExceedsMaxEvenAfterManyAttempts()
    {
        Backoff backoff(1000, 30000, 2.0, 0.5);
        for (int i = 0; i < 10000; ++i)
            QVERIFY(backoff.nextDelayMs() <= 30000);
    }

    void jitterSpreadsClients()
    {
        // Two clients failing at the same moment should not retry in lockstep.
        Backoff a(1000, 60000, 2.0, 0.2), b(1000, 60000, 2.0, 0.2);
        a.setSeed(1);
        b.setSeed(2);
        int differing = 0;
        for (int i = 0; i < 10; ++i)
            differing += a.nextDelayMs() != b.nextDelayMs();
        QVERIFY(differing >= 8);
    }

    void sanitisesArguments()
    {
        Backoff backoff(0, -5, 0.5, 7.0);
        const int delay = backoff.nextDelayMs();
        QVERIFY(delay >= 1);
        QVERIFY(delay <= backoff.maxMs());
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
