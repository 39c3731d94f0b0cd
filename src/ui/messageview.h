// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListView>
#include <QPointer>

class QToolButton;
class QVariantAnimation;

namespace Natter {

class MessageDelegate;
class MessageListModel;

/// The chat timeline: a per-pixel scrolling list painted by MessageDelegate, anchored at the
/// bottom. It opens at the newest message, follows new messages while at the bottom (else shows
/// a "↓ N new" button), pages older history in near the top and keeps what is on screen in
/// place when those rows arrive above it. The model holds a window of messages: scrolling back
/// down pages the newer ones in again near the bottom, and the jump button reloads the newest.
class MessageView : public QListView
{
    Q_OBJECT
public:
    explicit MessageView(QWidget *parent = nullptr);
    ~MessageView() override;

    /// Shows `model` (nullptr: nothing). The view pages older history itself (fetchMore near the
    /// top), never at the bottom as QAbstractItemView would.
    void setMessageModel(MessageListModel *model);
    MessageListModel *messageModel() const;
    MessageDelegate *messageDelegate() const { return m_delegate; }

    /// Centres the message and flashes it; loads older pages while it is not loaded yet.
    /// False when the message cannot be found.
    bool scrollToMessage(const QString &messageKey);
    bool isAtBottom() const;
    void jumpToBottom();
    /// Messages that arrived while scrolled up.
    int unseenCount() const { return m_unseen; }
    /// The key of the row at `index` of this view's model.
    static QString keyOf(const QModelIndex &index);

Q_SIGNALS:
    void linkActivated(const QUrl &url);
    void attachmentActivated(const QModelIndex &index, int attachmentIndex, bool picture);
    void retryClicked(const QModelIndex &index);
    void replyQuoteClicked(const QModelIndex &index);
    void cancelTransferClicked(const QString &messageKey);
    void contextMenuWanted(const QModelIndex &index, int attachmentIndex, const QPoint &globalPos);
    void copyPressed(const QModelIndex &index);
    void deletePressed(const QModelIndex &index);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
        const QList<int> &roles = QList<int>()) override;
    void verticalScrollbarValueChanged(int value) override;

private:
    void onRowsAboutToBeInserted(const QModelIndex &parent, int start, int end);
    void onRangeChanged(int min, int max);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int start, int end);
    void fetchNewerInPlace();
    void scheduleFetch();
    /// Pages older history in near the top, newer near the bottom when it was let go.
    void pageIfNeeded();
    void updateJumpButton();
    void placeJumpButton();
    void syncWidth();

    QPointer<MessageListModel> m_model;
    class ManualFetchProxy *m_proxy = nullptr;
    MessageDelegate *m_delegate = nullptr;
    QToolButton *m_jump = nullptr;
    QVariantAnimation *m_flash = nullptr;
    QTimer *m_fetchTimer = nullptr;
    QString m_flashKey;
    // Kept above the rows being prepended: the top visible row and its offset from the top.
    QString m_anchorKey;
    int m_anchorOffset = 0;
    bool m_pagingNewer = false;
    bool m_stickToBottom = true;
    bool m_restoring = false;
    int m_unseen = 0;
    QModelIndex m_pressed;
};

} // namespace Natter
