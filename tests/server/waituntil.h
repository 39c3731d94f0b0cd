// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the tests that link natter_testserver: waiting on the event loop for a condition.
#pragma once

#include <QElapsedTimer>
#include <QTest>

namespace Natter::Testing {

/// Waits (running the event loop) until `condition` holds or `timeoutMs` passes.
template <typename Condition>
bool waitUntil(Condition condition, int timeoutMs = 20000)
{
    QElapsedTimer clock;
    clock.start();
    while (!condition()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QTest::qWait(20);
    }
    return true;
}

} // namespace Natter::Testing
