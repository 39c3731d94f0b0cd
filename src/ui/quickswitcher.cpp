// SPDX-License-Identifier: GPL-3.0-or-later
#include "quickswitcher.h"

#include "emptylistoverlay.h"
#include "flowdelegate.h"
#include "icons.h"
#include "models/flowfilterproxymodel.h"
#include "models/flowlistmodel.h"
#include "palettecolours.h"
#include "ui_quickswitcher.h"

#include <QKeyEvent>
#include <QPainter>
#include <QScreen>

namespace Natter {

namespace {

/// FlowFilterProxyModel narrowed to titles: a switcher that matched message texts would list
/// chats whose names do not hold what was typed. Blocked chats stay listed: going to one on
/// purpose is fine.
class TitleFilterProxyModel : public FlowFilterProxyModel
{
public:
    using FlowFilterProxyModel::FlowFilterProxyModel;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        if (!FlowFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent))
            return false;
        if (filterText().isEmpty())
            return true;
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        return index.data(FlowListModel::TitleRole)
            .toString()
            .contains(filterText(), Qt::CaseInsensitive);
    }
};

} // namespace

QuickSwitcher::QuickSwitcher(FlowListModel *model, QWidget *parent)
    : QDialog(parent, Qt::Popup | Qt::FramelessWindowHint),
      m_ui(std::make_unique<::Ui::QuickSwitcher>()),
      m_proxy(new TitleFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_proxy->setShowBlocked(true);
    m_proxy->setSourceModel(model);
    auto *delegate = new FlowDelegate(this);
    delegate->setCompact(true);
    m_ui->resultList->setModel(m_proxy);
    m_ui->resultList->setItemDelegate(delegate);
    m_ui->resultList->setAttribute(Qt::WA_Hover);
    m_ui->queryEdit->addAction(Icons::themed(QStringLiteral("search")), QLineEdit::LeadingPosition);
    PaletteColours::styleAsCaption(m_ui->hintLabel);
    EmptyListOverlay::install(m_ui->resultList, [] { return tr("No chats match"); });

    connect(m_ui->queryEdit, &QLineEdit::textChanged, this, &QuickSwitcher::setQuery);
    connect(m_ui->resultList, &QAbstractItemView::clicked, this, &QuickSwitcher::choose);
    // Rows may arrive or move while the popup is open: keep a current row.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] { moveCurrent(0); });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] { moveCurrent(0); });
    m_ui->queryEdit->installEventFilter(this);
    setFocusProxy(m_ui->queryEdit);
    moveCurrent(0);
}

QuickSwitcher::~QuickSwitcher() = default;

void QuickSwitcher::popup()
{
    m_ui->queryEdit->clear();
    placeOverParent();
    show();
    raise();
    activateWindow();
    m_ui->queryEdit->setFocus(Qt::PopupFocusReason);
}

void QuickSwitcher::setQuery(const QString &text)
{
    m_proxy->setFilterText(text);
    // The best match is the first one: select it so Enter opens it.
    m_ui->resultList->setCurrentIndex(m_proxy->index(0, 0));
}

void QuickSwitcher::moveCurrent(int delta)
{
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_ui->resultList->currentIndex();
    const int row = current.isValid() ? qBound(0, current.row() + delta, rows - 1) : 0;
    m_ui->resultList->setCurrentIndex(m_proxy->index(row, 0));
}

void QuickSwitcher::choose(const QModelIndex &index)
{
    const QString id = index.data(FlowListModel::FlowIdRole).toString();
    if (id.isEmpty())
        return;
    Q_EMIT flowChosen(id);
    accept();
}

bool QuickSwitcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->queryEdit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const int page = qMax(1,
            m_ui->resultList->viewport()->height() / qMax(1, m_ui->resultList->sizeHintForRow(0)));
        switch (key->key()) {
        case Qt::Key_Up:
            moveCurrent(-1);
            return true;
        case Qt::Key_Down:
            moveCurrent(1);
            return true;
        case Qt::Key_PageUp:
            moveCurrent(-page);
            return true;
        case Qt::Key_PageDown:
            moveCurrent(page);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            choose(m_ui->resultList->currentIndex());
            return true;
        case Qt::Key_Escape:
            reject();
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void QuickSwitcher::placeOverParent()
{
    QWidget *anchor = parentWidget() ? parentWidget()->window() : nullptr;
    const QRect area = anchor ? anchor->frameGeometry()
                              : (screen() ? screen()->availableGeometry() : QRect(0, 0, 800, 600));
    const int w = qMin(480, qMax(320, area.width() - 80));
    const int h = qMin(420, qMax(240, area.height() * 2 / 3));
    resize(w, h);
    move(area.left() + (area.width() - w) / 2, area.top() + qMax(40, area.height() / 7));
}

void QuickSwitcher::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    moveCurrent(0);
}

void QuickSwitcher::paintEvent(QPaintEvent *)
{
    // A popup window has no frame of its own: a base-coloured panel with a hairline border.
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    QColor border = palette().color(QPalette::WindowText);
    border.setAlphaF(0.25);
    painter.setPen(border);
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
}

void QuickSwitcher::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        PaletteColours::styleAsCaption(m_ui->hintLabel);
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QDialog::changeEvent(event);
}

} // namespace Natter
