// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "core/error.h"
#include "core/flow.h"
#include "core/message.h"

#include <QJsonObject>
#include <QSslCertificate>

namespace Natter::Cli {

/// Stable JSON shapes of natter-cli --json (documented in the README). Secrets never appear.
QJsonObject accountJson(const User &user);
QJsonObject flowJson(const Flow &flow);
QJsonObject messageJson(const Message &message);
/// `{error, message}`; a TlsFailure that carries the server's certificate adds
/// `certificate` (certificateJson) and `hint` (how to trust it with --pin-cert).
QJsonObject errorJson(const Error &error);
/// `{sha256, subject, issuer, not_before, not_after, self_signed}` (times: Unix ms).
QJsonObject certificateJson(const QSslCertificate &certificate);
/// The server (leaf) certificate in a TlsFailure's `raw` PEM chain; null for other errors.
QSslCertificate refusedCertificate(const Error &error);

/// Exit code for an error: 2 usage, 3 authentication, 4 network, 5 refused, 6 not supported.
int exitCodeFor(const Error &error);

/// Prints results as text for people, or one JSON object per line with --json.
class Output
{
public:
    explicit Output(bool json) : m_json(json) { }

    bool isJson() const { return m_json; }
    void account(const User &user) const;
    void flow(const Flow &flow) const;
    void message(const Message &message) const;
    /// A result with no natural type (logout, edit, delete): text for people, object for JSON.
    void result(const QJsonObject &object, const QString &text) const;
    void error(const Error &error) const;
    /// A progress or warning note for people (stderr); silent with --json.
    void note(const QString &text) const;

private:
    void writeJson(const QJsonObject &object) const;
    bool m_json;
};

} // namespace Natter::Cli
