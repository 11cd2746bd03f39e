#include "core/session/session.h"

#include "core/autoreply/autoreplier.h"
#include "core/net/endpoint.h"
#include "core/net/portowner.h"

#include <QSet>

#include <climits>
#include <utility>

namespace sockscope {

QString PeerInfo::endpoint() const
{
    return formatEndpoint(address.toString(), port);
}

// Receive-side state of one peer: the frame decoder and the character
// boundary trackers for both directions.
struct Session::Channel
{
    Channel(const FramingSpec &spec, int framingSlot) : rx(spec), slot(framingSlot) {}
    FrameDecoder rx;
    CharCarry rxUtf8{Encoding::Utf8};
    CharCarry rxGbk{Encoding::Gbk};
    CharCarry txUtf8{Encoding::Utf8};
    CharCarry txGbk{Encoding::Gbk};
    QList<Frame> scratch; // reused per read: no per-chunk allocation of the list
    std::list<quint32>::iterator idleEntry; // in m_idleQueue, when idleQueued
    bool idleQueued = false;
    LogRecord::Flags sideFlags; // Upstream for a relay's upstream side
    bool routed = false;        // frames go through routeFrame() (a relay's rewrite rules)
    int slot = 0;               // which framing (and idle queue): 1 for a relay's upstream side
};

Session::Session(Mode mode, QObject *parent) : QObject(parent), m_mode(mode)
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(30);
    connect(&m_batchTimer, &QTimer::timeout, this, &Session::flushRecords);
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &Session::flushIdle);
    m_monotonic.start();
    m_replyTimer.setSingleShot(true);
    // A reply delayed by a few ms must not go out 5% early (the coarse timer's slack).
    m_replyTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_replyTimer, &QTimer::timeout, this, &Session::sendDueReplies);
}

Session::~Session() = default;

QString Session::modeName(Mode mode)
{
    switch (mode) {
    case Mode::TcpServer:
        return QStringLiteral("tcp-server");
    case Mode::TcpClient:
        return QStringLiteral("tcp-client");
    case Mode::Udp:
        return QStringLiteral("udp");
    case Mode::Relay:
        return QStringLiteral("relay");
    }
    return {};
}

bool Session::modeFromName(QStringView name, Mode *mode)
{
    for (Mode m : {Mode::TcpServer, Mode::TcpClient, Mode::Udp, Mode::Relay}) {
        if (name.compare(modeName(m), Qt::CaseInsensitive) == 0) {
            *mode = m;
            return true;
        }
    }
    return false;
}

void Session::setState(State state, const QString &text)
{
    const bool changed = state != m_state || text != m_stateText;
    m_state = state;
    m_stateText = text;
    if (changed)
        emit stateChanged(state);
}

void Session::fail(const QString &message)
{
    logEvent(0, message, true);
    setState(State::Failed, message);
    emit errorOccurred(message);
}

void Session::failPortInUse(bool udp, quint16 port, const QHostAddress &address)
{
    const QString placeholder =
        tr("Port %1 is already in use; looking up which program holds it…").arg(port);
    m_failureBeingExplained = placeholder;
    fail(placeholder);
    PortOwnerLookup().findAsync(udp ? PortProtocol::Udp : PortProtocol::Tcp, port, address, this,
                                [this, placeholder](const PortOwner &owner) {
                                    if (!failureDetailPending() ||
                                        m_failureBeingExplained != placeholder)
                                        return; // restarted, stopped or failed otherwise since
                                    m_failureBeingExplained.clear();
                                    fail(PortOwnerLookup::describe(owner));
                                });
}

bool Session::failureDetailPending() const
{
    return m_state == State::Failed && !m_failureBeingExplained.isEmpty() &&
           m_stateText == m_failureBeingExplained;
}

void Session::setFraming(const FramingSpec &spec)
{
    m_framing = spec;
    m_upstreamFraming = spec;
    reframe(-1);
}

void Session::setUpstreamFraming(const FramingSpec &spec)
{
    m_upstreamFraming = spec;
    reframe(1);
}

// Open peers of a framing slot (-1: every one) take its current spec; their partial frames
// are flushed first.
void Session::reframe(int slot)
{
    for (auto it = m_channels.begin(); it != m_channels.end(); ++it) {
        Channel &ch = *it.value();
        if (slot < 0 || ch.slot == slot)
            flushFrames(it.key(), ch);
    }
    armIdleTimer();
}

