// SPDX-License-Identifier: GPL-3.0-or-later
#include "notifier.h"

#include "appsettings.h"

namespace Natter {

Notifier::Notifier(AppSettings *settings, QObject *parent) : QObject(parent), m_settings(settings)
{ }

Notifier::~Notifier() = default;

bool Notifier::inView(const QString &flowId) const
{
    return m_windowActive && flowId == m_openFlowId;
}

void Notifier::onMessage(const QString &flowId, const QString &flowTitle, const QString &author,
    const QString &text, bool own, bool muted)
{
    if (own || muted || !m_settings->notifications() || inView(flowId))
        return;
    Pending &pending = m_pending[flowId];
    pending.title = flowTitle;
    pending.author = author;
    pending.text = text;
    ++pending.count;
    if (!pending.timer) {
        pending.timer = new QTimer(this);
        pending.timer->setSingleShot(true);
        connect(pending.timer, &QTimer::timeout, this, [this, flowId] { flush(flowId); });
    }
    // Each message restarts the wait, so a steady burst ends as one notification.
    pending.timer->start(m_interval);
}

void Notifier::setViewState(const QString &openFlowId, bool windowActive)
{
    m_openFlowId = openFlowId;
    m_windowActive = windowActive;
    // Whatever was waiting for the flow now on screen has been seen.
    if (inView(openFlowId))
        drop(openFlowId);
}

void Notifier::flush(const QString &flowId)
{
    const auto it = m_pending.constFind(flowId);
    if (it == m_pending.constEnd())
        return;
    const Pending pending = *it;
    drop(flowId);
    if (!m_settings->notifications() || inView(flowId))
        return;
    const bool preview = m_settings->notificationPreview();
    QString body;
    if (!preview) {
        body = pending.count == 1 ? tr("New message") : tr("%n new messages", "", pending.count);
    } else {
        // In a direct chat the title already names the author.
        const QString line = pending.author.isEmpty() || pending.author == pending.title
            ? pending.text
            : tr("%1: %2").arg(pending.author, pending.text);
        body = pending.count == 1 ? line : tr("%n new messages", "", pending.count) + u'\n' + line;
    }
    // Without preview not even the flow's name is shown (someone may be looking at the screen).
    Q_EMIT notify(preview ? pending.title : QStringLiteral("Natter"), body, flowId);
}

void Notifier::drop(const QString &flowId)
{
    const auto it = m_pending.find(flowId);
    if (it == m_pending.end())
        return;
    if (it->timer)
        it->timer->deleteLater();
    m_pending.erase(it);
}

} // namespace Natter
