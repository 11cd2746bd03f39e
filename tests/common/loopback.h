// Shared by the loopback integration tests: the address they all use and a free port on it.
#pragma once

#include <QAbstractSocket>
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

// "127.0.0.1:<local port>" of a test's socket: how the app names it as a peer.
inline QString endpointOf(const QAbstractSocket &socket)
{
    return QStringLiteral("127.0.0.1:%1").arg(socket.localPort());
}

} // namespace sockscope::test
