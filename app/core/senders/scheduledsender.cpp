#include "core/senders/scheduledsender.h"

#include "core/session/session.h"

#include <limits>

namespace sockscope {

OutgoingMessage OutgoingMessage::fromBytes(const QByteArray &bytes)
{
    OutgoingMessage m;
    m.m_bytes = bytes;
    return m;
}

OutgoingMessage OutgoingMessage::fromSpec(const MessageSpec &spec)
{
    OutgoingMessage m;
    m.m_spec = spec;
    return m;
}

MessageBuildResult OutgoingMessage::build(DynamicContext *ctx) const
{
    if (m_spec)
        return sockscope::build(*m_spec, ctx);
    return preview(ctx);
}

MessageBuildResult OutgoingMessage::preview(const DynamicContext *ctx) const
{
    if (m_spec)
        return sockscope::preview(*m_spec, ctx);
    MessageBuildResult r;
    r.bytes = m_bytes;
    if (m_bytes.isEmpty()) {
        r.error = MessageError::Empty;
        r.errorPosition = 0;
        r.errorLength = 1;
        r.errorString = ScheduledSender::tr("The message is empty.");
    }
    return r;
}

ScheduledSender::ScheduledSender(Session *session, QObject *parent)
    : QObject(parent), m_session(session)
{
    m_pace.timer.setSingleShot(true);
    connect(&m_pace.timer, &QTimer::timeout, this, &ScheduledSender::tick);
    if (session) {
        connect(session, &Session::peerClosed, this, &ScheduledSender::checkTargets);
        connect(session, &Session::stateChanged, this, &ScheduledSender::checkTargets);
        connect(session, &Session::peerBytesWritten, this,
                [this](quint32 id, qint64) { onBytesWritten(id); });
        connect(session, &QObject::destroyed, this, [this] {
            if (m_running)
                finish(FinishReason::Disconnected, tr("The session was closed."));
        });
    }
}

ScheduledSender::~ScheduledSender() = default;

QString ScheduledSender::completedText() const
{
    return tr("Sent %n message(s).", nullptr, int(m_sent));
}

bool ScheduledSender::startSteps(const QList<SendStep> &steps, int loops)
{
    m_error.clear();
    if (m_running) {
        m_error = tr("Already running.");
        return false;
    }
    if (!m_session) {
        m_error = tr("There is no session to send through.");
        return false;
    }
    if (steps.isEmpty()) {
        m_error = tr("There is nothing to send: no message is set.");
        return false;
    }
    if (loops < 0) {
        m_error = tr("The number of repetitions cannot be negative.");
        return false;
    }
    for (int i = 0; i < steps.size(); ++i) {
        const MessageBuildResult r = steps.at(i).message.preview(&m_context);
        if (!r.ok()) {
            m_error =
                steps.size() == 1 ? r.errorString : tr("Step %1: %2").arg(i + 1).arg(r.errorString);
            return false;
        }
        if (steps.at(i).delayAfterMs < 0) {
            m_error = tr("Step %1: the delay cannot be negative.").arg(i + 1);
            return false;
        }
    }
    QString why;
    if (liveTargets(&why).isEmpty()) {
        m_error = why;
        return false;
    }

    m_steps = steps;
    m_loops = loops;
    m_step = 0;
    m_loop = 0;
    m_sent = 0;
    m_dueMs = 0;
    m_waitingForDrain = false;
    m_running = true;
    m_pace.startRun();
    // The first message goes out from the event loop, so start() never emits
    // and a caller can connect to the signals right after it.
    m_pace.timer.start(0);
    return true;
}

bool ScheduledSender::failStart(const QString &error)
{
    m_error = error;
    return false;
}

void ScheduledSender::stop()
{
    if (m_running)
        finish(FinishReason::Stopped, tr("Stopped after %n message(s).", nullptr, int(m_sent)));
}

void ScheduledSender::finish(FinishReason reason, const QString &text)
{
    m_running = false;
    m_waitingForDrain = false;
    m_pace.timer.stop();
    emit finished(reason, text);
}

QList<quint32> ScheduledSender::liveTargets(QString *why) const
{
    Session *s = m_session;
    if (!s) {
        *why = tr("The session was closed.");
        return {};
    }
    if (!m_targets.isEmpty()) {
        QList<quint32> live;
        QStringList gone;
        for (quint32 id : m_targets) {
            const PeerInfo *p = s->peer(id);
            if (p && p->isOpen()) {
                live.append(id);
            } else if (p) {
                gone.append(p->closeText.isEmpty()
                                ? p->endpoint()
                                : tr("%1 (%2)").arg(p->endpoint(), p->closeText));
            }
        }
        if (live.isEmpty()) {
            *why = gone.isEmpty() ? tr("None of the target peers exists any more.")
                                  : tr("Disconnected: %1.").arg(gone.join(QLatin1String(", ")));
        }
        return live;
    }

    // The default target: an empty list tells Session::send() to pick it. The
    // session-level checks below stand for "is there anyone to send to".
    switch (s->mode()) {
    case Session::Mode::Relay:
        s->defaultSendTargets(why); // none: a relay sends only to the side it is told
        return {};
    case Session::Mode::Udp:
        if (s->state() != Session::State::Active) {
            *why = tr("The UDP socket is closed.");
            return {};
        }
        return {0};
    case Session::Mode::TcpServer:
        if (s->openPeerCount() == 0) {
            *why = tr("No client is connected.");
            return {};
        }
        return {0};
    case Session::Mode::TcpClient:
        if (s->openPeerCount() == 0) {
            const QList<quint32> ids = s->peerIds();
            const PeerInfo *last = ids.isEmpty() ? nullptr : s->peer(ids.constLast());
            *why = last && !last->closeText.isEmpty()
                       ? tr("Disconnected from %1 (%2).").arg(last->endpoint(), last->closeText)
                       : tr("Not connected.");
            return {};
        }
        return {0};
    }
    return {};
}

bool ScheduledSender::backedUp(const QList<quint32> &live) const
{
    const QList<quint32> ids = m_targets.isEmpty() ? m_session->peerIds() : live;
    for (quint32 id : ids) {
        // A closed peer's unsent bytes are dropped with it: they hold nobody back.
        const PeerInfo *p = m_session->peer(id);
        if (p && p->isOpen() && m_session->pendingWriteBytes(id) > m_maxPending)
            return true;
    }
    return false;
}

void ScheduledSender::checkTargets()
{
    // Sending itself never closes peers synchronously, but be safe: a check
    // from inside tick() is done by tick().
    if (!m_running || m_pace.sending)
        return;
    QString why;
    if (liveTargets(&why).isEmpty()) {
        finish(FinishReason::Disconnected, why);
        return;
    }
    // The peer we waited for may be the one that went: no bytesWritten will come from it,
    // so look again (from the event loop, once the session has let go of its socket).
    if (m_waitingForDrain) {
        m_waitingForDrain = false;
        m_pace.timer.start(0);
    }
}

void ScheduledSender::onBytesWritten(quint32)
{
    if (m_running && m_waitingForDrain && !m_pace.sending) {
        m_waitingForDrain = false;
        tick();
    }
}

void ScheduledSender::tick()
{
    if (!m_running || !m_session)
        return;
    QString why;
    const QList<quint32> live = liveTargets(&why);
    if (live.isEmpty()) {
        finish(FinishReason::Disconnected, why);
        return;
    }
    // A peer that does not read would otherwise make us queue without bound.
    if (backedUp(live)) {
        m_waitingForDrain = true;
        return;
    }

    const SendStep &step = m_steps.at(m_step);
    const MessageBuildResult built = step.message.build(&m_context);
    if (!built.ok()) {
        finish(FinishReason::Failed, built.errorString);
        return;
    }
    m_pace.sending = true;
    const Session::SendResult result =
        m_session->send(built.bytes, m_targets.isEmpty() ? QList<quint32>() : live);
    m_pace.sending = false;
    // Partial success (one of several peers refused) keeps going; the session logs it.
    if (result.peers == 0) {
        finish(FinishReason::Failed,
               result.error.isEmpty() ? tr("The message was not sent.") : result.error);
        return;
    }

    ++m_sent;
    const int sentStep = m_step;
    const int sentLoop = m_loop;
    const int delay = step.delayAfterMs;
    if (++m_step == m_steps.size()) {
        m_step = 0;
        ++m_loop;
    }
    emit messageSent(sentStep, sentLoop, m_sent);
    if (!m_running) // a slot stopped us
        return;
    if (m_loops != Forever && m_loop >= m_loops) {
        finish(FinishReason::Completed, completedText());
        return;
    }
    scheduleNext(delay);
}

void ScheduledSender::scheduleNext(int delayMs)
{
    m_dueMs += delayMs;
    const qint64 now = m_pace.elapsedMs();
    qint64 wait = m_dueMs - now;
    if (wait < 0) {
        // Late (a busy event loop, or we waited for a slow peer): send now; when
        // more than a whole step late, re-anchor instead of catching up in a burst.
        if (-wait > delayMs)
            m_dueMs = now;
        wait = 0;
    }
    m_pace.timer.start(int(qMin<qint64>(wait, std::numeric_limits<int>::max())));
}

} // namespace sockscope
