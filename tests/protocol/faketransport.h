// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/transport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

namespace Natter::Testing {

/// A transport the test drives by hand: it records what the client sends and injects frames.
class FakeTransport : public Transport
{
    Q_OBJECT
public:
    using Transport::Transport;

    void open(const QUrl &url) override
    {
        lastUrl = url;
        m_open = true;
        if (autoOpen)
            Q_EMIT opened();
    }
    void close() override
    {
        if (!m_open)
            return;
        m_open = false;
        Q_EMIT closed(Error());
    }
    bool isOpen() const override { return m_open; }
    void sendFrame(const QByteArray &utf8Json) override
    {
        sent.append(QJsonDocument::fromJson(utf8Json).object());
    }

    /// The server answers.
    void inject(const QJsonObject &frame)
    {
        Q_EMIT frameReceived(QJsonDocument(frame).toJson(QJsonDocument::Compact));
    }
    void injectRaw(const QByteArray &frame) { Q_EMIT frameReceived(frame); }
    /// The server vanishes.
    void drop()
    {
        m_open = false;
        Q_EMIT closed(Error::make(Error::Code::ConnectionLost, QStringLiteral("dropped")));
    }

    QList<QJsonObject> sent;
    QUrl lastUrl;
    bool autoOpen = true;

private:
    bool m_open = false;
};

} // namespace Natter::Testing
