// SPDX-License-Identifier: GPL-3.0-or-later
// The real app for the end-to-end widget tests (tst_app, tst_appdistet, tst_screenshots).
#pragma once

#include "appcontroller.h"
#include "models/messagelistmodel.h"
#include "testserver.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace Natter::Testing {

/// Natter started against `server` with its data and settings in `dir`, `protocol` and `login`
/// filled in on the login page, its window 1100×720 and shown; null when it would not start.
inline std::unique_ptr<AppController> startApp(const TestServer &server, const QTemporaryDir &dir,
    const QString &protocol, const QString &login)
{
    AppController::Options options;
    options.dataDir = dir.filePath(QStringLiteral("data"));
    options.server = server.url().toString();
    options.protocol = protocol;
    options.login = login;
    options.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
    auto app = std::make_unique<AppController>(options);
    if (app->start() != 0)
        return nullptr;
    app->window().resize(1100, 720);
    if (!QTest::qWaitForWindowExposed(&app->window()))
        return nullptr;
    return app;
}

/// The row of the open chat whose text is `text`, -1 when none.
inline int rowWithText(const MessageListModel &messages, const QString &text)
{
    for (int row = 0; row < messages.rowCount(); ++row)
        if (messages.index(row).data(MessageListModel::TextRole).toString() == text)
            return row;
    return -1;
}

/// Whether the message with `text` is shown as Sent, with the server's id.
inline bool isSentByServer(const MessageListModel &messages, const QString &text)
{
    const int row = rowWithText(messages, text);
    if (row < 0)
        return false;
    const QModelIndex index = messages.index(row);
    return index.data(MessageListModel::DeliveryStateRole).toInt() == int(DeliveryState::Sent)
        && !index.data(MessageListModel::ServerIdRole).toString().isEmpty();
}

} // namespace Natter::Testing
