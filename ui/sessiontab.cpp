#include "sessiontab.h"

#include "certificatedialog.h"
#include "connectionbar.h"
#include "connectioncontrol.h"
#include "logfileactions.h"
#include "logpane.h"
#include "peerpanel.h"
#include "receiveoptions.h"
#include "rewritebutton.h"
#include "sendhistory.h"
#include "sendpanel.h"
#include "sendrouter.h"
#include "sequencedialog.h"
#include "sessionkinds.h"
#include "tlsverificationbar.h"

#include "cli/launchoptions.h"
#include "core/message/message.h"
#include "core/session/sessionsettings.h"

#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>
#include <utility>

namespace sockscope {

SessionTab::SessionTab(Session::Mode mode, QWidget *parent) : QWidget(parent), m_mode(mode)
{
    auto *layout = new QVBoxLayout(this);
    buildConnectionArea(layout);
    buildSendArea(layout, buildPeerAndLog());
    connectParts();
    connectSendPanel();
    connectSequenceDialog();
    auto *rateTimer = new QTimer(this);
    rateTimer->setInterval(1000);
    connect(rateTimer, &QTimer::timeout, this, &SessionTab::sampleRates);
    rateTimer->start();
    m_rateClock.start();
    onStateChanged();
}

SessionTab::~SessionTab()
{
    // Closing a tab stops its session; senders go first so nothing sends into a dying session.
    // (An unfinished log save goes with LogFileActions and leaves its target as it was.)
    m_router->dropSenders();
    delete m_sequenceRunner;
    // Stopping changes state; the window must not hear titleChanged/statsChanged from a dying
    // tab (when the window itself is being destroyed, its tab widget is already half gone).
    blockSignals(true);
    m_session->stop();
}

// Before any part connects to the session: the log hears of records and peers first.
void SessionTab::connectSession()
{
    connect(m_session, &Session::stateChanged, this, &SessionTab::onStateChanged);
    connect(m_session, &Session::recordsReady, this, &SessionTab::onRecords);
    connect(m_session, &Session::peersUpdated, this, &SessionTab::statsChanged);
    connect(m_session, &Session::peerOpened, this, [this](quint32 id) {
        if (const PeerInfo *p = m_session->peer(id))
            m_log->notePeer(*p); // its name, and a relay side's pair
    });
    connect(m_session, &Session::peersRemoved, this,
            [this](const QList<quint32> &ids) { m_log->model()->forgetPeerNames(ids); });
    connect(m_session, &Session::tlsVerificationFailed, m_tlsBar, &TlsVerificationBar::showRefusal);
    if (m_certificates)
        m_certificates->setSession(m_session);
}

// A session fit for the bar's endpoint (a relay's transport), heard by the tab first.
void SessionTab::createSession()
{
    m_sessionFor = m_bar->endpoint();
    m_session = sessionKind(m_mode).createSession(this, m_sessionFor);
    connectSession();
}

// The connection bar and the receive options above everything else.
void SessionTab::buildConnectionArea(QVBoxLayout *layout)
{
    m_bar = new ConnectionBar(m_mode, this);
    m_bar->setObjectName(QStringLiteral("connectionBar"));
    layout->addWidget(m_bar);
    // The tab, not ConnectionControl, hears the button: start() may replace the session
    // (and ConnectionControl with it) first.
    connect(m_bar, &ConnectionBar::startRequested, this, &SessionTab::start);
    connect(m_bar, &ConnectionBar::transportChanged, this, &SessionTab::fitSession);
    connect(m_bar, &ConnectionBar::certificatesRequested, this, &SessionTab::showCertificates);
    m_tlsBar = new TlsVerificationBar(this);
    connect(m_tlsBar, &TlsVerificationBar::connectAnywayRequested, this,
            &SessionTab::connectAnyway);
    connect(m_tlsBar, &TlsVerificationBar::showCertificateRequested, this,
            [this](const TlsSessionInfo &refused) {
                CertificateDialog *dialog = ensureCertificateDialog();
                dialog->showRefused(refused);
                dialog->show();
                dialog->raise();
            });
    createSession();
    m_connection = new ConnectionControl(m_session, m_bar, this);
    m_receive = makeReceiveOptions();
    layout->addWidget(m_receive);
    layout->addWidget(m_tlsBar);          // under the rows the user set, above what arrives
    if (m_mode == Session::Mode::Relay) { // its rewrite rules where Auto-reply would be
        m_rewrite = new RewriteButton(m_session, this);
        m_receive->addToRow(m_rewrite);
    }
}

// The peer panel (kinds with a peer list) beside the log, and the log's file actions.
QSplitter *SessionTab::buildPeerAndLog()
{
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("peerSplitter"));
    m_peerSplit = split;
    if (sessionKind(m_mode).hasPeerList)
        m_peers = new PeerPanel(m_session, sessionKind(m_mode), split);
    m_log = new LogPane(split);
    m_log->setObjectName(QStringLiteral("logPane"));
    m_log->model()->setLimits(LogStore::Limits());
    m_log->model()->setRelay(m_mode == Session::Mode::Relay);
    split->setStretchFactor(split->count() - 1, 1);
    if (m_peers)
        split->setSizes({sessionKind(m_mode).peerListWidth, 800});
    m_logFiles = new LogFileActions(m_session, m_log, this);
    return split;
}

