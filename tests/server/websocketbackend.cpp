// SPDX-License-Identifier: GPL-3.0-or-later
#include "websocketbackend.h"

#include "chaos.h"
#include "serverlog.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;

namespace Natter::Testing {

WebSocketBackend::WebSocketBackend(Store &store, const QString &serverName, QObject *parent)
    : Backend(store, parent),
      m_server(new QWebSocketServer(serverName, QWebSocketServer::NonSecureMode, this))
{
    m_server->setMaxPendingConnections(64);
    connect(m_server, &QWebSocketServer::newConnection, this, &WebSocketBackend::acceptConnections);
    connect(m_server, &QWebSocketServer::acceptError, this,
        [](auto error) { qCWarning(lcTestServer) << "accept error" << error; });
}

WebSocketBackend::~WebSocketBackend()
{
    // Sockets are our children; stop them from calling back into a half-destroyed object.
    for (const auto &socket : std::as_const(m_sockets)) {
        if (socket) {
            socket->disconnect(this);
            socket->abort();
        }
    }
}

bool WebSocketBackend::listen(const QHostAddress &address, quint16 port)
{
    if (usesTls())
        useSecureServer();
    return m_server->listen(address, port);
}

void WebSocketBackend::close()
{
    m_server->close();
    dropConnections();
}

bool WebSocketBackend::isListening() const
{
    return m_server->isListening();
}

QUrl WebSocketBackend::url() const
{
    QUrl url;
    url.setScheme(usesTls() ? u"wss"_s : u"ws"_s);
    auto address = m_server->serverAddress();
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4)
        address = QHostAddress::LocalHost;
    else if (address == QHostAddress::AnyIPv6)
        address = QHostAddress::LocalHostIPv6;
    url.setHost(address.toString());
    url.setPort(m_server->serverPort());
    url.setPath(u"/ws"_s);
    return url;
}

quint16 WebSocketBackend::port() const
{
    return m_server->serverPort();
}

QString WebSocketBackend::errorString() const
{
    return m_server->errorString();
}

void WebSocketBackend::useSecureServer()
{
    // The mode is fixed at construction: swap in a SecureMode server before the first listen().
    if (m_server->secureMode() != QWebSocketServer::SecureMode) {
        const QString name = m_server->serverName();
        delete m_server;
        m_server = new QWebSocketServer(name, QWebSocketServer::SecureMode, this);
        m_server->setMaxPendingConnections(64);
        connect(
            m_server, &QWebSocketServer::newConnection, this, &WebSocketBackend::acceptConnections);
        connect(m_server, &QWebSocketServer::acceptError, this,
            [](auto error) { qCWarning(lcTestServer) << "accept error" << error; });
        connect(m_server, &QWebSocketServer::sslErrors, this, [](const QList<QSslError> &errors) {
            qCWarning(lcTestServer) << "TLS errors" << errors;
        });
    }
    m_server->setSslConfiguration(tlsConfiguration());
}

void WebSocketBackend::dropConnections()
{
    const auto sockets = m_sockets; // abort() re-enters forget() through disconnected()
    for (const auto &socket : sockets) {
        if (socket)
            abortConnection(socket);
    }
}

void WebSocketBackend::acceptConnections()
{
    while (auto *socket = m_server->nextPendingConnection()) {
        qCInfo(lcTestServer) << "client connected from" << socket->peerAddress().toString()
                             << "path" << socket->requestUrl().path();
        socket->setParent(this);
        socket->setMaxAllowedIncomingMessageSize(quint64(MaxFrameSize));
        m_sockets.append(socket);
        connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &text) { receive(socket, text.toUtf8()); });
        connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this, socket](const QByteArray &data) { receive(socket, data); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] { forget(socket); });
        Q_EMIT clientConnected();
    }
}

void WebSocketBackend::forget(QWebSocket *socket)
{
    if (!m_sockets.removeOne(socket))
        return;
    qCInfo(lcTestServer) << "client disconnected";
    if (m_chaos)
        m_chaos->forget(socket);
    socket->deleteLater();
    Q_EMIT clientDisconnected();
}

void WebSocketBackend::sendJson(QWebSocket *socket, const QJsonObject &frame)
{
    if (m_chaos && socket == m_swallowing)
        return;
    if (m_chaos && socket) {
        m_chaos->deliver(socket, frame);
        return;
    }
    if (socket && socket->state() == QAbstractSocket::ConnectedState)
        socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void WebSocketBackend::abortConnection(QWebSocket *socket)
{
    socket->abort();
    forget(socket); // abort() does not always emit disconnected() synchronously
}

void WebSocketBackend::receive(QWebSocket *socket, const QByteArray &frame)
{
    if (!m_chaos) {
        handleFrame(socket, frame);
        return;
    }
    switch (m_chaos->onRequest(socket)) {
    case Chaos::Verdict::Process:
        handleFrame(socket, frame);
        break;
    case Chaos::Verdict::Drop:
        abortConnection(socket);
        break;
    case Chaos::Verdict::DropAfterApply: {
        const QPointer<QWebSocket> guard(socket);
        m_swallowing = socket;
        handleFrame(socket, frame);
        m_swallowing = nullptr;
        if (guard)
            abortConnection(socket);
        break;
    }
    case Chaos::Verdict::Restart:
        restart(m_chaos->restartDownMs());
        break;
    }
}

void WebSocketBackend::restart(int downMs)
{
    const auto address = m_server->serverAddress();
    const auto port = m_server->serverPort();
    m_server->close();
    dropConnections();
    // The store stays: only the process "restarts". Listen again on the same port, retrying in
    // case the port is still held.
    auto relisten = std::make_shared<std::function<void(int)>>();
    *relisten = [this, address, port, relisten](int attempt) {
        if (m_server->isListening() || m_server->listen(address, port))
            return;
        if (attempt < 50)
            QTimer::singleShot(100, this, [relisten, attempt] { (*relisten)(attempt + 1); });
        else
            qCWarning(lcTestServer) << "chaos: cannot listen again on port" << port;
    };
    QTimer::singleShot(downMs, this, [relisten] { (*relisten)(0); });
}

} // namespace Natter::Testing
