// SPDX-License-Identifier: GPL-3.0-or-later
// The real app, driven through its widgets against a local DisTet server: sign in, send and see
// the message Sent, server search results, a friend request accepted by the other side, block
// and unblock, and a group's info: rename (seen in the chat list), add a member and kick them.
#include "appcontroller.h"
#include "appfixture.h"
#include "models/memberlistmodel.h"
#include "models/messagelistmodel.h"
#include "models/searchresultsmodel.h"
#include "protocol/distet/distetclient.h"
#include "session/accountcache.h"
#include "session/session.h"
#include "storage/messagekey.h"
#include "store.h"
#include "testserver.h"
#include "ui/chatlistpane.h"
#include "ui/contactspanel.h"
#include "ui/groupinfodialog.h"
#include "ui/language.h"
#include "ui/loginpage.h"
#include "ui/messagepane.h"
#include "ui/searchpanel.h"
#include "waituntil.h"

#include <QCheckBox>
#include <QEventLoop>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Natter;
using namespace Natter::Testing;

namespace {

/// Runs one request of a second client to its end; true when it succeeded.
bool finish(ProtocolClient &client, RequestId id)
{
    bool ok = false;
    bool done = false;
    QEventLoop loop;
    QObject::connect(&client, &ProtocolClient::requestFinished, &loop, [&](RequestId r) {
        if (r == id) {
            ok = done = true;
            loop.quit();
        }
    });
    QObject::connect(&client, &ProtocolClient::requestFailed, &loop, [&](RequestId r) {
        if (r == id) {
            done = true;
            loop.quit();
        }
    });
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    if (!done)
        loop.exec();
    return ok;
}

template <typename T>
T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

} // namespace

