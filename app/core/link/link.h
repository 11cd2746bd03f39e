#pragma once

// The one edge of link/ that still points elsewhere: CloseReason and socketErrorText live in
// transport/ until they move to net/ (redesign plan S5). TcpLink reaches them through here.
#include "core/link/socketerrors.h"
#include "core/tls/tlssessioninfo.h"

#include <QHostAddress>
#include <QObject>

namespace sockscope {

// One byte pipe to one peer. A link owns its socket; sessions own links.
//
// Contract, the same for every kind of link:
// - write() queues bytes in order and never blocks; bytesWritten() says when they reached the
//   kernel. Nothing is ever written from inside write(): bytesWritten() comes from the event
//   loop, so a handler may write again without recursion.
// - received() hands over blocks in order, never empty, each at most the link's read cap.
// - closed() comes exactly once, last; the state is Closed from then on and every call is a
//   no-op (write() returns false). closed() may come from inside close() or abort() when
//   there is nothing left to flush. A handler of any signal may delete the link with
//   deleteLater() or call close()/abort(); the link stops at once.
// - The peer's end of stream (FIN) closes the link with PeerClosed, unless half-open is
//   allowed: then peerFinishedSending() comes once, after every byte the peer sent, and the
//   link stays open for writing until finishSending() or close().
class Link : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Open,    // reading and writing
        Closing, // close() is flushing the queue; nothing is read any more
        Closed,  // closed() was emitted
    };
    Q_ENUM(State)

    // close() gives up (and aborts) after this long without the peer taking any bytes.
    static constexpr int DefaultStallMs = 2000;
    static constexpr qint64 DefaultHighWater = 1 << 20;
    static constexpr qint64 DefaultLowWater = 256 << 10;

    State state() const { return m_state; }
    // The peer's FIN arrived (only seen with half-open allowed; otherwise it closes the link).
    bool peerFinished() const { return m_peerFinished; }
    // Our FIN went out: finishSending() was called and the queue had drained.
    bool writeFinished() const { return m_writeFinished; }

    // What the link's TLS handshake agreed on; inactive for a plain link.
    virtual TlsSessionInfo tlsInfo() const { return TlsSessionInfo(); }

    virtual QHostAddress peerAddress() const = 0;
    virtual quint16 peerPort() const = 0;
    virtual QHostAddress localAddress() const = 0;
    virtual quint16 localPort() const = 0;

    // Queues bytes (no copy: QByteArray is shared). False, and nothing queued, when the write
    // side is finished or finishing, or the link is closing or closed. Empty bytes: true.
    virtual bool write(const QByteArray &bytes) = 0;
    // Accepted by write(), not yet in the kernel.
    virtual qint64 queuedBytes() const = 0;

    // drained() comes when the queue falls to `low` after it had been above `high`.
    void setWaterMarks(qint64 high, qint64 low);
    qint64 highWater() const { return m_highWater; }
    qint64 lowWater() const { return m_lowWater; }
    bool isBackedUp() const { return queuedBytes() > m_highWater; }

    // Read back-pressure: while paused nothing is read from the kernel, so TCP flow control
    // holds the peer and memory stays bounded. A FIN or reset behind paused data is seen
    // only after resuming, after that data.
    virtual void setReadPaused(bool paused) = 0;
    virtual bool isReadPaused() const = 0;
    // A second, independent pause for the session's consumer (the headless printer behind):
    // reading goes on only when neither holds it.
    virtual void setReadHeld(bool held) = 0;

    // received() blocks are at most this big (and never bigger than the link's read cap).
    // Small blocks let a handler pause reading after any of them with the rest of the
    // bytes still in the kernel (a session pausing while auto-replies back up); 0 = the cap.
    void setMaxBlockBytes(qint64 bytes) { m_maxBlockBytes = qMax<qint64>(0, bytes); }
    qint64 maxBlockBytes() const { return m_maxBlockBytes; }

    // Off (the default): the peer's FIN closes the link, as sessions have always shown it.
    void setHalfOpenAllowed(bool allowed) { m_halfOpenAllowed = allowed; }
    bool isHalfOpenAllowed() const { return m_halfOpenAllowed; }
    virtual bool canHalfOpen() const = 0;

    // Our FIN once the queue has drained; reading goes on. write() is false from now on.
    virtual void finishSending() = 0;
    // Graceful: flush the queue, then close. Aborts (unsent bytes reported) when the peer
    // takes nothing for stallMs. Stops reading at once.
    virtual void close(int stallMs = DefaultStallMs) = 0;
    // Now: queued bytes are dropped and reported as unsent; TCP sends a reset.
    virtual void abort() = 0;

signals:
    void received(const QByteArray &block);
    void bytesWritten(qint64 bytes);
    void drained();
    void peerFinishedSending();
    void stateChanged(sockscope::Link::State state);
    void closed(sockscope::CloseReason reason, const QString &text, qint64 unsentBytes);

protected:
    explicit Link(QObject *parent);

    void setState(State state);
    // Sets peerFinished() and emits peerFinishedSending().
    void notePeerFinished();
    void noteWriteFinished() { m_writeFinished = true; }
    // Call after the queue grew: arms drained().
    void noteQueueGrew();
    // Call after the queue shrank: emits drained() when armed and at or below low water.
    void noteQueueShrank();
    // State Closed, then closed() - once; later calls are ignored.
    void noteClosed(CloseReason reason, const QString &text, qint64 unsentBytes);

private:
    State m_state = State::Open;
    bool m_peerFinished = false;
    bool m_writeFinished = false;
    bool m_halfOpenAllowed = false;
    bool m_drainArmed = false;
    qint64 m_highWater = DefaultHighWater;
    qint64 m_lowWater = DefaultLowWater;
    qint64 m_maxBlockBytes = 0;
};

} // namespace sockscope
