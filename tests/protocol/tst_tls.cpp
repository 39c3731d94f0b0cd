// SPDX-License-Identifier: GPL-3.0-or-later
// TLS against the in-process test server with the self-signed certificates of tests/data/tls:
// refused by default with the peer's chain in Error::raw, accepted once that certificate is
// pinned, refused again when the server's certificate changes.
#include "clientharness.h"
#include "protocol/clientfactory.h"
#include "protocol/tlscheck.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTest>

using namespace Natter;
using namespace Natter::Testing;

namespace {
QString tlsFile(const QString &name)
{
    return QStringLiteral(NATTER_TEST_DATA "/tls/") + name;
}

QSslCertificate certificate(const QString &name)
{
    const QList<QSslCertificate> list = QSslCertificate::fromPath(tlsFile(name + u".pem"));
    return list.isEmpty() ? QSslCertificate() : list.first();
}

/// SHA-256 of the DER form, as `openssl x509 -outform der | sha256sum` prints it.
QString pinOf(const QSslCertificate &c)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(c.toDer(), QCryptographicHash::Sha256).toHex());
}

/// The login of the seeded demo user in each protocol.
Credentials alice(Protocol protocol)
{
    const QString login = protocol == Protocol::Distet ? QStringLiteral("alice@example.org")
                                                       : QStringLiteral("alice");
    return { login, QStringLiteral("demo"), {}, {} };
}

/// Connects and logs in. On failure `error` holds the TlsFailure (or whatever failed) and
/// `connectionErrors` what connectionError carried.
struct Attempt
{
    bool loggedIn = false;
    Error error;
    QList<Error> connectionErrors;
};

Attempt attempt(ProtocolClient &client, const QUrl &url, Protocol protocol)
{
    Attempt a;
    QSignalSpy errors(&client, &ProtocolClient::connectionError);
    if (connectAndWait(client, url)) {
        const Outcome out = awaitRequest(client, client.login(alice(protocol)));
        a.loggedIn = out.ok();
        a.error = out.error;
    }
    for (const QList<QVariant> &args : std::as_const(errors))
        a.connectionErrors << args.at(0).value<Error>();
    if (a.error.isNone() && !a.connectionErrors.isEmpty())
        a.error = a.connectionErrors.last();
    return a;
}

