// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientfactory.h"

#include "distet/distetclient.h"
#include "morelia/moreliaclient.h"
#include "wsmode/autodetectclient.h"
#include "wsmode/wsmodeclient.h"

namespace Natter {

QStringList protocolNames()
{
    return { QStringLiteral("auto"), QStringLiteral("morelia"), QStringLiteral("morelia-2020"),
        QStringLiteral("morelia-r17"), QStringLiteral("wsmode"), QStringLiteral("distet") };
}

namespace {
Result<std::shared_ptr<ProtocolClient>> makeClient(const QString &protocol, const QUrl &url)
{
    const QString name = protocol.trimmed().toLower();
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || scheme.isEmpty())
        return Error::make(Error::Code::InvalidArgument,
            QStringLiteral("not a server URL: %1").arg(url.toString()));
    const bool web = scheme == QLatin1String("http") || scheme == QLatin1String("https");
    const bool socket = scheme == QLatin1String("ws") || scheme == QLatin1String("wss");
    if (!web && !socket)
        return Error::make(Error::Code::InvalidArgument,
            QStringLiteral("unsupported URL scheme %1 (use ws, wss, http or https)").arg(scheme));

    if ((name == QLatin1String("auto") && web) || name == QLatin1String("distet")) {
        if (!web)
            return Error::make(Error::Code::InvalidArgument,
                QStringLiteral("DisTet needs an http:// or https:// URL"));
        return std::shared_ptr<ProtocolClient>(std::make_shared<DistetClient>());
    }
    // wsmode additions: "auto" on ws/wss probes for the mode protocol, else MoreliaTalk.
    if (name == QLatin1String("auto") && socket)
        return std::shared_ptr<ProtocolClient>(std::make_shared<AutoDetectClient>());
    if (name == QLatin1String("wsmode")) {
        if (!socket)
            return Error::make(Error::Code::InvalidArgument,
                QStringLiteral("the mode protocol needs a ws:// or wss:// URL"));
        return std::shared_ptr<ProtocolClient>(std::make_shared<WsModeClient>());
    }
    if (name == QLatin1String("auto") || name.startsWith(QLatin1String("morelia"))) {
        if (!socket)
            return Error::make(Error::Code::InvalidArgument,
                QStringLiteral("MoreliaTalk needs a ws:// or wss:// URL"));
        const auto dialect = name == QLatin1String("auto")
            ? Morelia::Dialect::Auto
            : Morelia::parseDialect(name).value_or(Morelia::Dialect::Auto);
        return std::shared_ptr<ProtocolClient>(std::make_shared<MoreliaClient>(dialect));
    }
    return Error::make(Error::Code::InvalidArgument,
        QStringLiteral("unknown protocol %1 (one of: %2)")
            .arg(protocol, protocolNames().join(QLatin1String(", "))));
}
} // namespace

Result<std::shared_ptr<ProtocolClient>> createClient(
    const QString &protocol, const QUrl &url, const QString &pinnedCertificate)
{
    Result<std::shared_ptr<ProtocolClient>> made = makeClient(protocol, url);
    if (made)
        made.value()->setPinnedCertificate(pinnedCertificate);
    return made;
}

} // namespace Natter
