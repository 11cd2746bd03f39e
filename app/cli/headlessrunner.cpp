#include "cli/headlessrunner.h"
#include "cli/recordprinter.h"

#include "core/session/relaycontrol.h"

#include "core/autoreply/autoreply.h"
#include "core/senders/filesender.h"
#include "core/report/lagmeter.h"
#include "core/message/message.h"
#include "core/senders/periodicsender.h"
#include "core/report/sessionreport.h"
#include "core/transport/sessionfactory.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace sockscope {

namespace {

void printError(const QString &message)
{
    fprintf(stderr, "sockscope: %s\n", qPrintable(message));
}

// --count N without --interval: N sends back to back, one per event-loop pass, each
// waiting (ScheduledSender's back-pressure) while the peer still holds more than a few MiB
// unwritten. Queueing all N at once would hold N copies when the peer reads slowly.
class BackToBackSender : public ScheduledSender
{
public:
    BackToBackSender(Session *session, QObject *parent) : ScheduledSender(session, parent) {}
    bool start(const QByteArray &message, int count)
    {
        return startSteps({SendStep{OutgoingMessage::fromBytes(message), 0}}, count);
    }
};

} // namespace

HeadlessRunner::HeadlessRunner(const LaunchOptions &options, FILE *out, QObject *parent)
    : QObject(parent),
      m_options(options),
      m_out(out),
      m_lag(new LagMeter(this)),
      m_printer(std::make_unique<RecordPrinter>(
          RecordPrinter::Style{options.mode, options.hexDisplay, options.encoding}, out))
{
    m_lingerTimer.setSingleShot(true);
    connect(&m_lingerTimer, &QTimer::timeout, this, [this] { finish(ExitOk); });
    m_durationTimer.setSingleShot(true);
    connect(&m_durationTimer, &QTimer::timeout, this, &HeadlessRunner::waitForDeadline);
}

HeadlessRunner::~HeadlessRunner() = default;

// Refused before any socket is opened; FileSender checks again when it starts (the file may
// change meanwhile), and never opens what is not a regular file: a FIFO without a writer
// would block open() and with it the event loop that handles SIGINT/SIGTERM.
bool HeadlessRunner::checkPayloadFile(QString *error) const
{
    const QString &path = m_options.payloadValue;
    const QFileInfo info(path);
    if (!info.exists())
        *error = tr("Cannot read %1: the file does not exist.").arg(path);
    else if (info.isDir())
        *error = tr("Cannot send %1: it is a folder, not a file.").arg(path);
    else if (!info.isFile())
        *error = tr("Cannot send %1: it is not a regular file.").arg(path);
    else if (info.size() == 0)
        *error = tr("%1 is empty: there is nothing to send.").arg(path);
    return error->isEmpty();
}

// Found at the start rather than when the run ends. The report is written as a QSaveFile
// (a temporary file next to it, renamed): that is what is tried, and left nothing behind.
bool HeadlessRunner::checkReportWritable(QString *error) const
{
    if (m_options.reportFile.isEmpty())
        return true;
    QSaveFile probe(m_options.reportFile);
    if (!probe.open(QIODevice::WriteOnly)) {
        *error =
            tr("Cannot write the report %1: %2").arg(m_options.reportFile, probe.errorString());
        return false;
    }
    probe.cancelWriting(); // its destructor removes the temporary file
    return true;
}

