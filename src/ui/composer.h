// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/attachment.h"

#include <QPlainTextEdit>
#include <QWidget>

#include <memory>

class QTimer;

namespace Ui {
class Composer;
}

namespace Natter {

class AttachmentBar;

/// The text input of the composer: pasted pictures and dropped files become attachments
/// (signals), pasted rich text arrives as plain text.
class ComposerInput : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ComposerInput(QWidget *parent = nullptr);

Q_SIGNALS:
    void filesDropped(const QStringList &paths);
    void imagePasted(const QImage &image);

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
};

/// Where messages are written: a growing multi-line input (Enter sends, Shift+Enter breaks the
/// line), attachments above it, reply and edit modes, and a per-chat draft reported after the
/// user pauses typing.
class Composer : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Normal, Reply, Edit };

    static constexpr qint64 DefaultMaxAttachmentBytes = 50 * 1024 * 1024;
    static constexpr int DraftDelayMs = 400;
    static constexpr int MaxLines = 6;

    explicit Composer(QWidget *parent = nullptr);
    ~Composer() override;

    QString text() const;
    /// Replaces the text with a chat's draft; emits no draftChanged().
    void setDraft(const QString &text);
    /// Emits a pending draftChanged() now (before the chat changes).
    void flushDraft();

    void setMaxAttachmentBytes(qint64 bytes);
    qint64 maxAttachmentBytes() const { return m_maxBytes; }
    /// Reads `paths` into attachments; refuses unreadable and over-limit files with an inline
    /// message naming them. True when every file was added.
    bool addAttachmentFiles(const QStringList &paths);
    void addAttachment(const Attachment &attachment);
    QList<Attachment> attachments() const;
    AttachmentBar *attachmentBar() const { return m_bar; }

    void startReply(const QString &messageKey, const QString &author, const QString &firstLine);
    /// Edits a message: its text replaces the input until the edit is sent or cancelled.
    void startEdit(const QString &messageKey, const QString &text);
    void cancelMode();
    Mode mode() const { return m_mode; }
    QString modeMessageKey() const { return m_modeKey; }

    void showError(const QString &message);
    void clearError();
    QString errorText() const;

    QPlainTextEdit *input() const;
    void focusInput();
    /// Sends what is written, as Enter does.
    void send();

Q_SIGNALS:
    void sendRequested(const QString &text, const QList<Natter::Attachment> &attachments,
        const QString &replyToKey);
    void editRequested(const QString &messageKey, const QString &text);
    void editLastRequested();
    void draftChanged(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void retranslate();
    void updateState();
    void updateHeight();
    void pickFiles();
    void addPastedImage(const QImage &image);
    void setInputText(const QString &text);

    std::unique_ptr<Ui::Composer> m_ui;
    AttachmentBar *m_bar = nullptr;
    QTimer *m_draftTimer = nullptr;
    Mode m_mode = Mode::Normal;
    QString m_modeKey;
    QString m_replyAuthor;
    QString m_replyLine;
    QString m_savedDraft; ///< the draft put aside while editing
    qint64 m_maxBytes = DefaultMaxAttachmentBytes;
    bool m_settingText = false;
};

} // namespace Natter
