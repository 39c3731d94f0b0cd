// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

namespace Natter {

/// Decodes pictures from untrusted sources without letting them exhaust memory: the header is
/// read first, unknown formats and huge dimensions are refused, the decoder runs under an
/// allocation limit and decodes straight to the size shown (a 10,000×10,000 picture is never
/// decoded at full size for a thumbnail).
class SafeImage
{
public:
    enum class Error { None, Unreadable, UnknownFormat, TooLarge, DecodeFailed };

    static constexpr int MaxDimension = 16384;
    static constexpr int AllocationLimitMb = 256;

    /// The picture at `path`, scaled down (never up) to fit `boundingBox` with its aspect kept;
    /// an empty `boundingBox` means full size. A null image on failure, with `error` set.
    static QImage load(const QString &path, const QSize &boundingBox, Error *error = nullptr);
    /// The same for a picture held in memory (a pasted or attached file).
    static QImage fromData(
        const QByteArray &data, const QSize &boundingBox, Error *error = nullptr);
    /// The picture's size from its header (EXIF rotation applied); invalid when unreadable,
    /// unknown or over MaxDimension.
    static QSize size(const QString &path, Error *error = nullptr);
    /// `size` scaled down to fit `box`, aspect kept, at least 1×1.
    static QSize fitted(const QSize &size, const QSize &box);
};

} // namespace Natter
