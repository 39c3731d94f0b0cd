// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace Natter {

/// Filters a FlowListModel for the search box over the flow list: a flow stays when its title
/// or its last message holds the filter text (case-insensitive), and, unless
/// setShowBlocked(true), when it is not a chat with a blocked user. Keeps the source order.
class FlowFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit FlowFilterProxyModel(QObject *parent = nullptr);

    QString filterText() const { return m_text; }
    /// Trimmed; an empty text lets every flow through.
    void setFilterText(const QString &text);

    bool showBlocked() const { return m_showBlocked; }
    void setShowBlocked(bool show);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    bool m_showBlocked = false;
};

} // namespace Natter
