// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSslConfiguration>
#include <QStringList>
#include <QUrl>

#include <optional>

class QHostAddress;

namespace Natter::Testing {

class Store;
struct FlowRow;
struct MessageRow;
struct UserRow;

/// One wire protocol served from a Store. TestServer owns exactly one; a new protocol (wsmode,
/// distet) is a new subclass plus a line in TestServer's factory.
class Backend : public QObject
{
    Q_OBJECT
public:
    explicit Backend(Store &store, QObject *parent = nullptr);

    virtual bool listen(const QHostAddress &address, quint16 port) = 0;
    virtual void close() = 0;
    virtual bool isListening() const = 0;
    virtual QUrl url() const = 0;
    virtual quint16 port() const = 0;
    virtual QString errorString() const = 0;
    /// Abort every client connection now, without a close handshake.
    virtual void dropConnections() = 0;
    virtual int connectionCount() const = 0;

    /// How this protocol writes ids on the wire (r17: uuid strings, 2020: integers).
    virtual QString wireUserId(const UserRow &user) const;
    virtual QString wireFlowId(const FlowRow &flow) const;
    virtual QString wireMessageId(const MessageRow &message) const;
    virtual std::optional<FlowRow> flowByWireId(const QString &id) const;

    /// The next request of @p method is neither processed nor answered: the connection is
    /// aborted. One shot. An empty string clears it.
    void setDropOnMethod(const QString &method);
    /// Requests of @p method are neither processed nor answered until cleared. An empty string
    /// clears every silenced method.
    void setSilentOnMethod(const QString &method);
    /// Close the socket on a frame that is not a JSON object instead of answering 400.
    void setCloseOnGarbage(bool close) { m_closeOnGarbage = close; }
    bool closeOnGarbage() const { return m_closeOnGarbage; }

    /// TLS: set before listen() to serve wss:// / https://; a null configuration serves plain.
    void setTlsConfiguration(const QSslConfiguration &tls) { m_tls = tls; }
    bool usesTls() const { return !m_tls.isNull(); }
    QSslConfiguration tlsConfiguration() const { return m_tls; }

Q_SIGNALS:
    void requestReceived(const QString &type);
    void responseSent(const QString &type, int code);
    void clientConnected();
    void clientDisconnected();

protected:
    enum class HookAction { Answer, Drop, Silent };
    /// Emits requestReceived() and says what the test hooks want done with this request.
    /// @p aliases are other names of the same method (auth/authentication, all_flow/all_chat).
    HookAction takeHook(const QString &method, const QStringList &aliases = {});
    Store &store() const { return m_store; }

private:
    Store &m_store;
    QString m_dropOnce;
    QStringList m_silent;
    bool m_closeOnGarbage = false;
    QSslConfiguration m_tls;
};

} // namespace Natter::Testing