// The send panel under the peers and the log, where its messages go, and the sequence dialog.
void SessionTab::buildSendArea(QVBoxLayout *layout, QSplitter *peersAndLog)
{
    auto *vsplit = new QSplitter(Qt::Vertical, this);
    vsplit->setObjectName(QStringLiteral("sendSplitter"));
    vsplit->addWidget(peersAndLog);
    m_send = new SendPanel(vsplit);
    m_send->setObjectName(QStringLiteral("sendPanel"));
    vsplit->setStretchFactor(0, 3);
    vsplit->setStretchFactor(1, 1);
    layout->addWidget(vsplit, 1);
    m_sequence = new SequenceDialog(this);
    m_sequence->setObjectName(QStringLiteral("sequenceDialog"));
    buildSenders();
}

// Where the send panel's and the sequence's messages go: both hold the session.
void SessionTab::buildSenders()
{
    m_router = new SendRouter(m_session, m_peers, m_send, this);
    m_router->setEndpointSource([this] { return m_bar->endpoint(); });
    m_sequenceRunner = new SequenceController(m_sequence, m_session, this);
    m_sequenceRunner->setTargetsProvider([this] { return m_router->targets(); });
}

void SessionTab::connectParts()
{
    connect(m_connection, &ConnectionControl::aboutToStart, m_router, &SendRouter::beginRun);
    connect(m_connection, &ConnectionControl::aboutToStart, m_receive,
            &ReceiveOptions::applyFraming);
    connect(m_connection, &ConnectionControl::aboutToStop, m_router, &SendRouter::stopSenders);
    connect(m_connection, &ConnectionControl::liveEndpointChanged, m_router, &SendRouter::refresh);
    if (m_peers)
        connect(m_peers, &PeerPanel::selectionChanged, this, &SessionTab::onPeerSelectionChanged);
    connect(m_router, &SendRouter::readinessChanged, this, &SessionTab::showReadiness);
    connect(m_logFiles, &LogFileActions::statusMessage, this, &SessionTab::statusMessage);
    connect(m_logFiles, &LogFileActions::recordingChanged, this, &SessionTab::recordingChanged);
}

void SessionTab::connectSendPanel()
{
    connect(m_send, &SendPanel::sendRequested, m_router, &SendRouter::sendNow);
    connect(m_send, &SendPanel::periodicStartRequested, m_router, &SendRouter::startPeriodic);
    connect(m_send, &SendPanel::periodicStopRequested, m_router, &SendRouter::stopPeriodic);
    connect(m_send, &SendPanel::sendFileRequested, m_router, &SendRouter::sendFile);
    connect(m_send, &SendPanel::sendFileCancelRequested, m_router, &SendRouter::cancelFile);
}

