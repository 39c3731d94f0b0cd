// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace Natter {

/// Content-addressed files for attachment and avatar bytes, kept out of the database:
/// `<root>/<first two hex digits>/<sha256 hex>`. Equal content is stored once.
class MediaStore
{
public:
    /// `root` is created on the first put().
    explicit MediaStore(QString root = {});

    QString root() const { return m_root; }
    void setRoot(const QString &root) { m_root = root; }

    /// Stores `bytes` unless a file with that content exists; returns its SHA-256 (lower-case hex).
    /// Written through a temporary file and renamed, so a crash never leaves a partial file.
    Result<QString> put(const QByteArray &bytes);
    /// The content, or FileError when missing or not matching its hash.
    Result<QByteArray> read(const QString &hash) const;
    bool contains(const QString &hash) const;
    /// Where the content lives (whether or not it exists); empty for a malformed hash.
    QString path(const QString &hash) const;
    /// Size in bytes, -1 when absent.
    qint64 size(const QString &hash) const;
    /// Bytes used by all stored files.
    qint64 totalSize() const;
    bool remove(const QString &hash);

    static QString hashOf(const QByteArray &bytes);
    /// 64 lower-case hex digits; anything else never reaches the file system.
    static bool isValidHash(const QString &hash);

private:
    QString m_root;
};

} // namespace Natter
