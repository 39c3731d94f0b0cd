// SPDX-License-Identifier: GPL-3.0-or-later
// DistetClient's deadline is one of inactivity: a slow upload that keeps moving finishes, a
// stalled one times out. The server is a bare QTcpServer that reads request bodies slowly.
#include "clientharness.h"
#include "protocol/distet/distetclient.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Natter;
using namespace Natter::Testing;

namespace {

/// What GetMedia answers: 2 MiB (2.7 MiB of JSON), sent at kOutChunk per kTickMs (2.5 MiB/s),
/// about 1.1 s.
const QByteArray kDownload(2 * 1024 * 1024, 'y');
constexpr qint64 kOutChunk = 64 * 1024;
constexpr qint64 kChunk = 256 * 1024;
constexpr int kTickMs = 25;
/// The kernels hold several MiB of a body (the sender's buffer grows to net.ipv4.tcp_wmem's
/// 4 MiB maximum on loopback, plus our receive buffer) beyond what the client reports as
/// progress. The server reads the last kTail bytes of a body at once, or the client would see no
/// progress while we drained those buffers slowly at the end.
constexpr qint64 kTail = 6 * 1024 * 1024;

/// A minimal DisTet HTTP/1.1 server: reads at most kChunk bytes of each connection every
/// kTickMs (10 MiB/s) but a body's last kTail bytes at once, and answers Media and ChangeUser
/// the way the real server does; GetMedia's big answer goes out kOutChunk per tick. With
/// `stallAfter` set it stops reading a connection once it has read that many bytes, and stops
/// sending once it has sent that many.
class SlowServer : public QObject
{
public:
    explicit SlowServer(qint64 stallAfter = -1) : m_stallAfter(stallAfter)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                // Qt would otherwise read all the kernel has: keep the pace ours.
                socket->setReadBufferSize(kChunk);
                m_connections.push_back(std::make_unique<Connection>(socket));
            }
        });
        connect(&m_tick, &QTimer::timeout, this, &SlowServer::readSome);
        m_tick.start(kTickMs);
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server.serverPort()));
    }

    QStringList paths; ///< the requests answered, in order
    qint64 mediaBodyBytes = 0;

private:
    struct Connection
    {
        explicit Connection(QTcpSocket *s) : socket(s) { }
        std::unique_ptr<QTcpSocket> socket;
        QByteArray buffer;
        qint64 read = 0;
        qint64 bodyEnd = -1; ///< in `buffer`, once the headers are in
        QByteArray out; ///< answer bytes still to send, kOutChunk per tick
        qint64 sent = 0;
    };

    void readSome()
    {
        for (const auto &c : m_connections) {
            if (!c->out.isEmpty() && (m_stallAfter < 0 || c->sent < m_stallAfter)) {
                const QByteArray piece = c->out.left(kOutChunk);
                c->out.remove(0, piece.size());
                c->sent += piece.size();
                c->socket->write(piece);
            }
            if (m_stallAfter >= 0 && c->read >= m_stallAfter)
                continue;
            const bool tail = c->bodyEnd >= 0 && c->bodyEnd - c->buffer.size() <= kTail;
            c->socket->setReadBufferSize(tail ? 0 : kChunk);
            const QByteArray bytes = tail ? c->socket->readAll() : c->socket->read(kChunk);
            c->read += bytes.size();
            c->buffer += bytes;
            while (answerOne(*c)) { }
        }
    }

    /// Answers the first complete request in the connection's buffer.
    bool answerOne(Connection &c)
    {
        const qsizetype end = c.buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = c.buffer.left(end).split('\n');
        qint64 length = 0;
        for (const QByteArray &line : lines)
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        c.bodyEnd = end + 4 + length;
        if (c.buffer.size() < c.bodyEnd)
            return false;
        const QByteArray path = lines.value(0).split(' ').value(1).mid(1);
        c.buffer.remove(0, c.bodyEnd);
        c.bodyEnd = -1;
        paths << QString::fromLatin1(path);
        QByteArray body;
        if (path == "GetMedia") {
            // A big file, sent slowly: the client reads every piece as it comes.
            body
                = R"({"Status":{"code":200,"message":"ok"},"Hash":"h","Extension":"png","BytesBase64":")"
                + kDownload.toBase64() + R"("})";
            c.out += "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body;
            return true;
        }
        if (path == "Media") {
            mediaBodyBytes = length;
            body
                = R"({"Status":{"code":200,"message":"ok"},"Key":"fa5acdf109bdee4b6f2eb886e53fc6f7"})";
        } else {
            body = R"({"Status":{"code":200,"message":"ok"},"Messages":["photo changed"]})";
        }
        c.socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        return true;
    }

    QTcpServer m_server;
    QTimer m_tick;
    std::vector<std::unique_ptr<Connection>> m_connections;
    qint64 m_stallAfter;
};

std::unique_ptr<DistetClient> client(const QUrl &url)
{
    auto c = std::make_unique<DistetClient>();
    // Well above the server's 25 ms between pieces of a download, far below the whole transfer.
    c->setRequestTimeout(400);
    c->setAccount(Account { User {}, QStringLiteral("token?1") });
    if (!connectAndWait(*c, url))
        return nullptr;
    return c;
}

// More than the kernels buffer on loopback (several MiB), so an upload that is not read stalls.
const QByteArray kImage(12 * 1024 * 1024, 'x');

} // namespace

class TestDistetDeadline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slowDownloadThatKeepsMovingFinishes()
    {
        // A transfer longer than the request timeout finishes while its bytes keep coming.
        // (Uploads go through the same keepAliveOnProgress; their progress is measured by the
        // kernel's buffers, too coarse for a test that must not flake on a loaded machine.)
        SlowServer server;
        QVERIFY(server.listen());
        auto c = client(server.url());
        QVERIFY(c);
        QSignalSpy progress(c.get(), &ProtocolClient::transferProgress);
        QSignalSpy received(c.get(), &ProtocolClient::mediaReceived);
        QElapsedTimer clock;
        clock.start();
        const Outcome out = awaitRequest(*c, c->fetchMedia(QStringLiteral("h")));
        QVERIFY2(out.ok(), qPrintable(out.error.message));
        // At least twice the 400 ms timeout, or the test proves nothing.
        QVERIFY2(clock.elapsed() > 800, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(progress.size() >= 3); // pieces arrived over time
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.at(0).at(2).toByteArray(), kDownload);
    }

    void stalledDownloadTimesOut()
    {
        SlowServer server(kOutChunk); // sends one piece of the answer, then nothing
        QVERIFY(server.listen());
        auto c = client(server.url());
        QVERIFY(c);
        QElapsedTimer clock;
        clock.start();
        const Outcome out = awaitRequest(*c, c->fetchMedia(QStringLiteral("h")));
        QVERIFY(!out.finished);
        QCOMPARE(out.error.code, Error::Code::Timeout);
        QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
    }

    void stalledUploadTimesOut()
    {
        SlowServer server(kChunk);
        QVERIFY(server.listen());
        auto c = client(server.url());
        QVERIFY(c);
        QElapsedTimer clock;
        clock.start();
        const Outcome out = awaitRequest(*c, c->setProfilePhoto(kImage, QStringLiteral("png")));
        QVERIFY(!out.finished);
        QCOMPARE(out.error.code, Error::Code::Timeout);
        QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(server.paths.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDistetDeadline)
#include "tst_distetdeadline.moc"
