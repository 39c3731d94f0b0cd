// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

namespace Natter {
Q_LOGGING_CATEGORY(lcCore, "natter.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProtocol, "natter.protocol", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "natter.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "natter.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "natter.secrets", QtInfoMsg)
} // namespace Natter
