// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/jsonread.h"

#include <QJsonDocument>
#include <QTest>

using namespace Natter;

namespace {

/// A JSON value from its text; "undefined" gives an absent value.
QJsonValue jv(const char *json)
{
    if (qstrcmp(json, "undefined") == 0)
        return QJsonValue(QJsonValue::Undefined);
    const QByteArray doc = QByteArray("{\"v\":") + json + '}';
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(doc, &error).object();
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON %s", json);
    return object.value(QLatin1String("v"));
}

QByteArray nested(int depth, const QByteArray &inner = {})
{
    return QByteArray("{\"a\":") + QByteArray(depth - 1, '[') + inner + QByteArray(depth - 1, ']')
        + '}';
}

} // namespace

class TestJsonRead : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseObject_data();
    void parseObject();
    void value();
    void firstOf();
    void id_data();
    void id();
    void timeMs_data();
    void timeMs();
    void boolean_data();
    void boolean();
    void string_data();
    void string();
    void integer_data();
    void integer();
    void objects_data();
    void objects();
    void base64_data();
    void base64();
    void fieldError();
};

void TestJsonRead::parseObject_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<QString>("error"); // empty: parses

    QTest::newRow("empty object") << QByteArray("{}") << 64 << QString();
    QTest::newRow("whitespace around") << QByteArray(" \n{\"a\":1}\n ") << 64 << QString();
    QTest::newRow("empty frame") << QByteArray() << 64 << QStringLiteral("frame: empty frame");
    QTest::newRow("blank frame") << QByteArray("  \r\n") << 64
                                 << QStringLiteral("frame: empty frame");
    QTest::newRow("top-level array")
        << QByteArray("[{}]") << 64 << QStringLiteral("frame: top level is not a JSON object");
    QTest::newRow("top-level string") << QByteArray("\"x\"") << 64 << QStringLiteral("frame:");
    QTest::newRow("not JSON") << QByteArray("hello") << 64
                              << QStringLiteral("frame: not valid JSON");
    QTest::newRow("missing value")
        << QByteArray("{\"a\":}") << 64 << QStringLiteral("frame: not valid JSON");
    QTest::newRow("python literals")
        << QByteArray("{'a': None}") << 64 << QStringLiteral("frame: not valid JSON");
    QTest::newRow("number overflow")
        << QByteArray("{\"a\":1e400}") << 64 << QStringLiteral("frame: not valid JSON");
    QTest::newRow("depth at limit") << nested(64) << 64 << QString();
    QTest::newRow("depth over limit")
        << nested(65) << 64 << QStringLiteral("frame: JSON nested deeper than 64 levels");
    QTest::newRow("depth 10000") << nested(10000) << 64 << QStringLiteral("nested deeper than 64");
    QTest::newRow("depth 10000 unbalanced")
        << QByteArray(10000, '{') << 64 << QStringLiteral("nested deeper than 64");
    QTest::newRow("custom limit") << nested(3) << 2 << QStringLiteral("nested deeper than 2");
    QTest::newRow("brackets in strings do not count")
        << QByteArray("{\"a\":\"[[[[{{{{\"}") << 1 << QString();
    QTest::newRow("escaped quote keeps the string open")
        << QByteArray("{\"a\":\"\\\"[[[[\\\\\",\"b\":\"]]\"}") << 1 << QString();
    QTest::newRow("escaped backslash closes the string") << QByteArray(
        "{\"a\":\"\\\\\",\"b\":[[1]]}") << 2 << QStringLiteral("nested deeper than 2");
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF{\"a\":1}") << 64 << QString();
    QTest::newRow("byte order mark only")
        << QByteArray("\xEF\xBB\xBF") << 64 << QStringLiteral("frame: empty frame");
    QTest::newRow("utf-8") << QByteArray("{\"text\":\"Привет\"}") << 64 << QString();
}

void TestJsonRead::parseObject()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, maxDepth);
    QFETCH(QString, error);
    const Result<QJsonObject> result = Json::parseObject(frame, maxDepth);
    QCOMPARE(result.ok(), error.isEmpty());
    if (!result) {
        QCOMPARE(result.error().code, Error::Code::MalformedFrame);
        QVERIFY2(result.error().message.contains(error), qPrintable(result.error().message));
        QCOMPARE(result.error().raw, frame);
    }
}

