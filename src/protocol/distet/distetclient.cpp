// SPDX-License-Identifier: GPL-3.0-or-later
// DistetClient: transport, paging and helpers. Account operations are in distetclientaccount.cpp,
// flows and messages in distetclientops.cpp, contacts and search in distetclientextra.cpp.
#include "distetclient.h"

#include "core/logging.h"
#include "core/version.h"
#include "protocol/tlscheck.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QNetworkInterface>
#include <QNetworkReply>
#include <QSysInfo>
#include <QTimer>

namespace Natter {

using namespace Distet;

namespace {

// Set on a reply whose failure we already know better than QNetworkReply::error() says.
constexpr char kReplyError[] = "natterError";
// The most bytes a reply has sent and received so far, to tell progress from repeats.
constexpr char kBytesUp[] = "natterBytesUp";
constexpr char kBytesDown[] = "natterBytesDown";

QString firstMacAddress()
{
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &i : interfaces) {
        if (i.flags().testFlag(QNetworkInterface::IsLoopBack))
            continue;
        QString mac = i.hardwareAddress();
        mac.remove(QLatin1Char(':'));
        if (!mac.isEmpty() && mac != QLatin1String("000000000000"))
            return mac.toLower();
    }
    return QStringLiteral("000000000000");
}

Error networkError(QNetworkReply *reply, const QString &path)
{
    using C = Error::Code;
    C code = C::NetworkUnreachable;
    switch (reply->error()) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        code = C::Timeout;
        break;
    case QNetworkReply::SslHandshakeFailedError:
        code = C::TlsFailure;
        break;
    case QNetworkReply::RemoteHostClosedError:
        code = C::ConnectionLost;
        break;
    default:
        // Content, protocol and server errors with no JSON body: the HTTP layer failed.
        if (reply->error() >= QNetworkReply::ContentAccessDenied)
            code = C::ServerFailure;
        break;
    }
    const int http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return Error::make(code, QStringLiteral("%1: %2").arg(path, reply->errorString()), http);
}

} // namespace

DistetClient::DistetClient(QObject *parent)
    : ProtocolClient(parent),
      m_hashCert(builtInCertificateHash()),
      m_deviceId(QString::fromLatin1(QSysInfo::machineUniqueId())),
      m_os(QSysInfo::prettyProductName()),
      m_mac(firstMacAddress()),
      m_hostname(QSysInfo::machineHostName())
{
    if (m_deviceId.isEmpty())
        m_deviceId = QString::fromLatin1(
            QCryptographicHash::hash(m_hostname.toUtf8(), QCryptographicHash::Md5).toHex());
    connect(&m_tracker, &RequestTracker::timedOut, this, &DistetClient::onTimedOut);
}

DistetClient::~DistetClient()
{
    // abort() finishes a reply at once, and its handler edits m_inFlight: work on a copy.
    const auto replies = std::exchange(m_inFlight, {});
    for (const QPointer<QNetworkReply> &reply : replies) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
        }
    }
}

QString DistetClient::builtInCertificateHash()
{
    return QString::fromLatin1(QCryptographicHash::hash(
        QByteArrayLiteral("Natter " NATTER_VERSION), QCryptographicHash::Md5)
                                   .toHex());
}

void DistetClient::setClientCertificateHash(const QString &hash)
{
    m_hashCert = hash.isEmpty() ? builtInCertificateHash() : hash;
}

Capabilities DistetClient::capabilities() const
{
    Capabilities c;
    c.registration = true;
    c.logout = true;
    c.createFlow = true;
    c.groups = true;
    c.editMessage = true;
    c.deleteMessage = true;
    c.deleteForMe = true;
    c.profile = true;
    c.serverContacts = true;
    c.serverSearch = true;
    c.media = true;
    c.manageGroups = true;
    return c;
}

QString DistetClient::protocolName() const
{
    return QStringLiteral("DisTet");
}

void DistetClient::connectToServer(const QUrl &url)
{
    m_base = url;
    if (!m_base.path().endsWith(QLatin1Char('/')))
        m_base.setPath(m_base.path() + QLatin1Char('/'));
    setState(ConnectionState::Connecting);
    setState(ConnectionState::Connected);
}

void DistetClient::disconnectFromServer()
{
    if (m_state == ConnectionState::Disconnected)
        return;
    // abort() finishes a reply at once, and its handler edits m_inFlight: work on a copy.
    const auto replies = std::exchange(m_inFlight, {});
    for (const QPointer<QNetworkReply> &reply : replies) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
        }
    }
    m_inFlight.clear();
    const QList<RequestTracker::Pending> pending = m_tracker.takeAll();
    setState(ConnectionState::Disconnected);
    for (const RequestTracker::Pending &p : pending)
        Q_EMIT requestFailed(
            p.id, Error::make(Error::Code::Cancelled, QStringLiteral("disconnected")));
}

