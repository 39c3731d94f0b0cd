// SPDX-License-Identifier: GPL-3.0-or-later
// DistetClient group management against the in-process DisTet server: rename, privacy, photo
// (ChangeDialog), add (ChangeDialog IdUsers), kick (KickUser), list (GetUsersDialog), each read
// back from the server with GetDialogs / GetUsersDialog.
#include "clientharness.h"
#include "protocol/distet/distetclient.h"
#include "protocol/distet/distetcodec.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Natter;
using namespace Natter::Testing;

namespace {
const QByteArray kPng = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUl"
                                               "EQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

QStringList membersOf(DistetClient &client, const QString &flowId, Outcome *outcome = nullptr)
{
    QStringList members;
    auto c = QObject::connect(&client, &ProtocolClient::membersReceived,
        [&](RequestId, const QString &flow, const QStringList &ids) {
            if (flow == flowId)
                members = ids;
        });
    const Outcome out = awaitRequest(client, client.fetchMembers(flowId));
    QObject::disconnect(c);
    if (outcome)
        *outcome = out;
    return members;
}

std::optional<Flow> flowOf(DistetClient &client, const QString &flowId)
{
    const Outcome out = awaitRequest(client, client.fetchFlows());
    for (const Flow &f : out.flows)
        if (f.id == flowId)
            return f;
    return std::nullopt;
}
} // namespace

