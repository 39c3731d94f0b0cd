// SPDX-License-Identifier: GPL-3.0-or-later
// The shipped catalogues: translations/natter_{en,ru}.ts are complete and keep every placeholder,
// accelerator, tag and closing punctuation of the source; the compiled :/i18n/*.qm load and
// translate; and the Russian UI has no clashing Alt+letter accelerators.
#include "ui/appsettings.h"
#include "ui/chatlistpane.h"
#include "ui/contactspanel.h"
#include "ui/groupinfodialog.h"
#include "ui/language.h"
#include "ui/loginpage.h"
#include "ui/mainwindow.h"
#include "ui/messageactions.h"
#include "ui/messagepane.h"
#include "ui/newchatdialog.h"
#include "ui/profiledialog.h"
#include "ui/registerpage.h"
#include "ui/searchpanel.h"
#include "ui/serverprofiledialog.h"
#include "ui/settingsdialog.h"

#include <QAbstractButton>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Natter;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    bool unfinished = false;
    QStringList forms; ///< the translation, or its numerus forms
};

QList<TsMessage> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<TsMessage> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            messages.append(TsMessage {
                context, {}, xml.attributes().value(QLatin1String("numerus")) == u"yes" });
        } else if (xml.name() == u"source" && !messages.isEmpty()) {
            messages.last().source = xml.readElementText();
        } else if (xml.name() == u"translation" && !messages.isEmpty()) {
            TsMessage &m = messages.last();
            m.unfinished = !xml.attributes().value(QLatin1String("type")).isEmpty();
            if (!m.numerus)
                m.forms << xml.readElementText();
        } else if (xml.name() == u"numerusform" && !messages.isEmpty()) {
            messages.last().forms << xml.readElementText();
        }
    }
    if (xml.hasError())
        qWarning() << path << xml.errorString();
    return xml.hasError() ? QList<TsMessage>() : messages;
}

QString tsPath(const char *code)
{
    return QStringLiteral(NATTER_TEST_DATA "/../../translations/natter_%1.ts")
        .arg(QLatin1String(code));
}

QStringList matches(const QString &pattern, const QString &text)
{
    QStringList found;
    auto it = QRegularExpression(pattern).globalMatch(text);
    while (it.hasNext())
        found << it.next().captured(0);
    found.sort();
    return found;
}

/// Placeholders (%1, %L2, %n) and HTML tags, sorted.
QStringList markers(const QString &text)
{
    return matches(QStringLiteral("%L?\\d+|%n|</?[A-Za-z][^>]*>"), text);
}

/// Accelerator letters (the character after a single '&'), lower-cased.
QStringList accelerators(const QString &text)
{
    QStringList found;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
        } else if (!text.at(i + 1).isSpace()) {
            found << text.at(i + 1).toLower();
        }
    }
    return found;
}

QChar closing(const QString &text)
{
    const QString t = text.trimmed();
    const QChar c = t.isEmpty() ? QChar() : t.back();
    return QStringView(u".:?!…").contains(c) ? c : QChar();
}

/// Fails (returns a description) when one group of texts reuses an accelerator letter.
QString clash(const QString &where, const QStringList &texts)
{
    QStringList seen;
    for (const QString &text : texts) {
        for (const QString &letter : accelerators(text)) {
            if (seen.contains(letter))
                return QStringLiteral("%1: '%2' in %3").arg(where, letter, texts.join(u" | "));
            seen << letter;
        }
    }
    return {};
}

/// The page of the innermost QStackedWidget holding `w`, else its window: only one page is
/// shown at a time, so accelerators need to be unique per page.
QWidget *pageOf(QWidget *w)
{
    for (QWidget *p = w; p; p = p->parentWidget()) {
        if (p->parentWidget() && qobject_cast<QStackedWidget *>(p->parentWidget()->parentWidget()))
            return p;
        if (p->isWindow())
            return p;
    }
    return nullptr;
}

