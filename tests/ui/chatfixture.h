// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../models/modelfixture.h"
#include "models/flowlistmodel.h"

#include <QApplication>
#include <QDir>
#include <QPalette>
#include <QStyle>

namespace Natter::Test {

/// A cache with a dozen flows of every kind, and a FlowListModel over it. Times are relative
/// to now so the list shows today's clock times, weekdays and dates.
struct ChatFixture
{
    ModelCache c;
    FlowListModel model;

    static qint64 minutesAgo(int minutes)
    {
        return QDateTime::currentMSecsSinceEpoch() - qint64(minutes) * 60 * 1000;
    }

    bool open()
    {
        if (!c.open())
            return false;
        const auto chat = [](const QString &id, const QString &title, const QString &other) {
            return makeFlow(id, title, 0, Flow::Type::Chat, { QStringLiteral("me"), other });
        };
        const QList<Flow> flows = {
            makeFlow(QStringLiteral("design"), QStringLiteral("Design team")),
            chat(QStringLiteral("bob"), QStringLiteral("Bob Stone"), QStringLiteral("u2")),
            makeFlow(
                QStringLiteral("news"), QStringLiteral("Announcements"), 0, Flow::Type::Channel),
            makeFlow(QStringLiteral("hikers"), QStringLiteral("Weekend hikers")),
            chat(QStringLiteral("carol"), QStringLiteral("Carol Meyer"), QStringLiteral("u3")),
            makeFlow(QStringLiteral("ops"), QStringLiteral("Ops on-call")),
            makeFlow(QStringLiteral("books"), QStringLiteral("Book club")),
            chat(QStringLiteral("dmitry"), QStringLiteral("Dmitry Ivanov"), QStringLiteral("u4")),
            makeFlow(QStringLiteral("release"),
                QStringLiteral("Release planning for the spring "
                               "version with a long title")),
            chat(QStringLiteral("eve"), QStringLiteral("Eve"), QStringLiteral("u9")),
            makeFlow(
                QStringLiteral("empty"), QStringLiteral("Fresh group"), minutesAgo(60 * 24 * 40)),
        };
        QList<Message> messages;
        const auto add = [&](const QString &flow, int minutes, const QString &text,
                             const QString &from = QStringLiteral("u2")) {
            static const QHash<QString, QString> names
                = { { QStringLiteral("u2"), QStringLiteral("Bob Stone") },
                      { QStringLiteral("u3"), QStringLiteral("Alice Cooper") },
                      { QStringLiteral("u4"), QStringLiteral("Dmitry Ivanov") },
                      { QStringLiteral("u5"), QStringLiteral("Newsroom") },
                      { QStringLiteral("u6"), QStringLiteral("Monitoring") },
                      { QStringLiteral("me"), QStringLiteral("Me Myself") } };
            Message m = serverMessage(
                flow, flow + QString::number(messages.size()), minutesAgo(minutes), text, from);
            m.fromName = names.value(from);
            messages.append(m);
        };
        add(QStringLiteral("design"), 9, QStringLiteral("Draft one"), QStringLiteral("u3"));
        add(QStringLiteral("design"), 5, QStringLiteral("Draft two"), QStringLiteral("u3"));
        add(QStringLiteral("design"), 2, QStringLiteral("Let's ship the new icons today"));
        add(QStringLiteral("bob"), 30, QStringLiteral("See you tomorrow!\nBring the maps."));
        for (int i = 0; i < 1000; ++i)
            add(QStringLiteral("news"), 200 + i, QStringLiteral("Release notes %1").arg(i),
                QStringLiteral("u5"));
        for (int i = 0; i < 5; ++i)
            add(QStringLiteral("hikers"), 60 * 20 + i, QStringLiteral("Who brings the tent?"),
                QStringLiteral("u4"));
        add(QStringLiteral("carol"), 60 * 30, QStringLiteral("Thanks, got it"),
            QStringLiteral("me"));
        for (int i = 0; i < 42; ++i)
            add(QStringLiteral("ops"), 60 * 50 + i, QStringLiteral("Disk usage above 90 %"),
                QStringLiteral("u6"));
        add(QStringLiteral("books"), 60 * 24 * 4, QStringLiteral("Chapter 7 for next week"),
            QStringLiteral("me"));
        add(QStringLiteral("dmitry"), 60 * 24 * 5, QStringLiteral("Ok"), QStringLiteral("u4"));
        add(QStringLiteral("release"), 60 * 24 * 20, QStringLiteral("Freeze is on Friday"),
            QStringLiteral("u3"));
        add(QStringLiteral("eve"), 60 * 24 * 30, QStringLiteral("Hi there"), QStringLiteral("u9"));
        const bool ok = c.cache.flows().upsertFlows(flows).isNone()
            && c.cache.users()
                   .upsertUsers({ makeUser(QStringLiteral("u2"), QStringLiteral("bob"),
                                      QStringLiteral("Bob Stone")),
                       makeUser(QStringLiteral("u3"), QStringLiteral("alice"),
                           QStringLiteral("Alice Cooper")) })
                   .isNone()
            && c.cache.messages().insertOrUpdateMessages(messages).isNone()
            && c.cache.settings()
                   .setValue(FlowListModel::mutedKey(QStringLiteral("hikers")), QStringLiteral("1"))
                   .isNone()
            && c.cache.contacts().setBlocked(QStringLiteral("u9"), true, true).isNone();
        if (ok)
            model.setCache(&c.cache);
        return ok;
    }
};

/// Fusion's light palette, or a dark one built the way the app's dark theme is.
inline QPalette testPalette(bool dark)
{
    QPalette p = QApplication::style()->standardPalette();
    if (!dark)
        return p;
    const QColor window(0x20, 0x22, 0x27), base(0x17, 0x19, 0x1d), text(0xe6, 0xe8, 0xec);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window.lighter(120));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8f, 0x98));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x70, 0x74, 0x7c));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x70, 0x74, 0x7c));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x70, 0x74, 0x7c));
    return p;
}

/// Saves a screenshot under $NATTER_SCREENSHOT_DIR when that is set (to look at by hand).
inline void saveShot(const QImage &image, const QString &name)
{
    const QString dir = qEnvironmentVariable("NATTER_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        image.save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace Natter::Test
