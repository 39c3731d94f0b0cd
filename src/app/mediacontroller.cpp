// SPDX-License-Identifier: GPL-3.0-or-later
#include "mediacontroller.h"

#include "session/accountmanager.h"
#include "session/session.h"
#include "session/transfers.h"
#include "ui/appsettings.h"
#include "ui/errortext.h"
#include "ui/mainwindow.h"
#include "ui/messagepane.h"
#include "ui/settingsdialog.h"

#include <QStatusBar>

namespace Natter {

MediaController::MediaController(
    AccountManager &accounts, MainWindow &window, AppSettings &settings, QObject *parent)
    : QObject(parent), m_accounts(accounts), m_window(window), m_settings(settings)
{
    MessagePane *pane = m_window.messagePane();
    connect(pane, &MessagePane::cancelTransferRequested, this, [this](const QString &key) {
        if (m_session && !m_session->cancelTransfer(key))
            m_window.statusBar()->showMessage(
                tr("Too late to cancel: the file is already on its way."), 5000);
    });
    connect(pane, &MessagePane::downloadAttachmentRequested, this,
        [this](const QString &key, int index) {
            if (!m_session)
                return;
            if (Error e = m_session->downloadAttachment(key, index); !e.isNone())
                m_window.statusBar()->showMessage(ErrorText::full(e), 10000);
        });
    connect(pane, &MessagePane::attachmentUsed, this, [this](const QString &key, int index) {
        if (m_session)
            m_session->transfers().mediaCache().touch(key, index);
    });
    connect(
        &m_accounts, &AccountManager::currentChanged, this, &MediaController::bindCurrentAccount);
    connect(&m_settings, &AppSettings::changed, this, [this](const QString &key) {
        if (key == AppSettings::MediaCacheLimitKey)
            applyLimit();
    });
    bindCurrentAccount();
}

MediaController::~MediaController() = default;

void MediaController::bindCurrentAccount()
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_session = m_accounts.session();
    if (!m_session)
        return;
    MessagePane *pane = m_window.messagePane();
    m_connections << connect(
        m_session, &Session::transferProgress, pane, &MessagePane::setTransferProgress);
    m_connections << connect(&m_session->transfers(), &Transfers::downloadFinished, this,
        [this](const QString &, int, const Error &error) {
            if (!error.isNone() && error.code != Error::Code::Cancelled)
                m_window.statusBar()->showMessage(
                    tr("The file could not be downloaded: %1").arg(ErrorText::summary(error)),
                    10000);
        });
    applyLimit();
}

void MediaController::applyLimit()
{
    if (m_session)
        m_session->transfers().setCacheLimit(qint64(m_settings.mediaCacheLimitMb()) * 1024 * 1024);
}

void MediaController::attachSettings(SettingsDialog &dialog)
{
    dialog.setMediaCacheAvailable(!m_session.isNull());
    dialog.setMediaCacheSize(m_session ? m_session->transfers().mediaCache().totalSize() : -1);
    connect(&dialog, &SettingsDialog::clearMediaCacheRequested, &dialog, [this, &dialog] {
        if (!m_session) {
            dialog.mediaCacheCleared(-1);
            return;
        }
        const MediaCacheReport report = m_session->transfers().clearCache();
        dialog.mediaCacheCleared(report.remainingBytes);
        dialog.setMediaCacheReport(report.freedBytes, report.removedFiles, report.keptFiles);
    });
}

} // namespace Natter
