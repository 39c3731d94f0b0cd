// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStackedWidget>

namespace Natter {

/// A QStackedWidget as large as the page it shows, not as its largest page, so a short step
/// (the email code) does not sit in the empty space of a long one (the registration form).
///
/// The height of word-wrapped pages is taken at the widget's current width and offered as the
/// size hint: a layout asks a widget that has a layout of its own for that layout's
/// height-for-width directly, which for QStackedLayout is the tallest page.
class FittingStackedWidget : public QStackedWidget
{
    Q_OBJECT
public:
    explicit FittingStackedWidget(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return false; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QSize fitted(QSize size) const;
};

} // namespace Natter