class TestDistetGroups : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QString m_team;

    std::unique_ptr<DistetClient> loggedIn(const QString &email)
    {
        auto c = std::make_unique<DistetClient>();
        c->setRequestTimeout(20000);
        if (!connectAndWait(*c, m_server->url()))
            return nullptr;
        const Outcome out = awaitRequest(*c, c->login({ email, QStringLiteral("demo"), {}, {} }));
        return out.ok() ? std::move(c) : nullptr;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>(Protocol::Distet);
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0), qPrintable(m_server->errorString()));
        m_server->seedDemo();
        auto alice = loggedIn(QStringLiteral("alice@example.org"));
        QVERIFY(alice);
        const Outcome flows = awaitRequest(*alice, alice->fetchFlows());
        QVERIFY(flows.ok());
        m_team.clear();
        for (const Flow &f : flows.flows)
            if (f.title == QLatin1String("Natter team"))
                m_team = f.id;
        QVERIFY(!m_team.isEmpty());
    }
    void cleanup() { m_server.reset(); }

    void capabilityIsDistetOnly()
    {
        DistetClient distet;
        QVERIFY(distet.capabilities().manageGroups);
    }

    void changeDialogEncodesOnlyWhatIsSet()
    {
        Distet::Request request = Distet::simpleRequest(Distet::Path::ChangeDialog, {});
        Distet::DialogSpec dialog;
        dialog.key = QStringLiteral("k1");
        dialog.isPrivate = true;
        request.dialog = dialog;
        const QJsonObject sent
            = Distet::encodeRequest(request).value(QLatin1String("dialog")).toObject();
        QCOMPARE(sent.value(QLatin1String("private")).toString(), QStringLiteral("true"));
        QCOMPARE(sent.value(QLatin1String("pkDialog")).toString(), QStringLiteral("k1"));
        QVERIFY(!sent.contains(QLatin1String("name")));
        QVERIFY(!sent.contains(QLatin1String("photo")));
    }

    void dialogsDecodePhotoKeyAndPrivacy()
    {
        const QJsonObject withPhoto { { QStringLiteral("hash"), QStringLiteral("a") },
            { QStringLiteral("name"), QStringLiteral("A") },
            { QStringLiteral("photo"), QStringLiteral("p1") },
            { QStringLiteral("Private"), QStringLiteral("true") } };
        const QJsonObject plain { { QStringLiteral("hash"), QStringLiteral("b") },
            { QStringLiteral("photo"), QString() } };
        QJsonObject reply;
        reply.insert(QStringLiteral("Dialogs"), QJsonArray({ withPhoto, plain }));
        QHash<QString, QString> keys;
        const Result<QList<Flow>> flows = Distet::decodeDialogs(reply, &keys);
        QVERIFY(flows);
        QCOMPARE(flows->size(), 2);
        QCOMPARE(flows->at(0).isPrivate, std::optional<bool>(true));
        QCOMPARE(flows->at(1).isPrivate, std::nullopt); // the seed's reply has no "private"
        QCOMPARE(keys.value(QStringLiteral("a")), QStringLiteral("p1"));
        QVERIFY(!keys.contains(QStringLiteral("b")));
    }

    void renameAndPrivacy()
    {
        auto alice = loggedIn(QStringLiteral("alice@example.org"));
        auto bob = loggedIn(QStringLiteral("bob@example.org"));
        QVERIFY(alice && bob);
        QCOMPARE(flowOf(*alice, m_team)->isPrivate, std::optional<bool>(false));

        FlowChange rename;
        rename.title = QStringLiteral("Natter core team");
        const Outcome renamed = awaitRequest(*alice, alice->changeFlow(m_team, rename));
        QVERIFY2(renamed.ok(), qPrintable(renamed.error.message));
        // Another member sees the server's new state.
        QCOMPARE(flowOf(*bob, m_team)->title, QStringLiteral("Natter core team"));

        FlowChange privacy;
        privacy.isPrivate = true;
        QVERIFY(awaitRequest(*alice, alice->changeFlow(m_team, privacy)).ok());
        const std::optional<Flow> after = flowOf(*bob, m_team);
        QCOMPARE(after->isPrivate, std::optional<bool>(true));
        QCOMPARE(after->title, QStringLiteral("Natter core team")); // untouched by the second
        privacy.isPrivate = false;
        QVERIFY(awaitRequest(*alice, alice->changeFlow(m_team, privacy)).ok());
        QCOMPARE(flowOf(*bob, m_team)->isPrivate, std::optional<bool>(false));
    }

    void refusals()
    {
        auto alice = loggedIn(QStringLiteral("alice@example.org"));
        QVERIFY(alice);
        FlowChange empty;
        QCOMPARE(awaitRequest(*alice, alice->changeFlow(m_team, empty)).error.code,
            Error::Code::InvalidArgument);
        FlowChange blank;
        blank.title = QStringLiteral("  ");
        QCOMPARE(awaitRequest(*alice, alice->changeFlow(m_team, blank)).error.code,
            Error::Code::InvalidArgument);
        FlowChange rename;
        rename.title = QStringLiteral("x");
        QCOMPARE(awaitRequest(*alice, alice->changeFlow(QStringLiteral("nope"), rename)).error.code,
            Error::Code::NotFound);
        // Adding a user who does not exist is refused and adds nobody.
        QCOMPARE(
            awaitRequest(*alice, alice->addMembers(m_team, { QStringLiteral("9999") })).error.code,
            Error::Code::NotFound);
        QCOMPARE(membersOf(*alice, m_team).size(), 3);
    }

    void photoIsUploadedThenShown()
    {
        auto alice = loggedIn(QStringLiteral("alice@example.org"));
        QVERIFY(alice);
        FlowChange photo;
        photo.photo = kPng;
        photo.photoExtension = QStringLiteral("png");
        const Outcome changed = awaitRequest(*alice, alice->changeFlow(m_team, photo));
        QVERIFY2(changed.ok(), qPrintable(changed.error.message));
        // A fresh client has no media cache: the photo comes back through GetDialogs + GetMedia.
        auto carol = loggedIn(QStringLiteral("carol@example.org"));
        QVERIFY(carol);
        const std::optional<Flow> seen = flowOf(*carol, m_team);
        QVERIFY(seen);
        QCOMPARE(seen->photo, kPng);
        QCOMPARE(seen->title, QStringLiteral("Natter team"));
    }

    void pollsBringAPhotoSomeoneElseSet()
    {
        auto alice = loggedIn(QStringLiteral("alice@example.org"));
        auto carol = loggedIn(QStringLiteral("carol@example.org"));
        QVERIFY(alice && carol);
        QVERIFY(flowOf(*carol, m_team)); // carol knows the group, without a photo yet
        FlowChange photo;
        photo.photo = kPng;
        photo.photoExtension = QStringLiteral("png");
        QVERIFY(awaitRequest(*alice, alice->changeFlow(m_team, photo)).ok());
        // Carol's next poll (GetDialogs alone, no full fetch) carries the new photo.
        const Outcome polled = awaitRequest(*carol, carol->fetchUpdates(0));
        QVERIFY(polled.ok());
        QByteArray seen;
        for (const Flow &f : polled.flows)
            if (f.id == m_team)
                seen = f.photo;
        QCOMPARE(seen, kPng);
    }

    void pollsKeepGroupsGroups()
    {
        auto alice = loggedIn(QStringLiteral("alice@example.org"));
        QVERIFY(alice);
        QCOMPARE(flowOf(*alice, m_team)->type, Flow::Type::Group);
        // GetDialogs alone does not say who is in a dialog: a poll keeps the learnt type.
        const Outcome polled = awaitRequest(*alice, alice->fetchUpdates(0));
        QVERIFY(polled.ok());
        bool seen = false;
        for (const Flow &f : polled.flows)
            if (f.id == m_team) {
                seen = true;
                QCOMPARE(f.type, Flow::Type::Group);
            }
        QVERIFY(seen);
    }

    void addKickAndList()
    {
        auto alice = loggedIn(QStringLiteral("alice@example.org"));
        QVERIFY(alice);
        const QString dave = m_server->createUser(QStringLiteral("dave"), QStringLiteral("demo"));
        QVERIFY(!dave.isEmpty());
        const QString daveId = m_server->userIdFor(QStringLiteral("dave"));
        QVERIFY(!membersOf(*alice, m_team).contains(daveId));
        QVERIFY(awaitRequest(*alice, alice->addMembers(m_team, { daveId })).ok());
        Outcome listed;
        const QStringList members = membersOf(*alice, m_team, &listed);
        QVERIFY(listed.ok());
        QCOMPARE(members.size(), 4);
        QVERIFY(members.contains(daveId));
        QVERIFY(awaitRequest(*alice, alice->kickMember(m_team, daveId)).ok());
        QCOMPARE(membersOf(*alice, m_team).size(), 3);
        QVERIFY(!membersOf(*alice, m_team).contains(daveId));
        // Kicking someone who is not a member is refused.
        QCOMPARE(awaitRequest(*alice, alice->kickMember(m_team, daveId)).error.code,
            Error::Code::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestDistetGroups)
#include "tst_distetgroups.moc"
