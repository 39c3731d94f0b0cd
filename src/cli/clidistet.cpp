// SPDX-License-Identifier: GPL-3.0-or-later
// natter-cli commands for servers with e-mail confirmation, server-side friends and blacklist,
// group members and server search (DisTet). Other backends fail them with NotSupported (exit 6).
#include "cliapp.h"

#include <QDateTime>

namespace Natter::Cli {

namespace {
QJsonObject contactJson(const Contact &c)
{
    return { { QStringLiteral("id"), c.userId }, { QStringLiteral("name"), c.name },
        { QStringLiteral("note"), c.note }, { QStringLiteral("kind"), contactKindName(c.kind) },
        { QStringLiteral("added"), c.added } };
}

QString contactText(const Contact &c)
{
    QString line
        = QStringLiteral("%1  %2  %3").arg(contactKindName(c.kind), -8).arg(c.userId, c.name);
    if (!c.note.isEmpty())
        line += QStringLiteral("  (%1)").arg(c.note);
    if (c.added > 0)
        line += QStringLiteral("  since ")
            + QDateTime::fromMSecsSinceEpoch(c.added).toString(QStringLiteral("yyyy-MM-dd"));
    return line;
}
} // namespace

void CliApp::wireDistet()
{
    ProtocolClient *c = m_client.get();
    connect(c, &ProtocolClient::contactsReceived, this,
        [this](
            RequestId id, Contact::Kind, const QList<Contact> &l) { m_replies[id].contacts += l; });
    connect(c, &ProtocolClient::membersReceived, this,
        [this](RequestId id, const QString &, const QStringList &l) { m_replies[id].members = l; });
    connect(c, &ProtocolClient::searchResultsReceived, this,
        [this](RequestId id, const QList<Message> &l) { m_replies[id].found += l; });
}

int CliApp::executeDistet(const QString &c)
{
    if (c == QLatin1String("confirm-email"))
        return cmdConfirmEmail();
    if (c == QLatin1String("friends"))
        return cmdContacts({ Contact::Kind::Friend });
    if (c == QLatin1String("friend-requests"))
        return cmdContacts({ Contact::Kind::Incoming, Contact::Kind::Outgoing });
    if (c == QLatin1String("blocked"))
        return cmdContacts({ Contact::Kind::Blocked });
    if (c.startsWith(QLatin1String("friend-")) || c == QLatin1String("block")
        || c == QLatin1String("unblock"))
        return cmdFriendOp();
    if (c == QLatin1String("members"))
        return cmdMembers();
    if (c == QLatin1String("kick"))
        return cmdKick();
    return -1;
}

int CliApp::cmdConfirmEmail()
{
    if (Result<bool> ready = prepare(true); !ready)
        return fail(ready.error());
    Reply reply = await(m_client->confirmEmail(m_options.args.value(0)));
    if (!reply.error.isNone())
        return fail(reply.error);
    m_out.result({ { QStringLiteral("email_confirmed"), true },
                     { QStringLiteral("login"), m_profile.user.login } },
        QStringLiteral("E-mail confirmed."));
    return 0;
}

int CliApp::cmdContacts(const QList<Contact::Kind> &kinds)
{
    if (Result<bool> ready = prepare(true); !ready)
        return fail(ready.error());
    for (const Contact::Kind kind : kinds) {
        Reply reply = await(m_client->fetchContacts(kind));
        if (!reply.error.isNone())
            return fail(reply.error);
        for (const Contact &c : std::as_const(reply.contacts))
            m_out.result(contactJson(c), contactText(c));
    }
    return 0;
}

int CliApp::cmdFriendOp()
{
    if (Result<bool> ready = prepare(true); !ready)
        return fail(ready.error());
    const QString &c = m_options.command;
    const QString user = m_options.args.value(0);
    RequestId id = 0;
    QString done;
    if (c == QLatin1String("friend-add")) {
        id = m_client->requestFriend(user, m_options.note);
        done = QStringLiteral("Friend request sent to %1.");
    } else if (c == QLatin1String("friend-accept")) {
        id = m_client->acceptFriend(user);
        done = QStringLiteral("%1 is now a friend.");
    } else if (c == QLatin1String("friend-cancel")) {
        id = m_client->cancelFriendRequest(user);
        done = QStringLiteral("Friend request to %1 withdrawn.");
    } else if (c == QLatin1String("friend-remove")) {
        id = m_client->removeFriend(user);
        done = QStringLiteral("%1 is no longer a friend.");
    } else if (c == QLatin1String("block")) {
        id = m_client->blockUser(user);
        done = QStringLiteral("Blocked %1.");
    } else if (c == QLatin1String("unblock")) {
        id = m_client->unblockUser(user);
        done = QStringLiteral("Unblocked %1.");
    } else {
        return fail(
            Error::make(Error::Code::InvalidArgument, QStringLiteral("unknown command %1").arg(c)));
    }
    Reply reply = await(id);
    if (!reply.error.isNone())
        return fail(reply.error);
    m_out.result({ { QStringLiteral("id"), user }, { QStringLiteral("command"), c },
                     { QStringLiteral("ok"), true } },
        done.arg(user));
    return 0;
}

int CliApp::cmdMembers()
{
    if (Result<bool> ready = prepare(true); !ready)
        return fail(ready.error());
    const QString flow = m_options.args.value(0);
    Reply reply = await(m_client->fetchMembers(flow));
    if (!reply.error.isNone())
        return fail(reply.error);
    for (const QString &user : std::as_const(reply.members))
        m_out.result({ { QStringLiteral("flow"), flow }, { QStringLiteral("user"), user } }, user);
    return 0;
}

int CliApp::cmdKick()
{
    if (Result<bool> ready = prepare(true); !ready)
        return fail(ready.error());
    const QString flow = m_options.args.value(0);
    const QString user = m_options.args.value(1);
    Reply reply = await(m_client->kickMember(flow, user));
    if (!reply.error.isNone())
        return fail(reply.error);
    m_out.result({ { QStringLiteral("flow"), flow }, { QStringLiteral("user"), user },
                     { QStringLiteral("kicked"), true } },
        QStringLiteral("Removed %1 from %2.").arg(user, flow));
    return 0;
}

int CliApp::cmdServerSearch()
{
    if (Result<bool> ready = prepare(true); !ready)
        return fail(ready.error());
    Reply reply = await(m_client->searchMessages(m_options.args.value(0)));
    if (!reply.error.isNone())
        return fail(reply.error);
    QList<Message> found = reply.found;
    std::stable_sort(found.begin(), found.end(),
        [](const Message &a, const Message &b) { return a.time < b.time; });
    if (m_options.limit > 0 && found.size() > m_options.limit)
        found = found.mid(found.size() - m_options.limit);
    resolveAuthorNames(found);
    for (const Message &m : std::as_const(found))
        m_out.message(m);
    return 0;
}

} // namespace Natter::Cli
