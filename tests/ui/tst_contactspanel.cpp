// SPDX-License-Identifier: GPL-3.0-or-later
#include "../models/modelfixture.h"
#include "models/contactlistmodel.h"
#include "ui/contactspanel.h"
#include "ui/theme.h"

#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>

using namespace Natter;
using namespace Natter::Test;

namespace {

Contact contact(const QString &userId, Contact::Kind kind, qint64 added, const QString &note = {},
    const QString &name = {})
{
    Contact c;
    c.userId = userId;
    c.kind = kind;
    c.added = added;
    c.note = note;
    c.name = name;
    return c;
}

bool seed(AccountCache &cache)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 day = 24 * 3600 * 1000;
    ContactStore &contacts = cache.contacts();
    return cache.users()
               .upsertUsers({ makeUser(
                   QStringLiteral("u2"), QStringLiteral("bob"), QStringLiteral("Bob Stone")) })
               .isNone()
        && contacts
               .replaceContacts(Contact::Kind::Friend,
                   { contact(QStringLiteral("u1"), Contact::Kind::Friend, now - 40 * day,
                         QStringLiteral("from school"), QStringLiteral("Ann Lee")),
                       contact(QStringLiteral("u2"), Contact::Kind::Friend, now - 2 * day),
                       contact(QStringLiteral("u6"), Contact::Kind::Friend, now - 400 * day,
                           QStringLiteral("chess club, Tuesdays"),
                           QStringLiteral("Катя Смирнова")) })
               .isNone()
        && contacts
               .replaceContacts(Contact::Kind::Incoming,
                   { contact(QStringLiteral("u3"), Contact::Kind::Incoming, now - 3600 * 1000,
                       QStringLiteral("Hi, we met at the conference"),
                       QStringLiteral("Carol Diaz")) })
               .isNone()
        && contacts
               .replaceContacts(Contact::Kind::Outgoing,
                   { contact(QStringLiteral("u4"), Contact::Kind::Outgoing, now - day, {},
                       QStringLiteral("Dan Brown")) })
               .isNone()
        && contacts.setBlocked(QStringLiteral("u5"), true, true).isNone();
}

template <typename T>
T *child(QWidget *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning() << "no child" << name;
    return found;
}

void select(QWidget *panel, const char *view, int row)
{
    auto *list = child<QListView>(panel, view);
    list->setCurrentIndex(list->model()->index(row, 0));
}

QString rowId(QWidget *panel, const char *view, int row)
{
    return child<QListView>(panel, view)
        ->model()
        ->index(row, 0)
        .data(ContactListModel::UserIdRole)
        .toString();
}

void click(QWidget *panel, const char *button)
{
    auto *b = child<QPushButton>(panel, button);
    QVERIFY(b->isEnabled());
    b->click();
}

} // namespace

class TestContactsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsGoToTheirTabs()
    {
        ModelCache c;
        QVERIFY(c.open());
        QVERIFY(seed(c.cache));
        ContactsPanel panel;
        panel.setCache(&c.cache);
        QCOMPARE(child<QListView>(&panel, "friendsView")->model()->rowCount(), 3);
        QCOMPARE(child<QListView>(&panel, "incomingView")->model()->rowCount(), 1);
        QCOMPARE(child<QListView>(&panel, "outgoingView")->model()->rowCount(), 1);
        QCOMPARE(child<QListView>(&panel, "blockedView")->model()->rowCount(), 1);
        QCOMPARE(rowId(&panel, "incomingView", 0), QStringLiteral("u3"));
        QCOMPARE(rowId(&panel, "outgoingView", 0), QStringLiteral("u4"));
        QCOMPARE(rowId(&panel, "blockedView", 0), QStringLiteral("u5"));
        QVERIFY(!child<QLabel>(&panel, "friendsEmptyLabel")->isVisibleTo(&panel));
        auto *tabs = child<QTabWidget>(&panel, "tabs");
        QCOMPARE(tabs->tabText(1), QStringLiteral("Requests (1)"));
        panel.showTab(ContactsPanel::Tab::Blacklist);
        QCOMPARE(tabs->currentIndex(), 2);
        QCOMPARE(panel.currentTab(), ContactsPanel::Tab::Blacklist);

        // A list that empties shows its empty state.
        QVERIFY(c.cache.contacts().setBlocked(QStringLiteral("u5"), false).isNone());
        QVERIFY(child<QLabel>(&panel, "blockedEmptyLabel")->isVisibleTo(&panel));
        QVERIFY(!child<QListView>(&panel, "blockedView")->isVisibleTo(&panel));
    }

    void emptyStates()
    {
        ModelCache c;
        QVERIFY(c.open());
        ContactsPanel panel;
        panel.setCache(&c.cache);
        // Pages of tabs not shown are hidden as a whole: ask each widget for its own state.
        QVERIFY(!child<QLabel>(&panel, "friendsEmptyLabel")->isHidden());
        QVERIFY(!child<QLabel>(&panel, "requestsEmptyLabel")->isHidden());
        QVERIFY(!child<QLabel>(&panel, "blockedEmptyLabel")->isHidden());
        QVERIFY(child<QListView>(&panel, "friendsView")->isHidden());
        QVERIFY(child<QListView>(&panel, "incomingView")->isHidden());
        QVERIFY(child<QListView>(&panel, "outgoingView")->isHidden());
        QCOMPARE(child<QTabWidget>(&panel, "tabs")->tabText(1), QStringLiteral("Requests"));
    }

    void friendActions()
    {
        ModelCache c;
        QVERIFY(c.open());
        QVERIFY(seed(c.cache));
        ContactsPanel panel;
        panel.setCache(&c.cache);
        QSignalSpy block(&panel, &ContactsPanel::blockRequested);
        QSignalSpy remove(&panel, &ContactsPanel::removeFriendRequested);
        QSignalSpy note(&panel, &ContactsPanel::noteChangeRequested);
        QVERIFY(!child<QPushButton>(&panel, "blockFriendButton")->isEnabled());

        select(&panel, "friendsView", 1);
        const QString id = rowId(&panel, "friendsView", 1);
        click(&panel, "blockFriendButton");
        QCOMPARE(block.size(), 1);
        QCOMPARE(block.at(0).at(0).toString(), id);

        // Removing asks first; Cancel does nothing.
        click(&panel, "removeFriendButton");
        auto *box = panel.findChild<QMessageBox *>();
        QVERIFY(box);
        box->button(QMessageBox::Cancel)->click();
        QCOMPARE(remove.size(), 0);
        QTRY_VERIFY(!panel.findChild<QMessageBox *>());
        click(&panel, "removeFriendButton");
        box = panel.findChild<QMessageBox *>();
        QVERIFY(box);
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                button->click();
        }
        QCOMPARE(remove.size(), 1);
        QCOMPARE(remove.at(0).at(0).toString(), id);
        QTRY_VERIFY(!panel.findChild<QMessageBox *>());

        select(&panel, "friendsView", 0);
        click(&panel, "editNoteButton");
        auto *input = panel.findChild<QInputDialog *>();
        QVERIFY(input);
        input->setTextValue(QStringLiteral("  neighbour "));
        input->accept();
        QCOMPARE(note.size(), 1);
        QCOMPARE(note.at(0).at(0).toString(), rowId(&panel, "friendsView", 0));
        QCOMPARE(note.at(0).at(1).toString(), QStringLiteral("neighbour"));
    }

    void requestAndBlockActions()
    {
        ModelCache c;
        QVERIFY(c.open());
        QVERIFY(seed(c.cache));
        ContactsPanel panel;
        panel.setCache(&c.cache);
        QSignalSpy accept(&panel, &ContactsPanel::acceptRequested);
        QSignalSpy decline(&panel, &ContactsPanel::declineRequested);
        QSignalSpy cancel(&panel, &ContactsPanel::cancelRequestRequested);
        QSignalSpy unblock(&panel, &ContactsPanel::unblockRequested);
        QSignalSpy block(&panel, &ContactsPanel::blockRequested);

        select(&panel, "incomingView", 0);
        click(&panel, "acceptButton");
        click(&panel, "declineButton");
        select(&panel, "outgoingView", 0);
        click(&panel, "cancelRequestButton");
        select(&panel, "blockedView", 0);
        click(&panel, "unblockButton");
        QCOMPARE(accept.value(0).value(0).toString(), QStringLiteral("u3"));
        QCOMPARE(decline.value(0).value(0).toString(), QStringLiteral("u3"));
        QCOMPARE(cancel.value(0).value(0).toString(), QStringLiteral("u4"));
        QCOMPARE(unblock.value(0).value(0).toString(), QStringLiteral("u5"));

        auto *blockButton = child<QPushButton>(&panel, "blockButton");
        QVERIFY(!blockButton->isEnabled());
        child<QLineEdit>(&panel, "blockEdit")->setText(QStringLiteral(" troll "));
        click(&panel, "blockButton");
        QCOMPARE(block.value(0).value(0).toString(), QStringLiteral("troll"));
        QVERIFY(child<QLineEdit>(&panel, "blockEdit")->text().isEmpty());
    }

    void addFriend()
    {
        ContactsPanel panel;
        QSignalSpy add(&panel, &ContactsPanel::addFriendRequested);
        auto *button = child<QPushButton>(&panel, "addButton");
        auto *edit = child<QLineEdit>(&panel, "addEdit");
        QVERIFY(!button->isEnabled());
        edit->setText(QStringLiteral("   "));
        QVERIFY(!button->isEnabled());
        edit->setText(QStringLiteral("alice"));
        QVERIFY(button->isEnabled());
        child<QLineEdit>(&panel, "addNoteEdit")->setText(QStringLiteral("work"));
        button->click();
        QCOMPARE(add.size(), 1);
        QCOMPARE(add.at(0).at(0).toString(), QStringLiteral("alice"));
        QCOMPARE(add.at(0).at(1).toString(), QStringLiteral("work"));
        QVERIFY(edit->text().isEmpty());
        QVERIFY(!button->isEnabled());
    }

    void storageLabelAndClose()
    {
        ContactsPanel panel;
        auto *label = child<QLabel>(&panel, "storageLabel");
        panel.setServerBacked(false);
        QVERIFY(label->text().contains(QStringLiteral("this device only")));
        panel.setServerBacked(true);
        QCOMPARE(label->text(), QStringLiteral("Synced with the server"));

        panel.showError(Error::make(Error::Code::NotFound, QStringLiteral("no such user")));
        QVERIFY(child<QLabel>(&panel, "errorLabel")->isVisibleTo(&panel));
        QVERIFY(!child<QLabel>(&panel, "errorLabel")->text().isEmpty());
        panel.clearError();
        QVERIFY(!child<QLabel>(&panel, "errorLabel")->isVisibleTo(&panel));

        QSignalSpy close(&panel, &ContactsPanel::closeRequested);
        QTest::keyClick(child<QLineEdit>(&panel, "addEdit"), Qt::Key_Escape);
        QCOMPARE(close.size(), 1);
        child<QWidget>(&panel, "closeButton")->setProperty("down", false);
        qobject_cast<QAbstractButton *>(child<QWidget>(&panel, "closeButton"))->click();
        QCOMPARE(close.size(), 2);
    }

    /// Renders the panel in both themes when NATTER_SCREENSHOTS names a folder.
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("NATTER_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("set NATTER_SCREENSHOTS to a folder to render screenshots");
        ModelCache c;
        QVERIFY(c.open());
        QVERIFY(seed(c.cache));
        for (const auto theme : { AppSettings::Theme::Light, AppSettings::Theme::Dark }) {
            Theme::apply(theme);
            ContactsPanel panel;
            panel.setCache(&c.cache);
            panel.setServerBacked(false);
            panel.resize(380, 560);
            panel.show();
            select(&panel, "friendsView", 0);
            const QString suffix = theme == AppSettings::Theme::Dark ? QStringLiteral("dark")
                                                                     : QStringLiteral("light");
            QVERIFY(panel.grab().save(
                dir + QStringLiteral("/contacts-friends-") + suffix + QStringLiteral(".png")));
            panel.showTab(ContactsPanel::Tab::Requests);
            QVERIFY(panel.grab().save(
                dir + QStringLiteral("/contacts-requests-") + suffix + QStringLiteral(".png")));
        }
    }
};

QTEST_MAIN(TestContactsPanel)
#include "tst_contactspanel.moc"
