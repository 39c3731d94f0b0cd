// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the attachment path: Attachment::fromBytes (QMimeDatabase sniffing by name and content)
// and the per-protocol mappings of the result. Input layout: the first byte is the length of
// the file name (UTF-8) that follows; the rest is the content.

#include "core/attachment.h"
#include "fuzzcommon.h"
#include "protocol/distet/distetcodec.h"
#include "protocol/morelia/moreliacodec.h"
#include "protocol/wsmode/wsmodecodec.h"

using namespace Natter;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const size_t nameLength = qMin(size_t(data[0]), size - 1);
    const QString name
        = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(nameLength));
    const QByteArray content = Fuzz::bytes(data + 1 + nameLength, size - 1 - nameLength);

    const Attachment attachment = Attachment::fromBytes(name, content);
    if (attachment.size != content.size() || attachment.mime.isEmpty())
        __builtin_trap(); // fromBytes' documented contract
    (void)attachmentKindName(attachment.kind);
    (void)Distet::extensionFor(attachment);
    (void)Distet::mimeForExtension(name);
    (void)WsMode::attachmentContent(attachment);
    const QString slot = Morelia::fileSlotFor(attachment.kind);
    (void)Morelia::attachmentFromSlot(slot, content);
    return 0;
}
