// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageviewer.h"

#include "icons.h"
#include "safeimage.h"
#include "ui_imageviewer.h"

#include <QFile>
#include <QFileDialog>
#include <QKeyEvent>
#include <QMessageBox>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStandardPaths>

#include <cmath>

namespace Natter {

namespace {
constexpr double ZoomStep = 1.25;
// Decoded at most this big: zooming past it scales the decoded picture.
const QSize s_decodeBox(8192, 8192);
} // namespace

ImageCanvas::ImageCanvas(QWidget *parent) : QWidget(parent) { }

void ImageCanvas::setImage(const QImage &image)
{
    m_image = image;
    setZoom(m_zoom);
}

void ImageCanvas::setZoom(double zoom)
{
    m_zoom = zoom;
    resize((QSizeF(m_image.size()) * zoom).toSize().expandedTo(QSize(1, 1)));
    update();
}

void ImageCanvas::paintEvent(QPaintEvent *event)
{
    if (m_image.isNull())
        return;
    QPainter p(this);
    p.setClipRegion(event->region());
    p.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom < 2.0);
    p.scale(m_zoom, m_zoom);
    p.drawImage(QPointF(0, 0), m_image);
}

ImageViewer::ImageViewer(const QString &path, const QString &name, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ImageViewer>()), m_path(path), m_name(name)
{
    m_ui->setupUi(this);
    m_ui->zoomInButton->setIcon(Icons::themed(QStringLiteral("zoom-in")));
    m_ui->zoomOutButton->setIcon(Icons::themed(QStringLiteral("zoom-out")));
    m_ui->fitButton->setIcon(Icons::themed(QStringLiteral("zoom-fit")));
    m_ui->actualSizeButton->setIcon(Icons::themed(QStringLiteral("zoom-actual")));
    m_ui->saveButton->setIcon(Icons::themed(QStringLiteral("save")));
    m_ui->scrollArea->setWidgetResizable(false);
    m_ui->scrollArea->setBackgroundRole(QPalette::Dark);
    m_ui->scrollArea->viewport()->installEventFilter(this);
    m_ui->scrollArea->viewport()->setCursor(Qt::OpenHandCursor);
    connect(m_ui->zoomInButton, &QToolButton::clicked, this, &ImageViewer::zoomIn);
    connect(m_ui->zoomOutButton, &QToolButton::clicked, this, &ImageViewer::zoomOut);
    connect(m_ui->fitButton, &QToolButton::clicked, this, &ImageViewer::fitToWindow);
    connect(m_ui->actualSizeButton, &QToolButton::clicked, this, [this] { setZoom(1.0); });
    connect(m_ui->saveButton, &QToolButton::clicked, this, &ImageViewer::saveAs);

    m_image = SafeImage::load(path, s_decodeBox);
    m_ui->nameLabel->setText(name);
    m_ui->canvas->setImage(m_image);
    m_ui->messageLabel->setVisible(m_image.isNull());
    retranslate();
    resize(900, 680);
    render();
}

ImageViewer::~ImageViewer() = default;

double ImageViewer::fitZoom() const
{
    if (m_image.isNull())
        return 1.0;
    const QSize area = m_ui->scrollArea->viewport()->size() - QSize(16, 16);
    const double z = std::min(
        double(area.width()) / m_image.width(), double(area.height()) / m_image.height());
    return std::clamp(std::min(z, 1.0), MinZoom, MaxZoom);
}

void ImageViewer::zoomIn()
{
    setZoom(m_zoom * ZoomStep);
}

void ImageViewer::zoomOut()
{
    setZoom(m_zoom / ZoomStep);
}

void ImageViewer::setZoom(double zoom)
{
    m_fit = false;
    const double clamped = std::clamp(zoom, MinZoom, MaxZoom);
    // Keep the centre of what is seen in the centre.
    QScrollBar *h = m_ui->scrollArea->horizontalScrollBar();
    QScrollBar *v = m_ui->scrollArea->verticalScrollBar();
    const QSize area = m_ui->scrollArea->viewport()->size();
    const double cx = (h->value() + area.width() / 2.0) / m_zoom;
    const double cy = (v->value() + area.height() / 2.0) / m_zoom;
    m_zoom = clamped;
    render();
    h->setValue(int(cx * m_zoom - area.width() / 2.0));
    v->setValue(int(cy * m_zoom - area.height() / 2.0));
}

void ImageViewer::fitToWindow()
{
    m_fit = true;
    render();
}

void ImageViewer::render()
{
    if (m_fit)
        m_zoom = fitZoom();
    m_ui->zoomLabel->setText(tr("%1 %").arg(std::lround(m_zoom * 100)));
    m_ui->canvas->setZoom(m_zoom);
}

void ImageViewer::saveAs()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString target
        = QFileDialog::getSaveFileName(this, tr("Save Picture"), dir + QLatin1Char('/') + m_name);
    if (target.isEmpty() || target == m_path)
        return;
    // The dialog asked before overwriting; QFile::copy never overwrites.
    if (QFile::exists(target))
        QFile::remove(target);
    if (!QFile::copy(m_path, target))
        QMessageBox::warning(this, tr("Save Picture"),
            tr("The picture could not be saved to “%1”.").arg(QDir::toNativeSeparators(target)));
}

bool ImageViewer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_ui->scrollArea->viewport())
        return QDialog::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::Resize:
        if (m_fit)
            render();
        break;
    case QEvent::Wheel: {
        auto *wheel = static_cast<QWheelEvent *>(event);
        if (!(wheel->modifiers() & Qt::ControlModifier))
            break;
        if (wheel->angleDelta().y() > 0)
            zoomIn();
        else if (wheel->angleDelta().y() < 0)
            zoomOut();
        return true;
    }
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton) {
            m_dragging = true;
            m_dragFrom = mouse->position().toPoint();
            m_ui->scrollArea->viewport()->setCursor(Qt::ClosedHandCursor);
            return true;
        }
        break;
    }
    case QEvent::MouseMove: {
        if (!m_dragging)
            break;
        auto *mouse = static_cast<QMouseEvent *>(event);
        const QPoint delta = mouse->position().toPoint() - m_dragFrom;
        m_dragFrom = mouse->position().toPoint();
        QScrollBar *h = m_ui->scrollArea->horizontalScrollBar();
        QScrollBar *v = m_ui->scrollArea->verticalScrollBar();
        h->setValue(h->value() - delta.x());
        v->setValue(v->value() - delta.y());
        return true;
    }
    case QEvent::MouseButtonRelease:
        m_dragging = false;
        m_ui->scrollArea->viewport()->setCursor(Qt::OpenHandCursor);
        break;
    default:
        break;
    }
    return QDialog::eventFilter(watched, event);
}

void ImageViewer::keyPressEvent(QKeyEvent *event)
{
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (event->matches(QKeySequence::ZoomIn) || (ctrl && event->key() == Qt::Key_Equal))
        zoomIn();
    else if (event->matches(QKeySequence::ZoomOut))
        zoomOut();
    else if (ctrl && event->key() == Qt::Key_0)
        fitToWindow();
    else if (ctrl && event->key() == Qt::Key_1)
        setZoom(1.0);
    else if (event->matches(QKeySequence::Save))
        saveAs();
    else
        QDialog::keyPressEvent(event);
}

void ImageViewer::retranslate()
{
    m_ui->messageLabel->setText(tr("This picture cannot be shown."));
    setWindowTitle(m_name.isEmpty() ? tr("Picture") : m_name);
}

void ImageViewer::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_ui->nameLabel->setText(m_name);
        retranslate();
        render();
    }
}

} // namespace Natter
