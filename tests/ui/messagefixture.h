// SPDX-License-Identifier: GPL-3.0-or-later
// A seeded group chat for the message pane, view and delegate tests.
#pragma once

#include "../models/modelfixture.h"
#include "models/messagelistmodel.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>

namespace Natter::Test {

inline const QString s_group = QStringLiteral("g1");

inline QByteArray pngBytes(const QSize &size, const QColor &a = QColor(0x4a, 0x90, 0xd9),
    const QColor &b = QColor(0xf5, 0xa6, 0x23))
{
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient gradient(0, 0, size.width(), size.height());
    gradient.setColorAt(0, a);
    gradient.setColorAt(1, b);
    p.fillRect(image.rect(), gradient);
    p.setBrush(QColor(255, 255, 255, 160));
    p.setPen(Qt::NoPen);
    p.drawEllipse(QRect(size.width() / 3, size.height() / 4, size.width() / 3, size.height() / 2));
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

inline Message groupMessage(
    const QString &id, qint64 time, const QString &text, const QString &fromId, const QString &name)
{
    Message m = serverMessage(s_group, id, time, text, fromId);
    m.fromName = name;
    return m;
}

/// A group chat with messages from others and from us: yesterday and today, an edited one,
/// a reply, a picture, a document, a link, HTML-looking text and a failed send.
struct SeededChat
{
    ModelCache c;
    MessageListModel model;
    qint64 failedClientId = 0;

    bool open()
    {
        if (!c.open())
            return false;
        const QDateTime now = QDateTime::currentDateTime();
        const QDateTime yesterday(now.date().addDays(-1), QTime(18, 40));
        const QDateTime today(now.date(), QTime(0, 5));
        const auto t = [](const QDateTime &base, int minutes) {
            return base.addSecs(minutes * 60).toMSecsSinceEpoch();
        };
        QList<Message> messages;
        messages << groupMessage(QStringLiteral("a1"), t(yesterday, 0),
            QStringLiteral("Did everyone see the new build? Release notes are at "
                           "https://example.org/natter/notes"),
            QStringLiteral("u2"), QStringLiteral("Alice Cooper"));
        messages << groupMessage(QStringLiteral("a2"), t(yesterday, 1),
            QStringLiteral("The sync is much faster now."), QStringLiteral("u2"),
            QStringLiteral("Alice Cooper"));
        Message edited = groupMessage(QStringLiteral("m1"), t(yesterday, 3),
            QStringLiteral("Yes! Sending the screenshots tomorrow morning."), QStringLiteral("me"),
            QStringLiteral("Me Myself"));
        edited.edited = true;
        edited.editedTime = t(yesterday, 4);
        messages << edited;
        Message picture = groupMessage(QStringLiteral("b1"), t(today, 6 * 60),
            QStringLiteral("Sunrise from the office"), QStringLiteral("u3"),
            QStringLiteral("Bob Marley"));
        picture.attachments
            = { Attachment::fromBytes(QStringLiteral("sunrise.png"), pngBytes(QSize(800, 500))) };
        messages << picture;
        Message document = groupMessage(QStringLiteral("a3"), t(today, 6 * 60 + 20), QString(),
            QStringLiteral("u2"), QStringLiteral("Alice Cooper"));
        document.attachments = { Attachment::fromBytes(QStringLiteral("quarterly-report.pdf"),
            QByteArray("%PDF-1.4\n") + QByteArray(150000, 'x')) };
        messages << document;
        Message reply = groupMessage(QStringLiteral("m2"), t(today, 6 * 60 + 25),
            QStringLiteral("Looks great, thanks!"), QStringLiteral("me"),
            QStringLiteral("Me Myself"));
        reply.replyTo = QStringLiteral("b1");
        messages << reply;
        messages << groupMessage(QStringLiteral("m3"), t(today, 6 * 60 + 26),
            QStringLiteral("<b>x</b> is how you make bold in HTML"), QStringLiteral("me"),
            QStringLiteral("Me Myself"));
        if (!c.cache.messages().insertOrUpdateMessages(messages).isNone())
            return false;
        const auto failed
            = c.cache.outbox().enqueue(s_group, QStringLiteral("This one did not go out"));
        if (!failed)
            return false;
        failedClientId = failed.value();
        if (!c.cache.outbox().markFailed(failedClientId, QStringLiteral("offline")).isNone())
            return false;
        model.setCache(&c.cache);
        model.setFlow(s_group);
        return model.rowCount() == 8;
    }

    QModelIndex row(const QString &key) const { return model.index(model.rowOf(key), 0); }
};

} // namespace Natter::Test
