// SPDX-License-Identifier: GPL-3.0-or-later
// DisTet codec over tests/data/distet: every example of the seed (seed-*), casing rows (case-*),
// boolean and date rows (bool-*, date-*), Natter's own list replies (x-*), refusals (refused-*)
// and malformed rows (bad-*). Requests round-trip; every file's decoded summary is checked.
#include "protocol/distet/distetcodec.h"
#include "protocol/jsonread.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Natter;
using namespace Natter::Distet;

namespace {

QString dataDir()
{
    return QStringLiteral(NATTER_TEST_DATA "/distet");
}

QJsonObject readObject(const QString &name)
{
    QFile file(dataDir() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

/// Keys lowercased all the way down: casing rows compare this way.
QJsonValue lowerKeys(const QJsonValue &v)
{
    if (v.isObject()) {
        QJsonObject out;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key().toLower(), lowerKeys(it.value()));
        return out;
    }
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &e : v.toArray())
            out.append(lowerKeys(e));
        return out;
    }
    return v;
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString errorText(const Error &e)
{
    return QStringLiteral("error:") + errorCodeName(e.code) + QLatin1Char(':') + e.message;
}

template <typename T, typename F>
QString show(const Result<T> &r, F f)
{
    return r ? f(r.value()) : errorText(r.error());
}

QString messagesText(const QList<Message> &list)
{
    QStringList parts;
    for (const Message &m : list) {
        QStringList refs;
        for (const Attachment &a : m.attachments)
            refs << a.reference;
        parts << QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                     .arg(m.id, m.fromId)
                     .arg(m.time)
                     .arg(m.text)
                     .arg(m.edited ? m.editedTime : 0)
                     .arg(m.deleted ? QStringLiteral("deleted") : QStringLiteral("-"))
                     .arg(refs.join(QLatin1Char(',')));
    }
    return parts.join(QLatin1Char(';'));
}

QString contactsText(const QList<Contact> &list)
{
    QStringList parts;
    for (const Contact &c : list)
        parts << QStringLiteral("%1:%2:%3:%4:%5")
                     .arg(c.userId, c.name, c.note)
                     .arg(c.added)
                     .arg(c.photoRef);
    return parts.join(QLatin1Char(';'));
}

/// What a reply decodes to, as one line.
QString summarizeReply(const QString &path, const QString &variant, const QJsonObject &o)
{
    const Result<Status> status = decodeStatus(o);
    if (!status)
        return errorText(status.error());
    if (!status->ok())
        return errorText(errorFromStatus(status.value(), path));
    if (path == Path::Auth || path == Path::Registration) {
        if (variant == QLatin1String("token"))
            return QStringLiteral("ok");
        return show(decodeToken(o), [](const QString &t) -> QString {
            return QStringLiteral("user=") + userIdFromToken(t);
        });
    }
    if (path == Path::Media)
        return show(decodeMediaKey(o), [](const QString &k) -> QString { return k; });
    if (path == Path::GetMedia)
        return show(decodeMediaFile(o), [](const MediaFile &f) -> QString {
            return QStringLiteral("%1.%2:%3").arg(f.hash, f.extension).arg(f.bytes.size());
        });
    if (path == Path::GetMediaDialog)
        return show(decodeMediaList(o), [](const QList<MediaFile> &l) -> QString {
            return QStringLiteral("%1 files, %2").arg(l.size()).arg(l.value(0).extension);
        });
    if (path == Path::ChangeUser)
        return show(decodeChanges(o),
            [](const QStringList &l) -> QString { return l.join(QLatin1Char('|')); });
    if (path == Path::RequestFrBl) {
        const std::optional<FrBlOp> op = parseFrBlOp(variant);
        if (!op)
            return QStringLiteral("ok");
        const Contact::Kind kind = *op == FrBlOp::ListBlocks ? Contact::Kind::Blocked
            : *op == FrBlOp::GetIncoming                     ? Contact::Kind::Incoming
            : *op == FrBlOp::GetOutcoming                    ? Contact::Kind::Outgoing
                                                             : Contact::Kind::Friend;
        return show(decodeContacts(o, kind), contactsText);
    }
    if (path == Path::GetDialogs)
        return show(decodeDialogs(o), [](const QList<Flow> &l) -> QString {
            QStringList parts;
            for (const Flow &f : l)
                parts << f.id.left(12) + QLatin1Char(':') + f.title;
            return parts.join(QLatin1Char(';'));
        });
    if (path == Path::CreateDialog)
        return show(decodeDialogKey(o), [](const QString &k) -> QString { return k.left(12); });
    if (path == Path::GetUsersDialog)
        return show(decodeUserIds(o),
            [](const QStringList &l) -> QString { return l.join(QLatin1Char(',')); });
    if (path == Path::GetUser)
        return show(decodeUser(o),
            [](const User &u) -> QString { return u.id + QLatin1Char(':') + u.name; });
    if (path == Path::GetMessages || path == Path::GetDelMessages)
        return show(
            decodeMessages(o, QStringLiteral("d"), path == Path::GetDelMessages), messagesText);
    if (path == Path::SendMessage)
        return show(decodeMessageKey(o), [](const QString &k) -> QString { return k.left(12); });
    if (path == Path::SearchRequest) {
        const QLatin1String field = variant == QLatin1String("everyWhere")
            ? QLatin1String("Dialogs")
            : QLatin1String("Messages");
        return show(decodeKeys(o, field),
            [](const QStringList &l) -> QString { return QString::number(l.size()); });
    }
    return QStringLiteral("ok");
}

QString summarizeRequest(const Request &r)
{
    QStringList parts;
    if (r.dialog && r.dialog->isPrivate)
        parts << QStringLiteral("private=")
                + (*r.dialog->isPrivate ? QStringLiteral("true") : QStringLiteral("false"));
    if (r.dialog && r.dialog->userIds)
        parts << QStringLiteral("users=") + r.dialog->userIds->join(QLatin1Char(','));
    if (r.dialogKey)
        parts << QStringLiteral("dialog=") + *r.dialogKey;
    if (r.user)
        parts << QStringLiteral("user=") + *r.user;
    if (r.message && r.message->key)
        parts << QStringLiteral("msg=") + *r.message->key;
    if (r.imageKey)
        parts << QStringLiteral("image=") + *r.imageKey;
    return parts.join(QLatin1Char(' '));
}

// Expected summaries. Replies: every file. Requests: the rows whose meaning is normalised.
const QHash<QString, QString> &expected()
{
    static const QHash<QString, QString> table = {
        { QStringLiteral("seed-03"), QStringLiteral("ok") },
        // "code": 0 is the template's placeholder: not 2xx, so not a success.
        { QStringLiteral("seed-05"),
            QStringLiteral("error:server_refused:Registration: 0 look example") },
        { QStringLiteral("seed-07"), QStringLiteral("user=1") },
        { QStringLiteral("seed-10"), QStringLiteral("ok") },
        { QStringLiteral("seed-12"), QStringLiteral("ok") },
        { QStringLiteral("seed-15"), QStringLiteral("fa5acdf109bdee4b6f2eb886e53fc6f7") },
        { QStringLiteral("seed-17"), QStringLiteral("фото профиля сменено") },
        { QStringLiteral("seed-19"), QStringLiteral("fa5acdf109bdee4b6f2eb886e53fc6f7") },
        { QStringLiteral("seed-21"), QStringLiteral("sa148a8cx43safsedfs.png:14") },
        { QStringLiteral("seed-23"), QStringLiteral("1 files, png") },
        { QStringLiteral("seed-38"),
            QStringLiteral("5accfeddc9afdec25e45cca089bac5b0a4a84916a003a742e6744ae2443997a2|4|"
                           "1684096203080|Hello world|0|-|") },
        { QStringLiteral("seed-40"),
            QStringLiteral("5accfeddc9afdec25e45cca089bac5b0a4a84916a003a742e6744ae2443997a2|4|"
                           "1684096203080|Hello world|0|deleted|") },
        { QStringLiteral("seed-47"), QStringLiteral("f262756d04f0") },
        { QStringLiteral("seed-49"), QStringLiteral("32323032332d") },
        // The seed's ChangeDialog answer says "changed" under code 500: Status.code decides.
        { QStringLiteral("seed-51"), QStringLiteral("error:server_failure:ChangeDialog: 500") },
        { QStringLiteral("seed-53"), QStringLiteral("ok") },
        { QStringLiteral("seed-55"), QStringLiteral("32323032332d:Это диалог") },
        { QStringLiteral("seed-57"), QStringLiteral("1:Login") },
        { QStringLiteral("seed-59"), QStringLiteral("2,1") },
        { QStringLiteral("seed-62"), QStringLiteral("error:server_failure:SearchRequest: 500") },
        { QStringLiteral("seed-64"), QStringLiteral("6") },
        { QStringLiteral("seed-66"),
            QStringLiteral("никнейм сменён|пароль сменён|фото профиля сменено") },
        { QStringLiteral("x-01"),
            QStringLiteral("2:bob:school:1684096203080:;3:carol::0:fa5acdf1") },
        { QStringLiteral("x-02"), QStringLiteral("5:dave:hi:1685606400000:") },
        { QStringLiteral("x-03"), QString() },
        { QStringLiteral("x-04"), QStringLiteral("9:mallory::1685696400500:") },
        { QStringLiteral("x-05"), QStringLiteral("ok") },
        { QStringLiteral("x-06"), QStringLiteral("user=42") },
        { QStringLiteral("case-01"), QStringLiteral("k1|7|1684096203080|casing|0|-|m1,m2") },
        { QStringLiteral("case-02"), QStringLiteral("dialog=d1") },
        { QStringLiteral("case-03"), QStringLiteral("dialog=d1 user=51") },
        { QStringLiteral("case-04"), QStringLiteral("msg=k1") },
        { QStringLiteral("case-05"), QStringLiteral("users=51") },
        { QStringLiteral("case-06"), QStringLiteral("image=fa5a") },
        { QStringLiteral("case-07"), QStringLiteral("f262") },
        { QStringLiteral("case-08"), QStringLiteral("d1:Dialog") },
        { QStringLiteral("case-09"), QStringLiteral("2,1") },
        { QStringLiteral("bool-01"), QStringLiteral("private=true users=3") },
        { QStringLiteral("bool-02"), QStringLiteral("private=false users=3") },
        { QStringLiteral("bool-03"), QStringLiteral("private=false users=3") },
        { QStringLiteral("bool-04"), QStringLiteral("private=true users=3") },
        { QStringLiteral("bool-05"), QStringLiteral("private=true users=3") },
        { QStringLiteral("date-01"),
            QStringLiteral(
                "a|1|1684096203080|centiseconds|0|-|;b|1|1684096203000|iso|1684098000000|-|;"
                "c|1|1684096203000|seconds|0|deleted|;d|1|1684096203000|ms string|0|-|") },
        { QStringLiteral("bad-01"), QStringLiteral("error:malformed_frame:Status:") },
        { QStringLiteral("bad-02"), QStringLiteral("error:malformed_frame:Msg:") },
        { QStringLiteral("bad-03"), QStringLiteral("error:malformed_frame:Msg[0].infoMessage:") },
        { QStringLiteral("bad-04"),
            QStringLiteral("error:malformed_frame:Msg[0].infoMessage.msgKey:") },
        { QStringLiteral("bad-05"),
            QStringLiteral("error:malformed_frame:Msg[0].infoMessage.date:") },
        { QStringLiteral("bad-06"), QStringLiteral("error:malformed_frame:Dialogs[0].hash:") },
        { QStringLiteral("bad-07"), QStringLiteral("error:malformed_frame:Tocken:") },
        { QStringLiteral("bad-08"), QStringLiteral("error:malformed_frame:Id:") },
        { QStringLiteral("bad-09"), QStringLiteral("error:malformed_frame:UsersId[1]:") },
        { QStringLiteral("bad-10"), QStringLiteral("error:malformed_frame:Status.code:") },
        { QStringLiteral("bad-11"), QStringLiteral("error:malformed_frame:BytesBase64:") },
        { QStringLiteral("bad-12"), QStringLiteral("error:malformed_frame:message.infoMessage:") },
        { QStringLiteral("bad-13"), QStringLiteral("error:malformed_frame:id:") },
        { QStringLiteral("bad-14"), QStringLiteral("error:malformed_frame:sessia:") },
        { QStringLiteral("bad-15"), QStringLiteral("error:malformed_frame:bytes:") },
        { QStringLiteral("bad-16"), QStringLiteral("error:malformed_frame:friends[0].id:") },
        { QStringLiteral("bad-17"), QStringLiteral("error:malformed_frame:msgkey:") },
        { QStringLiteral("bad-18"), QStringLiteral("error:malformed_frame:Msg[0].hash:") },
        { QStringLiteral("refused-01"), QStringLiteral("error:email_not_confirmed:") },
        { QStringLiteral("refused-02"), QStringLiteral("error:wrong_credentials:") },
        { QStringLiteral("refused-03"), QStringLiteral("error:not_found:") },
        { QStringLiteral("refused-04"), QStringLiteral("error:already_exists:") },
        { QStringLiteral("refused-05"), QStringLiteral("error:email_not_confirmed:") },
    };
    return table;
}

} // namespace

class TestDistetCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files
            = QDir(dataDir()).entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 100);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << f;
    }

    void fixtures()
    {
        QFETCH(QString, file);
        const QString id = file.section(QLatin1Char('_'), 0, 0);
        const QString kind = id.section(QLatin1Char('-'), 0, 0);
        const QStringList parts = file.section(QLatin1Char('_'), 1).split(QLatin1Char('.'));
        const QString path = parts.first();
        const bool isRequest = parts.contains(QLatin1String("request"));
        const QString variant = parts.size() > 3 ? parts.at(1) : QString();
        const QJsonObject wire = readObject(file);
        QVERIFY2(!wire.isEmpty(), "fixture is not a JSON object");
        QVERIFY2(allPaths().contains(path), qPrintable(path));

        if (!isRequest) {
            const QString actual = summarizeReply(path, variant, wire);
            QVERIFY2(expected().contains(id),
                qPrintable(
                    QStringLiteral("no expectation for ") + id + QStringLiteral(": ") + actual));
            const QString want = expected().value(id);
            if (want.startsWith(QLatin1String("error:")))
                QVERIFY2(actual.startsWith(want), qPrintable(actual));
            else
                QCOMPARE(actual, want);
            // The same bytes through decodeReply agree on success or failure.
            // The same bytes through decodeReply: the envelope alone decides success.
            const Result<QJsonObject> reply = decodeReply(path, QJsonDocument(wire).toJson());
            const Result<Status> status = decodeStatus(wire);
            QCOMPARE(reply.ok(), status && status->ok());
            if (!reply)
                QVERIFY2(
                    actual.startsWith(errorText(reply.error()).section(QLatin1Char(':'), 0, 2)),
                    qPrintable(actual));
            return;
        }

        const Result<Request> decoded = decodeRequest(path, wire);
        if (kind == QLatin1String("bad")) {
            QVERIFY(!decoded);
            QVERIFY2(errorText(decoded.error()).startsWith(expected().value(id)),
                qPrintable(errorText(decoded.error())));
            return;
        }
        QVERIFY2(decoded.ok(), decoded ? "" : qPrintable(errorText(decoded.error())));
        const QJsonObject encoded = encodeRequest(decoded.value());
        if (kind == QLatin1String("seed")) {
            // The seed's own casing and shapes come back byte for byte (as JSON).
            QCOMPARE(compact(encoded), compact(wire));
        } else if (kind == QLatin1String("case")) {
            QCOMPARE(lowerKeys(encoded), lowerKeys(wire));
        }
        if (expected().contains(id))
            QCOMPARE(summarizeRequest(decoded.value()), expected().value(id));
        // Decoding what we encode gives the same request.
        const Result<Request> again = decodeRequest(path, encoded);
        QVERIFY(again.ok());
        QCOMPARE(again.value(), decoded.value());
    }

    void notJsonIsANamedError()
    {
        for (const QByteArray &body : { QByteArray("not json"), QByteArray(), QByteArray("[1,2]"),
                 QByteArray("{\"Status\":"), QByteArray("<html>502</html>") }) {
            const Result<QJsonObject> reply = decodeReply(Path::GetDialogs, body);
            QVERIFY(!reply);
            QCOMPARE(reply.error().code, Error::Code::MalformedFrame);
            QVERIFY(reply.error().message.startsWith(QLatin1String("GetDialogs")));
        }
    }

    void tokenSuffixIsTheUserId()
    {
        QCOMPARE(userIdFromToken(QStringLiteral("fd?3")), QStringLiteral("3"));
        QCOMPARE(userIdFromToken(QStringLiteral("a?b?17")), QStringLiteral("17"));
        QCOMPARE(userIdFromToken(QStringLiteral("nosuffix")), QString());
    }

    void encodersUseTheSeedsCasing()
    {
        Sessia s;
        s.token = QStringLiteral("t?1");
        s.deviceId = QStringLiteral("dev");
        s.hashCert = QStringLiteral("h");
        s.clientName = QStringLiteral("Natter");
        s.version = QStringLiteral("0.1.0");
        Request kick = simpleRequest(Path::KickUser, s);
        kick.dialogKey = QStringLiteral("d");
        kick.user = QStringLiteral("51");
        const QJsonObject k = encodeRequest(kick);
        QCOMPARE(k.value(QLatin1String("PkDialog")).toString(), QStringLiteral("d"));
        QCOMPARE(k.value(QLatin1String("user")).toInteger(), 51);
        QCOMPARE(
            k.value(QLatin1String("sessia")).toObject().value(QLatin1String("tocken")).toString(),
            QStringLiteral("t?1"));
        QVERIFY(!k.value(QLatin1String("sessia"))
                     .toObject()
                     .value(QLatin1String("device"))
                     .toObject()
                     .contains(QLatin1String("os")));

        s.full = true;
        s.os = QStringLiteral("Linux");
        const QJsonObject auth
            = encodeRequest(authRequest(QStringLiteral("a@b"), QStringLiteral("pw"), s));
        QCOMPARE(auth.value(QLatin1String("sessia"))
                     .toObject()
                     .value(QLatin1String("device"))
                     .toObject()
                     .value(QLatin1String("os"))
                     .toString(),
            QStringLiteral("Linux"));
        QCOMPARE(auth.value(QLatin1String("email")).toString(), QStringLiteral("a@b"));

        const QJsonObject page = encodeRequest(
            getMessagesRequest(Path::GetMessages, QStringLiteral("d"), 0, 50, 100, s));
        QCOMPARE(page.value(QLatin1String("date")).toString(), QStringLiteral("-1"));
        QCOMPARE(page.value(QLatin1String("skip")).toInt(), 100);
        QCOMPARE(encodeDate(1684096203080), QStringLiteral("2023-05-14 20:30:03.080"));
        QCOMPARE(Json::timeMs(QJsonValue(encodeDate(1684096203080))).value_or(0), 1684096203080);

        const QJsonObject list
            = encodeRequest(frBlRequest(FrBlOp::GetOutcoming, {}, {}, 100, 200, s));
        QCOMPARE(list.value(QLatin1String("operation")).toString(), QStringLiteral("getOutcoming"));
        QCOMPARE(list.value(QLatin1String("take")).toInt(), 100);
        QVERIFY(!list.contains(QLatin1String("id")));
    }

    void errorMapping()
    {
        QCOMPARE(
            errorFromStatus({ 403, QStringLiteral("email not activated") }, Path::GetDialogs).code,
            Error::Code::EmailNotConfirmed);
        QCOMPARE(errorFromStatus({ 401, QStringLiteral("bad token") }, Path::GetDialogs).code,
            Error::Code::NotAuthenticated);
        QCOMPARE(errorFromStatus({ 401, QStringLiteral("bad password") }, Path::Auth).code,
            Error::Code::WrongCredentials);
        QCOMPARE(errorFromStatus({ 418, QString() }, Path::Media).code, Error::Code::ServerRefused);
        QCOMPARE(errorFromStatus({ 500, QString() }, Path::Media).serverCode, 500);
    }
};

QTEST_GUILESS_MAIN(TestDistetCodec)
#include "tst_distetcodec.moc"
