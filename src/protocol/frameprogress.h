// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocolclient.h"
#include "transport.h"

#include <QHash>
#include <QList>

namespace Natter {

/// Turns a transport's per-frame write progress into per-request progress for the WebSocket
/// clients: a request may go out as several frames (wsmode sends each attachment apart).
class FrameProgress : public QObject
{
    Q_OBJECT
public:
    explicit FrameProgress(Transport &transport, QObject *parent = nullptr);

    /// The frame just given to the transport (`bytes` long) belongs to request `id`. Call
    /// right after sendFrame(); frames of transports that report no progress are ignored.
    void addLastFrame(RequestId id, qint64 bytes);
    /// Whether every tracked frame of `id` is whole on the wire (true for untracked ids).
    bool isWritten(RequestId id) const;
    void forget(RequestId id);
    void clear();

Q_SIGNALS:
    void progress(Natter::RequestId id, qint64 done, qint64 total);

private:
    void onFrameProgress(quint64 serial, qint64 done, qint64 total);

    struct Frame
    {
        quint64 serial = 0;
        qint64 done = 0;
        qint64 total = 0;
    };
    Transport &m_transport;
    QHash<RequestId, QList<Frame>> m_requests;
    QHash<quint64, RequestId> m_bySerial;
};

} // namespace Natter
