// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Natter {

/// Checks of what the user types on the sign-in screens. Pure functions: each returns an empty
/// string when the input is fine, else one sentence to show under the field.
class InputValidation
{
    Q_DECLARE_TR_FUNCTIONS(InputValidation)
public:
    static constexpr int MinLoginLength = 3;
    static constexpr int MaxLoginLength = 32;
    static constexpr int MinPasswordLength = 6;

    /// 3–32 characters of letters, digits, '.', '_' and '-'.
    static QString loginProblem(const QString &login);
    /// Something shaped like name@host.domain, no spaces.
    static QString emailProblem(const QString &email);
    static QString passwordProblem(const QString &password);
    static QString confirmationProblem(const QString &password, const QString &confirmation);
    /// ws://, wss://, http:// or https:// with a host.
    static QString serverUrlProblem(const QString &url);

    static bool isValidLogin(const QString &login) { return loginProblem(login).isEmpty(); }
    static bool isValidEmail(const QString &email) { return emailProblem(email).isEmpty(); }
    static bool isValidServerUrl(const QString &url) { return serverUrlProblem(url).isEmpty(); }
    /// True for http:// and https:// addresses (DisTet's transport).
    static bool isHttpUrl(const QString &url);
};

} // namespace Natter
