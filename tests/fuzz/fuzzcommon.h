// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared set-up for the libFuzzer targets: silence Qt's logging (the decoders warn on every bad
// frame, and writing that to stderr dominates the run) while keeping qFatal fatal.

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace Natter::Fuzz {

inline void quietMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) // Qt aborts after the handler returns, so libFuzzer records a crash
        std::fprintf(stderr, "qFatal: %s\n", qUtf8Printable(message));
}

inline void init()
{
    qInstallMessageHandler(quietMessages);
}

/// The fuzzer's buffer as a QByteArray that owns a copy, so reads past the end trip ASan on
/// the exact length rather than on libFuzzer's allocation.
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace Natter::Fuzz