void SessionTab::connectSequenceDialog()
{
    connect(m_send, &SendPanel::sequenceRequested, this, [this] {
        m_sequence->show();
        m_sequence->raise();
        m_sequence->activateWindow();
    });
    connect(m_sequence, &SequenceDialog::addCurrentRequested, this,
            [this] { m_sequence->addStep(m_send->spec()); });
}

QString SessionTab::title() const
{
    return sessionKind(m_mode).title(m_bar->endpoint(), m_session->boundPort());
}

QIcon SessionTab::stateIcon() const
{
    switch (m_session->state()) {
    case Session::State::Active:
        return QIcon(QStringLiteral(":/icons/state-active.svg"));
    case Session::State::Starting:
        return QIcon(QStringLiteral(":/icons/state-starting.svg"));
    case Session::State::Failed:
        return QIcon(QStringLiteral(":/icons/state-failed.svg"));
    case Session::State::Idle:
        break;
    }
    return QIcon(QStringLiteral(":/icons/state-idle.svg"));
}

void SessionTab::start()
{
    if (!m_bar->askTlsPassphrase())
        return; // cancelled: nothing starts
    m_tlsBar->hide();
    fitSession();
    m_connection->start();
    m_bar->forgetTlsPassphrase(); // the session has it, for its own reconnects only
}

void SessionTab::connectAnyway()
{
    // A relay still runs (only its upstream connection was refused): a fresh start.
    if (m_session->state() == Session::State::Active ||
        m_session->state() == Session::State::Starting)
        stop();
    m_bar->setTlsInsecureOnce(true);
    start();
    m_bar->setTlsInsecureOnce(false);
}

CertificateDialog *SessionTab::ensureCertificateDialog()
{
    if (!m_certificates)
        m_certificates = new CertificateDialog(m_session, this);
    return m_certificates;
}

// The selected peer (the first), a client's server (its newest peer), or none. A UDP tab
// (DTLS) without a selection: its newest peer (a DTLS client's server).
quint32 SessionTab::certificatePeer() const
{
    if (m_peers) {
        const quint32 selected = m_peers->selectedPeers().value(0);
        if (selected || m_mode != Session::Mode::Udp)
            return selected;
    }
    const QList<quint32> ids = m_session->peerIds();
    return ids.isEmpty() ? 0 : ids.last();
}

