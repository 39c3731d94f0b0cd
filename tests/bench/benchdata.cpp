// SPDX-License-Identifier: GPL-3.0-or-later
// Synthetic chat traffic in the revision-17 wire form the test server sends.
#include "bench.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace Natter::Bench {

namespace {

/// splitmix64: a tiny, well-mixed deterministic generator.
quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

const char *const s_common[] = { "the", "and", "you", "that", "is", "it", "for", "to", "of", "we",
    "ok", "yes", "no", "what", "when", "how", "today", "tomorrow", "build", "release", "server",
    "client", "message", "sync", "cache", "test", "works", "broken", "fixed", "merge", "привет",
    "да", "нет", "сервер", "сообщение", "спасибо", "завтра", "сегодня", "работает", "lol", "thanks",
    "please", "maybe", "later", "now", "here", "there", "good", "bad", "done" };
constexpr int s_commonCount = int(sizeof(s_common) / sizeof(s_common[0]));
constexpr int s_rareCount = 4000;

const char *const s_syllables[] = { "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "zo", "pe",
    "da", "gu", "ri", "mo", "te", "xa", "bel", "dor", "fin", "gar", "hul", "jex", "kor", "lum" };
constexpr int s_syllableCount = int(sizeof(s_syllables) / sizeof(s_syllables[0]));

/// Word `rank` of the vocabulary: the common words first, then made-up rarer ones.
QString word(int rank)
{
    if (rank < s_commonCount)
        return QString::fromUtf8(s_common[rank]);
    quint64 r = mix(quint64(rank) * 7919);
    QString w;
    const int syllables = 2 + int(r % 3);
    for (int i = 0; i < syllables; ++i) {
        r = mix(r);
        w += QLatin1String(s_syllables[r % s_syllableCount]);
    }
    return w + QString::number(rank % 97); // unique per rank
}

const QList<QString> &vocabulary()
{
    static const QList<QString> words = [] {
        QList<QString> list;
        for (int i = 0; i < s_commonCount + s_rareCount; ++i)
            list.append(word(i));
        return list;
    }();
    return words;
}

} // namespace

QString Traffic::text(qint64 index)
{
    const QList<QString> &words = vocabulary();
    quint64 r = mix(quint64(index) ^ 0x5eedULL);
    const int count = 3 + int(r % 22); // 3..24 words, ~ 90 characters on average
    QString text;
    text.reserve(count * 7);
    for (int i = 0; i < count; ++i) {
        r = mix(r);
        // Half the words from the common set, the rest spread thinly over the long tail.
        const double u = double(r >> 11) / double(1ULL << 53);
        const int rank = (r & 1) ? int(u * u * s_commonCount)
                                 : s_commonCount + int(std::pow(u, 2.0) * s_rareCount);
        if (i)
            text += (r % 11 == 0) ? QLatin1String(", ") : QLatin1String(" ");
        text += words.at(std::min<int>(rank, int(words.size()) - 1));
    }
    if (r % 5 == 0)
        text += u'?';
    return text;
}

QStringList Traffic::commonWords()
{
    return { QStringLiteral("the"), QStringLiteral("server"), QStringLiteral("сообщение") };
}

QStringList Traffic::rareWords()
{
    const QList<QString> &words = vocabulary();
    return { words.at(s_commonCount + 1500), words.at(s_commonCount + 3900),
        words.at(s_commonCount + 300) % QLatin1String(" ") % words.at(2) };
}

QString Traffic::flowUuid(int flow)
{
    return QStringLiteral("1937618234958390245780934589%1").arg(flow, 10, 10, QLatin1Char('0'));
}

QString Traffic::userUuid(int user)
{
    return QStringLiteral("9732478923647823647823647823%1").arg(user, 10, 10, QLatin1Char('0'));
}

QString Traffic::messageUuid(qint64 index)
{
    return QStringLiteral("2630176458920457120984%1").arg(index, 16, 10, QLatin1Char('0'));
}

qint64 Traffic::timeSeconds(qint64 index)
{
    return 1594492100 + index * 3;
}

QByteArray Traffic::allMessagesFrame(int flow, int flows, qint64 first, int count, bool last)
{
    QJsonArray messages;
    const QString flowId = flowUuid(flow);
    for (qint64 i = first; i < first + count; ++i) {
        const qint64 global = i * flows + flow;
        messages.append(QJsonObject {
            { QStringLiteral("uuid"), messageUuid(global) },
            { QStringLiteral("text"), text(global) },
            { QStringLiteral("from_user"), userUuid(int(mix(quint64(global)) % 20)) },
            { QStringLiteral("time"), timeSeconds(global) },
            { QStringLiteral("from_flow"), flowId },
            { QStringLiteral("file_picture"), QJsonValue() },
            { QStringLiteral("file_video"), QJsonValue() },
            { QStringLiteral("file_audio"), QJsonValue() },
            { QStringLiteral("file_document"), QJsonValue() },
            { QStringLiteral("emoji"), QJsonValue() },
            { QStringLiteral("edited_time"), QJsonValue() },
            { QStringLiteral("edited_status"), false },
            { QStringLiteral("client_id"), QJsonValue() },
        });
    }
    const qint64 now = timeSeconds(first + count);
    const QJsonObject frame {
        { QStringLiteral("type"), QStringLiteral("all_messages") },
        { QStringLiteral("jsonapi"),
            QJsonObject { { QStringLiteral("version"), QStringLiteral("1.0") },
                { QStringLiteral("revision"), QStringLiteral("17") } } },
        { QStringLiteral("meta"), QJsonValue() },
        { QStringLiteral("data"),
            QJsonObject { { QStringLiteral("time"), now }, { QStringLiteral("user"), QJsonValue() },
                { QStringLiteral("meta"), QJsonValue() },
                { QStringLiteral("flow"),
                    QJsonArray { QJsonObject { { QStringLiteral("uuid"), flowId } } } },
                { QStringLiteral("message"), messages } } },
        { QStringLiteral("errors"),
            QJsonObject { { QStringLiteral("code"), last ? 200 : 206 },
                { QStringLiteral("status"),
                    last ? QStringLiteral("OK") : QStringLiteral("Partial Content") },
                { QStringLiteral("detail"),
                    last ? QStringLiteral("successfully") : QStringLiteral("partial content") },
                { QStringLiteral("time"), now } } },
    };
    return QJsonDocument(frame).toJson(QJsonDocument::Compact);
}

double median(QList<double> values)
{
    return percentile(std::move(values), 50);
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = qsizetype(std::ceil(p / 100.0 * double(values.size()))) - 1;
    return values.at(std::clamp<qsizetype>(index, 0, values.size() - 1));
}

} // namespace Natter::Bench
