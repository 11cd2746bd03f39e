#pragma once

#include "core/senders/scheduledsender.h"

namespace sockscope {

// Sends a list of steps in order, each followed by its delay, once or looped
// (a number of times or forever). finished(Completed) follows the last step
// of the last loop right away; its delay only separates loops.
class SequenceRunner : public ScheduledSender
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SequenceRunner)

public:
    explicit SequenceRunner(Session *session, QObject *parent = nullptr);

    void setSteps(const QList<SendStep> &steps) { m_steps = steps; }
    QList<SendStep> steps() const { return m_steps; }
    // Passes over the steps, or ScheduledSender::Forever.
    void setLoops(int loops) { m_loops = loops; }
    int loops() const { return m_loops; }

    // False with errorString() when it cannot start (no steps, a step that does
    // not build, nobody to send to); then finished() is not emitted.
    bool start() { return startSteps(m_steps, m_loops); }

signals:
    // Step `step` (0-based) of pass `loop` (0-based) was sent.
    void progress(int step, int loop);

private:
    QList<SendStep> m_steps;
    int m_loops = 1;
};

} // namespace sockscope