void TestJsonRead::value()
{
    const QJsonObject o = jv(R"({"Type": 1, "type2": 2, "a": "lower", "A": "upper"})").toObject();
    QCOMPARE(Json::value(o, QLatin1String("type")), QJsonValue(1));
    QCOMPARE(Json::value(o, QLatin1String("TYPE2")), QJsonValue(2));
    QCOMPARE(Json::value(o, QLatin1String("a")), QJsonValue(QStringLiteral("lower")));
    QCOMPARE(Json::value(o, QLatin1String("A")), QJsonValue(QStringLiteral("upper")));
    QVERIFY(Json::value(o, QLatin1String("missing")).isUndefined());
    QVERIFY(Json::value(QJsonObject(), QLatin1String("a")).isUndefined());
}

void TestJsonRead::firstOf()
{
    const auto keys = { QLatin1String("id"), QLatin1String("uuid") };
    QCOMPARE(Json::firstOf(jv(R"({"id": 5, "uuid": "u"})").toObject(), keys), QJsonValue(5));
    QCOMPARE(
        Json::firstOf(jv(R"({"uuid": "u"})").toObject(), keys), QJsonValue(QStringLiteral("u")));
    QCOMPARE(Json::firstOf(jv(R"({"id": null, "uuid": "u"})").toObject(), keys),
        QJsonValue(QStringLiteral("u")));
    QVERIFY(Json::firstOf(jv(R"({"id": null})").toObject(), keys).isNull());
    QVERIFY(Json::firstOf(jv(R"({"x": 1})").toObject(), keys).isUndefined());
}

void TestJsonRead::id_data()
{
    QTest::addColumn<QJsonValue>("input");
    QTest::addColumn<QVariant>("expected"); // invalid: nullopt

    QTest::newRow("int") << jv("1254") << QVariant(QStringLiteral("1254"));
    QTest::newRow("negative") << jv("-3") << QVariant(QStringLiteral("-3"));
    QTest::newRow("zero") << jv("0") << QVariant(QStringLiteral("0"));
    QTest::newRow("whole float") << jv("5655.0") << QVariant(QStringLiteral("5655"));
    QTest::newRow("13 digits") << jv("5654665416541") << QVariant(QStringLiteral("5654665416541"));
    QTest::newRow("int64 max") << jv("9223372036854775807")
                               << QVariant(QStringLiteral("9223372036854775807"));
    QTest::newRow("fraction") << jv("1.5") << QVariant();
    QTest::newRow("too big") << jv("123456789012345678901234567890") << QVariant();
    QTest::newRow("uuid string") << jv(R"("287318947316153425196436209358186451683")")
                                 << QVariant(
                                        QStringLiteral("287318947316153425196436209358186451683"));
    QTest::newRow("trimmed") << jv(R"(" abc ")") << QVariant(QStringLiteral("abc"));
    QTest::newRow("empty string") << jv(R"("")") << QVariant();
    QTest::newRow("blank string") << jv(R"("  ")") << QVariant();
    QTest::newRow("bool") << jv("true") << QVariant();
    QTest::newRow("null") << jv("null") << QVariant();
    QTest::newRow("absent") << jv("undefined") << QVariant();
    QTest::newRow("object") << jv(R"({"id": 1})") << QVariant();
    QTest::newRow("array") << jv("[1]") << QVariant();
}

void TestJsonRead::id()
{
    QFETCH(QJsonValue, input);
    QFETCH(QVariant, expected);
    const std::optional<QString> result = Json::id(input);
    QCOMPARE(result.has_value(), expected.isValid());
    if (result)
        QCOMPARE(*result, expected.toString());
}

