// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/inputvalidation.h"
#include "ui/serverprofiledialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <QUuid>

using namespace Natter;

namespace {

template <typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

ServerProfile profile(const QString &id, const QString &url, const QString &protocol = {})
{
    ServerProfile p;
    p.id = id;
    p.name = id;
    p.url = url;
    if (!protocol.isEmpty())
        p.protocol = protocol;
    return p;
}

void selectProtocol(ServerProfileDialog &dialog, const QString &name)
{
    auto *combo = child<QComboBox>(&dialog, "protocolCombo");
    const int index = combo->findData(name);
    QVERIFY2(index >= 0, qPrintable(name));
    combo->setCurrentIndex(index);
}

void retype(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestServerProfileDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void urlValidation_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ws") << QStringLiteral("ws://127.0.0.1:8080") << true;
        QTest::newRow("wss path") << QStringLiteral("wss://chat.example.org/ws") << true;
        QTest::newRow("http") << QStringLiteral("http://localhost:9000") << true;
        QTest::newRow("https upper") << QStringLiteral("HTTPS://Example.org") << true;
        QTest::newRow("spaces trimmed") << QStringLiteral("  wss://a.b  ") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("no scheme") << QStringLiteral("chat.example.org") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://example.org") << false;
        QTest::newRow("no host") << QStringLiteral("wss://") << false;
        QTest::newRow("file-like") << QStringLiteral("http:///path") << false;
    }
    void urlValidation()
    {
        QFETCH(QString, url);
        QFETCH(bool, valid);
        QCOMPARE(InputValidation::isValidServerUrl(url), valid);
    }

    void addEditRemoveRoundTrip()
    {
        const ServerProfile first
            = profile(QStringLiteral("one"), QStringLiteral("ws://a.example"));
        ServerProfileDialog dialog({ first });
        dialog.show();
        QCOMPARE(dialog.currentId(), QStringLiteral("one"));
        auto *list = child<QListWidget>(&dialog, "profileList");
        auto *remove = child<QPushButton>(&dialog, "removeButton");
        QVERIFY(!remove->isEnabled());
        QVERIFY(!dialog.removeProfile()); // the last profile stays
        QCOMPARE(dialog.profiles().size(), 1);

        QTest::mouseClick(child<QPushButton>(&dialog, "addButton"), Qt::LeftButton);
        QCOMPARE(dialog.profiles().size(), 2);
        QCOMPARE(list->count(), 2);
        const QString newId = dialog.currentId();
        QVERIFY(!QUuid::fromString(newId).isNull());
        QVERIFY(newId != QStringLiteral("one"));
        retype(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("Work"));
        retype(child<QLineEdit>(&dialog, "urlEdit"), QStringLiteral("https://work.example.org"));
        selectProtocol(dialog, QStringLiteral("distet"));
        retype(child<QLineEdit>(&dialog, "certHashEdit"), QStringLiteral("abc123"));
        QCOMPARE(list->item(1)->text(), QStringLiteral("Work"));

        ServerProfile added = dialog.profiles().at(1);
        QCOMPARE(added.id, newId);
        QCOMPARE(added.name, QStringLiteral("Work"));
        QCOMPARE(added.url, QStringLiteral("https://work.example.org"));
        QCOMPARE(added.protocol, QStringLiteral("distet"));
        QCOMPARE(added.clientCertHash, QStringLiteral("abc123"));
        QCOMPARE(dialog.profiles().at(0), first); // untouched

        // Switching rows shows each profile's own values.
        list->setCurrentRow(0);
        QCOMPARE(child<QLineEdit>(&dialog, "urlEdit")->text(), first.url);
        QCOMPARE(child<QComboBox>(&dialog, "protocolCombo")->currentData().toString(),
            QStringLiteral("auto"));
        list->setCurrentRow(1);

        QTest::mouseClick(child<QPushButton>(&dialog, "duplicateButton"), Qt::LeftButton);
        QCOMPARE(dialog.profiles().size(), 3);
        const ServerProfile copy = dialog.profiles().at(2);
        QVERIFY(copy.id != added.id);
        QCOMPARE(copy.url, added.url);
        QCOMPARE(copy.protocol, added.protocol);
        QCOMPARE(dialog.currentId(), copy.id);

        QVERIFY(remove->isEnabled());
        list->setCurrentRow(0);
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(dialog.profiles().size(), 2);
        QCOMPARE(dialog.profiles().at(0).id, newId);
        // Delete on the list removes too.
        list->setCurrentRow(1);
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(dialog.profiles().size(), 1);
        QCOMPARE(dialog.profiles().at(0).id, newId);
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(dialog.profiles().size(), 1); // never the last one

        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void invalidUrlIsShownAndRefused()
    {
        ServerProfileDialog dialog(
            { profile(QStringLiteral("one"), QStringLiteral("ws://a.example")) });
        dialog.show();
        auto *message = child<QLabel>(&dialog, "urlMessage");
        auto *ok = child<QDialogButtonBox>(&dialog, "buttonBox")->button(QDialogButtonBox::Ok);
        QVERIFY(!message->isVisible());
        QVERIFY(ok->isEnabled());
        retype(child<QLineEdit>(&dialog, "urlEdit"), QStringLiteral("ftp://a.example"));
        QVERIFY(message->isVisible());
        QCOMPARE(
            message->text(), InputValidation::serverUrlProblem(QStringLiteral("ftp://a.example")));
        QVERIFY(!ok->isEnabled());

        // A second, invalid profile blocks accepting even while a valid one is selected.
        retype(child<QLineEdit>(&dialog, "urlEdit"), QStringLiteral("wss://a.example"));
        QVERIFY(!message->isVisible());
        dialog.addProfile();
        child<QListWidget>(&dialog, "profileList")->setCurrentRow(0);
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.currentId(), dialog.profiles().at(1).id);
    }