bool HeadlessRunner::readRulesFile(QByteArray *json, QString *error) const
{
    const QString &path = m_options.rulesFile;
    // Not opened unless a regular file: a FIFO without a writer blocks open(), /dev/zero
    // never ends.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        *error = tr("Cannot read the rules file %1: it is not a regular file.").arg(path);
        return false;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the rules file %1: %2").arg(path, f.errorString());
        return false;
    }
    // As the window does: one byte past the limit tells an oversized file without loading it.
    *json = f.read(AutoReplyRules::MaxJsonBytes + 1);
    if (f.error() != QFileDevice::NoError) {
        *error = tr("Cannot read the rules file %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

// --rules and --echo: auto-reply rules, or a relay's rewrite rules.
bool HeadlessRunner::loadRules(QString *error)
{
    if (m_options.rulesFile.isEmpty() && !m_options.echo)
        return true;
    QByteArray json;
    if (!m_options.rulesFile.isEmpty() && !readRulesFile(&json, error))
        return false;
    AutoReplyIssue issue;
    QStringList warnings;
    if (m_options.mode == Session::Mode::Relay) {
        auto loaded = RewriteRules::fromJson(json, &issue, &warnings);
        for (const QString &w : std::as_const(warnings))
            printError(w);
        if (!loaded) {
            *error = tr("Rules file %1: %2").arg(m_options.rulesFile, issue.toString());
            return false;
        }
        m_rewrite = std::move(*loaded);
        return true;
    }
    m_rules = std::make_unique<AutoReplyRules>();
    AutoReplyConfig config;
    if (!m_options.rulesFile.isEmpty()) {
        const auto loaded = AutoReplyRules::fromJson(json, &issue, &warnings);
        for (const QString &w : std::as_const(warnings))
            printError(w);
        if (!loaded) {
            *error = tr("Rules file %1: %2").arg(m_options.rulesFile, issue.toString());
            return false;
        }
        config = *loaded;
    }
    if (m_options.echo && config.echo == AutoReplyConfig::EchoMode::Off)
        config.echo = m_options.rulesFile.isEmpty() ? AutoReplyConfig::EchoMode::Always
                                                    : AutoReplyConfig::EchoMode::Fallback;
    if (!m_rules->setConfig(config, &issue)) {
        *error = issue.toString();
        return false;
    }
    return true;
}

bool HeadlessRunner::buildPayload(QString *error)
{
    if (m_options.payload == LaunchOptions::Payload::File)
        return checkPayloadFile(error);
    if (m_options.payload == LaunchOptions::Payload::None)
        return true;
    MessageSpec spec;
    spec.format =
        m_options.payload == LaunchOptions::Payload::Hex ? MessageFormat::Hex : MessageFormat::Text;
    spec.content = m_options.payloadValue;
    spec.encoding = m_options.encoding;
    spec.escapes = m_options.escapes;
    spec.checksum = m_options.checksum;
    spec.checksumOrder = defaultByteOrder(m_options.checksum);
    const MessageBuildResult built = build(spec);
    if (!built.ok()) {
        *error = tr("Cannot build the message: %1").arg(built.errorString);
        return false;
    }
    m_payload = built.bytes;
    return true;
}

bool HeadlessRunner::start()
{
    QString error;
    if (!checkReportWritable(&error) || !buildPayload(&error)) {
        printError(error);
        m_exitCode = ExitBadArguments;
        return false;
    }
    if (!loadRules(&error)) {
        printError(error);
        m_exitCode = ExitBadArguments;
        return false;
    }
    createSession();
    m_lag->start();
    if (m_options.durationSeconds > 0) {
        m_deadline.setRemainingTime(qMax<qint64>(1, qRound64(m_options.durationSeconds * 1000)));
        waitForDeadline();
    }
    m_session->start();
    return !m_finished || m_exitCode == ExitOk;
}

void HeadlessRunner::waitForDeadline()
{
    // A QTimer holds an int of milliseconds (24.8 days); a longer --duration waits in steps.
    constexpr qint64 kStepMs = 24 * 3600 * 1000;
    const qint64 left = m_deadline.remainingTime();
    if (left <= 0) {
        finish(ExitOk);
        return;
    }
    m_durationTimer.start(int(qMin(left, kStepMs)));
}

void HeadlessRunner::createSession()
{
    m_session = sockscope::createSession(m_options.mode, this, m_options.relayOverUdp,
                                         m_options.tls.enabled);
    m_session->setEndpoint(m_options.endpoint());
    m_session->setFraming(m_options.framing);
    if (m_options.s2cFramingGiven)
        m_session->setUpstreamFraming(m_options.s2cFraming);
    if (RelayControl *relay = m_session->relay()) {
        const RelayControl::Shaping c2s{m_options.c2sDelayMs, m_options.c2sRate};
        const RelayControl::Shaping s2c{m_options.s2cDelayMs, m_options.s2cRate};
        if (c2s.isActive())
            relay->setShaping(false, c2s);
        if (s2c.isActive())
            relay->setShaping(true, s2c);
        if (!m_rewrite.rules.isEmpty())
            relay->setRewriteRules(m_rewrite); // checked when read: it cannot fail here
    }
    m_session->setAutoReplier(m_rules.get());
    connect(m_session, &Session::recordsReady, this, &HeadlessRunner::print);
    connect(m_session, &Session::stateChanged, this, &HeadlessRunner::onStateChanged);
    connect(m_session, &Session::peerOpened, this, [this](quint32 id) {
        // A relay's lines name the pair by its client, in both directions.
        const PeerInfo *p = m_session->peer(id);
        if (p && p->isUpstream())
            p = m_session->peer(p->partner);
        if (p) {
            m_endpoints.insert(id, p->endpoint());
            m_printer->namePeer(id, p->endpoint());
        }
    });
    connect(m_session, &Session::peersRemoved, this, [this](const QList<quint32> &ids) {
        for (quint32 id : ids) {
            m_endpoints.remove(id);
            m_printer->forgetName(id);
        }
    });
    connect(m_session, &Session::peerClosed, this, [this](quint32 id) {
        // The peer's last records are still in the session's batch: dropping its decoders
        // now would lose a character held back across that batch (issue #11, 12b).
        m_printer->peerClosed(id);
        // A client's run ends with its connection: TCP, or a DTLS session with its server.
        const bool dtlsClient = m_options.mode == Session::Mode::Udp && m_options.tls.enabled &&
                                !m_options.tls.hasOwnCertificate();
        if ((m_options.mode == Session::Mode::TcpClient && !m_options.reconnect) || dtlsClient) {
            // TLS 1.3 servers refuse a client (no certificate, an untrusted one) only after
            // the client's side of the handshake finished: still a TLS failure at start.
            const PeerInfo *p = m_session->peer(id);
            const bool tlsFailed = p && p->closeReason == CloseReason::TlsFailed;
            if (tlsFailed)
                printError(p->closeText);
            QMetaObject::invokeMethod(
                this, [this, tlsFailed] { finish(tlsFailed ? ExitNetworkError : ExitOk); },
                Qt::QueuedConnection);
        }
    });
}

void HeadlessRunner::onStateChanged()
{
    switch (m_session->state()) {
    case Session::State::Active:
        if (!m_everActive) {
            m_everActive = true;
            beginSending();
        }
        break;
    case Session::State::Failed:
        // A failure before the session ever worked is a start-up network error; print it
        // once its explanation (who holds the port) has arrived.
        if (!m_everActive && !m_session->failureDetailPending()) {
            printError(m_session->stateText());
            QMetaObject::invokeMethod(
                this, [this] { finish(ExitNetworkError); }, Qt::QueuedConnection);
        }
        break;
    default:
        break;
    }
}

void HeadlessRunner::beginSending()
{
    switch (m_options.payload) {
    case LaunchOptions::Payload::None:
        return;
    case LaunchOptions::Payload::File: {
        auto *sender = new FileSender(m_session, this);
        connect(sender, &FileSender::finished, this,
                [this](FileSender::Outcome outcome, const QString &message) {
                    if (outcome == FileSender::Outcome::Completed) {
                        afterLastSend();
                        return;
                    }
                    // The file could not be sent: not a normal end.
                    printError(message);
                    finish(ExitNetworkError);
                });
        if (!sender->start(m_options.payloadValue)) {
            printError(sender->errorString());
            finish(ExitBadArguments);
        }
        return;
    }
    case LaunchOptions::Payload::Text:
    case LaunchOptions::Payload::Hex:
        break;
    }
    ScheduledSender *sender = nullptr;
    bool started = false;
    if (m_options.intervalMs > 0) {
        auto *periodic = new PeriodicSender(m_session, this);
        periodic->setMessage(OutgoingMessage::fromBytes(m_payload));
        periodic->setInterval(m_options.intervalMs);
        periodic->setCount(m_options.count == 0 ? PeriodicSender::Forever : m_options.count);
        sender = periodic;
        started = periodic->start();
    } else {
        auto *repeat = new BackToBackSender(m_session, this);
        sender = repeat;
        started = repeat->start(m_payload, m_options.count);
    }
    connect(sender, &ScheduledSender::finished, this,
            [this](ScheduledSender::FinishReason reason, const QString &text) {
                if (reason == ScheduledSender::FinishReason::Failed) {
                    // The kernel refused a send (e.g. a broadcast address without
                    // --broadcast): the run could not do what it was asked.
                    printError(text);
                    finish(ExitNetworkError);
                    return;
                }
                if (reason == ScheduledSender::FinishReason::Disconnected)
                    printError(text);
                afterLastSend();
            });
    if (!started) {
        printError(sender->errorString());
        afterLastSend();
    }
}

void HeadlessRunner::afterLastSend()
{
    // A server keeps serving; a client or UDP sender waits briefly for replies.
    if (m_options.mode == Session::Mode::TcpServer || m_options.durationSeconds > 0)
        return;
    // The linger counts from when the socket has written everything: finishing
    // earlier would exit with the unwritten tail of the messages still queued.
    const auto pending = [this] {
        const QList<quint32> ids = m_session->peerIds();
        return std::any_of(ids.cbegin(), ids.cend(),
                           [this](quint32 id) { return m_session->pendingWriteBytes(id) > 0; });
    };
    if (pending()) {
        auto drained = std::make_shared<QMetaObject::Connection>();
        *drained = connect(m_session, &Session::peerBytesWritten, this, [this, pending, drained] {
            if (pending())
                return;
            disconnect(*drained);
            m_lingerTimer.start(m_options.lingerMs);
        });
        return;
    }
    m_lingerTimer.start(m_options.lingerMs);
}

// Past PrintHighWater queued for stdout, the session stops reading (its peers are held back by
// TCP flow control) until the printer is down to PrintLowWater: the event loop never waits for
// stdout.
void HeadlessRunner::print(const LogRecords &records)
{
    m_printer->print(records);
    if (m_readingHeld || !m_session || m_printer->queuedBytes() <= PrintHighWater)
        return;
    m_readingHeld = true;
    m_session->holdReading(true);
    m_printer->notifyWhenBelow(PrintLowWater, [this] {
        QMetaObject::invokeMethod(this, [this] {
            m_readingHeld = false;
            if (m_session)
                m_session->holdReading(false);
        }, Qt::QueuedConnection);
    });
}

bool HeadlessRunner::writeReport(QString *error) const
{
    QJsonObject report = sessionReport(*m_session, m_lag->stats());
    report.insert(QStringLiteral("exit_code"), m_exitCode);
    return writeReportFile(m_options.reportFile, report, error);
}

void HeadlessRunner::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_exitCode = exitCode;
    m_lingerTimer.stop();
    m_durationTimer.stop();
    m_lag->stop();
    if (m_session) {
        disconnect(m_session, &Session::stateChanged, this, &HeadlessRunner::onStateChanged);
        m_session->stop(); // closes peers; their last records are printed by the flush below
        m_session->flushRecords();
        m_printer->drain(); // every line is out before the report and the exit
        if (!m_options.reportFile.isEmpty()) {
            QString error;
            if (!writeReport(&error)) {
                printError(tr("Cannot write the report %1: %2").arg(m_options.reportFile, error));
                // Asked for a report and got none: not a normal end.
                if (m_exitCode == ExitOk)
                    m_exitCode = ExitBadArguments;
            }
        }
    }
    emit finished(m_exitCode);
}

} // namespace sockscope
