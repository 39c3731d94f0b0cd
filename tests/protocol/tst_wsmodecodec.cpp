// SPDX-License-Identifier: GPL-3.0-or-later
// The "mode" codec over tests/data/wsmode: every request of seeds 002 and 004 is re-encoded
// byte-for-value, every response decodes and round-trips, malformed rows name their field.
#include "protocol/wsmode/wsmodecodec.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Natter;
using namespace Natter::WsMode;

namespace {

QString dataDir()
{
    return QStringLiteral(NATTER_TEST_DATA "/wsmode");
}

QByteArray readFixture(const QString &name)
{
    QFile file(dataDir() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

QJsonObject fixtureObject(const QString &name)
{
    return QJsonDocument::fromJson(readFixture(name)).object();
}

QString str(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? QString::number(v.toInteger()) : v.toString();
}

/// Everything a response frame carries, decoded by its mode. Empty error when it all decoded.
struct Decoded
{
    Error error;
    Frame frame;
    QString token;
    QString chatId;
    QList<Flow> chats;
    QList<Message> messages;
};

Decoded decodeAll(const QByteArray &raw)
{
    Decoded d;
    Result<Frame> frame = decodeFrame(raw);
    if (!frame) {
        d.error = frame.error();
        return d;
    }
    d.frame = frame.value();
    if (!d.frame.isSuccess())
        return d;
    const QString &mode = d.frame.mode;
    const auto take = [&d](const auto &result, auto &into) {
        if (result)
            into = result.value();
        else
            d.error = result.error();
    };
    if (mode == Mode::Auth || mode == Mode::Register)
        take(decodeToken(d.frame), d.token);
    else if (mode == Mode::CreateChat)
        take(decodeChatId(d.frame), d.chatId);
    else if (mode == Mode::GetChats)
        take(decodeChats(d.frame), d.chats);
    else if (mode == Mode::GetMessages || d.frame.object.contains(QLatin1String("messages")))
        take(decodeMessages(d.frame, QStringLiteral("7")), d.messages);
    return d;
}

} // namespace

class TestWsModeCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requests_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList names = QDir(dataDir()).entryList(
            { QStringLiteral("*.request.json") }, QDir::Files, QDir::Name);
        QVERIFY(names.size() >= 18);
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << name;
    }

    /// Natter's encoder, given the fixture's values, writes exactly the fixture.
    void requests()
    {
        QFETCH(QString, name);
        const QJsonObject expected = fixtureObject(name);
        const QString mode = str(expected, "mode");
        const qint64 now = expected.value(QLatin1String("timestamp")).toInteger() * 1000 + 999;
        const QString token = str(expected, "token");
        const Credentials c { str(expected, "username"), str(expected, "password"),
            str(expected, "email"), {} };
        QJsonObject actual;
        if (mode == Mode::CheckConnection)
            actual = encodeCheckConnection(now);
        else if (mode == Mode::CheckToken)
            actual = encodeCheckToken(token, now);
        else if (mode == Mode::Auth)
            actual = encodeAuth(c, now);
        else if (mode == Mode::Register)
            actual = encodeRegister(c, now);
        else if (mode == Mode::Recovery)
            actual = encodeRecovery(c.login, str(expected, "known_data"),
                str(expected, "known_data_type") == QLatin1String("email"), now);
        else if (mode == Mode::Logout)
            actual = encodeLogout(token, now);
        else if (mode == Mode::CreateChat)
            actual = encodeCreateChat(token, str(expected, "contact_value"), now);
        else if (mode == Mode::GetChats)
            actual = encodeGetChats(token, now);
        else if (mode == Mode::GetMessages)
            actual = encodeGetMessages(token, str(expected, "chat_id"),
                expected.contains(QLatin1String("min_message_id")) ? std::optional<qint64>(
                    expected.value(QLatin1String("min_message_id")).toInteger())
                                                                   : std::nullopt,
                now);
        else if (mode == Mode::SendMessage || mode == Mode::SendGroupMessage)
            actual = encodeSendMessage(token, str(expected, "chat_id"),
                { str(expected, "content"), str(expected, "content_type") },
                mode == Mode::SendGroupMessage, now);
        else
            QFAIL(qPrintable(QStringLiteral("no encoder for mode ") + mode));
        QCOMPARE(actual, expected);
    }

