#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

namespace sockscope {

// Measures how late the event loop runs: a short-interval timer notes how far
// past its due time each tick fires. A flood that starves the loop (and so a
// frozen window) shows up directly as lag.
class LagMeter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagMeter)

public:
    struct Stats
    {
        double p50Ms = 0;
        double p99Ms = 0;
        double maxMs = 0;
        qint64 samples = 0;
    };

    explicit LagMeter(QObject *parent = nullptr, int intervalMs = 10);

    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    Stats stats() const;
    void reset();

signals:
    void sampled(double lagMs);

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_dueNs = 0;
    int m_intervalMs;
    // Lag histogram in 0.1 ms buckets up to 10 s, so memory stays fixed however long we run.
    std::vector<quint32> m_histogram;
    double m_maxMs = 0;
    qint64 m_samples = 0;
};

} // namespace sockscope
