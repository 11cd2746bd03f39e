// A TCP server session on 127.0.0.1 (any free port) with line framing and 5 ms record batches,
// started: the usual server of the loopback integration tests.
#pragma once

#include "core/framing/framingspec.h"
#include "core/transport/tcpserversession.h"

#include "loopback.h"

#include <memory>

namespace sockscope::test {

inline std::unique_ptr<TcpServerSession> startLineServer()
{
    auto server = std::make_unique<TcpServerSession>();
    TcpServerSession::Options o;
    o.address = kLoopback;
    server->setOptions(o);
    server->setBatchInterval(5);
    server->setFraming(FramingSpec::line());
    server->start();
    return server;
}

} // namespace sockscope::test
