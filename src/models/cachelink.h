// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/accountcache.h"

#include <QList>
#include <QObject>

#include <functional>

namespace Natter {

/// The connections a model holds to the stores of one AccountCache. AccountCache is no QObject,
/// so a model learns that the cache is closing from the destruction of its stores (close() and
/// the destructor destroy them before the database) and drops the cache then. Internal to
/// src/models/.
class CacheLink
{
public:
    template <typename Sender, typename Signal, typename Receiver, typename Slot>
    void connect(const Sender *sender, Signal signal, const Receiver *context, Slot &&slot)
    {
        m_connections.append(QObject::connect(sender, signal, context, std::forward<Slot>(slot)));
    }

    /// Calls `closed` when the first of the cache's stores is destroyed; the model then calls
    /// clear() and forgets the cache, so `closed` runs once.
    void watch(AccountCache &cache, const QObject *context, const std::function<void()> &closed)
    {
        const QList<QObject *> stores = { &cache.settings(), &cache.contacts(), &cache.users(),
            &cache.outbox(), &cache.messages(), &cache.flows() };
        for (QObject *store : stores)
            connect(store, &QObject::destroyed, context, closed);
    }

    void clear()
    {
        for (const QMetaObject::Connection &connection : std::as_const(m_connections))
            QObject::disconnect(connection);
        m_connections.clear();
    }

private:
    QList<QMetaObject::Connection> m_connections;
};

} // namespace Natter