void TestJsonRead::timeMs_data()
{
    QTest::addColumn<QJsonValue>("input");
    QTest::addColumn<QVariant>("expected"); // qint64 ms; invalid: nullopt

    const auto ms = [](qint64 v) { return QVariant::fromValue(v); };
    QTest::newRow("int seconds") << jv("1594492370") << ms(1594492370000);
    QTest::newRow("float seconds") << jv("1594492370.5225992") << ms(1594492370522);
    QTest::newRow("float seconds, exact ms") << jv("1594492370.522") << ms(1594492370522);
    QTest::newRow("float seconds, .001") << jv("1594492370.001") << ms(1594492370001);
    QTest::newRow("milliseconds") << jv("1594492370522") << ms(1594492370522);
    QTest::newRow("float milliseconds") << jv("1594492370522.9") << ms(1594492370522);
    QTest::newRow("threshold is seconds") << jv("100000000000") << ms(100000000000000);
    QTest::newRow("just above threshold is ms") << jv("100000000001") << ms(100000000001);
    QTest::newRow("zero") << jv("0") << ms(0);
    QTest::newRow("numeric string seconds") << jv(R"("1594492370")") << ms(1594492370000);
    QTest::newRow("numeric string float") << jv(R"("1594492370.522")") << ms(1594492370522);
    QTest::newRow("numeric string ms") << jv(R"(" 1594492370522 ")") << ms(1594492370522);
    QTest::newRow("ISO Z") << jv(R"("2020-07-11T18:32:50Z")") << ms(1594492370000);
    QTest::newRow("ISO ms Z") << jv(R"("2020-07-11T18:32:50.522Z")") << ms(1594492370522);
    QTest::newRow("ISO offset") << jv(R"("2020-07-11T21:32:50+03:00")") << ms(1594492370000);
    QTest::newRow("ISO offset no colon")
        << jv(R"("2020-07-11T13:02:50-0530")") << ms(1594492370000);
    QTest::newRow("ISO no zone is UTC") << jv(R"("2020-07-11T18:32:50")") << ms(1594492370000);
    QTest::newRow("ISO no seconds") << jv(R"("2020-07-11T18:32")") << ms(1594492320000);
    QTest::newRow("python str(datetime)")
        << jv(R"("2020-07-11 18:32:50.522599")") << ms(1594492370522);
    QTest::newRow("yyyy-MM-dd hh:mm:ss.z") << jv(R"("2020-07-11 18:32:50.5")") << ms(1594492370500);
    QTest::newRow("comma fraction") << jv(R"("2020-07-11 18:32:50,25")") << ms(1594492370250);
    QTest::newRow("date only") << jv(R"("2020-07-11")") << ms(1594425600000);
    QTest::newRow("epoch") << jv(R"("1970-01-01T00:00:00Z")") << ms(0);
    QTest::newRow("invalid date") << jv(R"("2020-13-45 10:00:00")") << QVariant();
    QTest::newRow("invalid time") << jv(R"("2020-07-11 25:61:00")") << QVariant();
    QTest::newRow("words") << jv(R"("yesterday")") << QVariant();
    QTest::newRow("empty string") << jv(R"("")") << QVariant();
    QTest::newRow("negative") << jv("-5") << QVariant();
    QTest::newRow("huge") << jv("1e300") << QVariant();
    QTest::newRow("huge string") << jv(R"("1e300")") << QVariant();
    QTest::newRow("past year 9999") << jv("253402300800000") << QVariant();
    QTest::newRow("bool") << jv("true") << QVariant();
    QTest::newRow("null") << jv("null") << QVariant();
    QTest::newRow("absent") << jv("undefined") << QVariant();
    QTest::newRow("object") << jv(R"({"time": 1})") << QVariant();
}

void TestJsonRead::timeMs()
{
    QFETCH(QJsonValue, input);
    QFETCH(QVariant, expected);
    const std::optional<qint64> result = Json::timeMs(input);
    QCOMPARE(result.has_value(), expected.isValid());
    if (result)
        QCOMPARE(*result, expected.value<qint64>());
}

