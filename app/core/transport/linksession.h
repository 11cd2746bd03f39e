#pragma once

#include "core/session/session.h"

#include <QHash>

namespace sockscope {

class Link;
class TcpListener;

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

private:
    void onClosed(quint32 id, Link *link, CloseReason reason, const QString &text);

    QHash<quint32, Link *> m_links; // open peers' links
    bool m_readingHeld = false;
    struct CloseAs
    {
        CloseReason reason;
        QString text;
    };
    QHash<quint32, CloseAs> m_closeAs; // closeLink()
};

} // namespace sockscope
