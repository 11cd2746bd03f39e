#pragma once

#include "core/codec/checksum.h"
#include "core/framing/framedecoder.h"
#include "core/log/logrecord.h"
#include "core/session/frameroute.h"
#include "core/session/peer.h"
#include "core/session/sessionendpoint.h"
#include "core/tls/tlssessioninfo.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QObject>
#include <QSslCertificate>
#include <QTimer>

#include <list>
#include <map>
#include <memory>
#include <set>
#include <utility>
#include <vector>

namespace sockscope {

class AutoReplier;
class MulticastControl;
class RelayControl;
struct AutoReply;

// Common ground of the three session kinds (TCP server, TCP client, UDP):
// the peer table with exact counters, per-peer receive framing, optional
// receive-side checksum verification, and batched delivery of log records.
//
// Everything runs on the thread's event loop; no blocking calls. Records are
// delivered in batches at most every batchIntervalMs, so a flood produces a
// bounded number of signals per second whatever its rate.
class Session : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    enum class Mode
    {
        TcpServer,
        TcpClient,
        Udp,
        Relay
    };
    Q_ENUM(Mode)
    // Idle: not started or stopped. Starting: connecting / about to listen.
    // Active: listening, connected or bound. Failed: the last start failed.
    enum class State
    {
        Idle,
        Starting,
        Active,
        Failed
    };
    Q_ENUM(State)

    struct SendResult
    {
        int peers = 0; // peers the message was handed to
        QString error; // non-empty: nothing (or not everything) was sent, and why
        bool ok() const { return error.isEmpty(); }
    };

    ~Session() override;

    Mode mode() const { return m_mode; }
    State state() const { return m_state; }
    // "Listening on 127.0.0.1:9000", "Connected to 127.0.0.1:9000 from ...", an error sentence.
    QString stateText() const { return m_stateText; }
    // Failed, and the error sentence will be replaced by a better one (who holds the port).
    bool failureDetailPending() const;
    static QString modeName(Mode mode); // "tcp-server", "tcp-client", "udp", "relay"
    static bool modeFromName(QStringView name, Mode *mode);

    virtual void start() = 0;
    virtual void stop() = 0;

    // Receive framing for peers (applies to open peers too; their partial frames are flushed).
    // For a relay it frames both directions; setUpstreamFraming() after it gives the upstream
    // sides (server→client) their own.
    void setFraming(const FramingSpec &spec);
    FramingSpec framing() const { return m_framing; }
    void setUpstreamFraming(const FramingSpec &spec);
    FramingSpec upstreamFraming() const { return m_upstreamFraming; }

    // Treat the last bytes of each received frame as a checksum and flag mismatches.
    void setRxChecksum(ChecksumKind kind, ByteOrder order);
    ChecksumKind rxChecksum() const { return m_rxChecksum; }

    // Auto-reply rules / echo; not owned. nullptr disables.
    void setAutoReplier(AutoReplier *replier);

    // What auto-replies and echo may make us hold. A reply beyond a limit is not sent;
    // it is counted (repliesDropped) and logged, once per run of drops and then summed up.
    struct ReplyLimits
    {
        // Unwritten bytes a peer's socket may hold before a reply to it waits: a TCP peer
        // that sends but does not read is no longer read from (TCP flow control slows it
        // down) until its replies go out; a UDP peer's reply is dropped instead. A TCP
        // reply that would take its peer past this plus maxHeldPerPeer (a rule whose replies
        // are much bigger than what triggers them) is dropped too.
        qint64 maxUnwrittenPerPeer = 4 << 20;
        // Replies waiting for their delay (or the next event-loop pass), per peer and in all.
        // Each held reply counts its size plus HeldReplyOverhead (its bookkeeping), so
        // that a flood of tiny replies is bounded too.
        qint64 maxHeldPerPeer = 4 << 20;
        qint64 maxHeldTotal = 64 << 20;
    };
    static constexpr qint64 HeldReplyOverhead = 64;
    void setReplyLimits(const ReplyLimits &limits) { m_replyLimits = limits; }
    ReplyLimits replyLimits() const { return m_replyLimits; }
    // Bytes of replies waiting to be sent (as counted against the limits), and replies not
    // sent because of a limit or because their peer went first.
    qint64 heldReplyBytes() const { return m_heldReplyBytes; }
    qint64 repliesDropped() const { return m_repliesDropped; }
    qint64 replyBytesDropped() const { return m_replyBytesDropped; }

    void setBatchInterval(int ms) { m_batchTimer.setInterval(ms); }

