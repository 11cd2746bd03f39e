#pragma once

#include "core/link/link.h"
#include "core/tls/tlssessioninfo.h"

#include <deque>

class QSslSocket;
class QTimer;

namespace sockscope {

// A Link over a TLS connection whose handshake has finished (TlsHandshake makes them): what it
// hands over and counts is the decrypted application data; Qt's QSslSocket does the records.
//
// Differences from TcpLink, all from QSslSocket:
// - No half-open: a peer's FIN (or close_notify) closes the link, and finishSending() closes
//   it gracefully (Qt 6.4 cannot send close_notify and keep reading).
// - A reset reads as the peer closing.
// - bytesWritten() counts application bytes once their records reached the kernel (Qt says
//   when it encrypted them, and separately when encrypted bytes went out).
// Reading stays bounded: Qt keeps at most ReadBufferBytes decrypted, so a paused link leaves
// the rest in the kernel and TCP flow control holds the peer.
class TlsLink final : public Link
{
    Q_OBJECT
public:
    static constexpr qint64 ReadCapBytes = 1 << 20; // per turn of the event loop, as TcpLink
    static constexpr qint64 ReadBufferBytes = 1 << 20;

    // Takes an encrypted socket (reparented to the link) and what its handshake agreed on.
    TlsLink(QSslSocket *encrypted, const TlsSessionInfo &info, QObject *parent = nullptr);
    ~TlsLink() override;

    TlsSessionInfo tlsInfo() const override { return m_info; }

    QHostAddress peerAddress() const override { return m_peerAddress; }
    quint16 peerPort() const override { return m_peerPort; }
    QHostAddress localAddress() const override { return m_localAddress; }
    quint16 localPort() const override { return m_localPort; }

    bool write(const QByteArray &bytes) override;
    qint64 queuedBytes() const override;
    void setReadPaused(bool paused) override;
    bool isReadPaused() const override { return m_readPaused; }
    void setReadHeld(bool held) override;
    bool canHalfOpen() const override { return false; }
    void finishSending() override;
    void close(int stallMs = DefaultStallMs) override;
    void abort() override;

private:
    void deliver();
    bool handOverRest();
    void scheduleDeliver();
    void onEncrypted(qint64 plainBytes);
    void onEncryptedWritten(qint64 bytes);
    void reportFlushed();
    void onDisconnected();
    void onError();
    void checkStall();
    void finish(CloseReason reason, const QString &text, qint64 unsent);
    bool readBlocked() const { return m_readPaused || m_readHeld; }

    QSslSocket *m_socket;
    TlsSessionInfo m_info;
    QTimer *m_stallTimer;
    QHostAddress m_peerAddress;
    QHostAddress m_localAddress;
    quint16 m_peerPort = 0;
    quint16 m_localPort = 0;
    bool m_readPaused = false;
    bool m_readHeld = false;
    bool m_deliverQueued = false;
    bool m_peerGone = false; // disconnected while decrypted bytes still wait to be handed over
    QString m_goneText;
    CloseReason m_goneReason = CloseReason::PeerClosed;
    // Application bytes encrypted but not yet out: reported once the encrypted total passes
    // the mark they were queued behind.
    struct Unflushed
    {
        qint64 plainBytes;
        qint64 encryptedMark;
    };
    std::deque<Unflushed> m_unflushed;
    qint64 m_encryptedWritten = 0;
    int m_stallMs = DefaultStallMs;
    qint64 m_pendingAtCheck = 0;
};

} // namespace sockscope
