#include "core/senders/sequencerunner.h"

namespace sockscope {

SequenceRunner::SequenceRunner(Session *session, QObject *parent) : ScheduledSender(session, parent)
{
    connect(this, &ScheduledSender::messageSent, this,
            [this](int step, int loop, qint64) { emit progress(step, loop); });
}

} // namespace sockscope