    void hashFieldVisibility_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<bool>("shown");
        QTest::newRow("distet") << QStringLiteral("https://d.example") << QStringLiteral("distet")
                                << true;
        QTest::newRow("auto http")
            << QStringLiteral("http://d.example") << QStringLiteral("auto") << true;
        QTest::newRow("auto ws") << QStringLiteral("ws://m.example") << QStringLiteral("auto")
                                 << false;
        QTest::newRow("morelia") << QStringLiteral("wss://m.example") << QStringLiteral("morelia")
                                 << false;
        QTest::newRow("wsmode") << QStringLiteral("ws://m.example") << QStringLiteral("wsmode")
                                << false;
    }
    void hashFieldVisibility()
    {
        QFETCH(QString, url);
        QFETCH(QString, protocol);
        QFETCH(bool, shown);
        QCOMPARE(ServerProfileDialog::usesClientCertHash(protocol, url), shown);
        ServerProfileDialog dialog(
            { profile(QStringLiteral("p"), QStringLiteral("ws://x.example")) });
        dialog.show();
        retype(child<QLineEdit>(&dialog, "urlEdit"), url);
        selectProtocol(dialog, protocol);
        QCOMPARE(child<QLineEdit>(&dialog, "certHashEdit")->isVisible(), shown);
        QCOMPARE(child<QLabel>(&dialog, "certHashLabel")->isVisible(), shown);
    }

    void protocolChoicesAreProtocolNames()
    {
        const auto choices = ServerProfileDialog::protocolChoices();
        QVERIFY(!choices.isEmpty());
        QCOMPARE(choices.first().first, QStringLiteral("auto"));
        ServerProfileDialog dialog(
            { profile(QStringLiteral("p"), QStringLiteral("ws://x.example")) });
        auto *combo = child<QComboBox>(&dialog, "protocolCombo");
        QCOMPARE(combo->count(), choices.size());
        for (int i = 0; i < combo->count(); ++i)
            QCOMPARE(combo->itemData(i).toString(), choices.at(i).first);
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("NATTER_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set NATTER_SCREENSHOT_DIR to render the dialog");
        ServerProfile distet = profile(QStringLiteral("DisTet at work"),
            QStringLiteral("https://distet.example.org"), QStringLiteral("distet"));
        distet.pinnedCertificate = QString(64, QLatin1Char('a'));
        ServerProfileDialog dialog({ ServerProfile::localDemo(), distet });
        dialog.selectProfile(distet.id);
        dialog.show();
        QCoreApplication::processEvents();
        dialog.grab().save(dir + QStringLiteral("/serverprofiledialog.png"));
        retype(child<QLineEdit>(&dialog, "urlEdit"), QStringLiteral("distet.example.org"));
        QCoreApplication::processEvents();
        dialog.grab().save(dir + QStringLiteral("/serverprofiledialog-invalid.png"));
    }

    void forgetPinnedCertificate()
    {
        ServerProfile pinned = profile(QStringLiteral("p"), QStringLiteral("wss://x.example"));
        pinned.pinnedCertificate = QStringLiteral("ab01ff");
        ServerProfileDialog dialog(
            { pinned, profile(QStringLiteral("q"), QStringLiteral("ws://y")) });
        dialog.show();
        auto *forget = child<QPushButton>(&dialog, "forgetButton");
        auto *field = child<QLineEdit>(&dialog, "pinnedEdit");
        QVERIFY(field->isReadOnly());
        QCOMPARE(field->text(), QStringLiteral("AB:01:FF"));
        QVERIFY(forget->isVisible());
        QTest::mouseClick(forget, Qt::LeftButton);
        QVERIFY(dialog.profiles().at(0).pinnedCertificate.isEmpty());
        QVERIFY(field->text().isEmpty());
        QVERIFY(!forget->isVisible());
        dialog.selectProfile(QStringLiteral("q"));
        QCOMPARE(dialog.currentId(), QStringLiteral("q"));
        QVERIFY(!forget->isVisible());
    }
};

QTEST_MAIN(TestServerProfileDialog)
#include "tst_serverprofiledialog.moc"