/// Buttons and buddied labels of each page of a window; each menu separately.
QStringList clashes(QWidget *window)
{
    QHash<QWidget *, QStringList> pages;
    for (auto *button : window->findChildren<QAbstractButton *>())
        pages[pageOf(button)] << button->text();
    for (auto *label : window->findChildren<QLabel *>())
        if (label->buddy())
            pages[pageOf(label)] << label->text();
    QStringList problems;
    for (auto it = pages.cbegin(); it != pages.cend(); ++it)
        problems << clash(it.key()->objectName(), it.value());
    for (auto *bar : window->findChildren<QMenuBar *>()) {
        QStringList titles;
        for (QAction *action : bar->actions())
            titles << action->text();
        problems << clash(QStringLiteral("menu bar"), titles);
    }
    QList<QMenu *> menus = window->findChildren<QMenu *>();
    if (auto *menu = qobject_cast<QMenu *>(window))
        menus << menu;
    for (auto *menu : menus) {
        QStringList items;
        for (QAction *action : menu->actions())
            items << action->text();
        problems << clash(menu->title(), items);
    }
    problems.removeAll(QString());
    return problems;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogue_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("forms");
        QTest::newRow("en") << QStringLiteral("en") << 2;
        QTest::newRow("ru") << QStringLiteral("ru") << 3;
    }

    void catalogue()
    {
        QFETCH(QString, code);
        QFETCH(int, forms);
        const QList<TsMessage> messages = readTs(tsPath(code == u"ru" ? "ru" : "en"));
        QVERIFY2(messages.size() > 400, qPrintable(QString::number(messages.size())));
        int numerus = 0;
        for (const TsMessage &m : messages) {
            const QString id = m.context + QStringLiteral(" / ") + m.source;
            QVERIFY2(!m.unfinished, qPrintable(id));
            QVERIFY2(!m.forms.isEmpty(), qPrintable(id));
            if (m.numerus) {
                ++numerus;
                QVERIFY2(m.forms.size() == forms, qPrintable(id));
            }
            for (const QString &t : m.forms) {
                const QString at = id + QStringLiteral(" -> ") + t;
                QVERIFY2(!t.trimmed().isEmpty(), qPrintable(at));
                QVERIFY2(markers(t) == markers(m.source), qPrintable(at));
                QVERIFY2(!m.numerus || t.contains(u"%n"), qPrintable(at));
                QVERIFY2(
                    ::accelerators(t).size() == ::accelerators(m.source).size(), qPrintable(at));
                QVERIFY2(closing(t) == closing(m.source), qPrintable(at));
                QVERIFY2(t.startsWith(u' ') == m.source.startsWith(u' '), qPrintable(at));
                if (code == u"en" && !m.numerus)
                    QVERIFY2(t == m.source, qPrintable(at));
            }
        }
        QVERIFY(numerus >= 10);
    }

    void sameMessagesInBoth()
    {
        QStringList en, ru;
        for (const TsMessage &m : readTs(tsPath("en")))
            en << m.context + u'\n' + m.source;
        for (const TsMessage &m : readTs(tsPath("ru")))
            ru << m.context + u'\n' + m.source;
        QVERIFY(en.size() > 400);
        QCOMPARE(ru, en);
    }

    /// A Russian text left in English: after dropping names, addresses and shortcuts, no Latin
    /// words may remain.
    void russianIsRussian()
    {
        const QRegularExpression kept(QStringLiteral(
            "Natter|MoreliaTalk|DisTet|GNU General Public License|mode WS-server|HTTP|SOCKS5|GNOME "
            "Keyring|KWallet|Secret "
            "Service|Linux|Ctrl|Shift|Enter|Esc|Delete|SHA|ID|<[^>]*>|--\\S+|\\S*[./"
            "@:]\\S*|\\b(auto|"
            "morelia|wsmode|distet|alice)\\b"));
        for (const TsMessage &m : readTs(tsPath("ru"))) {
            for (const QString &t : m.forms) {
                const QString rest = QString(t)
                                         .replace(QRegularExpression(QStringLiteral("<[^>]*>")),
                                             QStringLiteral(" "))
                                         .remove(kept);
                QVERIFY2(!rest.contains(QRegularExpression(QStringLiteral("[A-Za-z]{3,}"))),
                    qPrintable(m.source + QStringLiteral(" -> ") + t));
            }
        }
    }

    void compiledCatalogues()
    {
        QTranslator ru;
        QVERIFY(ru.load(QStringLiteral(":/i18n/natter_ru.qm")));
        QCOMPARE(
            ru.translate("Composer", "Write a message…"), QStringLiteral("Напишите сообщение…"));
        QCOMPARE(ru.translate("MainWindow", "&Settings…"), QStringLiteral("&Настройки…"));
        const auto notifier = [&](QTranslator &t, int n) {
            return t.translate("Natter::Notifier", "%n new messages", nullptr, n);
        };
        QCOMPARE(notifier(ru, 1), QStringLiteral("%n новое сообщение"));
        QCOMPARE(notifier(ru, 3), QStringLiteral("%n новых сообщения"));
        QCOMPARE(notifier(ru, 11), QStringLiteral("%n новых сообщений"));
        QCOMPARE(notifier(ru, 21), QStringLiteral("%n новое сообщение"));
        QTranslator en;
        QVERIFY(en.load(QStringLiteral(":/i18n/natter_en.qm")));
        QCOMPARE(notifier(en, 1), QStringLiteral("%n new message"));
        QCOMPARE(notifier(en, 2), QStringLiteral("%n new messages"));

        QVERIFY(Language::apply(QStringLiteral("ru")));
        QCOMPARE(QCoreApplication::translate("Natter::MessagePane", "Message deleted"),
            QStringLiteral("Сообщение удалено"));
        QVERIFY(Language::apply(QStringLiteral("en")));
    }

    /// Alt+letter accelerators of the Russian UI do not clash within a menu or a shown page.
    /// (English is the source text; its accelerators are the widgets' business.)
    void accelerators()
    {
        QVERIFY(Language::apply(QStringLiteral("ru")));
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("s.ini")));
        MainWindow window;
        LoginPage login;
        RegisterPage registration;
        SettingsDialog settingsDialog(&settings);
        ProfileDialog profile(User {}, Capabilities {});
        GroupInfoDialog group;
        group.setEditable(true);
        ServerProfileDialog servers({});
        MessagePane pane;
        QMenu messageMenu;
        MessageActions::Context everything;
        everything.own = everything.confirmed = everything.hasText = true;
        everything.attachmentIndex = 0;
        everything.capabilities.editMessage = everything.capabilities.deleteMessage
            = everything.capabilities.deleteForMe = true;
        everything.failed = true; // offers every action at once, Retry and Discard too
        MessageActions::populate(&messageMenu, everything, [](MessageActions::Action) {});
        QVERIFY(messageMenu.actions().size() >= 9);
        QStringList problems;
        for (QWidget *w : std::initializer_list<QWidget *> { &window, &login, &registration,
                 &settingsDialog, &profile, &servers, &pane, &messageMenu, &group })
            problems << clashes(w);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QVERIFY(Language::apply(QStringLiteral("en")));
    }

    /// With NATTER_SCREENSHOT_DIR set, saves the main screens in Russian to look at by hand.
    void russianScreens()
    {
        const QString dir = qEnvironmentVariable("NATTER_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set NATTER_SCREENSHOT_DIR to render the Russian screens");
        QVERIFY(Language::apply(QStringLiteral("ru")));
        QTemporaryDir temp;
        AppSettings settings(temp.filePath(QStringLiteral("s.ini")));
        const auto save = [&](QWidget &w, const QString &name) {
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QVERIFY(w.grab().save(dir + QStringLiteral("/ru_%1.png").arg(name)));
        };
        LoginPage login;
        login.resize(480, 640);
        save(login, QStringLiteral("login"));
        RegisterPage registration;
        registration.resize(480, 700);
        save(registration, QStringLiteral("register"));
        auto *stack = registration.findChild<QStackedWidget *>();
        if (stack && stack->count() > 1) {
            stack->setCurrentIndex(1);
            save(registration, QStringLiteral("register_confirm"));
        }
        SettingsDialog settingsDialog(&settings);
        for (int page = 0; page < 5; ++page) {
            settingsDialog.showPage(SettingsDialog::Page(page));
            save(settingsDialog, QStringLiteral("settings%1").arg(page));
        }
        User user;
        user.login = QStringLiteral("ann");
        user.name = QStringLiteral("Анна");
        Capabilities caps;
        caps.profile = caps.deleteAccount = true;
        ProfileDialog profile(user, caps);
        profile.setPasswordChangeSupported(true);
        save(profile, QStringLiteral("profile"));
        ServerProfileDialog servers({});
        save(servers, QStringLiteral("servers"));
        MainWindow window;
        window.resize(1000, 700);
        save(window, QStringLiteral("main"));
        ContactsPanel contacts;
        contacts.resize(360, 560);
        save(contacts, QStringLiteral("contacts"));
        ChatListPane chats;
        chats.resize(320, 400);
        save(chats, QStringLiteral("chats"));
        MessagePane pane;
        pane.resize(640, 480);
        save(pane, QStringLiteral("pane"));
        SearchPanel search;
        search.resize(360, 480);
        save(search, QStringLiteral("search"));
        NewChatDialog group(NewChatDialog::Mode::Group);
        save(group, QStringLiteral("newgroup"));
        QVERIFY(Language::apply(QStringLiteral("en")));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
