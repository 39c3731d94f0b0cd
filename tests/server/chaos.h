// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

#include <optional>

class QWebSocket;

namespace Natter::Testing {

/// How unreliable a chaos server is. Rates are probabilities (0..1) per request received
/// (drop, dropAfterApply, restart) or per answer sent (delay, reorder, garbage).
struct ChaosOptions
{
    quint64 seed = 1;
    double delayRate = 0.2; ///< an answer is held back 0..maxDelayMs
    int maxDelayMs = 300;
    double reorderRate = 0.05; ///< an answer waits until one of another kind has overtaken it
    double dropRate = 0.005; ///< the request is not processed: the connection is aborted
    double dropAfterApplyRate = 0.005; ///< processed, then the connection aborted unanswered
    double garbageRate = 0.02; ///< a garbage frame goes out before the answer
    double restartRate = 0.001; ///< every connection closes; none accepted for a while
    int restartMinMs = 500;
    int restartMaxMs = 2000;

    /// Rates from "delay=0.2,max-delay=300,reorder=0.05,drop=0.005,drop-after=0.005,
    /// garbage=0.02,restart=0.001,restart-min=500,restart-max=2000" (any subset, on top of
    /// @p base). nullopt and @p error on an unknown key or a bad value.
    static std::optional<ChaosOptions> parse(
        const QString &spec, const ChaosOptions &base, QString *error = nullptr);
};

/// What a chaos layer did so far.
struct ChaosStats
{
    int requests = 0; ///< requests seen
    int delayed = 0; ///< answers held back
    int reordered = 0; ///< answers sent after a later answer of another kind
    int drops = 0; ///< connections aborted before the request was processed
    int dropsAfterApply = 0; ///< connections aborted after processing, before answering
    int garbage = 0; ///< garbage frames sent
    int restarts = 0;
};

/// The chaos layer of a WebSocket test server: it sits between the sockets and the protocol
/// backend (WebSocketBackend::setChaos). For each request it decides whether the backend
/// processes it, and it delivers the answers: late, out of order, after garbage.
///
/// Answers stay correlatable the way Natter's clients correlate them (RequestTracker: FIFO per
/// kind, an "error" answer goes to the oldest outstanding request): answers of one kind never
/// overtake each other and an "error" frame is a barrier nothing crosses. Given a seed and the
/// same sequence of events, every decision is the same.
class Chaos : public QObject
{
    Q_OBJECT
public:
    enum class Verdict {
        Process, ///< answer normally (perhaps late or out of order)
        Drop, ///< abort the connection, do not process
        DropAfterApply, ///< process, swallow the answers, then abort the connection
        Restart, ///< do not process; close everything and refuse connections for restartDownMs()
    };

    explicit Chaos(const ChaosOptions &options, QObject *parent = nullptr);
    ~Chaos() override;

    const ChaosOptions &options() const { return m_options; }
    ChaosStats stats() const { return m_stats; }
    /// Turns the chaos off (answers go out at once) or on again; counters are kept.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    /// Decides the fate of one request arriving on @p socket.
    Verdict onRequest(QWebSocket *socket);
    /// How long the restart just decided keeps the server down.
    int restartDownMs() const { return m_downMs; }
    /// Queues an answer; it is sent when its delay has passed and ordering allows.
    void deliver(QWebSocket *socket, const QJsonObject &frame);
    /// The socket is gone: drop what was queued for it.
    void forget(QWebSocket *socket);

Q_SIGNALS:
    void statsChanged();

private:
    struct Pending
    {
        quint64 seq = 0;
        QString kind;
        QByteArray frame;
        qint64 dueMs = 0;
        bool held = false; ///< waits until an answer of another kind overtook it (or holdUntilMs)
        bool overtaken = false;
        qint64 holdUntilMs = 0;
    };
    struct Line
    {
        QPointer<QWebSocket> socket;
        QList<Pending> pending; ///< in the order the backend answered
    };

    bool roll(double rate);
    void sendGarbage(QWebSocket *socket);
    void flush(Line &line);
    void flushAll();
    void rearm();

    ChaosOptions m_options;
    ChaosStats m_stats;
    QRandomGenerator m_random;
    QHash<QWebSocket *, Line> m_lines;
    QElapsedTimer m_clock;
    QTimer m_timer;
    quint64 m_seq = 0;
    int m_downMs = 0;
    bool m_enabled = true;
};

} // namespace Natter::Testing
