// SPDX-License-Identifier: GPL-3.0-or-later
#include "chaos.h"

#include "serverlog.h"

#include <QJsonDocument>
#include <QWebSocket>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Natter::Testing {

namespace {
/// Answers that correlate with the oldest outstanding request of any kind.
bool isBarrier(const QString &kind)
{
    return kind == u"error"_s;
}

QString kindOf(const QJsonObject &frame)
{
    const auto type = frame.value(u"type"_s).toString();
    return type.isEmpty() ? frame.value(u"mode"_s).toString() : type;
}
} // namespace

std::optional<ChaosOptions> ChaosOptions::parse(
    const QString &spec, const ChaosOptions &base, QString *error)
{
    ChaosOptions options = base;
    const auto fail = [&](const QString &why) -> std::optional<ChaosOptions> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    for (const auto &item : spec.split(u',', Qt::SkipEmptyParts)) {
        const auto name = item.section(u'=', 0, 0).trimmed();
        const auto value = item.section(u'=', 1).trimmed();
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (!ok || number < 0)
            return fail(u"chaos rate %1: not a number >= 0: \"%2\""_s.arg(name, value));
        const bool isRate
            = !name.contains(u"-min"_s) && !name.contains(u"-max"_s) && name != u"max-delay"_s;
        if (isRate && number > 1)
            return fail(u"chaos rate %1: must be between 0 and 1"_s.arg(name));
        if (name == u"delay"_s)
            options.delayRate = number;
        else if (name == u"max-delay"_s)
            options.maxDelayMs = int(number);
        else if (name == u"reorder"_s)
            options.reorderRate = number;
        else if (name == u"drop"_s)
            options.dropRate = number;
        else if (name == u"drop-after"_s)
            options.dropAfterApplyRate = number;
        else if (name == u"garbage"_s)
            options.garbageRate = number;
        else if (name == u"restart"_s)
            options.restartRate = number;
        else if (name == u"restart-min"_s)
            options.restartMinMs = int(number);
        else if (name == u"restart-max"_s)
            options.restartMaxMs = int(number);
        else
            return fail(u"unknown chaos rate \"%1\""_s.arg(name));
    }
    if (options.restartMaxMs < options.restartMinMs)
        return fail(u"chaos restart-max is below restart-min"_s);
    return options;
}

Chaos::Chaos(const ChaosOptions &options, QObject *parent)
    : QObject(parent), m_options(options), m_random(quint32(options.seed))
{
    const quint32 seeds[] = { quint32(options.seed), quint32(options.seed >> 32), 0x6368616fu };
    m_random = QRandomGenerator(seeds, 3);
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Chaos::flushAll);
}

Chaos::~Chaos() = default;

void Chaos::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled) {
        for (auto &line : m_lines)
            for (auto &pending : line.pending)
                pending = { pending.seq, pending.kind, pending.frame, 0, false, false, 0 };
        flushAll();
    }
}

bool Chaos::roll(double rate)
{
    // Always draw, so that one rate set to 0 does not shift every later decision.
    const double draw = m_random.generateDouble();
    return draw < rate;
}

Chaos::Verdict Chaos::onRequest(QWebSocket *)
{
    if (!m_enabled)
        return Verdict::Process;
    ++m_stats.requests;
    const bool restart = roll(m_options.restartRate);
    const bool drop = roll(m_options.dropRate);
    const bool dropAfter = roll(m_options.dropAfterApplyRate);
    const int down = m_options.restartMinMs
        + int(m_random.bounded(quint32(m_options.restartMaxMs - m_options.restartMinMs + 1)));
    Verdict verdict = Verdict::Process;
    if (restart) {
        m_downMs = down;
        ++m_stats.restarts;
        verdict = Verdict::Restart;
        qCInfo(lcTestServer) << "chaos: restart, down for" << down << "ms";
    } else if (drop) {
        ++m_stats.drops;
        verdict = Verdict::Drop;
        qCInfo(lcTestServer) << "chaos: dropping the connection before the request";
    } else if (dropAfter) {
        ++m_stats.dropsAfterApply;
        verdict = Verdict::DropAfterApply;
        qCInfo(lcTestServer) << "chaos: dropping the connection after applying the request";
    }
    if (verdict != Verdict::Process)
        Q_EMIT statsChanged();
    return verdict;
}

