// SPDX-License-Identifier: GPL-3.0-or-later
// natter-cli commands added with the WS-server mode backend: create-chat, recover.
#include "cliapp.h"

namespace Natter::Cli {

int CliApp::cmdCreateChat()
{
    if (Result<bool> ready = prepare(true); !ready)
        return fail(ready.error());
    if (!m_client->capabilities().createFlow)
        return fail(Error::make(Error::Code::NotSupported,
            QStringLiteral("%1 cannot create chats").arg(m_client->protocolName())));
    const QString contact = m_options.args.value(0);
    NewFlow flow;
    flow.type = Flow::Type::Chat;
    flow.title = contact;
    flow.members = { contact };
    Reply reply = await(m_client->createFlow(flow));
    if (!reply.error.isNone())
        return fail(reply.error);
    if (reply.flows.isEmpty())
        return fail(
            Error::make(Error::Code::UnexpectedResponse, QStringLiteral("no chat in the answer")));
    m_out.flow(reply.flows.first());
    return 0;
}

int CliApp::cmdRecover()
{
    if (Result<bool> ready = prepare(false); !ready)
        return fail(ready.error());
    if (!m_client->capabilities().recovery)
        return fail(Error::make(Error::Code::NotSupported,
            QStringLiteral("%1 has no account recovery").arg(m_client->protocolName())));
    const QString login = m_options.args.value(0);
    const bool byEmail = !m_options.email.isEmpty();
    Reply reply = await(m_client->recoverAccount(
        login, byEmail ? m_options.email : m_options.knownUsername, byEmail));
    if (!reply.error.isNone())
        return fail(reply.error);
    m_out.result(
        { { QStringLiteral("recovery_requested"), true }, { QStringLiteral("login"), login } },
        QStringLiteral("Recovery requested for %1; follow the instructions the server sends.")
            .arg(login));
    return 0;
}

} // namespace Natter::Cli
