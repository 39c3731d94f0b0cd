// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>

namespace Natter {

namespace {

AppSettings::Theme s_current = AppSettings::Theme::System;

struct Colours
{
    QColor window, base, alternateBase, text, secondaryText, button, highlight, highlightedText,
        link, linkVisited, toolTipBase, toolTipText, light, midlight, mid, dark, shadow,
        disabledText, disabledButton, disabledHighlight;
};

QPalette build(const Colours &c)
{
    QPalette p;
    for (const auto group : { QPalette::Active, QPalette::Inactive, QPalette::Disabled }) {
        const bool disabled = group == QPalette::Disabled;
        const QColor text = disabled ? c.disabledText : c.text;
        p.setColor(group, QPalette::Window, c.window);
        p.setColor(group, QPalette::WindowText, text);
        p.setColor(group, QPalette::Base, disabled ? c.window : c.base);
        p.setColor(group, QPalette::AlternateBase, c.alternateBase);
        p.setColor(group, QPalette::Text, text);
        p.setColor(group, QPalette::PlaceholderText, disabled ? c.disabledText : c.secondaryText);
        p.setColor(group, QPalette::Button, disabled ? c.disabledButton : c.button);
        p.setColor(group, QPalette::ButtonText, text);
        p.setColor(group, QPalette::BrightText, Qt::white);
        p.setColor(group, QPalette::Highlight, disabled ? c.disabledHighlight : c.highlight);
        p.setColor(group, QPalette::HighlightedText, c.highlightedText);
        p.setColor(group, QPalette::Link, c.link);
        p.setColor(group, QPalette::LinkVisited, c.linkVisited);
        p.setColor(group, QPalette::ToolTipBase, c.toolTipBase);
        p.setColor(group, QPalette::ToolTipText, c.toolTipText);
        p.setColor(group, QPalette::Light, c.light);
        p.setColor(group, QPalette::Midlight, c.midlight);
        p.setColor(group, QPalette::Mid, c.mid);
        p.setColor(group, QPalette::Dark, c.dark);
        p.setColor(group, QPalette::Shadow, c.shadow);
    }
    // An unfocused window keeps its selection readable but calmer.
    p.setColor(QPalette::Inactive, QPalette::Highlight,
        c.highlight.darker(c.window.lightness() < 128 ? 130 : 110));
    return p;
}

bool systemPrefersDark()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QGuiApplication::styleHints()->colorScheme() == Qt::ColorScheme::Dark;
#else
    return false;
#endif
}

} // namespace

Theme *Theme::instance()
{
    static Theme *theme = new Theme(qApp);
    return theme;
}

QPalette Theme::lightPalette()
{
    return build({
        .window = QColor(0xf4, 0xf5, 0xf7),
        .base = QColor(0xff, 0xff, 0xff),
        .alternateBase = QColor(0xf1, 0xf4, 0xf7),
        .text = QColor(0x1b, 0x1f, 0x24),
        .secondaryText = QColor(0x8a, 0x96, 0xa3),
        .button = QColor(0xfb, 0xfc, 0xfd),
        .highlight = QColor(0x33, 0x90, 0xec),
        .highlightedText = QColor(0xff, 0xff, 0xff),
        .link = QColor(0x16, 0x8a, 0xcd),
        .linkVisited = QColor(0x6b, 0x5a, 0xb8),
        .toolTipBase = QColor(0x2b, 0x32, 0x38),
        .toolTipText = QColor(0xf5, 0xf5, 0xf5),
        .light = QColor(0xff, 0xff, 0xff),
        .midlight = QColor(0xe9, 0xec, 0xef),
        .mid = QColor(0xc5, 0xcb, 0xd2),
        .dark = QColor(0x9a, 0xa4, 0xae),
        .shadow = QColor(0x60, 0x68, 0x70),
        .disabledText = QColor(0xa8, 0xb0, 0xb8),
        .disabledButton = QColor(0xee, 0xf0, 0xf2),
        .disabledHighlight = QColor(0xb8, 0xd4, 0xf2),
    });
}

QPalette Theme::darkPalette()
{
    return build({
        .window = QColor(0x17, 0x21, 0x2b),
        .base = QColor(0x0e, 0x16, 0x21),
        .alternateBase = QColor(0x1c, 0x27, 0x33),
        .text = QColor(0xf5, 0xf6, 0xf7),
        .secondaryText = QColor(0x70, 0x82, 0x93),
        .button = QColor(0x24, 0x2f, 0x3d),
        .highlight = QColor(0x2f, 0x6e, 0xa5),
        .highlightedText = QColor(0xff, 0xff, 0xff),
        .link = QColor(0x6a, 0xb3, 0xf3),
        .linkVisited = QColor(0xa6, 0x95, 0xe7),
        .toolTipBase = QColor(0x24, 0x2f, 0x3d),
        .toolTipText = QColor(0xf5, 0xf6, 0xf7),
        .light = QColor(0x34, 0x42, 0x52),
        .midlight = QColor(0x2a, 0x37, 0x46),
        .mid = QColor(0x1d, 0x28, 0x34),
        .dark = QColor(0x0b, 0x11, 0x19),
        .shadow = QColor(0x05, 0x08, 0x0c),
        .disabledText = QColor(0x5a, 0x68, 0x76),
        .disabledButton = QColor(0x1e, 0x28, 0x33),
        .disabledHighlight = QColor(0x2a, 0x3e, 0x52),
    });
}

void Theme::apply(AppSettings::Theme theme)
{
    if (QApplication::style()->name().compare(u"fusion", Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    s_current = theme;
    switch (theme) {
    case AppSettings::Theme::Light:
        QApplication::setPalette(lightPalette());
        break;
    case AppSettings::Theme::Dark:
        QApplication::setPalette(darkPalette());
        break;
    case AppSettings::Theme::System:
        // An empty palette resolves to the platform theme's (or the style's standard) palette.
        QApplication::setPalette(systemPrefersDark() ? darkPalette() : QPalette());
        break;
    }
    Q_EMIT instance()->changed();
}

AppSettings::Theme Theme::current()
{
    return s_current;
}

bool Theme::isDark()
{
    return isDark(QApplication::palette());
}

bool Theme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace Natter
