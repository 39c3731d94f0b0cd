// SPDX-License-Identifier: GPL-3.0-or-later
// Limits on what a hostile server can send: list lengths in every codec, decoded attachment size,
// WebSocket frame and DisTet reply size, and file names from servers.
#include "clientharness.h"
#include "protocol/distet/distetclient.h"
#include "protocol/distet/distetcodec.h"
#include "protocol/jsonread.h"
#include "protocol/morelia/moreliaclient.h"
#include "protocol/morelia/moreliacodec.h"
#include "protocol/websockettransport.h"
#include "protocol/wsmode/wsmodecodec.h"
#include "testserver.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Natter;
using namespace Natter::Testing;

namespace {
/// `{"<key>": [<item>,<item>,...]}` with `count` items, built without a QJsonDocument.
QByteArray listFrame(const QByteArray &prefix, qsizetype count, const QByteArray &item,
    const QByteArray &suffix = "]}")
{
    QByteArray frame = prefix;
    frame.reserve(prefix.size() + count * (item.size() + 1) + suffix.size());
    for (qsizetype i = 0; i < count; ++i) {
        if (i)
            frame += ',';
        frame += item;
    }
    return frame + suffix;
}

QByteArray objectWithKeys(qsizetype count)
{
    QByteArray frame = "{";
    for (qsizetype i = 0; i < count; ++i) {
        if (i)
            frame += ',';
        frame += "\"k" + QByteArray::number(i) + "\":0";
    }
    return frame + '}';
}
} // namespace

class TestHostileInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listCapInJsonRead()
    {
        QCOMPARE(Json::kMaxListItems, 100000);
        const QByteArray atCap = listFrame("{\"a\":[", Json::kMaxListItems, "0");
        QVERIFY(Json::parseObject(atCap));
        const auto over = Json::parseObject(listFrame("{\"a\":[", Json::kMaxListItems + 1, "0"));
        QVERIFY(!over);
        QCOMPARE(over.error().code, Error::Code::MalformedFrame);
        QVERIFY2(over.error().message.contains(QLatin1String("more than 100000 entries")),
            qPrintable(over.error().message));
        // Objects count too; commas inside strings and in nested lists do not.
        QVERIFY(!Json::parseObject(objectWithKeys(Json::kMaxListItems + 1)));
        QVERIFY(Json::parseObject(objectWithKeys(Json::kMaxListItems)));
        QVERIFY(Json::parseObject("{\"a\":\"" + QByteArray(300000, ',') + "\"}"));
        QVERIFY(Json::parseObject(listFrame("{\"a\":[", 3, "[0,0,0,0,0]")));
        QVERIFY(Json::parseObject(listFrame("{\"a\":[", 3, "[0,0,0,0,0]"), 64, 5));
        QVERIFY(!Json::parseObject(listFrame("{\"a\":[", 3, "[0,0,0,0,0,0]"), 64, 5));
        QVERIFY(!Json::parseObject(listFrame("{\"a\":[", 6, "1"), 64, 5));
        // Invalid JSON is still the parser's to refuse.
        QVERIFY(!Json::parseObject("{]]]]]]],,,,}"));
    }

    void listCapInEveryCodec()
    {
        const qsizetype n = Json::kMaxListItems + 1;
        const auto morelia = Morelia::decodeEnvelope(listFrame(
            "{\"type\":\"all_messages\",\"data\":{\"message\":[", n, "{}", "]},\"jsonapi\":{}}"));
        QVERIFY(!morelia);
        QCOMPARE(morelia.error().code, Error::Code::MalformedFrame);
        const auto mode
            = WsMode::decodeFrame(listFrame("{\"mode\":\"get_messages\",\"messages\":[", n, "{}"));
        QVERIFY(!mode);
        QCOMPARE(mode.error().code, Error::Code::MalformedFrame);
        const auto distet = Distet::decodeReply(QStringLiteral("GetMessages"),
            listFrame("{\"Status\":{\"code\":200},\"Msg\":[", n, "{}"));
        QVERIFY(!distet);
        QCOMPARE(distet.error().code, Error::Code::MalformedFrame);
    }

    void base64Cap()
    {
        QCOMPARE(Json::kMaxDecodedBytes, 64 * 1024 * 1024);
        const QJsonValue twelve(QStringLiteral("AAAAAAAAAAAAAAAA")); // 12 bytes
        QCOMPARE(Json::base64(twelve, 12)->size(), 12);
        QVERIFY(!Json::base64(twelve, 11));
        QVERIFY(Json::base64Exceeds(twelve, 11));
        QVERIFY(!Json::base64Exceeds(twelve, 12));
        // Line breaks and padding do not count as data.
        const QJsonValue wrapped(QStringLiteral("AAAA\nAAAA\r\nAAAA\nAA=="));
        QCOMPARE(Json::base64(wrapped, 10)->size(), 10);
        QVERIFY(!Json::base64(wrapped, 9));
        QVERIFY(!Json::base64Exceeds(QJsonValue(42), 0));
    }

    void oversizedAttachmentNamesTheLimit()
    {
        // Just over 64 MiB of decoded bytes in one MoreliaTalk file slot (a 86 MiB frame: only
        // the frame limit of the transport is larger).
        QFile fixture(QStringLiteral(NATTER_TEST_DATA "/morelia/malformed/invalid_base64.json"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        QByteArray frame = fixture.readAll();
        const qsizetype digits = (Json::kMaxDecodedBytes / 3 + 1) * 4;
        QVERIFY(frame.contains("@@@ not base64 !!!"));
        frame.replace("@@@ not base64 !!!", QByteArray(digits, 'A'));
        const auto envelope = Morelia::decodeEnvelope(frame);
        QVERIFY2(envelope, qPrintable(envelope ? QString() : envelope.error().message));
        const auto messages = Morelia::decodeMessages(*envelope);
        QVERIFY(!messages);
        QCOMPARE(messages.error().code, Error::Code::MalformedFrame);
        QVERIFY2(messages.error().message.contains(QLatin1String("file_picture: over the")),
            qPrintable(messages.error().message));
    }

    void webSocketFrameCap()
    {
        TestServer server(Protocol::MoreliaR17);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        server.seedDemo();
        auto *transport = new WebSocketTransport;
        transport->setMaxFrameBytes(2048);
        MoreliaClient client(Morelia::Dialect::Rev17, transport);
        QSignalSpy errors(&client, &ProtocolClient::connectionError);
        QSignalSpy dropped(&client, &ProtocolClient::frameDropped);
        QVERIFY(connectAndWait(client, server.url()));
        QVERIFY(awaitRequest(
            client, client.login({ QStringLiteral("alice"), QStringLiteral("demo"), {}, {} }))
                    .ok());
        // 21 demo messages make a reply well over 2 KiB.
        const Outcome big = awaitRequest(client, client.fetchUpdates(0));
        QVERIFY(!big.ok());
        bool refused = big.error.code == Error::Code::FrameTooLarge;
        for (const QList<QVariant> &args : std::as_const(errors))
            refused |= args.at(0).value<Error>().code == Error::Code::FrameTooLarge;
        for (const QList<QVariant> &args : std::as_const(dropped))
            refused |= args.at(0).value<Error>().code == Error::Code::FrameTooLarge;
        QVERIFY2(refused, qPrintable(big.error.message));
    }

    void distetReplyCap()
    {
        TestServer server(Protocol::Distet);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        server.seedDemo();
        DistetClient client;
        QVERIFY(connectAndWait(client, server.url()));
        QVERIFY(awaitRequest(client,
            client.login({ QStringLiteral("alice@example.org"), QStringLiteral("demo"), {}, {} }))
                    .ok());
        QVERIFY(awaitRequest(client, client.fetchUpdates(0)).ok());
        client.setMaxReplyBytes(256);
        const Outcome capped = awaitRequest(client, client.fetchUpdates(0));
        QCOMPARE(capped.error.code, Error::Code::FrameTooLarge);
        QVERIFY2(capped.error.message.contains(QLatin1String("256-byte limit")),
            qPrintable(capped.error.message));
    }

    void distetFileNamesSanitised()
    {
        const QByteArray body = "{\"Status\":{\"code\":200},\"Msg\":[{\"infoMessage\":{\"msgKey\":"
                                "\"m1\",\"idUser\":1,\"date\":\"\",\"content\":\"hi\"},"
                                "\"hash\":[\"../../.config/autostart/evil\",\"CON\"],"
                                "\"order\":[1,2]}]}";
        const auto reply = Distet::decodeReply(QStringLiteral("GetMessages"), body);
        QVERIFY(reply);
        const auto messages = Distet::decodeMessages(*reply, QStringLiteral("d1"), false);
        QVERIFY2(messages, qPrintable(messages ? QString() : messages.error().message));
        QCOMPARE(messages->size(), 1);
        const QList<Attachment> files = messages->first().attachments;
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.at(0).name, QStringLiteral("_._.config_autostart_evil"));
        QCOMPARE(files.at(0).reference, QStringLiteral("../../.config/autostart/evil"));
        QCOMPARE(files.at(1).name, QStringLiteral("_CON"));
    }
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
