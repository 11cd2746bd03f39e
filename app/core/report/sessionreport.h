#pragma once

#include "core/report/lagmeter.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <limits>

namespace sockscope {

class Session;

// The run report of `--report FILE.json`, shared by the headless runner and the window:
// {"mode", "connections":[{peer, rx_bytes, tx_bytes, rx_frames, tx_messages, opened,
// closed, close_reason[, checksum_errors]}], rx/tx byte and frame totals, peak_clients,
// event_loop_lag_ms {p50, p99, max, samples}}. Callers may add keys (exit_code).
QJsonObject sessionReport(const Session &session, const LagMeter::Stats &lag);

// Writes the report atomically (QSaveFile). False with a reason in *error on failure.
bool writeReportFile(const QString &path, const QJsonObject &report, QString *error);

// Local time with milliseconds, ISO 8601, for a timestamp in µs since the epoch.
QString isoLocalTime(qint64 usSinceEpoch);

// isoLocalTime() in UTF-8, byte for byte, for a stream of records: converting to local time
// and formatting through QString costs more than everything else a short line needs. The
// date and time up to the second come from isoLocalTime() once per second and are kept; the
// milliseconds are written by hand. A second of its own is converted anew, so a change of the
// UTC offset (daylight saving) shows from its first record on; time zone offsets change only
// on whole seconds. One per thread: it is not thread-safe.
class IsoTimeFormatter
{
public:
    void append(qint64 usSinceEpoch, QByteArray &out);

private:
    static constexpr qint64 NoSecond = std::numeric_limits<qint64>::min();
    static constexpr int TextSize = 23; // yyyy-MM-ddTHH:mm:ss.zzz
    qint64 m_second = NoSecond;         // UTC seconds since the epoch that m_text shows
    bool m_fast = false;                // m_text holds it (else an odd second: the slow way)
    char m_text[TextSize] = {};
};

} // namespace sockscope