    // Where and how to listen or connect, for any kind; takes effect at start().
    virtual void setEndpoint(const SessionEndpoint &endpoint) = 0;
    // The local port the session listens on or is bound to now; 0 when none (or a client).
    virtual quint16 boundPort() const { return 0; }
    // The peers a send without targets goes to now (empty, with the reason, if none).
    QList<quint32> defaultSendTargets(QString *whyNone) { return defaultTargets(whyNone); }
    // The window's endpoint fields, edited while the session runs: a kind applies what it
    // can change live (UDP: the remote address typed as a literal, Broadcast, Reply to last
    // sender) to every later send; the rest waits for the next start(). Default: nothing.
    virtual void updateLiveEndpoint(const SessionEndpoint &endpoint) { Q_UNUSED(endpoint); }
    // The peer a send without targets answers now because it sent last (UDP with reply to
    // last sender); 0 when none. Unlike defaultSendTargets(), it creates no peer.
    virtual quint32 lastSenderTarget() const { return 0; }
    // Joining and leaving multicast groups, for kinds that can (UDP); nullptr otherwise.
    virtual MulticastControl *multicast() { return nullptr; }
    // Holding, releasing and dropping what a side of a pair sends, for relays; nullptr otherwise.
    virtual RelayControl *relay() { return nullptr; }

    // Sends bytes to the given peers; an empty list means the session's
    // default target (TCP client: the server; TCP server: every open peer;
    // UDP: the configured remote, or the last sender with reply-to-last).
    // Each peer is sent one copy however often it is listed; an empty message is refused.
    SendResult send(const QByteArray &bytes, const QList<quint32> &peers = {});
    // Bytes handed to the socket but not yet written to the kernel (back-pressure).
    virtual qint64 pendingWriteBytes(quint32 peerId) const;
    // Close one peer (TCP) or forget it (UDP).
    virtual void disconnectPeer(quint32 peerId);
    // While held, no peer is read from (TCP flow control holds them back): for a consumer of
    // recordsReady() that has fallen behind (the headless printer). Kinds without streams
    // ignore it: UDP loses what does not fit the socket's buffer, as UDP does.
    virtual void holdReading(bool held) { Q_UNUSED(held); }

    // Peers in the order they appeared. Closed peers stay (with counters and close reason)
    // until clearClosedPeers(); beyond MaxClosedPeersKept the oldest closed ones go by
    // themselves, in batches, so short connections repeated for days keep the table bounded.
    QList<quint32> peerIds() const { return m_order; }
    static constexpr int MaxClosedPeersKept = 1000;
    // Records waiting with this much payload go out on the next loop pass instead of at the
    // batch timer (0: the timer only). A flood then reaches the log (and the headless printer)
    // in slices while reading goes on, not as one batch of 30 ms worth on top of a full log.
    static constexpr qint64 DefaultBatchFlushBytes = 4 << 20;
    void setBatchFlushBytes(qint64 bytes) { m_batchFlushBytes = bytes; }
    qint64 batchFlushBytes() const { return m_batchFlushBytes; }
    // Closed peers dropped from the table that way so far (their bytes stay in the totals).
    qint64 prunedPeerCount() const { return m_prunedPeers; }
    const PeerInfo *peer(quint32 id) const;
    // Open peers, and the most at once; a relay's upstream sides are not counted (a pair
    // counts as one client).
    int openPeerCount() const { return m_openPeers; }
    int peakPeerCount() const { return m_peakPeers; }
    void clearClosedPeers();

    qint64 rxBytesTotal() const { return m_rxTotal; }
    // The part of rxBytesTotal() that came from a relay's upstream sides (server→client).
    qint64 rxUpstreamBytesTotal() const { return m_rxUpstreamTotal; }
    qint64 txBytesTotal() const { return m_txTotal; }
    qint64 rxFramesTotal() const { return m_rxFramesTotal; }

    // Delivers records still waiting for the batch timer right away.
    void flushRecords();

    // The certificate this session shows its peers (a TLS server, a relay's TLS side, a client's
    // own certificate), a generated one included; null when none.
    virtual QSslCertificate tlsCertificate() const { return QSslCertificate(); }

signals:
    void stateChanged(sockscope::Session::State state);
    // A TLS client refused the server's certificate: the chain it showed and why, in words
    // (refused.verifyErrors). The window offers "Connect anyway this time".
    void tlsVerificationFailed(const sockscope::TlsSessionInfo &refused);
    // A user-facing error sentence (also logged as an Event record).
    void errorOccurred(const QString &message);
    // A batch of records, in order: every 30 ms at most, or on the next loop pass once
    // batchFlushBytes() of payload are waiting.
    void recordsReady(const sockscope::LogRecords &records);
    void peerOpened(quint32 id);
    void peerClosed(quint32 id);
    // These peers left the table (Clear closed, or the automatic prune of old closed peers);
    // every record about them was delivered before. Per-peer data kept elsewhere (names,
    // decoders) can go now.
    void peersRemoved(const QList<quint32> &ids);
    // Counters of some peers changed; emitted with each record batch, not per read.
    void peersUpdated();
    // A peer's socket wrote bytes to the kernel (drives back-pressured senders).
    void peerBytesWritten(quint32 id, qint64 bytes);

protected:
    Session(Mode mode, QObject *parent);

