// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "distetcodec.h"
#include "protocol/protocolclient.h"
#include "protocol/requesttracker.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

class QNetworkReply;
class QSslError;

namespace Natter {

/// The DisTet HTTP API over one QNetworkAccessManager: every request is a JSON POST to
/// BASE_URL/<Path> (HTTP/2 where the server offers it, HTTP/1.1 otherwise; TLS verified: a TLS
/// error fails the request with TlsFailure and emits connectionError, unless the pin matches).
///
/// Decisions:
/// - connectToServer() only remembers the base URL and reports Connected at once: HTTP has no
///   session to open, and an unreachable server fails each request with NetworkUnreachable.
/// - One public call may make several HTTP requests (paging, media, search); all of them share
///   the call's deadline and the call ends with exactly one requestFinished / requestFailed.
/// - The deadline is one of inactivity: every byte a reply sends or receives pushes it to
///   requestTimeout() from then, so a slow large transfer finishes and a stalled one times out.
/// - login() with an empty password and a stored session (setAccount) is a token login.
///   Otherwise `Credentials::email`, or the login when no email is given, goes out as `email`.
/// - Our own user id is the token's `?<id>` suffix.
/// - There is no push: fetchUpdates() polls GetDialogs, then GetMessages and GetDelMessages of
///   every dialog with `date` = sinceMs.
/// - Attachments are fetched with GetMedia before messages are emitted (cached per client).
class DistetClient : public ProtocolClient
{
    Q_OBJECT
public:
    explicit DistetClient(QObject *parent = nullptr);
    ~DistetClient() override;

    /// `hashcert`: the certificate hash the server operator issued to this build. The default
    /// is builtInCertificateHash(); an empty value restores it.
    void setClientCertificateHash(const QString &hash);
    QString clientCertificateHash() const { return m_hashCert; }
    /// A stable, non-empty value identifying this Natter build.
    static QString builtInCertificateHash();

    /// Replies larger than this fail with FrameTooLarge (default 64 MiB, like WebSocket frames).
    void setMaxReplyBytes(qint64 bytes) { m_maxReplyBytes = bytes; }

    void connectToServer(const QUrl &url) override;
    void disconnectFromServer() override;
    ConnectionState connectionState() const override { return m_state; }
    Capabilities capabilities() const override;
    QString protocolName() const override;

    void setAccount(const Account &account) override;
    Account account() const override { return m_account; }

    RequestId registerAccount(const Credentials &credentials) override;
    RequestId login(const Credentials &credentials) override;
    RequestId logout() override;
    RequestId fetchProfile(const QString &userId = {}) override;
    RequestId fetchFlows() override;
    RequestId createFlow(const NewFlow &flow) override;
    RequestId fetchMessages(const QString &flowId, qint64 sinceMs) override;
    RequestId fetchUpdates(qint64 sinceMs) override;
    RequestId sendMessage(const QString &flowId, const QString &text,
        const QList<Attachment> &attachments, qint64 clientId) override;
    RequestId editMessage(
        const QString &flowId, const QString &messageId, const QString &text) override;
    RequestId deleteMessage(const QString &flowId, const QString &messageId) override;
    RequestId deleteAccount(const Credentials &credentials) override;
    RequestId ping() override;

    RequestId requestEmailCode(const QString &email) override;
    RequestId confirmEmail(const QString &code) override;
    RequestId setProfilePhoto(const QByteArray &image, const QString &extension) override;
    RequestId fetchContacts(Contact::Kind kind) override;
    RequestId requestFriend(const QString &userId, const QString &note = {}) override;
    RequestId acceptFriend(const QString &userId) override;
    RequestId cancelFriendRequest(const QString &userId) override;
    RequestId removeFriend(const QString &userId) override;
    RequestId updateFriendNote(const QString &userId, const QString &note) override;
    RequestId blockUser(const QString &userId) override;
    RequestId unblockUser(const QString &userId) override;
    RequestId fetchMembers(const QString &flowId) override;
    RequestId addMembers(const QString &flowId, const QStringList &userIds) override;
    RequestId kickMember(const QString &flowId, const QString &userId) override;
    RequestId changeFlow(const QString &flowId, const FlowChange &change) override;
    RequestId searchMessages(const QString &text) override;
    RequestId deleteMessageForMe(const QString &flowId, const QString &messageId) override;
    RequestId fetchDeletedMessages(const QString &flowId, qint64 sinceMs) override;

