// SPDX-License-Identifier: GPL-3.0-or-later
#include "safeimage.h"

#include <QBuffer>
#include <QImageReader>

namespace Natter {

namespace {

void setError(SafeImage::Error *error, SafeImage::Error value)
{
    if (error)
        *error = value;
}

/// Opens `reader` on `path` and checks the header; returns the decoded-orientation size.
QSize checkedSize(QImageReader &reader, SafeImage::Error *error)
{
    reader.setAutoTransform(true);
    reader.setAllocationLimit(SafeImage::AllocationLimitMb);
    if (!reader.canRead()) {
        setError(error,
            reader.error() == QImageReader::FileNotFoundError
                    || reader.error() == QImageReader::DeviceError
                ? SafeImage::Error::Unreadable
                : SafeImage::Error::UnknownFormat);
        return {};
    }
    QSize size = reader.size();
    if (!size.isValid()) {
        setError(error, SafeImage::Error::UnknownFormat);
        return {};
    }
    if (size.width() > SafeImage::MaxDimension || size.height() > SafeImage::MaxDimension) {
        setError(error, SafeImage::Error::TooLarge);
        return {};
    }
    if (reader.transformation() & QImageIOHandler::TransformationRotate90)
        size.transpose();
    setError(error, SafeImage::Error::None);
    return size;
}

} // namespace

QSize SafeImage::fitted(const QSize &size, const QSize &box)
{
    if (size.isEmpty())
        return {};
    if (box.isEmpty() || (size.width() <= box.width() && size.height() <= box.height()))
        return size;
    QSize scaled = size.scaled(box, Qt::KeepAspectRatio);
    return scaled.expandedTo(QSize(1, 1));
}

QSize SafeImage::size(const QString &path, Error *error)
{
    QImageReader reader(path);
    return checkedSize(reader, error);
}

namespace {

QImage decode(QImageReader &reader, const QSize &boundingBox, SafeImage::Error *error)
{
    using Error = SafeImage::Error;
    const QSize size = checkedSize(reader, error);
    if (!size.isValid())
        return {};
    QSize target = SafeImage::fitted(size, boundingBox);
    // The reader scales before rotating: ask for the size in the file's own orientation.
    if (reader.transformation() & QImageIOHandler::TransformationRotate90)
        target.transpose();
    if (target != reader.size())
        reader.setScaledSize(target);
    QImage image = reader.read();
    if (image.isNull()) {
        setError(error, Error::DecodeFailed);
        return {};
    }
    setError(error, Error::None);
    return image;
}

} // namespace

QImage SafeImage::load(const QString &path, const QSize &boundingBox, Error *error)
{
    QImageReader reader(path);
    return decode(reader, boundingBox, error);
}

QImage SafeImage::fromData(const QByteArray &data, const QSize &boundingBox, Error *error)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    return decode(reader, boundingBox, error);
}

} // namespace Natter