    void setState(State state, const QString &text);
    void fail(const QString &message); // Failed state + error event
    // A bind found the port taken: fails at once, then names the program holding it when the
    // lookup (off this thread) answers, unless the session has moved on since.
    void failPortInUse(bool udp, quint16 port, const QHostAddress &address);

    // A relay's upstream side is opened with its client as partner: both know each other
    // before peerOpened().
    quint32 openPeer(const QHostAddress &address, quint16 port,
                     PeerInfo::Side side = PeerInfo::Side::None, quint32 partner = 0,
                     const TlsSessionInfo &tls = TlsSessionInfo());
    void closePeer(quint32 id, CloseReason reason, const QString &text);
    // Received bytes: counted, framed, verified, logged, auto-replied.
    void ingest(quint32 id, const QByteArray &bytes);
    // UDP: one datagram is one frame.
    void ingestDatagram(quint32 id, const QByteArray &datagram);
    // What a kind does for send(): the peers an untargeted send goes to (empty, with the
    // reason, if none), and handing bytes to one peer's socket.
    enum class Delivery
    {
        Queued,  // handed to the socket; counted as written when it reports so
        Written, // a datagram: on the wire already
        Gone,    // the peer is no longer connected ("Not sent to …: no longer connected.")
        Failed,  // *error says why
    };
    virtual QList<quint32> defaultTargets(QString *whyNone) = 0;
    virtual Delivery sendBytes(quint32 id, const QByteArray &bytes, QString *error) = 0;
    // Send errors also go to the log as error events (UDP: nothing else reports them).
    void setSendErrorsLogged(bool on) { m_sendErrorsLogged = on; }
    // The ids in their order, each once: a peer listed twice is still sent one copy.
    static QList<quint32> uniqueIds(const QList<quint32> &ids);
    void noteWritten(quint32 id, qint64 bytes);
    void logEvent(quint32 peerId, const QString &text, bool error = false);
    PeerInfo *mutablePeer(quint32 id);
    // A peer's fields changed outside the counters: listeners hear it with the next batch.
    void markPeersChanged();
    // Relay: starts or ends holding what an open side sends, and says so in the log. False
    // when nothing changed (no such open peer, or already so).
    bool setPeerHolding(quint32 id, bool hold);

    // A relay's rewrite rules: a routed peer's frames are handed to routeFrame() as they
    // complete, and the relay passes on what it returns instead of the bytes as read.
    virtual FrameRoute routeFrame(quint32 id, const Frame &frame);
    // Brackets the frames of one read (rules' work budgets are per batch).
    virtual void routeBatch(quint32 id, bool begin);
    // Starts or stops routing a peer's frames; its partial frame is flushed the old way first.
    void setRoutesFrames(quint32 id, bool on);
    bool routesFrames(quint32 id) const;
    // The peer finished sending: its partial frame is emitted (routed) now, not at its close.
    void finishFrames(quint32 id);

    void pruneClosedPeers();
    qsizetype removeOldestClosedPeers(qsizetype count); // returns how many went

    // Stream peers (TCP): their reading pauses while auto-replies to them back up, so TCP flow
    // control holds a peer that sends but does not read (see ReplyLimits). A kind with
    // stream peers hands their bytes to ingestStream() and implements the two hooks below.
    //
    // Received bytes of a stream peer: ingest(), then setPeerReading(id, false) if replies to
    // it are backed up; setPeerReading(id, true) follows once they have drained.
    void ingestStream(quint32 id, const QByteArray &bytes);
    virtual bool isStreamPeer(quint32 id) const;
    // Must not read (or emit anything) from inside: only stop or resume asking for bytes.
    virtual void setPeerReading(quint32 id, bool on);
    // With an auto-replier set, a stream peer's bytes should come in blocks of at most this,
    // so that reading can pause between them when replies back up (64 bytes of bookkeeping
    // per reply to a 1-byte frame: a block can add at most 2 MiB of replies).
    static constexpr qint64 ReplyReadChunk = 32 << 10;
    bool hasAutoReplier() const { return m_autoReplier != nullptr; }
    // setAutoReplier() changed hasAutoReplier(): stream kinds adjust their read blocks.
    virtual void autoReplierChanged() {}

private:
    struct Channel; // per-peer receive state
    void emitFrames(quint32 id, Channel &ch, QList<Frame> &frames);
    void reservePending();
    void countReceived(PeerInfo &peer, qint64 bytes);
    void appendRecord(LogRecord &&record);
    void flushIdle();
    void reframe(int slot);
    void flushFrames(quint32 id, Channel &ch); // the partial frame, as it is, and a fresh decoder
    void queueIdle(quint32 id, Channel &ch);
    void unqueueIdle(Channel &ch);
    void armIdleTimer();
    // Framing time: monotonic, so a step of the system clock cannot cut or hold frames.
    qint64 monotonicMs() const { return m_monotonic.elapsed(); }
    static LogRecord::Flags flagsFor(Frame::Flags flags);

