// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QList>
#include <QSslCertificate>
#include <QSslError>

namespace Natter::Tls {

/// The form pins are kept in: lowercase hex without colons or spaces ("AB:cd" → "abcd").
QString normalizedPin(const QString &sha256Hex);

/// SHA-256 of the certificate's DER form, lowercase hex without colons.
QString fingerprint(const QSslCertificate &certificate);

/// True when `pin` is set and equals the leaf certificate's fingerprint. Only the leaf counts:
/// the peer proved it holds the leaf's key, not the key of any other certificate it sent.
bool matchesPin(const QSslCertificate &leaf, const QString &pin);

/// The TlsFailure for a refused handshake: the error strings joined with "; " plus the host in
/// `message`, the peer's certificate chain as concatenated PEM in `raw`.
Error failure(
    const QList<QSslError> &errors, const QString &host, const QList<QSslCertificate> &chain);

} // namespace Natter::Tls
