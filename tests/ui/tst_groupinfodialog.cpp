// SPDX-License-Identifier: GPL-3.0-or-later
// GroupInfoDialog over a real cache and MemberListModel: what it shows, what it asks for.
#include "models/memberlistmodel.h"
#include "session/accountcache.h"
#include "ui/groupinfodialog.h"
#include "ui/theme.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QCompleter>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Natter;

namespace {

template <typename T>
T *child(QWidget *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning() << "no child" << name;
    return found;
}

User user(const QString &id, const QString &login, const QString &name)
{
    User u;
    u.id = id;
    u.login = login;
    u.name = name;
    return u;
}

} // namespace

class TestGroupInfoDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<AccountCache> m_cache;
    std::unique_ptr<MemberListModel> m_model;
    Flow m_flow;

    std::unique_ptr<GroupInfoDialog> dialog(bool editable)
    {
        auto d = std::make_unique<GroupInfoDialog>();
        d->setMembersModel(m_model.get());
        d->setFlow(m_flow);
        d->setEditable(editable);
        d->resize(400, 580);
        d->show();
        return d;
    }

private Q_SLOTS:
    void init()
    {
        m_cache = std::make_unique<AccountCache>();
        QVERIFY(
            m_cache
                ->open(m_dir.filePath(
                    QStringLiteral("%1.sqlite").arg(QLatin1String(QTest::currentTestFunction()))))
                .isNone());
        QVERIFY(m_cache->users()
                    .setOwnUser(user(QStringLiteral("1"), QStringLiteral("alice"),
                        QStringLiteral("Alice Liddell")))
                    .isNone());
        QVERIFY(m_cache->users()
                    .upsertUsers({ user(QStringLiteral("2"), QStringLiteral("bob"),
                                       QStringLiteral("Bob Marley")),
                        user(QStringLiteral("3"), QStringLiteral("carol"),
                            QStringLiteral("Carol Danvers")) })
                    .isNone());
        m_flow = {};
        m_flow.id = QStringLiteral("team");
        m_flow.type = Flow::Type::Group;
        m_flow.title = QStringLiteral("Natter team");
        m_flow.owner = QStringLiteral("1");
        m_flow.members = { QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("3") };
        m_flow.isPrivate = false;
        QVERIFY(m_cache->flows().upsertFlows({ m_flow }).isNone());
        m_model = std::make_unique<MemberListModel>();
        new QAbstractItemModelTester(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_model.get());
        m_model->setCache(m_cache.get());
        m_model->setFlow(m_flow.id);
    }
    void cleanup()
    {
        m_model.reset();
        m_cache.reset();
    }

    void modelFollowsTheCache()
    {
        QCOMPARE(m_model->rowCount(), 3);
        // The owner leads; names come from the users the cache knows.
        QCOMPARE(
            m_model->index(0).data(MemberListModel::UserIdRole).toString(), QStringLiteral("1"));
        QVERIFY(m_model->index(0).data(MemberListModel::IsOwnerRole).toBool());
        QVERIFY(m_model->index(0).data(MemberListModel::IsSelfRole).toBool());
        QCOMPARE(m_model->index(1).data(MemberListModel::NameRole).toString(),
            QStringLiteral("Bob Marley"));
        QCOMPARE(
            m_model->index(1).data(MemberListModel::InitialsRole).toString(), QStringLiteral("BM"));
        QVERIFY(!m_model->index(1).data(MemberListModel::IsOwnerRole).toBool());

        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QVERIFY(m_cache->flows()
                    .setMembers(m_flow.id,
                        { QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("4") })
                    .isNone());
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(m_model->rowOf(QStringLiteral("2")), -1);
        QCOMPARE(m_model->index(2).data(MemberListModel::NameRole).toString(), QStringLiteral("4"));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QVERIFY(m_cache->users()
                    .upsertUsers({ user(
                        QStringLiteral("4"), QStringLiteral("dave"), QStringLiteral("Dave")) })
                    .isNone());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(
            m_model->index(2).data(MemberListModel::NameRole).toString(), QStringLiteral("Dave"));
    }

    void readOnlyWithoutManageGroups()
    {
        auto d = dialog(false);
        QVERIFY(child<QLineEdit>(d.get(), "titleEdit")->isReadOnly());
        QCOMPARE(child<QLineEdit>(d.get(), "titleEdit")->text(), QStringLiteral("Natter team"));
        QVERIFY(child<QPushButton>(d.get(), "changePhotoButton")->isHidden());
        QVERIFY(child<QPushButton>(d.get(), "addMembersButton")->isHidden());
        QVERIFY(!child<QCheckBox>(d.get(), "privateCheck")->isEnabled());
        QVERIFY(!child<QToolButton>(d.get(), "photoButton")->isEnabled());
        // Members are still listed, but nobody can be removed.
        QVERIFY(child<QListView>(d.get(), "memberList")->isVisible());
        QCOMPARE(child<QLabel>(d.get(), "countLabel")->text(), QStringLiteral("3 members"));
        QMenu *menu = d->createMemberMenu(m_model->index(1));
        QVERIFY(menu->isEmpty());
        delete menu;
        QSignalSpy kick(d.get(), &GroupInfoDialog::kickRequested);
        d->setKickConfirmation([](const QString &) { return true; });
        auto *list = child<QListView>(d.get(), "memberList");
        list->setCurrentIndex(m_model->index(1));
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(kick.size(), 0);

        d->setMembersListed(false);
        m_model->setFlow(QString());
        QVERIFY(child<QLabel>(d.get(), "emptyLabel")->isVisible());
        QVERIFY(
            child<QLabel>(d.get(), "emptyLabel")->text().contains(QLatin1String("does not list")));
    }

    void renameAndPrivacy()
    {
        auto d = dialog(true);
        QSignalSpy rename(d.get(), &GroupInfoDialog::renameRequested);
        QSignalSpy privacy(d.get(), &GroupInfoDialog::privacyChangeRequested);
        auto *title = child<QLineEdit>(d.get(), "titleEdit");
        auto *save = child<QPushButton>(d.get(), "saveTitleButton");
        QVERIFY(save->isHidden()); // nothing edited
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Core team"));
        QVERIFY(save->isVisible());
        save->click();
        QCOMPARE(rename.size(), 1);
        QCOMPARE(rename.first().first().toString(), QStringLiteral("Core team"));
        // An update from the cache keeps what the user typed but has not saved.
        Flow other = m_flow;
        other.isPrivate = true;
        d->setFlow(other);
        QCOMPARE(title->text(), QStringLiteral("Core team"));
        QVERIFY(child<QCheckBox>(d.get(), "privateCheck")->isChecked());

        child<QCheckBox>(d.get(), "privateCheck")->click();
        QCOMPARE(privacy.size(), 1);
        QCOMPARE(privacy.first().first().toBool(), false);

        title->clear();
        QTest::keyClicks(title, QStringLiteral("  "));
        QVERIFY(!save->isEnabled());
        QTest::keyClick(title, Qt::Key_Return);
        QCOMPARE(rename.size(), 1);
    }

    void photoIsCheckedWithSafeImage()
    {
        auto d = dialog(true);
        QSignalSpy photo(d.get(), &GroupInfoDialog::photoChangeRequested);
        const QString text = m_dir.filePath(QStringLiteral("notes.png"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a picture at all");
        f.close();
        d->setPhotoPicker([&] { return text; });
        child<QPushButton>(d.get(), "changePhotoButton")->click();
        QCOMPARE(photo.size(), 0);
        QVERIFY(child<QLabel>(d.get(), "errorLabel")->isVisible());
        QVERIFY(child<QLabel>(d.get(), "errorLabel")->text().contains(QLatin1String("notes.png")));

        const QString png = m_dir.filePath(QStringLiteral("photo.PNG"));
        QImage image(32, 32, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QVERIFY(image.save(png, "PNG"));
        d->setPhotoPicker([&] { return png; });
        child<QToolButton>(d.get(), "photoButton")->click();
        QCOMPARE(photo.size(), 1);
        QVERIFY(!photo.first().at(0).toByteArray().isEmpty());
        QCOMPARE(photo.first().at(1).toString(), QStringLiteral("png"));
        QVERIFY(child<QLabel>(d.get(), "errorLabel")->isHidden());
    }

    void addMembers()
    {
        auto d = dialog(true);
        d->setCompletions({ QStringLiteral("bob"), QStringLiteral("carol") });
        QSignalSpy add(d.get(), &GroupInfoDialog::addMembersRequested);
        auto *edit = child<QLineEdit>(d.get(), "addEdit");
        QVERIFY(!edit->isVisible());
        child<QPushButton>(d.get(), "addMembersButton")->click();
        QVERIFY(edit->isVisible());
        QCOMPARE(edit->completer()->model()->rowCount(), 2);
        QTest::keyClicks(edit, QStringLiteral("bob, @carol,  ,"));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(add.size(), 1);
        QCOMPARE(add.first().first().toStringList(),
            QStringList({ QStringLiteral("bob"), QStringLiteral("carol") }));
        QVERIFY(edit->text().isEmpty());
    }

    void kickAsksFirst()
    {
        auto d = dialog(true);
        QSignalSpy kick(d.get(), &GroupInfoDialog::kickRequested);
        QStringList asked;
        bool answer = false;
        d->setKickConfirmation([&](const QString &name) {
            asked << name;
            return answer;
        });
        auto *list = child<QListView>(d.get(), "memberList");
        const QModelIndex bob = m_model->index(m_model->rowOf(QStringLiteral("2")));
        list->setCurrentIndex(bob);
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(asked, QStringList { QStringLiteral("Bob Marley") });
        QCOMPARE(kick.size(), 0);
        answer = true;
        QMenu *menu = d->createMemberMenu(bob);
        QAction *action = menu->findChild<QAction *>(QStringLiteral("kickAction"));
        QVERIFY(action);
        action->trigger();
        delete menu;
        QCOMPARE(kick.size(), 1);
        QCOMPARE(kick.first().first().toString(), QStringLiteral("2"));
        // Nobody removes themselves from here.
        QMenu *own = d->createMemberMenu(m_model->index(m_model->rowOf(QStringLiteral("1"))));
        QVERIFY(own->isEmpty());
        delete own;
    }

    void busyErrorAndEscape()
    {
        auto d = dialog(true);
        d->setBusy(true);
        QVERIFY(child<QLabel>(d.get(), "busyLabel")->isVisible());
        QVERIFY(!child<QCheckBox>(d.get(), "privateCheck")->isEnabled());
        QVERIFY(!child<QPushButton>(d.get(), "addMembersButton")->isEnabled());
        d->setBusy(false);
        d->showError(
            Error::make(Error::Code::ServerRefused, QStringLiteral("only the creator may kick")));
        QVERIFY(child<QLabel>(d.get(), "errorLabel")->isVisible());
        QVERIFY(!child<QLabel>(d.get(), "errorLabel")->text().isEmpty());
        d->setBusy(true); // a new request clears the old error
        QVERIFY(child<QLabel>(d.get(), "errorLabel")->isHidden());
        d->setBusy(false);

        QEvent change(QEvent::LanguageChange);
        QApplication::sendEvent(d.get(), &change);
        QCOMPARE(d->windowTitle(), QStringLiteral("Natter team — Group Info"));
        QCOMPARE(child<QLabel>(d.get(), "countLabel")->text(), QStringLiteral("3 members"));

        QVERIFY(d->isVisible());
        QTest::keyClick(d.get(), Qt::Key_Escape);
        QVERIFY(!d->isVisible());
    }

    void screenshots()
    {
        QImage photo(64, 64, QImage::Format_RGB32);
        photo.fill(QColor(0x2a, 0x9d, 0x8f));
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        photo.save(&buffer, "PNG");
        const QString dir = qEnvironmentVariable("NATTER_SCREENSHOT_DIR");
        for (bool dark : { false, true }) {
            auto d = dialog(true);
            if (dark)
                d->setPalette(Theme::darkPalette());
            Flow withPhoto = m_flow;
            if (dark)
                withPhoto.photo = bytes;
            d->setFlow(withPhoto);
            child<QListView>(d.get(), "memberList")->setCurrentIndex(m_model->index(1));
            const QImage shot = d->grab().toImage();
            QVERIFY(!shot.isNull());
            if (!dir.isEmpty())
                shot.save(QDir(dir).filePath(dark ? QStringLiteral("groupinfo-dark.png")
                                                  : QStringLiteral("groupinfo-light.png")));
        }
    }
};

QTEST_MAIN(TestGroupInfoDialog)
#include "tst_groupinfodialog.moc"
