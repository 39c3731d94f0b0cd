// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/certificatedialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;

namespace {

template <typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

} // namespace

class TestCertificateDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("openssl is not installed");
        QVERIFY(m_dir.isValid());
        m_leafPem = makeCertificate(
            QStringLiteral("ui-leaf"), QStringLiteral("/CN=localhost/O=Natter Test"));
        m_otherPem
            = makeCertificate(QStringLiteral("ui-other"), QStringLiteral("/CN=other.example"));
        QVERIFY(!m_leafPem.isEmpty());
        QVERIFY(!m_otherPem.isEmpty());
    }

    void showsTheLeafCertificate()
    {
        const QString reason = QStringLiteral("The certificate is self-signed, and untrusted");
        // The chain as the transport sends it: leaf first.
        CertificateDialog dialog(
            Error::make(Error::Code::TlsFailure, reason, 0, m_leafPem + m_otherPem));
        dialog.setServerHost(QStringLiteral("127.0.0.1"));
        dialog.show();
        QVERIFY(dialog.hasCertificate());

        const QSslCertificate expected = QSslCertificate::fromData(m_leafPem, QSsl::Pem).first();
        const QString hex
            = QString::fromLatin1(expected.digest(QCryptographicHash::Sha256).toHex());
        QCOMPARE(dialog.fingerprintSha256(), hex);
        QCOMPARE(hex.size(), 64);
        QCOMPARE(dialog.fingerprintSha256(), dialog.fingerprintSha256().toLower());

        QCOMPARE(child<QLabel>(&dialog, "reasonLabel")->text(), reason);
        QCOMPARE(
            child<QLabel>(&dialog, "fingerprintLabel")->text(), CertificateDialog::colonHex(hex));
        QCOMPARE(child<QLabel>(&dialog, "fingerprintLabel")->text().count(QLatin1Char(':')), 31);
        QCOMPARE(child<QLabel>(&dialog, "subjectLabel")->text(),
            QStringLiteral("CN=localhost, O=Natter Test"));
        QVERIFY(
            child<QLabel>(&dialog, "issuerLabel")->text().contains(QStringLiteral("CN=localhost")));
        QVERIFY(
            child<QLabel>(&dialog, "hostNamesLabel")->text().contains(QStringLiteral("localhost")));
        QCOMPARE(child<QLabel>(&dialog, "serverHostLabel")->text(), QStringLiteral("127.0.0.1"));
        QVERIFY(!child<QLabel>(&dialog, "validFromLabel")->text().isEmpty());
        QVERIFY(!child<QLabel>(&dialog, "validUntilLabel")->text().isEmpty());
        QVERIFY(!child<QLabel>(&dialog, "noCertificateLabel")->isVisible());
        QVERIFY(child<QLabel>(&dialog, "warningLabel")->isVisible());

        const QString dir = qEnvironmentVariable("NATTER_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            dialog.grab().save(dir + QStringLiteral("/certificatedialog.png"));

        auto *trust = child<QPushButton>(&dialog, "trustButton");
        QVERIFY(trust->isEnabled());
        QTest::mouseClick(trust, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void cancelIsTheDefault()
    {
        CertificateDialog dialog(Error::make(Error::Code::TlsFailure, QString(), 0, m_leafPem));
        dialog.show();
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        auto *cancel
            = child<QDialogButtonBox>(&dialog, "buttonBox")->button(QDialogButtonBox::Cancel);
        QVERIFY(cancel->isDefault());
    }

    void noCertificateCannotBeTrusted()
    {
        CertificateDialog dialog(Error::make(Error::Code::TlsFailure,
            QStringLiteral("The host name did not match"), 0, QByteArray("not a pem")));
        dialog.show();
        QVERIFY(!dialog.hasCertificate());
        QVERIFY(dialog.fingerprintSha256().isEmpty());
        QVERIFY(!child<QPushButton>(&dialog, "trustButton")->isEnabled());
        QVERIFY(child<QLabel>(&dialog, "noCertificateLabel")->isVisible());
        QVERIFY(!child<QWidget>(&dialog, "detailsGroup")->isVisible());
        QCOMPARE(child<QLabel>(&dialog, "reasonLabel")->text(),
            QStringLiteral("The host name did not match"));
    }

private:
    QByteArray makeCertificate(const QString &name, const QString &subject)
    {
        const QString cert = m_dir.filePath(name + QStringLiteral(".pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
            { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                subject, QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-keyout"),
                m_dir.filePath(name + QStringLiteral(".key")), QStringLiteral("-out"), cert });
        if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0)
            return {};
        QFile file(cert);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QTemporaryDir m_dir;
    QByteArray m_leafPem;
    QByteArray m_otherPem;
};

QTEST_MAIN(TestCertificateDialog)
#include "tst_certificatedialog.moc"