void DistetClient::setState(ConnectionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT connectionStateChanged(state);
}

void DistetClient::setAccount(const Account &account)
{
    m_account = account;
    if (m_account.user.id.isEmpty())
        m_account.user.id = userIdFromToken(account.secret);
}

QString DistetClient::ownId() const
{
    return m_account.user.id.isEmpty() ? userIdFromToken(m_account.secret) : m_account.user.id;
}

Sessia DistetClient::sessia(bool fullDevice) const
{
    Sessia s;
    s.token = m_account.secret;
    s.deviceId = m_deviceId;
    s.full = fullDevice;
    s.os = m_os;
    s.mac = m_mac;
    s.hostname = m_hostname;
    s.hashCert = m_hashCert;
    s.clientName = QStringLiteral("Natter");
    s.version = QStringLiteral(NATTER_VERSION);
    return s;
}

RequestId DistetClient::failLater(const Error &error)
{
    const RequestId id = m_tracker.nextId();
    QTimer::singleShot(0, this, [this, id, error] { Q_EMIT requestFailed(id, error); });
    return id;
}

RequestId DistetClient::start(const QString &what)
{
    return m_tracker.add(what, requestTimeout());
}

void DistetClient::finish(RequestId id)
{
    endTransfer(id);
    if (m_tracker.take(id))
        Q_EMIT requestFinished(id);
}

void DistetClient::fail(RequestId id, Error error)
{
    endTransfer(id);
    if (!m_tracker.take(id))
        return;
    for (const QPointer<QNetworkReply> &reply : m_inFlight.values(id))
        if (reply)
            reply->abort();
    m_inFlight.remove(id);
    qCInfo(lcProtocol) << "DisTet request" << id << "failed:" << error;
    Q_EMIT requestFailed(id, error);
}

void DistetClient::onTimedOut(const RequestTracker::Pending &request)
{
    for (const QPointer<QNetworkReply> &reply : m_inFlight.values(request.id))
        if (reply)
            reply->abort();
    m_inFlight.remove(request.id);
    Q_EMIT requestFailed(request.id,
        Error::make(Error::Code::Timeout,
            QStringLiteral("no answer to %1 within %2 ms")
                .arg(request.kind)
                .arg(request.deadlineMs - request.sentAtMs)));
}

void DistetClient::post(RequestId id, const Request &request, OnReply onReply, OnError onError)
{
    if (!alive(id))
        return;
    if (m_state != ConnectionState::Connected) {
        fail(id, Error::make(Error::Code::ConnectionLost, QStringLiteral("not connected")));
        return;
    }
    QNetworkRequest http(m_base.resolved(QUrl(request.path)));
    http.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    http.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    // Both deadlines count from the last byte that moved: Qt's transfer timeout by itself, the
    // tracker's through keepAliveOnProgress().
    http.setTransferTimeout(std::max(1, requestTimeout()));
    const QByteArray body = QJsonDocument(encodeRequest(request)).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_nam.post(http, body);
    m_inFlight.insert(id, reply);
    const QString path = request.path;
    connect(reply, &QNetworkReply::sslErrors, this,
        [this, reply](const QList<QSslError> &errors) { onSslErrors(reply, errors); });
    connect(reply, &QNetworkReply::downloadProgress, this,
        [this, reply](qint64 received, qint64 total) {
            if (std::max(received, total) <= m_maxReplyBytes
                || reply->property(kReplyError).isValid())
                return;
            reply->setProperty(kReplyError,
                QVariant::fromValue(Error::make(Error::Code::FrameTooLarge,
                    QStringLiteral("reply of %1 bytes over the %2-byte limit")
                        .arg(std::max(received, total))
                        .arg(m_maxReplyBytes))));
            reply->abort();
        });
    keepAliveOnProgress(id, reply);
    if (m_uploads.contains(id) && request.path == Path::Media)
        connect(reply, &QNetworkReply::uploadProgress, this,
            [this, id, reply](qint64 sent, qint64) { onUploadProgress(id, reply, sent); });
    if (m_mediaFetches.contains(id))
        connect(reply, &QNetworkReply::downloadProgress, this, [this, id](qint64 got, qint64 all) {
            if (all > 0)
                Q_EMIT transferProgress(id, got, all);
        });
    connect(reply, &QNetworkReply::finished, this,
        [this, id, path, reply, onReply = std::move(onReply), onError = std::move(onError)] {
            onReplyFinished(id, path, reply, onReply, onError);
        });
}

