// SPDX-License-Identifier: GPL-3.0-or-later
#include "messageactions.h"

#include "icons.h"

#include <QCoreApplication>
#include <QMenu>

namespace Natter {

QList<MessageActions::Action> MessageActions::available(const Context &c)
{
    QList<Action> actions;
    if (c.own && c.failed)
        actions << Action::Retry << Action::Discard;
    if (c.confirmed && !c.deleted)
        actions << Action::Reply;
    if (c.hasText && !c.deleted)
        actions << Action::CopyText;
    if (c.attachmentIndex >= 0 && !c.deleted)
        actions << Action::OpenAttachment << Action::SaveAttachment;
    if (c.own && c.confirmed && !c.deleted && c.hasText && c.capabilities.editMessage)
        actions << Action::Edit;
    if (c.own && c.confirmed && !c.deleted && c.capabilities.deleteMessage)
        actions << Action::Delete;
    if (c.confirmed && c.capabilities.deleteForMe)
        actions << Action::DeleteForMe;
    return actions;
}

QString MessageActions::label(Action action)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("Natter::MessageActions", text);
    };
    switch (action) {
    case Action::Reply:
        return tr("&Reply");
    case Action::CopyText:
        return tr("&Copy Text");
    case Action::Edit:
        return tr("&Edit");
    case Action::Delete:
        return tr("&Delete");
    case Action::DeleteForMe:
        return tr("Delete for &Me");
    case Action::Retry:
        return tr("Re&try Sending");
    case Action::Discard:
        return tr("D&iscard");
    case Action::OpenAttachment:
        return tr("&Open Attachment");
    case Action::SaveAttachment:
        return tr("&Save Attachment As…");
    }
    return {};
}

QString MessageActions::iconName(Action action)
{
    switch (action) {
    case Action::Reply:
        return QStringLiteral("reply");
    case Action::CopyText:
        return QStringLiteral("copy");
    case Action::Edit:
        return QStringLiteral("edit");
    case Action::Delete:
    case Action::DeleteForMe:
    case Action::Discard:
        return QStringLiteral("trash");
    case Action::Retry:
        return QStringLiteral("retry");
    case Action::OpenAttachment:
        return QStringLiteral("open-external");
    case Action::SaveAttachment:
        return QStringLiteral("save");
    }
    return {};
}

QString MessageActions::objectName(Action action)
{
    switch (action) {
    case Action::Reply:
        return QStringLiteral("replyAction");
    case Action::CopyText:
        return QStringLiteral("copyTextAction");
    case Action::Edit:
        return QStringLiteral("editAction");
    case Action::Delete:
        return QStringLiteral("deleteAction");
    case Action::DeleteForMe:
        return QStringLiteral("deleteForMeAction");
    case Action::Retry:
        return QStringLiteral("retryAction");
    case Action::Discard:
        return QStringLiteral("discardAction");
    case Action::OpenAttachment:
        return QStringLiteral("openAttachmentAction");
    case Action::SaveAttachment:
        return QStringLiteral("saveAttachmentAction");
    }
    return {};
}

void MessageActions::populate(
    QMenu *menu, const Context &context, const std::function<void(Action)> &handler)
{
    const auto group = [](Action a) {
        switch (a) {
        case Action::Retry:
        case Action::Discard:
            return 0;
        case Action::Reply:
        case Action::CopyText:
        case Action::OpenAttachment:
        case Action::SaveAttachment:
            return 1;
        default:
            return 2;
        }
    };
    int last = -1;
    for (const Action action : available(context)) {
        if (last >= 0 && group(action) != last)
            menu->addSeparator();
        last = group(action);
        QAction *item = menu->addAction(Icons::themed(iconName(action)), label(action));
        item->setObjectName(objectName(action));
        if (action == Action::CopyText)
            item->setShortcut(QKeySequence::Copy);
        else if (action == Action::Delete
            || (action == Action::DeleteForMe && !available(context).contains(Action::Delete)))
            item->setShortcut(QKeySequence::Delete);
        QObject::connect(item, &QAction::triggered, menu, [handler, action] { handler(action); });
    }
}

} // namespace Natter
