#pragma once

#include "core/session/relaycontrol.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <deque>

namespace sockscope {

// "Bad network" for one direction of a relay: what a side passes on comes out later (latency)
// and no faster than a rate (bandwidth), in order, per side. Bytes wait here, counted
// (queuedBytes()); the relay stops reading a side whose queue is past its cap.
class RelayPacer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RelayPacer)

public:
    using Shape = RelayControl::Shaping;

    explicit RelayPacer(QObject *parent = nullptr);
    // "client→server: 200 ms later, at most 10000 bytes/s", for the log.
    static QString describe(bool serverToClient, const Shape &shape);

    // Applies to bytes pushed from now on (and to the rate of those waiting).
    void setShape(const Shape &shape);
    Shape shape() const { return m_shape; }
    bool isActive() const { return m_shape.isActive(); }
    // Datagrams: an item goes out whole or waits (for the rate), never in pieces.
    void setWholeItems(bool whole) { m_whole = whole; }

    // Bytes from `side`, to come out of ready() when due: the latency plus `extraDelayMs`
    // from now, and never before what the side pushed earlier.
    void push(quint32 side, const QByteArray &bytes, int extraDelayMs = 0);
    qint64 queuedBytes(quint32 side) const;
    // Drops what waits for the side (it closed).
    void forget(quint32 side);

signals:
    void ready(quint32 side, const QByteArray &bytes);
    // The side's queue became empty.
    void drained(quint32 side);

private:
    struct Item
    {
        qint64 dueMs;
        QByteArray bytes;
    };
    struct Lane
    {
        std::deque<Item> items;
        qint64 bytes = 0;
        double tokens = 0;
        qint64 refilledMs = 0;
    };
    void pump();
    // Takes what of the lane's front is due and allowed now into *out (nothing if none);
    // returns when the lane next wants a pump (-1: it is empty).
    qint64 takeDue(Lane &lane, qint64 now, QByteArray *out);
    void schedule(qint64 atMs);

    Shape m_shape;
    bool m_whole = false;
    QHash<quint32, Lane> m_lanes;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

} // namespace sockscope
