#pragma once

#include <QPointer>
#include <QSet>
#include <QSortFilterProxyModel>

namespace sockscope {

class LogModel;

// Narrows a LogModel to a set of peers and/or hides sent rows or events.
// Incremental: appended source rows are filtered as they arrive (Qt's proxy
// maps inserted rows one by one) and evictions only shift the mapping; only a
// change of the criteria re-filters everything. Never sorts: the log keeps
// arrival order, and dynamic re-filtering is off so a display-mode switch
// (dataChanged over a whole column) does not re-run the filter.
class LogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFilterModel)

public:
    explicit LogFilterModel(QObject *parent = nullptr);
    ~LogFilterModel() override;

    void setSourceModel(QAbstractItemModel *model) override;

    // Only rows of these peers (their data and their own events; session-wide
    // events, peer id 0, are hidden). Empty: every row.
    void setPeerFilter(const QSet<quint32> &peerIds);
    void setPeerFilter(quint32 peerId) { setPeerFilter(QSet<quint32>{peerId}); }
    void clearPeerFilter() { setPeerFilter(QSet<quint32>()); }
    QSet<quint32> peerFilter() const { return m_peers; }

    void setShowRx(bool show);
    bool showRx() const { return m_showRx; }
    void setShowTx(bool show);
    bool showTx() const { return m_showTx; }
    void setShowEvents(bool show);
    bool showEvents() const { return m_showEvents; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void refilter();

    QPointer<LogModel> m_log; // the source when it is a LogModel: direct record access
    QSet<quint32> m_peers;    // empty: all
    bool m_showRx = true;
    bool m_showTx = true;
    bool m_showEvents = true;
};

} // namespace sockscope
