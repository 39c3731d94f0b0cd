// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/capabilities.h"

#include <QList>
#include <QString>

#include <functional>

class QMenu;

namespace Natter {

/// Which actions a message offers (its context menu) and how they are labelled. Pure rules:
/// the pane decides what they do.
class MessageActions
{
public:
    enum class Action {
        Reply,
        CopyText,
        Edit,
        Delete,
        DeleteForMe,
        Retry,
        Discard,
        OpenAttachment,
        SaveAttachment,
    };

    struct Context
    {
        bool own = false;
        bool confirmed = false; ///< has a server id (not a local echo)
        bool failed = false; ///< a local echo that could not be sent
        bool deleted = false;
        bool hasText = false;
        int attachmentIndex = -1; ///< the attachment the menu was opened on, -1 when none
        Capabilities capabilities;
    };

    static QList<Action> available(const Context &context);
    static QString label(Action action);
    static QString iconName(Action action);
    /// A stable object name for the menu's QAction ("replyAction", …).
    static QString objectName(Action action);
    /// Adds the available actions to `menu`, grouped, each calling `handler`.
    static void populate(
        QMenu *menu, const Context &context, const std::function<void(Action)> &handler);
};

} // namespace Natter
