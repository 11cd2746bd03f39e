// Which peer of a server session is a given client socket of the test: the open peer whose
// remote port is the client's local port (all on 127.0.0.1).
#pragma once

#include "core/session/session.h"

#include "eventloop.h"
#include "loopback.h"

#include <QTcpSocket>

namespace sockscope::test {

// Its peer id now, or 0.
inline quint32 peerOf(const Session &session, const QTcpSocket &client)
{
    for (quint32 id : session.peerIds()) {
        const PeerInfo *p = session.peer(id);
        if (p && p->isOpen() && p->port == client.localPort())
            return id;
    }
    return 0;
}

// Connects `client` to the session's port and waits until the session has it as a peer;
// returns its peer id, or 0.
inline quint32 connectClient(const Session &session, QTcpSocket &client)
{
    client.connectToHost(kLoopback, session.boundPort());
    quint32 id = 0;
    waitUntil([&] {
        id = client.state() == QAbstractSocket::ConnectedState ? peerOf(session, client) : 0;
        return id != 0;
    });
    return id;
}

} // namespace sockscope::test
