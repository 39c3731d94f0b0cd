// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountcache.h"

#include <QCryptographicHash>

namespace Natter {

AccountCache::AccountCache() = default;

AccountCache::~AccountCache()
{
    close();
}

QString AccountCache::pathFor(const QString &dataDir, const QUrl &server, const QString &userId)
{
    // Hash the pair: server URLs and ids may hold characters no file system takes.
    const QByteArray key
        = server.toString(QUrl::NormalizePathSegments).toUtf8() + '\n' + userId.toUtf8();
    const QString folder = QString::fromLatin1(
        QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(24));
    return dataDir + QStringLiteral("/accounts/") + folder + QStringLiteral("/cache.sqlite");
}

Error AccountCache::open(const QString &filePath)
{
    close();
    if (Error e = m_db.open(filePath); !e.isNone())
        return e;
    m_flows = std::make_unique<FlowStore>(m_db);
    m_messages = std::make_unique<MessageStore>(m_db);
    m_outbox = std::make_unique<OutboxStore>(m_db, *m_messages);
    m_syncState = std::make_unique<SyncStateStore>(m_db);
    m_users = std::make_unique<UserStore>(m_db);
    m_contacts = std::make_unique<ContactStore>(m_db);
    m_settings = std::make_unique<SettingsStore>(m_db);
    m_search = std::make_unique<SearchIndex>(m_db);
    return {};
}

void AccountCache::close()
{
    m_search.reset();
    m_settings.reset();
    m_contacts.reset();
    m_users.reset();
    m_syncState.reset();
    m_outbox.reset();
    m_messages.reset();
    m_flows.reset();
    m_db.close();
}

} // namespace Natter
