// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionbanner.h"

#include "errortext.h"
#include "palettecolours.h"
#include "ui_connectionbanner.h"

#include <QPainter>

namespace Natter {

namespace {

using PaletteColours::mix;

} // namespace

ConnectionBanner::ConnectionBanner(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<::Ui::ConnectionBanner>())
{
    m_ui->setupUi(this);
    PaletteColours::styleAsCaption(m_ui->detailLabel);
    QFont bold = m_ui->messageLabel->font();
    bold.setBold(true);
    m_ui->messageLabel->setFont(bold);
    m_ui->retryButton->setCursor(Qt::PointingHandCursor);
    m_ui->signInButton->setCursor(Qt::PointingHandCursor);
    connect(m_ui->retryButton, &QPushButton::clicked, this, &ConnectionBanner::retryRequested);
    connect(m_ui->signInButton, &QPushButton::clicked, this, &ConnectionBanner::signInRequested);
    // Single shots timed to just after each whole second left, so the count never skips.
    m_tick.setSingleShot(true);
    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_tick, &QTimer::timeout, this, &ConnectionBanner::updateTexts);
    setState(Session::State::Online);
}

ConnectionBanner::~ConnectionBanner() = default;

void ConnectionBanner::setState(Session::State state, int reconnectInMs)
{
    m_state = state;
    m_hasCountdown = state == Session::State::Reconnecting && reconnectInMs > 0;
    m_tick.stop();
    if (m_hasCountdown)
        m_reconnectAt = QDeadlineTimer(reconnectInMs, Qt::PreciseTimer);
    if (state == Session::State::Online) {
        m_error = {};
        m_syncDone = m_syncTotal = 0;
    }
    if (state != Session::State::Syncing)
        m_syncDone = m_syncTotal = 0;
    setVisible(state != Session::State::Online);
    updateTexts();
    update();
}

void ConnectionBanner::setSyncProgress(int done, int total)
{
    m_syncDone = qMax(0, done);
    m_syncTotal = qMax(0, total);
    updateTexts();
}

void ConnectionBanner::setError(const Error &error)
{
    m_error = error;
    updateTexts();
}

QString ConnectionBanner::message() const
{
    return m_ui->messageLabel->text();
}

void ConnectionBanner::updateTexts()
{
    using S = Session::State;
    QString text;
    switch (m_state) {
    case S::Online:
        break;
    case S::Connecting:
        text = tr("Connecting…");
        break;
    case S::Syncing:
        text = m_syncTotal > 0
            ? tr("Updating… %1 of %2 chats").arg(qMin(m_syncDone, m_syncTotal)).arg(m_syncTotal)
            : tr("Updating…");
        break;
    case S::Offline:
        text = tr("Offline");
        break;
    case S::Reconnecting:
        if (m_hasCountdown) {
            // Round up: "in 0 s" while the wait is not over would read as a hang.
            const qint64 remaining = m_reconnectAt.remainingTime();
            const qint64 left = (remaining + 999) / 1000;
            text = left > 0 ? tr("Waiting for network. Reconnecting in %n s", nullptr, int(left))
                            : tr("Waiting for network. Reconnecting…");
            if (left > 0)
                m_tick.start(int((remaining - 1) % 1000) + 5);
        } else {
            text = tr("Waiting for network. Reconnecting…");
        }
        break;
    case S::AuthFailed:
        text = tr("Signed out: log in again");
        break;
    }
    m_ui->messageLabel->setText(text);
    const QString detail = m_error.isNone() ? QString() : ErrorText::full(m_error);
    m_ui->detailLabel->setText(detail);
    m_ui->detailLabel->setToolTip(detail); // one line, may be cut on a narrow window
    m_ui->detailLabel->setVisible(!detail.isEmpty());
    m_ui->retryButton->setVisible(m_state == S::Offline || m_state == S::Reconnecting);
    m_ui->signInButton->setVisible(m_state == S::AuthFailed);
}

QColor ConnectionBanner::stripColour() const
{
    using S = Session::State;
    const QColor window = palette().color(QPalette::Window);
    const bool dark = window.lightnessF() < 0.5;
    QColor tint;
    switch (m_state) {
    case S::AuthFailed:
        tint = PaletteColours::errorColour(palette());
        break;
    case S::Offline:
    case S::Reconnecting:
        tint = QColor(0xe0, 0x9a, 0x1a); // amber: a problem that fixes itself
        break;
    default:
        tint = palette().color(QPalette::Highlight);
        break;
    }
    return mix(window, tint, dark ? 0.28 : 0.2);
}

void ConnectionBanner::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), stripColour());
    // A hairline under the strip separates it from the window below.
    QColor line = palette().color(QPalette::WindowText);
    line.setAlphaF(0.12);
    painter.fillRect(QRect(0, height() - 1, width(), 1), line);
}

void ConnectionBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        PaletteColours::styleAsCaption(m_ui->detailLabel);
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        updateTexts();
    } else if (event->type() == QEvent::PaletteChange) {
        update();
    }
    QWidget::changeEvent(event);
}

} // namespace Natter
