// SPDX-License-Identifier: GPL-3.0-or-later
#include "frameprogress.h"

namespace Natter {

FrameProgress::FrameProgress(Transport &transport, QObject *parent)
    : QObject(parent), m_transport(transport)
{
    connect(&transport, &Transport::frameProgress, this, &FrameProgress::onFrameProgress);
}

void FrameProgress::addLastFrame(RequestId id, qint64 bytes)
{
    const quint64 serial = m_transport.lastFrameSerial();
    if (serial == 0 || m_transport.isFrameWritten(serial))
        return;
    // The payload size stands for the frame until the transport reports its wire size.
    m_requests[id].append({ serial, 0, bytes });
    m_bySerial.insert(serial, id);
}

bool FrameProgress::isWritten(RequestId id) const
{
    const auto it = m_requests.constFind(id);
    if (it == m_requests.constEnd())
        return true;
    for (const Frame &frame : *it)
        if (!m_transport.isFrameWritten(frame.serial))
            return false;
    return true;
}

void FrameProgress::forget(RequestId id)
{
    for (const Frame &frame : m_requests.take(id))
        m_bySerial.remove(frame.serial);
}

void FrameProgress::clear()
{
    m_requests.clear();
    m_bySerial.clear();
}

void FrameProgress::onFrameProgress(quint64 serial, qint64 done, qint64 total)
{
    const auto owner = m_bySerial.constFind(serial);
    if (owner == m_bySerial.constEnd())
        return;
    const RequestId id = *owner;
    QList<Frame> &frames = m_requests[id];
    qint64 sumDone = 0;
    qint64 sumTotal = 0;
    bool allWritten = true;
    for (Frame &frame : frames) {
        if (frame.serial == serial) {
            frame.done = done;
            frame.total = total;
        }
        sumDone += frame.done;
        sumTotal += frame.total;
        allWritten = allWritten && m_transport.isFrameWritten(frame.serial);
    }
    if (allWritten)
        forget(id);
    Q_EMIT progress(id, sumDone, std::max(sumTotal, sumDone));
}

} // namespace Natter
