#include "core/transport/relaypacer.h"

#include <QPointer>

namespace sockscope {

namespace {
// A rate's burst: what may go out at once after a quiet spell (a tenth of a second's worth,
// at least 4 KiB so slow rates still move whole small messages; whole datagrams need room
// for the largest).
double burstFor(qint64 bytesPerSecond, bool whole)
{
    return qMax(whole ? 65536.0 : 4096.0, double(bytesPerSecond) / 10.0);
}
} // namespace

RelayPacer::RelayPacer(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RelayPacer::pump);
}

QString RelayPacer::describe(bool serverToClient, const Shape &shape)
{
    const QString direction = serverToClient ? tr("Server→client") : tr("Client→server");
    if (!shape.isActive())
        return tr("%1: passed on as it comes.").arg(direction);
    if (shape.bytesPerSecond == 0)
        return tr("%1: passed on %2 ms late.").arg(direction).arg(shape.latencyMs);
    return tr("%1: passed on %2 ms late, at most %3 bytes/s.")
        .arg(direction)
        .arg(shape.latencyMs)
        .arg(shape.bytesPerSecond);
}

void RelayPacer::setShape(const Shape &shape)
{
    m_shape = shape;
    m_shape.latencyMs = qBound(0, shape.latencyMs, RelayControl::MaxLatencyMs);
    m_shape.bytesPerSecond = qMax<qint64>(0, shape.bytesPerSecond);
    schedule(m_clock.elapsed());
}

void RelayPacer::push(quint32 side, const QByteArray &bytes, int extraDelayMs)
{
    if (bytes.isEmpty())
        return;
    const qint64 now = m_clock.elapsed();
    Lane &lane = m_lanes[side];
    if (lane.items.empty() && lane.bytes == 0) {
        lane.tokens = m_shape.bytesPerSecond > 0 ? burstFor(m_shape.bytesPerSecond, m_whole) : 0;
        lane.refilledMs = now;
    }
    const qint64 due = now + m_shape.latencyMs + qMax(0, extraDelayMs);
    lane.items.push_back({due, bytes});
    lane.bytes += bytes.size();
    schedule(due);
}

qint64 RelayPacer::queuedBytes(quint32 side) const
{
    const auto it = m_lanes.constFind(side);
    return it == m_lanes.constEnd() ? 0 : it->bytes;
}

void RelayPacer::forget(quint32 side)
{
    m_lanes.remove(side);
}

void RelayPacer::schedule(qint64 atMs)
{
    const qint64 wait = qMax<qint64>(0, atMs - m_clock.elapsed());
    if (!m_timer.isActive() || m_timer.remainingTime() > wait)
        m_timer.start(int(wait));
}

void RelayPacer::pump()
{
    QPointer<RelayPacer> self(this);
    qint64 next = -1;
    const QList<quint32> sides = m_lanes.keys();
    for (quint32 side : sides) {
        qint64 want = -1;
        for (;;) {
            // Re-found each time: a receiver of ready() may forget the side.
            const auto it = m_lanes.find(side);
            if (it == m_lanes.end())
                break;
            QByteArray out;
            want = takeDue(it.value(), m_clock.elapsed(), &out);
            if (out.isEmpty()) {
                if (it->items.empty()) {
                    m_lanes.erase(it);
                    emit drained(side);
                    if (!self)
                        return;
                }
                break;
            }
            emit ready(side, out);
            if (!self)
                return;
        }
        if (want >= 0 && (next < 0 || want < next))
            next = want;
    }
    if (next >= 0)
        schedule(next);
}

qint64 RelayPacer::takeDue(Lane &lane, qint64 now, QByteArray *out)
{
    if (lane.items.empty())
        return -1;
    Item &front = lane.items.front();
    if (front.dueMs > now)
        return front.dueMs;
    qsizetype n = front.bytes.size();
    const qint64 rate = m_shape.bytesPerSecond;
    if (rate > 0) {
        lane.tokens = qMin(burstFor(rate, m_whole),
                           lane.tokens + double(now - lane.refilledMs) * double(rate) / 1000.0);
        lane.refilledMs = now;
        n = qMin<qsizetype>(n, qsizetype(lane.tokens));
        if (m_whole && n < front.bytes.size()) // when the whole datagram's tokens have come
            return now + qMax<qint64>(1, qint64((front.bytes.size() - lane.tokens) * 1000 / rate));
        if (n <= 0) // when one more KiB of tokens has come
            return now + qMax<qint64>(1, 1024 * 1000 / rate);
        lane.tokens -= double(n);
    }
    if (n == front.bytes.size()) {
        *out = std::move(front.bytes);
        lane.items.pop_front();
    } else {
        *out = front.bytes.left(n);
        front.bytes.remove(0, n);
    }
    lane.bytes -= n;
    return now;
}

} // namespace sockscope
