// SPDX-License-Identifier: GPL-3.0-or-later
#include "account.h"
#include "attachment.h"
#include "flow.h"
#include "message.h"
#include "user.h"

#include <QMimeDatabase>

namespace Natter {

QString User::displayName() const
{
    if (!name.isEmpty())
        return name;
    if (!login.isEmpty())
        return login;
    return id;
}

QDebug operator<<(QDebug dbg, const User &user)
{
    QDebugStateSaver saver(dbg);
    dbg.nospace() << "User(" << user.id << ", " << user.login << ", " << user.name << ')';
    return dbg;
}

QDebug operator<<(QDebug dbg, const Account &account)
{
    QDebugStateSaver saver(dbg);
    dbg.nospace() << "Account(" << account.user
                  << (account.secret.isEmpty() ? ", no secret)" : ", secret: <redacted>)");
    return dbg;
}

Attachment::Kind Attachment::kindForMime(const QString &mime)
{
    if (mime.startsWith(QLatin1String("image/")))
        return Kind::Picture;
    if (mime.startsWith(QLatin1String("video/")))
        return Kind::Video;
    if (mime.startsWith(QLatin1String("audio/")))
        return Kind::Audio;
    return Kind::Document;
}

Attachment Attachment::fromBytes(const QString &name, const QByteArray &bytes)
{
    static const QMimeDatabase db;
    // Sniff with the control characters removed: Qt 6.4's mime.cache suffix-tree walk reads out
    // of bounds on names holding several NULs ("\0\0\0\0.D" segfaults; found by fuzz_attachment).
    QString sniffName = name;
    sniffName.removeIf([](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
    QMimeType type = db.mimeTypeForFileNameAndData(sniffName, bytes);
    Attachment a;
    a.name = name;
    a.mime = type.isValid() ? type.name() : QStringLiteral("application/octet-stream");
    a.kind = kindForMime(a.mime);
    a.bytes = bytes;
    a.size = bytes.size();
    return a;
}

QString attachmentKindName(Attachment::Kind kind)
{
    switch (kind) {
    case Attachment::Kind::Picture:
        return QStringLiteral("picture");
    case Attachment::Kind::Video:
        return QStringLiteral("video");
    case Attachment::Kind::Audio:
        return QStringLiteral("audio");
    case Attachment::Kind::Document:
        return QStringLiteral("document");
    }
    return QStringLiteral("document");
}

QDebug operator<<(QDebug dbg, const Attachment &attachment)
{
    QDebugStateSaver saver(dbg);
    dbg.nospace() << "Attachment(" << attachmentKindName(attachment.kind) << ", " << attachment.name
                  << ", " << attachment.mime << ", " << attachment.size << ')';
    return dbg;
}

QString flowTypeName(Flow::Type type)
{
    switch (type) {
    case Flow::Type::Chat:
        return QStringLiteral("chat");
    case Flow::Type::Group:
        return QStringLiteral("group");
    case Flow::Type::Channel:
        return QStringLiteral("channel");
    }
    return QStringLiteral("chat");
}

bool parseFlowType(const QString &name, Flow::Type *type)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("chat") || n == QLatin1String("personal"))
        *type = Flow::Type::Chat;
    else if (n == QLatin1String("group"))
        *type = Flow::Type::Group;
    else if (n == QLatin1String("channel"))
        *type = Flow::Type::Channel;
    else
        return false;
    return true;
}

QDebug operator<<(QDebug dbg, const Flow &flow)
{
    QDebugStateSaver saver(dbg);
    dbg.nospace() << "Flow(" << flow.id << ", " << flowTypeName(flow.type) << ", " << flow.title
                  << ", " << flow.updated << ')';
    return dbg;
}

QDebug operator<<(QDebug dbg, const Message &message)
{
    QDebugStateSaver saver(dbg);
    dbg.nospace() << "Message(" << message.id << ", flow " << message.flowId << ", from "
                  << message.fromId << ", " << message.text << ", " << message.time
                  << (message.edited ? ", edited" : "") << (message.deleted ? ", deleted" : "")
                  << ", " << message.attachments.size() << " attachments)";
    return dbg;
}

} // namespace Natter