void TestJsonRead::boolean_data()
{
    QTest::addColumn<QJsonValue>("input");
    QTest::addColumn<QVariant>("expected");

    QTest::newRow("true") << jv("true") << QVariant(true);
    QTest::newRow("false") << jv("false") << QVariant(false);
    QTest::newRow("1") << jv("1") << QVariant(true);
    QTest::newRow("0") << jv("0") << QVariant(false);
    QTest::newRow("1.0") << jv("1.0") << QVariant(true);
    QTest::newRow("2") << jv("2") << QVariant();
    QTest::newRow("\"true\"") << jv(R"("true")") << QVariant(true);
    QTest::newRow("\"TRUE\"") << jv(R"("TRUE")") << QVariant(true);
    QTest::newRow("\"false\"") << jv(R"("false")") << QVariant(false);
    QTest::newRow("\"1\"") << jv(R"("1")") << QVariant(true);
    QTest::newRow("\"0\"") << jv(R"("0")") << QVariant(false);
    QTest::newRow("empty string") << jv(R"("")") << QVariant(false);
    QTest::newRow("\"yes\"") << jv(R"("yes")") << QVariant();
    QTest::newRow("null") << jv("null") << QVariant();
    QTest::newRow("absent") << jv("undefined") << QVariant();
    QTest::newRow("array") << jv("[true]") << QVariant();
}

void TestJsonRead::boolean()
{
    QFETCH(QJsonValue, input);
    QFETCH(QVariant, expected);
    const std::optional<bool> result = Json::boolean(input);
    QCOMPARE(result.has_value(), expected.isValid());
    if (result)
        QCOMPARE(*result, expected.toBool());
}

void TestJsonRead::string_data()
{
    QTest::addColumn<QJsonValue>("input");
    QTest::addColumn<QVariant>("expected");

    QTest::newRow("string") << jv(R"("Vasya")") << QVariant(QStringLiteral("Vasya"));
    QTest::newRow("empty") << jv(R"("")") << QVariant(QString());
    QTest::newRow("int") << jv("464645646464") << QVariant(QStringLiteral("464645646464"));
    QTest::newRow("float") << jv("1.5") << QVariant(QStringLiteral("1.5"));
    QTest::newRow("bool") << jv("true") << QVariant(QStringLiteral("true"));
    QTest::newRow("null") << jv("null") << QVariant();
    QTest::newRow("absent") << jv("undefined") << QVariant();
    QTest::newRow("array") << jv(R"(["a"])") << QVariant();
    QTest::newRow("object") << jv(R"({"a": "b"})") << QVariant();
}

void TestJsonRead::string()
{
    QFETCH(QJsonValue, input);
    QFETCH(QVariant, expected);
    const std::optional<QString> result = Json::string(input);
    QCOMPARE(result.has_value(), expected.isValid());
    if (result)
        QCOMPARE(*result, expected.toString());
}

void TestJsonRead::integer_data()
{
    QTest::addColumn<QJsonValue>("input");
    QTest::addColumn<QVariant>("expected");

    const auto n = [](qint64 v) { return QVariant::fromValue(v); };
    QTest::newRow("int") << jv("7") << n(7);
    QTest::newRow("negative") << jv("-7") << n(-7);
    QTest::newRow("big") << jv("9007199254740993") << n(9007199254740993LL);
    QTest::newRow("float truncated") << jv("12.9") << n(12);
    QTest::newRow("whole float") << jv("12.0") << n(12);
    QTest::newRow("numeric string") << jv(R"("42")") << n(42);
    QTest::newRow("float string") << jv(R"(" 12.7 ")") << n(12);
    QTest::newRow("words") << jv(R"("twelve")") << QVariant();
    QTest::newRow("empty string") << jv(R"("")") << QVariant();
    QTest::newRow("huge") << jv("1e300") << QVariant();
    QTest::newRow("bool") << jv("true") << QVariant();
    QTest::newRow("null") << jv("null") << QVariant();
    QTest::newRow("absent") << jv("undefined") << QVariant();
}

void TestJsonRead::integer()
{
    QFETCH(QJsonValue, input);
    QFETCH(QVariant, expected);
    const std::optional<qint64> result = Json::integer(input);
    QCOMPARE(result.has_value(), expected.isValid());
    if (result)
        QCOMPARE(*result, expected.value<qint64>());
}

