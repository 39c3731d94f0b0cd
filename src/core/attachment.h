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
    QString name; ///< file name, sanitised before it touches the disk
    QString mime; ///< MIME type, "application/octet-stream" when unknown
    qint64 size = 0; ///< bytes; equals bytes.size() when bytes are present
    QByteArray bytes; ///< content when carried inline
    QString reference; ///< server key or hash when the content is fetched separately

    bool operator==(const Attachment &) const = default;

    /// The kind a MIME type maps to (image/* → Picture, video/* → Video, audio/* → Audio).
    static Kind kindForMime(const QString &mime);
    /// Builds an attachment from bytes, guessing MIME from the name and the content.
    static Attachment fromBytes(const QString &name, const QByteArray &bytes);
};

QString attachmentKindName(Attachment::Kind kind);
QDebug operator<<(QDebug dbg, const Attachment &attachment);

} // namespace Natter
