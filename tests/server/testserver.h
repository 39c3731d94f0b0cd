// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace Natter::Testing {

class Backend;
class Chaos;
struct ChaosOptions;
class Store;

/// The wire protocols a TestServer can speak.
enum class Protocol {
    Morelia2020, ///< "morelia-2020": the July-2020 MoreliaTalk document
    MoreliaR17, ///< "morelia-r17" (or "morelia"): MoreliaTalk 1.0 revision 17
    WsMode, ///< "wsmode": the WS-server mode protocol (seeds 004 + 002 draft)
    Distet, ///< "distet": the DisTet HTTP API (seed 003), url() is http://127.0.0.1:PORT
};

/// "morelia-2020", "morelia-r17", "morelia" (= r17), "wsmode"; nullopt for anything else.
std::optional<Protocol> protocolFromName(const QString &name);
QString protocolName(Protocol protocol);
QStringList protocolNames();

/// A local server for tests and manual runs: one protocol backend over one SQLite store.
/// Use it in-process (listen on 127.0.0.1:0, then url()) or through natter-testserver.
class TestServer : public QObject
{
    Q_OBJECT
public:
    explicit TestServer(Protocol protocol, QObject *parent = nullptr);
    ~TestServer() override;

    Protocol protocol() const { return m_protocol; }

    /// Opens the store: a file or ":memory:". listen() opens ":memory:" if this was not called.
    bool open(const QString &dataFile = QStringLiteral(":memory:"));
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    void close();
    bool isListening() const;
    /// ws://127.0.0.1:PORT/ws for the WebSocket protocols (any path is accepted).
    QUrl url() const;
    quint16 port() const;
    QString errorString() const;

    // Test hooks
    /// Demo users alice, bob, carol (password "demo"), three flows, 21 messages. Idempotent.
    void seedDemo();
    /// Creates a user directly in the store; returns its wire id, or empty if the login is taken.
    QString createUser(const QString &login, const QString &password, const QString &username = {});
    /// Creates a flow of @p type (chat, group, channel) whose owner is the first login; returns
    /// its wire id (a decimal integer in 2020, a uuid in r17) or empty on an unknown login.
    QString createFlow(const QString &type, const QString &title, const QStringList &memberLogins);
    /// Posts a message as @p login into the flow with wire id @p flowId, as if another client had
    /// sent it; returns the message's wire id or empty on failure.
    QString postMessage(const QString &flowId, const QString &login, const QString &text);
    /// Posts @p count messages as @p login in one transaction (benchmarks seed big histories);
    /// @p text gives the text of message i. Returns how many were stored.
    int bulkPostMessages(const QString &flowId, const QString &login, int count,
        const std::function<QString(int)> &text);
    /// Aborts every client socket now.
    void dropConnections();
    /// The next request of @p type is not processed: the server aborts that connection.
    void setDropOnMethod(const QString &type);
    /// Requests of @p type are neither processed nor answered (empty: answer everything again).
    void setSilentOnMethod(const QString &type);
    /// On a frame that is not a JSON object: close the socket (true) or answer 400 (default).
    void setCloseOnGarbage(bool close);
    /// Chaos mode (WebSocket protocols only; see chaos.h): delays, drops, reorders, garbage and
    /// restarts, deterministic for options.seed. Replaces an earlier chaos layer; returns it
    /// (owned by the server), or null for DisTet.
    Chaos *enableChaos(const ChaosOptions &options);
    /// The chaos layer, null when chaos mode is off.
    Chaos *chaos() const;
    /// Serves wss:// (WebSocket protocols) or https:// (DisTet) with this PEM certificate and
    /// unencrypted PEM key from the next listen(); false (and nothing changes) if either does
    /// not load. A listening server serves the new certificate after close() and listen().
    bool setTlsCertificate(const QString &certificateFile, const QString &keyFile);
    int messageCount() const;
    int connectionCount() const;
    /// The newest auth_id issued to @p login (register or login), empty if none.
    QString lastAuthIdFor(const QString &login) const;
    /// The wire id of @p login's user, empty if unknown.
    QString userIdFor(const QString &login) const;

    // DisTet hooks (no-ops / empty for the other protocols)
    /// Most DisTet operations answer "email not activated" until the code is confirmed.
    void setRequireEmailActivation(bool require);
    /// The newest e-mail confirmation code the DisTet server "mailed" to @p email.
    QString lastEmailCode(const QString &email) const;

    Store &store() const { return *m_store; }
    Backend &backend() const { return *m_backend; }

Q_SIGNALS:
    /// Every request frame, before the hooks run; empty for a frame that is not a JSON object.
    void requestReceived(const QString &type);
    /// Every response frame with its errors.code.
    void responseSent(const QString &type, int code);
    void clientConnected();
    void clientDisconnected();

private:
    Protocol m_protocol;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<Chaos> m_chaos;
};

} // namespace Natter::Testing
