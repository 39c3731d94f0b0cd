// SPDX-License-Identifier: GPL-3.0-or-later
// The real app, driven through its widgets against a local MoreliaTalk server: sign in, open a
// chat, send a message and see its delivery state, attach a picture, edit, delete, block a user
// and see their messages hidden, switch the language at run time.
#include "appcontroller.h"
#include "appfixture.h"
#include "models/messagelistmodel.h"
#include "session/accountcache.h"
#include "session/session.h"
#include "storage/messagekey.h"
#include "testserver.h"
#include "ui/chatlistpane.h"
#include "ui/composer.h"
#include "ui/language.h"
#include "ui/loginpage.h"
#include "ui/messagepane.h"
#include "waituntil.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Natter;
using namespace Natter::Testing;

class TestApp : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppController> m_app;

    MessageListModel &messages() { return m_app->chats().messages(); }

    /// Rows of the open chat whose text is `text`.
    int rowWithText(const QString &text) { return Testing::rowWithText(messages(), text); }

    QPlainTextEdit *composerInput()
    {
        return m_app->window().messagePane()->findChild<QPlainTextEdit *>(QStringLiteral("input"));
    }

    void signIn()
    {
        LoginPage *login = m_app->window().loginPage();
        auto *password = login->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
        auto *loginEdit = login->findChild<QLineEdit *>(QStringLiteral("loginEdit"));
        auto *remember = login->findChild<QCheckBox *>(QStringLiteral("rememberCheck"));
        auto *signInButton = login->findChild<QPushButton *>(QStringLiteral("signInButton"));
        QVERIFY(password && loginEdit && remember && signInButton);
        QCOMPARE(loginEdit->text(), QStringLiteral("alice"));
        QVERIFY(!signInButton->isEnabled()); // no password yet
        QTest::keyClicks(password, QStringLiteral("demo"));
        remember->setChecked(false); // this run only: the test needs no keychain
        QVERIFY(signInButton->isEnabled());
        QTest::mouseClick(signInButton, Qt::LeftButton);
        QVERIFY(waitUntil([&] {
            return m_app->window().isShowingChats() && m_app->accounts().session()
                && m_app->accounts().session()->state() == Session::State::Online;
        }));
    }

    void openChat(const QString &title)
    {
        auto *list = m_app->window().chatList()->findChild<QListView *>(QStringLiteral("listView"));
        QVERIFY(list);
        QVERIFY(waitUntil([&] { return list->model() && list->model()->rowCount() == 3; }));
        QModelIndex found;
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            const QModelIndex index = list->model()->index(row, 0);
            if (index.data(Qt::DisplayRole).toString() == title)
                found = index;
        }
        QVERIFY(found.isValid());
        list->scrollTo(found);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(found).center());
        QVERIFY(waitUntil([&] { return !m_app->chats().openFlowId().isEmpty(); }));
        QCOMPARE(found.data(FlowListModel::FlowIdRole).toString(), m_app->chats().openFlowId());
        QVERIFY(messages().rowCount() > 0);
    }

    void sendText(const QString &text)
    {
        QPlainTextEdit *input = composerInput();
        QVERIFY(input);
        input->setFocus();
        QTest::keyClicks(input, text);
        QTest::keyClick(input, Qt::Key_Return);
        QCOMPARE(input->toPlainText(), QString());
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

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
        Language::apply(QStringLiteral("en"));
    }

    void sendsAndShowsDeliveryState()
    {
        signIn();
        openChat(QStringLiteral("Alice & Bob"));
        const QString text = QStringLiteral("Hello from the widget test");
        sendText(text);
        QVERIFY(waitUntil([&] { return rowWithText(text) >= 0; }, 2000));
        const QModelIndex sent = messages().index(rowWithText(text));
        QVERIFY(sent.data(MessageListModel::IsOwnRole).toBool());
        QVERIFY(waitUntil([&] { return isSentByServer(messages(), text); }));
        QCOMPARE(m_server->messageCount(), 22);
    }

    void attachesAPicture()
    {
        signIn();
        openChat(QStringLiteral("Natter team"));
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(QColor(40, 120, 200));
        const QString path = m_dir->filePath(QStringLiteral("blue.png"));
        QVERIFY(image.save(path));
        auto *composer = m_app->window().messagePane()->findChild<Composer *>();
        QVERIFY(composer);
        QVERIFY(composer->addAttachmentFiles({ path }));
        QCOMPARE(composer->attachments().size(), 1);
        sendText(QStringLiteral("The blue square"));
        QVERIFY(waitUntil([&] {
            const int row = rowWithText(QStringLiteral("The blue square"));
            return row >= 0
                && messages().index(row).data(MessageListModel::DeliveryStateRole).toInt()
                == int(DeliveryState::Sent);
        }));
        const QVariantList attachments = messages()
                                             .index(rowWithText(QStringLiteral("The blue square")))
                                             .data(MessageListModel::AttachmentsRole)
                                             .toList();
        QCOMPARE(attachments.size(), 1);
        const QVariantMap first = attachments.first().toMap();
        QCOMPARE(first.value(QStringLiteral("mime")).toString(), QStringLiteral("image/png"));
        QVERIFY(QImage(first.value(QStringLiteral("path")).toString()).size() == QSize(64, 48));
        QVERIFY(composer->attachments().isEmpty());
    }

    void editsWithUpArrowAndDeletes()
    {
        signIn();
        openChat(QStringLiteral("Alice & Bob"));
        sendText(QStringLiteral("first draft"));
        QVERIFY(waitUntil([&] {
            const int row = rowWithText(QStringLiteral("first draft"));
            return row >= 0
                && !messages().index(row).data(MessageListModel::ServerIdRole).toString().isEmpty();
        }));
        QPlainTextEdit *input = composerInput();
        QTest::keyClick(input, Qt::Key_Up); // edits the last own message
        QCOMPARE(input->toPlainText(), QStringLiteral("first draft"));
        input->selectAll();
        QTest::keyClicks(input, QStringLiteral("final words"));
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(waitUntil([&] { return rowWithText(QStringLiteral("final words")) >= 0; }));
        const QModelIndex edited = messages().index(rowWithText(QStringLiteral("final words")));
        QVERIFY(edited.data(MessageListModel::EditedRole).toBool());
        QCOMPARE(rowWithText(QStringLiteral("first draft")), -1);

        MessagePane *pane = m_app->window().messagePane();
        pane->setDeleteConfirmation([](const QString &) { return true; });
        pane->perform(MessageActions::Action::Delete, edited);
        QVERIFY(waitUntil([&] { return rowWithText(QStringLiteral("final words")) < 0; }));
    }

    void blockingHidesTheirMessages()
    {
        signIn();
        openChat(QStringLiteral("Alice & Bob"));
        const QString bob = m_server->userIdFor(QStringLiteral("bob"));
        const auto bobRows = [&] {
            int n = 0;
            for (int row = 0; row < messages().rowCount(); ++row)
                n += messages().index(row).data(MessageListModel::FromIdRole).toString() == bob;
            return n;
        };
        QVERIFY(bobRows() > 0);
        auto *menuButton
            = m_app->window().messagePane()->findChild<QToolButton *>(QStringLiteral("menuButton"));
        QVERIFY(menuButton && menuButton->menu());
        QAction *block = nullptr;
        for (QAction *action : menuButton->menu()->actions())
            if (action->text().contains(QStringLiteral("Block"), Qt::CaseInsensitive))
                block = action;
        QVERIFY(block);
        block->trigger();
        QVERIFY(waitUntil([&] { return bobRows() == 0; }));
        QVERIFY(m_app->accounts().cache()->contacts().isBlocked(bob));
        QVERIFY(messages().rowCount() > 0); // Alice's own messages stay
    }

    void switchesLanguageAtRunTime()
    {
        QPlainTextEdit *input = composerInput();
        QVERIFY(input);
        const QString english = input->placeholderText();
        QCOMPARE(english, QStringLiteral("Write a message…"));
        m_app->settings().setLanguage(QStringLiteral("ru"));
        QVERIFY(waitUntil([&] { return input->placeholderText() != english; }, 2000));
        QCOMPARE(input->placeholderText(), QStringLiteral("Напишите сообщение…"));
        m_app->settings().setLanguage(QStringLiteral("en"));
        QVERIFY(waitUntil([&] { return input->placeholderText() == english; }, 2000));
    }
};

QTEST_MAIN(TestApp)
#include "tst_app.moc"
