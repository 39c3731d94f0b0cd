// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QImage>
#include <QPoint>
#include <QWidget>

#include <memory>

namespace Ui {
class ImageViewer;
}

namespace Natter {

/// Paints a picture at a zoom factor; only the exposed part is drawn, so a large zoom never
/// allocates a scaled copy of the whole picture.
class ImageCanvas : public QWidget
{
    Q_OBJECT
public:
    explicit ImageCanvas(QWidget *parent = nullptr);
    void setImage(const QImage &image);
    void setZoom(double zoom);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QImage m_image;
    double m_zoom = 1.0;
};

/// A picture at full size: fit to the window, zoom (Ctrl++ / Ctrl+- / Ctrl+wheel), actual size
/// (Ctrl+1), fit (Ctrl+0), drag to pan, Save as… (a copy of the original file), Esc closes.
class ImageViewer : public QDialog
{
    Q_OBJECT
public:
    static constexpr double MinZoom = 0.05;
    static constexpr double MaxZoom = 8.0;

    explicit ImageViewer(const QString &path, const QString &name, QWidget *parent = nullptr);
    ~ImageViewer() override;

    double zoom() const { return m_zoom; }
    bool isFitting() const { return m_fit; }
    bool hasImage() const { return !m_image.isNull(); }

    void zoomIn();
    void zoomOut();
    void setZoom(double zoom);
    void fitToWindow();
    void saveAs();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void render();
    double fitZoom() const;
    void retranslate();

    std::unique_ptr<Ui::ImageViewer> m_ui;
    QString m_path;
    QString m_name;
    QImage m_image;
    double m_zoom = 1.0;
    bool m_fit = true;
    bool m_dragging = false;
    QPoint m_dragFrom;
};

} // namespace Natter
