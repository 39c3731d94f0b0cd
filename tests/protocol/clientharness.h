// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocolclient.h"

#include <QEventLoop>
#include <QTimer>

namespace Natter::Testing {

/// Collects what a ProtocolClient emitted for one request, waiting until it finished or failed.
struct Outcome
{
    bool finished = false;
    Error error;
    Account account;
    User user;
    QList<Flow> flows;
    QList<Message> messages;
    QString serverId;
    qint64 serverTimeMs = 0;
    bool ok() const { return finished && error.isNone(); }
};

inline Outcome awaitRequest(ProtocolClient &client, RequestId id, int timeoutMs = 10000)
{
    Outcome out;
    QEventLoop loop;
    bool done = false;
    QList<QMetaObject::Connection> c;
    const auto mine = [id](RequestId r) { return r == id; };
    c << QObject::connect(
        &client, &ProtocolClient::registered, &loop, [&](RequestId r, const Account &a) {
            if (mine(r))
                out.account = a;
        });
    c << QObject::connect(
        &client, &ProtocolClient::loggedIn, &loop, [&](RequestId r, const Account &a) {
            if (mine(r))
                out.account = a;
        });
    c << QObject::connect(
        &client, &ProtocolClient::profileReceived, &loop, [&](RequestId r, const User &u) {
            if (mine(r))
                out.user = u;
        });
    c << QObject::connect(
        &client, &ProtocolClient::flowsReceived, &loop, [&](RequestId r, const QList<Flow> &f) {
            if (mine(r))
                out.flows += f;
        });
    c << QObject::connect(
        &client, &ProtocolClient::flowCreated, &loop, [&](RequestId r, const Flow &f) {
            if (mine(r))
                out.flows << f;
        });
    c << QObject::connect(&client, &ProtocolClient::messagesReceived, &loop,
        [&](RequestId r, const QList<Message> &m) {
            if (mine(r))
                out.messages += m;
        });
    c << QObject::connect(&client, &ProtocolClient::messageSent, &loop,
        [&](RequestId r, qint64, const QString &s, qint64 t) {
            if (mine(r)) {
                out.serverId = s;
                out.serverTimeMs = t;
            }
        });
    c << QObject::connect(&client, &ProtocolClient::requestFinished, &loop, [&](RequestId r) {
        if (mine(r)) {
            out.finished = true;
            done = true;
            loop.quit();
        }
    });
    c << QObject::connect(
        &client, &ProtocolClient::requestFailed, &loop, [&](RequestId r, const Error &e) {
            if (mine(r)) {
                out.error = e;
                done = true;
                loop.quit();
            }
        });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!done)
        loop.exec();
    for (const auto &connection : std::as_const(c))
        QObject::disconnect(connection);
    if (!done)
        out.error = Error::make(Error::Code::Timeout, QStringLiteral("test harness: no outcome"));
    return out;
}

/// Connects and waits until the client is connected (dialect detected) or gave up.
inline bool connectAndWait(ProtocolClient &client, const QUrl &url, int timeoutMs = 10000)
{
    QEventLoop loop;
    auto c = QObject::connect(
        &client, &ProtocolClient::connectionStateChanged, &loop, [&](ConnectionState s) {
            if (s != ConnectionState::Connecting)
                loop.quit();
        });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    client.connectToServer(url);
    if (client.connectionState() == ConnectionState::Connecting)
        loop.exec();
    QObject::disconnect(c);
    return client.connectionState() == ConnectionState::Connected;
}

} // namespace Natter::Testing
