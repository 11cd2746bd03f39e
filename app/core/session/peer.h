#pragma once

#include "core/net/closereason.h"
#include "core/tls/tlssessioninfo.h"

#include <QHostAddress>
#include <QString>

namespace sockscope {

// What a session knows about one remote endpoint: an accepted TCP client, the
// server a TCP client is connected to, or a distinct UDP sender/target.
// Counters are exact: bytes as they crossed the socket.
struct PeerInfo
{
    enum class State
    {
        Open,
        Closed
    };
    // A relay keeps each side of a pair as a peer of its own (own framing, decoders and
    // counters); their records tell the directions apart (LogRecord::Upstream).
    enum class Side : quint8
    {
        None,     // not part of a relay pair
        Client,   // the relay's client: its bytes go client→server (C>S)
        Upstream, // the server the relay connected to for a client: server→client (S>C)
    };

    quint32 id = 0;
    QHostAddress address;
    quint16 port = 0;
    State state = State::Open;
    Side side = Side::None;
    quint32 partner = 0; // relay: the peer on the other side of the pair (0: none yet)
    bool finishedSending = false; // relay: this side half-closed (its FIN came)
    bool holding = false; // relay: what this side sends is held (RelayControl)
    qint64 heldBytes = 0; // ... and this much of it waits
    qint64 openedUs = 0;
    qint64 closedUs = 0;
    CloseReason closeReason = CloseReason::PeerClosed;
    QString closeText; // user-facing sentence for the close reason

    qint64 rxBytes = 0;
    qint64 txBytes = 0; // written to the kernel (QIODevice::bytesWritten)
    qint64 rxFrames = 0;
    qint64 txMessages = 0;
    qint64 checksumErrors = 0;
    TlsSessionInfo tls; // filled once this peer's handshake finished (tls.active)

    bool isOpen() const { return state == State::Open; }
    bool isUpstream() const { return side == Side::Upstream; }
    QString endpoint() const; // "127.0.0.1:50412", "[::1]:50412"
};

} // namespace sockscope
