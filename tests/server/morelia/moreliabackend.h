// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../websocketbackend.h"

#include <memory>

namespace Natter::Testing {

class MoreliaHandler;

enum class MoreliaDialect {
    July2020, ///< seeds 000/001: integer ids, float times, single objects
    Revision17, ///< PROTOCOLS.md §1b: lists, uuid strings, integer times
};

/// MoreliaTalk over WebSocket in either dialect. Parses frames, applies the test hooks and
/// sends what the dialect's handler answers. The server never pushes: clients poll.
class MoreliaBackend final : public WebSocketBackend
{
    Q_OBJECT
public:
    MoreliaBackend(Store &store, MoreliaDialect dialect, QObject *parent = nullptr);
    ~MoreliaBackend() override;

    MoreliaDialect dialect() const { return m_dialect; }

    QString wireUserId(const UserRow &user) const override;
    QString wireFlowId(const FlowRow &flow) const override;
    QString wireMessageId(const MessageRow &message) const override;
    std::optional<FlowRow> flowByWireId(const QString &id) const override;

protected:
    void handleFrame(QWebSocket *socket, const QByteArray &frame) override;

private:
    MoreliaDialect m_dialect;
    std::unique_ptr<MoreliaHandler> m_handler;
};

} // namespace Natter::Testing
