// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/theme.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>

using namespace Natter;

class TestTheme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void palettes()
    {
        const QPalette dark = Theme::darkPalette();
        QVERIFY(dark.color(QPalette::Window).lightness() < 60);
        QVERIFY(dark.color(QPalette::Base).lightness() < 60);
        QVERIFY(dark.color(QPalette::WindowText).lightness() > 200);
        QVERIFY(dark.color(QPalette::Text).lightness() > 200);
        QVERIFY(Theme::isDark(dark));

        const QPalette light = Theme::lightPalette();
        QVERIFY(light.color(QPalette::Window).lightness() > 200);
        QVERIFY(light.color(QPalette::Text).lightness() < 60);
        QVERIFY(!Theme::isDark(light));

        for (const QPalette &p : { dark, light }) {
            // Disabled text is visibly weaker than active text but still differs from the window.
            const int window = p.color(QPalette::Window).lightness();
            const int active = p.color(QPalette::Active, QPalette::Text).lightness();
            const int disabled = p.color(QPalette::Disabled, QPalette::Text).lightness();
            QVERIFY(qAbs(disabled - window) < qAbs(active - window));
            QVERIFY(qAbs(disabled - window) > 40);
            QVERIFY(p.color(QPalette::PlaceholderText) != p.color(QPalette::Text));
            QVERIFY(p.color(QPalette::Link).isValid());
            QVERIFY(p.color(QPalette::ToolTipBase) != p.color(QPalette::ToolTipText));
        }
    }

    void applyRepaintsAndSignals()
    {
        QLabel label(QStringLiteral("x"));
        label.show();
        QSignalSpy changed(Theme::instance(), &Theme::changed);
        Theme::apply(AppSettings::Theme::Dark);
        QCOMPARE(changed.size(), 1);
        QVERIFY(Theme::isDark());
        QCOMPARE(Theme::current(), AppSettings::Theme::Dark);
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        QTRY_VERIFY(label.palette().color(QPalette::Window).lightness() < 60);

        Theme::apply(AppSettings::Theme::Light);
        QCOMPARE(changed.size(), 2);
        QVERIFY(!Theme::isDark());
        QTRY_COMPARE(label.palette().color(QPalette::WindowText),
            Theme::lightPalette().color(QPalette::WindowText));

        // Offscreen has no dark colour scheme: System is a light standard palette.
        Theme::apply(AppSettings::Theme::System);
        QCOMPARE(changed.size(), 3);
        QVERIFY(!Theme::isDark());
        QVERIFY(QApplication::palette().color(QPalette::Window)
            != Theme::lightPalette().color(QPalette::Window));
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
