// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

namespace Natter {

/// The interface language: Natter's and Qt's own translators and the default locale.
class Language
{
    Q_DECLARE_TR_FUNCTIONS(Language)
public:
    /// Switches to `code` ("" = the system's language when it is English or Russian, else
    /// English; "en"; "ru"): replaces the installed translators, sets QLocale's default and
    /// makes every widget receive QEvent::LanguageChange. False for an unknown code.
    static bool apply(const QString &code);
    /// The code last applied ("" before any: the system's).
    static QString current();
    /// The language actually shown: "en" or "ru".
    static QString effective();
    /// {code, name} for a picker: {"", "System default"}, {"en", "English"}, {"ru", "Русский"}.
    static QList<QPair<QString, QString>> available();
    /// The language "" stands for on this system.
    static QString systemLanguage();
};

} // namespace Natter
