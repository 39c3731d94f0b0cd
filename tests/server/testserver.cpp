// SPDX-License-Identifier: GPL-3.0-or-later
#include "testserver.h"

#include "backend.h"
#include "chaos.h"
#include "demodata.h"
#include "distet/distetbackend.h"
#include "morelia/moreliabackend.h"
#include "serverlog.h"
#include "store.h"
#include "websocketbackend.h"
#include "wsmode/wsmodebackend.h"

#include <QFile>
#include <QSslKey>

using namespace Qt::StringLiterals;

namespace Natter::Testing {

namespace {
std::unique_ptr<Backend> makeBackend(Protocol protocol, Store &store)
{
    switch (protocol) {
    case Protocol::Morelia2020:
        return std::make_unique<MoreliaBackend>(store, MoreliaDialect::July2020);
    case Protocol::MoreliaR17:
        return std::make_unique<MoreliaBackend>(store, MoreliaDialect::Revision17);
    case Protocol::WsMode:
        return std::make_unique<WsModeBackend>(store);
    case Protocol::Distet:
        return std::make_unique<DistetBackend>(store);
    }
    Q_UNREACHABLE();
    return {};
}
} // namespace

std::optional<Protocol> protocolFromName(const QString &name)
{
    const auto lower = name.trimmed().toLower();
    if (lower == u"morelia-2020"_s)
        return Protocol::Morelia2020;
    if (lower == u"morelia-r17"_s || lower == u"morelia"_s)
        return Protocol::MoreliaR17;
    if (lower == u"wsmode"_s)
        return Protocol::WsMode;
    if (lower == u"distet"_s)
        return Protocol::Distet;
    return std::nullopt;
}

QString protocolName(Protocol protocol)
{
    switch (protocol) {
    case Protocol::Morelia2020:
        return u"morelia-2020"_s;
    case Protocol::MoreliaR17:
        return u"morelia-r17"_s;
    case Protocol::WsMode:
        return u"wsmode"_s;
    case Protocol::Distet:
        return u"distet"_s;
    }
    return {};
}

QStringList protocolNames()
{
    return { u"morelia-2020"_s, u"morelia-r17"_s, u"morelia"_s, u"wsmode"_s, u"distet"_s };
}

TestServer::TestServer(Protocol protocol, QObject *parent)
    : QObject(parent),
      m_protocol(protocol),
      m_store(std::make_unique<Store>()),
      m_backend(makeBackend(protocol, *m_store))
{
    connect(m_backend.get(), &Backend::requestReceived, this, &TestServer::requestReceived);
    connect(m_backend.get(), &Backend::responseSent, this, &TestServer::responseSent);
    connect(m_backend.get(), &Backend::clientConnected, this, &TestServer::clientConnected);
    connect(m_backend.get(), &Backend::clientDisconnected, this, &TestServer::clientDisconnected);
}

TestServer::~TestServer()
{
    m_backend.reset(); // sockets and handlers go before the store they use
    m_chaos.reset();
    m_store.reset();
}

bool TestServer::open(const QString &dataFile)
{
    if (m_store->isOpen())
        return true;
    if (!m_store->open(dataFile)) {
        qCWarning(lcTestServer) << "cannot open" << dataFile << ":" << m_store->errorString();
        return false;
    }
    return true;
}

bool TestServer::listen(const QHostAddress &address, quint16 port)
{
    if (!open())
        return false;
    if (!m_backend->listen(address, port)) {
        qCWarning(lcTestServer) << "cannot listen on" << address.toString() << port << ":"
                                << m_backend->errorString();
        return false;
    }
    qCInfo(lcTestServer).noquote()
        << protocolName(m_protocol) << "listening on" << url().toString();
    return true;
}

void TestServer::close()
{
    m_backend->close();
}

bool TestServer::isListening() const
{
    return m_backend->isListening();
}

bool TestServer::setTlsCertificate(const QString &certificateFile, const QString &keyFile)
{
    QFile certFile(certificateFile);
    QFile privateKeyFile(keyFile);
    if (!certFile.open(QIODevice::ReadOnly) || !privateKeyFile.open(QIODevice::ReadOnly)) {
        qCWarning(lcTestServer) << "cannot read" << certificateFile << "or" << keyFile;
        return false;
    }
    const QSslCertificate certificate(&certFile, QSsl::Pem);
    QSslKey key(&privateKeyFile, QSsl::Rsa, QSsl::Pem);
    if (key.isNull()) {
        privateKeyFile.seek(0);
        key = QSslKey(&privateKeyFile, QSsl::Ec, QSsl::Pem);
    }
    if (certificate.isNull() || key.isNull()) {
        qCWarning(lcTestServer) << "not a PEM certificate and key:" << certificateFile << keyFile;
        return false;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_backend->setTlsConfiguration(tls);
    return true;
}

QUrl TestServer::url() const
{
    return m_backend->url();
}

quint16 TestServer::port() const
{
    return m_backend->port();
}

QString TestServer::errorString() const
{
    const auto backendError = m_backend->errorString();
    return backendError.isEmpty() ? m_store->errorString() : backendError;
}

void TestServer::seedDemo()
{
    if (open())
        Natter::Testing::seedDemo(*m_store);
}

QString TestServer::createUser(
    const QString &login, const QString &password, const QString &username)
{
    if (!open())
        return {};
    const auto user = m_store->createUser(login, password, username);
    return user ? m_backend->wireUserId(*user) : QString();
}

QString TestServer::createFlow(
    const QString &type, const QString &title, const QStringList &memberLogins)
{
    if (!open())
        return {};
    QList<qint64> members;
    for (const auto &login : memberLogins) {
        const auto user = m_store->userByLogin(login);
        if (!user) {
            qCWarning(lcTestServer) << "createFlow: unknown login" << login;
            return {};
        }
        members.append(user->id);
    }
    const auto owner = members.isEmpty() ? 0 : members.first();
    const auto flow = m_store->createFlow(type, title, {}, owner, members);
    return flow ? m_backend->wireFlowId(*flow) : QString();
}

QString TestServer::postMessage(const QString &flowId, const QString &login, const QString &text)
{
    if (!open())
        return {};
    const auto flow = m_backend->flowByWireId(flowId);
    const auto user = m_store->userByLogin(login);
    if (!flow || !user)
        return {};
    MessageRow message;
    message.flowId = flow->id;
    message.userId = user->id;
    message.text = text;
    const auto stored = m_store->addMessage(message);
    return stored ? m_backend->wireMessageId(*stored) : QString();
}

int TestServer::bulkPostMessages(
    const QString &flowId, const QString &login, int count, const std::function<QString(int)> &text)
{
    if (!open())
        return 0;
    const auto flow = m_backend->flowByWireId(flowId);
    const auto user = m_store->userByLogin(login);
    if (!flow || !user)
        return 0;
    QList<MessageRow> messages(count);
    for (int i = 0; i < count; ++i) {
        messages[i].flowId = flow->id;
        messages[i].userId = user->id;
        messages[i].text = text(i);
    }
    return m_store->addMessages(messages);
}

void TestServer::dropConnections()
{
    m_backend->dropConnections();
}

void TestServer::setDropOnMethod(const QString &type)
{
    m_backend->setDropOnMethod(type);
}

void TestServer::setSilentOnMethod(const QString &type)
{
    m_backend->setSilentOnMethod(type);
}

void TestServer::setCloseOnGarbage(bool close)
{
    m_backend->setCloseOnGarbage(close);
}

Chaos *TestServer::enableChaos(const ChaosOptions &options)
{
    auto *sockets = qobject_cast<WebSocketBackend *>(m_backend.get());
    if (!sockets)
        return nullptr;
    auto chaos = std::make_unique<Chaos>(options);
    sockets->setChaos(chaos.get());
    m_chaos = std::move(chaos);
    return m_chaos.get();
}

Chaos *TestServer::chaos() const
{
    return m_chaos.get();
}

int TestServer::messageCount() const
{
    return m_store->isOpen() ? m_store->messageCount() : 0;
}

int TestServer::connectionCount() const
{
    return m_backend->connectionCount();
}

QString TestServer::lastAuthIdFor(const QString &login) const
{
    const auto user = m_store->userByLogin(login);
    return user ? m_store->lastAuthId(user->id) : QString();
}

QString TestServer::userIdFor(const QString &login) const
{
    const auto user = m_store->userByLogin(login);
    return user ? m_backend->wireUserId(*user) : QString();
}

void TestServer::setRequireEmailActivation(bool require)
{
    if (auto *distet = qobject_cast<DistetBackend *>(m_backend.get()))
        distet->setRequireActivation(require);
}

QString TestServer::lastEmailCode(const QString &email) const
{
    const auto *distet = qobject_cast<const DistetBackend *>(m_backend.get());
    return distet ? distet->lastEmailCode(email) : QString();
}

} // namespace Natter::Testing
