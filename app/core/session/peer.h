#pragma once

#include "core/net/closereason.h"

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

    quint32 id = 0;
    QHostAddress address;
    quint16 port = 0;
    State state = State::Open;
    qint64 openedUs = 0;
    qint64 closedUs = 0;
    CloseReason closeReason = CloseReason::PeerClosed;
    QString closeText; // user-facing sentence for the close reason

    qint64 rxBytes = 0;
    qint64 txBytes = 0; // written to the kernel (QIODevice::bytesWritten)
    qint64 rxFrames = 0;
    qint64 txMessages = 0;
    qint64 checksumErrors = 0;

    bool isOpen() const { return state == State::Open; }
    QString endpoint() const; // "127.0.0.1:50412", "[::1]:50412"
};

} // namespace sockscope