QList<QSslCertificate> chainIn(const Error &error)
{
    return QSslCertificate::fromData(error.raw, QSsl::Pem);
}
} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        QVERIFY(!certificate(QStringLiteral("server-a")).isNull());
        QVERIFY(!certificate(QStringLiteral("server-b")).isNull());
        QVERIFY(certificate(QStringLiteral("server-a")) != certificate(QStringLiteral("server-b")));
    }

    void pinIsNormalised()
    {
        auto made = createClient(QStringLiteral("morelia"), QUrl(QStringLiteral("wss://h/")),
            QStringLiteral("AB:cd:0F 12"));
        QVERIFY(made);
        QCOMPARE(made.value()->pinnedCertificate(), QStringLiteral("abcd0f12"));
        made.value()->setPinnedCertificate({});
        QVERIFY(made.value()->pinnedCertificate().isEmpty());
        const QSslCertificate a = certificate(QStringLiteral("server-a"));
        QCOMPARE(Tls::fingerprint(a),
            QStringLiteral("83eb9f867b191621b272c3b9acec46d895abff0ab9b69e3bbea691ebf2698a1e"));
        QVERIFY(Tls::matchesPin(a, pinOf(a).toUpper()));
        QVERIFY(!Tls::matchesPin(a, pinOf(certificate(QStringLiteral("server-b")))));
        QVERIFY(!Tls::matchesPin(a, {}));
    }

    void refusedPinnedThenRefusedAgain_data()
    {
        QTest::addColumn<Protocol>("protocol");
        QTest::addColumn<QString>("client");
        QTest::newRow("morelia wss") << Protocol::MoreliaR17 << QStringLiteral("morelia");
        QTest::newRow("auto wss (probe)") << Protocol::MoreliaR17 << QStringLiteral("auto");
        QTest::newRow("wsmode wss") << Protocol::WsMode << QStringLiteral("wsmode");
        QTest::newRow("distet https") << Protocol::Distet << QStringLiteral("distet");
    }

    void refusedPinnedThenRefusedAgain()
    {
        QFETCH(Protocol, protocol);
        QFETCH(QString, client);
        const QSslCertificate a = certificate(QStringLiteral("server-a"));
        const QSslCertificate b = certificate(QStringLiteral("server-b"));

        TestServer server(protocol);
        QVERIFY(server.setTlsCertificate(
            tlsFile(QStringLiteral("server-a.pem")), tlsFile(QStringLiteral("server-a.key"))));
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        server.seedDemo();
        const QUrl url = server.url();
        QVERIFY2(url.scheme() == QLatin1String(protocol == Protocol::Distet ? "https" : "wss"),
            qPrintable(url.toString()));

        // 1. No pin: a self-signed certificate is refused, with the details.
        {
            auto made = createClient(client, url);
            QVERIFY(made);
            made.value()->setRequestTimeout(10000);
            const Attempt refused = attempt(*made.value(), url, protocol);
            QVERIFY(!refused.loggedIn);
            QCOMPARE(refused.error.code, Error::Code::TlsFailure);
            QVERIFY2(refused.error.message.contains(QLatin1String("127.0.0.1")),
                qPrintable(refused.error.message));
            QVERIFY(!refused.connectionErrors.isEmpty());
            QCOMPARE(refused.connectionErrors.first().code, Error::Code::TlsFailure);
            const QList<QSslCertificate> chain = chainIn(refused.error);
            QVERIFY(!chain.isEmpty());
            QCOMPARE(chain.first(), a);
            QCOMPARE(Tls::fingerprint(chain.first()), pinOf(a));
            QCOMPARE(made.value()->connectionState() == ConnectionState::Connected,
                protocol == Protocol::Distet); // HTTP has no connection to lose
        }

        // 2. Pinning server-a's fingerprint lets the login through.
        auto pinned = createClient(client, url, pinOf(a));
        QVERIFY(pinned);
        ProtocolClient &c = *pinned.value();
        c.setRequestTimeout(10000);
        const Attempt accepted = attempt(c, url, protocol);
        QVERIFY2(accepted.loggedIn, qPrintable(accepted.error.message));
        QVERIFY(accepted.connectionErrors.isEmpty());

        // 3. The server restarts on the same port with another certificate: refused again,
        //    by the same client whose earlier connection accepted server-a.
        const quint16 port = server.port();
        c.disconnectFromServer();
        server.close();
        QVERIFY(server.setTlsCertificate(
            tlsFile(QStringLiteral("server-b.pem")), tlsFile(QStringLiteral("server-b.key"))));
        QVERIFY(server.listen(QHostAddress::LocalHost, port));
        QCOMPARE(server.url(), url);
        const Attempt changed = attempt(c, url, protocol);
        QVERIFY(!changed.loggedIn);
        QCOMPARE(changed.error.code, Error::Code::TlsFailure);
        const QList<QSslCertificate> chain = chainIn(changed.error);
        QVERIFY(!chain.isEmpty());
        QCOMPARE(chain.first(), b);

        // 4. Trusting the new certificate (what the UI does after asking) works again.
        c.disconnectFromServer();
        c.setPinnedCertificate(Tls::fingerprint(chain.first()));
        const Attempt retrusted = attempt(c, url, protocol);
        QVERIFY2(retrusted.loggedIn, qPrintable(retrusted.error.message));
    }

    void hostNameIsVerified()
    {
        TestServer server(Protocol::MoreliaR17);
        QVERIFY(server.setTlsCertificate(
            tlsFile(QStringLiteral("server-a.pem")), tlsFile(QStringLiteral("server-a.key"))));
        QVERIFY(server.listen(QHostAddress::AnyIPv4, 0));
        server.seedDemo();
        // Another loopback address: the certificate names 127.0.0.1 and localhost only.
        const QUrl url(QStringLiteral("wss://127.0.0.2:%1/ws").arg(server.port()));
        auto made = createClient(QStringLiteral("morelia"), url);
        QVERIFY(made);
        const Attempt refused = attempt(*made.value(), url, Protocol::MoreliaR17);
        if (refused.error.code == Error::Code::NetworkUnreachable)
            QSKIP("127.0.0.2 is not routed to the loopback interface here");
        QCOMPARE(refused.error.code, Error::Code::TlsFailure);
        QVERIFY2(refused.error.message.contains(QLatin1String("host name"), Qt::CaseInsensitive),
            qPrintable(refused.error.message));
        QVERIFY(refused.error.message.contains(QLatin1String("127.0.0.2")));
    }

    void plainWebSocketUnchanged_data()
    {
        QTest::addColumn<QString>("pin");
        QTest::newRow("no pin") << QString();
        QTest::newRow("a pin is irrelevant without TLS")
            << pinOf(certificate(QStringLiteral("server-a")));
    }

    void plainWebSocketUnchanged()
    {
        QFETCH(QString, pin);
        TestServer server(Protocol::MoreliaR17);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        server.seedDemo();
        QCOMPARE(server.url().scheme(), QStringLiteral("ws"));
        auto made = createClient(QStringLiteral("auto"), server.url(), pin);
        QVERIFY(made);
        const Attempt plain = attempt(*made.value(), server.url(), Protocol::MoreliaR17);
        QVERIFY2(plain.loggedIn, qPrintable(plain.error.message));
        QVERIFY(plain.connectionErrors.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
