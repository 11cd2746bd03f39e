#include "core/log/logrecord.h"

#include <atomic>
#include <chrono>

namespace sockscope {

namespace {
std::atomic<qint64> g_wallClockShiftUs{0};
} // namespace

qint64 nowUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count() +
           g_wallClockShiftUs.load(std::memory_order_relaxed);
}

void shiftWallClockForTest(qint64 us)
{
    g_wallClockShiftUs.fetch_add(us, std::memory_order_relaxed);
}

} // namespace sockscope
