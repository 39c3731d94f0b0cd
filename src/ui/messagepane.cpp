// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagepane.h"

#include "avatarpainter.h"
#include "composer.h"
#include "icons.h"
#include "imageviewer.h"
#include "messagedelegate.h"
#include "messageview.h"
#include "models/avatar.h"
#include "models/messagelistmodel.h"
#include "safeimage.h"
#include "session/accountcache.h"
#include "ui_messagepane.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QShortcut>
#include <QStandardPaths>

namespace Natter {

namespace {

QString firstLine(const QString &text)
{
    return text.section(QLatin1Char('\n'), 0, 0).simplified();
}

QVariantMap attachmentAt(const QModelIndex &index, int attachmentIndex)
{
    const QVariantList list = index.data(MessageListModel::AttachmentsRole).toList();
    for (const QVariant &value : list) {
        const QVariantMap map = value.toMap();
        if (map.value(QStringLiteral("index")).toInt() == attachmentIndex)
            return map;
    }
    return {};
}

} // namespace

MessagePane::MessagePane(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::MessagePane>()), m_menu(new QMenu(this))
{
    m_ui->setupUi(this);
    setAcceptDrops(true);
    m_ui->stack->setCurrentWidget(m_ui->emptyPage);
    m_ui->emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.08);
    m_ui->titleLabel->setFont(titleFont);
    m_ui->subtitleLabel->setForegroundRole(QPalette::PlaceholderText);
    m_ui->headerLine->setForegroundRole(QPalette::Midlight);
    m_ui->searchButton->setIcon(Icons::themed(QStringLiteral("search")));
    m_ui->menuButton->setIcon(Icons::themed(QStringLiteral("more")));
    m_ui->menuButton->setMenu(m_menu);
    m_ui->menuButton->setStyleSheet(
        QStringLiteral("QToolButton::menu-indicator { image: none; width: 0; }"));
    m_blockAction = m_menu->addAction(QString());
    m_blockAction->setObjectName(QStringLiteral("blockAction"));
    m_muteAction = m_menu->addAction(QString());
    m_muteAction->setObjectName(QStringLiteral("muteAction"));
    m_membersAction = m_menu->addAction(QString());
    m_membersAction->setObjectName(QStringLiteral("membersAction"));
    connect(
        m_blockAction, &QAction::triggered, this, [this] { Q_EMIT blockRequested(!m_blocked); });
    connect(m_muteAction, &QAction::triggered, this, [this] { Q_EMIT muteRequested(!m_muted); });
    connect(m_membersAction, &QAction::triggered, this, &MessagePane::membersRequested);
    connect(m_ui->searchButton, &QToolButton::clicked, this, &MessagePane::searchRequested);
    auto *find
        = new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        if (!m_flowId.isEmpty())
            Q_EMIT searchRequested();
    });

    MessageView *view = m_ui->messageView;
    view->messageDelegate()->setReplyLookup(
        [this](const QString &messageId) { return quoted(messageId); });
    connect(view, &MessageView::linkActivated, this,
        [](const QUrl &url) { QDesktopServices::openUrl(url); });
    connect(view, &MessageView::attachmentActivated, this, &MessagePane::openAttachment);
    connect(view, &MessageView::retryClicked, this,
        [this](const QModelIndex &index) { perform(MessageActions::Action::Retry, index); });
    connect(view, &MessageView::replyQuoteClicked, this, [this](const QModelIndex &index) {
        scrollToMessage(index.data(MessageListModel::ReplyToRole).toString());
    });
    connect(view, &MessageView::cancelTransferClicked, this, &MessagePane::cancelTransferRequested);
    connect(view, &MessageView::contextMenuWanted, this,
        [this](const QModelIndex &index, int attachment, const QPoint &global) {
            QMenu *menu = createContextMenu(index, attachment);
            if (menu->isEmpty())
                delete menu;
            else
                menu->popup(global);
        });
    connect(view, &MessageView::copyPressed, this,
        [this](const QModelIndex &index) { perform(MessageActions::Action::CopyText, index); });
    connect(view, &MessageView::deletePressed, this, [this](const QModelIndex &index) {
        const auto actions = MessageActions::available(contextFor(index, -1));
        if (actions.contains(MessageActions::Action::Delete))
            perform(MessageActions::Action::Delete, index);
        else if (actions.contains(MessageActions::Action::DeleteForMe))
            perform(MessageActions::Action::DeleteForMe, index);
        else if (actions.contains(MessageActions::Action::Discard))
            perform(MessageActions::Action::Discard, index);
    });

    Composer *composer = m_ui->composer;
    connect(composer, &Composer::sendRequested, this,
        [this](const QString &text, const QList<Attachment> &attachments, const QString &replyTo) {
            if (!m_flowId.isEmpty())
                Q_EMIT sendRequested(m_flowId, text, attachments, replyTo);
        });
    connect(
        composer, &Composer::editRequested, this, [this](const QString &key, const QString &text) {
            if (!m_flowId.isEmpty())
                Q_EMIT editRequested(m_flowId, key, text);
        });
    connect(composer, &Composer::draftChanged, this, [this](const QString &text) {
        if (!m_flowId.isEmpty())
            Q_EMIT draftChanged(m_flowId, text);
    });
    connect(composer, &Composer::editLastRequested, this, &MessagePane::editLast);

    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Delete Message"), question,
                   QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };
    retranslate();
    // A click on a group's avatar, title or subtitle opens its info, as in Telegram.
    for (QWidget *header : { m_ui->avatarLabel, m_ui->titleLabel, m_ui->subtitleLabel })
        header->installEventFilter(this);
}

