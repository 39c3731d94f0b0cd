// SPDX-License-Identifier: GPL-3.0-or-later
// DistetClient: registration, login (password and token), logout, e-mail codes, profile.
#include "distetclient.h"

namespace Natter {

using namespace Distet;

RequestId DistetClient::registerAccount(const Credentials &credentials)
{
    const RequestId id = start(Path::Registration);
    Sessia s = sessia(true);
    s.token.clear();
    post(id, registrationRequest(credentials.login, credentials.password, credentials.email, s),
        [this, id, credentials](const QJsonObject &reply) {
            const Result<QString> token = decodeToken(reply);
            if (!token) {
                fail(id, token.error());
                return;
            }
            Account account;
            account.secret = token.value();
            account.user.id = userIdFromToken(token.value());
            account.user.login = credentials.login;
            account.user.name = credentials.login;
            account.user.email = credentials.email;
            m_account = account;
            Q_EMIT registered(id, account);
            finish(id);
        });
    return id;
}

RequestId DistetClient::login(const Credentials &credentials)
{
    const RequestId id = start(Path::Auth);
    if (credentials.password.isEmpty() && !m_account.secret.isEmpty()) {
        post(
            id, tokenAuthRequest(sessia()),
            [this, id](const QJsonObject &) {
                Q_EMIT loggedIn(id, m_account);
                finish(id);
            },
            [this, id](const Error &e) {
                Error error = e;
                if (error.code == Error::Code::WrongCredentials)
                    error.code = Error::Code::SessionExpired;
                fail(id, error);
                return true;
            });
        return id;
    }
    const QString email = credentials.email.isEmpty() ? credentials.login : credentials.email;
    Sessia s = sessia(true);
    s.token.clear();
    post(id, authRequest(email, credentials.password, s),
        [this, id, credentials, email](const QJsonObject &reply) {
            const Result<QString> token = decodeToken(reply);
            if (!token) {
                fail(id, token.error());
                return;
            }
            Account account;
            account.secret = token.value();
            account.user.id = userIdFromToken(token.value());
            account.user.login = credentials.login;
            if (email.contains(QLatin1Char('@')))
                account.user.email = email;
            m_account = account;
            Q_EMIT loggedIn(id, account);
            finish(id);
        });
    return id;
}

RequestId DistetClient::logout()
{
    return simpleOp(Path::Disable, simpleRequest(Path::Disable, sessia()), [this](RequestId id) {
        m_account.secret.clear();
        Q_EMIT loggedOut(id);
    });
}

RequestId DistetClient::deleteAccount(const Credentials &)
{
    return failUnsupported(QStringLiteral("delete accounts"));
}

RequestId DistetClient::ping()
{
    const RequestId id = start(QStringLiteral("ping"));
    // Any Status the server sends back proves it is there, a refusal included.
    post(
        id, tokenAuthRequest(sessia()),
        [this, id](const QJsonObject &) {
            Q_EMIT pong(id);
            finish(id);
        },
        [this, id](const Error &e) {
            if (e.group() == Error::Group::Network || e.group() == Error::Group::Protocol)
                return false;
            Q_EMIT pong(id);
            finish(id);
            return true;
        });
    return id;
}

RequestId DistetClient::requestEmailCode(const QString &email)
{
    const QString address = email.isEmpty() ? m_account.user.email : email;
    return simpleOp(Path::Email, emailCodeRequest(address, sessia()), {});
}

RequestId DistetClient::confirmEmail(const QString &code)
{
    return simpleOp(Path::Email, emailConfirmRequest(code, sessia()),
        [this](RequestId id) { Q_EMIT emailConfirmed(id); });
}

RequestId DistetClient::setProfilePhoto(const QByteArray &image, const QString &extension)
{
    if (ownId().isEmpty())
        return failLater(
            Error::make(Error::Code::NotAuthenticated, QStringLiteral("not logged in")));
    const RequestId id = start(Path::Media);
    post(id, mediaRequest(extension, image, sessia()), [this, id](const QJsonObject &reply) {
        const Result<QString> key = decodeMediaKey(reply);
        if (!key) {
            fail(id, key.error());
            return;
        }
        Request change = simpleRequest(Path::ChangeUser, sessia());
        change.imageKey = key.value();
        post(id, change, [this, id](const QJsonObject &) { finish(id); });
    });
    return id;
}

RequestId DistetClient::fetchProfile(const QString &userId)
{
    const QString who = userId.isEmpty() ? ownId() : userId;
    if (ownId().isEmpty() || who.isEmpty())
        return failLater(
            Error::make(Error::Code::NotAuthenticated, QStringLiteral("not logged in")));
    const RequestId id = start(Path::GetUser);
    Request request = simpleRequest(Path::GetUser, sessia());
    request.id = who;
    post(id, request, [this, id, who](const QJsonObject &reply) {
        QString photo;
        Result<User> decoded = decodeUser(reply, &photo);
        if (!decoded) {
            fail(id, decoded.error());
            return;
        }
        User user = decoded.value();
        if (who == ownId()) {
            user.email = m_account.user.email;
            if (!m_account.user.login.isEmpty() && !m_account.user.login.contains(QLatin1Char('@')))
                user.login = m_account.user.login;
        }
        const auto emitUser = [this, id, user](const QByteArray &avatar) {
            User u = user;
            u.avatar = avatar;
            Q_EMIT profileReceived(id, u);
            finish(id);
        };
        if (photo.isEmpty()) {
            emitUser({});
            return;
        }
        post(
            id, getMediaRequest(photo, sessia()),
            [emitUser](const QJsonObject &media) {
                const Result<MediaFile> file = decodeMediaFile(media);
                emitUser(file ? file->bytes : QByteArray());
            },
            [emitUser](const Error &) {
                emitUser({}); // a missing photo does not make the profile fail
                return true;
            });
    });
    return id;
}

} // namespace Natter
