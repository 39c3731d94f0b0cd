// SPDX-License-Identifier: GPL-3.0-or-later
// natter-icontool: a build-time host tool that renders the app icon SVG with QSvgRenderer.
//   natter-icontool INPUT.svg OUTPUT.png SIZE    one square PNG
//   natter-icontool INPUT.svg OUTPUT.ico         Windows icon, PNG entries 16..256
//   natter-icontool INPUT.svg OUTPUT.icns        macOS icon, PNG entries 16..1024
// ICO and ICNS are written here (both are a small index over PNG data), so no image format
// plugin and no platform tool (iconutil, ImageMagick) is needed.
#include <QBuffer>
#include <QByteArray>
#include <QFile>
#include <QImage>
#include <QList>
#include <QPainter>
#include <QSaveFile>
#include <QString>
#include <QStringList>
#include <QSvgRenderer>
#include <QtEndian>

#include <cstdio>
#include <utility>

namespace Natter {
namespace {

QByteArray renderPng(QSvgRenderer &renderer, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
        renderer.render(&painter, QRectF(0, 0, size, size));
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

void appendLe16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void appendLe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void appendBe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

// ICONDIR, then one ICONDIRENTRY per image, then the PNG streams (Vista+ PNG-in-ICO).
QByteArray buildIco(QSvgRenderer &renderer)
{
    const QList<int> sizes { 16, 24, 32, 48, 64, 128, 256 };
    QList<QByteArray> images;
    for (int size : sizes)
        images.append(renderPng(renderer, size));
    QByteArray out;
    appendLe16(out, 0);
    appendLe16(out, 1);
    appendLe16(out, quint16(sizes.size()));
    quint32 offset = quint32(6 + 16 * sizes.size());
    for (qsizetype i = 0; i < sizes.size(); ++i) {
        const char side = char(sizes[i] >= 256 ? 0 : sizes[i]);
        out.append(side).append(side).append('\0').append('\0');
        appendLe16(out, 1);
        appendLe16(out, 32);
        appendLe32(out, quint32(images[i].size()));
        appendLe32(out, offset);
        offset += quint32(images[i].size());
    }
    for (const QByteArray &image : std::as_const(images))
        out.append(image);
    return out;
}

// 'icns', total length, then {OSType, length including the 8-byte header, PNG} per entry.
QByteArray buildIcns(QSvgRenderer &renderer)
{
    const QList<std::pair<const char *, int>> entries {
        { "icp4", 16 },
        { "icp5", 32 },
        { "icp6", 64 },
        { "ic07", 128 },
        { "ic08", 256 },
        { "ic09", 512 },
        { "ic10", 1024 },
        { "ic11", 32 },
        { "ic12", 64 },
        { "ic13", 256 },
        { "ic14", 512 },
    };
    QByteArray body;
    for (const auto &[type, size] : entries) {
        const QByteArray png = renderPng(renderer, size);
        body.append(type, 4);
        appendBe32(body, quint32(png.size() + 8));
        body.append(png);
    }
    QByteArray out("icns", 4);
    appendBe32(out, quint32(body.size() + 8));
    return out + body;
}

int run(const QStringList &args)
{
    if (args.size() < 3 || (args.at(2).endsWith(QLatin1String(".png")) && args.size() != 4)) {
        std::fprintf(stderr,
            "usage: natter-icontool INPUT.svg OUTPUT.png SIZE\n"
            "       natter-icontool INPUT.svg OUTPUT.ico|OUTPUT.icns\n");
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "natter-icontool: cannot read %s\n", qPrintable(args.at(1)));
        return 1;
    }
    const QString output = args.at(2);
    QByteArray data;
    if (output.endsWith(QLatin1String(".ico"))) {
        data = buildIco(renderer);
    } else if (output.endsWith(QLatin1String(".icns"))) {
        data = buildIcns(renderer);
    } else {
        bool ok = false;
        const int size = args.at(3).toInt(&ok);
        if (!ok || size < 1 || size > 4096) {
            std::fprintf(stderr, "natter-icontool: bad size %s\n", qPrintable(args.at(3)));
            return 2;
        }
        data = renderPng(renderer, size);
    }
    QSaveFile file(output);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        std::fprintf(stderr, "natter-icontool: cannot write %s\n", qPrintable(output));
        return 1;
    }
    return 0;
}

} // namespace
} // namespace Natter

int main(int argc, char *argv[])
{
    // No QGuiApplication: raster painting of shapes needs no window system, so the tool runs on
    // a build machine without a display or platform plugin. (The icon has no text to lay out.)
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    return Natter::run(args);
}
