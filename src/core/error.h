// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDebug>
#include <QString>

namespace Natter {

/// A failure anywhere below the UI. User-facing wording is made in ui/ from `code`.
struct Error
{
    /// Codes are grouped: network, auth, protocol, server, local.
    enum class Code {
        None = 0,
        // network
        NetworkUnreachable = 100,
        ConnectionLost,
        Timeout,
        TlsFailure,
        // auth
        WrongCredentials = 200,
        NotAuthenticated,
        SessionExpired,
        TooManySessions,
        EmailNotConfirmed, ///< the server wants the account's email confirmed first
        // protocol
        MalformedFrame = 300,
        UnexpectedResponse,
        FrameTooLarge,
        ProtocolNotRecognised,
        // server
        ServerRefused = 400,
        AlreadyExists,
        NotFound,
        NotAMember,
        Validation,
        NotSupported,
        ServerFailure,
        // local
        InvalidArgument = 500,
        FileError,
        NoSecretStore,
        StorageFailure,
        Cancelled,
    };
    enum class Group { None, Network, Auth, Protocol, Server, Local };

    Code code = Code::None;
    int serverCode = 0; ///< the server's own status code, 0 when none
    QString message; ///< technical detail, English, for logs and `--json`
    QByteArray raw; ///< the offending frame or reply, when there was one

    Group group() const;
    bool isNone() const { return code == Code::None; }
    bool operator==(const Error &) const = default;

    static Error make(Code code, QString message, int serverCode = 0, QByteArray raw = {});
};

/// Stable machine name of a code, e.g. "wrong_credentials" (used by `natter-cli --json`).
QString errorCodeName(Error::Code code);

QDebug operator<<(QDebug dbg, const Error &error);

} // namespace Natter