void DistetClient::keepAliveOnProgress(RequestId id, QNetworkReply *reply)
{
    // A large file on a slow link outlasts any fixed deadline while its bytes keep moving; one
    // whose bytes stop still times out requestTimeout() after the last of them.
    const auto onProgress = [this, id, reply](const char *key, qint64 bytes) {
        if (bytes <= reply->property(key).toLongLong())
            return;
        reply->setProperty(key, bytes);
        m_tracker.extend(id, requestTimeout());
    };
    connect(reply, &QNetworkReply::uploadProgress, this,
        [onProgress](qint64 sent, qint64) { onProgress(kBytesUp, sent); });
    connect(reply, &QNetworkReply::downloadProgress, this,
        [onProgress](qint64 received, qint64) { onProgress(kBytesDown, received); });
}

void DistetClient::onReplyFinished(RequestId id, const QString &path, QNetworkReply *reply,
    const OnReply &onReply, const OnError &onError)
{
    reply->deleteLater();
    m_inFlight.remove(id, reply);
    if (!alive(id))
        return;
    if (const QVariant known = reply->property(kReplyError); known.isValid()) {
        const Error e = known.value<Error>();
        if (e.code == Error::Code::TlsFailure)
            Q_EMIT connectionError(e);
        if (!onError || !onError(e))
            fail(id, e);
        return;
    }
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    // A JSON body decides even under an HTTP error status; only a bare failure is a network one.
    if (reply->error() != QNetworkReply::NoError
        && (body.trimmed().isEmpty() || reply->error() < QNetworkReply::ContentAccessDenied)) {
        const Error e = networkError(reply, path);
        if (!onError || !onError(e))
            fail(id, e);
        return;
    }
    Result<QJsonObject> decoded = decodeReply(path, body);
    if (!decoded) {
        if (decoded.error().group() == Error::Group::Protocol)
            qCWarning(lcProtocol) << "undecodable DisTet reply to" << path << decoded.error();
        if (!onError || !onError(decoded.error()))
            fail(id, decoded.error());
        return;
    }
    onReply(decoded.value());
}

void DistetClient::onSslErrors(QNetworkReply *reply, const QList<QSslError> &errors)
{
    const QSslConfiguration live = reply->sslConfiguration();
    if (Tls::matchesPin(live.peerCertificate(), pinnedCertificate())) {
        qCInfo(lcProtocol) << "accepting the pinned certificate of" << reply->url().host()
                           << "despite" << errors.size() << "TLS errors";
        reply->ignoreSslErrors(errors);
        return;
    }
    const Error e = Tls::failure(errors, reply->url().host(), live.peerCertificateChain());
    qCWarning(lcProtocol) << "TLS refused:" << e;
    reply->setProperty(kReplyError, QVariant::fromValue(e));
}

void DistetClient::pageAll(
    RequestId id, MakePage make, int take, TakePage consume, std::function<void()> done, int skip)
{
    const Request request = make(take, skip);
    post(id, request, [=, this](const QJsonObject &reply) {
        const Result<int> count = consume(reply);
        if (!count) {
            fail(id, count.error());
            return;
        }
        // A short page is the last one.
        if (count.value() < take)
            done();
        else
            pageAll(id, make, take, consume, done, skip + take);
    });
}

void DistetClient::forEach(RequestId id, qsizetype count, Step step, std::function<void()> done)
{
    auto next = std::make_shared<std::function<void(qsizetype)>>();
    *next = [this, id, count, step, done, weak = std::weak_ptr(next)](qsizetype index) {
        if (!alive(id))
            return;
        if (index >= count) {
            done();
            return;
        }
        auto self = weak.lock();
        step(index, [self, index] { (*self)(index + 1); });
    };
    (*next)(0);
}

RequestId DistetClient::simpleOp(
    const QString &what, const Request &request, std::function<void(RequestId)> emitResult)
{
    if (ownId().isEmpty() && request.path != Path::Email)
        return failLater(
            Error::make(Error::Code::NotAuthenticated, QStringLiteral("not logged in")));
    const RequestId id = start(what);
    post(id, request, [this, id, emitResult](const QJsonObject &) {
        if (emitResult)
            emitResult(id);
        finish(id);
    });
    return id;
}

} // namespace Natter
