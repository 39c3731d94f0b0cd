// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

namespace Natter::Testing {

/// A raw WebSocket client for server tests: sends JSON, queues every text frame it receives.
/// Header-only; shared by the tests of every WebSocket test server.
class RawClient
{
public:
    explicit RawClient(const QUrl &url)
    {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
            [this](const QString &text) { m_frames.append(text); });
        m_socket.open(url);
    }
    bool waitConnected()
    {
        return QTest::qWaitFor(
            [this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }
    bool waitDisconnected(int ms = 5000)
    {
        return QTest::qWaitFor(
            [this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, ms);
    }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QJsonObject &request)
    {
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(request).toJson()));
    }
    void sendText(const QString &text) { m_socket.sendTextMessage(text); }
    void sendBinary(const QByteArray &data) { m_socket.sendBinaryMessage(data); }
    /// The next frame as an object; an empty object if none arrives within @p ms.
    QJsonObject next(int ms = 5000)
    {
        if (m_frames.isEmpty()) {
            // An event loop rather than QTest::qWaitFor: its 10 ms polling would make the
            // hundreds of round trips below needlessly slow.
            QEventLoop loop;
            QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &loop, &QEventLoop::quit,
                Qt::QueuedConnection);
            QObject::connect(&m_socket, &QWebSocket::disconnected, &loop, &QEventLoop::quit);
            QTimer::singleShot(ms, &loop, &QEventLoop::quit);
            loop.exec();
        }
        if (m_frames.isEmpty())
            return {};
        return QJsonDocument::fromJson(m_frames.takeFirst().toUtf8()).object();
    }
    QJsonObject call(const QJsonObject &request)
    {
        send(request);
        return next();
    }
    qsizetype pending() const { return m_frames.size(); }

private:
    QWebSocket m_socket;
    QStringList m_frames;
};

} // namespace Natter::Testing
