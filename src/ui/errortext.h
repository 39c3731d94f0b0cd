// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QCoreApplication>

namespace Natter {

/// The words users read for an Error: made here, in ui/, from the code (the message below the
/// UI is technical English for logs and --json).
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    /// One plain sentence saying what happened, e.g. "Wrong login or password."
    static QString summary(const Error &error);
    /// What the user can do about it, empty when nothing useful can be said.
    static QString hint(const Error &error);
    /// summary + hint on one line, for banners and message boxes.
    static QString full(const Error &error);
};

} // namespace Natter
