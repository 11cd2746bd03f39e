#include "logmodel.h"

#include "tones.h"

#include "core/codec/escapes.h"
#include "core/codec/hex.h"
#include "core/codec/textcodec.h"

#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QStringList>

namespace sockscope {

namespace {

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// "hh:mm:ss.zzzzzz" in local time, optionally with the ISO date in front.
QString timeText(qint64 us, bool withDate)
{
    const qint64 secs = floorDiv(us, 1000000);
    const int micros = int(us - secs * 1000000);
    const QDateTime dt = QDateTime::fromSecsSinceEpoch(secs);
    const QTime t = dt.time();
    QString s = QString::asprintf("%02d:%02d:%02d.%06d", t.hour(), t.minute(), t.second(), micros);
    if (withDate)
        s.prepend(dt.date().toString(Qt::ISODate) + QLatin1Char(' '));
    return s;
}

// Decoded text with control characters made visible and invalid bytes as
// \xNN (a literal backslash as \\), so the text reads back to the exact bytes
// through the send box's escape syntax.
QString visibleText(const CarryIn &carry, QByteArrayView bytes, Encoding encoding)
{
    return decodeRecord(carry, bytes, encoding, InvalidBytes::Visible);
}

constexpr LogRecord::Flags kBadFlags = LogRecord::ChecksumBad | LogRecord::Malformed;

} // namespace

LogModel::LogModel(QObject *parent) : QAbstractTableModel(parent), m_dataCache(CachedRows) {}

LogModel::~LogModel() = default;

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_store.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    const int row = index.row();
    const int column = index.column();
    if (!index.isValid() || row >= rowCount() || column >= ColumnCount)
        return {};
    const LogRecord &r = m_store.at(row);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TimeColumn:
            return timeText(r.timeUs, false);
        case DirectionColumn:
            return directionText(r);
        case PeerColumn:
            return pairName(r.peerId);
        case LengthColumn:
            return r.kind == LogRecord::Kind::Event ? QString() : QString::number(r.bytes.size());
        case DataColumn:
            return dataText(row);
        }
        break;
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case Qt::ForegroundRole:
        return foreground(r, column);
    case Qt::BackgroundRole:
        if (column == DirectionColumn)
            return directionBackground(r);
        break;
    case Qt::FontRole:
        // A dropped frame never reached the other side: its row is struck through.
        if (relayDirection(r) != RelayDirection::None && (r.flags & LogRecord::Dropped)) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        break;
    case Qt::TextAlignmentRole:
        if (column == LengthColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        break;
    case BytesRole:
        return r.bytes;
    case SequenceRole:
        return QVariant::fromValue(m_store.sequenceOf(row));
    case PeerIdRole:
        return QVariant::fromValue(r.peerId);
    case KindRole:
        return int(r.kind);
    case FlagsRole:
        return int(r.flags);
    case TimeUsRole:
        return QVariant::fromValue(r.timeUs);
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case DirectionColumn:
        return tr("Direction");
    case PeerColumn:
        return tr("Peer");
    case LengthColumn:
        return tr("Length");
    case DataColumn:
        return tr("Data");
    }
    return {};
}

void LogModel::setLimits(const LogStore::Limits &limits)
{
    m_store.setLimits(limits);
    m_held.setLimits(limits);
    m_held.evictOldest(m_held.evictionsFor({}, nullptr));
    evictRows(m_store.evictionsFor({}, nullptr));
}

void LogModel::setPeerName(quint32 id, const QString &name)
{
    if (m_peerNames.value(id) == name && m_peerNames.contains(id))
        return;
    m_peerNames.insert(id, name);
    repaintPeerRows(id, PeerColumn);
    // An upstream side's rows show its client's name.
    if (const auto it = m_pairs.constFind(id); it != m_pairs.cend() && !it->upstream && it->partner)
        repaintPeerRows(it->partner, PeerColumn);
}

void LogModel::repaintPeerRows(quint32 id, int column)
{
    // Names are looked up in data(); only this peer's stored rows need repainting.
    const auto span = m_peerSpans.constFind(id);
    if (span == m_peerSpans.cend() || span->last < m_store.firstSequence())
        return;
    const int first = int(m_store.rowOf(qMax(span->first, m_store.firstSequence())));
    const int last = int(m_store.rowOf(span->last));
    if (first >= 0 && last >= first)
        emit dataChanged(index(first, column), index(last, PeerColumn),
                         {Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole});
}

