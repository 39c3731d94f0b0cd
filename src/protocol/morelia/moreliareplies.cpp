// SPDX-License-Identifier: GPL-3.0-or-later
// MoreliaTalk payload decoders: what each method's answer carries in `data`.
#include "moreliacodec.h"
#include "moreliareader_p.h"

namespace Natter::Morelia {

using namespace detail;
using Json::fieldError;

// ---- payload decoders ----------------------------------------------------------------------

Result<Account> decodeAccount(const Envelope &envelope)
{
    if (!envelope.isSuccess())
        return errorFromEnvelope(envelope, envelope.type);
    const QJsonValue value = Json::value(envelope.data, QLatin1String("user"));
    const std::optional<QList<QJsonObject>> users = Json::objects(value);
    if (!users)
        return fieldError(
            QStringLiteral("data.user"), QStringLiteral("not an object or a list"), envelope.raw);
    if (users->isEmpty())
        return fieldError(QStringLiteral("data.user"), QStringLiteral("missing"), envelope.raw);
    const QString path = element(QStringLiteral("data.user"), value, 0);
    Result<User> user = decodeUser(users->first(), path);
    if (!user)
        return withRaw(Result<Account>(user.error()), envelope.raw);
    FieldReader r(users->first(), path);
    Account account;
    account.user = std::move(user).value();
    account.secret = r.text(QLatin1String("auth_id"));
    if (!r.error() && account.secret.isEmpty())
        r.fail(QStringLiteral("auth_id"), QStringLiteral("missing"));
    if (r.error())
        return withRaw(Result<Account>(*r.error()), envelope.raw);
    return account;
}

Result<QList<User>> decodeUsers(const Envelope &envelope)
{
    if (!envelope.isSuccess())
        return errorFromEnvelope(envelope, envelope.type);
    return decodeList<User>(envelope, QLatin1String("user"), decodeUser);
}

Result<QList<Flow>> decodeFlows(const Envelope &envelope)
{
    if (envelope.code() == 404)
        return QList<Flow>(); // nothing found is an empty list, not an error
    if (!envelope.isSuccess())
        return errorFromEnvelope(envelope, envelope.type);
    return decodeList<Flow>(envelope, QLatin1String("flow"), decodeFlow);
}

Result<QList<Message>> decodeMessages(const Envelope &envelope)
{
    if (envelope.code() == 404)
        return QList<Message>();
    if (!envelope.isSuccess())
        return errorFromEnvelope(envelope, envelope.type);
    return decodeList<Message>(envelope, QLatin1String("message"), decodeMessage);
}

Result<Update> decodeUpdate(const Envelope &envelope)
{
    if (envelope.code() == 404)
        return Update();
    if (!envelope.isSuccess())
        return errorFromEnvelope(envelope, envelope.type);
    Update update;
    FieldReader r(envelope.data, QStringLiteral("data"));
    update.timeMs = r.time(QLatin1String("time"), false);
    if (r.error())
        return withRaw(Result<Update>(*r.error()), envelope.raw);
    Result<QList<Flow>> flows = decodeList<Flow>(envelope, QLatin1String("flow"), decodeFlow);
    if (!flows)
        return flows.error();
    Result<QList<Message>> messages
        = decodeList<Message>(envelope, QLatin1String("message"), decodeMessage);
    if (!messages)
        return messages.error();
    Result<QList<User>> users = decodeList<User>(envelope, QLatin1String("user"), decodeUser);
    if (!users)
        return users.error();
    update.flows = std::move(flows).value();
    update.messages = std::move(messages).value();
    update.users = std::move(users).value();
    return update;
}

Result<SendReply> decodeSendReply(const Envelope &envelope)
{
    if (!envelope.isSuccess())
        return errorFromEnvelope(envelope, envelope.type);
    SendReply reply;
    FieldReader data(envelope.data, QStringLiteral("data"));
    reply.timeMs = data.time(QLatin1String("time"), false);
    const QJsonValue value = data.raw(QLatin1String("message"));
    const std::optional<QList<QJsonObject>> messages = Json::objects(value);
    if (!messages) {
        data.fail(QStringLiteral("message"), QStringLiteral("not an object or a list"));
    } else if (!messages->isEmpty()) {
        // Revision 17: message[0] {uuid, client_id, from_user, from_flow}; time is data.time.
        FieldReader m(messages->first(), element(QStringLiteral("data.message"), value, 0));
        reply.messageId = m.id();
        reply.clientId = m.integer(QLatin1String("client_id"));
        if (reply.timeMs == 0)
            reply.timeMs = m.time(QLatin1String("time"), false);
        data.adopt(m.error());
    } else if (envelope.dialect() == Dialect::Rev17) {
        // Without the uuid the local echo can never be matched to the server copy.
        data.fail(QStringLiteral("message"), QStringLiteral("missing"));
    }
    if (data.error())
        return withRaw(Result<SendReply>(*data.error()), envelope.raw);
    return reply;
}

Result<QString> decodeDeletedUser(const Envelope &envelope)
{
    if (!envelope.isSuccess())
        return errorFromEnvelope(envelope, envelope.type);
    const QJsonValue value = Json::value(envelope.data, QLatin1String("user"));
    const std::optional<QList<QJsonObject>> users = Json::objects(value);
    if (!users)
        return fieldError(
            QStringLiteral("data.user"), QStringLiteral("not an object or a list"), envelope.raw);
    if (users->isEmpty())
        return QString(); // revision 17 answers with data null
    FieldReader r(users->first(), element(QStringLiteral("data.user"), value, 0));
    const QString id = r.id();
    if (r.error())
        return withRaw(Result<QString>(*r.error()), envelope.raw);
    return id;
}

} // namespace Natter::Morelia
