#include "peerlistmodel.h"

#include "tones.h"

#include "core/session/session.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QPainter>
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
    m_anyHolding = false;
    m_anyTls = false;
    m_ids.clear();
    const QList<quint32> ids = session ? session->peerIds() : QList<quint32>();
    for (quint32 id : ids)
        if (const PeerInfo *p = session->peer(id); p && hasOwnRow(*p))
            m_ids.append(id);
    rebuildRowIndex();
    endResetModel();
    noteTls();
}

void PeerListModel::resync()
{
    // Peers leave the session's table (cleared or pruned) but never change order, and new
    // ones arrive through peerOpened. Rows go with beginRemoveRows, a run at a time from the
    // end, never with a reset: a reset silently drops the view's selection, and with it the
    // send target and the log filter.
    QList<quint32> now = m_session ? m_session->peerIds() : QList<quint32>();
    now.removeIf([this](quint32 id) {
        const PeerInfo *p = m_session->peer(id);
        return !p || !hasOwnRow(*p);
    });
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

bool PeerListModel::isRelay() const
{
    return m_session && m_session->mode() == Session::Mode::Relay;
}

bool PeerListModel::hasOwnRow(const PeerInfo &peer) const
{
    return !peer.isUpstream();
}

int PeerListModel::rowFor(quint32 id) const
{
    if (isRelay())
        if (const PeerInfo *p = m_session->peer(id); p && p->isUpstream())
            return rowOfPeer(p->partner);
    return rowOfPeer(id);
}

// A relay's rows are a subset of the table, so a shorter table does not tell of removals.
bool PeerListModel::anyRowGone() const
{
    if (!isRelay())
        return false;
    for (quint32 id : m_ids)
        if (!m_session->peer(id))
            return true;
    return false;
}

void PeerListModel::onPeerOpened(quint32 id)
{
    if (m_rows.contains(id))
        return;
    if (const PeerInfo *p = m_session ? m_session->peer(id) : nullptr; p && !hasOwnRow(*p)) {
        onPeerChanged(id); // an upstream side connected: its pair's row changes
        return;
    }
    const int row = int(m_ids.size());
    beginInsertRows(QModelIndex(), row, row);
    m_ids.append(id);
    m_rows.insert(id, row);
    endInsertRows();
}

void PeerListModel::onPeerChanged(quint32 id)
{
    const int row = rowFor(id);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void PeerListModel::onCountersChanged()
{
    if (m_session && (m_session->peerIds().size() < m_ids.size() || anyRowGone())) {
        resync(); // closed peers were cleared
        return;
    }
    if (!m_ids.isEmpty())
        emit dataChanged(index(0, State), index(int(m_ids.size()) - 1, ColumnCount - 1),
                         {Qt::DisplayRole, Qt::ToolTipRole});
    noteHolding();
    noteTls();
}

// Drawn, not a file: a small padlock in the palette's "ok" tone, crisp at any scale.
QIcon PeerListModel::lockIcon() const
{
    if (!m_lock.isNull())
        return m_lock;
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    pixmap.setDevicePixelRatio(2);
    QPainter paint(&pixmap);
    paint.setRenderHint(QPainter::Antialiasing);
    const QColor colour = toneColor(Tone::Ok, QGuiApplication::palette());
    paint.setPen(QPen(colour, 1.6));
    paint.drawArc(QRectF(4.5, 1.5, 7, 8), 0, 180 * 16); // the shackle
    paint.drawLine(QPointF(4.5, 5.5), QPointF(4.5, 8));
    paint.drawLine(QPointF(11.5, 5.5), QPointF(11.5, 8));
    paint.setPen(Qt::NoPen);
    paint.setBrush(colour);
    paint.drawRoundedRect(QRectF(3, 7.5, 10, 7.5), 1.5, 1.5); // the body
    paint.end();
    m_lock = QIcon(pixmap);
    return m_lock;
}

// The TLS column is shown once a handshake finished (peersUpdated follows each one).
void PeerListModel::noteTls()
{
    bool any = false;
    for (qsizetype i = 0; m_session && !any && i < m_ids.size(); ++i) {
        const PeerInfo *p = m_session->peer(m_ids[i]);
        const PeerInfo *u = p && isRelay() && p->partner ? m_session->peer(p->partner) : nullptr;
        any = (p && p->tls.active) || (u && u->tls.active);
    }
    if (any == m_anyTls)
        return;
    m_anyTls = any;
    emit headerDataChanged(Qt::Horizontal, Tls, Tls);
}

QVariant PeerListModel::tlsDisplay(const PeerInfo &peer, const PeerInfo *upstream) const
{
    auto side = [this](const PeerInfo *p) {
        return p && p->tls.active ? p->tls.protocol : tr("plain");
    };
    if (!isRelay())
        return peer.tls.active ? peer.tls.protocol : QString();
    if (!peer.tls.active && !(upstream && upstream->tls.active))
        return QString();
    return QStringLiteral("%1 ↔ %2").arg(side(&peer), side(upstream));
}

// Cipher, ALPN and what verification accepted, per side of a relay's pair.
QString PeerListModel::tlsToolTip(const PeerInfo &peer, const PeerInfo *upstream) const
{
    auto lines = [this](const PeerInfo *p) {
        QStringList out;
        if (!p || !p->tls.active)
            return QStringList{tr("plain (no TLS)")};
        const TlsSessionInfo &t = p->tls;
        out << tr("%1, cipher %2").arg(t.protocol, t.cipher)
            << tr("ALPN: %1").arg(t.alpn.isEmpty() ? tr("none agreed") : t.alpn);
        if (!t.peerChain.isEmpty())
            out << tr("Certificate: %1").arg(t.peerCertificate().subjectDisplayName());
        if (!t.verifyErrors.isEmpty())
            out << tr("Accepted despite: %1").arg(t.verifyErrors.join(QStringLiteral("; ")));
        return out;
    };
    if (!isRelay())
        return lines(&peer).join(QLatin1Char('\n'));
    return (QStringList{tr("Client side:")} + lines(&peer) + QStringList{tr("Server side:")} +
            lines(upstream))
        .join(QLatin1Char('\n'));
}

// A relay's Held column is named only while some pair holds: most never do, and a narrow
// peer list (900 px screens) keeps its room for the counters.
void PeerListModel::noteHolding()
{
    bool any = false;
    for (qsizetype i = 0; isRelay() && !any && i < m_ids.size(); ++i)
        any = isHolding(m_ids[i]);
    if (any == m_anyHolding)
        return;
    m_anyHolding = any;
    emit headerDataChanged(Qt::Horizontal, RxFrames, RxFrames);
}

bool PeerListModel::isHolding(quint32 client) const
{
    const PeerInfo *c = m_session->peer(client);
    const PeerInfo *u = c && c->partner ? m_session->peer(c->partner) : nullptr;
    return c && (c->holding || c->heldBytes || (u && (u->holding || u->heldBytes)));
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
    const bool relay = isRelay();
    const PeerInfo *upstream = relay && p->partner ? m_session->peer(p->partner) : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        if (relay)
            return pairDisplay(*p, upstream, index.column());
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
        case Tls:
            return tlsDisplay(*p, nullptr);
        }
        break;
    case Qt::DecorationRole: // a padlock, in the state (elided first): no width of its own
        if (index.column() == State && (p->tls.active || (upstream && upstream->tls.active)))
            return lockIcon();
        break;
    case Qt::ToolTipRole:
        if (index.column() == Tls)
            return tlsToolTip(*p, upstream);
        if (index.column() == State && (p->tls.active || (upstream && upstream->tls.active)))
            return tr("%1\nTLS: %2")
                .arg(relay ? pairToolTip(*p, upstream) : p->endpoint(), tlsToolTip(*p, upstream));
        if (relay)
            return pairToolTip(*p, upstream);
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
        if (index.column() >= RxBytes && index.column() <= RxFrames)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case PeerIdRole:
        return p->id;
    case IsOpenRole:
        return p->isOpen();
    }
    return {};
}