void LogModel::notePeer(const PeerInfo &peer)
{
    if (peer.side != PeerInfo::Side::None) {
        setRelay(true);
        PairSide &mine = m_pairs[peer.id];
        mine.upstream = peer.isUpstream();
        if (peer.partner != 0)
            mine.partner = peer.partner;
        if (peer.partner != 0) {
            PairSide &other = m_pairs[peer.partner];
            other.partner = peer.id;
            other.upstream = !peer.isUpstream();
        }
    }
    if (m_peerNames.value(peer.id) != peer.endpoint() || !m_peerNames.contains(peer.id))
        setPeerName(peer.id, peer.endpoint());
    else
        repaintPeerRows(peer.id, DirectionColumn);
}

void LogModel::setRelay(bool relay)
{
    if (relay == m_relay)
        return;
    m_relay = relay;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit relayChanged(relay);
}

LogModel::RelayDirection LogModel::relayDirection(const LogRecord &r) const
{
    if (!m_relay || r.kind == LogRecord::Kind::Event)
        return RelayDirection::None;
    // Rx: what the side sent; Tx (injected): what was sent to the side.
    const bool upstream = r.flags & LogRecord::Upstream;
    const bool towardsServer = (r.kind == LogRecord::Kind::Rx) != upstream;
    return towardsServer ? RelayDirection::ClientToServer : RelayDirection::ServerToClient;
}

bool LogModel::isInjected(const LogRecord &r) const
{
    return m_relay && r.kind == LogRecord::Kind::Tx && !(r.flags & LogRecord::Rewritten);
}

bool LogModel::isReplacement(const LogRecord &r) const
{
    return m_relay && r.kind == LogRecord::Kind::Tx && (r.flags & LogRecord::Rewritten);
}

// Rows that are not plain forwarded traffic stand out in the direction column: injected ones
// in the warning tone, a rule's replacements in their direction's own tone.
QVariant LogModel::directionBackground(const LogRecord &r) const
{
    const QPalette palette = QGuiApplication::palette();
    if (isInjected(r))
        return toneBackground(Tone::Warning, palette);
    if (isReplacement(r))
        return toneBackground(relayDirection(r) == RelayDirection::ClientToServer
                                  ? Tone::ClientToServer
                                  : Tone::ServerToClient,
                              palette);
    return {};
}

QString LogModel::pairName(quint32 id) const
{
    return peerText(namedAs(id));
}

quint32 LogModel::namedAs(quint32 id) const
{
    const auto it = m_pairs.constFind(id);
    return it != m_pairs.cend() && it->upstream && it->partner != 0 ? it->partner : id;
}

QList<quint32> LogModel::withPartners(const QList<quint32> &ids) const
{
    QList<quint32> out = ids;
    for (quint32 id : ids) {
        const quint32 partner = m_pairs.value(id).partner;
        if (partner != 0 && !out.contains(partner))
            out.append(partner);
    }
    return out;
}

void LogModel::notePeerSpans(const LogRecords &records, qsizetype from, quint64 firstSeq)
{
    for (qsizetype i = from; i < records.size(); ++i) {
        const quint64 seq = firstSeq + quint64(i - from);
        auto it = m_peerSpans.find(records.at(i).peerId);
        if (it == m_peerSpans.end() || it->last < m_store.firstSequence())
            m_peerSpans.insert(records.at(i).peerId, {seq, seq});
        else
            it->last = seq;
    }
    // Peers whose rows are all gone are forgotten now and then (amortised O(1) per row).
    if (m_peerSpans.size() > 2 * qMax<qsizetype>(64, m_store.size() / 16)) {
        const quint64 oldest = m_store.firstSequence();
        m_peerSpans.removeIf([oldest](const auto &it) { return it.value().last < oldest; });
    }
}

void LogModel::forgetPeerNames(const QList<quint32> &ids)
{
    for (quint32 id : ids) {
        if (m_peerNames.contains(id))
            m_retiredPeers.insert(id);
    }
    if (m_retiredPeers.size() >= m_sweepAt)
        sweepRetiredNames();
}

