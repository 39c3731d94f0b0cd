// SPDX-License-Identifier: GPL-3.0-or-later
// Screenshots of the real app against a local server with the demo accounts, written on every
// run to <build>/screenshots (CI keeps them as artifacts): the login page, the main window with
// a group chat open in the light and the dark theme, and the friends panel.
#include "appcontroller.h"
#include "appfixture.h"
#include "models/messagelistmodel.h"
#include "session/session.h"
#include "testserver.h"
#include "ui/chatlistpane.h"
#include "ui/contactspanel.h"
#include "ui/loginpage.h"
#include "ui/mainwindow.h"
#include "ui/theme.h"
#include "waituntil.h"

#include <QCheckBox>
#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;
using namespace Natter::Testing;

namespace {

/// Mean lightness (0-255) of an image, sampled on a grid.
double meanLightness(const QImage &image)
{
    double sum = 0;
    int n = 0;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7) {
            sum += QColor(image.pixel(x, y)).lightness();
            ++n;
        }
    }
    return n ? sum / n : 0;
}

/// How many distinct colours a sample of the image has: a blank or half-painted window has few.
int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 5)
        for (int x = 0; x < image.width(); x += 5)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<AppController> m_app;
    QDir m_out;

    /// Paints the window as it is now and writes it as `name`.png.
    QImage shoot(const QString &name)
    {
        QTest::qWait(50); // let queued repaints and icon re-tints land
        const QImage image = m_app->window().grab().toImage();
        const QString path = m_out.filePath(name + QStringLiteral(".png"));
        if (!image.save(path))
            qWarning() << "cannot write" << path;
        return image;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString dir
            = qEnvironmentVariable("NATTER_SCREENSHOT_DIR", QStringLiteral(NATTER_SCREENSHOT_OUT));
        QVERIFY(QDir().mkpath(dir));
        m_out = QDir(dir);
        for (const QString &old : m_out.entryList({ QStringLiteral("*.png") }, QDir::Files))
            m_out.remove(old);

        m_server = std::make_unique<TestServer>(Protocol::MoreliaR17);
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
        m_server->seedDemo();
        m_app = startApp(*m_server, m_dir, QStringLiteral("morelia-r17"), QStringLiteral("alice"));
        QVERIFY(m_app);
        Theme::apply(AppSettings::Theme::Light);
    }

    void loginPage()
    {
        QVERIFY(!m_app->window().isShowingChats());
        LoginPage *login = m_app->window().loginPage();
        auto *password = login->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
        QVERIFY(password && password->isVisible());
        const QImage shot = shoot(QStringLiteral("login-light"));
        QCOMPARE(shot.size(), m_app->window().size() * m_app->window().devicePixelRatio());
        QVERIFY(distinctColours(shot) > 20);
        QVERIFY(meanLightness(shot) > 150);
    }

    void mainWindowLightAndDark()
    {
        LoginPage *login = m_app->window().loginPage();
        QTest::keyClicks(
            login->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), QStringLiteral("demo"));
        login->findChild<QCheckBox *>(QStringLiteral("rememberCheck"))->setChecked(false);
        QTest::mouseClick(
            login->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
        QVERIFY(waitUntil([&] {
            return m_app->window().isShowingChats() && m_app->accounts().session()
                && m_app->accounts().session()->state() == Session::State::Online;
        }));
        auto *list = m_app->window().chatList()->findChild<QListView *>(QStringLiteral("listView"));
        QVERIFY(list);
        QVERIFY(waitUntil([&] { return list->model() && list->model()->rowCount() == 3; }));
        QModelIndex team;
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            const QModelIndex index = list->model()->index(row, 0);
            if (index.data(Qt::DisplayRole).toString() == QLatin1String("Natter team"))
                team = index;
        }
        QVERIFY(team.isValid());
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(team).center());
        QVERIFY(waitUntil([&] { return m_app->chats().messages().rowCount() > 3; }));
        QVERIFY(waitUntil([&] {
            return m_app->chats().openFlowId() == team.data(FlowListModel::FlowIdRole).toString();
        }));

        const QImage light = shoot(QStringLiteral("main-light"));
        Theme::apply(AppSettings::Theme::Dark);
        const QImage dark = shoot(QStringLiteral("main-dark"));
        Theme::apply(AppSettings::Theme::Light);
        QVERIFY(distinctColours(light) > 40);
        QVERIFY(distinctColours(dark) > 40);
        // The dark theme really is dark, and the light one light.
        QVERIFY2(meanLightness(light) > 150, qPrintable(QString::number(meanLightness(light))));
        QVERIFY2(meanLightness(dark) < 100, qPrintable(QString::number(meanLightness(dark))));
    }

    void friendsPanel()
    {
        QVERIFY(m_app->window().isShowingChats());
        Q_EMIT m_app->window().contactsRequested();
        ContactsPanel *panel = m_app->window().contactsPanel();
        QVERIFY(waitUntil([&] { return panel->isVisible(); }));
        QCOMPARE(m_app->window().sidePanel(), static_cast<QWidget *>(panel));
        const QImage withPanel = shoot(QStringLiteral("friends-light"));
        Theme::apply(AppSettings::Theme::Dark);
        const QImage dark = shoot(QStringLiteral("friends-dark"));
        Theme::apply(AppSettings::Theme::Light);
        // The panel takes the right side: it differs from the same window without it.
        const QImage main(m_out.filePath(QStringLiteral("main-light.png")));
        QVERIFY(!main.isNull());
        const QRect right(withPanel.width() * 3 / 4, withPanel.height() / 4,
            withPanel.width() / 4 - 4, withPanel.height() / 2);
        QVERIFY(withPanel.copy(right) != main.copy(right));
        QVERIFY(meanLightness(dark) < 100);
    }

    void everyFileIsThere()
    {
        for (const char *name :
            { "login-light", "main-light", "main-dark", "friends-light", "friends-dark" }) {
            const QImage image(m_out.filePath(QLatin1String(name) + QLatin1String(".png")));
            QVERIFY2(!image.isNull(), name);
            QVERIFY(image.width() >= 1000);
        }
        qInfo("screenshots in %s", qPrintable(m_out.absolutePath()));
    }

    void cleanupTestCase()
    {
        m_app.reset();
        m_server.reset();
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
