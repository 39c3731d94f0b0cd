// SPDX-License-Identifier: GPL-3.0-or-later
#include "errortext.h"

namespace Natter {

QString ErrorText::summary(const Error &error)
{
    using C = Error::Code;
    switch (error.code) {
    case C::None:
        return {};
    case C::NetworkUnreachable:
        return tr("The server cannot be reached.");
    case C::ConnectionLost:
        return tr("The connection to the server was lost.");
    case C::Timeout:
        return tr("The server did not answer in time.");
    case C::TlsFailure:
        return tr("The server's certificate cannot be trusted.");
    case C::WrongCredentials:
        return tr("Wrong login or password.");
    case C::NotAuthenticated:
        return tr("You are not signed in.");
    case C::SessionExpired:
        return tr("Your session has expired.");
    case C::TooManySessions:
        return tr("This account is signed in on too many devices.");
    case C::EmailNotConfirmed:
        return tr("Your email address is not confirmed yet.");
    case C::MalformedFrame:
    case C::UnexpectedResponse:
        return tr("The server sent an answer Natter does not understand.");
    case C::FrameTooLarge:
        return tr("The server sent more data than Natter accepts at once.");
    case C::ProtocolNotRecognised:
        return tr("This server does not speak a protocol Natter knows.");
    case C::ServerRefused:
        return tr("The server refused the request.");
    case C::AlreadyExists:
        return tr("That name or email address is already taken.");
    case C::NotFound:
        return tr("No such user or chat.");
    case C::NotAMember:
        return tr("You are not a member of this chat.");
    case C::Validation:
        return tr("The server did not accept the data entered.");
    case C::NotSupported:
        return tr("This server does not support it.");
    case C::ServerFailure:
        return tr("The server had an internal error.");
    case C::InvalidArgument:
        return tr("Some of the data entered is not valid.");
    case C::FileError:
        return tr("A file could not be read or written.");
    case C::NoSecretStore:
        return tr("No keychain is available to keep your session.");
    case C::StorageFailure:
        return tr("The local message cache could not be written.");
    case C::Cancelled:
        return tr("Cancelled.");
    }
    return tr("Something went wrong.");
}

QString ErrorText::hint(const Error &error)
{
    using C = Error::Code;
    switch (error.code) {
    case C::NetworkUnreachable:
    case C::Timeout:
        return tr("Check the address and your network connection.");
    case C::ConnectionLost:
        return tr("Natter reconnects by itself.");
    case C::TlsFailure:
        return tr("Check the certificate details before trusting it.");
    case C::WrongCredentials:
        return tr("Check the login and password and try again.");
    case C::NotAuthenticated:
    case C::SessionExpired:
        return tr("Please sign in again.");
    case C::TooManySessions:
        return tr("Sign out on another device and try again.");
    case C::EmailNotConfirmed:
        return tr("Enter the code that was mailed to you.");
    case C::ProtocolNotRecognised:
        return tr("Check the address, or choose the protocol by hand.");
    case C::NoSecretStore:
        return tr("Start a keychain service, or keep the session for this run only.");
    case C::StorageFailure:
    case C::FileError:
        return tr("Check the free disk space.");
    default:
        break;
    }
    return {};
}

QString ErrorText::full(const Error &error)
{
    const QString h = hint(error);
    return h.isEmpty() ? summary(error) : summary(error) + QLatin1Char(' ') + h;
}

} // namespace Natter
