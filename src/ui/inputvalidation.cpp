// SPDX-License-Identifier: GPL-3.0-or-later
#include "inputvalidation.h"

#include <QRegularExpression>
#include <QUrl>

namespace Natter {

QString InputValidation::loginProblem(const QString &login)
{
    if (login.isEmpty())
        return tr("Enter a login.");
    if (login.size() < MinLoginLength)
        return tr("The login needs at least %n characters.", nullptr, MinLoginLength);
    if (login.size() > MaxLoginLength)
        return tr("The login can have at most %n characters.", nullptr, MaxLoginLength);
    for (const QChar c : login) {
        const bool allowed = c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('_')
            || c == QLatin1Char('-');
        if (!allowed)
            return tr("Use only letters, digits, dots, underscores and hyphens.");
    }
    return {};
}

QString InputValidation::emailProblem(const QString &email)
{
    if (email.isEmpty())
        return tr("Enter an email address.");
    static const QRegularExpression shape(QStringLiteral(R"(^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$)"));
    if (!shape.match(email).hasMatch())
        return tr("This does not look like an email address (name@example.org).");
    return {};
}

QString InputValidation::passwordProblem(const QString &password)
{
    if (password.size() < MinPasswordLength)
        return tr("The password needs at least %n characters.", nullptr, MinPasswordLength);
    return {};
}

QString InputValidation::confirmationProblem(const QString &password, const QString &confirmation)
{
    if (confirmation != password)
        return tr("The passwords do not match.");
    return {};
}

QString InputValidation::serverUrlProblem(const QString &url)
{
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the server address.");
    const QUrl parsed(trimmed, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    const bool knownScheme = scheme == QLatin1String("ws") || scheme == QLatin1String("wss")
        || scheme == QLatin1String("http") || scheme == QLatin1String("https");
    if (!parsed.isValid() || !knownScheme)
        return tr("The address must start with ws://, wss://, http:// or https://.");
    if (parsed.host().isEmpty())
        return tr("The address needs a host name, e.g. wss://chat.example.org/ws.");
    return {};
}

bool InputValidation::isHttpUrl(const QString &url)
{
    const QString scheme = QUrl(url.trimmed()).scheme().toLower();
    return scheme == QLatin1String("http") || scheme == QLatin1String("https");
}

} // namespace Natter
