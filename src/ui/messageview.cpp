// SPDX-License-Identifier: GPL-3.0-or-later
#include "messageview.h"

#include "messagedelegate.h"
#include "models/messagelistmodel.h"

#include <QContextMenuEvent>
#include <QIdentityProxyModel>
#include <QResizeEvent>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QVariantAnimation>

namespace Natter {

/// Hides canFetchMore from QAbstractItemView, which would page whenever the last row is visible
/// (always, in a bottom-anchored timeline). MessageView pages near the top itself.
class ManualFetchProxy : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    bool canFetchMore(const QModelIndex &) const override { return false; }
    void fetchMore(const QModelIndex &) override { }
};

namespace {

constexpr int BottomSlack = 4;

bool movesCursor(MessageDelegate::HitKind kind)
{
    using K = MessageDelegate::HitKind;
    return kind == K::Link || kind == K::Attachment || kind == K::Retry || kind == K::ReplyQuote
        || kind == K::CancelTransfer;
}

} // namespace

MessageView::MessageView(QWidget *parent)
    : QListView(parent),
      m_proxy(new ManualFetchProxy(this)),
      m_delegate(new MessageDelegate(this)),
      m_jump(new QToolButton(this)),
      m_flash(new QVariantAnimation(this)),
      m_fetchTimer(new QTimer(this))
{
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(Adjust);
    setSelectionMode(NoSelection);
    setEditTriggers(NoEditTriggers);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    setSpacing(0);
    verticalScrollBar()->setSingleStep(24);
    setItemDelegate(m_delegate);
    m_delegate->setFont(font());
    setModel(m_proxy);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &MessageView::onRangeChanged);
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this,
        &MessageView::onRowsAboutToBeInserted);
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this,
        &MessageView::onRowsAboutToBeRemoved);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        m_stickToBottom = !m_model || m_model->isAtNewest();
        m_unseen = 0;
        m_anchorKey.clear();
        m_delegate->invalidateAll();
        updateJumpButton();
        scheduleFetch();
    });

    m_jump->setObjectName(QStringLiteral("jumpToBottomButton"));
    m_jump->setCursor(Qt::PointingHandCursor);
    m_jump->setFocusPolicy(Qt::NoFocus);
    m_jump->setStyleSheet(
        QStringLiteral("QToolButton { background: palette(button); color: palette(button-text);"
                       " border: 1px solid palette(mid); border-radius: 16px; padding: 6px 14px; }"
                       "QToolButton:hover { background: palette(light); }"));
    m_jump->hide();
    connect(m_jump, &QToolButton::clicked, this, &MessageView::jumpToBottom);

    m_flash->setDuration(1600);
    m_flash->setStartValue(0.0);
    m_flash->setKeyValueAt(0.15, 1.0);
    m_flash->setKeyValueAt(0.6, 1.0);
    m_flash->setEndValue(0.0);
    connect(m_flash, &QVariantAnimation::valueChanged, this, [this](const QVariant &value) {
        m_delegate->setHighlight(m_flashKey, value.toReal());
        viewport()->update();
    });

    m_fetchTimer->setSingleShot(true);
    m_fetchTimer->setInterval(0);
    connect(m_fetchTimer, &QTimer::timeout, this, &MessageView::pageIfNeeded);
    setAccessibleName(tr("Messages"));
}

MessageView::~MessageView() = default;

MessageListModel *MessageView::messageModel() const
{
    return m_model;
}

void MessageView::setMessageModel(MessageListModel *model)
{
    if (m_model)
        disconnect(m_model, &MessageListModel::newerArrived, this, nullptr);
    m_model = model;
    m_proxy->setSourceModel(model);
    if (model)
        connect(model, &MessageListModel::newerArrived, this, [this](int fromOthers) {
            m_unseen += fromOthers;
            updateJumpButton();
        });
}

QString MessageView::keyOf(const QModelIndex &index)
{
    return index.data(MessageListModel::MessageKeyRole).toString();
}

bool MessageView::isAtBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - BottomSlack && (!m_model || m_model->isAtNewest());
}

void MessageView::jumpToBottom()
{
    if (m_model && !m_model->isAtNewest())
        m_model->showNewest();
    m_stickToBottom = true;
    m_unseen = 0;
    executeDelayedItemsLayout();
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    updateJumpButton();
}

bool MessageView::scrollToMessage(const QString &messageKey)
{
    // Not loaded: the model loads the window around it.
    if (!m_model || !m_model->showAround(messageKey))
        return false;
    const int row = m_model->rowOf(messageKey);
    const QModelIndex index = m_proxy->index(row, 0);
    m_stickToBottom = false;
    executeDelayedItemsLayout();
    scrollTo(index, PositionAtCenter);
    setCurrentIndex(index);
    m_flash->stop();
    m_flashKey = messageKey;
    m_flash->start();
    return true;
}

