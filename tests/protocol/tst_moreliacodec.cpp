// SPDX-License-Identifier: GPL-3.0-or-later
// MoreliaTalk decoding over tests/data/morelia: every response fixture, decoded field values,
// tolerant rows, malformed rows and the status → Error mapping. Encoding: tst_moreliaencode.cpp.
#include "moreliafields.h"
#include "moreliafixtures.h"

#include <QTest>

using namespace Natter;
using namespace Natter::Morelia;
using namespace Natter::Test;

namespace {

const QString ME = QStringLiteral("287318947316153425196436209358186451683");
const QString AUTH = QStringLiteral("a8f5f167f44f4964e6c998dee827110c");
const QString BOB = QStringLiteral("97324789236478236478236478236478236479");
const QString FLOW = QStringLiteral("193761823495839024578093458903458903411");
const QString FLOW2 = QStringLiteral("55204938572039485720394857203948572039");
const QString MSG = QStringLiteral("26301764589204571209846109846109846191");
const QString PNG
    = QStringLiteral("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhf"
                     "DwAChwGA60e6kgAAAABJRU5ErkJggg==");

struct ValueRow
{
    const char *file;
    const char *decoder;
    const char *key;
    QString expected;
};

// Decoded values of the document fixtures (2020-*), the revision 17 fixtures and the tolerant rows.
const QList<ValueRow> &valueRows()
{
    static const QList<ValueRow> rows = {
        { "2020-001_auth.response.json", "account", "user.id", QStringLiteral("5654665416541") },
        { "2020-001_auth.response.json", "account", "secret", QStringLiteral("lkds89ds89fd98fd") },
        { "2020-001_auth.response.json", "account", "dialect", QStringLiteral("morelia-2020") },
        { "2020-001_auth.response.json", "account", "version", QStringLiteral("1.0") },
        { "2020-001_auth.response.json", "account", "status", QStringLiteral("OK") },
        { "2020-001_auth.response.json", "account", "detail", QStringLiteral("successfully") },
        { "2020-000_auth.response.json", "account", "secret", QStringLiteral("lkds89ds89fd98fd") },
        { "2020-000_register_user.response.json", "account", "user.id",
            QStringLiteral("5654665416541") },
        { "2020-001_register_user.response.json", "account", "secret",
            QStringLiteral("lkds89ds89fd98fd") },
        { "2020-001_user_info.response.json", "users", "count", QStringLiteral("1") },
        { "2020-001_user_info.response.json", "users", "0.id", QStringLiteral("5855") },
        { "2020-001_user_info.response.json", "users", "0.login", QStringLiteral("username1") },
        { "2020-001_user_info.response.json", "users", "0.name", QStringLiteral("Vasya") },
        { "2020-001_user_info.response.json", "users", "0.email",
            QStringLiteral("stepan.skrjabin@gmail.com") },
        { "2020-001_user_info.response.json", "users", "0.bio", QStringLiteral("My bio") },
        { "2020-001_user_info.response.json", "users", "0.isBot", QStringLiteral("true") },
        { "2020-001_user_info.response.json", "users", "0.avatar", QStringLiteral("fffddddd") },
        { "2020-000_user_info.response.json", "users", "0.id", QStringLiteral("5855") },
        { "2020-001_all_flow.response.json", "flows", "count", QStringLiteral("1") },
        { "2020-001_all_flow.response.json", "flows", "0.id", QStringLiteral("5655") },
        { "2020-001_all_flow.response.json", "flows", "0.type", QStringLiteral("chat") },
        { "2020-001_all_flow.response.json", "flows", "0.title", QStringLiteral("Some chat") },
        { "2020-001_all_flow.response.json", "flows", "0.info",
            QStringLiteral("Info from some chat") },
        { "2020-001_all_flow.response.json", "flows", "0.updated",
            QStringLiteral("1594492370522") },
        { "2020-000_all_chat.response.json", "flows", "0.id", QStringLiteral("5655") },
        { "2020-001_all_messages.response.json", "messages", "count", QStringLiteral("1") },
        { "2020-001_all_messages.response.json", "messages", "0.id", QStringLiteral("1") },
        { "2020-001_all_messages.response.json", "messages", "0.text",
            QStringLiteral("some text...") },
        { "2020-001_all_messages.response.json", "messages", "0.fromId", QStringLiteral("1254") },
        { "2020-001_all_messages.response.json", "messages", "0.fromName",
            QStringLiteral("Vasya") },
        { "2020-001_all_messages.response.json", "messages", "0.flowId",
            QStringLiteral("123655455") },
        { "2020-001_all_messages.response.json", "messages", "0.time",
            QStringLiteral("1594492370522") },
        { "2020-001_all_messages.response.json", "messages", "0.edited", QStringLiteral("true") },
        { "2020-001_all_messages.response.json", "messages", "0.editedTime",
            QStringLiteral("1594492370522") },
        { "2020-001_all_messages.response.json", "messages", "0.deleted", QStringLiteral("false") },
        { "2020-001_all_messages.response.json", "messages", "0.replyTo", QString() },
        { "2020-001_all_messages.response.json", "messages", "0.attachments", QStringLiteral("4") },
        { "2020-001_all_messages.response.json", "messages", "0.attachments.0.kind",
            QStringLiteral("picture") },
        // placeholder bytes: the slot gives the kind, sniffing finds no type to name the file by
        { "2020-001_all_messages.response.json", "messages", "0.attachments.0.name",
            QStringLiteral("picture") },
        { "2020-001_all_messages.response.json", "messages", "0.attachments.0.mime",
            QStringLiteral("application/octet-stream") },
        { "2020-001_all_messages.response.json", "messages", "0.attachments.1.kind",
            QStringLiteral("video") },
        { "2020-001_all_messages.response.json", "messages", "0.attachments.2.kind",
            QStringLiteral("audio") },
        { "2020-001_all_messages.response.json", "messages", "0.attachments.2.bytes",
            QStringLiteral("fgfsdfsdfsdf") },
        { "2020-001_all_messages.response.json", "messages", "0.attachments.3.kind",
            QStringLiteral("document") },
        { "2020-000_all_messages.response.json", "messages", "0.fromName",
            QStringLiteral("Vasya") },
        { "2020-001_get_update.response.json", "update", "flows.count", QStringLiteral("1") },
        { "2020-001_get_update.response.json", "update", "flows.0.id", QStringLiteral("1254") },
        { "2020-001_get_update.response.json", "update", "messages.count", QStringLiteral("1") },
        { "2020-001_get_update.response.json", "update", "messages.0.flowId",
            QStringLiteral("123655455") },
        { "2020-001_get_update.response.json", "update", "users.0.id", QStringLiteral("5855") },
        { "2020-001_get_update.response.json", "update", "timeMs",
            QStringLiteral("1594492370522") },
        { "2020-001_send_message.response.json", "sendReply", "messageId", QString() },
        { "2020-001_send_message.response.json", "sendReply", "timeMs",
            QStringLiteral("1594492370522") },
        { "2020-001_delete_user.response.json", "deletedUser", "id",
            QStringLiteral("5345634567354") },
        { "2020-001_delete_message.response.json", "envelope", "dataKeys", QString() },
        { "2020-001_edited_message.response.json", "envelope", "code", QStringLiteral("200") },
        { "2020-001_example_object.response.json", "update", "version", QString() },
        { "2020-001_example_object.response.json", "update", "flows.0.title",
            QStringLiteral("Name Chat") },
        // its document slot is "": no attachment
        { "2020-001_example_object.response.json", "update", "messages.0.attachments",
            QStringLiteral("3") },
        { "r17_register_user.response.json", "account", "code", QStringLiteral("201") },
        { "r17_register_user.response.json", "account", "user.id", ME },
        { "r17_register_user.response.json", "account", "secret", AUTH },
        { "r17_register_user.response.json", "account", "dialect", QStringLiteral("morelia-r17") },
        { "r17_register_user.response.json", "account", "revision", QStringLiteral("17") },
        { "r17_register_user_409.response.json", "account", "errorCode",
            QStringLiteral("already_exists") },
        { "r17_register_user_409.response.json", "account", "serverCode", QStringLiteral("409") },
        { "r17_authentication.response.json", "account", "user.id", ME },
        { "r17_authentication.response.json", "account", "secret", AUTH },
        { "r17_authentication_401.response.json", "account", "errorCode",
            QStringLiteral("wrong_credentials") },
        { "r17_user_info.response.json", "users", "count", QStringLiteral("1") },
        { "r17_user_info.response.json", "users", "0.id", BOB },
        { "r17_user_info.response.json", "users", "0.login", QStringLiteral("bob") },
        { "r17_user_info.response.json", "users", "0.name", QStringLiteral("Bob") },
        { "r17_user_info.response.json", "users", "0.bio", QStringLiteral("Likes snakes") },
        { "r17_user_info.response.json", "users", "0.isBot", QStringLiteral("false") },
        { "r17_user_info.response.json", "users", "0.avatar", PNG },
        { "r17_add_flow.response.json", "flows", "0.id", FLOW2 },
        { "r17_add_flow.response.json", "flows", "0.type", QStringLiteral("group") },
        { "r17_add_flow.response.json", "flows", "0.owner", ME },
        { "r17_add_flow.response.json", "flows", "0.members", ME + QLatin1Char(',') + BOB },
        { "r17_all_flow.response.json", "flows", "count", QStringLiteral("2") },
        { "r17_all_flow.response.json", "flows", "0.id", FLOW },
        { "r17_all_flow.response.json", "flows", "0.type", QStringLiteral("chat") },
        { "r17_all_flow.response.json", "flows", "0.title", QStringLiteral("Bob") },
        { "r17_all_flow.response.json", "flows", "0.info", QString() },
        { "r17_all_flow.response.json", "flows", "0.updated", QStringLiteral("1594400000000") },
        { "r17_all_flow.response.json", "flows", "1.type", QStringLiteral("group") },
        { "r17_all_flow.response.json", "flows", "1.owner", BOB },
        { "r17_all_flow_404.response.json", "flows", "count", QStringLiteral("0") },
        { "r17_all_messages.response.json", "messages", "count", QStringLiteral("2") },
        { "r17_all_messages.response.json", "messages", "0.id", MSG },
        { "r17_all_messages.response.json", "messages", "0.fromId", BOB },
        { "r17_all_messages.response.json", "messages", "0.flowId", FLOW },
        { "r17_all_messages.response.json", "messages", "0.time", QStringLiteral("1594492100000") },
        { "r17_all_messages.response.json", "messages", "0.edited", QStringLiteral("false") },
        { "r17_all_messages.response.json", "messages", "0.attachments", QStringLiteral("1") },
        { "r17_all_messages.response.json", "messages", "0.attachments.0.kind",
            QStringLiteral("picture") },
        { "r17_all_messages.response.json", "messages", "0.attachments.0.name",
            QStringLiteral("picture.png") },
        { "r17_all_messages.response.json", "messages", "0.attachments.0.mime",
            QStringLiteral("image/png") },
        { "r17_all_messages.response.json", "messages", "0.attachments.0.bytes", PNG },
        { "r17_all_messages.response.json", "messages", "1.edited", QStringLiteral("true") },
        { "r17_all_messages.response.json", "messages", "1.editedTime",
            QStringLiteral("1594492300000") },
        { "r17_all_messages.response.json", "messages", "1.attachments.0.kind",
            QStringLiteral("document") },
        { "r17_all_messages.response.json", "messages", "1.attachments.0.name",
            QStringLiteral("document.txt") },
        { "r17_all_messages.response.json", "messages", "1.attachments.0.size",
            QStringLiteral("14") },
        { "r17_all_messages.response.json", "messages", "1.fromId", ME },
        { "r17_all_messages_206.response.json", "messages", "partial", QStringLiteral("true") },
        { "r17_all_messages_206.response.json", "messages", "count", QStringLiteral("1") },
        { "r17_all_messages_404.response.json", "messages", "count", QStringLiteral("0") },
        { "r17_get_update.response.json", "update", "flows.count", QStringLiteral("1") },
        { "r17_get_update.response.json", "update", "messages.count", QStringLiteral("1") },
        { "r17_get_update.response.json", "update", "users.count", QStringLiteral("2") },
        { "r17_get_update.response.json", "update", "users.1.name", QStringLiteral("Bob") },
        { "r17_get_update.response.json", "update", "timeMs", QStringLiteral("1594492370000") },
        { "r17_send_message.response.json", "sendReply", "messageId", MSG },
        { "r17_send_message.response.json", "sendReply", "clientId", QStringLiteral("7") },
        { "r17_send_message.response.json", "sendReply", "timeMs",
            QStringLiteral("1594492370000") },
        { "r17_delete_user.response.json", "deletedUser", "id", QString() },
        { "r17_edited_message.response.json", "envelope", "dataKeys", QString() },
        { "r17_ping_pong.response.json", "envelope", "type", QStringLiteral("ping_pong") },
        { "r17_error_415.response.json", "envelope", "type", QStringLiteral("error") },
        { "r17_error_415.response.json", "envelope", "status",
            QStringLiteral("Unsupported Media Type") },
        { "r17_error_401.response.json", "flows", "errorCode",
            QStringLiteral("not_authenticated") },
        { "r17_error_405.response.json", "flows", "errorCode", QStringLiteral("not_supported") },
        { "r17_error_505.response.json", "flows", "errorCode",
            QStringLiteral("protocol_not_recognised") },
        // tolerant decoding (PROTOCOLS.md section 5)
        { "tolerant/time_int_seconds.json", "messages", "0.time", QStringLiteral("1594492370000") },
        { "tolerant/time_ms.json", "messages", "0.time", QStringLiteral("1594492370522") },
        { "tolerant/time_numeric_string.json", "messages", "0.time",
            QStringLiteral("1594492370522") },
        { "tolerant/time_iso.json", "messages", "0.time", QStringLiteral("1594492370522") },
        { "tolerant/time_python_str.json", "messages", "0.time", QStringLiteral("1594492370522") },
        { "tolerant/time_iso_offset.json", "messages", "0.time", QStringLiteral("1594492370000") },
        { "tolerant/id_string_2020.json", "flows", "0.id", QStringLiteral("5655") },
        { "tolerant/id_float.json", "flows", "0.id", QStringLiteral("5655") },
        { "tolerant/uuid_in_2020.json", "flows", "0.id", QStringLiteral("flow-abc") },
        { "tolerant/uuid_in_2020.json", "flows", "0.type", QStringLiteral("group") },
        { "tolerant/id_in_r17.json", "flows", "0.id", QStringLiteral("77") },
        { "tolerant/flow_object_in_r17.json", "flows", "count", QStringLiteral("1") },
        { "tolerant/flow_object_in_r17.json", "flows", "0.id", FLOW },
        { "tolerant/flow_list_in_2020.json", "flows", "count", QStringLiteral("2") },
        { "tolerant/flow_list_in_2020.json", "flows", "1.id", QStringLiteral("5656") },
        { "tolerant/flow_list_in_2020.json", "flows", "1.type", QStringLiteral("channel") },
        { "tolerant/flow_unknown_type.json", "flows", "0.type", QStringLiteral("group") },
        { "tolerant/flow_unknown_type.json", "flows", "1.type", QStringLiteral("chat") },
        { "tolerant/unknown_fields.json", "flows", "count", QStringLiteral("1") },
        { "tolerant/unknown_fields.json", "flows", "0.title", QStringLiteral("Bob") },
        { "tolerant/revision_number.json", "flows", "dialect", QStringLiteral("morelia-r17") },
        { "tolerant/revision_number.json", "flows", "revision", QStringLiteral("17") },
        { "tolerant/version_number_int.json", "flows", "version", QStringLiteral("1.0") },
        { "tolerant/version_number_int.json", "flows", "dialect", QStringLiteral("morelia-2020") },
        { "tolerant/bool_strings.json", "users", "0.isBot", QStringLiteral("true") },
        { "tolerant/bool_strings.json", "users", "1.isBot", QStringLiteral("false") },
        { "tolerant/bool_strings.json", "users", "2.isBot", QStringLiteral("false") },
        { "tolerant/edited_strings.json", "messages", "0.edited", QStringLiteral("true") },
        { "tolerant/edited_strings.json", "messages", "0.editedTime",
            QStringLiteral("1594492380000") },
        { "tolerant/errors_list.json", "flows", "code", QStringLiteral("404") },
        { "tolerant/errors_list.json", "flows", "count", QStringLiteral("0") },
        { "tolerant/errors_missing.json", "flows", "code", QStringLiteral("200") },
        { "tolerant/errors_missing.json", "flows", "count", QStringLiteral("1") },
        { "tolerant/base64_url_unpadded.json", "messages", "0.attachments", QStringLiteral("2") },
        { "tolerant/base64_url_unpadded.json", "messages", "0.attachments.0.bytes",
            QStringLiteral("+/8=") },
        { "tolerant/base64_url_unpadded.json", "messages", "0.attachments.1.bytes",
            QStringLiteral("SGk=") },
        { "tolerant/base64_with_newlines.json", "messages", "0.attachments.0.bytes",
            QStringLiteral("SGVsbG8sIE5hdHRlciE=") },
        { "tolerant/key_case.json", "flows", "type", QStringLiteral("all_flow") },
        { "tolerant/key_case.json", "flows", "0.id", FLOW },
        { "tolerant/key_case.json", "flows", "0.type", QStringLiteral("chat") },
        { "tolerant/data_null.json", "messages", "count", QStringLiteral("0") },
        { "tolerant/data_missing.json", "envelope", "dataKeys", QString() },
        { "tolerant/from_user_uuid_2020.json", "messages", "0.fromId", QStringLiteral("1254") },
        { "tolerant/from_user_uuid_2020.json", "messages", "0.flowId", QStringLiteral("123") },
        { "tolerant/from_user_object_r17.json", "messages", "0.fromId", QStringLiteral("42") },
        { "tolerant/from_user_object_r17.json", "messages", "0.fromName", QStringLiteral("Ann") },
        { "tolerant/reply_object.json", "messages", "0.replyTo", QStringLiteral("5") },
        { "tolerant/reply_id.json", "messages", "0.replyTo", QStringLiteral("5") },
        { "tolerant/auth_id_number.json", "account", "secret", QStringLiteral("464645646464") },
        { "tolerant/brackets_in_strings.json", "messages", "count", QStringLiteral("1") },
        { "tolerant/message_list_in_2020.json", "messages", "count", QStringLiteral("2") },
        { "tolerant/message_list_in_2020.json", "messages", "1.text", QStringLiteral("second") },
        { "tolerant/file_empty_strings.json", "messages", "0.attachments", QStringLiteral("0") },
        { "tolerant/client_id_string.json", "messages", "0.clientId", QStringLiteral("12") },
    };
    return rows;
}

struct MalformedRow
{
    const char *file;
    const char *stage; ///< "envelope", or the payload decoder that must fail
    const char *message;
};

const QList<MalformedRow> &malformedRows()
{
    static const QList<MalformedRow> rows = {
        { "empty.txt", "envelope", "frame: empty frame" },
        { "not_json.txt", "envelope", "frame: not valid JSON" },
        { "python_literals.txt", "envelope", "frame: not valid JSON" },
        { "truncated.json", "envelope", "frame: not valid JSON" },
        { "number_overflow.json", "envelope", "frame: not valid JSON" },
        { "deep_nesting.json", "envelope", "frame: JSON nested deeper than 64 levels" },
        { "top_array.json", "envelope", "frame: top level is not a JSON object" },
        { "missing_type.json", "envelope", "type: missing" },
        { "type_number.json", "envelope", "type: not a method name" },
        { "type_empty.json", "envelope", "type: not a method name" },
        { "missing_jsonapi.json", "envelope", "jsonapi: missing" },
        { "jsonapi_string.json", "envelope", "jsonapi: not an object" },
        { "errors_string.json", "envelope", "errors: not an object" },
        { "errors_without_code.json", "envelope", "errors.code: missing" },
        { "data_string.json", "envelope", "data: not an object" },
        { "flow_number.json", "flows", "data.flow: not an object or a list of objects" },
        { "flow_list_of_numbers.json", "flows", "data.flow: not an object or a list" },
        { "flow_without_id.json", "flows", "data.flow[0].id: missing" },
        { "flow_users_not_list.json", "flows", "data.flow[0].users: not a list" },
        { "huge_id.json", "flows", "data.flow[0].id: not an id" },
        { "message_without_id.json", "messages", "data.message[0].id: missing" },
        { "message_without_id_2020.json", "messages", "data.message.id: missing" },
        { "message_without_flow.json", "messages", "data.message[0].from_flow: missing" },
        { "message_from_flow_without_id.json", "messages", "data.message.from_flow.id: missing" },
        { "message_without_time.json", "messages", "data.message[0].time: missing" },
        { "message_bad_time.json", "messages", "data.message[0].time: not a time" },
        { "message_text_object.json", "messages", "data.message[0].text: not a string" },
        { "huge_time.json", "messages", "data.message[0].time: not a time" },
        { "negative_time.json", "messages", "data.message[0].time: not a time" },
        { "invalid_base64.json", "messages", "data.message[0].file_picture: not valid base64" },
        { "invalid_base64_2020.json", "messages", "data.message.file.picture: not valid base64" },
        { "mixed_base64_alphabets.json", "messages",
            "data.message[0].file_audio: not valid base64" },
        { "account_without_auth_id.json", "account", "data.user[0].auth_id: missing" },
        { "account_without_user.json", "account", "data.user: missing" },
        { "avatar_invalid_base64.json", "users", "data.user[0].avatar: not valid base64" },
        { "send_reply_without_message.json", "sendReply", "data.message: missing" },
    };
    return rows;
}

const QStringList kAllDecoders = { QStringLiteral("account"), QStringLiteral("users"),
    QStringLiteral("flows"), QStringLiteral("messages"), QStringLiteral("update"),
    QStringLiteral("sendReply"), QStringLiteral("deletedUser") };

} // namespace

class TestMoreliaCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void responses_data();
    void responses();
    void values_data();
    void values();
    void everyTolerantFileHasRows();
    void malformed_data();
    void malformed();
    void everyMalformedFileHasARow();
    void errorMapping_data();
    void errorMapping();
    void errorMessage();
    void dialectNames();
};

void TestMoreliaCodec::responses_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = fixtureNames(QStringLiteral("*.response.json"))
        + fixtureNames(QStringLiteral("*.json"), QStringLiteral("tolerant"));
    QVERIFY(files.size() >= 60);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << file;
}

// Every response decodes: the envelope, then the payload decoder its type calls for. Error
// answers must map to a server/auth/protocol-version error, never to a malformed frame.
void TestMoreliaCodec::responses()
{
    QFETCH(QString, file);
    const QByteArray frame = readFixture(file);
    const Result<Envelope> env = decodeEnvelope(frame);
    QVERIFY2(env.ok(), qPrintable(env.ok() ? QString() : env.error().message));
    QCOMPARE(env->raw, frame);
    QVERIFY(!env->type.isEmpty());

    const Fields f = decodeFields(*env, decoderFor(env->type));
    const bool emptyOnNotFound = decoderFor(env->type) == QLatin1String("flows")
        || decoderFor(env->type) == QLatin1String("messages")
        || decoderFor(env->type) == QLatin1String("update");
    if (env->isSuccess() || (env->code() == 404 && emptyOnNotFound)) {
        QVERIFY2(
            !f.contains(QStringLiteral("error")), qPrintable(f.value(QStringLiteral("error"))));
    } else {
        const Error error = errorFromEnvelope(*env, env->type);
        QVERIFY(error.code != Error::Code::MalformedFrame);
        QCOMPARE(error.serverCode, env->code());
        if (f.contains(QStringLiteral("errorCode")))
            QCOMPARE(f.value(QStringLiteral("errorCode")), errorCodeName(error.code));
    }
}

