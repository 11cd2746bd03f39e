#pragma once

#include "core/link/link.h"
#include "core/link/receivebuffer.h"

#include <QByteArray>

#include <deque>

class QSocketNotifier;
class QTcpSocket;
class QTimer;

namespace sockscope {

// A Link over a connected TCP socket, run on the raw descriptor: QSocketNotifier for
// readiness, non-blocking recv()/sendmsg(), our own queue of chunks.
//
// Why not QTcpSocket: Qt 6.4 turns a peer's FIN into a close of the whole socket (no
// half-open, TOOLCHAIN.md "Half-close"), turns ECONNRESET into an ordinary end of stream
// (so a reset needed a kernel-state probe before every readiness event), and asks the kernel
// how much is readable (ioctl FIONREAD) before every read (issue #16 measured that). On the
// descriptor a reset is simply ECONNRESET, a FIN is recv() == 0 that we may keep writing
// after, and reading stops when we stop asking (read pause). Unix only, as is the rest of
// the TCP code (accept loop, reset probe).
//
// Close texts are today's session words ("the peer closed the connection", "closed by you",
// "the peer reset the connection", "; N byte(s) queued for it were not sent"), in context
// sockscope::TcpLink; other errors are worded by socketErrorText().
class TcpLink final : public Link
{
    Q_OBJECT
public:
    // At most this much is read per readiness event (handed over as blocks of at most
    // ReceiveBuffer::BlockBytes); then the event loop turns, so one fast peer cannot hold it.
    static constexpr qint64 ReadCapBytes = 1 << 20;
    // Likewise for writing per readiness event.
    static constexpr qint64 WriteCapBytes = 1 << 20;

    // Takes a connected stream socket (made non-blocking here). nullptr, and the descriptor
    // still the caller's, if it is not a connected socket.
    static TcpLink *fromDescriptor(qintptr descriptor, QObject *parent = nullptr);
    // Takes over a connected QTcpSocket (e.g. once QTcpSocket::connectToHost succeeded): its
    // descriptor is duplicated, bytes Qt had already read come first in received(), and the
    // socket is disconnected from every slot, aborted and deleted later (its copy of the
    // descriptor closes; the connection lives on in the link). nullptr, socket untouched,
    // if it is not connected or still has bytes to write.
    static TcpLink *adopt(QTcpSocket *connected, QObject *parent = nullptr);
    ~TcpLink() override;

    qintptr descriptor() const { return m_fd; }
    // Gives the connection's descriptor up (a TLS handshake takes it over, see TlsHandshake):
    // the link goes inert, emits nothing more and closes nothing; the caller deletes it.
    // -1, link unchanged, when it has read or queued bytes already (they would be lost).
    qintptr takeDescriptor();

    QHostAddress peerAddress() const override { return m_peerAddress; }
    quint16 peerPort() const override { return m_peerPort; }
    QHostAddress localAddress() const override { return m_localAddress; }
    quint16 localPort() const override { return m_localPort; }

    bool write(const QByteArray &bytes) override;
    qint64 queuedBytes() const override { return m_queued; }
    void setReadPaused(bool paused) override;
    bool isReadPaused() const override { return m_readPaused; }
    void setReadHeld(bool held) override;
    bool canHalfOpen() const override { return true; }
    void finishSending() override;
    void close(int stallMs = DefaultStallMs) override;
    void abort() override;

    // How often the read notifier fired: for tests (a FIN must not make it spin).
    qint64 readEvents() const { return m_readEvents; }

private:
    TcpLink(int descriptor, QObject *parent);

    void onReadable();
    void onWritable();
    void onPeerFin();
    void deliverHeld();
    void consumeWritten(qint64 bytes);
    void shutdownWrite();
    void checkStall();
    qint64 unsentInKernel() const;
    void updateReadNotifier();
    void fail(int error);
    void closeNow(CloseReason reason, const QString &text, qint64 unsent, bool reset);
    QString withUnsent(const QString &text, qint64 unsent) const;

    int m_fd;
    QSocketNotifier *m_readNotifier;
    QSocketNotifier *m_writeNotifier;
    QTimer *m_stallTimer;
    QHostAddress m_peerAddress;
    QHostAddress m_localAddress;
    quint16 m_peerPort = 0;
    quint16 m_localPort = 0;

    std::deque<QByteArray> m_queue; // chunks as given to write(), front partly written
    qsizetype m_frontOffset = 0;
    qint64 m_queued = 0;
    bool m_finishPending = false;

    QByteArray m_held; // read by someone else (adopt), not yet handed over
    bool m_readPaused = false;
    bool m_readHeld = false;
    bool readBlocked() const { return m_readPaused || m_readHeld; }
    ReceiveBuffer m_receive;
    qint64 m_readEvents = 0;

    int m_stallMs = DefaultStallMs;
    qint64 m_pendingAtCheck = 0;
};

} // namespace sockscope
