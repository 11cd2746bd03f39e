#include "core/link/link.h"

namespace sockscope {

Link::Link(QObject *parent) : QObject(parent) {}

void Link::setWaterMarks(qint64 high, qint64 low)
{
    m_highWater = qMax<qint64>(0, high);
    m_lowWater = qBound<qint64>(0, low, m_highWater);
    if (queuedBytes() > m_highWater)
        m_drainArmed = true;
}

void Link::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void Link::notePeerFinished()
{
    if (m_peerFinished)
        return;
    m_peerFinished = true;
    emit peerFinishedSending();
}

void Link::noteQueueGrew()
{
    if (queuedBytes() > m_highWater)
        m_drainArmed = true;
}

void Link::noteQueueShrank()
{
    if (m_drainArmed && queuedBytes() <= m_lowWater) {
        m_drainArmed = false;
        emit drained();
    }
}

void Link::noteClosed(CloseReason reason, const QString &text, qint64 unsentBytes)
{
    if (m_state == State::Closed)
        return;
    m_drainArmed = false;
    // stateChanged first: a handler that deletes the link on closed() must be the last one.
    m_state = State::Closed;
    emit stateChanged(State::Closed);
    emit closed(reason, text, unsentBytes);
}

} // namespace sockscope
