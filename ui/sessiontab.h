#pragma once

#include "core/log/logexport.h"
#include "core/session/session.h"

#include <QElapsedTimer>
#include <QIcon>
#include <QWidget>

class QSettings;
class QSplitter;
class QVBoxLayout;

namespace sockscope {

class CertificateDialog;
class ConnectionBar;
class ConnectionControl;
class LogFileActions;
class LogPane;
class PeerPanel;
class ReceiveOptions;
class RewriteButton;
class SendPanel;
class SendRouter;
struct SendReadiness;
class SequenceController;
class SequenceDialog;
class TlsVerificationBar;
struct LaunchOptions;
struct MessageSpec;

// One session (TCP server, TCP client, UDP or relay) with everything around it, composed of parts
// that each own one job (docs/architecture.md, "The window"): ConnectionControl (bar ↔
// session), ReceiveOptions, PeerPanel, LogPane with LogFileActions, SendPanel with SendRouter
// (the one send target) and the sequence dialog. The words per kind are in sessionkinds.
// The tab builds and connects the parts, counts messages and keeps its layout in settings.
class SessionTab : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionTab)

public:
    struct Stats
    {
        qint64 rxBytes = 0;
        qint64 txBytes = 0;
        qint64 rxMessages = 0;
        qint64 txMessages = 0;
        double rxRate = 0; // bytes per second, last second
        double txRate = 0;
        int peers = 0;
    };

    explicit SessionTab(Session::Mode mode, QWidget *parent = nullptr);
    ~SessionTab() override;

    Session::Mode mode() const { return m_mode; }
    Session *session() const { return m_session; }
    LogPane *logPane() const { return m_log; }
    // The certificate window (made on first use; null until then).
    CertificateDialog *certificateDialog() const { return m_certificates; }
    SendPanel *sendPanel() const { return m_send; }

    QString title() const;
    QIcon stateIcon() const;
    Stats stats() const;
    void resetCounters();

    // Recording every record to a file ("Record every message to a file…").
    bool isRecording() const;
    QString recordingPath() const;

    // Applies command-line options (what applies to this tab's kind) and optionally starts.
    void applyLaunchOptions(const LaunchOptions &options);

    void saveState(QSettings &settings) const;
    void restoreState(QSettings &settings);

public slots:
    void start();
    void stop();
    void saveLog();
    // Saves the log to path without asking (saveLog() asks for the file first).
    void saveLogTo(const QString &path, sockscope::LogExport::Format format);
    void stopRecording();
    // The certificate window for the selected peer (a client: its server), and our own.
    void showCertificates();
    // After a refused server certificate: start again once, accepting its errors.
    void connectAnyway();

signals:
    void titleChanged();
    void statsChanged();
    // A short note for the window's status bar (e.g. what a save wrote).
    void statusMessage(const QString &text);
    // Recording started or stopped (by the user or by a write error).
    void recordingChanged();

private:
    void createSession();
    void fitSession();
    void replaceSession();
    ReceiveOptions *makeReceiveOptions();
    void connectSession();
    void buildConnectionArea(QVBoxLayout *layout);
    QSplitter *buildPeerAndLog();
    void buildSendArea(QVBoxLayout *layout, QSplitter *peersAndLog);
    void buildSenders();
    void connectParts();
    void connectSendPanel();
    void connectSequenceDialog();
    void onStateChanged();
    void onRecords(const sockscope::LogRecords &records);
    void onPeerSelectionChanged();
    quint32 certificatePeer() const;
    CertificateDialog *ensureCertificateDialog();
    void showReadiness(const sockscope::SendReadiness &readiness);
    void sampleRates();
    void saveLayout(QSettings &settings) const;
    void restoreLayout(QSettings &settings);

    Session::Mode m_mode;
    Session *m_session = nullptr;
    SessionEndpoint m_sessionFor; // what m_session was created for (a relay's transport)
    ConnectionBar *m_bar = nullptr;
    ConnectionControl *m_connection = nullptr;
    TlsVerificationBar *m_tlsBar = nullptr; // a refused server certificate
    CertificateDialog *m_certificates = nullptr;
    ReceiveOptions *m_receive = nullptr;
    RewriteButton *m_rewrite = nullptr; // a relay's rewrite rules
    PeerPanel *m_peers = nullptr;
    QSplitter *m_peerSplit = nullptr; // the peer panel's, beside the log
    LogPane *m_log = nullptr;
    LogFileActions *m_logFiles = nullptr;
    SendPanel *m_send = nullptr;
    SendRouter *m_router = nullptr;
    SequenceDialog *m_sequence = nullptr;
    SequenceController *m_sequenceRunner = nullptr;

    qint64 m_rxMessages = 0;
    qint64 m_txMessages = 0;
    qint64 m_rxBase = 0; // counters at the last reset
    qint64 m_txBase = 0;
    qint64 m_lastRx = 0;
    qint64 m_lastTx = 0;
    double m_rxRate = 0;
    double m_txRate = 0;
    QElapsedTimer m_rateClock;
};

} // namespace sockscope
