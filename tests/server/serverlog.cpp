// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverlog.h"

namespace Natter::Testing {
Q_LOGGING_CATEGORY(lcTestServer, "natter.testserver", QtInfoMsg)
} // namespace Natter::Testing
