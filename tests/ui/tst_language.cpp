// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/language.h"

#include <QEvent>
#include <QLocale>
#include <QTest>
#include <QWidget>

using namespace Natter;

namespace {

class Probe : public QWidget
{
public:
    int languageChanges = 0;

protected:
    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange)
            ++languageChanges;
        QWidget::changeEvent(event);
    }
};

} // namespace

class TestLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void available()
    {
        const auto languages = Language::available();
        QCOMPARE(languages.size(), 3);
        QCOMPARE(languages.at(0).first, QString());
        QCOMPARE(languages.at(1).first, QStringLiteral("en"));
        QCOMPARE(languages.at(2).first, QStringLiteral("ru"));
        QCOMPARE(languages.at(2).second, QStringLiteral("Русский"));
    }

    void switching()
    {
        Probe probe;
        probe.show();
        QVERIFY(Language::apply(QStringLiteral("ru")));
        QCOMPARE(Language::current(), QStringLiteral("ru"));
        QCOMPARE(Language::effective(), QStringLiteral("ru"));
        QCOMPARE(QLocale().language(), QLocale::Russian);
        QTRY_VERIFY(probe.languageChanges >= 1);
        // Qt's own Russian catalogue ships with Qt: its strings are translated now.
        const QString cancel = QCoreApplication::translate("QPlatformTheme", "Cancel");
        QVERIFY2(cancel != u"Cancel", qPrintable(cancel));

        const int before = probe.languageChanges;
        QVERIFY(Language::apply(QStringLiteral("en")));
        QCOMPARE(Language::current(), QStringLiteral("en"));
        QCOMPARE(QLocale().language(), QLocale::English);
        QTRY_VERIFY(probe.languageChanges > before);
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));

        QVERIFY(!Language::apply(QStringLiteral("xx")));
        QCOMPARE(Language::current(), QStringLiteral("en"));

        QVERIFY(Language::apply(QString()));
        QCOMPARE(Language::current(), QString());
        QCOMPARE(Language::effective(), Language::systemLanguage());
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
