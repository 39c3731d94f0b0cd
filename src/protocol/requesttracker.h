// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocolclient.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QVariantHash>

#include <functional>
#include <optional>

namespace Natter {

/// Outstanding requests of one client: monotonic ids, FIFO correlation per kind for
/// protocols with no ids on the wire, and a deadline for each request.
class RequestTracker : public QObject
{
    Q_OBJECT
public:
    struct Pending
    {
        RequestId id = 0;
        QString kind; ///< the wire method name the answer will carry
        qint64 sentAtMs = 0; ///< monotonic clock
        qint64 deadlineMs = 0;
        QVariantHash context; ///< whatever the client needs to finish the request
    };

    explicit RequestTracker(QObject *parent = nullptr);

    /// Registers a request and starts its deadline (timeoutMs from now).
    RequestId add(const QString &kind, int timeoutMs, const QVariantHash &context = {});
    /// The oldest outstanding request of `kind`, left in place.
    std::optional<Pending> oldest(const QString &kind) const;
    /// The oldest outstanding request of any of `kinds` (or of any kind when empty). Requests
    /// whose kind is still empty (not on the wire yet) never match.
    std::optional<Pending> oldestOf(const QStringList &kinds = {}) const;
    std::optional<Pending> find(RequestId id) const;
    /// Removes and returns a request.
    std::optional<Pending> take(RequestId id);
    /// Changes the kind a request waits for (e.g. a retry under another method name).
    void rekind(RequestId id, const QString &kind);
    /// Pushes the deadline of a still-running request (e.g. a 206 partial answer arrived).
    void extend(RequestId id, int timeoutMs);
    /// Removes every request and returns them oldest first.
    QList<Pending> takeAll();
    int count() const { return int(m_pending.size()); }

    RequestId nextId() { return ++m_lastId; }

Q_SIGNALS:
    /// The request was removed because its deadline passed.
    void timedOut(const Natter::RequestTracker::Pending &request);

private:
    void rearm();
    void expire();

    QList<Pending> m_pending; ///< in send order
    RequestId m_lastId = 0;
    QElapsedTimer m_clock;
    QTimer m_timer;
};

} // namespace Natter
