// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the MoreliaTalk decoders: the envelope, then every payload decoder on it, whatever its
// type says, because a hostile server chooses both.

#include "fuzzcommon.h"
#include "protocol/morelia/moreliacodec.h"

using namespace Natter;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Result<Morelia::Envelope> envelope = Morelia::decodeEnvelope(Fuzz::bytes(data, size));
    if (!envelope)
        return 0;
    const Morelia::Envelope &e = envelope.value();
    (void)e.dialect();
    (void)Morelia::errorFromEnvelope(e, e.type);
    (void)Morelia::decodeAccount(e);
    (void)Morelia::decodeUsers(e);
    (void)Morelia::decodeFlows(e);
    (void)Morelia::decodeMessages(e);
    (void)Morelia::decodeUpdate(e);
    (void)Morelia::decodeSendReply(e);
    (void)Morelia::decodeDeletedUser(e);
    return 0;
}
