// SPDX-License-Identifier: GPL-3.0-or-later
#include "error.h"

namespace Natter {

Error::Group Error::group() const
{
    const int c = static_cast<int>(code);
    if (c == 0)
        return Group::None;
    if (c < 200)
        return Group::Network;
    if (c < 300)
        return Group::Auth;
    if (c < 400)
        return Group::Protocol;
    if (c < 500)
        return Group::Server;
    return Group::Local;
}

Error Error::make(Code code, QString message, int serverCode, QByteArray raw)
{
    return Error { code, serverCode, std::move(message), std::move(raw) };
}

QString errorCodeName(Error::Code code)
{
    using C = Error::Code;
    switch (code) {
    case C::None:
        return QStringLiteral("none");
    case C::NetworkUnreachable:
        return QStringLiteral("network_unreachable");
    case C::ConnectionLost:
        return QStringLiteral("connection_lost");
    case C::Timeout:
        return QStringLiteral("timeout");
    case C::TlsFailure:
        return QStringLiteral("tls_failure");
    case C::WrongCredentials:
        return QStringLiteral("wrong_credentials");
    case C::NotAuthenticated:
        return QStringLiteral("not_authenticated");
    case C::SessionExpired:
        return QStringLiteral("session_expired");
    case C::TooManySessions:
        return QStringLiteral("too_many_sessions");
    case C::EmailNotConfirmed:
        return QStringLiteral("email_not_confirmed");
    case C::MalformedFrame:
        return QStringLiteral("malformed_frame");
    case C::UnexpectedResponse:
        return QStringLiteral("unexpected_response");
    case C::FrameTooLarge:
        return QStringLiteral("frame_too_large");
    case C::ProtocolNotRecognised:
        return QStringLiteral("protocol_not_recognised");
    case C::ServerRefused:
        return QStringLiteral("server_refused");
    case C::AlreadyExists:
        return QStringLiteral("already_exists");
    case C::NotFound:
        return QStringLiteral("not_found");
    case C::NotAMember:
        return QStringLiteral("not_a_member");
    case C::Validation:
        return QStringLiteral("validation");
    case C::NotSupported:
        return QStringLiteral("not_supported");
    case C::ServerFailure:
        return QStringLiteral("server_failure");
    case C::InvalidArgument:
        return QStringLiteral("invalid_argument");
    case C::FileError:
        return QStringLiteral("file_error");
    case C::NoSecretStore:
        return QStringLiteral("no_secret_store");
    case C::StorageFailure:
        return QStringLiteral("storage_failure");
    case C::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QDebug operator<<(QDebug dbg, const Error &error)
{
    QDebugStateSaver saver(dbg);
    dbg.nospace() << "Error(" << errorCodeName(error.code) << ", " << error.serverCode << ", "
                  << error.message << ')';
    return dbg;
}

} // namespace Natter
