#pragma once

#include <QElapsedTimer>
#include <QTimer>

namespace sockscope {

// What a sender that paces itself and waits for its peers keeps, for FileSender and
// ScheduledSender alike: a precise timer for its next step, the clock of the run (due times
// count from its start, so timer latency does not add up), and a guard while it is inside
// Session::send(), which may emit peerBytesWritten or peerClosed before it returns.
struct PaceState
{
    PaceState()
    {
        // The default coarse timer may fire 5% early or late; steps of a few ms need better.
        timer.setTimerType(Qt::PreciseTimer);
    }
    Q_DISABLE_COPY_MOVE(PaceState)

    // A run begins: due times count from now.
    void startRun() { clock.start(); }
    qint64 elapsedMs() const { return clock.elapsed(); }

    QTimer timer;
    QElapsedTimer clock;
    bool sending = false; // inside Session::send(): re-entrant calls leave it to the caller
};

} // namespace sockscope