    void responses_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList names = QDir(dataDir()).entryList(
            { QStringLiteral("*.response.json") }, QDir::Files, QDir::Name);
        QVERIFY(names.size() >= 30);
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << name;
    }

    /// Every response decodes; its status is the fixture's (number or string); decoded values
    /// survive encode → decode unchanged.
    void responses()
    {
        QFETCH(QString, name);
        const Decoded d = decodeAll(readFixture(name));
        QVERIFY2(d.error.isNone(), qPrintable(d.error.message));
        const QJsonObject raw = fixtureObject(name);
        QCOMPARE(d.frame.mode, raw.value(QLatin1String("mode")).toString());
        QCOMPARE(d.frame.code(), str(raw, "status").toInt());
        if (d.frame.mode == Mode::Auth && d.frame.isSuccess())
            QCOMPARE(d.token, str(raw, "token"));
        for (const Flow &chat : d.chats) {
            Result<Flow> again = decodeChat(encodeChat(chat), QStringLiteral("chat"));
            QVERIFY(again.ok());
            QCOMPARE(again.value(), chat);
        }
        for (const Message &m : d.messages) {
            Result<Message> again = decodeMessage(encodeMessage(m), m.flowId, QStringLiteral("m"));
            QVERIFY(again.ok());
            QCOMPARE(again.value(), m);
        }
    }

    void chatsOf004()
    {
        const Decoded d = decodeAll(readFixture(QStringLiteral("004_getChats.response.json")));
        QVERIFY(d.error.isNone());
        QCOMPARE(d.chats.size(), 2);
        QCOMPARE(d.chats[0].id, QStringLiteral("7"));
        QCOMPARE(d.chats[0].type, Flow::Type::Chat);
        QCOMPARE(d.chats[0].title, QStringLiteral("bob"));
        QCOMPARE(d.chats[0].updated, 1699999990000);
        QCOMPARE(d.chats[0].members, (QStringList { QStringLiteral("1"), QStringLiteral("2") }));
        QCOMPARE(d.chats[1].type, Flow::Type::Group);
        QCOMPARE(d.chats[1].updated, 1699999000250);
        QCOMPARE(d.chats[1].title, QStringLiteral("Natter team"));
    }

    void messagesOf004()
    {
        const Decoded d = decodeAll(readFixture(QStringLiteral("004_getMessages.response.json")));
        QVERIFY(d.error.isNone());
        QCOMPARE(d.messages.size(), 2);
        const Message &text = d.messages[0];
        QCOMPARE(text.flowId, QStringLiteral("7"));
        QCOMPARE(text.fromId, QStringLiteral("1"));
        QCOMPARE(text.fromName, QStringLiteral("alice"));
        QCOMPARE(text.text, QStringLiteral("Bob, do you have a minute?"));
        QCOMPARE(text.time, 1699999980000);
        QVERIFY(text.attachments.isEmpty());
        QVERIFY(text.id.startsWith(LocalKeyPrefix));
        const Message &picture = d.messages[1];
        QVERIFY(picture.text.isEmpty());
        QCOMPARE(picture.attachments.size(), 1);
        QCOMPARE(picture.attachments[0].mime, QStringLiteral("image/png"));
        QCOMPARE(picture.attachments[0].kind, Attachment::Kind::Picture);
        QVERIFY(picture.attachments[0].bytes.startsWith("\x89PNG"));
        QCOMPARE(picture.attachments[0].size, picture.attachments[0].bytes.size());
        QVERIFY(picture.id != text.id);
        // Re-fetching the same messages yields the same keys: no duplicates in the cache.
        const Decoded again
            = decodeAll(readFixture(QStringLiteral("004_getMessages.response.json")));
        QCOMPARE(again.messages[0].id, text.id);
        QCOMPARE(again.messages[1].id, picture.id);
    }

    void localKeyDependsOnEveryPart()
    {
        const Content c = textContent(QStringLiteral("hi"));
        const QString base = localMessageKey(QStringLiteral("7"), 1000, QStringLiteral("1"), c);
        QCOMPARE(localMessageKey(QStringLiteral("7"), 1000, QStringLiteral("1"), c), base);
        QVERIFY(localMessageKey(QStringLiteral("8"), 1000, QStringLiteral("1"), c) != base);
        QVERIFY(localMessageKey(QStringLiteral("7"), 1001, QStringLiteral("1"), c) != base);
        QVERIFY(localMessageKey(QStringLiteral("7"), 1000, QStringLiteral("2"), c) != base);
        QVERIFY(localMessageKey(QStringLiteral("7"), 1000, QStringLiteral("1"),
                    textContent(QStringLiteral("hi!")))
            != base);
        // No separator ambiguity: ("71", "0…") differs from ("7", "10…").
        QVERIFY(localMessageKey(QStringLiteral("71"), 0, QStringLiteral("1"), c)
            != localMessageKey(QStringLiteral("7"), 10, QStringLiteral("1"), c));
    }

    void tolerantTimes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("int") << QStringLiteral("004_checkConnection.response.json")
                             << qint64(1700000000000);
        QTest::newRow("float") << QStringLiteral("tolerant_timestamp_float.response.json")
                               << qint64(1700000000750);
        QTest::newRow("iso") << QStringLiteral("tolerant_timestamp_iso.response.json")
                             << qint64(1700000000000);
        QTest::newRow("ms") << QStringLiteral("tolerant_timestamp_ms.response.json")
                            << qint64(1700000000000);
        QTest::newRow("numeric string")
            << QStringLiteral("tolerant_status_string.response.json") << qint64(1700000000000);
    }

    void tolerantTimes()
    {
        QFETCH(QString, name);
        QFETCH(qint64, ms);
        const Decoded d = decodeAll(readFixture(name));
        QVERIFY(d.error.isNone());
        QCOMPARE(d.frame.timestampMs, ms);
    }

    void tolerantMessageTimesAndIds()
    {
        const Decoded times
            = decodeAll(readFixture(QStringLiteral("tolerant_time_iso_messages.response.json")));
        QVERIFY(times.error.isNone());
        QCOMPARE(times.messages[0].time, 1699999990500);
        QCOMPARE(times.messages[0].fromId, QStringLiteral("2"));
        QCOMPARE(times.messages[1].time, 1699999991500);

        const Decoded ids
            = decodeAll(readFixture(QStringLiteral("tolerant_message_ids.response.json")));
        QVERIFY(ids.error.isNone());
        QCOMPARE(ids.messages[0].id, QStringLiteral("42"));
        QCOMPARE(ids.messages[1].id, QStringLiteral("43"));
        QVERIFY(ids.messages[2].id.startsWith(LocalKeyPrefix));
        // A real id goes back on the wire as message_id, a local key never does.
        QCOMPARE(encodeMessage(ids.messages[0]).value(QLatin1String("message_id")).toInteger(), 42);
        QVERIFY(!encodeMessage(ids.messages[2]).contains(QLatin1String("message_id")));

        const Decoded single
            = decodeAll(readFixture(QStringLiteral("tolerant_single_message.response.json")));
        QVERIFY(single.error.isNone());
        QCOMPARE(single.messages.size(), 1);
        QCOMPARE(single.messages[0].text,
            QStringLiteral("one object, not a list")); // no content_type: text
    }

    void tolerantChats()
    {
        const Decoded strings
            = decodeAll(readFixture(QStringLiteral("tolerant_status_string.response.json")));
        QVERIFY(strings.error.isNone());
        QCOMPARE(strings.frame.status, std::optional<int>(200));
        QCOMPARE(strings.chats.value(0).id, QStringLiteral("7"));
        QCOMPARE(strings.chats.value(0).updated, 1699999990000);

        const Decoded objects
            = decodeAll(readFixture(QStringLiteral("tolerant_members_objects.response.json")));
        QVERIFY(objects.error.isNone());
        QCOMPARE(objects.chats.value(0).members,
            (QStringList { QStringLiteral("1"), QStringLiteral("3") }));
        QCOMPARE(objects.chats.value(0).updated, 0);
        Result<QList<Member>> members
            = decodeMembers(fixtureObject(QStringLiteral("tolerant_members_objects.response.json"))
                                .value(QLatin1String("chats"))
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(QLatin1String("chat_members")),
                QStringLiteral("m"));
        QVERIFY(members.ok());
        QCOMPARE(members->value(1), (Member { QStringLiteral("3"), QStringLiteral("carol") }));

        QVERIFY(decodeAll(readFixture(QStringLiteral("tolerant_chats_empty.response.json")))
                    .chats.isEmpty());
        const Decoded null
            = decodeAll(readFixture(QStringLiteral("tolerant_chats_null.response.json")));
        QVERIFY(null.error.isNone());
        QVERIFY(null.chats.isEmpty());
    }

    void pushCarriesItsChat()
    {
        const Decoded d = decodeAll(readFixture(QStringLiteral("push_sendMessage.response.json")));
        QVERIFY(d.error.isNone());
        QCOMPARE(d.messages.size(), 1);
        QCOMPARE(d.messages[0].flowId, QStringLiteral("7"));
        QCOMPARE(d.messages[0].time, 1700000000123);
    }

    void statusMapping_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("sentToken");
        QTest::addColumn<Error::Code>("code");
        using C = Error::Code;
        QTest::newRow("401 checkToken")
            << QStringLiteral("status_401_checkToken.response.json") << true << C::SessionExpired;
        QTest::newRow("401 without token") << QStringLiteral("status_401_checkToken.response.json")
                                           << false << C::NotAuthenticated;
        QTest::newRow("401 auth") << QStringLiteral("status_401_auth.response.json") << false
                                  << C::WrongCredentials;
        QTest::newRow("403") << QStringLiteral("status_403_auth.response.json") << false
                             << C::TooManySessions;
        QTest::newRow("409 register")
            << QStringLiteral("status_409_register.response.json") << false << C::AlreadyExists;
        QTest::newRow("409 createChat")
            << QStringLiteral("status_409_createChat.response.json") << true << C::NotFound;
        QTest::newRow("409 as string")
            << QStringLiteral("tolerant_status_number_error.response.json") << true << C::NotFound;
        QTest::newRow("422") << QStringLiteral("status_422_sendMessage.response.json") << true
                             << C::Validation;
        QTest::newRow("423") << QStringLiteral("status_423_getMessages.response.json") << true
                             << C::NotAMember;
        QTest::newRow("500") << QStringLiteral("status_500_getChats.response.json") << true
                             << C::ServerFailure;
        QTest::newRow("501") << QStringLiteral("status_501_sendGroupMessage.response.json") << true
                             << C::NotSupported;
    }

    void statusMapping()
    {
        QFETCH(QString, name);
        QFETCH(bool, sentToken);
        QFETCH(Error::Code, code);
        Result<Frame> frame = decodeFrame(readFixture(name));
        QVERIFY(frame.ok());
        QVERIFY(!frame->isSuccess());
        const Error e = errorFromFrame(frame.value(), frame->mode, sentToken);
        QCOMPARE(e.code, code);
        QCOMPARE(e.serverCode, frame->code());
        QVERIFY(!e.raw.isEmpty());
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("field");
        const QList<std::pair<const char *, const char *>> rows = {
            { "not_json.json", "" },
            { "not_object.json", "" },
            { "deep_nesting.json", "" },
            { "mode_missing.json", "mode:" },
            { "mode_number.json", "mode:" },
            { "status_text.json", "status:" },
            { "status_bool.json", "status:" },
            { "timestamp_garbage.json", "timestamp:" },
            { "auth_token_missing.json", "token:" },
            { "createChat_chat_id_missing.json", "chat_id:" },
            { "createChat_chat_id_object.json", "chat_id:" },
            { "getChats_chats_number.json", "chats:" },
            { "getChats_chat_id_missing.json", "chats[0].chat_id:" },
            { "getChats_chat_type_unknown.json", "chats[0].chat_type:" },
            { "getChats_members_bad.json", "chats[0].chat_members[0]:" },
            { "getChats_last_time_bad.json", "chats[0].last_message_time:" },
            { "getMessages_from_id_missing.json", "messages[0].from_id:" },
            { "getMessages_content_missing.json", "messages[0].content:" },
            { "getMessages_content_time_bad.json", "messages[0].content_time:" },
            { "getMessages_base64_bad.json", "messages[0].content:" },
            { "getMessages_second_bad.json", "messages[1].content:" },
            { "getMessages_message_id_bad.json", "messages[0].message_id:" },
        };
        QCOMPARE(rows.size(),
            QDir(dataDir() + QStringLiteral("/malformed")).entryList(QDir::Files).size());
        for (const auto &[file, field] : rows)
            QTest::newRow(file) << QString::fromLatin1(file) << QString::fromLatin1(field);
    }

    /// Each malformed row is refused with MalformedFrame naming its field; none crashes.
    void malformed()
    {
        QFETCH(QString, name);
        QFETCH(QString, field);
        const QByteArray raw = readFixture(QStringLiteral("malformed/") + name);
        const Decoded d = decodeAll(raw);
        QVERIFY2(!d.error.isNone(), "decoded without complaint");
        QCOMPARE(d.error.code, Error::Code::MalformedFrame);
        if (!field.isEmpty())
            QVERIFY2(d.error.message.startsWith(field), qPrintable(d.error.message));
        QCOMPARE(d.error.raw, raw);
    }

    void createChatContactMode()
    {
        QCOMPARE(encodeCreateChat(QStringLiteral("t"), QStringLiteral("42"), 0)
                     .value(QLatin1String("contact_mode"))
                     .toString(),
            QStringLiteral("id"));
        QCOMPARE(encodeCreateChat(QStringLiteral("t"), QStringLiteral("42"), 0)
                     .value(QLatin1String("contact_value"))
                     .toInteger(),
            42);
        QCOMPARE(encodeCreateChat(QStringLiteral("t"), QStringLiteral("bob42"), 0)
                     .value(QLatin1String("contact_mode"))
                     .toString(),
            QStringLiteral("username"));
        QVERIFY(!encodeGetMessages(QStringLiteral("t"), QStringLiteral("7"), std::nullopt, 0)
                     .contains(QLatin1String("min_message_id")));
    }

    void attachmentContent()
    {
        const Attachment a
            = Attachment::fromBytes(QStringLiteral("x.pdf"), QByteArray("%PDF-1.4 tiny"));
        const Content c = WsMode::attachmentContent(a);
        QCOMPARE(c.contentType, a.mime);
        QCOMPARE(QByteArray::fromBase64(c.content.toLatin1()), QByteArray("%PDF-1.4 tiny"));
        QCOMPARE(textContent(QStringLiteral("hi")),
            (Content { QStringLiteral("hi"), QStringLiteral("text") }));
    }
};

QTEST_GUILESS_MAIN(TestWsModeCodec)
#include "tst_wsmodecodec.moc"
