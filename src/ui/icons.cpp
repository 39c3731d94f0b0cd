// SPDX-License-Identifier: GPL-3.0-or-later
#include "icons.h"

#include <QApplication>
#include <QFile>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QSvgRenderer>

namespace Natter::Icons {

namespace {

QString pathFor(const QString &name)
{
    return QStringLiteral(":/icons/") + name + QStringLiteral(".svg");
}

/// Renders the SVG at the exact pixel size asked for and fills its shape with the palette's
/// text colour (disabled: the disabled text colour), so one file serves both themes.
class TintedSvgEngine : public QIconEngine
{
public:
    explicit TintedSvgEngine(QString path) : m_path(std::move(path)) { }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        const QPixmap pm = render(rect.size() * dpr, mode);
        painter->drawPixmap(rect, pm);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override
    {
        return render(size, mode);
    }

    QIconEngine *clone() const override { return new TintedSvgEngine(m_path); }

private:
    QPixmap render(const QSize &size, QIcon::Mode mode) const
    {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QSvgRenderer renderer(m_path);
        {
            QPainter p(&image);
            renderer.render(&p);
            p.setCompositionMode(QPainter::CompositionMode_SourceIn);
            const QPalette pal = QApplication::palette();
            const QColor colour = mode == QIcon::Disabled
                ? pal.color(QPalette::Disabled, QPalette::WindowText)
                : mode == QIcon::Selected ? pal.color(QPalette::HighlightedText)
                                          : pal.color(QPalette::WindowText);
            p.fillRect(image.rect(), colour);
        }
        return QPixmap::fromImage(image);
    }

    QString m_path;
};

} // namespace

QIcon themed(const QString &name)
{
    const QString path = pathFor(name);
    if (!QFile::exists(path))
        return {};
    return QIcon(new TintedSvgEngine(path));
}

QIcon plain(const QString &name)
{
    return QIcon(pathFor(name));
}

} // namespace Natter::Icons
