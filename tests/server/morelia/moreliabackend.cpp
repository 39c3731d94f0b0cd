// SPDX-License-Identifier: GPL-3.0-or-later
#include "moreliabackend.h"

#include "../serverlog.h"
#include "../store.h"
#include "handler2020.h"
#include "handlerr17.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Natter::Testing {

MoreliaBackend::MoreliaBackend(Store &store, MoreliaDialect dialect, QObject *parent)
    : WebSocketBackend(store, u"natter-testserver morelia"_s, parent), m_dialect(dialect)
{
    if (dialect == MoreliaDialect::July2020)
        m_handler = std::make_unique<Handler2020>(store);
    else
        m_handler = std::make_unique<HandlerR17>(store);
}

MoreliaBackend::~MoreliaBackend() = default;

QString MoreliaBackend::wireUserId(const UserRow &user) const
{
    return m_dialect == MoreliaDialect::July2020 ? QString::number(user.id) : user.uuid;
}

QString MoreliaBackend::wireFlowId(const FlowRow &flow) const
{
    return m_dialect == MoreliaDialect::July2020 ? QString::number(flow.id) : flow.uuid;
}

QString MoreliaBackend::wireMessageId(const MessageRow &message) const
{
    return m_dialect == MoreliaDialect::July2020 ? QString::number(message.id) : message.uuid;
}

std::optional<FlowRow> MoreliaBackend::flowByWireId(const QString &id) const
{
    if (m_dialect == MoreliaDialect::Revision17)
        return store().flowByUuid(id);
    bool ok = false;
    const auto number = id.toLongLong(&ok);
    return ok ? store().flowById(number) : std::nullopt;
}

void MoreliaBackend::handleFrame(QWebSocket *socket, const QByteArray &frame)
{
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(frame, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        const auto detail = error.error != QJsonParseError::NoError
            ? u"frame is not valid JSON: "_s + error.errorString()
            : u"frame is not a JSON object"_s;
        qCInfo(lcTestServer) << "garbage frame of" << frame.size() << "bytes:" << detail;
        Q_EMIT requestReceived(QString());
        if (closeOnGarbage()) {
            abortConnection(socket);
            return;
        }
        sendJson(socket, m_handler->garbage(detail));
        Q_EMIT responseSent(u"error"_s, 400);
        return;
    }
    const auto request = document.object();
    const auto type = request.value(u"type"_s).toString();
    qCInfo(lcTestServer).noquote() << "request" << (type.isEmpty() ? u"<no type>"_s : type);
    switch (takeHook(type, m_handler->aliases(type))) {
    case HookAction::Drop:
        abortConnection(socket);
        return;
    case HookAction::Silent:
        return;
    case HookAction::Answer:
        break;
    }
    const auto frames = m_handler->handle(request);
    for (const auto &reply : frames) {
        const auto code = reply.value(u"errors"_s).toObject().value(u"code"_s).toInt();
        if (code >= 400)
            qCInfo(lcTestServer).noquote()
                << "  ->" << code
                << reply.value(u"errors"_s).toObject().value(u"detail"_s).toString();
        sendJson(socket, reply);
        Q_EMIT responseSent(reply.value(u"type"_s).toString(), code);
    }
}

} // namespace Natter::Testing
