// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <QList>
#include <QPointer>

class QJsonObject;
class QWebSocket;
class QWebSocketServer;

namespace Natter::Testing {

class Chaos;

/// A Backend that accepts WebSocket connections on any path and hands every frame, text or
/// binary, to handleFrame(). Subclasses speak the protocol; this class owns the sockets.
class WebSocketBackend : public Backend
{
    Q_OBJECT
public:
    WebSocketBackend(Store &store, const QString &serverName, QObject *parent = nullptr);
    ~WebSocketBackend() override;

    bool listen(const QHostAddress &address, quint16 port) override;
    void close() override;
    bool isListening() const override;
    QUrl url() const override;
    quint16 port() const override;
    QString errorString() const override;
    void dropConnections() override;
    int connectionCount() const override { return int(m_sockets.size()); }

    static constexpr qint64 MaxFrameSize = 64 * 1024 * 1024;

    /// Puts @p chaos between the sockets and the protocol (null: none); not owned. See chaos.h.
    void setChaos(Chaos *chaos) { m_chaos = chaos; }
    Chaos *chaos() const { return m_chaos; }

protected:
    virtual void handleFrame(QWebSocket *socket, const QByteArray &frame) = 0;
    /// Sends @p frame as one compact JSON text frame.
    void sendJson(QWebSocket *socket, const QJsonObject &frame);
    void abortConnection(QWebSocket *socket);

private:
    void acceptConnections();
    void useSecureServer();
    void forget(QWebSocket *socket);
    /// A frame from a client, through the chaos layer when there is one.
    void receive(QWebSocket *socket, const QByteArray &frame);
    /// Chaos: close every connection and the listening socket, listen again after @p downMs.
    void restart(int downMs);

    QWebSocketServer *m_server;
    QList<QPointer<QWebSocket>> m_sockets;
    Chaos *m_chaos = nullptr; ///< not owned; outlives this backend or is unset first
    QWebSocket *m_swallowing = nullptr; ///< chaos: answers to this socket are not sent
};

} // namespace Natter::Testing
