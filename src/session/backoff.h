// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRandomGenerator>

namespace Natter {

/// Exponential backoff with jitter for reconnects: initial, initial·factor, … capped at max,
/// each delay spread by ±jitter so that many clients do not reconnect in lockstep.
class Backoff
{
public:
    explicit Backoff(
        int initialMs = 1000, int maxMs = 60000, double factor = 2.0, double jitter = 0.2);

    /// The delay before the next attempt; advances the attempt count.
    int nextDelayMs();
    /// After a success: the next delay starts from `initialMs` again.
    void reset() { m_attempts = 0; }
    int attempts() const { return m_attempts; }

    /// Deterministic jitter for tests.
    void setSeed(quint32 seed) { m_random.seed(seed); }

    int initialMs() const { return m_initialMs; }
    int maxMs() const { return m_maxMs; }

private:
    int m_initialMs;
    int m_maxMs;
    double m_factor;
    double m_jitter;
    int m_attempts = 0;
    QRandomGenerator m_random;
};

} // namespace Natter
