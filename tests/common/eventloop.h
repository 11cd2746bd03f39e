// Event-loop waits for tests that need finer steps than QTRY's 50 ms.
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>

namespace sockscope::test {

// Runs the event loop until pred() holds; wakes on each event rather than QTRY's 50 ms steps.
template <typename Pred>
bool waitUntil(Pred pred, int timeoutMs = 5000)
{
    QElapsedTimer timer;
    timer.start();
    while (!pred()) {
        if (timer.hasExpired(timeoutMs))
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    }
    return true;
}

// Keeps the event loop running for `ms` (to show that something does NOT happen).
inline void spin(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!timer.hasExpired(ms))
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
}

} // namespace sockscope::test
