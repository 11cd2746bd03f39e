#pragma once

#include "cli/launchoptions.h"
#include "core/autoreply/rewriterules.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace sockscope {

class AutoReplyRules;
class LagMeter;
class Session;
class RecordPrinter;

// The engine without a window: one session configured from the command line,
// one stdout line per log record, a JSON report at the end.
//   exit 0: normal end (signal, --duration, client finished)
//   exit 2: bad arguments (handled before a runner exists)
//   exit 3: network error at start (port in use, host not found, refused, ...)
class HeadlessRunner : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadlessRunner)

public:
    enum ExitCode
    {
        ExitOk = 0,
        ExitBadArguments = 2,
        ExitNetworkError = 3
    };

    explicit HeadlessRunner(const LaunchOptions &options, FILE *out = stdout,
                            QObject *parent = nullptr);
    ~HeadlessRunner() override;

    // Sets everything up and starts the session; returns false (with an exit
    // code in exitCode()) when the arguments turn out unusable (e.g. rules file).
    bool start();
    // Finishes the run: stops the session, prints what's left, writes the report.
    void finish(int exitCode);
    int exitCode() const { return m_exitCode; }
    Session *session() const { return m_session; }
    qsizetype peerNameCount() const { return m_endpoints.size(); } // bounded by the session

signals:
    void finished(int exitCode);

private:
    void createSession();
    void waitForDeadline();
    void onStateChanged();
    void print(const LogRecords &records);
    void beginSending();
    void afterLastSend();
    bool writeReport(QString *error) const;
    bool buildPayload(QString *error);
    bool checkPayloadFile(QString *error) const;
    bool checkReportWritable(QString *error) const;
    bool readRulesFile(QByteArray *json, QString *error) const;
    bool loadRules(QString *error);

    LaunchOptions m_options;
    FILE *m_out;
    Session *m_session = nullptr;
    LagMeter *m_lag = nullptr;
    std::unique_ptr<AutoReplyRules> m_rules;
    RewriteConfig m_rewrite; // a relay's --rules
    std::unique_ptr<RecordPrinter> m_printer; // stdout, on a thread of its own
    static constexpr qint64 PrintHighWater = 16 << 20;
    static constexpr qint64 PrintLowWater = 4 << 20;
    bool m_readingHeld = false; // the session does not read while stdout is behind
    QByteArray m_payload;
    QTimer m_lingerTimer;
    QTimer m_durationTimer;
    QDeadlineTimer m_deadline; // --duration
    bool m_everActive = false;
    bool m_finished = false;
    int m_exitCode = ExitOk;
    QHash<quint32, QString> m_endpoints; // peer id → "addr:port" (the printer has its copy)
};

} // namespace sockscope