void TestMoreliaCodec::values_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("decoder");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");
    for (const ValueRow &row : valueRows()) {
        QTest::addRow("%s %s", row.file, row.key)
            << QString::fromLatin1(row.file) << QString::fromLatin1(row.decoder)
            << QString::fromLatin1(row.key) << row.expected;
    }
}

void TestMoreliaCodec::values()
{
    QFETCH(QString, file);
    QFETCH(QString, decoder);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    const Result<Envelope> env = decodeEnvelope(readFixture(file));
    QVERIFY2(env.ok(), qPrintable(env.ok() ? QString() : env.error().message));
    const Fields f = decodeFields(*env, decoder);
    if (key != QLatin1String("errorCode") && key != QLatin1String("serverCode"))
        QVERIFY2(
            !f.contains(QStringLiteral("error")), qPrintable(f.value(QStringLiteral("error"))));
    QVERIFY2(f.contains(key), qPrintable(QStringLiteral("no field ") + key));
    QCOMPARE(f.value(key), expected);
}

void TestMoreliaCodec::everyTolerantFileHasRows()
{
    QSet<QString> covered;
    for (const ValueRow &row : valueRows())
        covered.insert(QString::fromLatin1(row.file));
    for (const QString &file : fixtureNames(QStringLiteral("*.json"), QStringLiteral("tolerant")))
        QVERIFY2(covered.contains(file), qPrintable(file + QStringLiteral(" has no value row")));
}