void Session::flushFrames(quint32 id, Channel &ch)
{
    QList<Frame> frames;
    ch.rx.finish(frames);
    emitFrames(id, ch, frames);
    ch.rx = FrameDecoder(ch.slot == 1 ? m_upstreamFraming : m_framing);
    unqueueIdle(ch);
}

void Session::setRoutesFrames(quint32 id, bool on)
{
    const auto ch = m_channels.value(id);
    if (!ch || ch->routed == on)
        return;
    // Bytes of the partial frame were passed on raw (or wait to be routed): flushed first,
    // so the new way starts at a frame boundary and no byte is passed on twice or never.
    flushFrames(id, *ch);
    ch->routed = on;
}

bool Session::routesFrames(quint32 id) const
{
    const auto ch = m_channels.value(id);
    return ch && ch->routed;
}

void Session::finishFrames(quint32 id)
{
    if (const auto ch = m_channels.value(id))
        flushFrames(id, *ch);
}

FrameRoute Session::routeFrame(quint32, const Frame &)
{
    return {};
}

void Session::routeBatch(quint32, bool) {}

void Session::setRxChecksum(ChecksumKind kind, ByteOrder order)
{
    m_rxChecksum = kind;
    m_rxChecksumOrder = order;
}

qint64 Session::pendingWriteBytes(quint32) const
{
    return 0;
}

void Session::disconnectPeer(quint32 id)
{
    closePeer(id, CloseReason::LocalClose, tr("Disconnected by you."));
}

const PeerInfo *Session::peer(quint32 id) const
{
    auto it = m_peers.constFind(id);
    return it == m_peers.constEnd() ? nullptr : &it.value();
}

PeerInfo *Session::mutablePeer(quint32 id)
{
    auto it = m_peers.find(id);
    return it == m_peers.end() ? nullptr : &it.value();
}