class TestAppDistet : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppController> m_app;

    MessageListModel &messages() { return m_app->chats().messages(); }
    AccountCache &cache() { return *m_app->accounts().cache(); }

    int rowWithText(const QString &text) { return Testing::rowWithText(messages(), text); }

    void signIn()
    {
        LoginPage *login = m_app->window().loginPage();
        auto *password = child<QLineEdit>(login, "passwordEdit");
        auto *loginEdit = child<QLineEdit>(login, "loginEdit");
        auto *remember = child<QCheckBox>(login, "rememberCheck");
        auto *signInButton = child<QPushButton>(login, "signInButton");
        QVERIFY(password && loginEdit && remember && signInButton);
        QCOMPARE(loginEdit->text(), QStringLiteral("alice@example.org"));
        QTest::keyClicks(password, QStringLiteral("demo"));
        remember->setChecked(false); // this run only: the test needs no keychain
        QTest::mouseClick(signInButton, Qt::LeftButton);
        QVERIFY(waitUntil([&] {
            return m_app->window().isShowingChats() && m_app->accounts().session()
                && m_app->accounts().session()->state() == Session::State::Online;
        }));
    }

    QListView *chatList() { return child<QListView>(m_app->window().chatList(), "listView"); }

    QModelIndex chatRow(const QString &title)
    {
        QAbstractItemModel *model = chatList()->model();
        for (int row = 0; model && row < model->rowCount(); ++row)
            if (model->index(row, 0).data(Qt::DisplayRole).toString() == title)
                return model->index(row, 0);
        return {};
    }

    void openChat(const QString &title)
    {
        QListView *list = chatList();
        QVERIFY(list);
        QVERIFY(waitUntil([&] { return chatRow(title).isValid(); }));
        const QModelIndex found = chatRow(title);
        list->scrollTo(found);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(found).center());
        QVERIFY(waitUntil([&] {
            return m_app->chats().openFlowId() == found.data(FlowListModel::FlowIdRole).toString();
        }));
        QVERIFY(waitUntil([&] { return messages().rowCount() > 0; }));
    }

    std::unique_ptr<DistetClient> otherUser(const QString &email)
    {
        auto client = std::make_unique<DistetClient>();
        client->connectToServer(m_server->url());
        if (!finish(*client, client->login({ email, QStringLiteral("demo"), {}, {} })))
            return nullptr;
        return client;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_server = std::make_unique<TestServer>(Protocol::Distet);
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
        m_server->seedDemo();
        m_server->store().createUser(QStringLiteral("dave"), QStringLiteral("demo"),
            QStringLiteral("Dave Grohl"), QStringLiteral("dave@example.org"));
        m_dir = std::make_unique<QTemporaryDir>();
        m_app = startApp(
            *m_server, *m_dir, QStringLiteral("distet"), QStringLiteral("alice@example.org"));
        QVERIFY(m_app);
        signIn();
    }

    void cleanup()
    {
        m_app.reset();
        m_server.reset();
        m_dir.reset();
    }

    void sendsAndSearchesTheServer()
    {
        openChat(QStringLiteral("Alice & Bob"));
        auto *input = child<QPlainTextEdit>(m_app->window().messagePane(), "input");
        QVERIFY(input);
        input->setFocus();
        const QString text = QStringLiteral("Hello over DisTet");
        QTest::keyClicks(input, text);
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(waitUntil([&] { return isSentByServer(messages(), text); }));

        // Search: local results first, then the server's beside them.
        m_app->chats().showSearch();
        SearchPanel *search = m_app->window().searchPanel();
        QCOMPARE(m_app->window().sidePanel(), search);
        auto *edit = child<QLineEdit>(search, "searchEdit");
        auto *results = child<QListView>(search, "resultList");
        QVERIFY(edit && results);
        QTest::keyClicks(edit, QStringLiteral("backoff"));
        QVERIFY(waitUntil([&] {
            QAbstractItemModel *model = results->model();
            for (int row = 0; model && row < model->rowCount(); ++row)
                if (model->index(row, 0).data(SearchResultsModel::ServerResultRole).toBool())
                    return true;
            return false;
        }));
    }

    void friendRequestAcceptedAndBlocking()
    {
        const QString dave = m_server->userIdFor(QStringLiteral("dave"));
        const QString alice = m_server->userIdFor(QStringLiteral("alice"));
        Q_EMIT m_app->window().contactsRequested();
        ContactsPanel *panel = m_app->window().contactsPanel();
        QCOMPARE(m_app->window().sidePanel(), panel);
        QTest::keyClicks(child<QLineEdit>(panel, "addEdit"), dave);
        QTest::keyClicks(child<QLineEdit>(panel, "addNoteEdit"), QStringLiteral("from the app"));
        QTest::mouseClick(child<QPushButton>(panel, "addButton"), Qt::LeftButton);
        auto *outgoing = child<QListView>(panel, "outgoingView");
        QVERIFY(waitUntil([&] { return outgoing->model()->rowCount() == 1; }));
        QCOMPARE(cache().contacts().contacts(Contact::Kind::Outgoing).first().userId, dave);

        // Dave accepts from his own client; Alice's friends list follows the server.
        auto daveClient = otherUser(QStringLiteral("dave@example.org"));
        QVERIFY(daveClient);
        QVERIFY(finish(*daveClient, daveClient->acceptFriend(alice)));
        m_app->accounts().session()->refreshContacts();
        auto *friends = child<QListView>(panel, "friendsView");
        QVERIFY(waitUntil([&] { return friends->model()->rowCount() == 1; }));
        QCOMPARE(outgoing->model()->rowCount(), 0);

        // Block Carol by id, then unblock her from the blocked list.
        const QString carol = m_server->userIdFor(QStringLiteral("carol"));
        QTest::keyClicks(child<QLineEdit>(panel, "blockEdit"), carol);
        QTest::mouseClick(child<QPushButton>(panel, "blockButton"), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return cache().contacts().isBlocked(carol); }));
        auto *blocked = child<QListView>(panel, "blockedView");
        QVERIFY(waitUntil([&] { return blocked->model()->rowCount() == 1; }));
        blocked->setCurrentIndex(blocked->model()->index(0, 0));
        auto *unblock = child<QPushButton>(panel, "unblockButton");
        QVERIFY(waitUntil([&] { return unblock->isEnabled(); }, 2000));
        QTest::mouseClick(unblock, Qt::LeftButton);
        QVERIFY(waitUntil([&] { return !cache().contacts().isBlocked(carol); }));
    }

    void groupInfoRenamesAddsAndKicks()
    {
        openChat(QStringLiteral("Natter team"));
        const QString flowId = m_app->chats().openFlowId();
        // A click on the header's title opens the group's info.
        auto *title = child<QLabel>(m_app->window().messagePane(), "titleLabel");
        QVERIFY(title);
        QTest::mouseClick(title, Qt::LeftButton);
        GroupInfoDialog *dialog = m_app->window().findChild<GroupInfoDialog *>();
        QVERIFY(dialog);
        QVERIFY(waitUntil([&] { return dialog->isVisible(); }, 2000));
        QCOMPARE(dialog->flowId(), flowId);
        auto *members = child<QListView>(dialog, "memberList");
        QVERIFY(waitUntil([&] { return members->model() && members->model()->rowCount() == 3; }));

        // Rename: the chat list shows the new title once the server has it.
        auto *titleEdit = child<QLineEdit>(dialog, "titleEdit");
        titleEdit->selectAll();
        QTest::keyClicks(titleEdit, QStringLiteral("Natter core team"));
        QTest::keyClick(titleEdit, Qt::Key_Return);
        QVERIFY(waitUntil([&] { return chatRow(QStringLiteral("Natter core team")).isValid(); }));
        QCOMPARE(m_server->store().flowByUuid(flowId)->title, QStringLiteral("Natter core team"));
        QVERIFY(waitUntil([&] { return !dialog->isBusy(); }));
        // And the open chat's header follows without reopening it.
        QCOMPARE(m_app->window()
                     .messagePane()
                     ->findChild<QLabel *>(QStringLiteral("titleLabel"))
                     ->text(),
            QStringLiteral("Natter core team"));

        // Add Dave by id, then remove him again.
        const QString dave = m_server->userIdFor(QStringLiteral("dave"));
        QTest::mouseClick(child<QPushButton>(dialog, "addMembersButton"), Qt::LeftButton);
        auto *addEdit = child<QLineEdit>(dialog, "addEdit");
        QTest::keyClicks(addEdit, dave);
        QTest::keyClick(addEdit, Qt::Key_Return);
        QVERIFY(waitUntil([&] { return members->model()->rowCount() == 4; }));
        const qint64 serverFlow = m_server->store().flowByUuid(flowId)->id;
        QVERIFY(m_server->store().isMember(serverFlow, dave.toLongLong()));
        QVERIFY(waitUntil([&] { return !dialog->isBusy(); }));

        auto *model = qobject_cast<MemberListModel *>(members->model());
        QVERIFY(model);
        QVERIFY(waitUntil([&] {
            return model->index(model->rowOf(dave)).data(MemberListModel::NameRole).toString()
                == QLatin1String("Dave Grohl");
        }));
        dialog->setKickConfirmation([](const QString &) { return true; });
        members->setFocus();
        members->setCurrentIndex(model->index(model->rowOf(dave)));
        QTest::keyClick(members, Qt::Key_Delete);
        QVERIFY(waitUntil([&] { return members->model()->rowCount() == 3; }));
        QVERIFY(!m_server->store().isMember(serverFlow, dave.toLongLong()));

        // Esc closes it; Chat > Group info… (Ctrl+I) opens it again.
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(waitUntil([&] { return !m_app->window().findChild<GroupInfoDialog *>(); }, 2000));
        auto *action = m_app->window().findChild<QAction *>(QStringLiteral("actionGroupInfo"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));
        action->trigger();
        QVERIFY(waitUntil(
            [&] {
                auto *again = m_app->window().findChild<GroupInfoDialog *>();
                return again && again->isVisible();
            },
            2000));

        // The chat's own menu, Members…, opens the same dialog.
        QTest::keyClick(m_app->window().findChild<GroupInfoDialog *>(), Qt::Key_Escape);
        QVERIFY(waitUntil([&] { return !m_app->window().findChild<GroupInfoDialog *>(); }, 2000));
        auto *membersAction
            = m_app->window().messagePane()->findChild<QAction *>(QStringLiteral("membersAction"));
        QVERIFY(membersAction && membersAction->isVisible());
        membersAction->trigger();
        QVERIFY(waitUntil(
            [&] {
                auto *dialog = m_app->window().findChild<GroupInfoDialog *>();
                return dialog && dialog->isVisible();
            },
            2000));
    }
};

QTEST_MAIN(TestAppDistet)
#include "tst_appdistet.moc"
