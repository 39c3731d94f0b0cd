// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatfixture.h"
#include "ui/connectionbanner.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Natter;
using namespace Natter::Test;
using State = Session::State;

class TestConnectionBanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void visibilityPerState_data()
    {
        QTest::addColumn<State>("state");
        QTest::addColumn<bool>("shown");
        QTest::addColumn<bool>("retry");
        QTest::addColumn<bool>("signIn");
        QTest::newRow("online") << State::Online << false << false << false;
        QTest::newRow("connecting") << State::Connecting << true << false << false;
        QTest::newRow("syncing") << State::Syncing << true << false << false;
        QTest::newRow("offline") << State::Offline << true << true << false;
        QTest::newRow("reconnecting") << State::Reconnecting << true << true << false;
        QTest::newRow("auth failed") << State::AuthFailed << true << false << true;
    }

    void visibilityPerState()
    {
        QFETCH(State, state);
        QFETCH(bool, shown);
        QFETCH(bool, retry);
        QFETCH(bool, signIn);
        ConnectionBanner banner;
        banner.setState(State::Connecting); // from another state, not the initial one
        banner.setState(state, 5000);
        QCOMPARE(!banner.isHidden(), shown);
        QCOMPARE(
            !banner.findChild<QPushButton *>(QStringLiteral("retryButton"))->isHidden(), retry);
        QCOMPARE(
            !banner.findChild<QPushButton *>(QStringLiteral("signInButton"))->isHidden(), signIn);
        QCOMPARE(banner.message().isEmpty(), !shown);
    }

    void syncProgress()
    {
        ConnectionBanner banner;
        banner.setState(State::Syncing);
        QCOMPARE(banner.message(), QStringLiteral("Updating…"));
        banner.setSyncProgress(3, 12);
        QCOMPARE(banner.message(), QStringLiteral("Updating… 3 of 12 chats"));
    }

    void countdownDecreases()
    {
        ConnectionBanner banner;
        banner.setState(State::Reconnecting, 3000);
        QCOMPARE(banner.message(), QStringLiteral("Waiting for network. Reconnecting in 3 s"));
        QTRY_COMPARE_WITH_TIMEOUT(
            banner.message(), QStringLiteral("Waiting for network. Reconnecting in 2 s"), 1600);
        QTRY_COMPARE_WITH_TIMEOUT(
            banner.message(), QStringLiteral("Waiting for network. Reconnecting in 1 s"), 1600);
    }

    void buttonsEmit()
    {
        ConnectionBanner banner;
        QSignalSpy retry(&banner, &ConnectionBanner::retryRequested);
        QSignalSpy signIn(&banner, &ConnectionBanner::signInRequested);
        banner.setState(State::Reconnecting, 10000);
        QTest::mouseClick(
            banner.findChild<QPushButton *>(QStringLiteral("retryButton")), Qt::LeftButton);
        QCOMPARE(retry.count(), 1);
        banner.setState(State::AuthFailed);
        QTest::mouseClick(
            banner.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
        QCOMPARE(signIn.count(), 1);
        QCOMPARE(retry.count(), 1);
    }

    void errorDetail()
    {
        ConnectionBanner banner;
        auto *detail = banner.findChild<QLabel *>(QStringLiteral("detailLabel"));
        banner.setState(State::Offline);
        QVERIFY(detail->isHidden());
        banner.setError(Error::make(Error::Code::NetworkUnreachable, QStringLiteral("no route")));
        QVERIFY(!detail->isHidden());
        QVERIFY(detail->text().contains(QStringLiteral("cannot be reached")));
        banner.setState(State::Online);
        banner.setState(State::Offline);
        QVERIFY(detail->isHidden()); // Online forgot the old error
    }

    void screenshots()
    {
        for (const bool dark : { false, true }) {
            QApplication::setPalette(testPalette(dark));
            QWidget window;
            auto *layout = new QVBoxLayout(&window);
            layout->setContentsMargins(0, 0, 0, 0);
            layout->setSpacing(0);
            QList<ConnectionBanner *> banners;
            for (int i = 0; i < 4; ++i)
                layout->addWidget(banners.emplace_back(new ConnectionBanner(&window)));
            banners[0]->setState(State::Connecting);
            banners[1]->setState(State::Syncing);
            banners[1]->setSyncProgress(4, 17);
            banners[2]->setState(State::Reconnecting, 12000);
            banners[2]->setError(Error::make(Error::Code::ConnectionLost, {}));
            banners[3]->setState(State::AuthFailed);
            window.resize(640, window.sizeHint().height());
            const QImage shot = window.grab().toImage();
            QVERIFY(!shot.isNull());
            saveShot(shot, dark ? QStringLiteral("banner-dark") : QStringLiteral("banner-light"));
        }
        QApplication::setPalette(testPalette(false));
    }
};

QTEST_MAIN(TestConnectionBanner)
#include "tst_connectionbanner.moc"
