// SPDX-License-Identifier: GPL-3.0-or-later
// natter-cli against a wss:// MoreliaTalk test server with the self-signed certificate of
// tests/data/tls: refused with the certificate's details, trusted with --pin-cert, the pin kept
// in the profile for later commands until unpin-cert, a wrong pin refused, a malformed one a
// usage error.
#include "clirunner.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;
using namespace Natter::Testing;

namespace {
QString tlsFile(const QString &name)
{
    return QStringLiteral(NATTER_TEST_DATA "/tls/") + name;
}

/// SHA-256 of the certificate's DER form, lowercase hex: what the CLI prints and pins.
QString pinOf(const QString &name)
{
    const QList<QSslCertificate> list = QSslCertificate::fromPath(tlsFile(name + u".pem"));
    if (list.isEmpty())
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(list.first().toDer(), QCryptographicHash::Sha256).toHex());
}

/// "ab12…" as "AB:12:…", the form browsers and `openssl x509 -fingerprint` show.
QString withColons(const QString &pin)
{
    QStringList pairs;
    for (qsizetype i = 0; i < pin.size(); i += 2)
        pairs << pin.mid(i, 2).toUpper();
    return pairs.join(QLatin1Char(':'));
}
} // namespace

class TestCliTls : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_pinA;

    /// A run against the TLS server; --insecure-store so no OS keychain is needed.
    CliRun cli(const QStringList &args, const QByteArray &input = {}, bool json = true) const
    {
        QStringList all { QStringLiteral("--server"), m_server->url().toString(),
            QStringLiteral("--data-dir"), m_dir->path(), QStringLiteral("--insecure-store") };
        if (json)
            all << QStringLiteral("--json");
        return runCli(all + args, input);
    }
    CliRun login(const QStringList &extra = {}, bool json = true) const
    {
        return cli(extra
                + QStringList { QStringLiteral("--password-stdin"), QStringLiteral("login"),
                    QStringLiteral("alice") },
            "demo\n", json);
    }
    /// The pin the default profile keeps on disk, empty when none (or no profile).
    QString savedPin() const
    {
        QFile file(m_dir->path() + QStringLiteral("/profiles/default.json"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll())
            .object()
            .value(QLatin1String("pinned_certificate"))
            .toString();
    }
    static QString errorCode(const CliRun &run)
    {
        return run.errorObject().value(QLatin1String("error")).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        m_pinA = pinOf(QStringLiteral("server-a"));
        QCOMPARE(m_pinA.size(), 64);
        QVERIFY(pinOf(QStringLiteral("server-b")) != m_pinA);
    }

    void init()
    {
        m_server = std::make_unique<TestServer>(Protocol::MoreliaR17);
        QVERIFY(m_server->setTlsCertificate(
            tlsFile(QStringLiteral("server-a.pem")), tlsFile(QStringLiteral("server-a.key"))));
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
        m_server->seedDemo();
        QCOMPARE(m_server->url().scheme(), QStringLiteral("wss"));
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void refusedWithTheCertificateDetails()
    {
        const CliRun json = login();
        QCOMPARE(json.exitCode, 4);
        const QJsonObject error = json.errorObject();
        QCOMPARE(error.value(QLatin1String("error")).toString(), QStringLiteral("tls_failure"));
        const QJsonObject certificate = error.value(QLatin1String("certificate")).toObject();
        QCOMPARE(certificate.value(QLatin1String("sha256")).toString(), m_pinA);
        QCOMPARE(
            certificate.value(QLatin1String("subject")).toString(), QStringLiteral("CN=127.0.0.1"));
        QCOMPARE(
            certificate.value(QLatin1String("issuer")).toString(), QStringLiteral("CN=127.0.0.1"));
        QVERIFY(certificate.value(QLatin1String("self_signed")).toBool());
        const qint64 notBefore = certificate.value(QLatin1String("not_before")).toInteger();
        const qint64 notAfter = certificate.value(QLatin1String("not_after")).toInteger();
        QVERIFY(notBefore > 0);
        // Generated for 100 years.
        QVERIFY(notAfter - notBefore > qint64(99) * 365 * 24 * 3600 * 1000);
        QVERIFY(error.value(QLatin1String("hint"))
                    .toString()
                    .contains(QStringLiteral("--pin-cert ") + m_pinA));
        QVERIFY(json.out.isEmpty());
        QVERIFY(savedPin().isEmpty());

        const CliRun text = login({}, false);
        QCOMPARE(text.exitCode, 4);
        const QString err = QString::fromUtf8(text.err);
        QVERIFY2(err.contains(QStringLiteral("SHA-256:  ") + m_pinA), text.err.constData());
        QVERIFY(err.contains(QStringLiteral("subject:  CN=127.0.0.1")));
        QVERIFY(err.contains(QStringLiteral("issuer:   CN=127.0.0.1")));
        QVERIFY(err.contains(QStringLiteral("valid:    ")));
        QVERIFY(err.contains(QStringLiteral("--pin-cert ") + m_pinA));
    }

    void pinnedLoginIsKeptForLaterCommands()
    {
        // Upper case with colons is accepted and kept normalised.
        const CliRun pinned = login({ QStringLiteral("--pin-cert"), withColons(m_pinA) });
        QVERIFY2(pinned.exitCode == 0, pinned.err.constData());
        QCOMPARE(pinned.object().value(QLatin1String("login")).toString(), QStringLiteral("alice"));
        QCOMPARE(savedPin(), m_pinA);

        // Without the option, the same profile still trusts the certificate.
        const CliRun flows = cli({ QStringLiteral("flows") });
        QVERIFY2(flows.exitCode == 0, flows.err.constData());
        QStringList titles;
        for (const QJsonObject &o : flows.objects())
            titles << o.value(QLatin1String("title")).toString();
        QVERIFY2(titles.contains(QStringLiteral("Natter team")), qPrintable(titles.join(u',')));
        const CliRun who = cli({ QStringLiteral("whoami") });
        QVERIFY2(who.exitCode == 0, who.err.constData());

        // A different pin on a later command is refused and does not replace the kept one.
        const CliRun wrong = cli({ QStringLiteral("--pin-cert"), pinOf(QStringLiteral("server-b")),
            QStringLiteral("whoami") });
        QCOMPARE(wrong.exitCode, 4);
        QCOMPARE(errorCode(wrong), QStringLiteral("tls_failure"));
        QCOMPARE(savedPin(), m_pinA);

        // unpin-cert forgets it: the session commands are refused again, with the details.
        const CliRun unpin = cli({ QStringLiteral("unpin-cert") });
        QVERIFY2(unpin.exitCode == 0, unpin.err.constData());
        QVERIFY(unpin.object().value(QLatin1String("unpinned")).toBool());
        QCOMPARE(unpin.object().value(QLatin1String("sha256")).toString(), m_pinA);
        QVERIFY(savedPin().isEmpty());
        const CliRun refused = cli({ QStringLiteral("flows") });
        QCOMPARE(refused.exitCode, 4);
        QCOMPARE(errorCode(refused), QStringLiteral("tls_failure"));
        QCOMPARE(refused.errorObject()
                     .value(QLatin1String("certificate"))
                     .toObject()
                     .value(QLatin1String("sha256"))
                     .toString(),
            m_pinA);
        const CliRun again = cli({ QStringLiteral("unpin-cert") });
        QCOMPARE(again.exitCode, 0);
        QVERIFY(!again.object().value(QLatin1String("unpinned")).toBool());
    }

    void wrongPinIsRefused()
    {
        const QString pinB = pinOf(QStringLiteral("server-b"));
        const CliRun run = login({ QStringLiteral("--pin-cert"), pinB });
        QCOMPARE(run.exitCode, 4);
        QCOMPARE(errorCode(run), QStringLiteral("tls_failure"));
        // The error names the certificate the server really has, not the pin.
        QCOMPARE(run.errorObject()
                     .value(QLatin1String("certificate"))
                     .toObject()
                     .value(QLatin1String("sha256"))
                     .toString(),
            m_pinA);
        QVERIFY(savedPin().isEmpty());
    }

    void malformedPinIsAUsageError_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString login = QStringLiteral("login");
        const QString alice = QStringLiteral("alice");
        const QString opt = QStringLiteral("--pin-cert");
        QTest::newRow("too short") << QStringList { opt, m_pinA.left(62), login, alice };
        QTest::newRow("too long") << QStringList { opt, m_pinA + u"00", login, alice };
        QTest::newRow("not hex") << QStringList { opt, m_pinA.left(63) + u'g', login, alice };
        QTest::newRow("empty") << QStringList { opt, QString(), login, alice };
        QTest::newRow("no value") << QStringList { login, alice, opt };
        QTest::newRow("with unpin-cert")
            << QStringList { opt, m_pinA, QStringLiteral("unpin-cert") };
    }

    void malformedPinIsAUsageError()
    {
        QFETCH(QStringList, args);
        const CliRun run = cli(args, "demo\n");
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(errorCode(run), QStringLiteral("invalid_argument"));
    }

    void usageDocumentsIt()
    {
        const CliRun help = runCli({ QStringLiteral("--help") });
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--pin-cert SHA256"));
        QVERIFY(help.out.contains("unpin-cert"));
    }
};

QTEST_GUILESS_MAIN(TestCliTls)
#include "tst_cli_tls.moc"
