// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <memory>

class QAction;
class QMenu;

namespace Ui {
class ChatListPane;
}

namespace Natter {

class FlowDelegate;
class FlowFilterProxyModel;
class FlowListModel;

/// The left side of the main window: a filter box, the "New…" menu and the list of chats
/// painted by FlowDelegate. Emits flowActivated() when the user opens a chat (click, Enter, or
/// moving through the list with the keyboard); selectFlow() follows the app without emitting.
class ChatListPane : public QWidget
{
    Q_OBJECT
public:
    explicit ChatListPane(QWidget *parent = nullptr);
    ~ChatListPane() override;

    /// Lists the flows of `model` (not owned; nullptr: none) through an internal filter proxy.
    void setModel(FlowListModel *model);
    /// Selects a flow and scrolls to it; an empty or unknown id clears the selection.
    void selectFlow(const QString &flowId);
    /// The selected flow, kept while the filter hides its row; empty when none.
    QString currentFlowId() const { return m_currentId; }
    void focusFilter();
    /// Lists chats with blocked users too (marked "Blocked"); hidden by default.
    void setShowBlocked(bool show);
    /// Shows or hides the "New chat" and "New group" entries (the button when both are hidden).
    void setCreateAllowed(bool chat, bool group);

Q_SIGNALS:
    void flowActivated(const QString &flowId);
    void newChatRequested();
    void newGroupRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void applyFilter(const QString &text);
    void onCurrentChanged(const QModelIndex &current);
    void activate(const QModelIndex &index);
    /// Selects m_currentId's row again without emitting (after filtering or a model reset).
    void restoreSelection();
    QString emptyText() const;

    std::unique_ptr<::Ui::ChatListPane> m_ui;
    FlowListModel *m_model = nullptr;
    FlowFilterProxyModel *m_proxy;
    FlowDelegate *m_delegate;
    QMenu *m_newMenu;
    QAction *m_newChat;
    QAction *m_newGroup;
    QString m_currentId;
    /// True while a key or mouse press on the list is handled: only then does a change of the
    /// current row open a chat (not when filtering or the model moves rows).
    bool m_userInput = false;
    bool m_restoring = false;
};

} // namespace Natter
