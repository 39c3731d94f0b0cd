// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

/// Identifiers, tokens and password hashes shared by every test server backend.
namespace Natter::Testing::Ids {
/// A random 128-bit number written in decimal, as MoreliaTalk r17 writes its uuids.
QString randomUuid128();
/// A random token of @p bytes bytes written as lowercase hex (auth_id).
QString randomToken(int bytes = 16);
QByteArray randomSalt();
/// SHA-256 over salt + UTF-8 password. Good enough for a test server, not for production.
QByteArray hashPassword(const QByteArray &salt, const QString &password);
} // namespace Natter::Testing::Ids
