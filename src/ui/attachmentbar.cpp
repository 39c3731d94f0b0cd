// SPDX-License-Identifier: GPL-3.0-or-later
#include "attachmentbar.h"

#include "filesize.h"
#include "icons.h"
#include "safeimage.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QToolButton>
#include <QVBoxLayout>

namespace Natter {

namespace {

constexpr int ThumbSize = 44;

QPixmap roundedThumb(const QImage &image, qreal dpr)
{
    const QSize size = QSize(ThumbSize, ThumbSize) * dpr;
    const QImage scaled
        = image.scaled(size, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
    QPixmap pixmap(size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    QPainterPath clip;
    clip.addRoundedRect(QRectF(QPointF(0, 0), QSizeF(size)), 8 * dpr, 8 * dpr);
    p.setClipPath(clip);
    p.drawImage(
        QPointF((size.width() - scaled.width()) / 2.0, (size.height() - scaled.height()) / 2.0),
        scaled);
    p.end();
    pixmap.setDevicePixelRatio(dpr);
    return pixmap;
}

QString iconFor(Attachment::Kind kind)
{
    switch (kind) {
    case Attachment::Kind::Picture:
        return QStringLiteral("image");
    case Attachment::Kind::Video:
        return QStringLiteral("video");
    case Attachment::Kind::Audio:
        return QStringLiteral("audio");
    case Attachment::Kind::Document:
        break;
    }
    return QStringLiteral("document");
}

} // namespace

AttachmentBar::AttachmentBar(QWidget *parent) : QWidget(parent), m_layout(new QHBoxLayout(this))
{
    setObjectName(QStringLiteral("attachmentBar"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
    m_layout->addStretch();
    hide();
}

AttachmentBar::~AttachmentBar() = default;

void AttachmentBar::addAttachment(const Attachment &attachment)
{
    m_attachments.append(attachment);
    rebuild();
    Q_EMIT attachmentsChanged();
}

void AttachmentBar::removeAt(int index)
{
    if (index < 0 || index >= count())
        return;
    m_attachments.removeAt(index);
    rebuild();
    Q_EMIT attachmentsChanged();
}

void AttachmentBar::clear()
{
    if (m_attachments.isEmpty())
        return;
    m_attachments.clear();
    rebuild();
    Q_EMIT attachmentsChanged();
}

void AttachmentBar::rebuild()
{
    while (m_layout->count() > 0) {
        QLayoutItem *item = m_layout->takeAt(0);
        // Deferred: rebuild() runs from a chip's own remove button.
        if (QWidget *widget = item->widget()) {
            widget->hide();
            widget->deleteLater();
        }
        delete item;
    }
    for (int i = 0; i < count(); ++i)
        m_layout->addWidget(makeChip(i));
    m_layout->addStretch();
    setVisible(!m_attachments.isEmpty());
}

QWidget *AttachmentBar::makeChip(int index)
{
    const Attachment &a = m_attachments.at(index);
    auto *chip = new QFrame(this);
    chip->setObjectName(QStringLiteral("attachmentChip"));
    chip->setStyleSheet(
        QStringLiteral("#attachmentChip { background: palette(alternate-base);"
                       " border: 1px solid palette(midlight); border-radius: 10px; }"));
    auto *row = new QHBoxLayout(chip);
    row->setContentsMargins(6, 6, 4, 6);
    row->setSpacing(8);

    auto *preview = new QLabel(chip);
    preview->setFixedSize(ThumbSize, ThumbSize);
    preview->setAlignment(Qt::AlignCenter);
    QImage image;
    if (a.kind == Attachment::Kind::Picture)
        image = SafeImage::fromData(a.bytes, QSize(ThumbSize, ThumbSize) * 3);
    if (!image.isNull())
        preview->setPixmap(roundedThumb(image, devicePixelRatioF()));
    else
        preview->setPixmap(Icons::themed(iconFor(a.kind)).pixmap(QSize(26, 26)));
    row->addWidget(preview);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(0);
    auto *name = new QLabel(fontMetrics().elidedText(a.name, Qt::ElideMiddle, 160), chip);
    name->setObjectName(QStringLiteral("attachmentName"));
    name->setToolTip(a.name);
    auto *size = new QLabel(formatFileSize(a.size), chip);
    size->setForegroundRole(QPalette::PlaceholderText);
    texts->addWidget(name);
    texts->addWidget(size);
    row->addLayout(texts);

    auto *remove = new QToolButton(chip);
    remove->setObjectName(QStringLiteral("removeAttachmentButton"));
    remove->setIcon(Icons::themed(QStringLiteral("close")));
    remove->setAutoRaise(true);
    remove->setToolTip(tr("Remove %1").arg(a.name));
    remove->setAccessibleName(tr("Remove %1").arg(a.name));
    row->addWidget(remove, 0, Qt::AlignTop);
    connect(remove, &QToolButton::clicked, this, [this, index] { removeAt(index); });
    return chip;
}

void AttachmentBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange)
        rebuild();
}

} // namespace Natter
