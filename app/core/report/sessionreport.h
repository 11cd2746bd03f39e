#pragma once

#include "core/report/lagmeter.h"

#include <QJsonObject>
#include <QString>

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

} // namespace sockscope
