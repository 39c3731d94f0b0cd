// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

namespace Natter::Cli {

/// Reads a password: the first line of standard input when `fromStdin`, otherwise a prompt on
/// the terminal with echo off. Refuses when there is no terminal and no --password-stdin.
Result<QString> readPassword(bool fromStdin, const QString &prompt);

} // namespace Natter::Cli