    struct HeldReply
    {
        QByteArray bytes;
        QString source;
        bool echo = false;
        bool immediate = false; // no delay: waits only for the next pass of the event loop
    };
    struct HeldReplies // one peer's
    {
        // By due time on the monotonic clock; replies due together keep their order.
        std::multimap<qint64, HeldReply> byDue;
        qint64 cost = 0;
        qint64 immediateCost = 0; // of those with no delay
    };
    enum class DropReason
    {
        Unwritten,
        HeldPerPeer,
        HeldTotal
    };
    void holdReply(quint32 id, const AutoReply &reply);
    void sendDueReplies();
    void armReplyTimer();
    void dropReply(quint32 id, qint64 bytes, DropReason reason);
    void endReplyDrops(quint32 id); // logs the sum of a run of drops
    void dropHeldReplies(quint32 id);
    // An auto-reply being sent: its Tx record is marked with the rule (or echo) that answered.
    struct ReplyTag
    {
        QString rule;
        bool echo = false;
        bool rewritten = false; // not a reply: what a relay's rewrite rule passed on
    };
    SendResult deliver(const QByteArray &bytes, const QList<quint32> &peers, const ReplyTag *tag);
    // A message was handed to a peer's socket: logged now, counted as written when it is.
    void noteSent(quint32 id, const QByteArray &bytes, const ReplyTag *tag);
    // Back-pressure from replies to TCP peers: reading pauses while they are backed up.
    bool repliesBackedUp(quint32 id) const;
    void resumeDrainedReads();

    Mode m_mode;
    State m_state = State::Idle;
    QString m_stateText;
    QString m_failureBeingExplained; // the stateText that failPortInUse() will replace
    FramingSpec m_framing;
    FramingSpec m_upstreamFraming; // a relay's upstream sides (framing slot 1)
    ChecksumKind m_rxChecksum = ChecksumKind::None;
    ByteOrder m_rxChecksumOrder = ByteOrder::BigEndian;
    AutoReplier *m_autoReplier = nullptr;
    bool m_sendErrorsLogged = false;

    QHash<quint32, PeerInfo> m_peers;
    QHash<quint32, std::shared_ptr<Channel>> m_channels;
    QList<quint32> m_order;
    quint32 m_nextId = 1;
    int m_openPeers = 0;   // not counting a relay's upstream sides
    int m_openEntries = 0; // every open peer in the table
    qint64 m_prunedPeers = 0;
    bool m_pruneQueued = false;
    int m_peakPeers = 0;
    qint64 m_rxTotal = 0;
    qint64 m_rxUpstreamTotal = 0;
    qint64 m_txTotal = 0;
    qint64 m_rxFramesTotal = 0;

    ReplyLimits m_replyLimits;
    QHash<quint32, HeldReplies> m_heldReplies;
    std::set<std::pair<qint64, quint32>> m_replyDue; // per peer with held replies: the first
    qint64 m_heldReplyBytes = 0;
    qint64 m_immediateReplyBytes = 0; // the part of m_heldReplyBytes with no delay
    QSet<quint32> m_readPaused; // stream peers not read from now
    struct DropRun
    {
        qint64 replies = 0;
        qint64 bytes = 0;
    };
    QHash<quint32, DropRun> m_dropRuns; // peers whose replies are being dropped now
    qint64 m_repliesDropped = 0;
    qint64 m_replyBytesDropped = 0;
    QTimer m_replyTimer;

    LogRecords m_pending;
    qint64 m_pendingBytes = 0;
    qint64 m_batchFlushBytes = DefaultBatchFlushBytes;
    bool m_flushQueued = false;
    // The most records m_pending held in the current batch: emitFrames() reserves about the
    // last batch's size for the next one.
    qsizetype m_pendingPeak = 0;
    QTimer m_batchTimer;
    QTimer m_idleTimer;
    QElapsedTimer m_monotonic;
    // IdleGap: peers with a pending frame, oldest last byte first, one queue per framing slot.
    // The gap is the same for every peer of a slot, so a queue's front has its earliest
    // deadline: a read moves its peer to the back and flushIdle() takes from the fronts,
    // both O(1) per peer.
    std::list<quint32> m_idleQueues[2];
    qint64 m_idleArmedFor = -1; // the deadline the idle timer is armed for
    bool m_peersDirty = false;
};

} // namespace sockscope
