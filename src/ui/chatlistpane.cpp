// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatlistpane.h"

#include "emptylistoverlay.h"
#include "flowdelegate.h"
#include "icons.h"
#include "models/flowfilterproxymodel.h"
#include "models/flowlistmodel.h"
#include "ui_chatlistpane.h"

#include <QKeyEvent>
#include <QMenu>
#include <QTimer>

namespace Natter {

ChatListPane::ChatListPane(QWidget *parent)
    : QWidget(parent),
      m_ui(std::make_unique<::Ui::ChatListPane>()),
      m_proxy(new FlowFilterProxyModel(this)),
      m_delegate(new FlowDelegate(this)),
      m_newMenu(new QMenu(this))
{
    m_ui->setupUi(this);
    m_ui->filterEdit->addAction(
        Icons::themed(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_newChat = m_newMenu->addAction(QString());
    m_newGroup = m_newMenu->addAction(QString());
    m_ui->newButton->setMenu(m_newMenu);
    m_ui->newButton->setIcon(Icons::themed(QStringLiteral("compose")));
    m_ui->newButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    // The menu arrow would cover the small icon; the tooltip says there is a menu.
    m_ui->newButton->setStyleSheet(
        QStringLiteral("QToolButton::menu-indicator { image: none; width: 0px; }"));
    connect(m_newChat, &QAction::triggered, this, &ChatListPane::newChatRequested);
    connect(m_newGroup, &QAction::triggered, this, &ChatListPane::newGroupRequested);

    m_ui->listView->setModel(m_proxy);
    m_ui->listView->setItemDelegate(m_delegate);
    m_ui->listView->setAttribute(Qt::WA_Hover);
    connect(m_ui->listView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &current) { onCurrentChanged(current); });
    connect(m_ui->listView, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        // A press on another row already opened it through currentChanged; a click on the
        // open row opens it again only when the app moved away meanwhile.
        if (index.data(FlowListModel::FlowIdRole).toString() != m_currentId)
            activate(index);
    });
    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, &ChatListPane::applyFilter);
    // Rows the model adds or moves may bring the selected flow back into view.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ChatListPane::restoreSelection);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ChatListPane::restoreSelection);

    m_ui->filterEdit->installEventFilter(this);
    m_ui->listView->installEventFilter(this);
    m_ui->listView->viewport()->installEventFilter(this);
    EmptyListOverlay::install(m_ui->listView, [this] { return emptyText(); });
    retranslate();
}

ChatListPane::~ChatListPane() = default;

void ChatListPane::setModel(FlowListModel *model)
{
    m_model = model;
    m_proxy->setSourceModel(model);
    restoreSelection();
    m_ui->listView->viewport()->update();
}

void ChatListPane::selectFlow(const QString &flowId)
{
    m_currentId = flowId;
    restoreSelection();
}

void ChatListPane::focusFilter()
{
    m_ui->filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->filterEdit->selectAll();
}

void ChatListPane::setShowBlocked(bool show)
{
    m_restoring = true;
    m_proxy->setShowBlocked(show);
    m_restoring = false;
    restoreSelection();
}

void ChatListPane::setCreateAllowed(bool chat, bool group)
{
    m_newChat->setVisible(chat);
    m_newGroup->setVisible(group);
    m_ui->newButton->setVisible(chat || group);
}

void ChatListPane::applyFilter(const QString &text)
{
    m_restoring = true;
    m_proxy->setFilterText(text);
    m_restoring = false;
    restoreSelection();
}

void ChatListPane::restoreSelection()
{
    QModelIndex index;
    if (m_model && !m_currentId.isEmpty()) {
        const int sourceRow = m_model->rowOf(m_currentId);
        if (sourceRow >= 0)
            index = m_proxy->mapFromSource(m_model->index(sourceRow));
    }
    m_restoring = true;
    QItemSelectionModel *selection = m_ui->listView->selectionModel();
    if (index.isValid()) {
        selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
        m_ui->listView->scrollTo(index);
    } else {
        selection->clearSelection();
        selection->setCurrentIndex({}, QItemSelectionModel::NoUpdate);
    }
    m_restoring = false;
}

void ChatListPane::onCurrentChanged(const QModelIndex &current)
{
    if (m_restoring || !m_userInput || !current.isValid())
        return;
    activate(current);
}

void ChatListPane::activate(const QModelIndex &index)
{
    const QString id = index.data(FlowListModel::FlowIdRole).toString();
    if (id.isEmpty())
        return;
    m_currentId = id;
    Q_EMIT flowActivated(id);
}

bool ChatListPane::eventFilter(QObject *watched, QEvent *event)
{
    QListView *list = m_ui->listView;
    if (watched == m_ui->filterEdit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Escape:
            if (m_ui->filterEdit->text().isEmpty())
                return false;
            m_ui->filterEdit->clear();
            return true;
        case Qt::Key_Down:
            if (m_proxy->rowCount() == 0)
                return false;
            {
                // Taking focus makes the view pick a current row without selecting it: decide
                // before, then open the first chat when nothing was selected.
                const bool hadCurrent = list->selectionModel()->hasSelection();
                list->setFocus(Qt::TabFocusReason);
                if (!hadCurrent) {
                    const QModelIndex first = m_proxy->index(0, 0);
                    list->selectionModel()->setCurrentIndex(
                        first, QItemSelectionModel::ClearAndSelect);
                    activate(first);
                }
                return true;
            }
        case Qt::Key_Return:
        case Qt::Key_Enter: {
            // Enter in the filter opens the selected match, else the first one.
            const QModelIndex index
                = list->currentIndex().isValid() ? list->currentIndex() : m_proxy->index(0, 0);
            if (index.isValid()) {
                activate(index);
                restoreSelection();
            }
            return true;
        }
        default:
            return false;
        }
    }
    if ((watched == list || watched == list->viewport())
        && (event->type() == QEvent::KeyPress || event->type() == QEvent::MouseButtonPress)) {
        if (event->type() == QEvent::KeyPress) {
            const auto *key = static_cast<QKeyEvent *>(event);
            if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
                if (list->currentIndex().isValid())
                    activate(list->currentIndex());
                return true;
            }
            if (key->key() == Qt::Key_Up && list->currentIndex().row() <= 0) {
                focusFilter();
                return true;
            }
        }
        // The view handles the press right after this filter returns; the flag is cleared
        // once the event loop is back, so later model changes cannot open a chat.
        m_userInput = true;
        QTimer::singleShot(0, this, [this] { m_userInput = false; });
    }
    return QWidget::eventFilter(watched, event);
}

QString ChatListPane::emptyText() const
{
    if (!m_model || m_model->rowCount() == 0)
        return tr("No chats yet");
    return tr("No chats match");
}

void ChatListPane::retranslate()
{
    m_newChat->setText(tr("New chat"));
    m_newGroup->setText(tr("New group"));
}

void ChatListPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace Natter
