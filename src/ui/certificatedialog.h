// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QDialog>
#include <QSslCertificate>

#include <memory>

class QPushButton;

namespace Ui {
class CertificateDialog;
}

namespace Natter {

/// Shows why a server's TLS certificate is not trusted and lets the user trust it anyway.
/// The TLS error carries the SSL error strings in `message` and the chain as PEM in `raw`;
/// the first certificate of the chain (the leaf) is shown.
class CertificateDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CertificateDialog(const Error &tlsError, QWidget *parent = nullptr);
    ~CertificateDialog() override;

    bool hasCertificate() const { return !m_certificate.isNull(); }
    QSslCertificate certificate() const { return m_certificate; }
    /// SHA-256 of the leaf certificate (DER), lowercase hex without colons; empty when none.
    QString fingerprintSha256() const;
    /// The host Natter connected to, shown next to the names the certificate is issued for.
    void setServerHost(const QString &host);

    /// "ab:cd:…" for display.
    static QString colonHex(const QString &hex);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTexts();

    std::unique_ptr<Ui::CertificateDialog> m_ui;
    QPushButton *m_trustButton = nullptr;
    Error m_error;
    QSslCertificate m_certificate;
    QString m_serverHost;
};

} // namespace Natter
