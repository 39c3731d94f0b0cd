// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Natter {

/// Paints a SearchResultsModel row: the chat title and the time on top, then up to two lines
/// of "Author: snippet" with the matched words in bold. The snippet is HTML from the model
/// (already escaped, matches in <b>); only the author is escaped here. The first server
/// result carries an "On the server" section header, and every server result a label.
class SearchResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit SearchResultDelegate(QObject *parent = nullptr);

    /// The rich text of a result's body: the author, escaped and in `authorColour`, then the
    /// model's snippet untouched.
    static QString bodyHtml(
        const QString &author, const QString &snippetHtml, const QColor &authorColour);
    /// True when `index` is the first server result (it draws the section header).
    static bool startsServerSection(const QModelIndex &index);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int headerHeight(const QStyleOptionViewItem &option) const;
};

} // namespace Natter