void Session::markPeersChanged()
{
    m_peersDirty = true;
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

bool Session::setPeerHolding(quint32 id, bool hold)
{
    PeerInfo *p = mutablePeer(id);
    if (!p || !p->isOpen() || p->holding == hold)
        return false;
    p->holding = hold;
    markPeersChanged();
    const bool client = p->side == PeerInfo::Side::Client;
    if (hold)
        logEvent(id, client ? tr("Holding what the client sends.")
                            : tr("Holding what the server sends."));
    else
        logEvent(id, client ? tr("Passing on what the client sends again.")
                            : tr("Passing on what the server sends again."));
    return true;
}

void Session::clearClosedPeers()
{
    removeOldestClosedPeers(m_order.size() - m_openEntries);
}

qsizetype Session::removeOldestClosedPeers(qsizetype count)
{
    if (count <= 0)
        return 0;
    flushRecords(); // their last records reach listeners before peersRemoved
    QList<quint32> gone;
    QList<quint32> keep;
    keep.reserve(m_order.size() - count);
    for (quint32 id : std::as_const(m_order)) {
        if (gone.size() < count && !m_peers.value(id).isOpen()) {
            m_peers.remove(id);
            gone.append(id);
        } else {
            keep.append(id);
        }
    }
    m_order = keep;
    m_peersDirty = true;
    emit peersUpdated();
    if (!gone.isEmpty())
        emit peersRemoved(gone);
    return gone.size();
}

quint32 Session::openPeer(const QHostAddress &address, quint16 port, PeerInfo::Side side,
                          quint32 partner, const TlsSessionInfo &tls)
{
    PeerInfo info;
    info.id = m_nextId++;
    info.tls = tls;
    info.address = address;
    info.port = port;
    info.side = side;
    if (PeerInfo *other = partner ? mutablePeer(partner) : nullptr) {
        info.partner = partner;
        other->partner = info.id;
    }
    info.openedUs = nowUs();
    m_peers.insert(info.id, info);
    const bool upstream = side == PeerInfo::Side::Upstream;
    auto channel = std::make_shared<Channel>(upstream ? m_upstreamFraming : m_framing,
                                             upstream ? 1 : 0);
    if (upstream)
        channel->sideFlags = LogRecord::Upstream;
    m_channels.insert(info.id, std::move(channel));
    m_order.append(info.id);
    ++m_openEntries;
    if (side != PeerInfo::Side::Upstream) {
        ++m_openPeers;
        m_peakPeers = qMax(m_peakPeers, m_openPeers);
    }
    m_peersDirty = true;
    emit peerOpened(info.id);
    return info.id;
}

void Session::closePeer(quint32 id, CloseReason reason, const QString &text)
{
    PeerInfo *p = mutablePeer(id);
    if (!p || !p->isOpen())
        return;
    if (auto ch = m_channels.take(id)) {
        unqueueIdle(*ch);
        QList<Frame> frames;
        ch->rx.finish(frames);
        emitFrames(id, *ch, frames);
    }
    dropHeldReplies(id);
    endReplyDrops(id);
    m_readPaused.remove(id);
    p = mutablePeer(id);
    p->state = PeerInfo::State::Closed;
    p->closedUs = nowUs();
    p->closeReason = reason;
    p->closeText = text;
    --m_openEntries;
    if (!p->isUpstream())
        --m_openPeers;
    m_peersDirty = true;
    switch (p->side) {
    case PeerInfo::Side::None:
        logEvent(id, tr("Disconnected: %1").arg(text));
        break;
    case PeerInfo::Side::Client:
        logEvent(id, tr("Client side closed: %1").arg(text));
        break;
    case PeerInfo::Side::Upstream:
        logEvent(id, tr("Server side closed: %1").arg(text));
        break;
    }
    emit peerClosed(id);
    // A quarter of slack: one pass over the table per 250 closes, not one per close; and
    // later, so that no caller walking the table or holding a PeerInfo sees it change.
    if (!m_pruneQueued &&
        m_order.size() - m_openEntries > MaxClosedPeersKept + MaxClosedPeersKept / 4) {
        m_pruneQueued = true;
        QMetaObject::invokeMethod(this, &Session::pruneClosedPeers, Qt::QueuedConnection);
    }
}

void Session::pruneClosedPeers()
{
    m_pruneQueued = false;
    m_prunedPeers += removeOldestClosedPeers(m_order.size() - m_openEntries - MaxClosedPeersKept);
}

void Session::ingest(quint32 id, const QByteArray &bytes)
{
    PeerInfo *p = mutablePeer(id);
    if (!p || bytes.isEmpty())
        return;
    countReceived(*p, bytes.size());
    // Counters changed even if no frame completes (half a line): report them in the next batch.
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
    auto it = m_channels.find(id);
    if (it == m_channels.end())
        return;
    Channel &ch = *it.value();
    ch.scratch.clear();
    ch.rx.feedShared(bytes, monotonicMs(), ch.scratch);
    emitFrames(id, ch, ch.scratch);
    if (ch.rx.spec().type == FramingSpec::Type::IdleGap)
        queueIdle(id, ch);
}

void Session::countReceived(PeerInfo &p, qint64 bytes)
{
    p.rxBytes += bytes;
    m_rxTotal += bytes;
    if (p.isUpstream())
        m_rxUpstreamTotal += bytes;
    m_peersDirty = true;
}

void Session::ingestDatagram(quint32 id, const QByteArray &datagram)
{
    PeerInfo *p = mutablePeer(id);
    if (!p)
        return;
    countReceived(*p, datagram.size());
    QList<Frame> frames{Frame{datagram, {}}};
    if (auto ch = m_channels.value(id))
        emitFrames(id, *ch, frames);
}

LogRecord::Flags Session::flagsFor(Frame::Flags f)
{
    LogRecord::Flags r;
    if (f & Frame::Oversized)
        r |= LogRecord::Oversized;
    if (f & Frame::Continuation)
        r |= LogRecord::Continuation;
    if (f & Frame::Incomplete)
        r |= LogRecord::Incomplete;
    if (f & Frame::Malformed)
        r |= LogRecord::Malformed;
    return r;
}

void Session::emitFrames(quint32 id, Channel &ch, QList<Frame> &frames)
{
    if (frames.isEmpty())
        return;
    PeerInfo *p = mutablePeer(id);
    if (!p)
        return;
    const qint64 t = nowUs();
    reservePending();
    const bool routed = ch.routed;
    if (m_autoReplier)
        m_autoReplier->beginBatch();
    if (routed)
        routeBatch(id, true);
    for (Frame &frame : frames) {
        LogRecord r;
        r.timeUs = t;
        r.peerId = id;
        r.kind = LogRecord::Kind::Rx;
        r.flags = flagsFor(frame.flags) | ch.sideFlags;
        r.carryUtf8 = ch.rxUtf8.feed(frame.bytes);
        r.carryGbk = ch.rxGbk.feed(frame.bytes);
        if (m_rxChecksum != ChecksumKind::None && !(frame.flags & Frame::Oversized)) {
            if (verifyTrailingChecksum(m_rxChecksum, m_rxChecksumOrder, frame.bytes)) {
                r.flags |= LogRecord::ChecksumOk;
            } else {
                r.flags |= LogRecord::ChecksumBad;
                ++p->checksumErrors;
            }
        }
        ++p->rxFrames;
        ++m_rxFramesTotal;
        if (m_autoReplier && p->isOpen()) {
            const QList<AutoReply> replies = m_autoReplier->repliesFor(frame.bytes, frame.stripped);
            for (const AutoReply &reply : replies)
                holdReply(id, reply);
        }
        FrameRoute route;
        if (routed) {
            route = routeFrame(id, frame);
            r.flags |= route.flags;
            r.replyRule = route.rule;
        }
        r.bytes = std::move(frame.bytes);
        appendRecord(std::move(r));
        if (!route.sent.isEmpty()) {
            const ReplyTag tag{route.rule, false, true};
            noteSent(route.sentTo, route.sent, &tag);
        }
    }
    m_pendingPeak = qMax(m_pendingPeak, m_pending.size());
    if (routed)
        routeBatch(id, false);
    if (m_autoReplier) {
        for (const QString &notice : m_autoReplier->endBatch())
            logEvent(id, notice, true);
    }
    frames.clear();
}

// A flood of small frames fills a batch with some 100,000 records in 30 ms: grown one
// doubling at a time, the list was copied into fresh memory over and over (a quarter of a
// 64-byte-line flood's samples went to that copy and its page faults). A new batch reserves
// what the last one took, and a bit more, up front.
void Session::reservePending()
{
    if (!m_pending.isEmpty() || m_pendingPeak == 0)
        return;
    constexpr qsizetype MaxReserved = 1 << 18; // records (18 MiB): a one-off burst stays one
    m_pending.reserve(qMin(m_pendingPeak + m_pendingPeak / 4, MaxReserved));
    m_pendingPeak = 0;
}

// Replies never go out from inside the read that caused them (the user's code and ours
// may be walking the peer table): they wait here until due, even with no delay.
void Session::holdReply(quint32 id, const AutoReply &reply)
{
    const qint64 cost = reply.bytes.size() + HeldReplyOverhead;
    auto it = m_heldReplies.find(id);
    const qint64 peerHeld = it == m_heldReplies.end() ? 0 : it->cost;
    if (peerHeld + cost > m_replyLimits.maxHeldPerPeer) {
        dropReply(id, reply.bytes.size(), DropReason::HeldPerPeer);
        return;
    }
    if (m_heldReplyBytes + cost > m_replyLimits.maxHeldTotal) {
        dropReply(id, reply.bytes.size(), DropReason::HeldTotal);
        return;
    }
    if (it == m_heldReplies.end())
        it = m_heldReplies.insert(id, {});
    // The clock reads whole milliseconds: one more keeps a delayed reply from going out up to
    // 1 ms early (now may be 10.9 ms while the clock says 10).
    const qint64 due = monotonicMs() + reply.delayMs + (reply.delayMs > 0 ? 1 : 0);
    const qint64 oldFirst = it->byDue.empty() ? -1 : it->byDue.begin()->first;
    const bool immediate = reply.delayMs <= 0;
    it->byDue.emplace(due, HeldReply{reply.bytes, reply.source, reply.echo, immediate});
    it->cost += cost;
    m_heldReplyBytes += cost;
    if (immediate) {
        it->immediateCost += cost;
        m_immediateReplyBytes += cost;
    }
    if (oldFirst != it->byDue.begin()->first) {
        m_replyDue.erase({oldFirst, id});
        m_replyDue.insert({due, id});
        if (m_replyDue.begin()->second == id || !m_replyTimer.isActive())
            armReplyTimer();
    }
}

void Session::armReplyTimer()
{
    if (m_replyDue.empty()) {
        m_replyTimer.stop();
        return;
    }
    const qint64 wait = qMax<qint64>(0, m_replyDue.begin()->first - monotonicMs());
    m_replyTimer.start(int(qMin<qint64>(wait, INT_MAX)));
}

void Session::sendDueReplies()
{
    const qint64 now = monotonicMs();
    while (!m_replyDue.empty() && m_replyDue.begin()->first <= now) {
        const quint32 id = m_replyDue.begin()->second;
        m_replyDue.erase(m_replyDue.begin());
        const auto it = m_heldReplies.find(id);
        if (it == m_heldReplies.end())
            continue;
        const HeldReply reply = std::move(it->byDue.begin()->second);
        it->byDue.erase(it->byDue.begin());
        const qint64 cost = reply.bytes.size() + HeldReplyOverhead;
        it->cost -= cost;
        m_heldReplyBytes -= cost;
        if (reply.immediate) {
            it->immediateCost -= cost;
            m_immediateReplyBytes -= cost;
        }
        if (it->byDue.empty())
            m_heldReplies.erase(it);
        else
            m_replyDue.insert({it->byDue.begin()->first, id});

        // The peer table's word, not the socket's: a forgotten UDP peer keeps its socket.
        const PeerInfo *target = peer(id);
        if (!target || !target->isOpen())
            continue;
        // A stream peer is no longer read from once this is reached (repliesBackedUp), so
        // only replies much bigger than what caused them can go past the second limit.
        const qint64 maxUnwritten = isStreamPeer(id)
                                        ? m_replyLimits.maxUnwrittenPerPeer +
                                              m_replyLimits.maxHeldPerPeer
                                        : m_replyLimits.maxUnwrittenPerPeer;
        if (pendingWriteBytes(id) + reply.bytes.size() > maxUnwritten) {
            dropReply(id, reply.bytes.size(), DropReason::Unwritten);
            continue;
        }
        endReplyDrops(id);
        const ReplyTag tag{reply.source, reply.echo};
        deliver(reply.bytes, {id}, &tag);
    }
    armReplyTimer();
    resumeDrainedReads();
}

bool Session::repliesBackedUp(quint32 id) const
{
    const auto it = m_heldReplies.constFind(id);
    const qint64 waiting = it == m_heldReplies.constEnd() ? 0 : it->immediateCost;
    // Half the held limits: a read of at most ReplyReadChunk bytes adds at most that much
    // again (an echo is never bigger than its frame), so echo never meets the limits.
    return waiting > m_replyLimits.maxHeldPerPeer / 2 ||
           m_immediateReplyBytes > m_replyLimits.maxHeldTotal / 2 ||
           pendingWriteBytes(id) > m_replyLimits.maxUnwrittenPerPeer;
}

void Session::resumeDrainedReads()
{
    if (m_readPaused.isEmpty())
        return;
    const QList<quint32> paused = m_readPaused.values();
    for (quint32 id : paused) {
        if (repliesBackedUp(id))
            continue;
        m_readPaused.remove(id);
        // Only asks for bytes again: they come from the event loop, not from inside the
        // write or reply pass that drained the replies.
        setPeerReading(id, true);
    }
}

void Session::dropReply(quint32 id, qint64 bytes, DropReason reason)
{
    ++m_repliesDropped;
    m_replyBytesDropped += bytes;
    DropRun &run = m_dropRuns[id];
    run.bytes += bytes;
    if (run.replies++ > 0)
        return;
    // Logged once per run of drops (summed up by endReplyDrops): a peer that never reads
    // must not flood the log instead.
    QString why;
    switch (reason) {
    case DropReason::Unwritten:
        why = tr("Auto-reply not sent: the peer is not reading (%1 bytes still unsent to it). "
                 "Replies to it are dropped until it reads.")
                  .arg(pendingWriteBytes(id));
        break;
    case DropReason::HeldPerPeer:
        why = tr("Auto-reply not sent: %1 bytes of replies already wait for this peer. "
                 "Replies to it are dropped until they have gone out.")
                  .arg(m_replyLimits.maxHeldPerPeer);
        break;
    case DropReason::HeldTotal:
        why = tr("Auto-reply not sent: %1 bytes of replies already wait in this session. "
                 "Replies are dropped until they have gone out.")
                  .arg(m_replyLimits.maxHeldTotal);
        break;
    }
    logEvent(id, why, true);
}

void Session::endReplyDrops(quint32 id)
{
    const auto it = m_dropRuns.constFind(id);
    if (it == m_dropRuns.constEnd())
        return;
    const DropRun run = it.value();
    m_dropRuns.erase(it);
    logEvent(id, tr("%n auto-reply(ies) not sent (%1 bytes in all).", nullptr,
                    int(qMin<qint64>(run.replies, INT_MAX)))
                     .arg(run.bytes));
}

void Session::dropHeldReplies(quint32 id)
{
    const auto it = m_heldReplies.find(id);
    if (it == m_heldReplies.end())
        return;
    const qint64 replies = qint64(it->byDue.size());
    qint64 bytes = 0;
    for (const auto &held : it->byDue)
        bytes += held.second.bytes.size();
    m_replyDue.erase({it->byDue.begin()->first, id});
    m_heldReplyBytes -= it->cost;
    m_immediateReplyBytes -= it->immediateCost;
    m_heldReplies.erase(it);
    m_repliesDropped += replies;
    m_replyBytesDropped += bytes;
    logEvent(id, tr("%n waiting auto-reply(ies) dropped (%1 bytes): the peer is gone.", nullptr,
                    int(qMin<qint64>(replies, INT_MAX)))
                     .arg(bytes));
    armReplyTimer();
}

Session::SendResult Session::send(const QByteArray &bytes, const QList<quint32> &peers)
{
    return deliver(bytes, peers, nullptr);
}

Session::SendResult Session::deliver(const QByteArray &bytes, const QList<quint32> &peers,
                                     const ReplyTag *tag)
{
    SendResult result;
    if (bytes.isEmpty()) {
        result.error = tr("Nothing to send: the message is empty.");
        return result;
    }
    const QList<quint32> targets =
        peers.isEmpty() ? defaultTargets(&result.error) : uniqueIds(peers);
    if (targets.isEmpty())
        return result;
    QStringList gone;
    QStringList errors;
    for (quint32 id : targets) {
        QString error;
        switch (sendBytes(id, bytes, &error)) {
        case Delivery::Queued:
            noteSent(id, bytes, tag);
            ++result.peers;
            break;
        case Delivery::Written:
            noteSent(id, bytes, tag);
            noteWritten(id, bytes.size());
            ++result.peers;
            break;
        case Delivery::Gone: {
            const PeerInfo *p = peer(id);
            gone.append(p ? p->endpoint() : QString::number(id));
            break;
        }
        case Delivery::Failed:
            errors.append(error);
            break;
        }
    }
    if (!gone.isEmpty())
        errors.prepend(
            tr("Not sent to %1: no longer connected.").arg(gone.join(QLatin1String(", "))));
    errors.removeDuplicates();
    result.error = errors.join(QLatin1Char(' '));
    if (!result.ok() && m_sendErrorsLogged)
        logEvent(0, result.error, true);
    return result;
}

void Session::noteSent(quint32 id, const QByteArray &bytes, const ReplyTag *tag)
{
    PeerInfo *p = mutablePeer(id);
    if (!p)
        return;
    ++p->txMessages;
    LogRecord r;
    r.timeUs = nowUs();
    r.peerId = id;
    r.kind = LogRecord::Kind::Tx;
    if (tag && tag->rewritten) {
        r.flags |= LogRecord::Rewritten;
        r.replyRule = tag->rule;
    } else if (tag) {
        r.flags |= LogRecord::AutoReply;
        if (tag->echo)
            r.flags |= LogRecord::Echo;
        else
            r.replyRule = tag->rule;
    }
    if (auto ch = m_channels.value(id)) {
        r.flags |= ch->sideFlags;
        r.carryUtf8 = ch->txUtf8.feed(bytes);
        r.carryGbk = ch->txGbk.feed(bytes);
    }
    r.bytes = bytes;
    appendRecord(std::move(r));
}

QList<quint32> Session::uniqueIds(const QList<quint32> &ids)
{
    QList<quint32> out;
    out.reserve(ids.size());
    QSet<quint32> seen;
    for (quint32 id : ids) {
        if (!seen.contains(id)) {
            seen.insert(id);
            out.append(id);
        }
    }
    return out;
}

void Session::noteWritten(quint32 id, qint64 bytes)
{
    if (PeerInfo *p = mutablePeer(id)) {
        p->txBytes += bytes;
        m_txTotal += bytes;
        m_peersDirty = true;
        // Written bytes arrive after the Tx record was flushed: report them in the next batch.
        if (!m_batchTimer.isActive())
            m_batchTimer.start();
        emit peerBytesWritten(id, bytes);
        resumeDrainedReads(); // the peer took bytes: its replies may have drained
    }
}

void Session::logEvent(quint32 peerId, const QString &text, bool error)
{
    LogRecord r;
    r.timeUs = nowUs();
    r.peerId = peerId;
    r.kind = LogRecord::Kind::Event;
    if (error)
        r.flags |= LogRecord::Error;
    if (const PeerInfo *p = peerId ? peer(peerId) : nullptr; p && p->isUpstream())
        r.flags |= LogRecord::Upstream;
    r.bytes = text.toUtf8();
    appendRecord(std::move(r));
}

void Session::appendRecord(LogRecord &&record)
{
    m_pendingBytes += record.bytes.size();
    m_pending.append(std::move(record));
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
    // A flood fills 30 ms with tens of MiB: handed over in slices, the headless printer
    // formats while reading goes on, instead of waiting for a batch that size.
    if (m_batchFlushBytes > 0 && m_pendingBytes >= m_batchFlushBytes && !m_flushQueued) {
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &Session::flushRecords, Qt::QueuedConnection);
    }
}