MessagePane::~MessagePane() = default;

bool MessagePane::eventFilter(QObject *watched, QEvent *event)
{
    const bool header = watched == m_ui->avatarLabel || watched == m_ui->titleLabel
        || watched == m_ui->subtitleLabel;
    if (header && m_isGroup && !m_flowId.isEmpty()) {
        if (event->type() == QEvent::Enter)
            static_cast<QWidget *>(watched)->setCursor(Qt::PointingHandCursor);
        if (event->type() == QEvent::MouseButtonRelease
            && static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton) {
            Q_EMIT groupInfoRequested();
            return true;
        }
    } else if (header && event->type() == QEvent::Enter) {
        static_cast<QWidget *>(watched)->unsetCursor();
    }
    return QWidget::eventFilter(watched, event);
}

MessageView *MessagePane::view() const
{
    return m_ui->messageView;
}

Composer *MessagePane::composer() const
{
    return m_ui->composer;
}

void MessagePane::setModel(MessageListModel *model)
{
    m_model = model;
    m_ui->messageView->setMessageModel(model);
}

void MessagePane::setFlow(const QString &flowId, const QString &title, bool isGroup)
{
    if (!m_flowId.isEmpty() && flowId != m_flowId)
        m_ui->composer->flushDraft();
    if (flowId != m_flowId)
        m_photo.clear();
    m_flowId = flowId;
    m_title = title;
    m_isGroup = isGroup;
    m_ui->titleLabel->setText(title);
    m_ui->subtitleLabel->clear();
    m_ui->subtitleLabel->hide();
    m_ui->messageView->messageDelegate()->setShowAuthors(isGroup);
    if (m_model && m_model->flowId() != flowId)
        m_model->setFlow(flowId);
    m_ui->composer->setDraft({});
    m_ui->stack->setCurrentWidget(flowId.isEmpty() ? m_ui->emptyPage : m_ui->chatPage);
    updateAvatar();
    updateMenu();
}

void MessagePane::setHeader(const QString &title, const QByteArray &photo)
{
    m_title = title;
    m_photo = photo;
    m_ui->titleLabel->setText(title);
    updateAvatar();
}

void MessagePane::setSubtitle(const QString &subtitle)
{
    m_ui->subtitleLabel->setText(subtitle);
    m_ui->subtitleLabel->setVisible(!subtitle.isEmpty());
}

void MessagePane::setCapabilities(const Capabilities &capabilities)
{
    m_capabilities = capabilities;
}

void MessagePane::setDraft(const QString &text)
{
    m_ui->composer->setDraft(text);
}

void MessagePane::setTransferProgress(const QString &messageKey, qint64 done, qint64 total)
{
    m_ui->messageView->messageDelegate()->setTransferProgress(messageKey, done, total);
    m_ui->messageView->viewport()->update();
}

void MessagePane::scrollToMessage(const QString &messageKey)
{
    m_ui->messageView->scrollToMessage(messageKey);
}

void MessagePane::setBlocked(bool blocked)
{
    m_blocked = blocked;
    updateMenu();
}

void MessagePane::setMuted(bool muted)
{
    m_muted = muted;
    updateMenu();
}

