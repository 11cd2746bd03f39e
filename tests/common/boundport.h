// The port a started session listens on or is bound to, read the way the window reads it:
// through Session::boundPort(), never by casting to a kind of session.
#pragma once

#include "core/session/session.h"

#include <QTest>

namespace sockscope::test {

// Waits until `session` holds a port and returns it; 0 if it does not within `timeoutMs`.
inline quint16 waitForBoundPort(const Session *session, int timeoutMs = 5000)
{
    if (!QTest::qWaitFor([session] { return session->boundPort() != 0; }, timeoutMs))
        return 0;
    return session->boundPort();
}

} // namespace sockscope::test
