// SPDX-License-Identifier: GPL-3.0-or-later
#include "demodata.h"

#include "serverlog.h"
#include "store.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Natter::Testing {

namespace {
struct DemoMessage
{
    int flow; // index into the flows created below
    int author; // index into the users
    int minutesAgo;
    const char *text;
    bool picture = false;
};

// Spread over three days, oldest first. Texts are UTF-8.
const DemoMessage s_messages[] = {
    { 2, 0, 4300, "Welcome to Natter! This channel carries release notes and server news." },
    { 1, 0, 4200, "Morning all. Stand-up notes are in the wiki, please add yours." },
    { 1, 1, 4185, "Added mine. I'm still on the reconnect backoff, should land today." },
    { 1, 2, 4170, "Mine too. The flow list now sorts by last activity." },
    { 0, 0, 3900, "Bob, do you have a minute for the message delegate review?" },
    { 0, 1, 3890, "Sure, after lunch?" },
    { 0, 0, 3885, "Perfect, 14:00 then." },
    { 1, 1, 2900, "Reconnect backoff merged. Max delay is 60 s with jitter." },
    { 1, 2, 2880, "Nice. I'll rebase the outbox work on top of it." },
    { 2, 0, 2700, "Server maintenance tonight at 23:00 UTC, about ten minutes of downtime." },
    { 1, 0, 1600, "Here's the new app icon draft, feedback welcome.", true },
    { 1, 1, 1590, "Love the colours. Maybe a bit more contrast at small sizes?" },
    { 1, 2, 1575, "Agreed, the 16 px version gets muddy." },
    { 0, 1, 1400, "Thanks for the review yesterday, I fixed the elided timestamps." },
    { 0, 0, 1390, "Great, I'll take another look tonight." },
    { 2, 0, 700, "Natter 0.1 is out: chats, groups, channels and offline history." },
    { 1, 2, 300, "Anyone seen flaky tests on the CI runner? tst_messagestore timed out once." },
    { 1, 1, 280, "Yes, the runner was overloaded. Re-run passed." },
    { 0, 1, 120, "Are we still on for the demo tomorrow?" },
    { 0, 0, 110, "Yes! 10:00, I'll send the link." },
    { 1, 0, 15, "Reminder: code freeze on Friday. Finish your reviews by Thursday evening." },
};
} // namespace

QString demoPictureBase64()
{
    // clang-format off
    return QStringLiteral(
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAfklEQVR42g3JoQEE"
        "MQgAwS/n2kgbtIFBR6PRGEw0Gr0dpJ3P2Pl9xjLEUMONMsa4xu/brI1sdOOb2szm"
        "7hfOcsRRx51yxrn+IliBBBp4UMEEN14kK5FEE08qmeTmi8M6yEEPfqjDHO550axG"
        "Gm28qWaa2y+GNciggw81zHCHP2U7eKEYyokLAAAAAElFTkSuQmCC");
    // clang-format on
}

void seedDemo(Store &store)
{
    if (store.userByLogin(u"alice"_s)) {
        qCInfo(lcTestServer) << "demo data already present";
        return;
    }
    const auto alice
        = store.createUser(u"alice"_s, DemoPassword, u"Alice Liddell"_s, u"alice@example.org"_s);
    const auto bob
        = store.createUser(u"bob"_s, DemoPassword, u"Bob Marley"_s, u"bob@example.org"_s);
    const auto carol
        = store.createUser(u"carol"_s, DemoPassword, u"Carol Danvers"_s, u"carol@example.org"_s);
    if (!alice || !bob || !carol) {
        qCWarning(lcTestServer) << "could not create the demo users:" << store.errorString();
        return;
    }
    const qint64 users[] = { alice->id, bob->id, carol->id };
    const auto now = QDateTime::currentMSecsSinceEpoch();
    const auto created = now - qint64(3 * 24 + 1) * 3600 * 1000;
    const std::optional<FlowRow> flows[] = {
        store.createFlow(
            u"chat"_s, u"Alice & Bob"_s, {}, alice->id, { alice->id, bob->id }, created),
        store.createFlow(u"group"_s, u"Natter team"_s, u"Everything about building Natter"_s,
            alice->id, { alice->id, bob->id, carol->id }, created),
        store.createFlow(u"channel"_s, u"Announcements"_s, u"Release notes and server news"_s,
            alice->id, { alice->id, bob->id, carol->id }, created),
    };
    qint64 editable = 0;
    for (const auto &demo : s_messages) {
        MessageRow message;
        message.flowId = flows[demo.flow]->id;
        message.userId = users[demo.author];
        message.text = QString::fromUtf8(demo.text);
        message.time = now - qint64(demo.minutesAgo) * 60 * 1000;
        if (demo.picture)
            message.filePicture = demoPictureBase64();
        if (const auto stored = store.addMessage(message); stored && demo.minutesAgo == 110)
            editable = stored->id;
    }
    if (editable > 0)
        store.editMessage(editable, u"Yes! 10:00, I'll send the link in the morning."_s);
    qCInfo(lcTestServer) << "demo data seeded:" << store.messageCount() << "messages";
}

} // namespace Natter::Testing
