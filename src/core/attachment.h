// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDebug>
#include <QString>

namespace Natter {

/// A file carried by a message: inline bytes, or a server reference to fetch them by.
struct Attachment
{
    enum class Kind { Picture, Video, Audio, Document };

    Kind kind = Kind::Document;
    QString name; ///< file name; from a server, pass it through safeFileName() before use
    QString mime; ///< MIME type, "application/octet-stream" when unknown
    qint64 size = 0; ///< bytes; equals bytes.size() when bytes are present
    QByteArray bytes; ///< content when carried inline
    QString reference; ///< server key or hash when the content is fetched separately

    bool operator==(const Attachment &) const = default;

    /// The kind a MIME type maps to (image/* → Picture, video/* → Video, audio/* → Audio).
    static Kind kindForMime(const QString &mime);
    /// Builds an attachment from bytes, guessing MIME from the name and the content.
    static Attachment fromBytes(const QString &name, const QByteArray &bytes);
    /// A name that is safe as one file in any folder on Linux, macOS and Windows, from a name a
    /// server sent: path separators and characters Windows refuses become "_", control and
    /// bidirectional-override characters go, leading dots and trailing dots and spaces go (no
    /// "..", no hidden files), a Windows device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with
    /// any extension) gets a "_" prefix, and the result is at most 200 UTF-8 bytes, keeping a
    /// short extension. Never empty: "file" when nothing is left.
    static QString safeFileName(const QString &name);
};

QString attachmentKindName(Attachment::Kind kind);
QDebug operator<<(QDebug dbg, const Attachment &attachment);

} // namespace Natter
