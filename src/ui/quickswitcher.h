// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class QuickSwitcher;
}

namespace Natter {

class FlowFilterProxyModel;
class FlowListModel;

/// The Ctrl+K "go to chat" popup: a frameless box centred near the top of its parent window
/// with a line edit over the chats whose title holds the typed text (most recent first).
/// Up/Down move, Enter opens (flowChosen, then the popup closes), Esc or a click outside closes.
class QuickSwitcher : public QDialog
{
    Q_OBJECT
public:
    explicit QuickSwitcher(FlowListModel *model, QWidget *parent = nullptr);
    ~QuickSwitcher() override;

    /// Clears the query, places the popup over the parent window and shows it.
    void popup();

Q_SIGNALS:
    void flowChosen(const QString &flowId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setQuery(const QString &text);
    void moveCurrent(int delta);
    void choose(const QModelIndex &index);
    void placeOverParent();

    std::unique_ptr<::Ui::QuickSwitcher> m_ui;
    FlowFilterProxyModel *m_proxy;
};

} // namespace Natter
