// SPDX-License-Identifier: GPL-3.0-or-later
#include "contactspanel.h"

#include "contactdelegate.h"
#include "errortext.h"
#include "icons.h"
#include "models/contactlistmodel.h"
#include "theme.h"
#include "ui_contactspanel.h"

#include <QInputDialog>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>

namespace Natter {

ContactsPanel::ContactsPanel(QWidget *parent)
    : QWidget(parent),
      m_ui(std::make_unique<Ui::ContactsPanel>()),
      m_friends(new ContactListModel(Contact::Kind::Friend, this)),
      m_incoming(new ContactListModel(Contact::Kind::Incoming, this)),
      m_outgoing(new ContactListModel(Contact::Kind::Outgoing, this)),
      m_blocked(new ContactListModel(Contact::Kind::Blocked, this))
{
    m_ui->setupUi(this);
    setUpList(m_ui->friendsView, m_friends);
    setUpList(m_ui->incomingView, m_incoming);
    setUpList(m_ui->outgoingView, m_outgoing);
    setUpList(m_ui->blockedView, m_blocked);
    m_ui->errorLabel->hide();
    m_ui->closeButton->setIcon(Icons::themed(QStringLiteral("close")));

    connect(m_ui->closeButton, &QToolButton::clicked, this, &ContactsPanel::closeRequested);
    connect(m_ui->addButton, &QPushButton::clicked, this, &ContactsPanel::addFriend);
    connect(m_ui->addEdit, &QLineEdit::returnPressed, this, &ContactsPanel::addFriend);
    connect(m_ui->addNoteEdit, &QLineEdit::returnPressed, this, &ContactsPanel::addFriend);
    connect(m_ui->addEdit, &QLineEdit::textChanged, this, &ContactsPanel::updateState);
    connect(m_ui->editNoteButton, &QPushButton::clicked, this, &ContactsPanel::editNote);
    connect(m_ui->removeFriendButton, &QPushButton::clicked, this, &ContactsPanel::removeFriend);
    connect(m_ui->blockFriendButton, &QPushButton::clicked, this, &ContactsPanel::blockFriend);
    connect(m_ui->acceptButton, &QPushButton::clicked, this, &ContactsPanel::accept);
    connect(m_ui->declineButton, &QPushButton::clicked, this, &ContactsPanel::decline);
    connect(m_ui->cancelRequestButton, &QPushButton::clicked, this, &ContactsPanel::cancelRequest);
    connect(m_ui->unblockButton, &QPushButton::clicked, this, &ContactsPanel::unblock);
    connect(m_ui->blockButton, &QPushButton::clicked, this, &ContactsPanel::blockUser);
    connect(m_ui->blockEdit, &QLineEdit::returnPressed, this, &ContactsPanel::blockUser);
    connect(m_ui->blockEdit, &QLineEdit::textChanged, this, &ContactsPanel::updateState);
    connect(Theme::instance(), &Theme::changed, this,
        [this] { m_ui->closeButton->setIcon(Icons::themed(QStringLiteral("close"))); });

    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.3);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    for (QLabel *label : { m_ui->incomingLabel, m_ui->outgoingLabel }) {
        QFont font = label->font();
        font.setBold(true);
        label->setFont(font);
        label->setContentsMargins(8, 4, 8, 0);
    }
    m_ui->storageLabel->setContentsMargins(12, 6, 12, 10);
    QFont small = m_ui->storageLabel->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_ui->storageLabel->setFont(small);
    m_ui->errorLabel->setContentsMargins(12, 6, 12, 0);
    applyColours();
    retranslate();
    updateState();
}

ContactsPanel::~ContactsPanel() = default;