void LogModel::sweepRetiredNames()
{
    QSet<quint32> needed;
    for (const LogStore *store : {&m_store, &m_held}) {
        for (qsizetype i = 0; i < store->size(); ++i) {
            const quint32 id = store->at(i).peerId;
            if (m_retiredPeers.contains(id))
                needed.insert(id);
            // An upstream side's rows are named by its client.
            if (const quint32 partner = m_pairs.value(id).partner;
                partner != 0 && m_retiredPeers.contains(partner))
                needed.insert(partner);
        }
    }
    for (quint32 id : std::as_const(m_retiredPeers)) {
        if (!needed.contains(id)) {
            m_peerNames.remove(id);
            m_pairs.remove(id);
        }
    }
    m_retiredPeers = needed;
    m_sweepAt = qMax(MinRetiredSweep, 2 * needed.size());
}

void LogModel::setDisplayMode(DisplayMode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    m_dataCache.clear();
    if (rowCount() > 0)
        emit dataChanged(index(0, DataColumn), index(rowCount() - 1, DataColumn),
                         {Qt::DisplayRole, Qt::ToolTipRole});
    emit displayModeChanged(mode);
}

void LogModel::setRenderLimit(int bytes)
{
    bytes = qMax(0, bytes);
    if (bytes == m_renderLimit)
        return;
    m_renderLimit = bytes;
    m_dataCache.clear();
    if (rowCount() > 0)
        emit dataChanged(index(0, DataColumn), index(rowCount() - 1, DataColumn),
                         {Qt::DisplayRole, Qt::ToolTipRole});
}

void LogModel::appendRecords(const LogRecords &records)
{
    if (records.isEmpty())
        return;
    if (m_paused) {
        qsizetype keepFrom = 0;
        m_held.evictOldest(m_held.evictionsFor(records, &keepFrom));
        m_held.append(records, keepFrom);
        return;
    }
    insertRecords(records);
}

void LogModel::insertRecords(const LogRecords &records)
{
    qsizetype keepFrom = 0;
    evictRows(m_store.evictionsFor(records, &keepFrom));
    const qsizetype kept = records.size() - keepFrom;
    if (kept <= 0)
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + int(kept) - 1);
    m_store.append(records, keepFrom);
    notePeerSpans(records, keepFrom, m_store.sequenceOf(first));
    endInsertRows();
}

void LogModel::evictRows(qsizetype count)
{
    if (count <= 0)
        return;
    // Cached texts of evicted rows are never asked for again (sequence numbers
    // are not reused) and age out of the LRU cache by themselves.
    beginRemoveRows({}, 0, int(count) - 1);
    m_store.evictOldest(count);
    endRemoveRows();
}

void LogModel::pause()
{
    if (m_paused)
        return;
    m_paused = true;
    emit pausedChanged(true);
}

void LogModel::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    LogRecords held;
    held.reserve(m_held.size());
    for (qsizetype i = 0; i < m_held.size(); ++i)
        held.append(m_held.at(i));
    m_held.clear();
    if (!held.isEmpty())
        insertRecords(held);
    emit pausedChanged(false);
}

LogRecords LogModel::allRecords() const
{
    LogRecords out;
    out.reserve(m_store.size() + m_held.size());
    for (const LogStore *store : {&m_store, &m_held})
        for (qsizetype i = 0; i < store->size(); ++i)
            out.append(store->at(i)); // payloads are shared, not copied
    return out;
}

void LogModel::clear()
{
    beginResetModel();
    m_store.clear(); // sequence numbers keep counting, so cached keys stay unique
    m_held.clear();
    m_peerSpans.clear();
    m_dataCache.clear();
    sweepRetiredNames(); // no row is left to need them
    endResetModel();
}

