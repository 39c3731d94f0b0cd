// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/message.h"

#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class SearchPanel;
}

namespace Natter {

class AccountCache;
class SearchResultsModel;

/// The message search side panel: a search line (searching starts 250 ms after typing stops),
/// a "This chat" / "All chats" scope, and the results (SearchResultDelegate). When the server
/// can search too, the panel asks for it with serverSearchRequested() after each local search
/// and lists what addServerResults() brings under "On the server". Esc closes.
class SearchPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int DebounceMs = 250;

    explicit SearchPanel(QWidget *parent = nullptr);
    ~SearchPanel() override;

    /// Searches `cache` (not owned; nullptr: none) from now on; clears the results.
    void setCache(AccountCache *cache);
    /// The open chat, for the "This chat" scope; an empty id leaves only "All chats".
    void setCurrentFlow(const QString &flowId, const QString &title);
    void focusSearch();
    void setServerSearchAvailable(bool available);
    /// Results of the server search for the current text; others are ignored by the model.
    void addServerResults(const QList<Natter::Message> &messages);

    /// The text searched last (trimmed), empty before any search.
    QString searchedText() const { return m_searched; }

Q_SIGNALS:
    void resultActivated(const QString &flowId, const QString &messageKey);
    void serverSearchRequested(const QString &text);
    void closeRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void runSearch();
    void activate(const QModelIndex &index);
    void updateScope();
    void updateStatus();
    bool thisChatOnly() const;
    QString emptyText() const;
    void retranslate();

    std::unique_ptr<::Ui::SearchPanel> m_ui;
    SearchResultsModel *m_model;
    QTimer m_debounce;
    QString m_flowId;
    QString m_flowTitle;
    QString m_searched;
    bool m_serverAvailable = false;
    bool m_serverPending = false;
};

} // namespace Natter