void ContactsPanel::setUpList(QListView *view, ContactListModel *model)
{
    view->setModel(model);
    view->setItemDelegate(new ContactDelegate(view));
    view->setFrameShape(QFrame::NoFrame);
    view->setMouseTracking(true);
    view->setUniformItemSizes(true);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    view->installEventFilter(this);
    // The panel's background shows through: rows are cards drawn by the delegate.
    view->viewport()->setAutoFillBackground(false);
    view->setAutoFillBackground(false);
    connect(view, &QWidget::customContextMenuRequested, this,
        [this, view](const QPoint &pos) { showMenu(view, pos); });
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ContactsPanel::updateState);
    for (const auto signal :
        { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(model, signal, this, &ContactsPanel::updateState);
    connect(model, &QAbstractItemModel::modelReset, this, &ContactsPanel::updateState);
}

void ContactsPanel::setCache(AccountCache *cache)
{
    for (ContactListModel *model : { m_friends, m_incoming, m_outgoing, m_blocked })
        model->setCache(cache);
    clearError();
    updateState();
}

void ContactsPanel::setServerBacked(bool serverBacked)
{
    m_serverBacked = serverBacked;
    retranslate();
}

void ContactsPanel::showTab(Tab tab)
{
    m_ui->tabs->setCurrentIndex(int(tab));
}

ContactsPanel::Tab ContactsPanel::currentTab() const
{
    return Tab(m_ui->tabs->currentIndex());
}

void ContactsPanel::showError(const Error &error)
{
    m_error = error;
    m_ui->errorLabel->setText(ErrorText::full(error));
    m_ui->errorLabel->setVisible(!error.isNone());
}

void ContactsPanel::clearError()
{
    showError({});
}

QString ContactsPanel::selectedId(QListView *view) const
{
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(ContactListModel::UserIdRole).toString();
}

QString ContactsPanel::selectedName(QListView *view) const
{
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(ContactListModel::NameRole).toString();
}

void ContactsPanel::showMenu(QListView *view, const QPoint &pos)
{
    const QModelIndex index = view->indexAt(pos);
    if (!index.isValid())
        return;
    view->setCurrentIndex(index);
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (view == m_ui->friendsView) {
        menu->addAction(tr("Edit note…"), this, &ContactsPanel::editNote);
        menu->addSeparator();
        menu->addAction(tr("Remove friend"), this, &ContactsPanel::removeFriend);
        menu->addAction(tr("Block"), this, &ContactsPanel::blockFriend);
    } else if (view == m_ui->incomingView) {
        menu->addAction(tr("Accept"), this, &ContactsPanel::accept);
        menu->addAction(tr("Decline"), this, &ContactsPanel::decline);
    } else if (view == m_ui->outgoingView) {
        menu->addAction(tr("Cancel request"), this, &ContactsPanel::cancelRequest);
    } else {
        menu->addAction(tr("Unblock"), this, &ContactsPanel::unblock);
    }
    menu->popup(view->viewport()->mapToGlobal(pos));
}

void ContactsPanel::addFriend()
{
    const QString who = m_ui->addEdit->text().trimmed();
    if (who.isEmpty())
        return;
    clearError();
    Q_EMIT addFriendRequested(who, m_ui->addNoteEdit->text().trimmed());
    m_ui->addEdit->clear();
    m_ui->addNoteEdit->clear();
}

void ContactsPanel::editNote()
{
    const QModelIndexList rows = m_ui->friendsView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QString id = rows.first().data(ContactListModel::UserIdRole).toString();
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Edit note"));
    dialog->setLabelText(
        tr("Note for %1:").arg(rows.first().data(ContactListModel::NameRole).toString()));
    dialog->setTextValue(rows.first().data(ContactListModel::NoteRole).toString());
    connect(dialog, &QInputDialog::textValueSelected, this, [this, id](const QString &note) {
        clearError();
        Q_EMIT noteChangeRequested(id, note.trimmed());
    });
    dialog->open();
}

void ContactsPanel::removeFriend()
{
    const QString id = selectedId(m_ui->friendsView);
    if (id.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove friend"),
        tr("Remove %1 from your friends?").arg(selectedName(m_ui->friendsView)),
        QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, id, remove](QAbstractButton *button) {
        if (button != remove)
            return;
        clearError();
        Q_EMIT removeFriendRequested(id);
    });
    box->open();
}

void ContactsPanel::blockFriend()
{
    const QString id = selectedId(m_ui->friendsView);
    if (id.isEmpty())
        return;
    clearError();
    Q_EMIT blockRequested(id);
}

void ContactsPanel::accept()
{
    const QString id = selectedId(m_ui->incomingView);
    if (id.isEmpty())
        return;
    clearError();
    Q_EMIT acceptRequested(id);
}

void ContactsPanel::decline()
{
    const QString id = selectedId(m_ui->incomingView);
    if (id.isEmpty())
        return;
    clearError();
    Q_EMIT declineRequested(id);
}

void ContactsPanel::cancelRequest()
{
    const QString id = selectedId(m_ui->outgoingView);
    if (id.isEmpty())
        return;
    clearError();
    Q_EMIT cancelRequestRequested(id);
}

void ContactsPanel::blockUser()
{
    const QString who = m_ui->blockEdit->text().trimmed();
    if (who.isEmpty())
        return;
    clearError();
    Q_EMIT blockRequested(who);
    m_ui->blockEdit->clear();
}

