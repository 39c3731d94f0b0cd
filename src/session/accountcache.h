// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/contactstore.h"
#include "storage/database.h"
#include "storage/flowstore.h"
#include "storage/messagestore.h"
#include "storage/outboxstore.h"
#include "storage/searchindex.h"
#include "storage/settingsstore.h"
#include "storage/syncstatestore.h"
#include "storage/userstore.h"

#include <QUrl>

#include <memory>

namespace Natter {

/// The local mirror of one account: its database and every store over it. Readable without a
/// network (the CLI's --offline, the app's start-up from cache).
class AccountCache
{
public:
    AccountCache();
    ~AccountCache();
    AccountCache(const AccountCache &) = delete;
    AccountCache &operator=(const AccountCache &) = delete;

    /// Where the cache of `userId` on `server` lives under `dataDir`: one folder per account.
    static QString pathFor(const QString &dataDir, const QUrl &server, const QString &userId);

    /// Opens (and migrates) the database at `filePath`, then builds the stores.
    [[nodiscard]] Error open(const QString &filePath);
    void close();
    bool isOpen() const { return m_db.isOpen(); }

    Database &database() { return m_db; }
    FlowStore &flows() { return *m_flows; }
    MessageStore &messages() { return *m_messages; }
    OutboxStore &outbox() { return *m_outbox; }
    SyncStateStore &syncState() { return *m_syncState; }
    UserStore &users() { return *m_users; }
    ContactStore &contacts() { return *m_contacts; }
    SettingsStore &settings() { return *m_settings; }
    SearchIndex &search() { return *m_search; }

private:
    // Stores hold prepared queries on the connection: declared after it, destroyed before it.
    Database m_db;
    std::unique_ptr<FlowStore> m_flows;
    std::unique_ptr<MessageStore> m_messages;
    std::unique_ptr<OutboxStore> m_outbox;
    std::unique_ptr<SyncStateStore> m_syncState;
    std::unique_ptr<UserStore> m_users;
    std::unique_ptr<ContactStore> m_contacts;
    std::unique_ptr<SettingsStore> m_settings;
    std::unique_ptr<SearchIndex> m_search;
};

} // namespace Natter