// A pair's row: the client, both sides' states, the bytes each way and what is held; the
// tooltip has both ends.
QVariant PeerListModel::pairDisplay(const PeerInfo &client, const PeerInfo *upstream,
                                    int column) const
{
    const qint64 held = client.heldBytes + (upstream ? upstream->heldBytes : 0);
    switch (column) {
    case Endpoint: // the server is the same for every pair: in the tooltip and the title
        return client.endpoint();
    case State:
        if (!client.isOpen() && !(upstream && upstream->isOpen()))
            return closeReasonText(client.closeReason);
        return QStringLiteral("%1 ↔ %2").arg(sideState(&client, client),
                                             sideState(upstream, client));
    case Opened:
        return QDateTime::fromMSecsSinceEpoch(client.openedUs / 1000)
            .toString(QStringLiteral("HH:mm:ss"));
    case RxBytes:
        return QLocale().toString(client.rxBytes);
    case TxBytes:
        return QLocale().toString(upstream ? upstream->rxBytes : 0);
    case RxFrames:
        // Empty unless something is held or a hold is on: most pairs never hold.
        if (held || client.holding || (upstream && upstream->holding))
            return QLocale().toString(held);
        return QString();
    case Tls:
        return tlsDisplay(client, upstream);
    }
    return {};
}

