// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>

namespace Natter {

class AppSettings;

/// Decides which incoming messages become desktop notifications. Nothing is shown for own
/// messages, muted flows, the flow on screen in the active window, or with notifications off.
/// A burst in one flow (messages less than coalesceInterval() apart) becomes one notification.
class Notifier : public QObject
{
    Q_OBJECT
public:
    explicit Notifier(AppSettings *settings, QObject *parent = nullptr);
    ~Notifier() override;

    void onMessage(const QString &flowId, const QString &flowTitle, const QString &author,
        const QString &text, bool own, bool muted);
    /// The flow shown in the main window ("" none) and whether that window is active.
    void setViewState(const QString &openFlowId, bool windowActive);

    /// How long to wait for more messages of a flow before notifying (1000 ms).
    int coalesceInterval() const { return m_interval; }
    void setCoalesceInterval(int ms) { m_interval = ms; }

Q_SIGNALS:
    void notify(const QString &title, const QString &body, const QString &flowId);

private:
    struct Pending
    {
        QString title;
        QString author;
        QString text;
        int count = 0;
        QTimer *timer = nullptr;
    };

    bool inView(const QString &flowId) const;
    void flush(const QString &flowId);
    void drop(const QString &flowId);

    AppSettings *m_settings;
    QHash<QString, Pending> m_pending;
    QString m_openFlowId;
    bool m_windowActive = false;
    int m_interval = 1000;
};

} // namespace Natter
