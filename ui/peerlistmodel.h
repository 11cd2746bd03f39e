#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>

namespace sockscope {

class Session;
struct PeerInfo;

// The peers of one session: connected clients (server), the server (client)
// or every remote endpoint seen (UDP). Rows are appended as peers appear and
// stay, greyed with their close reason, until cleared. Counter updates arrive
// once per record batch as one dataChanged over the counter columns.
//
// A relay shows one row per pair, by its client side (PeerIdRole is the client's id; the
// upstream side is its partner): the client, each side's state ("open ↔ connecting"), the
// bytes each way (client→server in the RX column, server→client in the TX column) and what
// is held; the tooltip has both ends and their close texts.
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
        Tls, // "TLSv1.3" (a relay: each side); empty for plain connections
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

    // Some row's connection (a relay: either side) uses TLS; headerDataChanged(Tls) when
    // that changes, so the panel shows the column only then.
    bool anyTls() const { return m_anyTls; }

    // Re-reads the session's peer table (after it cleared or pruned closed peers): removed
    // peers' rows go with row-removal signals, so views keep selection and current row.
    void resync();

private:
    void rebuildRowIndex();
    void onPeerOpened(quint32 id);
    void onPeerChanged(quint32 id);
    void onCountersChanged();
    bool isRelay() const;
    void noteHolding();
    void noteTls();
    QIcon lockIcon() const;
    QVariant tlsDisplay(const PeerInfo &peer, const PeerInfo *upstream) const;
    QString tlsToolTip(const PeerInfo &peer, const PeerInfo *upstream) const;
    bool isHolding(quint32 client) const;
    bool anyRowGone() const;
    // A relay's upstream side has no row of its own: its pair's row stands for it.
    bool hasOwnRow(const PeerInfo &peer) const;
    int rowFor(quint32 id) const;
    QVariant pairDisplay(const PeerInfo &client, const PeerInfo *upstream, int column) const;
    QString pairToolTip(const PeerInfo &client, const PeerInfo *upstream) const;
    QString sideState(const PeerInfo *side, const PeerInfo &client) const;
    QVariant relayHeaderData(int section, int role) const;

    const Session *m_session = nullptr;
    QList<quint32> m_ids;
    QHash<quint32, int> m_rows;
    bool m_anyHolding = false; // a relay's pair holds (its Held column is named)
    bool m_anyTls = false;
    mutable QIcon m_lock; // made on first use
};

} // namespace sockscope
