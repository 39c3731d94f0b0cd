// SPDX-License-Identifier: GPL-3.0-or-later
#include "clioutput.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

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

} // namespace

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
    return { { QStringLiteral("error"), errorCodeName(error.code) },
        { QStringLiteral("message"), error.message } };
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
}

void Output::note(const QString &text) const
{
    if (!m_json)
        writeLine(stderr, text.toUtf8());
}

} // namespace Natter::Cli
