// SPDX-License-Identifier: GPL-3.0-or-later
#include "composer.h"

#include "attachmentbar.h"
#include "filesize.h"
#include "icons.h"
#include "ui_composer.h"

#include <QBuffer>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QScrollBar>
#include <QTextBlock>
#include <QTimer>

namespace Natter {

namespace {

QStringList localFiles(const QMimeData *data)
{
    QStringList paths;
    if (!data || !data->hasUrls())
        return paths;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

QString firstLineOf(const QString &text, int maxChars = 80)
{
    QString line = text.section(QLatin1Char('\n'), 0, 0).simplified();
    if (line.size() > maxChars)
        line = line.left(maxChars - 1) + QStringLiteral("…");
    return line;
}

} // namespace

ComposerInput::ComposerInput(QWidget *parent) : QPlainTextEdit(parent) { }

bool ComposerInput::canInsertFromMimeData(const QMimeData *source) const
{
    return source->hasImage() || !localFiles(source).isEmpty()
        || QPlainTextEdit::canInsertFromMimeData(source);
}

void ComposerInput::insertFromMimeData(const QMimeData *source)
{
    if (const QStringList files = localFiles(source); !files.isEmpty()) {
        Q_EMIT filesDropped(files);
        return;
    }
    if (source->hasImage()) {
        Q_EMIT imagePasted(qvariant_cast<QImage>(source->imageData()));
        return;
    }
    insertPlainText(source->text());
}

Composer::Composer(QWidget *parent)
    : QWidget(parent),
      m_ui(std::make_unique<Ui::Composer>()),
      m_bar(new AttachmentBar(this)),
      m_draftTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    setAcceptDrops(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_ui->composerLayout->insertWidget(2, m_bar);
    m_ui->modeBar->hide();
    m_ui->errorLabel->hide();
    m_ui->modeBar->setStyleSheet(
        QStringLiteral("#modeBar { border-left: 3px solid palette(highlight); }"));
    m_ui->inputFrame->setStyleSheet(
        QStringLiteral("#inputFrame { background: palette(base); border: 1px solid palette(mid);"
                       " border-radius: 12px; }"));
    m_ui->input->setFrameShape(QFrame::NoFrame);
    m_ui->input->viewport()->setAutoFillBackground(false);
    m_ui->input->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_ui->input->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_ui->input->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_ui->input->installEventFilter(this);
    setFocusProxy(m_ui->input);

    m_ui->attachButton->setIcon(Icons::themed(QStringLiteral("attach")));
    m_ui->sendButton->setIcon(Icons::themed(QStringLiteral("send")));
    m_ui->modeCloseButton->setIcon(Icons::themed(QStringLiteral("close")));

    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(DraftDelayMs);
    connect(m_draftTimer, &QTimer::timeout, this, [this] {
        if (m_mode != Mode::Edit)
            Q_EMIT draftChanged(text());
    });
    connect(m_ui->input, &QPlainTextEdit::textChanged, this, [this] {
        updateState();
        updateHeight();
        if (!m_settingText && m_mode != Mode::Edit)
            m_draftTimer->start();
    });
    connect(m_ui->input, &ComposerInput::filesDropped, this, &Composer::addAttachmentFiles);
    connect(m_ui->input, &ComposerInput::imagePasted, this, &Composer::addPastedImage);
    connect(m_ui->sendButton, &QToolButton::clicked, this, &Composer::send);
    connect(m_ui->attachButton, &QToolButton::clicked, this, &Composer::pickFiles);
    connect(m_ui->modeCloseButton, &QToolButton::clicked, this, &Composer::cancelMode);
    connect(m_bar, &AttachmentBar::attachmentsChanged, this, &Composer::updateState);
    retranslate();
    updateState();
    updateHeight();
}

Composer::~Composer() = default;

QString Composer::text() const
{
    return m_ui->input->toPlainText();
}

QPlainTextEdit *Composer::input() const
{
    return m_ui->input;
}

void Composer::focusInput()
{
    m_ui->input->setFocus(Qt::OtherFocusReason);
}

void Composer::setInputText(const QString &text)
{
    m_settingText = true;
    m_ui->input->setPlainText(text);
    m_ui->input->moveCursor(QTextCursor::End);
    m_settingText = false;
}

void Composer::setDraft(const QString &text)
{
    m_draftTimer->stop();
    if (m_mode != Mode::Normal) {
        m_mode = Mode::Normal;
        m_modeKey.clear();
        m_ui->modeBar->hide();
    }
    m_bar->clear();
    clearError();
    setInputText(text);
}

void Composer::flushDraft()
{
    if (!m_draftTimer->isActive())
        return;
    m_draftTimer->stop();
    Q_EMIT draftChanged(text());
}

void Composer::setMaxAttachmentBytes(qint64 bytes)
{
    m_maxBytes = bytes;
}

bool Composer::addAttachmentFiles(const QStringList &paths)
{
    QStringList errors;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        const QString name = info.fileName();
        if (info.isFile() && info.size() > m_maxBytes) {
            errors.append(tr("“%1” is larger than the %2 limit and was not attached.")
                              .arg(name, formatFileSize(m_maxBytes)));
            continue;
        }
        QFile file(path);
        if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
            errors.append(tr("“%1” cannot be read and was not attached.").arg(name));
            continue;
        }
        const QByteArray bytes = file.readAll();
        if (file.error() != QFileDevice::NoError) {
            errors.append(tr("“%1” cannot be read and was not attached.").arg(name));
            continue;
        }
        m_bar->addAttachment(Attachment::fromBytes(name, bytes));
    }
    if (errors.isEmpty())
        clearError();
    else
        showError(errors.join(QLatin1Char('\n')));
    return errors.isEmpty();
}

