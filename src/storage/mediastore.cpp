// SPDX-License-Identifier: GPL-3.0-or-later
#include "mediastore.h"

#include "core/logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Natter {

MediaStore::MediaStore(QString root) : m_root(std::move(root)) { }

QString MediaStore::hashOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool MediaStore::isValidHash(const QString &hash)
{
    if (hash.size() != 64)
        return false;
    for (QChar c : hash) {
        const bool hex = (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
        if (!hex)
            return false;
    }
    return true;
}

QString MediaStore::path(const QString &hash) const
{
    if (!isValidHash(hash) || m_root.isEmpty())
        return {};
    return m_root % u'/' % QStringView(hash).left(2) % u'/' % hash;
}

Result<QString> MediaStore::put(const QByteArray &bytes)
{
    const QString hash = hashOf(bytes);
    const QString file = path(hash);
    if (file.isEmpty())
        return Error::make(Error::Code::FileError, QStringLiteral("media store has no folder"));
    if (const QFileInfo existing(file); existing.exists() && existing.size() == bytes.size())
        return hash; // deduplicated
    if (!QDir().mkpath(QFileInfo(file).absolutePath()))
        return Error::make(Error::Code::FileError,
            QLatin1String("cannot create ") % QFileInfo(file).absolutePath());
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        qCWarning(lcStorage) << "cannot write media file" << file << out.errorString();
        return Error::make(Error::Code::FileError,
            QLatin1String("cannot write ") % file % QLatin1String(": ") % out.errorString());
    }
    return hash;
}

Result<QByteArray> MediaStore::read(const QString &hash) const
{
    QFile file(path(hash));
    if (file.fileName().isEmpty() || !file.open(QIODevice::ReadOnly))
        return Error::make(Error::Code::FileError, QLatin1String("no media file for ") % hash);
    QByteArray bytes = file.readAll();
    if (hashOf(bytes) != hash)
        return Error::make(Error::Code::FileError, QLatin1String("media file corrupt: ") % hash);
    return bytes;
}

bool MediaStore::contains(const QString &hash) const
{
    const QString file = path(hash);
    return !file.isEmpty() && QFileInfo::exists(file);
}

qint64 MediaStore::size(const QString &hash) const
{
    const QFileInfo info(path(hash));
    return !info.filePath().isEmpty() && info.exists() ? info.size() : -1;
}

qint64 MediaStore::totalSize() const
{
    if (m_root.isEmpty())
        return 0;
    qint64 total = 0;
    QDirIterator it(m_root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

bool MediaStore::remove(const QString &hash)
{
    const QString file = path(hash);
    return !file.isEmpty() && QFile::remove(file);
}

} // namespace Natter
