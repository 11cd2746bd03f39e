// A TCP server session on 127.0.0.1 (any free port) with 5 ms record batches: the usual
// server of the loopback integration tests.
#pragma once

#include "core/transport/tcpserversession.h"

#include "loopback.h"

#include <memory>

namespace sockscope::test {

// Configured, not started (set framing, auto-reply, a RecordLog... first).
inline std::unique_ptr<TcpServerSession>
makeLoopbackServer(int maxClients = TcpServerSession::Options().maxClients)
{
    auto server = std::make_unique<TcpServerSession>();
    TcpServerSession::Options o;
    o.address = kLoopback;
    o.port = 0;
    o.maxClients = maxClients;
    server->setOptions(o);
    server->setBatchInterval(5);
    return server;
}

// Configured and started: listening when start() succeeded (check state()).
inline std::unique_ptr<TcpServerSession> startLoopbackServer()
{
    auto server = makeLoopbackServer();
    server->start();
    return server;
}

} // namespace sockscope::test
