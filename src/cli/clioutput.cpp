// SPDX-License-Identifier: GPL-3.0-or-later
#include "clioutput.h"

#include "protocol/tlscheck.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSslCertificate>

#include <cstdio>

namespace Natter::Cli {

namespace {

void writeLine(FILE *stream, const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

QString timeText(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("-");
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd hh:mm"));
}

/// The attributes of a distinguished name as "CN=…, O=…".
QString distinguishedName(const QSslCertificate &certificate, bool issuer)
{
    QStringList parts;
    const QList<QByteArray> attributes
        = issuer ? certificate.issuerInfoAttributes() : certificate.subjectInfoAttributes();
    for (const QByteArray &attribute : attributes) {
        const QStringList values
            = issuer ? certificate.issuerInfo(attribute) : certificate.subjectInfo(attribute);
        for (const QString &value : values)
            parts << QStringLiteral("%1=%2").arg(QString::fromLatin1(attribute), value);
    }
    return parts.join(QLatin1String(", "));
}

QString utcText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd hh:mm 'UTC'"));
}

QString pinHint(const QString &fingerprint)
{
    return QStringLiteral("to trust this certificate, compare its SHA-256 fingerprint with the one "
                          "the server's operator gives you, then rerun with --pin-cert %1")
        .arg(fingerprint);
}

} // namespace

QSslCertificate refusedCertificate(const Error &error)
{
    if (error.code != Error::Code::TlsFailure || error.raw.isEmpty())
        return QSslCertificate();
    // The chain starts with the server's own (leaf) certificate, the only one a pin matches.
    const QList<QSslCertificate> chain = QSslCertificate::fromData(error.raw, QSsl::Pem);
    return chain.isEmpty() ? QSslCertificate() : chain.first();
}

QJsonObject certificateJson(const QSslCertificate &certificate)
{
    return { { QStringLiteral("sha256"), Tls::fingerprint(certificate) },
        { QStringLiteral("subject"), distinguishedName(certificate, false) },
        { QStringLiteral("issuer"), distinguishedName(certificate, true) },
        { QStringLiteral("not_before"), certificate.effectiveDate().toMSecsSinceEpoch() },
        { QStringLiteral("not_after"), certificate.expiryDate().toMSecsSinceEpoch() },
        { QStringLiteral("self_signed"), certificate.isSelfSigned() } };
}

QJsonObject accountJson(const User &user)
{
    return { { QStringLiteral("id"), user.id }, { QStringLiteral("login"), user.login },
        { QStringLiteral("name"), user.name } };
}

QJsonObject flowJson(const Flow &flow)
{
    return { { QStringLiteral("id"), flow.id }, { QStringLiteral("type"), flowTypeName(flow.type) },
        { QStringLiteral("title"), flow.title }, { QStringLiteral("info"), flow.info },
        { QStringLiteral("updated"), flow.updated } };
}

QJsonObject messageJson(const Message &message)
{
    QJsonArray attachments;
    for (const Attachment &a : message.attachments) {
        attachments.append(QJsonObject { { QStringLiteral("kind"), attachmentKindName(a.kind) },
            { QStringLiteral("name"), a.name }, { QStringLiteral("mime"), a.mime },
            { QStringLiteral("size"), a.size } });
    }
    return { { QStringLiteral("id"), message.id }, { QStringLiteral("flow"), message.flowId },
        { QStringLiteral("from"), message.fromId },
        { QStringLiteral("from_name"), message.fromName }, { QStringLiteral("text"), message.text },
        { QStringLiteral("time"), message.time }, { QStringLiteral("edited"), message.edited },
        { QStringLiteral("attachments"), attachments } };
}

QJsonObject errorJson(const Error &error)
{
    QJsonObject o { { QStringLiteral("error"), errorCodeName(error.code) },
        { QStringLiteral("message"), error.message } };
    if (const QSslCertificate certificate = refusedCertificate(error); !certificate.isNull()) {
        o.insert(QStringLiteral("certificate"), certificateJson(certificate));
        o.insert(QStringLiteral("hint"), pinHint(Tls::fingerprint(certificate)));
    }
    return o;
}

int exitCodeFor(const Error &error)
{
    using C = Error::Code;
    switch (error.code) {
    case C::None:
        return 0;
    case C::InvalidArgument:
    case C::FileError:
        return 2;
    case C::NoSecretStore:
        return 3;
    case C::NotSupported:
        return 6;
    default:
        break;
    }
    switch (error.group()) {
    case Error::Group::Auth:
        return 3;
    case Error::Group::Network:
    case Error::Group::Protocol:
        return 4;
    case Error::Group::Server:
        return 5;
    default:
        return 1;
    }
}

void Output::writeJson(const QJsonObject &object) const
{
    writeLine(stdout, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void Output::account(const User &user) const
{
    if (m_json)
        return writeJson(accountJson(user));
    writeLine(stdout,
        QStringLiteral("%1 (%2), id %3").arg(user.displayName(), user.login, user.id).toUtf8());
}

void Output::flow(const Flow &flow) const
{
    if (m_json)
        return writeJson(flowJson(flow));
    QString line = QStringLiteral("%1  %2  %3")
                       .arg(flow.id, -12)
                       .arg(flowTypeName(flow.type), -8)
                       .arg(flow.title);
    if (!flow.info.isEmpty())
        line += QStringLiteral(" — ") + flow.info;
    writeLine(stdout, line.toUtf8());
}

void Output::message(const Message &message) const
{
    if (m_json)
        return writeJson(messageJson(message));
    QString line
        = QStringLiteral("[%1] %2 <%3> %4")
              .arg(timeText(message.time), message.id,
                  message.fromName.isEmpty() ? message.fromId : message.fromName, message.text);
    if (message.edited)
        line += QStringLiteral(" (edited)");
    for (const Attachment &a : message.attachments)
        line += QStringLiteral("\n    [%1: %2, %3, %4]")
                    .arg(attachmentKindName(a.kind), a.name, a.mime,
                        QLocale::c().formattedDataSize(a.size));
    writeLine(stdout, line.toUtf8());
}

void Output::result(const QJsonObject &object, const QString &text) const
{
    if (m_json)
        return writeJson(object);
    writeLine(stdout, text.toUtf8());
}

void Output::error(const Error &error) const
{
    if (m_json)
        return writeLine(stderr, QJsonDocument(errorJson(error)).toJson(QJsonDocument::Compact));
    writeLine(stderr, QStringLiteral("natter-cli: %1").arg(error.message).toUtf8());
    if (const QSslCertificate certificate = refusedCertificate(error); !certificate.isNull()) {
        const QString fingerprint = Tls::fingerprint(certificate);
        writeLine(stderr,
            QStringLiteral("The server's certificate%1:\n"
                           "  SHA-256:  %2\n"
                           "  subject:  %3\n"
                           "  issuer:   %4\n"
                           "  valid:    %5 to %6\n"
                           "natter-cli: %7")
                .arg(certificate.isSelfSigned() ? QStringLiteral(" (self-signed)") : QString(),
                    fingerprint, distinguishedName(certificate, false),
                    distinguishedName(certificate, true), utcText(certificate.effectiveDate()),
                    utcText(certificate.expiryDate()), pinHint(fingerprint))
                .toUtf8());
    }
}

void Output::note(const QString &text) const
{
    if (!m_json)
        writeLine(stderr, text.toUtf8());
}

} // namespace Natter::Cli
