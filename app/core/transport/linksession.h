#pragma once

#include "core/session/session.h"

#include "core/tls/tlscontext.h"

#include <QHash>
#include <QSet>

#include <functional>

namespace sockscope {

class Link;
class TcpLink;
class TcpListener;
class TlsHandshake;

// Base of the session kinds whose peers are links (TCP server, TCP client; the relay later).
// It owns their links: a link's bytes go to the peer table (framing, log, auto-reply),
// its writes are counted, its close closes the peer with the link's reason and words.
// Reading pauses while auto-replies to a peer back up (Session::ReplyLimits).
class LinkSession : public Session
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkSession)

public:
    ~LinkSession() override;

    // Bytes the link has accepted but not yet handed to the kernel (back-pressure).
    qint64 pendingWriteBytes(quint32 peerId) const override;
    // Closes the peer's link gracefully (queued bytes go out first; a stalled peer is aborted).
    void disconnectPeer(quint32 peerId) override;
    void holdReading(bool held) override;

protected:
    LinkSession(Mode mode, QObject *parent);

    // Takes the link (reparented to this session) and opens a peer for it, from the link's
    // peer address (IPv4-mapped addresses unmapped) and port. Returns the peer id.
    quint32 attach(Link *link, PeerInfo::Side side = PeerInfo::Side::None, quint32 partner = 0);
    // Closes the peer's link gracefully; when that close goes through (nothing else ends the
    // link first) the peer is closed with this reason and text instead of "closed by you".
    void closeLink(quint32 id, CloseReason reason, const QString &text);
    // Likewise, but now: queued bytes are dropped and TCP sends a reset.
    void abortLink(quint32 id, CloseReason reason, const QString &text);
    // The open peer's link, or nullptr.
    Link *link(quint32 id) const;
    // Peers with a link, oldest first.
    QList<quint32> linkedPeers() const;
    // Closes every link gracefully.
    void closeAll();
    // For kinds that listen (server, relay): the listener's refusals and accept errors go to
    // the log; listenOn() listens or fails the session with the reason (naming who holds a
    // port in use); stopListeningAndCloseAll() is their stop().
    void watchListener(TcpListener *listener);
    bool listenOn(TcpListener *listener, const QHostAddress &address, quint16 port, int backlog);
    void stopListeningAndCloseAll(TcpListener *listener);
    // False, with the refusal logged and the link deleted (the connection closes quietly:
    // nothing was read or written), when maxClients peers are open already.
    bool roomFor(Link *link, int maxClients);
    // A link closed: its peer is closed already (with the link's reason and text), the
    // link is on its way out (deleteLater).
    virtual void linkClosed(quint32 id, CloseReason reason);
    // A link's bytes; by default they go to ingestStream().
    virtual void linkReceived(quint32 id, const QByteArray &block);

    Delivery sendBytes(quint32 id, const QByteArray &bytes, QString *error) override;
    bool isStreamPeer(quint32 id) const override;
    void setPeerReading(quint32 id, bool on) override;
    void autoReplierChanged() override;

    // TLS over a fresh TCP connection (TlsHandshake): the start is logged with the peer's
    // address; a failure is logged (as an error, naming the peer and why) unless `failed` is
    // given, which gets that sentence instead; `done` gets the link to attach(). Handshakes
    // under way end with cancelHandshakes().
    using TlsDone = std::function<void(Link *)>;
    using TlsFailed =
        std::function<void(CloseReason, const QString &, const TlsSessionInfo &refused)>;
    void secure(TcpLink *plain, const TlsContext &context, const QString &host, TlsDone done,
                TlsFailed failed = {});
    void cancelHandshakes();
    int pendingHandshakes() const { return int(m_handshakes.size()); }
    // The handshake's result on the peer's log: protocol, cipher, ALPN, the peer's certificate,
    // and each verification error that was accepted (as an error line).
    void logTlsInfo(quint32 id);
    // Makes the session's TLS context from the settings, or fails the session with the reason;
    // logs the certificate it shows (a generated one with its SHA-256, for pinning it).
    bool makeTlsContext(const TlsSettings &settings, TlsContext::Role role, TlsContext *context);

private:
    // A TLS ClientHello on a plain link is said once, in words (a TLS client, a plain port).
    void checkFirstBlock(quint32 id, const QByteArray &block);
    void onClosed(quint32 id, Link *link, CloseReason reason, const QString &text);

    QHash<quint32, Link *> m_links; // open peers' links
    bool m_readingHeld = false;
    struct CloseAs
    {
        CloseReason reason;
        QString text;
    };
    QHash<quint32, CloseAs> m_closeAs; // closeLink()
    QSet<TlsHandshake *> m_handshakes;
    QSet<quint32> m_firstBlockPending; // plain peers whose first bytes are still to come
};

} // namespace sockscope