void TestMoreliaCodec::malformed_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("message");
    for (const MalformedRow &row : malformedRows()) {
        QTest::newRow(row.file) << QStringLiteral("malformed/") + QString::fromLatin1(row.file)
                                << QString::fromLatin1(row.stage)
                                << QString::fromLatin1(row.message);
    }
}

// Each malformed frame gives an error whose message names the field; nothing crashes, and every
// other decoder run over the same envelope either succeeds or reports an error too.
void TestMoreliaCodec::malformed()
{
    QFETCH(QString, file);
    QFETCH(QString, stage);
    QFETCH(QString, message);
    const QByteArray frame = readFixture(file);
    const Result<Envelope> env = decodeEnvelope(frame);
    if (stage == QLatin1String("envelope")) {
        QVERIFY(!env.ok());
        QCOMPARE(env.error().code, Error::Code::MalformedFrame);
        QVERIFY2(env.error().message.startsWith(message), qPrintable(env.error().message));
        QCOMPARE(env.error().raw, frame);
        return;
    }
    QVERIFY2(env.ok(), qPrintable(env.ok() ? QString() : env.error().message));
    const Fields f = decodeFields(*env, stage);
    QVERIFY2(f.contains(QStringLiteral("error")), "decoded although malformed");
    QCOMPARE(f.value(QStringLiteral("errorCode")), QStringLiteral("malformed_frame"));
    QVERIFY2(f.value(QStringLiteral("error")).startsWith(message),
        qPrintable(f.value(QStringLiteral("error"))));
    for (const QString &decoder : kAllDecoders)
        decodeFields(*env, decoder); // must not crash
    // The raw frame travels with the error for the log.
    if (stage == QLatin1String("messages")) {
        const Result<QList<Message>> r = decodeMessages(*env);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().raw, frame);
    }
}