int LogModel::findRow(const QString &text, bool hex, int fromRow, bool forward) const
{
    const int rows = rowCount();
    if (rows == 0 || text.isEmpty())
        return -1;

    QByteArray needle;
    if (hex) {
        const HexParseResult parsed = parseHex(text);
        if (!parsed.ok() || parsed.bytes.isEmpty())
            return -1;
        needle = parsed.bytes;
    }
    // A printable ASCII needle can be matched against the raw bytes in UTF-8
    // and Latin-1 without decoding (ASCII bytes only ever stand for themselves
    // there; not in GBK, whose trail bytes include ASCII).
    bool asciiNeedle = !hex && (m_mode == DisplayMode::Utf8 || m_mode == DisplayMode::Latin1);
    for (const QChar c : text) {
        if (!asciiNeedle)
            break;
        asciiNeedle = c.unicode() >= 0x20 && c.unicode() < 0x7f && c != QLatin1Char('\\');
    }
    const QByteArray latin = asciiNeedle ? text.toLatin1() : QByteArray();

    auto matches = [&](int row) {
        const LogRecord &r = m_store.at(row);
        if (hex)
            return r.kind != LogRecord::Kind::Event && r.bytes.contains(needle);
        if (asciiNeedle && r.kind != LogRecord::Kind::Event)
            return QLatin1String(r.bytes.constData(), r.bytes.size())
                .contains(QLatin1String(latin), Qt::CaseInsensitive);
        return renderData(r, -1).contains(text, Qt::CaseInsensitive);
    };

    const int start = (fromRow >= 0 && fromRow < rows) ? fromRow : (forward ? 0 : rows - 1);
    for (int i = 0; i < rows; ++i) {
        const int row = forward ? (start + i) % rows : (start - i + rows) % rows;
        if (matches(row))
            return row;
    }
    return -1;
}

QString LogModel::renderData(const LogRecord &r, int limit) const
{
    if (r.kind == LogRecord::Kind::Event)
        return escapeForDisplay(r.eventText()); // events are text in every mode

    const qsizetype size = r.bytes.size();
    const bool cut = limit >= 0 && size > limit;
    const QByteArrayView shown(r.bytes.constData(), cut ? limit : size);
    QString text;
    switch (m_mode) {
    case DisplayMode::Utf8:
        text = visibleText(r.carryUtf8, shown, Encoding::Utf8);
        break;
    case DisplayMode::Gbk:
        text = visibleText(r.carryGbk, shown, Encoding::Gbk);
        break;
    case DisplayMode::Latin1:
        text = escapeForDisplay(QString::fromLatin1(shown));
        break;
    case DisplayMode::Hex:
        text = toHexString(shown);
        break;
    }
    if (cut)
        text += tr("… (%n bytes)", nullptr, int(qMin<qsizetype>(size, INT_MAX)));
    return text;
}

bool LogModel::holdsPartialCharacter(const LogRecord &r) const
{
    // Text decoded with the carry-in is empty only when every byte was held back, and no
    // character is longer than 4 bytes: cheap to rule out for all but the tiniest records.
    if (r.kind == LogRecord::Kind::Event || r.bytes.isEmpty() || r.bytes.size() > 3)
        return false;
    if (m_mode != DisplayMode::Utf8 && m_mode != DisplayMode::Gbk)
        return false;
    return renderData(r, -1).isEmpty();
}

QString LogModel::dataText(int row) const
{
    const quint64 seq = m_store.sequenceOf(row);
    if (const QString *cached = m_dataCache.object(seq))
        return *cached;
    const LogRecord &r = m_store.at(row);
    QString text = renderData(r, m_renderLimit);
    if (text.isEmpty() && holdsPartialCharacter(r))
        text = tr("…continues");
    text += flagsSuffix(r);
    m_dataCache.insert(seq, new QString(text));
    return text;
}

QString LogModel::directionText(const LogRecord &r) const
{
    if (relayDirection(r) != RelayDirection::None)
        return relayDirectionText(r);
    switch (r.kind) {
    case LogRecord::Kind::Rx:
        return QStringLiteral("← ") + tr("RX");
    case LogRecord::Kind::Tx:
        return QStringLiteral("→ ") + tr("TX");
    case LogRecord::Kind::Event:
        break;
    }
    if (r.flags & LogRecord::Error)
        return QStringLiteral("⚠ ") + tr("Error");
    return QStringLiteral("• ") + tr("Event");
}

