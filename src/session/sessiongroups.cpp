// SPDX-License-Identifier: GPL-3.0-or-later
// Session: group management. The server is the truth: after a change succeeds the flows (or
// the members) are read again and the cache follows them.
#include "accountcache.h"
#include "core/logging.h"
#include "session.h"

namespace Natter {

Error Session::groupsReady(bool manage) const
{
    const Capabilities caps = m_client->capabilities();
    if (manage && !caps.manageGroups)
        return Error::make(
            Error::Code::NotSupported, QStringLiteral("this server cannot change groups"));
    if (m_client->connectionState() != ConnectionState::Connected)
        return Error::make(Error::Code::ConnectionLost,
            QStringLiteral("groups live on the server: connect first"));
    return {};
}

Result<RequestId> Session::trackGroup(RequestId id, const QString &flowId, GroupFollowUp followUp)
{
    m_groupActions.insert(id, { flowId, followUp });
    return track(id);
}

Result<RequestId> Session::renameFlow(const QString &flowId, const QString &title)
{
    if (title.trimmed().isEmpty())
        return Error::make(Error::Code::InvalidArgument, QStringLiteral("a group needs a name"));
    if (Error e = groupsReady(true); !e.isNone())
        return e;
    FlowChange change;
    change.title = title.trimmed();
    return trackGroup(m_client->changeFlow(flowId, change), flowId, GroupFollowUp::Flows);
}

Result<RequestId> Session::setFlowPrivate(const QString &flowId, bool isPrivate)
{
    if (Error e = groupsReady(true); !e.isNone())
        return e;
    FlowChange change;
    change.isPrivate = isPrivate;
    return trackGroup(m_client->changeFlow(flowId, change), flowId, GroupFollowUp::Flows);
}

Result<RequestId> Session::setFlowPhoto(
    const QString &flowId, const QByteArray &image, const QString &extension)
{
    if (image.isEmpty())
        return Error::make(Error::Code::InvalidArgument, QStringLiteral("the image is empty"));
    if (Error e = groupsReady(true); !e.isNone())
        return e;
    FlowChange change;
    change.photo = image;
    change.photoExtension = extension;
    return trackGroup(m_client->changeFlow(flowId, change), flowId, GroupFollowUp::Flows);
}

Result<RequestId> Session::addMembers(const QString &flowId, const QStringList &userIdsOrLogins)
{
    QStringList ids;
    for (const QString &typed : userIdsOrLogins) {
        const QString id = resolveUser(typed);
        if (!id.isEmpty() && !ids.contains(id))
            ids << id;
    }
    if (ids.isEmpty())
        return Error::make(Error::Code::InvalidArgument, QStringLiteral("no user given"));
    if (Error e = groupsReady(true); !e.isNone())
        return e;
    return trackGroup(m_client->addMembers(flowId, ids), flowId, GroupFollowUp::Members);
}

Result<RequestId> Session::kickMember(const QString &flowId, const QString &userId)
{
    if (userId.isEmpty())
        return Error::make(Error::Code::InvalidArgument, QStringLiteral("no user given"));
    if (Error e = groupsReady(true); !e.isNone())
        return e;
    return trackGroup(m_client->kickMember(flowId, userId), flowId, GroupFollowUp::Members);
}

Result<RequestId> Session::fetchMembers(const QString &flowId)
{
    if (Error e = groupsReady(false); !e.isNone())
        return e;
    if (!m_client->capabilities().groups)
        return Error::make(
            Error::Code::NotSupported, QStringLiteral("this server does not list members"));
    return trackGroup(m_client->fetchMembers(flowId), flowId, GroupFollowUp::None);
}

void Session::onGroupFinished(RequestId id)
{
    const auto it = m_groupActions.constFind(id);
    if (it == m_groupActions.cend())
        return;
    const auto [flowId, followUp] = *it;
    m_groupActions.erase(it);
    if (followUp == GroupFollowUp::Flows)
        m_client->fetchFlows();
    else if (followUp == GroupFollowUp::Members)
        m_client->fetchMembers(flowId);
    Q_EMIT groupActionFinished(id, flowId, Error());
}

void Session::onGroupFailed(RequestId id, const Error &error)
{
    const auto it = m_groupActions.constFind(id);
    if (it == m_groupActions.cend())
        return;
    const QString flowId = it->first;
    m_groupActions.erase(it);
    Q_EMIT groupActionFinished(id, flowId, error);
}

void Session::storeMembers(RequestId, const QString &flowId, const QStringList &userIds)
{
    if (!m_cache.flows().flow(flowId))
        return; // a flow the cache does not hold yet: the next sync brings it with its members
    storeError(m_cache.flows().setMembers(flowId, userIds));
    // The dialog shows names and avatars from the cache: ask for those it cannot name.
    for (const QString &id : userIds) {
        if (m_profilesAsked.contains(id))
            continue;
        const std::optional<User> known = m_cache.users().user(id);
        if (known && !known->name.isEmpty())
            continue;
        m_profilesAsked.insert(id);
        m_client->fetchProfile(id);
    }
}

} // namespace Natter