void MessagePane::focusComposer()
{
    m_ui->composer->focusInput();
}

void MessagePane::setDeleteConfirmation(std::function<bool(const QString &)> confirm)
{
    m_confirm = std::move(confirm);
}

void MessagePane::updateMenu()
{
    m_blockAction->setText(m_blocked ? tr("&Unblock User") : tr("&Block User"));
    m_blockAction->setVisible(!m_isGroup);
    m_muteAction->setText(m_muted ? tr("Un&mute") : tr("&Mute"));
    m_membersAction->setText(tr("M&embers…"));
    m_membersAction->setVisible(m_isGroup);
}

void MessagePane::updateAvatar()
{
    const int size = 38;
    const qreal dpr = devicePixelRatioF();
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QImage photo
        = m_photo.isEmpty() ? QImage() : SafeImage::fromData(m_photo, QSize(size, size) * dpr);
    if (!photo.isNull()) {
        AvatarPainter::paintPhoto(p, QRectF(0, 0, size, size), photo);
        p.end();
        m_ui->avatarLabel->setPixmap(pixmap);
        return;
    }
    p.setPen(Qt::NoPen);
    p.setBrush(QColor::fromHsl(avatarHue(m_flowId), 130, 120));
    p.drawEllipse(QRectF(0, 0, size, size));
    QFont font = this->font();
    font.setBold(true);
    font.setPixelSize(15);
    p.setFont(font);
    p.setPen(QColor::fromHsl(avatarHue(m_flowId), 60, 250));
    p.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, initials(m_title, QStringLiteral("#")));
    p.end();
    m_ui->avatarLabel->setPixmap(pixmap);
}

QPair<QString, QString> MessagePane::quoted(const QString &messageId) const
{
    if (!m_model || messageId.isEmpty())
        return {};
    const int row = m_model->rowOf(messageId);
    if (row >= 0) {
        const QModelIndex index = m_model->index(row, 0);
        QString line = firstLine(index.data(MessageListModel::TextRole).toString());
        if (line.isEmpty()) {
            const QVariantList files = index.data(MessageListModel::AttachmentsRole).toList();
            if (!files.isEmpty())
                line = files.first().toMap().value(QStringLiteral("name")).toString();
        }
        if (index.data(MessageListModel::DeletedRole).toBool())
            line = tr("Message deleted");
        return { index.data(MessageListModel::FromNameRole).toString(), line };
    }
    // Not loaded: older than the loaded pages, read from the cache.
    if (AccountCache *cache = m_model->cache()) {
        if (const auto message = cache->messages().message(messageId)) {
            QString line = firstLine(message->text);
            if (line.isEmpty() && !message->attachments.isEmpty())
                line = message->attachments.first().name;
            return { message->fromName.isEmpty() ? message->fromId : message->fromName, line };
        }
    }
    return {};
}

MessageActions::Context MessagePane::contextFor(const QModelIndex &index, int attachmentIndex) const
{
    MessageActions::Context c;
    c.own = index.data(MessageListModel::IsOwnRole).toBool();
    c.confirmed = !index.data(MessageListModel::ServerIdRole).toString().isEmpty();
    c.failed
        = index.data(MessageListModel::DeliveryStateRole).toInt() == int(DeliveryState::Failed);
    c.deleted = index.data(MessageListModel::DeletedRole).toBool();
    c.hasText = !index.data(MessageListModel::TextRole).toString().isEmpty();
    c.attachmentIndex = attachmentIndex;
    c.capabilities = m_capabilities;
    return c;
}

QMenu *MessagePane::createContextMenu(const QModelIndex &index, int attachmentIndex)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QPersistentModelIndex row(index);
    MessageActions::populate(menu, contextFor(index, attachmentIndex),
        [this, row, attachmentIndex](MessageActions::Action action) {
            if (row.isValid())
                perform(action, row, attachmentIndex);
        });
    return menu;
}