void MessageView::onRowsAboutToBeInserted(const QModelIndex &parent, int start, int)
{
    if (parent.isValid() || start != 0 || m_stickToBottom || m_proxy->rowCount() == 0)
        return;
    // Rows arrive above: remember the top visible row to put it back where it was.
    const QModelIndex top = indexAt(QPoint(viewport()->width() / 2, 0));
    if (!top.isValid())
        return;
    m_anchorKey = keyOf(top);
    m_anchorOffset = visualRect(top).top();
}

void MessageView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    QListView::rowsInserted(parent, start, end);
    if (parent.isValid())
        return;
    if (!m_anchorKey.isEmpty() && m_model) {
        const QString key = std::exchange(m_anchorKey, QString());
        executeDelayedItemsLayout();
        const int row = m_model->rowOf(key);
        if (row >= 0) {
            const int delta = visualRect(m_proxy->index(row, 0)).top() - m_anchorOffset;
            const QScopedValueRollback<bool> restoring(m_restoring, true);
            verticalScrollBar()->setValue(verticalScrollBar()->value() + delta);
        }
    } else if (end == m_proxy->rowCount() - 1 && start > 0 && !m_pagingNewer) {
        // Appended: our own sends bring the view down, others count as unseen when scrolled up.
        bool own = false;
        for (int row = start; row <= end; ++row)
            own = own || m_proxy->index(row, 0).data(MessageListModel::IsOwnRole).toBool();
        if (own)
            m_stickToBottom = true;
        else if (!m_stickToBottom)
            m_unseen += end - start + 1;
        if (m_stickToBottom)
            QTimer::singleShot(0, this, [this] {
                if (m_stickToBottom)
                    jumpToBottom();
            });
        updateJumpButton();
    }
    scheduleFetch();
}

void MessageView::dataChanged(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    QListView::dataChanged(topLeft, bottomRight, roles);
    // Heights may change: keep the top visible row in place (its bottom when it is the one that
    // changed: a date pill or author line going away above its bubble). Measured before the
    // layouts are dropped: QListView asks the delegate for heights on every visualRect().
    QString key;
    int offset = 0;
    bool bottomEdge = false;
    if (!m_stickToBottom) {
        const QModelIndex top = indexAt(QPoint(viewport()->width() / 2, 0));
        if (top.isValid()) {
            key = keyOf(top);
            bottomEdge = top.row() >= topLeft.row() && top.row() <= bottomRight.row();
            const QRect rect = visualRect(top);
            offset = bottomEdge ? rect.bottom() : rect.top();
        }
    }
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
        m_delegate->invalidate(keyOf(m_proxy->index(row, 0)));
    if (roles.size() == 1 && roles.first() == MessageListModel::MessageKeyRole)
        return;
    scheduleDelayedItemsLayout();
    executeDelayedItemsLayout();
    if (key.isEmpty() || !m_model)
        return;
    const int row = m_model->rowOf(key);
    if (row < 0)
        return;
    const QRect rect = visualRect(m_proxy->index(row, 0));
    const int delta = (bottomEdge ? rect.bottom() : rect.top()) - offset;
    if (delta != 0) {
        const QScopedValueRollback<bool> restoring(m_restoring, true);
        verticalScrollBar()->setValue(verticalScrollBar()->value() + delta);
    }
}

void MessageView::onRangeChanged(int, int max)
{
    if (m_stickToBottom && !m_restoring)
        verticalScrollBar()->setValue(max);
    updateJumpButton();
}

void MessageView::verticalScrollbarValueChanged(int value)
{
    QListView::verticalScrollbarValueChanged(value);
    if (!m_restoring) {
        m_stickToBottom = isAtBottom();
        if (m_stickToBottom)
            m_unseen = 0;
    }
    updateJumpButton();
    scheduleFetch();
}

void MessageView::scheduleFetch()
{
    m_fetchTimer->start();
}

void MessageView::onRowsAboutToBeRemoved(const QModelIndex &parent, int start, int end)
{
    if (parent.isValid())
        return;
    for (int row = start; row <= end; ++row)
        m_delegate->invalidate(keyOf(m_proxy->index(row, 0)));
}

void MessageView::fetchNewerInPlace()
{
    // Older rows leave at the top as newer ones come in: keep the top visible row in place.
    const QModelIndex top = indexAt(QPoint(viewport()->width() / 2, 0));
    const QString key = top.isValid() ? keyOf(top) : QString();
    const int offset = top.isValid() ? visualRect(top).top() : 0;
    {
        const QScopedValueRollback<bool> paging(m_pagingNewer, true);
        m_model->fetchNewer();
    }
    const int row = key.isEmpty() ? -1 : m_model->rowOf(key);
    if (row < 0)
        return;
    executeDelayedItemsLayout();
    const int delta = visualRect(m_proxy->index(row, 0)).top() - offset;
    const QScopedValueRollback<bool> restoring(m_restoring, true);
    verticalScrollBar()->setValue(verticalScrollBar()->value() + delta);
}

void MessageView::pageIfNeeded()
{
    if (!m_model)
        return;
    executeDelayedItemsLayout();
    QScrollBar *bar = verticalScrollBar();
    if (m_stickToBottom) {
        bar->setValue(bar->maximum());
        if (m_model->rowCount() > m_model->windowSize())
            m_model->keepNewestInWindow();
    }
    const int reach = std::max(viewport()->height() / 2, 200);
    if (m_model->canFetchMore({}) && bar->value() <= reach) {
        m_model->fetchMore({});
    } else if (m_model->canFetchNewer() && bar->value() >= bar->maximum() - reach) {
        fetchNewerInPlace();
    }
}

