// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the "mode" WebSocket decoders: the frame, then every reply decoder on it.

#include "fuzzcommon.h"
#include "protocol/wsmode/wsmodecodec.h"

using namespace Natter;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Result<WsMode::Frame> frame = WsMode::decodeFrame(Fuzz::bytes(data, size));
    if (!frame)
        return 0;
    const WsMode::Frame &f = frame.value();
    (void)WsMode::errorFromFrame(f, f.mode, false);
    (void)WsMode::errorFromFrame(f, f.mode, true);
    (void)WsMode::decodeToken(f);
    (void)WsMode::decodeChatId(f);
    (void)WsMode::decodeChats(f);
    (void)WsMode::decodeMessages(f);
    (void)WsMode::decodeMessages(f, QStringLiteral("1"));
    for (auto it = f.object.begin(); it != f.object.end(); ++it)
        (void)WsMode::decodeMembers(it.value(), it.key());
    return 0;
}
