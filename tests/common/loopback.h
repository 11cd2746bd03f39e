// Shared by the loopback integration tests: the address they all use and a free port on it.
#pragma once

#include <QHostAddress>
#include <QTcpServer>

namespace sockscope::test {

// 127.0.0.1: every integration test stays on the loopback interface.
inline const QHostAddress kLoopback{QHostAddress::LocalHost};

// A TCP port nothing listens on: bind, note the port, release it. 0 if binding failed.
inline quint16 freeTcpPort()
{
    QTcpServer probe;
    if (!probe.listen(kLoopback, 0))
        return 0;
    return probe.serverPort();
}

} // namespace sockscope::test
