// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QObject>
#include <QUrl>

namespace Natter {

/// A message-oriented connection: one JSON document per frame. Tests swap it for a fake.
class Transport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void open(const QUrl &url) = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    virtual void sendFrame(const QByteArray &utf8Json) = 0;
    /// The serial number of the last frame given to sendFrame() (1, 2, …; 0 before any).
    /// Transports that report no write progress return 0.
    virtual quint64 lastFrameSerial() const { return 0; }
    /// Whether frame `serial` is whole on the wire (unknown frames count as written).
    virtual bool isFrameWritten(quint64 serial) const
    {
        Q_UNUSED(serial)
        return true;
    }
    /// Drops the connection at once, unwritten data included; closed() follows with an error.
    virtual void abort() { close(); }

    /// SHA-256 of the one certificate (DER, lowercase hex) whose verification errors are
    /// ignored; empty: every error fails the connection. Read at each open().
    void setPinnedCertificate(const QString &sha256Hex) { m_pinnedCertificate = sha256Hex; }
    QString pinnedCertificate() const { return m_pinnedCertificate; }

Q_SIGNALS:
    void opened();
    /// The connection ended; `reason` is None for a close we asked for.
    void closed(const Natter::Error &reason);
    /// A whole frame, text or binary; frames over the size limit never arrive here.
    void frameReceived(const QByteArray &frame);
    /// A frame was refused (too large); the connection stays up.
    void frameRejected(const Natter::Error &error);
    /// Bytes of frame `serial` handed to the network so far (framing included).
    void frameProgress(quint64 serial, qint64 done, qint64 total);

private:
    QString m_pinnedCertificate;
};

} // namespace Natter
