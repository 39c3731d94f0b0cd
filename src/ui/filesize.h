// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Natter {

/// A human file size in the user's locale: "512 bytes", "1.4 MB", "50 MB" (1024-based units,
/// one decimal below 100 of a unit, none when it would be ".0").
QString formatFileSize(qint64 bytes);

} // namespace Natter
