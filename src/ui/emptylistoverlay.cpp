// SPDX-License-Identifier: GPL-3.0-or-later
#include "emptylistoverlay.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QPainter>

namespace Natter {

EmptyListOverlay::EmptyListOverlay(QAbstractItemView *view, std::function<QString()> text)
    : QObject(view), m_view(view), m_text(std::move(text))
{
    view->viewport()->installEventFilter(this);
}

EmptyListOverlay *EmptyListOverlay::install(QAbstractItemView *view, std::function<QString()> text)
{
    return new EmptyListOverlay(view, std::move(text));
}

bool EmptyListOverlay::eventFilter(QObject *watched, QEvent *event)
{
    // The viewport's background is filled before its paint event, and an empty view paints
    // nothing over it, so drawing here (before the view's own handler) is safe.
    if (event->type() != QEvent::Paint || watched != m_view->viewport())
        return false;
    const QAbstractItemModel *model = m_view->model();
    if (model && model->rowCount(m_view->rootIndex()) > 0)
        return false;
    const QString text = m_text ? m_text() : QString();
    if (text.isEmpty())
        return false;
    QPainter painter(m_view->viewport());
    const QPalette &pal = m_view->palette();
    QColor muted = pal.color(QPalette::Text);
    muted.setAlphaF(0.55);
    painter.setPen(muted);
    const QRect area = m_view->viewport()->rect().adjusted(16, 16, -16, -16);
    painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, text);
    return false;
}

} // namespace Natter
