#include "peerlistmodel.h"

#include "core/session/session.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QSet>

namespace sockscope {

PeerListModel::PeerListModel(QObject *parent) : QAbstractTableModel(parent) {}

void PeerListModel::setSession(const Session *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (session) {
        connect(session, &Session::peerOpened, this, &PeerListModel::onPeerOpened);
        connect(session, &Session::peerClosed, this, &PeerListModel::onPeerChanged);
        connect(session, &Session::peersUpdated, this, &PeerListModel::onCountersChanged);
    }
    beginResetModel();
    m_ids = session ? session->peerIds() : QList<quint32>();
    rebuildRowIndex();
    endResetModel();
}

void PeerListModel::resync()
{
    // Peers leave the session's table (cleared or pruned) but never change order, and new
    // ones arrive through peerOpened. Rows go with beginRemoveRows, a run at a time from the
    // end, never with a reset: a reset silently drops the view's selection, and with it the
    // send target and the log filter.
    const QList<quint32> now = m_session ? m_session->peerIds() : QList<quint32>();
    const QSet<quint32> kept(now.cbegin(), now.cend());
    for (int last = int(m_ids.size()) - 1; last >= 0;) {
        if (kept.contains(m_ids[last])) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !kept.contains(m_ids[first - 1]))
            --first;
        beginRemoveRows(QModelIndex(), first, last);
        m_ids.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }
    rebuildRowIndex();
    for (quint32 id : now)
        onPeerOpened(id); // any we have not seen yet (appended; no-op for known ones)
}

void PeerListModel::rebuildRowIndex()
{
    m_rows.clear();
    for (int i = 0; i < m_ids.size(); ++i)
        m_rows.insert(m_ids[i], i);
}

quint32 PeerListModel::peerIdAt(int row) const
{
    return row >= 0 && row < m_ids.size() ? m_ids[row] : 0;
}

int PeerListModel::rowOfPeer(quint32 id) const
{
    return m_rows.value(id, -1);
}

void PeerListModel::onPeerOpened(quint32 id)
{
    if (m_rows.contains(id))
        return;
    const int row = int(m_ids.size());
    beginInsertRows(QModelIndex(), row, row);
    m_ids.append(id);
    m_rows.insert(id, row);
    endInsertRows();
}

void PeerListModel::onPeerChanged(quint32 id)
{
    const int row = rowOfPeer(id);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void PeerListModel::onCountersChanged()
{
    if (m_session && m_session->peerIds().size() < m_ids.size()) {
        resync(); // closed peers were cleared
        return;
    }
    if (!m_ids.isEmpty())
        emit dataChanged(index(0, State), index(int(m_ids.size()) - 1, RxFrames),
                         {Qt::DisplayRole});
}

int PeerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int PeerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PeerListModel::data(const QModelIndex &index, int role) const
{
    if (!m_session || !index.isValid() || index.row() >= m_ids.size())
        return {};
    const PeerInfo *p = m_session->peer(m_ids[index.row()]);
    if (!p)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Endpoint:
            return p->endpoint();
        case State:
            if (p->isOpen())
                return m_session->mode() == Session::Mode::Udp ? tr("Active") : tr("Connected");
            return closeReasonText(p->closeReason);
        case Opened:
            return QDateTime::fromMSecsSinceEpoch(p->openedUs / 1000)
                .toString(QStringLiteral("HH:mm:ss"));
        case RxBytes:
            return QLocale().toString(p->rxBytes);
        case TxBytes:
            return QLocale().toString(p->txBytes);
        case RxFrames:
            return QLocale().toString(p->rxFrames);
        }
        break;
    case Qt::ToolTipRole:
        if (!p->isOpen())
            return tr("%1 — closed: %2").arg(p->endpoint(), p->closeText);
        return tr("%1 — connected since %2")
            .arg(p->endpoint(), QDateTime::fromMSecsSinceEpoch(p->openedUs / 1000)
                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
    case Qt::ForegroundRole:
        if (!p->isOpen())
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= RxBytes)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case PeerIdRole:
        return p->id;
    case IsOpenRole:
        return p->isOpen();
    }
    return {};
}

QVariant PeerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) { // the short headers spelled out
        switch (section) {
        case RxBytes:
            return tr("Bytes received from this peer");
        case TxBytes:
            return tr("Bytes sent to this peer");
        case RxFrames:
            return tr("Messages received from this peer");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Endpoint:
        return tr("Peer");
    case State:
        return tr("State");
    case Opened:
        return tr("Since");
    case RxBytes:
        return tr("RX");
    case TxBytes:
        return tr("TX");
    case RxFrames:
        return tr("Msgs");
    }
    return {};
}

} // namespace sockscope