void Session::flushRecords()
{
    m_batchTimer.stop();
    m_flushQueued = false;
    m_pendingBytes = 0;
    if (!m_pending.isEmpty()) {
        LogRecords batch;
        batch.swap(m_pending);
        emit recordsReady(batch);
    }
    if (m_peersDirty) {
        m_peersDirty = false;
        emit peersUpdated();
    }
}

void Session::queueIdle(quint32 id, Channel &ch)
{
    std::list<quint32> &queue = m_idleQueues[ch.slot];
    const qint64 deadline = ch.rx.nextDeadlineMs();
    if (deadline < 0) {
        unqueueIdle(ch);
    } else if (ch.idleQueued) {
        queue.splice(queue.end(), queue, ch.idleEntry);
    } else {
        ch.idleEntry = queue.insert(queue.end(), id);
        ch.idleQueued = true;
    }
    // Within a queue, moving a peer back never brings its earliest deadline forward; another
    // queue's gap may be shorter, though.
    if (deadline >= 0 && (!m_idleTimer.isActive() || deadline < m_idleArmedFor))
        armIdleTimer();
}

void Session::unqueueIdle(Channel &ch)
{
    if (ch.idleQueued) {
        m_idleQueues[ch.slot].erase(ch.idleEntry);
        ch.idleQueued = false;
    }
}

