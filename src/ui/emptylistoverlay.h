// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QAbstractItemView;

namespace Natter {

/// Draws a centred, muted line of text in an item view's viewport while the view has no rows
/// ("No chats yet", "No results"). `text` is asked at every paint, so it may depend on state
/// and follow the UI language; an empty text draws nothing. Owned by the view.
class EmptyListOverlay : public QObject
{
    Q_OBJECT
public:
    static EmptyListOverlay *install(QAbstractItemView *view, std::function<QString()> text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    EmptyListOverlay(QAbstractItemView *view, std::function<QString()> text);

    QAbstractItemView *m_view;
    std::function<QString()> m_text;
};

} // namespace Natter