void TestMoreliaCodec::everyMalformedFileHasARow()
{
    QSet<QString> covered;
    for (const MalformedRow &row : malformedRows())
        covered.insert(QStringLiteral("malformed/") + QString::fromLatin1(row.file));
    const QStringList files = fixtureNames(QStringLiteral("*"), QStringLiteral("malformed"));
    QCOMPARE(files.size(), malformedRows().size());
    for (const QString &file : files)
        QVERIFY2(covered.contains(file), qPrintable(file + QStringLiteral(" has no row")));
}

void TestMoreliaCodec::errorMapping_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("envelopeType");
    QTest::addColumn<QString>("requestType");
    QTest::addColumn<Error::Code>("expected");

    using C = Error::Code;
    const QString none;
    const auto s = [](const char *t) { return QString::fromLatin1(t); };
    QTest::newRow("400 validation")
        << 400 << s("Wrong flow type") << s("add_flow") << s("add_flow") << C::Validation;
    QTest::newRow("400 unknown method")
        << 400 << s("Unknown method all_flow") << s("all_flow") << s("all_flow") << C::NotSupported;
    QTest::newRow("400 unsupported method") << 400 << s("Bad request syntax or unsupported method")
                                            << s("error") << s("all_flow") << C::NotSupported;
    QTest::newRow("400 type not supported")
        << 400 << s("Method type is not supported") << s("all_flow") << none << C::NotSupported;
    QTest::newRow("401 on auth") << 401 << s("Unauthorized") << s("auth") << s("auth")
                                 << C::WrongCredentials;
    QTest::newRow("401 error on authentication")
        << 401 << none << s("error") << s("authentication") << C::WrongCredentials;
    QTest::newRow("401 on auth, no request type")
        << 401 << none << s("auth") << none << C::WrongCredentials;
    QTest::newRow("401 on all_flow") << 401 << s("Authentication User failed") << s("error")
                                     << s("all_flow") << C::NotAuthenticated;
    QTest::newRow("401 error, no request type")
        << 401 << none << s("error") << none << C::NotAuthenticated;
    QTest::newRow("403") << 403 << s("Requested more messages than server limit (100)")
                         << s("all_messages") << s("all_messages") << C::ServerRefused;
    QTest::newRow("404") << 404 << s("Nothing matches the given URI") << s("all_messages")
                         << s("all_messages") << C::NotFound;
    QTest::newRow("404 on authentication")
        << 404 << none << s("authentication") << s("authentication") << C::WrongCredentials;
    QTest::newRow("405") << 405 << s("Specified method is invalid for this resource") << s("error")
                         << s("all_chat") << C::NotSupported;
    QTest::newRow("409") << 409 << s("Request conflict") << s("register_user") << s("register_user")
                         << C::AlreadyExists;
    QTest::newRow("415") << 415 << s("1 validation error") << s("error") << s("send_message")
                         << C::Validation;
    QTest::newRow("429") << 429 << none << s("user_info") << s("user_info") << C::ServerRefused;
    QTest::newRow("500") << 500 << none << s("all_flow") << s("all_flow") << C::ServerFailure;
    QTest::newRow("505") << 505 << s("Cannot fulfill request") << s("error") << s("all_flow")
                         << C::ProtocolNotRecognised;
    QTest::newRow("520") << 520 << s("Unknown Error") << s("user_info") << s("user_info")
                         << C::ServerFailure;
    QTest::newRow("302") << 302 << none << s("all_flow") << s("all_flow") << C::ServerRefused;
    QTest::newRow("200 is not an error")
        << 200 << none << s("all_flow") << s("all_flow") << C::UnexpectedResponse;
}

