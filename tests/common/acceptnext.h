// The far end of a connection made to a plain QTcpServer in the test.
#pragma once

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace sockscope::test {

// The next connection `server` accepts (a child of the server, as nextPendingConnection()
// gives it), or nullptr if none came within `timeoutMs`.
inline QTcpSocket *acceptNext(QTcpServer &server, int timeoutMs = 5000)
{
    if (!QTest::qWaitFor([&server] { return server.hasPendingConnections(); }, timeoutMs))
        return nullptr;
    return server.nextPendingConnection();
}

} // namespace sockscope::test
