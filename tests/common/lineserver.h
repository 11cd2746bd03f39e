// A started loopback TCP server session (loopbackserver.h) with line framing.
#pragma once

#include "core/framing/framingspec.h"

#include "loopbackserver.h"

#include <memory>

namespace sockscope::test {

inline std::unique_ptr<TcpServerSession> startLineServer()
{
    auto server = makeLoopbackServer();
    server->setFraming(FramingSpec::line());
    server->start();
    return server;
}

} // namespace sockscope::test