void SessionTab::showCertificates()
{
    CertificateDialog *dialog = ensureCertificateDialog();
    dialog->followPeer([this] { return certificatePeer(); });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

// The session fits the bar's endpoint whenever it is stopped (the bar's transport is off
// while it runs), so the title and the receive options show what will run.
void SessionTab::fitSession()
{
    const bool idle =
        m_session->state() == Session::State::Idle || m_session->state() == Session::State::Failed;
    if (!idle || !sessionKind(m_mode).needsNewSession(m_sessionFor, m_bar->endpoint()))
        return;
    replaceSession();
    onStateChanged();
}

// Whether there is framing to choose depends on the transport too (a UDP relay: none).
ReceiveOptions *SessionTab::makeReceiveOptions()
{
    SessionKind kind = sessionKind(m_mode);
    kind.streamFraming = kind.streamFramingFor(m_sessionFor);
    return new ReceiveOptions(m_session, kind, this); // reads the kind while constructed only
}

// A relay whose transport changed needs a session of the other kind. The parts holding the
// session are made again around the new one; the bar, the log and the send panel stay, and
// the receive options carry over. A recording stops (it listened to the old session).
void SessionTab::replaceSession()
{
    const ReceiveSettings receive = m_receive->settings();
    const RelayShaping shaping = m_receive->shaping();
    if (m_logFiles->isRecording())
        m_logFiles->stopRecording();
    // Nothing of the old parts may reach the tab while they go (the tab's part pointers are
    // stale until remade): the peer panel's selection, for one, names the old router.
    if (m_peers)
        m_peers->disconnect(this);
    m_router->dropSenders();
    delete m_sequenceRunner;
    delete m_router;
    delete m_logFiles;
    delete m_connection;
    m_session->disconnect(this);
    // Deleted last: the old peer list and receive options still show it until replaced (a
    // visible header asks its model while the splitter hides it).
    std::unique_ptr<Session> old(m_session);

    createSession();
    if (m_rewrite)
        m_rewrite->setSession(m_session); // the rules carry over too
    m_connection = new ConnectionControl(m_session, m_bar, this);
    auto *receiveOptions = makeReceiveOptions();
    delete layout()->replaceWidget(m_receive, receiveOptions);
    if (m_rewrite)
        receiveOptions->addToRow(m_rewrite); // before the old part takes it along
    delete std::exchange(m_receive, receiveOptions);
    if (m_peers) {
        // Made without a parent: a splitter adds every new child of its own at the end.
        auto *peers = new PeerPanel(m_session, sessionKind(m_mode));
        delete m_peerSplit->replaceWidget(m_peerSplit->indexOf(m_peers), peers);
        m_peers = peers;
    }
    m_logFiles = new LogFileActions(m_session, m_log, this);
    buildSenders();
    connectParts();
    connectSendPanel();
    m_receive->setSettings(receive);
    m_receive->setShaping(shaping);
}

void SessionTab::stop()
{
    m_connection->stop();
}

void SessionTab::onStateChanged()
{
    m_connection->showState();
    m_router->refresh();
    emit titleChanged();
}

void SessionTab::onRecords(const LogRecords &records)
{
    for (const LogRecord &r : records) {
        if (r.kind == LogRecord::Kind::Rx)
            ++m_rxMessages;
        else if (r.kind == LogRecord::Kind::Tx)
            ++m_txMessages;
    }
    m_log->appendRecords(records);
    emit statsChanged();
}

void SessionTab::onPeerSelectionChanged()
{
    // The selection itself: in a relay, targets() are the chosen sides of every open pair
    // when none is selected, and the log filter maps a pair to both its sides.
    m_log->setPeerFilter(m_peers->selectedPeers());
    if (m_certificates && m_certificates->isVisible())
        m_certificates->followPeer([this] { return certificatePeer(); });
    m_send->targetChanged();
    m_router->refresh();
}

void SessionTab::showReadiness(const SendReadiness &r)
{
    if (m_peers)
        m_peers->setTargetText(r.label);
    m_send->setConnected(r.ok, r.why);
    m_sequence->setConnected(r.ok, r.why);
}

SessionTab::Stats SessionTab::stats() const
{
    Stats s;
    s.rxBytes = m_session->rxBytesTotal() - m_rxBase;
    s.txBytes = m_session->txBytesTotal() - m_txBase;
    s.rxMessages = m_rxMessages;
    s.txMessages = m_txMessages;
    s.rxRate = m_rxRate;
    s.txRate = m_txRate;
    s.peers = m_session->openPeerCount();
    return s;
}

void SessionTab::resetCounters()
{
    m_rxBase = m_session->rxBytesTotal();
    m_txBase = m_session->txBytesTotal();
    m_rxMessages = 0;
    m_txMessages = 0;
    emit statsChanged();
}

bool SessionTab::isRecording() const
{
    return m_logFiles->isRecording();
}

QString SessionTab::recordingPath() const
{
    return m_logFiles->recordingPath();
}

void SessionTab::saveLog()
{
    m_logFiles->saveLog();
}

void SessionTab::saveLogTo(const QString &path, LogExport::Format format)
{
    m_logFiles->saveLogTo(path, format);
}

void SessionTab::stopRecording()
{
    m_logFiles->stopRecording();
}

void SessionTab::sampleRates()
{
    const double seconds = qMax<qint64>(1, m_rateClock.restart()) / 1000.0;
    const qint64 rx = m_session->rxBytesTotal();
    const qint64 tx = m_session->txBytesTotal();
    m_rxRate = (rx - m_lastRx) / seconds;
    m_txRate = (tx - m_lastTx) / seconds;
    m_lastRx = rx;
    m_lastTx = tx;
    emit statsChanged();
}

void SessionTab::applyLaunchOptions(const LaunchOptions &o)
{
    // What applies to this tab's kind: options without --mode still carry a host or port.
    LaunchOptions forThisTab = o;
    forThisTab.mode = m_mode;
    m_bar->setEndpoint(forThisTab.overlay(m_bar->endpoint()));
    ReceiveSettings receive = m_receive->settings();
    receive.framing = o.framing;
    receive.s2cFraming = o.s2cFramingGiven ? std::optional(o.s2cFraming) : std::nullopt;
    receive.echo = o.echo;
    m_receive->setSettings(receive);
    m_receive->setShaping({{o.c2sDelayMs, o.c2sRate}, {o.s2cDelayMs, o.s2cRate}});
    if (o.hexDisplay)
        m_log->setDisplayMode(LogModel::DisplayMode::Hex);
    else
        m_log->setDisplayMode(o.encoding == Encoding::Gbk      ? LogModel::DisplayMode::Gbk
                              : o.encoding == Encoding::Latin1 ? LogModel::DisplayMode::Latin1
                                                               : LogModel::DisplayMode::Utf8);
    MessageSpec spec = m_send->spec();
    spec.encoding = o.encoding;
    m_send->setSpec(spec);
    emit titleChanged();
    if (o.startNow)
        start();
}

void SessionTab::saveState(QSettings &s) const
{
    s.setValue(QStringLiteral("mode"), Session::modeName(m_mode));
    saveEndpoint(s, m_bar->endpoint());
    ReceiveSettings receive = m_receive->settings();
    if (m_rewrite)
        receive.rewrite = m_rewrite->config();
    saveReceiveSettings(s, receive);
    m_receive->saveState(s);
    saveLayout(s);
}

// What the user arranged: splitter sizes, the log's and the send panel's choices, the send
// history and presets, the sequence.
void SessionTab::saveLayout(QSettings &s) const
{
    // Every named splitter of the tab (peer list, log, hex dump, send panel) keeps its sizes.
    const auto splitters = findChildren<QSplitter *>();
    for (const QSplitter *split : splitters)
        if (!split->objectName().isEmpty())
            s.setValue(QStringLiteral("splitters/") + split->objectName(), split->saveState());
    s.beginGroup(QStringLiteral("log"));
    m_log->saveState(s);
    s.endGroup();
    s.beginGroup(QStringLiteral("send"));
    m_send->saveState(s);
    m_send->historyModel()->save(s, QStringLiteral("history"));
    m_send->presetModel()->save(s, QStringLiteral("presets"));
    s.endGroup();
    m_sequence->saveState(s);
}

void SessionTab::restoreState(QSettings &s)
{
    m_bar->setEndpoint(loadEndpoint(s, m_bar->endpoint()));
    const ReceiveSettings receive = loadReceiveSettings(s, m_receive->settings());
    m_receive->setSettings(receive);
    m_receive->restoreState(s);
    if (m_rewrite)
        m_rewrite->setConfig(receive.rewrite);
    restoreLayout(s);
    emit titleChanged();
}

void SessionTab::restoreLayout(QSettings &s)
{
    const auto splitters = findChildren<QSplitter *>();
    for (QSplitter *split : splitters) {
        const QByteArray state =
            s.value(QStringLiteral("splitters/") + split->objectName()).toByteArray();
        if (!split->objectName().isEmpty() && !state.isEmpty())
            split->restoreState(state);
    }
    s.beginGroup(QStringLiteral("log"));
    m_log->restoreState(s);
    s.endGroup();
    s.beginGroup(QStringLiteral("send"));
    m_send->restoreState(s);
    m_send->historyModel()->load(s, QStringLiteral("history"));
    m_send->presetModel()->load(s, QStringLiteral("presets"));
    s.endGroup();
    m_sequence->restoreState(s);
}

} // namespace sockscope
