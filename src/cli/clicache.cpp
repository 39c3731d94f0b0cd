// SPDX-License-Identifier: GPL-3.0-or-later
// natter-cli and the local cache: the session, sync, outbox and local search.
#include "cliapp.h"
#include "session/outboxsender.h"
#include "session/syncengine.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QTimer>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#define NATTER_ISATTY _isatty
#else
#include <unistd.h>
#define NATTER_ISATTY isatty
#endif

namespace Natter::Cli {

Result<bool> CliApp::openCache()
{
    if (m_cache)
        return true;
    m_cache = std::make_unique<AccountCache>();
    const QString path
        = AccountCache::pathFor(m_profiles.dataDir(), QUrl(m_profile.server), m_profile.user.id);
    if (Error e = m_cache->open(path); !e.isNone()) {
        m_cache.reset();
        return e;
    }
    return true;
}

bool CliApp::waitFor(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer tick;
    connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done() || (m_session && m_session->state() == Session::State::AuthFailed))
            loop.quit();
    });
    tick.start(20);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

Result<bool> CliApp::startSession(bool showProgress)
{
    if (Result<bool> ready = prepare(true, false); !ready)
        return ready;
    if (Result<bool> cache = openCache(); !cache)
        return cache;
    m_session = std::make_unique<Session>(m_client, *m_cache);
    Error lastError;
    connect(m_session.get(), &Session::errorOccurred, this,
        [&lastError](const Error &e) { lastError = e; });
    // The session retries a refused certificate like any lost connection; say why it failed.
    Error tlsError;
    const auto tlsConnection = connect(
        m_client.get(), &ProtocolClient::connectionError, this, [&tlsError](const Error &e) {
            if (e.code == Error::Code::TlsFailure)
                tlsError = e;
        });
    const bool tty = showProgress && !m_out.isJson() && NATTER_ISATTY(2);
    if (tty) {
        connect(m_session.get(), &Session::syncProgress, this, [](int done, int total) {
            std::fprintf(stderr, "\rSyncing… %d/%d", done, total);
            std::fflush(stderr);
        });
    }
    m_session->start(QUrl(m_profile.server), m_client->account());
    // The first connection attempt decides: a CLI does not wait through reconnect backoff.
    const bool synced = waitFor(
        [&] {
            const Session::State s = m_session->state();
            return s == Session::State::Online || s == Session::State::AuthFailed
                || s == Session::State::Reconnecting;
        },
        m_client->requestTimeout() * 4);
    if (tty)
        std::fputs("\r\033[K", stderr);
    disconnect(m_session.get(), &Session::errorOccurred, this, nullptr);
    disconnect(tlsConnection);
    if (synced && m_session->state() == Session::State::Online)
        return true;
    if (!tlsError.isNone()) {
        lastError = tlsError;
        lastError.message
            = QStringLiteral("cannot connect to %1: %2").arg(m_profile.server, tlsError.message);
    }
    if (lastError.isNone())
        lastError = Error::make(Error::Code::NetworkUnreachable,
            QStringLiteral("cannot reach %1").arg(m_profile.server));
    m_session->stop();
    return lastError;
}

void CliApp::printCached(QList<Message> messages)
{
    for (Message &m : messages) {
        if (m.fromName.isEmpty()) {
            if (const auto user = m_cache->users().user(m.fromId))
                m.fromName = user->displayName();
        }
    }
    if (!m_options.offline && m_client && m_client->connectionState() == ConnectionState::Connected)
        resolveAuthorNames(messages);
    for (const Message &m : std::as_const(messages))
        m_out.message(m);
}

int CliApp::cmdSync()
{
    if (Result<bool> started = startSession(true); !started)
        return fail(started.error());
    // Whatever the outbox holds goes out now.
    waitFor([&] { return m_cache->outbox().pending().isEmpty() && !m_session->outbox().isBusy(); },
        m_client->requestTimeout() * 4);
    int messages = 0;
    const QList<Flow> flows = m_cache->flows().flows();
    for (const Flow &f : flows)
        messages += m_cache->messages().count(f.id);
    int failed = 0;
    for (const OutboxEntry &e : m_cache->outbox().entries())
        failed += e.state == OutboxEntry::State::Failed;
    const int pending = int(m_cache->outbox().pending().size());
    m_out.result(
        { { QStringLiteral("flows"), int(flows.size()) }, { QStringLiteral("messages"), messages },
            { QStringLiteral("outbox_pending"), pending },
            { QStringLiteral("outbox_failed"), failed } },
        QStringLiteral("Synced %1 flows, %2 messages cached. Outbox: %3 waiting, %4 failed.")
            .arg(flows.size())
            .arg(messages)
            .arg(pending)
            .arg(failed));
    return pending > 0 ? exitCodeFor(Error::make(Error::Code::ConnectionLost, QString())) : 0;
}

int CliApp::cmdOutbox()
{
    if (Result<bool> ready = prepare(true, false); !ready)
        return fail(ready.error());
    if (Result<bool> cache = openCache(); !cache)
        return fail(cache.error());
    const QList<OutboxEntry> entries = m_cache->outbox().entries();
    for (const OutboxEntry &e : entries) {
        const QString state = e.state == OutboxEntry::State::Failed ? QStringLiteral("failed")
            : e.state == OutboxEntry::State::Sending                ? QStringLiteral("sending")
                                                                    : QStringLiteral("queued");
        m_out.result(
            { { QStringLiteral("client_id"), e.clientId }, { QStringLiteral("flow"), e.flowId },
                { QStringLiteral("text"), e.text }, { QStringLiteral("state"), state },
                { QStringLiteral("attempts"), e.attempts },
                { QStringLiteral("error"), e.lastError }, { QStringLiteral("created"), e.created },
                { QStringLiteral("attachments"), int(e.attachments.size()) } },
            QStringLiteral("#%1  %2  %3  %4%5")
                .arg(e.clientId)
                .arg(state, -7)
                .arg(e.flowId, e.text,
                    e.lastError.isEmpty()
                        ? QString()
                        : QStringLiteral("  (") + e.lastError + QLatin1Char(')')));
    }
    if (entries.isEmpty())
        m_out.note(QStringLiteral("The outbox is empty."));
    return 0;
}

int CliApp::cmdSearch()
{
    if (m_options.serverSearch)
        return cmdServerSearch(); // DisTet SearchRequest (clidistet.cpp); exit 6 elsewhere
    if (Result<bool> ready = prepare(true, false); !ready)
        return fail(ready.error());
    if (Result<bool> cache = openCache(); !cache)
        return fail(cache.error());
    m_cache->search().setHighlightMarkers(QString(), QString());
    const QList<SearchHit> hits = m_cache->search().search(
        m_options.args.value(0), m_options.flowFilter, m_options.limit > 0 ? m_options.limit : 50);
    QList<Message> found;
    for (const SearchHit &hit : hits)
        if (const auto m = m_cache->messages().message(hit.key))
            found << *m;
    m_options.offline = true; // search never needs the network
    printCached(found);
    return 0;
}

} // namespace Natter::Cli
