// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchpanel.h"

#include "emptylistoverlay.h"
#include "icons.h"
#include "models/searchresultsmodel.h"
#include "palettecolours.h"
#include "searchresultdelegate.h"
#include "ui_searchpanel.h"

#include <QKeyEvent>

namespace Natter {

SearchPanel::SearchPanel(QWidget *parent)
    : QWidget(parent),
      m_ui(std::make_unique<::Ui::SearchPanel>()),
      m_model(new SearchResultsModel(this))
{
    m_ui->setupUi(this);
    QFont title = m_ui->titleLabel->font();
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    m_ui->closeButton->setIcon(Icons::themed(QStringLiteral("close")));
    m_ui->searchEdit->addAction(
        Icons::themed(QStringLiteral("search")), QLineEdit::LeadingPosition);
    PaletteColours::styleAsCaption(m_ui->statusLabel);
    m_ui->resultList->setModel(m_model);
    m_ui->resultList->setItemDelegate(new SearchResultDelegate(this));
    m_ui->resultList->setAttribute(Qt::WA_Hover);
    EmptyListOverlay::install(m_ui->resultList, [this] { return emptyText(); });

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SearchPanel::runSearch);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    // The two scope buttons are exclusive: every change of scope toggles this one.
    connect(m_ui->thisChatButton, &QToolButton::toggled, this, &SearchPanel::runSearch);
    connect(m_ui->closeButton, &QToolButton::clicked, this, &SearchPanel::closeRequested);
    connect(m_ui->resultList, &QAbstractItemView::clicked, this, &SearchPanel::activate);

    for (QWidget *w : { static_cast<QWidget *>(m_ui->searchEdit),
             static_cast<QWidget *>(m_ui->resultList), static_cast<QWidget *>(m_ui->thisChatButton),
             static_cast<QWidget *>(m_ui->allChatsButton),
             static_cast<QWidget *>(m_ui->closeButton) })
        w->installEventFilter(this);
    setFocusProxy(m_ui->searchEdit);
    retranslate();
    updateScope();
    updateStatus();
}

SearchPanel::~SearchPanel() = default;

void SearchPanel::setCache(AccountCache *cache)
{
    m_debounce.stop();
    m_model->setCache(cache);
    m_searched.clear();
    m_serverPending = false;
    if (!m_ui->searchEdit->text().trimmed().isEmpty())
        m_debounce.start();
    updateStatus();
}

void SearchPanel::setCurrentFlow(const QString &flowId, const QString &title)
{
    const bool first = m_flowId.isEmpty() && !flowId.isEmpty();
    const bool changed = flowId != m_flowId;
    m_flowId = flowId;
    m_flowTitle = title;
    updateScope();
    if (first)
        m_ui->thisChatButton->setChecked(true); // searching from a chat starts in that chat
    else if (changed && thisChatOnly())
        runSearch();
}

void SearchPanel::focusSearch()
{
    m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->searchEdit->selectAll();
}

void SearchPanel::setServerSearchAvailable(bool available)
{
    m_serverAvailable = available;
    if (!available)
        m_serverPending = false;
    updateStatus();
}

void SearchPanel::addServerResults(const QList<Message> &messages)
{
    m_model->appendServerResults(messages);
    m_serverPending = false;
    updateStatus();
    m_ui->resultList->viewport()->update();
}

bool SearchPanel::thisChatOnly() const
{
    return !m_flowId.isEmpty() && m_ui->thisChatButton->isChecked();
}

void SearchPanel::runSearch()
{
    m_debounce.stop();
    const QString text = m_ui->searchEdit->text().trimmed();
    m_searched = text;
    m_serverPending = false;
    if (text.isEmpty()) {
        m_model->clear();
    } else {
        m_model->search(text, thisChatOnly() ? m_flowId : QString());
        if (m_serverAvailable) {
            m_serverPending = true;
            Q_EMIT serverSearchRequested(text);
        }
    }
    if (m_model->rowCount() > 0)
        m_ui->resultList->setCurrentIndex(m_model->index(0));
    m_ui->resultList->scrollToTop();
    updateStatus();
    m_ui->resultList->viewport()->update();
}

void SearchPanel::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    Q_EMIT resultActivated(index.data(SearchResultsModel::FlowIdRole).toString(),
        index.data(SearchResultsModel::MessageKeyRole).toString());
}

void SearchPanel::updateScope()
{
    const bool hasFlow = !m_flowId.isEmpty();
    m_ui->thisChatButton->setEnabled(hasFlow);
    if (!hasFlow)
        m_ui->allChatsButton->setChecked(true);
    m_ui->thisChatButton->setToolTip(
        hasFlow ? tr("Search in “%1” only").arg(m_flowTitle) : tr("Open a chat to search in it"));
}

void SearchPanel::updateStatus()
{
    QString status;
    if (m_serverPending)
        status = tr("Searching on the server…");
    else if (!m_searched.isEmpty() && m_model->rowCount() > 0)
        status = tr("%n result(s)", nullptr, m_model->rowCount());
    m_ui->statusLabel->setText(status);
    m_ui->statusLabel->setVisible(!status.isEmpty());
}

QString SearchPanel::emptyText() const
{
    if (m_searched.isEmpty())
        return m_ui->searchEdit->text().trimmed().isEmpty() ? tr("Type to search messages")
                                                            : QString();
    return m_serverPending ? QString() : tr("No results");
}

bool SearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() == Qt::Key_Escape) {
        Q_EMIT closeRequested();
        return true;
    }
    const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    if (watched == m_ui->searchEdit) {
        if (enter) {
            // Enter right after typing searches now instead of waiting, then opens the first.
            if (m_debounce.isActive() || m_searched != m_ui->searchEdit->text().trimmed())
                runSearch();
            activate(m_ui->resultList->currentIndex().isValid() ? m_ui->resultList->currentIndex()
                                                                : m_model->index(0));
            return true;
        }
        if (key->key() == Qt::Key_Down && m_model->rowCount() > 0) {
            m_ui->resultList->setFocus(Qt::TabFocusReason);
            if (!m_ui->resultList->currentIndex().isValid())
                m_ui->resultList->setCurrentIndex(m_model->index(0));
            return true;
        }
    } else if (watched == m_ui->resultList) {
        if (enter) {
            activate(m_ui->resultList->currentIndex());
            return true;
        }
        if (key->key() == Qt::Key_Up && m_ui->resultList->currentIndex().row() <= 0) {
            focusSearch();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SearchPanel::retranslate()
{
    updateScope();
    updateStatus();
}

void SearchPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        PaletteColours::styleAsCaption(m_ui->statusLabel);
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace Natter
