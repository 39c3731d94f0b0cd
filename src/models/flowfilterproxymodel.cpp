// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowfilterproxymodel.h"

#include "flowlistmodel.h"

namespace Natter {

FlowFilterProxyModel::FlowFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    // Re-filter rows whose data changes (a new last message, a block) without sorting: the
    // source order (by activity) is the order shown.
    setDynamicSortFilter(true);
}

void FlowFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

void FlowFilterProxyModel::setShowBlocked(bool show)
{
    if (show == m_showBlocked)
        return;
    m_showBlocked = show;
    invalidateFilter();
}

bool FlowFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_showBlocked && index.data(FlowListModel::BlockedRole).toBool())
        return false;
    if (m_text.isEmpty())
        return true;
    return index.data(FlowListModel::TitleRole).toString().contains(m_text, Qt::CaseInsensitive)
        || index.data(FlowListModel::LastMessageTextRole)
               .toString()
               .contains(m_text, Qt::CaseInsensitive);
}

} // namespace Natter