void TestMoreliaCodec::errorMapping()
{
    QFETCH(int, code);
    QFETCH(QString, detail);
    QFETCH(QString, envelopeType);
    QFETCH(QString, requestType);
    QFETCH(Error::Code, expected);
    Envelope env;
    env.type = envelopeType;
    env.errors = Status { code, QStringLiteral("Status"), detail };
    env.raw = "{\"raw\":1}";
    const Error error = errorFromEnvelope(env, requestType);
    QCOMPARE(errorCodeName(error.code), errorCodeName(expected));
    QCOMPARE(error.serverCode, code);
    QCOMPARE(error.raw, env.raw);
}

void TestMoreliaCodec::errorMessage()
{
    const Result<Envelope> env
        = decodeEnvelope(readFixture(QStringLiteral("r17_error_415.response.json")));
    QVERIFY(env.ok());
    const Error error = errorFromEnvelope(*env, QStringLiteral("all_flow"));
    QCOMPARE(error.code, Error::Code::Validation);
    QCOMPARE(error.serverCode, 415);
    QVERIFY2(
        error.message.startsWith(QStringLiteral("415 Unsupported Media Type: 1 validation error")),
        qPrintable(error.message));
    QCOMPARE(error.raw, env->raw);

    // The payload decoders turn a failed envelope into the same error.
    const Result<Envelope> conflict
        = decodeEnvelope(readFixture(QStringLiteral("r17_register_user_409.response.json")));
    QVERIFY(conflict.ok());
    const Result<Account> account = decodeAccount(*conflict);
    QVERIFY(!account.ok());
    QCOMPARE(account.error(), errorFromEnvelope(*conflict, QStringLiteral("register_user")));
    QCOMPARE(account.error().message, QStringLiteral("409 Conflict: Request conflict"));
}

