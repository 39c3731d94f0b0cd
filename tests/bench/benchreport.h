// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Natter::Bench {

/// Collects the figures of one run: a table for people, one JSON line for machines.
class Report
{
public:
    /// One table row. `baseline` is what the figure is compared to (empty for none), `ratio` its
    /// ratio; `goal` the target in words, `met` whether the figure reaches it.
    struct Row
    {
        QString what;
        QString value;
        QString baseline;
        QString ratio;
        QString goal;
        QString verdict; ///< "met", "NOT met" or empty
    };

    void setScale(const QString &scale) { m_json.insert(QStringLiteral("scale"), scale); }
    void addRow(const Row &row) { m_rows.append(row); }
    void addNote(const QString &note) { m_notes.append(note); }
    void setKey(const QString &key, double value) { m_json.insert(key, value); }
    static QString verdict(bool met)
    {
        return met ? QStringLiteral("met") : QStringLiteral("NOT met");
    }
    static QString number(double value, int decimals = 1);

    /// The table and notes (to stdout unless `jsonOnly`), then the JSON line.
    void print(bool jsonOnly) const;
    QByteArray jsonLine() const;

private:
    QList<Row> m_rows;
    QStringList m_notes;
    QJsonObject m_json;
};

/// Progress lines on stderr, so that stdout stays the table and the JSON line.
void progress(const QString &text);

} // namespace Natter::Bench
