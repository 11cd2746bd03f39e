#include "core/senders/periodicsender.h"

namespace sockscope {

PeriodicSender::PeriodicSender(Session *session, QObject *parent) : ScheduledSender(session, parent)
{
    connect(this, &ScheduledSender::messageSent, this,
            [this](int, int, qint64 sent) { emit progress(sent); });
}

bool PeriodicSender::start()
{
    if (isRunning())
        return failStart(tr("Already running."));
    if (m_intervalMs < 1)
        return failStart(tr("The interval must be at least 1 ms."));
    return startSteps({SendStep{m_message, m_intervalMs}}, m_count);
}

QString PeriodicSender::completedText() const
{
    return tr("Count reached: sent %n message(s).", nullptr, int(sentCount()));
}

} // namespace sockscope
