// SPDX-License-Identifier: GPL-3.0-or-later
// The real app on a machine where no keychain answers: "remember me" asks where the session
// may live instead of failing — this run only, an unencrypted file (warned), or not at all.
#include "appcontroller.h"
#include "appfixture.h"
#include "session/session.h"
#include "testserver.h"
#include "ui/loginpage.h"
#include "ui/mainwindow.h"
#include "waituntil.h"

#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Natter;
using namespace Natter::Testing;

class TestAppNoKeychain : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppController> m_app;
    QString m_question; ///< the keychain question's text, once it was asked

    /// Signs alice in with "remember me" on and answers the keychain question with the button
    /// whose text is `answer` (empty: Cancel).
    void signInAnswering(const QString &answer)
    {
        m_question.clear();
        // The question is a modal box: answer it from the event loop it runs.
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            m_question = box->text();
            QAbstractButton *chosen = box->button(QMessageBox::Cancel);
            for (QAbstractButton *b : box->buttons())
                if (!answer.isEmpty() && b->text() == answer)
                    chosen = b;
            chosen->click();
        });
        poll.start();
        LoginPage *login = m_app->window().loginPage();
        QTest::keyClicks(
            login->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), QStringLiteral("demo"));
        login->findChild<QCheckBox *>(QStringLiteral("rememberCheck"))->setChecked(true);
        QTest::mouseClick(
            login->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return !m_question.isEmpty(); }));
    }

    bool online() const
    {
        return m_app->window().isShowingChats() && m_app->accounts().session()
            && m_app->accounts().session()->state() == Session::State::Online;
    }

    QString insecureFile() const
    {
        return m_dir->filePath(QStringLiteral("data/secrets.insecure"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // No Secret Service: the session bus points nowhere (before anything touches D-Bus).
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/natter-test-bus");
    }

    void init()
    {
        m_server = std::make_unique<TestServer>(Protocol::MoreliaR17);
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
        m_server->seedDemo();
        m_dir = std::make_unique<QTemporaryDir>();
        m_app = startApp(*m_server, *m_dir, QStringLiteral("morelia-r17"), QStringLiteral("alice"));
        QVERIFY(m_app);
    }

    void cleanup()
    {
        m_app.reset();
        m_server.reset();
        m_dir.reset();
    }

    void thisSessionOnly()
    {
        signInAnswering(QStringLiteral("This session only"));
        QVERIFY(m_question.contains(QLatin1String("keychain")));
        QVERIFY(waitUntil([&] { return online(); }));
        QCOMPARE(m_app->accounts().currentAccount().secretPlace, SecretPlace::Memory);
        QVERIFY(!QFile::exists(insecureFile()));
    }

    void unencryptedFileWhenChosen()
    {
        signInAnswering(QStringLiteral("Store unencrypted"));
        QVERIFY(waitUntil([&] { return online(); }));
        QCOMPARE(m_app->accounts().currentAccount().secretPlace, SecretPlace::InsecureFile);
        QVERIFY(QFile::exists(insecureFile()));
        // Readable by its owner only.
        QCOMPARE(QFile::permissions(insecureFile()) & (QFile::ReadGroup | QFile::ReadOther),
            QFile::Permissions());
        // And the session comes back from it when the app starts again.
        m_app.reset();
        m_app = startApp(*m_server, *m_dir, QStringLiteral("morelia-r17"), QStringLiteral("alice"));
        QVERIFY(m_app);
        QVERIFY(waitUntil([&] { return online(); }));
    }

    void cancelLeavesTheLoginPage()
    {
        signInAnswering(QString());
        QVERIFY(waitUntil([&] { return m_app->window().loginPage()->isVisible(); }));
        QVERIFY(!m_app->window().isShowingChats());
        QVERIFY(!QFile::exists(insecureFile()));
    }
};

QTEST_MAIN(TestAppNoKeychain)
#include "tst_appnokeychain.moc"
