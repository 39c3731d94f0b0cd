// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/attachment.h"
#include "messageactions.h"
#include "protocol/capabilities.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QMenu;
class QModelIndex;

namespace Ui {
class MessagePane;
}

namespace Natter {

class Composer;
class MessageListModel;
class MessageView;

/// The open chat: a header (avatar, title, subtitle, search, a "…" menu), the timeline and the
/// composer; an empty state while no chat is open. Emits what the user asks for with the flow
/// it concerns; app/ routes it to the session.
class MessagePane : public QWidget
{
    Q_OBJECT
public:
    explicit MessagePane(QWidget *parent = nullptr);
    ~MessagePane() override;

    /// The model the timeline shows. The pane calls its setFlow() in setFlow().
    void setModel(MessageListModel *model);
    /// Opens a flow (empty: the empty state). A pending draft of the previous flow is emitted
    /// first; the composer is emptied (call setDraft() after).
    void setFlow(const QString &flowId, const QString &title, bool isGroup);
    QString flowId() const { return m_flowId; }
    void setSubtitle(const QString &subtitle);
    /// Updates the open chat's title and photo (image bytes, empty: initials) in place, e.g.
    /// after a rename; the draft and the view stay.
    void setHeader(const QString &title, const QByteArray &photo);
    /// Hides edit and delete actions the backend cannot do.
    void setCapabilities(const Capabilities &capabilities);
    void setDraft(const QString &text);
    /// Progress of a message's attachment transfer; total 0 or done == total clears it.
    void setTransferProgress(const QString &messageKey, qint64 done, qint64 total);
    void scrollToMessage(const QString &messageKey);
    void setBlocked(bool blocked);
    void setMuted(bool muted);
    void focusComposer();

    /// Asked before deleting, with the question to show; the default is a QMessageBox.
    void setDeleteConfirmation(std::function<bool(const QString &question)> confirm);
    /// The context menu for a row of view()'s model (attachmentIndex: the attachment it was
    /// opened on, -1 when none). Owned by the pane, deleted when closed.
    QMenu *createContextMenu(const QModelIndex &index, int attachmentIndex = -1);
    void perform(MessageActions::Action action, const QModelIndex &index, int attachmentIndex = -1);

    MessageView *view() const;
    Composer *composer() const;

Q_SIGNALS:
    void sendRequested(const QString &flowId, const QString &text,
        const QList<Natter::Attachment> &attachments, const QString &replyToId);
    void editRequested(const QString &flowId, const QString &messageId, const QString &text);
    void deleteRequested(const QString &flowId, const QString &messageId, bool forMeOnly);
    void retryRequested(qint64 clientId);
    void discardRequested(qint64 clientId);
    void draftChanged(const QString &flowId, const QString &text);
    void cancelTransferRequested(const QString &messageKey);
    /// An attachment with no local copy was clicked: fetch it (again).
    void downloadAttachmentRequested(const QString &messageKey, int attachmentIndex);
    /// A local attachment was opened or saved: the media cache keeps recently used files longest.
    void attachmentUsed(const QString &messageKey, int attachmentIndex);
    void searchRequested();
    void blockRequested(bool block);
    void muteRequested(bool mute);
    void membersRequested();
    /// The user clicked the header of a group (its avatar, title or subtitle).
    void groupInfoRequested();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void retranslate();
    void updateAvatar();
    void updateMenu();
    void editLast();
    void openAttachment(const QModelIndex &index, int attachmentIndex, bool picture);
    void saveAttachment(const QModelIndex &index, int attachmentIndex);
    void deleteMessage(const QModelIndex &index, bool forMeOnly);
    MessageActions::Context contextFor(const QModelIndex &index, int attachmentIndex) const;
    QPair<QString, QString> quoted(const QString &messageId) const;

    std::unique_ptr<Ui::MessagePane> m_ui;
    QPointer<MessageListModel> m_model;
    QMenu *m_menu = nullptr;
    QAction *m_blockAction = nullptr;
    QAction *m_muteAction = nullptr;
    QAction *m_membersAction = nullptr;
    std::function<bool(const QString &)> m_confirm;
    Capabilities m_capabilities;
    QString m_flowId;
    QString m_title;
    QByteArray m_photo;
    bool m_isGroup = false;
    bool m_blocked = false;
    bool m_muted = false;
};

} // namespace Natter
