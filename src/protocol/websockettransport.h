// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport.h"

#include <QList>
#include <QWebSocket>

namespace Natter {

/// Transport over QWebSocket (ws:// and wss:// with normal TLS verification). A TLS error
/// ends the connection with TlsFailure unless the leaf certificate matches the pin.
class WebSocketTransport : public Transport
{
    Q_OBJECT
public:
    explicit WebSocketTransport(QObject *parent = nullptr);
    ~WebSocketTransport() override;

    void open(const QUrl &url) override;
    void close() override;
    bool isOpen() const override;
    void sendFrame(const QByteArray &utf8Json) override;
    quint64 lastFrameSerial() const override { return m_lastSerial; }
    bool isFrameWritten(quint64 serial) const override;
    void abort() override;

    /// Frames larger than this are refused with FrameTooLarge (default 64 MiB).
    void setMaxFrameBytes(qint64 bytes);

private:
    void onDisconnected();
    void onSslErrors(const QList<QSslError> &errors);
    void onFrame(const QByteArray &frame);
    void onBytesWritten(qint64 bytes);

    /// A frame on its way out: how many of its wire bytes the socket has written.
    struct Outgoing
    {
        quint64 serial = 0;
        qint64 total = 0;
        qint64 done = 0;
    };

    QWebSocket m_socket;
    qint64 m_maxFrameBytes = 64 * 1024 * 1024;
    bool m_closing = false;
    bool m_active = false; ///< between open() and the one closed() it ends with
    Error m_lastError;
    quint64 m_lastSerial = 0;
    QList<Outgoing> m_outgoing; ///< oldest first
};

} // namespace Natter
