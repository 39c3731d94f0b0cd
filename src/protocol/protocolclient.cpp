// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocolclient.h"

#include "tlscheck.h"

#include <QTimer>

namespace Natter {

ProtocolClient::ProtocolClient(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<Natter::Error>();
    qRegisterMetaType<Natter::Account>();
    qRegisterMetaType<Natter::ConnectionState>();
}

ProtocolClient::~ProtocolClient() = default;

void ProtocolClient::setPinnedCertificate(const QString &sha256Hex)
{
    m_pinnedCertificate = Tls::normalizedPin(sha256Hex);
}

// wsmode additions
RequestId ProtocolClient::recoverAccount(const QString &, const QString &, bool)
{
    return failUnsupported(QStringLiteral("recover accounts"));
}

RequestId ProtocolClient::allocateRequestId()
{
    return ++m_lastBaseId;
}

RequestId ProtocolClient::failUnsupported(const QString &what)
{
    const RequestId id = allocateRequestId();
    const Error error = Error::make(
        Error::Code::NotSupported, QStringLiteral("%1 cannot %2").arg(protocolName(), what));
    QTimer::singleShot(0, this, [this, id, error] { Q_EMIT requestFailed(id, error); });
    return id;
}

// DisTet additions: defaults for backends without these features.
RequestId ProtocolClient::requestEmailCode(const QString &)
{
    return failUnsupported(QStringLiteral("send e-mail codes"));
}

RequestId ProtocolClient::confirmEmail(const QString &)
{
    return failUnsupported(QStringLiteral("confirm e-mail addresses"));
}

RequestId ProtocolClient::setProfilePhoto(const QByteArray &, const QString &)
{
    return failUnsupported(QStringLiteral("set a profile photo"));
}

RequestId ProtocolClient::fetchContacts(Contact::Kind)
{
    return failUnsupported(QStringLiteral("keep contacts on the server"));
}

RequestId ProtocolClient::requestFriend(const QString &, const QString &)
{
    return failUnsupported(QStringLiteral("send friend requests"));
}

RequestId ProtocolClient::acceptFriend(const QString &)
{
    return failUnsupported(QStringLiteral("accept friend requests"));
}

RequestId ProtocolClient::cancelFriendRequest(const QString &)
{
    return failUnsupported(QStringLiteral("cancel friend requests"));
}

RequestId ProtocolClient::removeFriend(const QString &)
{
    return failUnsupported(QStringLiteral("remove friends"));
}

RequestId ProtocolClient::updateFriendNote(const QString &, const QString &)
{
    return failUnsupported(QStringLiteral("keep notes on friends"));
}

RequestId ProtocolClient::blockUser(const QString &)
{
    return failUnsupported(QStringLiteral("block users on the server"));
}

RequestId ProtocolClient::unblockUser(const QString &)
{
    return failUnsupported(QStringLiteral("unblock users on the server"));
}

RequestId ProtocolClient::fetchMembers(const QString &)
{
    return failUnsupported(QStringLiteral("list flow members"));
}

RequestId ProtocolClient::addMembers(const QString &, const QStringList &)
{
    return failUnsupported(QStringLiteral("add flow members"));
}

RequestId ProtocolClient::kickMember(const QString &, const QString &)
{
    return failUnsupported(QStringLiteral("remove flow members"));
}

RequestId ProtocolClient::changeFlow(const QString &, const FlowChange &)
{
    return failUnsupported(QStringLiteral("change a group"));
}

RequestId ProtocolClient::searchMessages(const QString &)
{
    return failUnsupported(QStringLiteral("search on the server"));
}

RequestId ProtocolClient::deleteMessageForMe(const QString &, const QString &)
{
    return failUnsupported(QStringLiteral("delete messages for one user only"));
}

RequestId ProtocolClient::fetchDeletedMessages(const QString &, qint64)
{
    return failUnsupported(QStringLiteral("list deleted messages"));
}

} // namespace Natter
