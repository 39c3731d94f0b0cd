// SPDX-License-Identifier: GPL-3.0-or-later
#include "backend.h"

#include "serverlog.h"
#include "store.h"

namespace Natter::Testing {

Backend::Backend(Store &store, QObject *parent) : QObject(parent), m_store(store) { }

QString Backend::wireUserId(const UserRow &user) const
{
    return user.uuid;
}

QString Backend::wireFlowId(const FlowRow &flow) const
{
    return flow.uuid;
}

QString Backend::wireMessageId(const MessageRow &message) const
{
    return message.uuid;
}

std::optional<FlowRow> Backend::flowByWireId(const QString &id) const
{
    return m_store.flowByUuid(id);
}

void Backend::setDropOnMethod(const QString &method)
{
    m_dropOnce = method;
}

void Backend::setSilentOnMethod(const QString &method)
{
    if (method.isEmpty())
        m_silent.clear();
    else if (!m_silent.contains(method))
        m_silent.append(method);
}

Backend::HookAction Backend::takeHook(const QString &method, const QStringList &aliases)
{
    Q_EMIT requestReceived(method);
    auto matches = [&](const QString &hook) {
        return !hook.isEmpty() && (hook == method || aliases.contains(hook));
    };
    if (matches(m_dropOnce)) {
        qCInfo(lcTestServer) << "test hook: dropping the connection on" << method;
        m_dropOnce.clear();
        return HookAction::Drop;
    }
    for (const auto &silent : std::as_const(m_silent)) {
        if (matches(silent)) {
            qCInfo(lcTestServer) << "test hook: not answering" << method;
            return HookAction::Silent;
        }
    }
    return HookAction::Answer;
}

} // namespace Natter::Testing
