#pragma once

#include <QAbstractTableModel>
#include <QHash>

namespace sockscope {

class Session;

// The peers of one session: connected clients (server), the server (client)
// or every remote endpoint seen (UDP). Rows are appended as peers appear and
// stay, greyed with their close reason, until cleared. Counter updates arrive
// once per record batch as one dataChanged over the counter columns.
class PeerListModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeerListModel)

public:
    enum Column
    {
        Endpoint,
        State,
        Opened,
        RxBytes,
        TxBytes,
        RxFrames,
        ColumnCount
    };
    enum Role
    {
        PeerIdRole = Qt::UserRole + 1,
        IsOpenRole
    };

    explicit PeerListModel(QObject *parent = nullptr);

    void setSession(const Session *session);
    quint32 peerIdAt(int row) const;
    int rowOfPeer(quint32 id) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Re-reads the session's peer table (after it cleared or pruned closed peers): removed
    // peers' rows go with row-removal signals, so views keep selection and current row.
    void resync();

private:
    void rebuildRowIndex();
    void onPeerOpened(quint32 id);
    void onPeerChanged(quint32 id);
    void onCountersChanged();

    const Session *m_session = nullptr;
    QList<quint32> m_ids;
    QHash<quint32, int> m_rows;
};

} // namespace sockscope
