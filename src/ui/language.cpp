// SPDX-License-Identifier: GPL-3.0-or-later
#include "language.h"

#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace Natter {

namespace {

QString s_current;
QString s_effective;
std::unique_ptr<QTranslator> s_appTranslator;
std::unique_ptr<QTranslator> s_qtTranslator;

/// Removes the installed translator; true when there was one.
bool drop(std::unique_ptr<QTranslator> &translator)
{
    if (!translator)
        return false;
    QCoreApplication::removeTranslator(translator.get());
    translator.reset();
    return true;
}

/// Loads and installs a translator; true when the file existed.
bool install(std::unique_ptr<QTranslator> &slot, const QString &name, const QString &dir)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(name, dir))
        return false;
    slot = std::move(translator);
    QCoreApplication::installTranslator(slot.get());
    return true;
}

} // namespace

QString Language::systemLanguage()
{
    const QLocale::Language language = QLocale::system().language();
    return language == QLocale::Russian ? QStringLiteral("ru") : QStringLiteral("en");
}

bool Language::apply(const QString &code)
{
    if (!code.isEmpty() && code != u"en" && code != u"ru")
        return false;
    const QString effective = code.isEmpty() ? systemLanguage() : code;
    bool changed = drop(s_appTranslator);
    changed = drop(s_qtTranslator) || changed;
    // English is the source language: no Natter translator is needed, but qtbase_en is harmless.
    changed
        = install(s_appTranslator, QStringLiteral("natter_") + effective, QStringLiteral(":/i18n"))
        || changed;
    changed = install(s_qtTranslator, QStringLiteral("qtbase_") + effective,
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath))
        || changed;
    QLocale::setDefault(QLocale(effective == u"ru" ? QLocale::Russian : QLocale::English,
        effective == u"ru" ? QLocale::Russia : QLocale::UnitedStates));
    s_current = code;
    s_effective = effective;
    // Installing or removing a translator already told every widget; otherwise say it here so
    // locale-formatted texts (dates, sizes) are redone too.
    if (!changed && QCoreApplication::instance()) {
        QEvent event(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &event);
    }
    return true;
}

QString Language::current()
{
    return s_current;
}

QString Language::effective()
{
    return s_effective.isEmpty() ? systemLanguage() : s_effective;
}

QList<QPair<QString, QString>> Language::available()
{
    return {
        { QString(), tr("System default") },
        { QStringLiteral("en"), QStringLiteral("English") },
        { QStringLiteral("ru"), QStringLiteral("Русский") },
    };
}

} // namespace Natter
