// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace Natter::Testing {

/// One MoreliaTalk dialect: turns a request object into the frames to send back. Pure request
/// -> response code over the Store; the socket side lives in MoreliaBackend.
class MoreliaHandler
{
public:
    virtual ~MoreliaHandler() = default;
    /// Usually one frame; several when a reply is paged (r17 all_messages).
    virtual QList<QJsonObject> handle(const QJsonObject &request) = 0;
    /// The answer to a frame that is not a JSON object.
    virtual QJsonObject garbage(const QString &detail) = 0;
    /// Other names the method @p type is known by, for the test hooks.
    virtual QStringList aliases(const QString &type) const
    {
        Q_UNUSED(type)
        return {};
    }
};

/// Seconds from a request (float or int) to store milliseconds, clamped to a sane range so
/// absurd values cannot overflow.
inline qint64 secondsToMs(double seconds)
{
    constexpr double MaxSeconds = 1.0e13; // far beyond any real date
    if (!(seconds > 0))
        return 0;
    return qint64((seconds < MaxSeconds ? seconds : MaxSeconds) * 1000.0);
}

/// HTTP reason phrase for the codes the MoreliaTalk servers use ("Bad Request", ...).
QString reasonPhrase(int code);

} // namespace Natter::Testing
