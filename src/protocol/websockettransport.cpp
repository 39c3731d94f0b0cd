// SPDX-License-Identifier: GPL-3.0-or-later
#include "websockettransport.h"

#include "core/logging.h"
#include "tlscheck.h"

#include <QSslError>

namespace Natter {

WebSocketTransport::WebSocketTransport(QObject *parent) : Transport(parent)
{
    m_socket.setMaxAllowedIncomingMessageSize(quint64(m_maxFrameBytes));
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_lastError = {};
        Q_EMIT opened();
    });
    connect(&m_socket, &QWebSocket::disconnected, this, &WebSocketTransport::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this,
        [this](const QString &text) { onFrame(text.toUtf8()); });
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, &WebSocketTransport::onFrame);
    // Qt 6.4 names the signal error(); errorOccurred() arrived in 6.5.
    connect(&m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
        [this](QAbstractSocket::SocketError error) {
            if (error == QAbstractSocket::SslHandshakeFailedError)
                return; // sslErrors() carries the detail
            const auto code = error == QAbstractSocket::RemoteHostClosedError
                ? Error::Code::ConnectionLost
                : Error::Code::NetworkUnreachable;
            m_lastError = Error::make(code, m_socket.errorString());
            if (m_socket.state() == QAbstractSocket::UnconnectedState)
                onDisconnected();
        });
    connect(&m_socket, &QWebSocket::sslErrors, this, &WebSocketTransport::onSslErrors);
    connect(&m_socket, &QWebSocket::bytesWritten, this, &WebSocketTransport::onBytesWritten);
}

WebSocketTransport::~WebSocketTransport()
{
    m_closing = true;
    m_socket.disconnect(this);
    m_socket.abort();
}

void WebSocketTransport::open(const QUrl &url)
{
    m_closing = false;
    m_active = true;
    m_lastError = {};
    // Errors ignored for an earlier pin must not carry over to this connection.
    m_socket.ignoreSslErrors(QList<QSslError>());
    m_socket.open(url);
}

void WebSocketTransport::close()
{
    m_closing = true;
    if (m_socket.state() == QAbstractSocket::UnconnectedState
        || m_socket.state() == QAbstractSocket::ConnectingState) {
        m_socket.abort();
        onDisconnected();
        return;
    }
    m_socket.close();
}

bool WebSocketTransport::isOpen() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void WebSocketTransport::sendFrame(const QByteArray &utf8Json)
{
    // QWebSocket splits a message into frames of outgoingFrameSize() bytes; each carries a
    // header of 2 bytes, an extended length (2 or 8) and the client's 4-byte mask. The socket's
    // bytesWritten() counts all of it.
    const qint64 payload = utf8Json.size();
    const qint64 fragment = std::max<qint64>(1, qint64(m_socket.outgoingFrameSize()));
    qint64 wire = 0;
    qint64 left = payload;
    do {
        const qint64 part = std::min(left, fragment);
        wire += part + 2 + 4 + (part > 0xffff ? 8 : part > 125 ? 2 : 0);
        left -= part;
    } while (left > 0);
    m_outgoing.append({ ++m_lastSerial, wire, 0 });
    m_socket.sendTextMessage(QString::fromUtf8(utf8Json));
}

bool WebSocketTransport::isFrameWritten(quint64 serial) const
{
    for (const Outgoing &frame : m_outgoing)
        if (frame.serial == serial)
            return false;
    return true;
}

void WebSocketTransport::abort()
{
    if (!m_active) {
        m_outgoing.clear();
        return;
    }
    m_closing = false;
    m_lastError = Error::make(
        Error::Code::ConnectionLost, QStringLiteral("connection dropped to stop a frame"));
    m_outgoing.clear();
    m_socket.abort();
    onDisconnected();
}

void WebSocketTransport::onBytesWritten(qint64 bytes)
{
    // Written bytes belong to the oldest unfinished frame first. Control frames (a pong, the
    // close frame) are not in the list; the little they add only ends a frame early.
    while (bytes > 0 && !m_outgoing.isEmpty()) {
        Outgoing &frame = m_outgoing.first();
        const qint64 used = std::min(bytes, frame.total - frame.done);
        frame.done += used;
        bytes -= used;
        const Outgoing reported = frame;
        if (frame.done >= frame.total)
            m_outgoing.removeFirst();
        Q_EMIT frameProgress(reported.serial, reported.done, reported.total);
    }
}

void WebSocketTransport::setMaxFrameBytes(qint64 bytes)
{
    m_maxFrameBytes = bytes;
    m_socket.setMaxAllowedIncomingMessageSize(quint64(bytes));
    m_socket.setMaxAllowedIncomingFrameSize(quint64(bytes));
}

void WebSocketTransport::onSslErrors(const QList<QSslError> &errors)
{
    // Qt copies the live socket's configuration (with the peer's chain) before this signal.
    const QSslConfiguration live = m_socket.sslConfiguration();
    if (Tls::matchesPin(live.peerCertificate(), pinnedCertificate())) {
        qCInfo(lcProtocol) << "accepting the pinned certificate of" << m_socket.requestUrl().host()
                           << "despite" << errors.size() << "TLS errors";
        m_socket.ignoreSslErrors(errors);
        return;
    }
    m_lastError = Tls::failure(errors, m_socket.requestUrl().host(), live.peerCertificateChain());
    qCWarning(lcProtocol) << "TLS refused:" << m_lastError;
}

void WebSocketTransport::onDisconnected()
{
    if (!m_active)
        return;
    m_active = false;
    Error reason;
    if (!m_closing) {
        reason = m_lastError;
        // Qt may report the disconnect before the socket error that caused it.
        if (reason.isNone() && m_socket.error() != QAbstractSocket::UnknownSocketError
            && m_socket.error() != QAbstractSocket::RemoteHostClosedError)
            reason = Error::make(Error::Code::NetworkUnreachable, m_socket.errorString());
        if (reason.isNone())
            reason = Error::make(
                Error::Code::ConnectionLost, QStringLiteral("connection closed by the server"));
        if (m_socket.closeCode() == QWebSocketProtocol::CloseCodeTooMuchData)
            reason = Error::make(Error::Code::FrameTooLarge,
                QStringLiteral("frame over %1 bytes").arg(m_maxFrameBytes));
    }
    m_closing = false;
    m_lastError = {};
    m_outgoing.clear();
    Q_EMIT closed(reason);
}

void WebSocketTransport::onFrame(const QByteArray &frame)
{
    if (frame.size() > m_maxFrameBytes) {
        Q_EMIT frameRejected(Error::make(Error::Code::FrameTooLarge,
            QStringLiteral("frame of %1 bytes over the %2-byte limit")
                .arg(frame.size())
                .arg(m_maxFrameBytes)));
        return;
    }
    Q_EMIT frameReceived(frame);
}

} // namespace Natter
