#pragma once

#include "core/senders/scheduledsender.h"

namespace sockscope {

// Sends one message every interval ms, count times or until stopped. The
// first message goes out right after start(); finished(Completed) follows
// the last one without waiting another interval.
class PeriodicSender : public ScheduledSender
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeriodicSender)

public:
    explicit PeriodicSender(Session *session, QObject *parent = nullptr);

    void setMessage(const OutgoingMessage &message) { m_message = message; }
    const OutgoingMessage &message() const { return m_message; }
    void setInterval(int ms) { m_intervalMs = ms; }
    int interval() const { return m_intervalMs; }
    // Number of messages, or ScheduledSender::Forever.
    void setCount(int count) { m_count = count; }
    int count() const { return m_count; }

    // False with errorString() when it cannot start (bad interval, no message,
    // nobody to send to); then finished() is not emitted.
    bool start();

signals:
    void progress(qint64 sentCount);

private:
    QString completedText() const override;

    OutgoingMessage m_message;
    int m_intervalMs = 1000;
    int m_count = Forever;
};

} // namespace sockscope