QString LogModel::relayDirectionText(const LogRecord &r) const
{
    const bool toServer = relayDirection(r) == RelayDirection::ClientToServer;
    if (isInjected(r))
        return toServer ? tr("C→S (injected)") : tr("S→C (injected)");
    if (isReplacement(r))
        return toServer ? tr("C→S (replacement)") : tr("S→C (replacement)");
    if (r.flags & LogRecord::Rewritten)
        return toServer ? tr("C→S (rewritten)") : tr("S→C (rewritten)");
    if (r.flags & LogRecord::Dropped)
        return toServer ? tr("C→S (dropped)") : tr("S→C (dropped)");
    if (r.flags & LogRecord::Delayed)
        return toServer ? tr("C→S (delayed)") : tr("S→C (delayed)");
    return toServer ? tr("C→S") : tr("S→C");
}

// What a rewrite rule did with the row's frame, naming the rule; empty for other rows.
QString LogModel::rewriteTip(const LogRecord &r) const
{
    const bool toServer = relayDirection(r) == RelayDirection::ClientToServer;
    const QString rule = r.replyRule.isEmpty() ? tr("(unnamed)") : escapeForDisplay(r.replyRule);
    if (isReplacement(r))
        return toServer ? tr("Replacement by rule “%1”: passed on to the server instead "
                             "of the frame the client sent (the C→S row before)")
                              .arg(rule)
                        : tr("Replacement by rule “%1”: passed on to the client instead "
                             "of the frame the server sent (the S→C row before)")
                              .arg(rule);
    if (r.kind != LogRecord::Kind::Rx)
        return {};
    if (r.flags & LogRecord::Rewritten)
        return toServer ? tr("Changed by rule “%1”: the next C→S row is what was "
                             "passed on instead")
                              .arg(rule)
                        : tr("Changed by rule “%1”: the next S→C row is what was "
                             "passed on instead")
                              .arg(rule);
    if (r.flags & LogRecord::Dropped)
        return toServer ? tr("Dropped by rule “%1”: not passed on to the server").arg(rule)
                        : tr("Dropped by rule “%1”: not passed on to the client").arg(rule);
    if (r.flags & LogRecord::Delayed)
        return toServer ? tr("Delayed by rule “%1”: passed on to the server later").arg(rule)
                        : tr("Delayed by rule “%1”: passed on to the client later").arg(rule);
    return {};
}

QString LogModel::relayDirectionTip(const LogRecord &r) const
{
    const bool toServer = relayDirection(r) == RelayDirection::ClientToServer;
    if (const QString tip = rewriteTip(r); !tip.isEmpty())
        return tip;
    if (isInjected(r))
        return toServer ? tr("Injected: sent by you to the server, not forwarded from the client")
                        : tr("Injected: sent by you to the client, not forwarded from the server");
    return toServer ? tr("Client to server: forwarded from the client")
                    : tr("Server to client: forwarded from the server");
}

QString LogModel::relayPeerTip(quint32 id) const
{
    const auto it = m_pairs.constFind(id);
    if (it == m_pairs.cend())
        return tr("Peer #%1").arg(id);
    const quint32 client = it->upstream ? it->partner : id;
    const quint32 server = it->upstream ? id : it->partner;
    const QString clientName = client != 0 ? peerText(client) : tr("?");
    if (server == 0)
        return tr("Client %1 (no server connection yet)").arg(clientName);
    return tr("Client %1 ↔ server %2").arg(clientName, peerText(server));
}

QString LogModel::peerText(quint32 id) const
{
    const QString name = m_peerNames.value(id);
    if (!name.isEmpty() || id == 0)
        return name;
    return tr("#%1").arg(id);
}

QString LogModel::flagsSuffix(const LogRecord &r) const
{
    const LogRecord::Flags flags = r.flags;
    QString s;
    // What answered, so that automatic replies do not pass for the user's own sends.
    if (flags & LogRecord::Echo)
        s += QLatin1String("  [") + tr("echo") + QLatin1Char(']');
    else if ((flags & LogRecord::AutoReply) && r.replyRule.isEmpty())
        s += QLatin1String("  [") + tr("auto-reply") + QLatin1Char(']');
    else if (flags & LogRecord::AutoReply)
        s += QLatin1String("  [") + tr("auto-reply: %1").arg(escapeForDisplay(r.replyRule)) +
             QLatin1Char(']');
    if (flags & LogRecord::ChecksumBad)
        s += QLatin1String("  [") + tr("checksum bad") + QLatin1Char(']');
    if (flags & LogRecord::Malformed)
        s += QLatin1String("  [") + tr("malformed") + QLatin1Char(']');
    if (flags & (LogRecord::Oversized | LogRecord::Continuation))
        s += QLatin1String("  [") + tr("cut") + QLatin1Char(']');
    if (flags & LogRecord::Incomplete)
        s += QLatin1String("  [") + tr("incomplete") + QLatin1Char(']');
    return s;
}

