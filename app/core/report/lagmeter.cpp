#include "core/report/lagmeter.h"

#include <algorithm>

namespace sockscope {

namespace {
constexpr int kBucketsPerMs = 10;
constexpr int kMaxMs = 10000;
} // namespace

LagMeter::LagMeter(QObject *parent, int intervalMs)
    : QObject(parent), m_intervalMs(intervalMs), m_histogram(size_t(kMaxMs * kBucketsPerMs + 1), 0)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LagMeter::tick);
}

void LagMeter::start()
{
    m_clock.start();
    m_dueNs = qint64(m_intervalMs) * 1000000;
    m_timer.start();
}

void LagMeter::stop()
{
    m_timer.stop();
}

void LagMeter::reset()
{
    std::fill(m_histogram.begin(), m_histogram.end(), 0);
    m_maxMs = 0;
    m_samples = 0;
}

void LagMeter::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double lagMs = std::max<qint64>(0, now - m_dueNs) / 1e6;
    m_dueNs = now + qint64(m_intervalMs) * 1000000;
    const auto bucket = size_t(std::min<double>(lagMs * kBucketsPerMs, m_histogram.size() - 1));
    ++m_histogram[bucket];
    m_maxMs = std::max(m_maxMs, lagMs);
    ++m_samples;
    emit sampled(lagMs);
}

LagMeter::Stats LagMeter::stats() const
{
    Stats s;
    s.samples = m_samples;
    s.maxMs = m_maxMs;
    if (m_samples == 0)
        return s;
    auto percentile = [this](double q) {
        const qint64 rank = qint64(q * double(m_samples - 1)) + 1;
        qint64 seen = 0;
        for (size_t b = 0; b < m_histogram.size(); ++b) {
            seen += m_histogram[b];
            if (seen >= rank)
                return double(b) / kBucketsPerMs;
        }
        return double(kMaxMs);
    };
    s.p50Ms = percentile(0.50);
    s.p99Ms = std::min(percentile(0.99), m_maxMs);
    s.p50Ms = std::min(s.p50Ms, m_maxMs);
    return s;
}

} // namespace sockscope