void Composer::addAttachment(const Attachment &attachment)
{
    m_bar->addAttachment(attachment);
}

QList<Attachment> Composer::attachments() const
{
    return m_bar->attachments();
}

void Composer::addPastedImage(const QImage &image)
{
    if (image.isNull())
        return;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    if (bytes.size() > m_maxBytes) {
        showError(tr("The pasted picture is larger than the %1 limit and was not attached.")
                      .arg(formatFileSize(m_maxBytes)));
        return;
    }
    m_bar->addAttachment(Attachment::fromBytes(QStringLiteral("pasted-image.png"), bytes));
}

void Composer::pickFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach files"));
    if (!paths.isEmpty())
        addAttachmentFiles(paths);
    focusInput();
}

void Composer::startReply(const QString &messageKey, const QString &author, const QString &line)
{
    if (m_mode == Mode::Edit)
        cancelMode();
    m_mode = Mode::Reply;
    m_modeKey = messageKey;
    m_replyAuthor = author;
    m_replyLine = firstLineOf(line);
    m_ui->modeIcon->setPixmap(Icons::themed(QStringLiteral("reply")).pixmap(18, 18));
    m_ui->modeBar->show();
    retranslate();
    updateState();
    focusInput();
}

void Composer::startEdit(const QString &messageKey, const QString &text)
{
    if (m_mode != Mode::Edit) {
        m_draftTimer->stop();
        m_savedDraft = this->text();
    }
    m_mode = Mode::Edit;
    m_modeKey = messageKey;
    m_ui->modeIcon->setPixmap(Icons::themed(QStringLiteral("edit")).pixmap(18, 18));
    m_ui->modeBar->show();
    setInputText(text);
    retranslate();
    updateState();
    focusInput();
}

void Composer::cancelMode()
{
    const Mode was = m_mode;
    m_mode = Mode::Normal;
    m_modeKey.clear();
    m_ui->modeBar->hide();
    if (was == Mode::Edit)
        setInputText(std::exchange(m_savedDraft, QString()));
    updateState();
    focusInput();
}

void Composer::send()
{
    const QString body = text().trimmed();
    const QList<Attachment> files = m_bar->attachments();
    if (m_mode == Mode::Edit) {
        if (body.isEmpty())
            return;
        Q_EMIT editRequested(m_modeKey, body);
        cancelMode();
        return;
    }
    if (body.isEmpty() && files.isEmpty())
        return;
    const QString replyTo = m_mode == Mode::Reply ? m_modeKey : QString();
    Q_EMIT sendRequested(body, files, replyTo);
    m_draftTimer->stop();
    setInputText({});
    m_bar->clear();
    clearError();
    if (m_mode == Mode::Reply)
        cancelMode();
    Q_EMIT draftChanged({});
}

void Composer::showError(const QString &message)
{
    QPalette palette = m_ui->errorLabel->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    palette.setColor(
        QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28));
    m_ui->errorLabel->setPalette(palette);
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->show();
}

void Composer::clearError()
{
    m_ui->errorLabel->clear();
    m_ui->errorLabel->hide();
}

QString Composer::errorText() const
{
    return m_ui->errorLabel->isVisible() || !m_ui->errorLabel->isHidden() ? m_ui->errorLabel->text()
                                                                          : QString();
}

void Composer::updateState()
{
    const bool hasText = !text().trimmed().isEmpty();
    m_ui->sendButton->setEnabled(m_mode == Mode::Edit ? hasText : hasText || m_bar->count() > 0);
}

void Composer::updateHeight()
{
    QPlainTextEdit *input = m_ui->input;
    int lines = 0;
    for (QTextBlock block = input->document()->begin(); block.isValid(); block = block.next())
        lines += std::max(1, block.lineCount());
    lines = std::clamp(lines, 1, MaxLines);
    const int height = lines * input->fontMetrics().lineSpacing()
        + int(2 * input->document()->documentMargin()) + 2 * input->frameWidth()
        + input->contentsMargins().top() + input->contentsMargins().bottom() + 4;
    input->setFixedHeight(height);
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_ui->input || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const auto mods = key->modifiers() & ~Qt::KeypadModifier;
    switch (key->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (mods & Qt::ShiftModifier) {
            m_ui->input->insertPlainText(QStringLiteral("\n"));
            return true;
        }
        if (mods == Qt::NoModifier || mods == Qt::ControlModifier) {
            send();
            return true;
        }
        break;
    case Qt::Key_Escape:
        if (m_mode != Mode::Normal) {
            cancelMode();
            return true;
        }
        if (!m_ui->errorLabel->isHidden()) {
            clearError();
            return true;
        }
        break;
    case Qt::Key_Up:
        if (mods == Qt::NoModifier && text().isEmpty() && m_mode == Mode::Normal
            && m_bar->count() == 0) {
            Q_EMIT editLastRequested();
            return true;
        }
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void Composer::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void Composer::dropEvent(QDropEvent *event)
{
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    addAttachmentFiles(files);
}

void Composer::retranslate()
{
    if (m_mode == Mode::Reply)
        m_ui->modeLabel->setText(tr("Replying to %1: %2").arg(m_replyAuthor, m_replyLine));
    else if (m_mode == Mode::Edit)
        m_ui->modeLabel->setText(tr("Editing message"));
}

void Composer::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    } else if (event->type() == QEvent::FontChange) {
        updateHeight();
    }
}

} // namespace Natter
