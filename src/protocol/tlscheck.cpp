// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlscheck.h"

#include <QCryptographicHash>

namespace Natter::Tls {

QString normalizedPin(const QString &sha256Hex)
{
    QString pin;
    pin.reserve(sha256Hex.size());
    for (const QChar c : sha256Hex) {
        if (c != QLatin1Char(':') && !c.isSpace())
            pin.append(c.toLower());
    }
    return pin;
}

QString fingerprint(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return {};
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
}

bool matchesPin(const QSslCertificate &leaf, const QString &pin)
{
    return !pin.isEmpty() && !leaf.isNull() && fingerprint(leaf) == normalizedPin(pin);
}

Error failure(
    const QList<QSslError> &errors, const QString &host, const QList<QSslCertificate> &chain)
{
    QStringList details;
    for (const QSslError &e : errors)
        details << e.errorString();
    if (details.isEmpty())
        details << QStringLiteral("TLS handshake failed");
    QByteArray pem;
    for (const QSslCertificate &certificate : chain)
        pem += certificate.toPem();
    return Error::make(Error::Code::TlsFailure,
        QStringLiteral("%1 (host %2)").arg(details.join(QLatin1String("; ")), host), 0, pem);
}

} // namespace Natter::Tls
