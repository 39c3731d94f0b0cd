// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace Natter::Testing {
/// Every test server logs under "natter.testserver" (stderr by default).
Q_DECLARE_LOGGING_CATEGORY(lcTestServer)
} // namespace Natter::Testing