void ContactsPanel::unblock()
{
    const QString id = selectedId(m_ui->blockedView);
    if (id.isEmpty())
        return;
    clearError();
    Q_EMIT unblockRequested(id);
}

void ContactsPanel::updateState()
{
    const bool hasFriends = m_friends->rowCount() > 0;
    m_ui->friendsView->setVisible(hasFriends);
    m_ui->friendsEmptyLabel->setVisible(!hasFriends);
    const bool friendSelected = !selectedId(m_ui->friendsView).isEmpty();
    for (QPushButton *button :
        { m_ui->editNoteButton, m_ui->removeFriendButton, m_ui->blockFriendButton })
        button->setEnabled(friendSelected);

    const bool hasIncoming = m_incoming->rowCount() > 0;
    const bool hasOutgoing = m_outgoing->rowCount() > 0;
    for (QWidget *widget : { static_cast<QWidget *>(m_ui->incomingLabel),
             static_cast<QWidget *>(m_ui->incomingView), static_cast<QWidget *>(m_ui->acceptButton),
             static_cast<QWidget *>(m_ui->declineButton) })
        widget->setVisible(hasIncoming);
    for (QWidget *widget :
        { static_cast<QWidget *>(m_ui->outgoingLabel), static_cast<QWidget *>(m_ui->outgoingView),
            static_cast<QWidget *>(m_ui->cancelRequestButton) })
        widget->setVisible(hasOutgoing);
    m_ui->requestsEmptyLabel->setVisible(!hasIncoming && !hasOutgoing);
    m_ui->requestsFiller->setVisible(hasIncoming || hasOutgoing);
    // Request lists are at most as tall as their rows (the layout shrinks them when long): the
    // space left stays below them, not between a short list and its buttons.
    for (QListView *view : { m_ui->incomingView, m_ui->outgoingView }) {
        const int rows = view->model()->rowCount();
        view->setMaximumHeight(rows > 0 ? rows * view->sizeHintForRow(0) + 4 : QWIDGETSIZE_MAX);
    }
    const bool incomingSelected = !selectedId(m_ui->incomingView).isEmpty();
    m_ui->acceptButton->setEnabled(incomingSelected);
    m_ui->declineButton->setEnabled(incomingSelected);
    m_ui->cancelRequestButton->setEnabled(!selectedId(m_ui->outgoingView).isEmpty());

    const bool hasBlocked = m_blocked->rowCount() > 0;
    m_ui->blockedView->setVisible(hasBlocked);
    m_ui->blockedEmptyLabel->setVisible(!hasBlocked);
    m_ui->unblockButton->setVisible(hasBlocked);
    m_ui->unblockButton->setEnabled(!selectedId(m_ui->blockedView).isEmpty());

    m_ui->addButton->setEnabled(!m_ui->addEdit->text().trimmed().isEmpty());
    m_ui->blockButton->setEnabled(!m_ui->blockEdit->text().trimmed().isEmpty());

    const int incoming = m_incoming->rowCount();
    m_ui->tabs->setTabText(
        int(Tab::Requests), incoming > 0 ? tr("Requests (%1)").arg(incoming) : tr("Requests"));
}

void ContactsPanel::retranslate()
{
    m_ui->storageLabel->setText(m_serverBacked
            ? tr("Synced with the server")
            : tr("Stored on this device only — this server keeps no friends list"));
    if (!m_error.isNone())
        m_ui->errorLabel->setText(ErrorText::full(m_error));
    updateState();
}

void ContactsPanel::applyColours()
{
    const QPalette pal = palette();
    // Only the one role is set, the rest keeps following the panel.
    QPalette secondary;
    secondary.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    for (QLabel *label : { m_ui->storageLabel, m_ui->friendsEmptyLabel, m_ui->requestsEmptyLabel,
             m_ui->blockedEmptyLabel, m_ui->incomingLabel, m_ui->outgoingLabel })
        label->setPalette(secondary);
    QPalette error;
    error.setColor(QPalette::WindowText,
        Theme::isDark(pal) ? QColor(0xef, 0x6c, 0x6c) : QColor(0xd3, 0x2f, 0x2f));
    m_ui->errorLabel->setPalette(error);
}

void ContactsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        applyColours();
    }
}

void ContactsPanel::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT closeRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool ContactsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Delete) {
        if (watched == m_ui->friendsView) {
            removeFriend();
            return true;
        }
        if (watched == m_ui->blockedView) {
            unblock();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Natter
