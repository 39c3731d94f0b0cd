// SPDX-License-Identifier: GPL-3.0-or-later
#include "certificatedialog.h"

#include "authstyle.h"
#include "icons.h"
#include "ui_certificatedialog.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFontDatabase>
#include <QLocale>
#include <QPushButton>

namespace Natter {

namespace {

/// "CN=…, O=…, C=…" from the attributes present, most specific first.
QString distinguishedName(const QSslCertificate &cert, bool issuer)
{
    using A = QSslCertificate::SubjectInfo;
    static const std::pair<A, const char *> parts[] = {
        { QSslCertificate::CommonName, "CN" },
        { QSslCertificate::Organization, "O" },
        { QSslCertificate::OrganizationalUnitName, "OU" },
        { QSslCertificate::LocalityName, "L" },
        { QSslCertificate::StateOrProvinceName, "ST" },
        { QSslCertificate::CountryName, "C" },
    };
    QStringList out;
    for (const auto &[attribute, key] : parts) {
        const QStringList values
            = issuer ? cert.issuerInfo(attribute) : cert.subjectInfo(attribute);
        for (const QString &value : values)
            out << QLatin1String(key) + QLatin1Char('=') + value;
    }
    return out.join(QStringLiteral(", "));
}

QString hostNames(const QSslCertificate &cert)
{
    QStringList names = cert.subjectAlternativeNames().values(QSsl::DnsEntry);
    names += cert.subjectAlternativeNames().values(QSsl::IpAddressEntry);
    for (const QString &cn : cert.subjectInfo(QSslCertificate::CommonName)) {
        if (!names.contains(cn))
            names << cn;
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

CertificateDialog::CertificateDialog(const Error &tlsError, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::CertificateDialog>()), m_error(tlsError)
{
    m_ui->setupUi(this);
    const QList<QSslCertificate> chain = QSslCertificate::fromData(tlsError.raw, QSsl::Pem);
    if (!chain.isEmpty())
        m_certificate = chain.first();

    m_ui->iconLabel->setPixmap(Icons::themed(QStringLiteral("shield-alert")).pixmap(QSize(40, 40)));
    QFont headline = font();
    headline.setWeight(QFont::DemiBold);
    headline.setPointSizeF(headline.pointSizeF() * 1.15);
    m_ui->headlineLabel->setFont(headline);
    m_ui->fingerprintLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_trustButton = m_ui->buttonBox->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_trustButton->setObjectName(QStringLiteral("trustButton"));
    m_trustButton->setAutoDefault(false);
    m_trustButton->setEnabled(hasCertificate());
    if (QPushButton *cancel = m_ui->buttonBox->button(QDialogButtonBox::Cancel)) {
        // Cancel is the safe answer, so it is the one Enter presses.
        cancel->setDefault(true);
        cancel->setFocus();
    }
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_ui->detailsGroup->setVisible(hasCertificate());
    m_ui->noCertificateLabel->setVisible(!hasCertificate());
    m_ui->warningLabel->setVisible(hasCertificate());
    m_ui->serverHostCaption->hide();
    m_ui->serverHostLabel->hide();
    AuthStyle::styleAsError(m_ui->warningLabel, palette());
    applyTexts();
}

CertificateDialog::~CertificateDialog() = default;

QString CertificateDialog::fingerprintSha256() const
{
    if (!hasCertificate())
        return {};
    return QString::fromLatin1(m_certificate.digest(QCryptographicHash::Sha256).toHex());
}

void CertificateDialog::setServerHost(const QString &host)
{
    m_serverHost = host;
    m_ui->serverHostLabel->setText(host);
    m_ui->serverHostCaption->setVisible(!host.isEmpty());
    m_ui->serverHostLabel->setVisible(!host.isEmpty());
}

QString CertificateDialog::colonHex(const QString &hex)
{
    QStringList pairs;
    for (int i = 0; i + 1 < hex.size(); i += 2)
        pairs << hex.mid(i, 2).toUpper();
    return pairs.join(QLatin1Char(':'));
}

void CertificateDialog::applyTexts()
{
    m_trustButton->setText(tr("&Trust this certificate"));
    const QString reason = m_error.message.trimmed();
    m_ui->reasonLabel->setText(
        reason.isEmpty() ? tr("The certificate could not be verified.") : reason);
    if (!hasCertificate())
        return;
    const QLocale locale;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime from = m_certificate.effectiveDate().toLocalTime();
    const QDateTime until = m_certificate.expiryDate().toLocalTime();
    QString fromText = locale.toString(from, QLocale::LongFormat);
    if (from > now)
        fromText = tr("%1 (not valid yet)").arg(fromText);
    QString untilText = locale.toString(until, QLocale::LongFormat);
    if (until < now)
        untilText = tr("%1 (expired)").arg(untilText);
    m_ui->subjectLabel->setText(distinguishedName(m_certificate, false));
    m_ui->issuerLabel->setText(distinguishedName(m_certificate, true));
    m_ui->hostNamesLabel->setText(hostNames(m_certificate));
    m_ui->validFromLabel->setText(fromText);
    m_ui->validUntilLabel->setText(untilText);
    m_ui->fingerprintLabel->setText(colonHex(fingerprintSha256()));
}

void CertificateDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        applyTexts();
        setServerHost(m_serverHost);
    } else if (event->type() == QEvent::PaletteChange) {
        AuthStyle::styleAsError(m_ui->warningLabel, palette());
    }
    QDialog::changeEvent(event);
}

} // namespace Natter