void MessageView::updateJumpButton()
{
    const QScrollBar *bar = verticalScrollBar();
    const bool away = (bar->maximum() > 0 && bar->value() < bar->maximum() - 48)
        || (m_model && !m_model->isAtNewest());
    m_jump->setText(m_unseen > 0 ? tr("↓ %n new", nullptr, m_unseen) : QStringLiteral("↓"));
    m_jump->setToolTip(tr("Jump to the newest message"));
    m_jump->setAccessibleName(tr("Jump to the newest message"));
    m_jump->setVisible(away || m_unseen > 0);
    placeJumpButton();
}

void MessageView::placeJumpButton()
{
    m_jump->adjustSize();
    const QRect area = viewport()->geometry();
    m_jump->move(area.right() - m_jump->width() - 16, area.bottom() - m_jump->height() - 16);
    m_jump->raise();
}

void MessageView::syncWidth()
{
    m_delegate->setItemWidth(viewport()->width());
}

void MessageView::resizeEvent(QResizeEvent *event)
{
    syncWidth();
    QListView::resizeEvent(event);
    // QListView lays out again only when the height changes (and then 100 ms later): bubbles
    // that wrap differently at the new width would overlap their neighbours.
    if (event->size().width() != event->oldSize().width())
        scheduleDelayedItemsLayout();
    placeJumpButton();
    scheduleFetch();
}

void MessageView::changeEvent(QEvent *event)
{
    QListView::changeEvent(event);
    switch (event->type()) {
    case QEvent::FontChange:
        m_delegate->setFont(font());
        scheduleDelayedItemsLayout();
        break;
    case QEvent::LanguageChange:
        m_delegate->invalidateAll();
        scheduleDelayedItemsLayout();
        updateJumpButton();
        setAccessibleName(tr("Messages"));
        break;
    default:
        break;
    }
}

void MessageView::mouseMoveEvent(QMouseEvent *event)
{
    QListView::mouseMoveEvent(event);
    const QModelIndex index = indexAt(event->position().toPoint());
    const auto hit = index.isValid()
        ? m_delegate->hitTest(index, event->position().toPoint() - visualRect(index).topLeft())
        : MessageDelegate::Hit {};
    viewport()->setCursor(movesCursor(hit.kind) ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

void MessageView::mousePressEvent(QMouseEvent *event)
{
    m_pressed = indexAt(event->position().toPoint());
    m_delegate->setFocusVisible(false);
    QListView::mousePressEvent(event);
}

void MessageView::mouseReleaseEvent(QMouseEvent *event)
{
    QListView::mouseReleaseEvent(event);
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    if (event->button() != Qt::LeftButton || !index.isValid() || index != m_pressed)
        return;
    const auto hit = m_delegate->hitTest(index, pos - visualRect(index).topLeft());
    using K = MessageDelegate::HitKind;
    switch (hit.kind) {
    case K::Link:
        Q_EMIT linkActivated(hit.url);
        break;
    case K::Attachment:
        Q_EMIT attachmentActivated(index, hit.attachmentIndex, hit.picture);
        break;
    case K::Retry:
        Q_EMIT retryClicked(index);
        break;
    case K::ReplyQuote:
        Q_EMIT replyQuoteClicked(index);
        break;
    case K::CancelTransfer:
        Q_EMIT cancelTransferClicked(keyOf(index));
        break;
    default:
        break;
    }
}

void MessageView::contextMenuEvent(QContextMenuEvent *event)
{
    QModelIndex index;
    QPoint global = event->globalPos();
    int attachment = -1;
    if (event->reason() == QContextMenuEvent::Mouse) {
        index = indexAt(event->pos());
        if (index.isValid()) {
            const auto hit = m_delegate->hitTest(index, event->pos() - visualRect(index).topLeft());
            attachment = hit.attachmentIndex;
            setCurrentIndex(index);
        }
    } else {
        index = currentIndex();
        if (index.isValid()) {
            const auto layout = m_delegate->layoutFor(index);
            global = viewport()->mapToGlobal(visualRect(index).topLeft() + layout->bubble.center());
        }
    }
    if (!index.isValid())
        return;
    event->accept();
    Q_EMIT contextMenuWanted(index, attachment, global);
}

void MessageView::keyPressEvent(QKeyEvent *event)
{
    if (!m_delegate->focusVisible()) {
        m_delegate->setFocusVisible(true);
        viewport()->update();
    }
    const QModelIndex index = currentIndex();
    if (index.isValid() && event->matches(QKeySequence::Copy)) {
        Q_EMIT copyPressed(index);
        event->accept();
        return;
    }
    if (index.isValid() && event->key() == Qt::Key_Delete && event->modifiers() == Qt::NoModifier) {
        Q_EMIT deletePressed(index);
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

} // namespace Natter
