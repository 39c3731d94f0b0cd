// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientharness.h"
#include "protocol/morelia/moreliaclient.h"
#include "session/accountcache.h"
#include "session/outboxsender.h"
#include "session/session.h"
#include "session/syncengine.h"
#include "store.h"
#include "testserver.h"
#include "waituntil.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace Natter::Testing {

/// A client of type `C`, connected to `url` and logged in with `credentials`; null on failure.
template <typename C>
std::shared_ptr<C> loggedInClient(const QUrl &url, const Credentials &credentials, Account *account)
{
    auto client = std::make_shared<C>();
    if (!connectAndWait(*client, url))
        return nullptr;
    const Outcome out = awaitRequest(*client, client->login(credentials));
    if (!out.ok())
        return nullptr;
    *account = out.account;
    return client;
}

/// Logs `login` in with a throwaway client and returns the session (user id + secret).
inline Account loginAccount(const QUrl &url, const QString &login, const QString &password)
{
    MoreliaClient client;
    if (!connectAndWait(client, url))
        return {};
    Outcome out = awaitRequest(client, client.login({ login, password, {}, {} }));
    return out.ok() ? out.account : Account {};
}

/// Server-side messages of one flow, oldest first.
inline QList<Testing::MessageRow> serverMessages(
    TestServer &server, const QString &login, const QString &flowWireId)
{
    const auto user = server.store().userByLogin(login);
    auto flow = server.store().flowByUuid(flowWireId);
    if (!flow)
        flow = server.store().flowById(flowWireId.toLongLong());
    if (!user || !flow)
        return {};
    return server.store().messagesSince(user->id, 0, flow->id);
}

} // namespace Natter::Testing
