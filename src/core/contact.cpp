// SPDX-License-Identifier: GPL-3.0-or-later
#include "contact.h"

namespace Natter {

QString contactKindName(Contact::Kind kind)
{
    switch (kind) {
    case Contact::Kind::Friend:
        return QStringLiteral("friend");
    case Contact::Kind::Incoming:
        return QStringLiteral("incoming");
    case Contact::Kind::Outgoing:
        return QStringLiteral("outgoing");
    case Contact::Kind::Blocked:
        return QStringLiteral("blocked");
    }
    return QStringLiteral("friend");
}

QDebug operator<<(QDebug dbg, const Contact &contact)
{
    QDebugStateSaver saver(dbg);
    dbg.nospace() << "Contact(" << contact.userId << ", " << contactKindName(contact.kind) << ", "
                  << contact.name << ", " << contact.note << ", " << contact.added
                  << (contact.localOnly ? ", local)" : ")");
    return dbg;
}

} // namespace Natter