void MessagePane::perform(
    MessageActions::Action action, const QModelIndex &index, int attachmentIndex)
{
    using A = MessageActions::Action;
    const QString key = index.data(MessageListModel::MessageKeyRole).toString();
    const QString text = index.data(MessageListModel::TextRole).toString();
    switch (action) {
    case A::Reply: {
        const QPair<QString, QString> quote = quoted(key);
        m_ui->composer->startReply(key, quote.first, quote.second);
        break;
    }
    case A::CopyText:
        if (!text.isEmpty() && !index.data(MessageListModel::DeletedRole).toBool())
            QGuiApplication::clipboard()->setText(text);
        break;
    case A::Edit:
        m_ui->composer->startEdit(key, text);
        break;
    case A::Delete:
        deleteMessage(index, false);
        break;
    case A::DeleteForMe:
        deleteMessage(index, true);
        break;
    case A::Retry:
        if (const qint64 id = clientIdFromKey(key))
            Q_EMIT retryRequested(id);
        break;
    case A::Discard:
        if (const qint64 id = clientIdFromKey(key))
            Q_EMIT discardRequested(id);
        break;
    case A::OpenAttachment: {
        const QVariantMap a = attachmentAt(index, attachmentIndex);
        openAttachment(index, attachmentIndex,
            a.value(QStringLiteral("kind")).toString() == QLatin1String("picture"));
        break;
    }
    case A::SaveAttachment:
        saveAttachment(index, attachmentIndex);
        break;
    }
}

void MessagePane::deleteMessage(const QModelIndex &index, bool forMeOnly)
{
    const QString id = index.data(MessageListModel::ServerIdRole).toString();
    if (id.isEmpty())
        return;
    const QString question = forMeOnly
        ? tr("Delete this message for you? Others in the chat will still see it.")
        : tr("Delete this message for everyone in the chat?");
    if (m_confirm && !m_confirm(question))
        return;
    Q_EMIT deleteRequested(m_flowId, id, forMeOnly);
}

void MessagePane::editLast()
{
    if (!m_model || !m_capabilities.editMessage)
        return;
    m_model->showNewest(); // the last message may have been paged out
    for (int row = m_model->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = m_model->index(row, 0);
        const auto c = contextFor(index, -1);
        if (MessageActions::available(c).contains(MessageActions::Action::Edit)) {
            m_ui->messageView->scrollToMessage(
                index.data(MessageListModel::MessageKeyRole).toString());
            perform(MessageActions::Action::Edit, index);
            return;
        }
    }
}

void MessagePane::openAttachment(const QModelIndex &index, int attachmentIndex, bool picture)
{
    const QVariantMap a = attachmentAt(index, attachmentIndex);
    const QString path = a.value(QStringLiteral("path")).toString();
    if (path.isEmpty() || !QFile::exists(path)) {
        if (!a.isEmpty())
            Q_EMIT downloadAttachmentRequested(
                index.data(MessageListModel::MessageKeyRole).toString(), attachmentIndex);
        return;
    }
    Q_EMIT attachmentUsed(index.data(MessageListModel::MessageKeyRole).toString(), attachmentIndex);
    if (picture) {
        auto *viewer = new ImageViewer(path, a.value(QStringLiteral("name")).toString(), window());
        viewer->setAttribute(Qt::WA_DeleteOnClose);
        viewer->show();
        return;
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

void MessagePane::saveAttachment(const QModelIndex &index, int attachmentIndex)
{
    const QVariantMap a = attachmentAt(index, attachmentIndex);
    const QString path = a.value(QStringLiteral("path")).toString();
    const QString key = index.data(MessageListModel::MessageKeyRole).toString();
    if (path.isEmpty() || !QFile::exists(path)) {
        // Not on this device (removed from the media cache): fetch it first.
        if (!a.isEmpty())
            Q_EMIT downloadAttachmentRequested(key, attachmentIndex);
        return;
    }
    Q_EMIT attachmentUsed(key, attachmentIndex);
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const QString target = QFileDialog::getSaveFileName(this, tr("Save Attachment"),
        dir + QLatin1Char('/') + a.value(QStringLiteral("name")).toString());
    if (target.isEmpty() || target == path)
        return;
    if (QFile::exists(target))
        QFile::remove(target);
    if (!QFile::copy(path, target))
        QMessageBox::warning(this, tr("Save Attachment"),
            tr("The attachment could not be saved to “%1”.").arg(QDir::toNativeSeparators(target)));
}

void MessagePane::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_flowId.isEmpty() && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MessagePane::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    if (paths.isEmpty() || m_flowId.isEmpty())
        return;
    event->acceptProposedAction();
    m_ui->composer->addAttachmentFiles(paths);
    m_ui->composer->focusInput();
}

void MessagePane::retranslate()
{
    updateMenu();
    updateAvatar();
}

void MessagePane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
}

} // namespace Natter
