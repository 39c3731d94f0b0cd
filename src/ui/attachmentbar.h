// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/attachment.h"

#include <QList>
#include <QWidget>

class QHBoxLayout;

namespace Natter {

/// The attachments waiting in the composer: a row of chips (a thumbnail for pictures, a kind
/// icon for other files, name and size) each with a remove button. Hidden while empty.
class AttachmentBar : public QWidget
{
    Q_OBJECT
public:
    explicit AttachmentBar(QWidget *parent = nullptr);
    ~AttachmentBar() override;

    void addAttachment(const Attachment &attachment);
    void removeAt(int index);
    void clear();
    QList<Attachment> attachments() const { return m_attachments; }
    int count() const { return int(m_attachments.size()); }

Q_SIGNALS:
    void attachmentsChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    QWidget *makeChip(int index);

    QList<Attachment> m_attachments;
    QHBoxLayout *m_layout = nullptr;
};

} // namespace Natter
