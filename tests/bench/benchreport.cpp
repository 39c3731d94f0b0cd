// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchreport.h"

#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

namespace Natter::Bench {

QString Report::number(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

QByteArray Report::jsonLine() const
{
    return QJsonDocument(m_json).toJson(QJsonDocument::Compact);
}

void Report::print(bool jsonOnly) const
{
    if (!jsonOnly) {
        const QStringList header
            = { QStringLiteral("figure"), QStringLiteral("value"), QStringLiteral("baseline"),
                  QStringLiteral("ratio"), QStringLiteral("goal"), QStringLiteral("verdict") };
        QList<qsizetype> width(header.size());
        const auto cells = [](const Row &row) {
            return QStringList { row.what, row.value, row.baseline, row.ratio, row.goal,
                row.verdict };
        };
        for (qsizetype i = 0; i < header.size(); ++i)
            width[i] = header.at(i).size();
        for (const Row &row : m_rows) {
            const QStringList c = cells(row);
            for (qsizetype i = 0; i < c.size(); ++i)
                width[i] = std::max(width[i], c.at(i).size());
        }
        const auto line = [&](const QStringList &c) {
            QString text;
            for (qsizetype i = 0; i < c.size(); ++i)
                text += c.at(i).leftJustified(width[i])
                    % QLatin1String(i + 1 < c.size() ? " | " : "");
            while (text.endsWith(u' '))
                text.chop(1);
            std::printf("%s\n", text.toUtf8().constData());
        };
        line(header);
        QStringList rule;
        for (qsizetype w : width)
            rule.append(QString(w, u'-'));
        line(rule);
        for (const Row &row : m_rows)
            line(cells(row));
        std::printf("\n");
        for (const QString &note : m_notes)
            std::printf("* %s\n", note.toUtf8().constData());
        std::printf("\n");
    }
    std::printf("%s\n", jsonLine().constData());
    std::fflush(stdout);
}

void progress(const QString &text)
{
    std::fprintf(stderr, "natter-bench: %s\n", text.toUtf8().constData());
    std::fflush(stderr);
}

} // namespace Natter::Bench