    /// GetMedia with the attachment's key fetches a file again.
    MediaRefetch mediaRefetch() const override { return MediaRefetch::ByReference; }
    /// Aborts the request's HTTP replies; it fails with Cancelled. An upload aborted midway
    /// never reaches the server as a message (the message is sent after its files).
    void cancelRequest(RequestId id) override;
    RequestId fetchMedia(const QString &reference) override;

protected:
    RequestId allocateRequestId() override { return m_tracker.nextId(); }

private:
    using OnReply = std::function<void(const QJsonObject &)>;
    /// Returns true when it handled the error itself (the request is not failed).
    using OnError = std::function<bool(const Error &)>;
    using Step = std::function<void(qsizetype index, std::function<void()> next)>;
    using MakePage = std::function<Distet::Request(int take, int skip)>;
    /// Consumes one page; returns how many entries it held, or the decode error.
    using TakePage = std::function<Result<int>(const QJsonObject &)>;

    RequestId start(const QString &what);
    void post(RequestId id, const Distet::Request &request, OnReply onReply, OnError onError = {});
    void onReplyFinished(RequestId id, const QString &path, QNetworkReply *reply,
        const OnReply &onReply, const OnError &onError);
    void onSslErrors(QNetworkReply *reply, const QList<QSslError> &errors);
    /// Pushes `id`'s deadline by requestTimeout() whenever `reply` sends or receives more bytes.
    void keepAliveOnProgress(RequestId id, QNetworkReply *reply);
    void pageAll(RequestId id, MakePage make, int take, TakePage consume,
        std::function<void()> done, int skip = 0);
    void forEach(RequestId id, qsizetype count, Step step, std::function<void()> done);
    void resolveMedia(
        RequestId id, QList<Message> messages, std::function<void(const QList<Message> &)> done);
    void fetchMessagePages(RequestId id, const QString &path, const QString &flowId, qint64 sinceMs,
        std::function<void(const QList<Message> &)> done);
    RequestId simpleOp(const QString &what, const Distet::Request &request,
        std::function<void(RequestId)> emitResult);
    RequestId friendOp(Distet::FrBlOp op, const QString &userId, const QString &note,
        std::function<void(RequestId)> emitResult);
    RequestId sendOp(Distet::SendOp op, const QString &flowId, const QString &messageId,
        const std::optional<QString> &text);
    RequestId failLater(const Error &error);
    /// GetMedia for each of `keys` not in m_media yet (once each), then `done`; failures are
    /// skipped.
    void fetchMediaKeys(RequestId id, const QStringList &keys, std::function<void()> done);
    /// Fetches the photo (GetMedia) of each dialog whose key is in `photoKeys` (a photo that
    /// cannot be fetched is left out) and remembers each dialog's type.
    void resolveDialogPhotos(RequestId id, std::shared_ptr<QList<Flow>> flows,
        QHash<QString, QString> photoKeys, std::function<void()> done);
    /// Polls (GetDialogs alone) do not say whether a dialog is a group: keep what fetchFlows
    /// learnt from its members.
    void applyDialogTypes(QList<Flow> &flows) const;
    void finish(RequestId id);
    void fail(RequestId id, Error error);
    /// Upload progress of `id`'s files: `expected` bytes in all (distetclientmedia.cpp).
    void expectUploads(RequestId id, const QList<Attachment> &attachments);
    void onUploadProgress(RequestId id, QNetworkReply *reply, qint64 sent);
    void endTransfer(RequestId id);
    bool alive(RequestId id) const { return m_tracker.find(id).has_value(); }
    void onTimedOut(const RequestTracker::Pending &request);
    void setState(ConnectionState state);
    Distet::Sessia sessia(bool fullDevice = false) const;
    QString ownId() const;

    QNetworkAccessManager m_nam;
    RequestTracker m_tracker;
    QUrl m_base;
    ConnectionState m_state = ConnectionState::Disconnected;
    Account m_account;
    QString m_hashCert;
    QString m_deviceId;
    QString m_os;
    QString m_mac;
    QString m_hostname;
    QHash<QString, Distet::MediaFile> m_media; ///< GetMedia cache, by key
    QHash<QString, Flow::Type> m_dialogTypes; ///< by dialog key, see applyDialogTypes()
    QMultiHash<RequestId, QPointer<QNetworkReply>> m_inFlight;
    qint64 m_maxReplyBytes = 64 * 1024 * 1024;
    struct Upload
    {
        qint64 done = 0;
        qint64 expected = 0;
    };
    QHash<RequestId, Upload> m_uploads; ///< sends with files, see expectUploads()
    QSet<RequestId> m_mediaFetches; ///< fetchMedia() requests, which report download progress
};

} // namespace Natter
