// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the DisTet decoders: the reply body (status check included), then every typed reply
// decoder on the object, and the request decoder (the local test server's side) for every path.

#include "fuzzcommon.h"
#include "protocol/distet/distetcodec.h"
#include "protocol/jsonread.h"

using namespace Natter;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QStringList paths = Distet::allPaths();
    const QByteArray body = Fuzz::bytes(data, size);
    // The path only labels errors; pick one from the input so every label gets exercised.
    const QString path = paths.isEmpty() ? QString() : paths.at(qsizetype(size % paths.size()));

    const Result<QJsonObject> parsed = Json::parseObject(body);
    if (parsed) {
        const QJsonObject &object = parsed.value();
        (void)Distet::decodeStatus(object);
        for (const QString &p : paths)
            (void)Distet::decodeRequest(p, object);
    }

    const Result<QJsonObject> reply = Distet::decodeReply(path, body);
    if (!reply)
        return 0;
    const QJsonObject &r = reply.value();
    QString photoKey;
    (void)Distet::decodeToken(r);
    (void)Distet::decodeMediaKey(r);
    (void)Distet::decodeMediaFile(r);
    (void)Distet::decodeMediaList(r);
    (void)Distet::decodeChanges(r);
    for (auto kind : { Contact::Kind::Friend, Contact::Kind::Incoming, Contact::Kind::Outgoing,
             Contact::Kind::Blocked })
        (void)Distet::decodeContacts(r, kind);
    (void)Distet::decodeDialogs(r);
    (void)Distet::decodeDialogKey(r);
    (void)Distet::decodeUserIds(r);
    (void)Distet::decodeUser(r, &photoKey);
    (void)Distet::decodeMessages(r, QStringLiteral("d1"));
    (void)Distet::decodeMessages(r, QStringLiteral("d1"), true);
    (void)Distet::decodeMessageKey(r);
    (void)Distet::decodeKeys(r, QLatin1String("Dialogs"));
    (void)Distet::decodeKeys(r, QLatin1String("Messages"));
    return 0;
}