// One side of a pair: the upstream side before it exists is still being connected to
// (or, with the client gone, never was).
QString PeerListModel::sideState(const PeerInfo *side, const PeerInfo &client) const
{
    if (!side)
        return client.isOpen() ? tr("connecting") : tr("not connected");
    if (!side->isOpen())
        return tr("closed");
    return side->finishedSending ? tr("half-closed") : tr("open");
}

QString PeerListModel::pairToolTip(const PeerInfo &client, const PeerInfo *upstream) const
{
    auto line = [this, &client](const QString &who, const PeerInfo *side) {
        QString state = sideState(side, client);
        if (side && !side->isOpen() && !side->closeText.isEmpty())
            state = tr("%1 — %2").arg(state, side->closeText);
        if (side && side->holding)
            state = tr("%1, holding what it sends").arg(state);
        return who.arg(side ? side->endpoint() : QStringLiteral("…"), state);
    };
    QStringList lines{line(tr("Client %1: %2"), &client), line(tr("Server %1: %2"), upstream)};
    lines << tr("Client → server: %1 bytes; server → client: %2 bytes")
                 .arg(QLocale().toString(client.rxBytes),
                      QLocale().toString(upstream ? upstream->rxBytes : 0));
    if (const qint64 held = client.heldBytes + (upstream ? upstream->heldBytes : 0))
        lines << tr("Held, not passed on yet: %1 bytes").arg(QLocale().toString(held));
    lines << tr("Since %1")
                 .arg(QDateTime::fromMSecsSinceEpoch(client.openedUs / 1000)
                          .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
    return lines.join(QLatin1Char('\n'));
}

QVariant PeerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (isRelay())
        return relayHeaderData(section, role);
    if (role == Qt::ToolTipRole) { // the short headers spelled out
        switch (section) {
        case RxBytes:
            return tr("Bytes received from this peer");
        case TxBytes:
            return tr("Bytes sent to this peer");
        case RxFrames:
            return tr("Messages received from this peer");
        case Tls:
            return tr("The TLS version agreed; the cell's tooltip has the cipher and ALPN");
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
    case Tls:
        return tr("TLS");
    }
    return {};
}

QVariant PeerListModel::relayHeaderData(int section, int role) const
{
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case State:
            return tr("The client's side ↔ the server's side: connecting, open, half-closed "
                      "(finished sending), closed");
        case RxBytes:
            return tr("Bytes the client sent to the server (C>S)");
        case TxBytes:
            return tr("Bytes the server sent to the client (S>C)");
        case RxFrames:
            return tr("Bytes held, not passed on yet");
        case Tls:
            return tr("TLS towards the client ↔ towards the server; the cell's tooltip has "
                      "the cipher and ALPN");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Endpoint:
        return tr("Client");
    case State:
        return tr("State");
    case Opened:
        return tr("Since");
    case RxBytes:
        return tr("C>S");
    case TxBytes:
        return tr("S>C");
    case RxFrames:
        return m_anyHolding ? tr("Held") : QString();
    case Tls:
        return tr("TLS");
    }
    return {};
}

} // namespace sockscope
