// SPDX-License-Identifier: GPL-3.0-or-later
#include "fittingstackedwidget.h"

#include <QLayout>
#include <QResizeEvent>

namespace Natter {

FittingStackedWidget::FittingStackedWidget(QWidget *parent) : QStackedWidget(parent)
{
    // Else the stacked layout pins the widget's minimum size to that of its largest page.
    layout()->setSizeConstraint(QLayout::SetNoConstraint);
    connect(this, &QStackedWidget::currentChanged, this, &QWidget::updateGeometry);
}

QSize FittingStackedWidget::sizeHint() const
{
    const QWidget *page = currentWidget();
    return page ? fitted(page->sizeHint()) : QStackedWidget::sizeHint();
}

QSize FittingStackedWidget::minimumSizeHint() const
{
    const QWidget *page = currentWidget();
    return page ? fitted(page->minimumSizeHint()) : QStackedWidget::minimumSizeHint();
}

void FittingStackedWidget::resizeEvent(QResizeEvent *event)
{
    QStackedWidget::resizeEvent(event);
    // The height the page needs depends on the width it got.
    if (event->size().width() != event->oldSize().width())
        updateGeometry();
}

QSize FittingStackedWidget::fitted(QSize size) const
{
    const QWidget *page = currentWidget();
    if (page && page->hasHeightForWidth() && width() > 0)
        size.setHeight(page->heightForWidth(width()));
    return size;
}

} // namespace Natter
