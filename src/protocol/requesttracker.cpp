// SPDX-License-Identifier: GPL-3.0-or-later
#include "requesttracker.h"

#include <algorithm>

namespace Natter {

RequestTracker::RequestTracker(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RequestTracker::expire);
}

RequestId RequestTracker::add(const QString &kind, int timeoutMs, const QVariantHash &context)
{
    Pending p;
    p.id = nextId();
    p.kind = kind;
    p.sentAtMs = m_clock.elapsed();
    p.deadlineMs = p.sentAtMs + timeoutMs;
    p.context = context;
    m_pending.append(p);
    rearm();
    return p.id;
}

std::optional<RequestTracker::Pending> RequestTracker::oldest(const QString &kind) const
{
    for (const Pending &p : m_pending)
        if (p.kind == kind)
            return p;
    return std::nullopt;
}

std::optional<RequestTracker::Pending> RequestTracker::oldestOf(const QStringList &kinds) const
{
    for (const Pending &p : m_pending)
        if (!p.kind.isEmpty() && (kinds.isEmpty() || kinds.contains(p.kind)))
            return p;
    return std::nullopt;
}

std::optional<RequestTracker::Pending> RequestTracker::find(RequestId id) const
{
    for (const Pending &p : m_pending)
        if (p.id == id)
            return p;
    return std::nullopt;
}

std::optional<RequestTracker::Pending> RequestTracker::take(RequestId id)
{
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        if (it->id == id) {
            Pending p = *it;
            m_pending.erase(it);
            rearm();
            return p;
        }
    }
    return std::nullopt;
}

void RequestTracker::rekind(RequestId id, const QString &kind)
{
    for (Pending &p : m_pending)
        if (p.id == id)
            p.kind = kind;
}

void RequestTracker::extend(RequestId id, int timeoutMs)
{
    for (Pending &p : m_pending)
        if (p.id == id)
            p.deadlineMs = m_clock.elapsed() + timeoutMs;
    rearm();
}

QList<RequestTracker::Pending> RequestTracker::takeAll()
{
    QList<Pending> all;
    all.swap(m_pending);
    m_timer.stop();
    return all;
}

void RequestTracker::rearm()
{
    if (m_pending.isEmpty()) {
        m_timer.stop();
        return;
    }
    const auto earliest = std::min_element(m_pending.cbegin(), m_pending.cend(),
        [](const Pending &a, const Pending &b) { return a.deadlineMs < b.deadlineMs; });
    const qint64 wait = std::max<qint64>(0, earliest->deadlineMs - m_clock.elapsed());
    m_timer.start(int(std::min<qint64>(wait, std::numeric_limits<int>::max())));
}

void RequestTracker::expire()
{
    const qint64 now = m_clock.elapsed();
    QList<Pending> expired;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->deadlineMs <= now) {
            expired.append(*it);
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    rearm();
    for (const Pending &p : std::as_const(expired))
        Q_EMIT timedOut(p);
}

} // namespace Natter
