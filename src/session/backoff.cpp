// SPDX-License-Identifier: GPL-3.0-or-later
#include "backoff.h"

#include <algorithm>
#include <cmath>

namespace Natter {

Backoff::Backoff(int initialMs, int maxMs, double factor, double jitter)
    : m_initialMs(std::max(1, initialMs)),
      m_maxMs(std::max(m_initialMs, maxMs)),
      m_factor(std::max(1.0, factor)),
      m_jitter(std::clamp(jitter, 0.0, 1.0)),
      m_random(QRandomGenerator::securelySeeded())
{ }

int Backoff::nextDelayMs()
{
    // Cap the exponent so the power never overflows, whatever the attempt count.
    const double exponent = std::min(m_attempts, 64);
    const double base = std::min<double>(m_maxMs, m_initialMs * std::pow(m_factor, exponent));
    ++m_attempts;
    const double spread = base * m_jitter;
    const double delay = base - spread + m_random.generateDouble() * 2.0 * spread;
    return int(std::clamp<double>(delay, 1.0, m_maxMs));
}

} // namespace Natter