void Session::armIdleTimer()
{
    qint64 deadline = -1;
    for (const std::list<quint32> &queue : m_idleQueues) {
        const auto front = queue.empty() ? nullptr : m_channels.value(queue.front());
        const qint64 d = front ? front->rx.nextDeadlineMs() : -1;
        if (d >= 0 && (deadline < 0 || d < deadline))
            deadline = d;
    }
    m_idleArmedFor = deadline;
    if (deadline < 0) {
        m_idleTimer.stop();
        return;
    }
    const qint64 wait = qMax<qint64>(0, deadline - monotonicMs());
    m_idleTimer.start(int(qMin<qint64>(wait + 1, FramingSpec::MaxIdleGapMs)));
}

void Session::flushIdle()
{
    const qint64 nowMs = monotonicMs();
    for (std::list<quint32> &queue : m_idleQueues) {
        while (!queue.empty()) {
            const quint32 id = queue.front();
            const std::shared_ptr<Channel> ch = m_channels.value(id);
            const qint64 deadline = ch ? ch->rx.nextDeadlineMs() : -1;
            if (deadline > nowMs)
                break;
            queue.pop_front();
            if (!ch)
                continue;
            ch->idleQueued = false;
            ch->scratch.clear();
            ch->rx.flushIdle(nowMs, ch->scratch);
            emitFrames(id, *ch, ch->scratch);
        }
    }
    armIdleTimer();
}

void Session::setAutoReplier(AutoReplier *replier)
{
    const bool had = m_autoReplier != nullptr;
    m_autoReplier = replier;
    if (had != (replier != nullptr))
        autoReplierChanged();
}

void Session::ingestStream(quint32 id, const QByteArray &bytes)
{
    ingest(id, bytes);
    if (m_autoReplier && !m_readPaused.contains(id) && repliesBackedUp(id)) {
        m_readPaused.insert(id);
        setPeerReading(id, false);
    }
}

bool Session::isStreamPeer(quint32) const
{
    return false;
}

void Session::setPeerReading(quint32, bool) {}

} // namespace sockscope