void TestJsonRead::objects_data()
{
    QTest::addColumn<QJsonValue>("input");
    QTest::addColumn<int>("count"); // -1: nullopt

    QTest::newRow("object") << jv(R"({"id": 1})") << 1;
    QTest::newRow("list") << jv(R"([{"id": 1}, {"id": 2}, {}])") << 3;
    QTest::newRow("empty list") << jv("[]") << 0;
    QTest::newRow("null") << jv("null") << 0;
    QTest::newRow("absent") << jv("undefined") << 0;
    QTest::newRow("number") << jv("5") << -1;
    QTest::newRow("string") << jv(R"("flow")") << -1;
    QTest::newRow("list with a number") << jv(R"([{"id": 1}, 2])") << -1;
    QTest::newRow("list with null") << jv(R"([null])") << -1;
}

void TestJsonRead::objects()
{
    QFETCH(QJsonValue, input);
    QFETCH(int, count);
    const std::optional<QList<QJsonObject>> result = Json::objects(input);
    QCOMPARE(result.has_value(), count >= 0);
    if (result)
        QCOMPARE(result->size(), count);
    if (input.isArray() && result && count > 0)
        QCOMPARE(result->first(), input.toArray().first().toObject());
}

void TestJsonRead::base64_data()
{
    QTest::addColumn<QJsonValue>("input");
    QTest::addColumn<QVariant>("expected"); // QByteArray; invalid: nullopt

    const auto b = [](const char *s) { return QVariant(QByteArray(s)); };
    QTest::newRow("padded") << jv(R"("SGVsbG8sIE5hdHRlciE=")") << b("Hello, Natter!");
    QTest::newRow("unpadded") << jv(R"("SGVsbG8sIE5hdHRlciE")") << b("Hello, Natter!");
    QTest::newRow("double padding") << jv(R"("SGk=")") << b("Hi");
    QTest::newRow("standard alphabet") << jv(R"("+/8=")") << QVariant(QByteArray("\xfb\xff", 2));
    QTest::newRow("url alphabet") << jv(R"("-_8")") << QVariant(QByteArray("\xfb\xff", 2));
    QTest::newRow("line breaks") << jv(R"("SGVs\nbG8s\r\nIE5h dHRlciE=")") << b("Hello, Natter!");
    QTest::newRow("dangling character ignored")
        << jv(R"("sdfsdfsdf")") << QVariant(QByteArray::fromBase64("sdfsdfsd"));
    QTest::newRow("empty string") << jv(R"("")") << QVariant(QByteArray());
    QTest::newRow("null") << jv("null") << QVariant(QByteArray());
    QTest::newRow("absent") << jv("undefined") << QVariant(QByteArray());
    QTest::newRow("invalid character") << jv(R"("SGk*")") << QVariant();
    QTest::newRow("mixed alphabets") << jv(R"("ab+/cd-_")") << QVariant();
    QTest::newRow("data after padding") << jv(R"("SGk=SGk=")") << QVariant();
    QTest::newRow("non-ASCII") << jv(R"("SGéé")") << QVariant();
    QTest::newRow("number") << jv("1234") << QVariant();
    QTest::newRow("object") << jv(R"({"data": "SGk="})") << QVariant();
}

void TestJsonRead::base64()
{
    QFETCH(QJsonValue, input);
    QFETCH(QVariant, expected);
    const std::optional<QByteArray> result = Json::base64(input);
    QCOMPARE(result.has_value(), expected.isValid());
    if (result)
        QCOMPARE(*result, expected.toByteArray());
}

void TestJsonRead::fieldError()
{
    const Error e = Json::fieldError(
        QStringLiteral("data.flow[0].id"), QStringLiteral("missing"), QByteArray("{}"));
    QCOMPARE(e.code, Error::Code::MalformedFrame);
    QCOMPARE(e.group(), Error::Group::Protocol);
    QCOMPARE(e.message, QStringLiteral("data.flow[0].id: missing"));
    QCOMPARE(e.raw, QByteArray("{}"));
    QCOMPARE(e.serverCode, 0);
}

QTEST_GUILESS_MAIN(TestJsonRead)
#include "tst_jsonread.moc"