QString LogModel::toolTip(int row, int column) const
{
    const LogRecord &r = m_store.at(row);
    switch (column) {
    case TimeColumn:
        return timeText(r.timeUs, true);
    case DirectionColumn:
        if (relayDirection(r) != RelayDirection::None)
            return relayDirectionTip(r);
        switch (r.kind) {
        case LogRecord::Kind::Rx:
            return tr("Received");
        case LogRecord::Kind::Tx:
            if (r.flags & LogRecord::Echo)
                return tr("Sent back by echo");
            if ((r.flags & LogRecord::AutoReply) && r.replyRule.isEmpty())
                return tr("Sent by auto-reply");
            if (r.flags & LogRecord::AutoReply)
                return tr("Sent by auto-reply rule \u201C%1\u201D").arg(r.replyRule);
            return tr("Sent");
        case LogRecord::Kind::Event:
            return (r.flags & LogRecord::Error) ? tr("Error") : tr("Event");
        }
        break;
    case PeerColumn:
        if (r.peerId == 0)
            return tr("The session itself");
        if (m_relay)
            return relayPeerTip(r.peerId);
        return tr("Peer #%1").arg(r.peerId);
    case LengthColumn:
    case DataColumn: {
        if (r.kind == LogRecord::Kind::Event)
            return r.eventText();
        QStringList lines;
        lines << tr("%n byte(s)", nullptr, int(qMin<qsizetype>(r.bytes.size(), INT_MAX)));
        if (r.flags & LogRecord::ChecksumOk)
            lines << tr("Checksum verified.");
        if (r.flags & LogRecord::ChecksumBad)
            lines << tr("Checksum mismatch.");
        if (r.flags & LogRecord::Malformed)
            lines << tr("The length header declared an impossible length.");
        if (r.flags & LogRecord::Oversized)
            lines << tr("The frame exceeded the maximum size and was cut into pieces.");
        if (r.flags & LogRecord::Continuation)
            lines << tr("A later piece of an oversized frame.");
        if (r.flags & LogRecord::Incomplete)
            lines << tr("The stream ended in the middle of this frame.");
        if (r.bytes.size() > m_renderLimit)
            lines << tr("The table shows the first %1 bytes; the byte view shows all of them.")
                         .arg(m_renderLimit);
        if (holdsPartialCharacter(r))
            lines << tr("The start of a character: it shows whole in the next message of this "
                        "peer and direction.");
        return lines.join(QLatin1Char('\n'));
    }
    }
    return {};
}

QVariant LogModel::foreground(const LogRecord &r, int column) const
{
    if (column == TimeColumn)
        return {};
    // Tones follow the palette's brightness, so rows stay readable on dark themes too.
    const QPalette palette = QGuiApplication::palette();
    switch (r.kind) {
    case LogRecord::Kind::Rx:
    case LogRecord::Kind::Tx:
        if (column == DataColumn && (r.flags & kBadFlags))
            return toneColor(Tone::Error, palette);
        if (column == DataColumn && holdsPartialCharacter(r))
            return palette.color(QPalette::PlaceholderText); // dim
        if (const RelayDirection d = relayDirection(r); d != RelayDirection::None)
            return toneColor(d == RelayDirection::ClientToServer ? Tone::ClientToServer
                                                                 : Tone::ServerToClient,
                             palette);
        return toneColor(r.kind == LogRecord::Kind::Rx ? Tone::Info : Tone::Ok, palette);
    case LogRecord::Kind::Event:
        return toneColor((r.flags & LogRecord::Error) ? Tone::Error : Tone::Warning, palette);
    }
    return {};
}

} // namespace sockscope
