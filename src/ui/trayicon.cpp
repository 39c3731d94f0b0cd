// SPDX-License-Identifier: GPL-3.0-or-later
#include "trayicon.h"

#include "icons.h"

#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QSystemTrayIcon>

namespace Natter {

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent), m_baseIcon(Icons::plain(QStringLiteral("natter")))
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(m_baseIcon, this);
    m_menu = new QMenu;
    m_showAction = m_menu->addAction(QString());
    m_menu->addSeparator();
    m_quitAction = m_menu->addAction(QString());
    connect(m_showAction, &QAction::triggered, this, [this] {
        if (m_windowVisible)
            Q_EMIT hideRequested();
        else
            Q_EMIT showRequested();
    });
    connect(m_quitAction, &QAction::triggered, this, &TrayIcon::quitRequested);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](auto reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        Q_EMIT showRequested();
        if (!m_lastFlowId.isEmpty())
            Q_EMIT messageActivated(m_lastFlowId);
    });
    // The menu is no widget child of a window, so it hears of language changes through here.
    qApp->installEventFilter(this);
    retranslate();
    refresh();
    m_tray->show();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

bool TrayIcon::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == qApp && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void TrayIcon::setUnreadCount(int count)
{
    count = qMax(0, count);
    if (count == m_unread)
        return;
    m_unread = count;
    refresh();
}

void TrayIcon::setWindowVisible(bool visible)
{
    m_windowVisible = visible;
    retranslate();
}

void TrayIcon::showMessage(const QString &title, const QString &body, const QString &flowId)
{
    if (!m_tray)
        return;
    m_lastFlowId = flowId;
    m_tray->showMessage(title, body, m_baseIcon);
}

void TrayIcon::refresh()
{
    if (!m_tray)
        return;
    m_tray->setIcon(badgedIcon(m_baseIcon, m_unread));
    m_tray->setToolTip(
        m_unread > 0 ? tr("Natter — %n unread", "", m_unread) : QStringLiteral("Natter"));
}

void TrayIcon::retranslate()
{
    if (!m_tray)
        return;
    m_showAction->setText(m_windowVisible ? tr("Hide") : tr("Show Natter"));
    m_quitAction->setText(tr("Quit"));
    refresh();
}

QString TrayIcon::badgeText(int count)
{
    return count > 99 ? QStringLiteral("99+") : QString::number(count);
}

QIcon TrayIcon::badgedIcon(const QIcon &base, int count)
{
    if (count <= 0)
        return base;
    QIcon icon;
    const QString text = badgeText(count);
    for (const int size : { 16, 22, 24, 32, 48, 64, 128 }) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        base.paint(&p, pixmap.rect());
        QFont font = QApplication::font();
        font.setBold(true);
        font.setPixelSize(qMax(7, size * 9 / 20));
        p.setFont(font);
        const int height = qMax(9, size * 11 / 20);
        const int textWidth = p.fontMetrics().horizontalAdvance(text);
        const int width = qMin(size, qMax(height, textWidth + height / 2));
        const QRectF pill(size - width, size - height, width, height);
        QPainterPath path;
        path.addRoundedRect(pill, height / 2.0, height / 2.0);
        p.fillPath(path, QColor(0xe5, 0x39, 0x35));
        // White on the red pill reads on every tray colour; it is not a palette text.
        p.setPen(Qt::white);
        p.drawText(pill, Qt::AlignCenter, text);
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace Natter