void Chaos::deliver(QWebSocket *socket, const QJsonObject &frame)
{
    Line &line = m_lines[socket];
    if (!line.socket) {
        line.socket = socket;
        connect(socket, &QObject::destroyed, this, [this, socket] { forget(socket); });
    }
    Pending pending;
    pending.seq = ++m_seq;
    pending.kind = kindOf(frame);
    pending.frame = QJsonDocument(frame).toJson(QJsonDocument::Compact);
    const qint64 now = m_clock.elapsed();
    pending.dueMs = now;
    if (m_enabled) {
        const bool garbage = roll(m_options.garbageRate);
        const bool delay = roll(m_options.delayRate);
        const bool reorder = roll(m_options.reorderRate);
        const int delayMs = int(m_random.bounded(quint32(m_options.maxDelayMs + 1)));
        if (garbage)
            sendGarbage(socket);
        if (delay && delayMs > 0) {
            pending.dueMs = now + delayMs;
            ++m_stats.delayed;
        }
        if (reorder && !isBarrier(pending.kind)) {
            pending.held = true;
            pending.holdUntilMs = now + std::max(300, m_options.maxDelayMs);
        }
    }
    line.pending.append(pending);
    flush(line);
    rearm();
}

void Chaos::forget(QWebSocket *socket)
{
    m_lines.remove(socket);
}

void Chaos::sendGarbage(QWebSocket *socket)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    ++m_stats.garbage;
    Q_EMIT statsChanged();
    switch (m_random.bounded(3)) {
    case 0: // not JSON at all
        socket->sendTextMessage(u"{\"type\": \"send_message\", \"data\": {\"oops"_s);
        break;
    case 1: // valid JSON of a kind no request asked for
        socket->sendTextMessage(
            u"{\"type\":\"chaos_noise\",\"mode\":\"chaosNoise\",\"status\":200,"
            "\"jsonapi\":{\"version\":\"1.0\"},\"data\":{\"noise\":[1,2,3]}}"_s);
        break;
    default: { // binary junk
        QByteArray junk(int(16 + m_random.bounded(240)), Qt::Uninitialized);
        for (auto &byte : junk)
            byte = char(m_random.bounded(256));
        socket->sendBinaryMessage(junk);
        break;
    }
    }
}

void Chaos::flush(Line &line)
{
    const qint64 now = m_clock.elapsed();
    bool progress = true;
    while (progress) {
        progress = false;
        for (qsizetype i = 0; i < line.pending.size(); ++i) {
            const Pending &p = line.pending.at(i);
            bool blocked = false;
            for (qsizetype j = 0; j < i && !blocked; ++j) {
                const auto &earlier = line.pending.at(j).kind;
                blocked = earlier == p.kind || isBarrier(earlier) || isBarrier(p.kind);
            }
            const bool ready = p.dueMs <= now && (!p.held || p.overtaken || now >= p.holdUntilMs);
            if (blocked || !ready)
                continue;
            if (i > 0) {
                ++m_stats.reordered;
                for (qsizetype j = 0; j < i; ++j)
                    line.pending[j].overtaken = true;
            }
            if (line.socket && line.socket->state() == QAbstractSocket::ConnectedState)
                line.socket->sendTextMessage(QString::fromUtf8(p.frame));
            line.pending.removeAt(i);
            progress = true;
            break;
        }
    }
}

void Chaos::flushAll()
{
    for (auto &line : m_lines)
        flush(line);
    rearm();
}

void Chaos::rearm()
{
    const qint64 now = m_clock.elapsed();
    qint64 next = std::numeric_limits<qint64>::max();
    for (const auto &line : std::as_const(m_lines)) {
        for (const auto &p : line.pending) {
            const qint64 at = p.held && !p.overtaken ? std::max(p.dueMs, p.holdUntilMs) : p.dueMs;
            if (at > now)
                next = std::min(next, at);
        }
    }
    if (next == std::numeric_limits<qint64>::max())
        m_timer.stop();
    else
        m_timer.start(int(next - now));
}

} // namespace Natter::Testing