void TestMoreliaCodec::dialectNames()
{
    for (const Dialect d : { Dialect::Auto, Dialect::V2020, Dialect::Rev17 })
        QCOMPARE(parseDialect(dialectName(d)), std::optional<Dialect>(d));
    QCOMPARE(dialectName(Dialect::V2020), QStringLiteral("morelia-2020"));
    QCOMPARE(dialectName(Dialect::Rev17), QStringLiteral("morelia-r17"));
    QCOMPARE(parseDialect(QStringLiteral("morelia")), std::optional<Dialect>(Dialect::Auto));
    QCOMPARE(parseDialect(QStringLiteral(" Morelia-R17 ")), std::optional<Dialect>(Dialect::Rev17));
    QCOMPARE(parseDialect(QStringLiteral("wsmode")), std::nullopt);

    Envelope env;
    QCOMPARE(env.dialect(), Dialect::V2020);
    env.revision = QStringLiteral("17");
    QCOMPARE(env.dialect(), Dialect::Rev17);
    env.revision = QStringLiteral("18");
    QCOMPARE(env.dialect(), Dialect::Rev17);
    env.revision = QStringLiteral("16");
    QCOMPARE(env.dialect(), Dialect::V2020);
}

QTEST_GUILESS_MAIN(TestMoreliaCodec)
#include "tst_moreliacodec.moc"
