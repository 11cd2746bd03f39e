#pragma once

#include "core/message/dynamicfields.h"
#include "core/message/message.h"
#include "core/senders/pacestate.h"
#include "core/session/session.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

namespace sockscope {

// What a scheduled sender sends: either fixed bytes, or a MessageSpec that is
// built anew for every send, so dynamic fields ({{counter}}, {{time}}, ...)
// change from one send to the next.
class OutgoingMessage
{
public:
    OutgoingMessage() = default;
    static OutgoingMessage fromBytes(const QByteArray &bytes);
    static OutgoingMessage fromSpec(const MessageSpec &spec);

    bool hasSpec() const { return m_spec.has_value(); }
    const MessageSpec *spec() const { return m_spec ? &*m_spec : nullptr; }
    QByteArray fixedBytes() const { return m_bytes; }

    // The bytes of the next send; ctx advances as with sockscope::build().
    MessageBuildResult build(DynamicContext *ctx) const;
    // The same without changing ctx (validation before a run).
    MessageBuildResult preview(const DynamicContext *ctx) const;

private:
    std::optional<MessageSpec> m_spec;
    QByteArray m_bytes;
};

struct SendStep
{
    OutgoingMessage message;
    int delayAfterMs = 0; // wait after this step before the next one (also between loops)
};

// The engine shared by PeriodicSender and SequenceRunner: sends a list of
// steps through a Session, once or looped, on a timer scheduled against the
// start time (due time of a step = start + sum of the delays before it), so
// timer latency does not accumulate into drift. When the event loop falls
// more than one step behind, missed slots are dropped rather than sent in a
// burst; the number of messages is still exact.
//
// It stops by itself, with a reason, when the targets go away: the TCP client
// is disconnected, every target peer (or, with the default target, every
// client of a TCP server) is closed, or a UDP session is closed. It also waits
// rather than queueing without bound when a target peer does not read
// (pendingWriteBytes above maxPendingBytes), until it reads or closes.
class ScheduledSender : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduledSender)

public:
    enum class FinishReason
    {
        Completed,    // the count / number of loops was reached
        Stopped,      // stop() was called
        Disconnected, // the targets are gone (text names them)
        Failed,       // a message could not be built or sent (text says why)
    };
    Q_ENUM(FinishReason)

    static constexpr int Forever = 0;

    ~ScheduledSender() override;

    Session *session() const { return m_session; }

    // Peer ids to send to; empty (the default) means the session's default
    // target (see Session::send()). Takes effect at the next start().
    void setTargets(const QList<quint32> &peers) { m_targets = peers; }
    QList<quint32> targets() const { return m_targets; }

    // A send waits while a target holds more than this many unwritten bytes.
    void setMaxPendingBytes(qint64 bytes) { m_maxPending = qMax<qint64>(1, bytes); }
    qint64 maxPendingBytes() const { return m_maxPending; }

    // Per-sender state of dynamic fields (the counter runs on across runs;
    // reset() it to start over). Tests seed it or set its clock.
    DynamicContext &dynamicContext() { return m_context; }

    bool isRunning() const { return m_running; }
    qint64 sentCount() const { return m_sent; } // messages sent in the current / last run
    // Why the last start() was refused (empty after a successful start).
    QString errorString() const { return m_error; }

    // Ends a run: finished(Stopped). Does nothing when not running.
    void stop();

signals:
    // One message was handed to the session.
    void messageSent(int step, int loop, qint64 sentCount);
    void finished(sockscope::ScheduledSender::FinishReason reason, const QString &text);

protected:
    ScheduledSender(Session *session, QObject *parent);

    // Validates and starts; returns false with errorString() set (no finished()).
    // loops: number of passes over the steps, or Forever.
    bool startSteps(const QList<SendStep> &steps, int loops);
    // For a subclass's own checks before startSteps(): sets errorString(), returns false.
    bool failStart(const QString &error);
    // The finished() text for Completed.
    virtual QString completedText() const;

private:
    void tick();
    void scheduleNext(int delayMs);
    void finish(FinishReason reason, const QString &text);
    void checkTargets();
    void onBytesWritten(quint32 id);
    // Open targets for this send; empty with *why set when the targets are gone.
    QList<quint32> liveTargets(QString *why) const;
    bool backedUp(const QList<quint32> &live) const;

    QPointer<Session> m_session;
    QList<quint32> m_targets;
    qint64 m_maxPending = 4 * 1024 * 1024;
    DynamicContext m_context;

    QList<SendStep> m_steps;
    int m_loops = 1;
    bool m_running = false;
    bool m_waitingForDrain = false;
    int m_step = 0;
    int m_loop = 0;
    qint64 m_sent = 0;
    qint64 m_dueMs = 0;
    PaceState m_pace; // its timer is the next step's
    QString m_error;
};

} // namespace sockscope
