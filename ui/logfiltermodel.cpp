#include "logfiltermodel.h"

#include "logmodel.h"

namespace sockscope {

LogFilterModel::LogFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(false);
}

LogFilterModel::~LogFilterModel() = default;

void LogFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_log = qobject_cast<LogModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void LogFilterModel::setPeerFilter(const QSet<quint32> &peerIds)
{
    if (m_peers == peerIds)
        return;
    m_peers = peerIds;
    refilter();
}

void LogFilterModel::setShowRx(bool show)
{
    if (m_showRx == show)
        return;
    m_showRx = show;
    refilter();
}

void LogFilterModel::setShowTx(bool show)
{
    if (m_showTx == show)
        return;
    m_showTx = show;
    refilter();
}

void LogFilterModel::setShowEvents(bool show)
{
    if (m_showEvents == show)
        return;
    m_showEvents = show;
    refilter();
}

void LogFilterModel::refilter()
{
    // Qt 6.4 has no beginFilterChange(); invalidateFilter() re-filters in
    // place (rows removed/inserted), keeping persistent indexes of kept rows.
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    LogRecord::Kind kind;
    quint32 peer;
    LogRecord::Flags flags;
    if (m_log) {
        const LogRecord &r = m_log->record(sourceRow);
        kind = r.kind;
        peer = r.peerId;
        flags = r.flags;
    } else {
        const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
        kind = LogRecord::Kind(idx.data(LogModel::KindRole).toInt());
        peer = idx.data(LogModel::PeerIdRole).toUInt();
        flags = LogRecord::Flags::fromInt(idx.data(LogModel::FlagsRole).toInt());
    }
    switch (kind) {
    case LogRecord::Kind::Rx:
        if (!m_showRx)
            return false;
        break;
    case LogRecord::Kind::Tx:
        // A relay's replacement is the traffic a rule passed on, not something sent by hand:
        // it shows with the received rows.
        if ((flags & LogRecord::Rewritten) ? !m_showRx : !m_showTx)
            return false;
        break;
    case LogRecord::Kind::Event:
        if (!m_showEvents)
            return false;
        break;
    }
    return m_peers.isEmpty() || m_peers.contains(peer);
}

} // namespace sockscope
