#include "sendrouter.h"

#include "peerpanel.h"
#include "sendpanel.h"

#include "core/message/message.h"
#include "core/senders/filesender.h"
#include "core/senders/periodicsender.h"

namespace sockscope {

SendRouter::SendRouter(Session *session, PeerPanel *peers, SendPanel *send, QObject *parent)
    : QObject(parent), m_session(session), m_peers(peers), m_send(send)
{
    connect(m_session, &Session::peerOpened, this, [this] {
        m_clientsCame = true;
        refresh();
    });
    connect(m_session, &Session::peerClosed, this, &SendRouter::refresh);
    connect(m_session, &Session::recordsReady, this, &SendRouter::onRecords);
    m_send->setRelaySidesShown(isRelay());
    connect(m_send, &SendPanel::relaySideChanged, this, [this] {
        m_send->targetChanged();
        refresh();
    });
}

void SendRouter::setEndpointSource(std::function<SessionEndpoint()> endpoint)
{
    m_endpoint = std::move(endpoint);
}

QList<quint32> SendRouter::targets() const
{
    if (isRelay())
        return relayTargets();
    return m_peers ? m_peers->selectedPeers() : QList<quint32>();
}

QList<quint32> SendRouter::relayTargets() const
{
    const bool toServer = m_send->relaySide() == SendPanel::RelaySide::Server;
    const QList<quint32> pairs =
        PeerPanel::relayPairs(m_session, m_peers ? m_peers->selectedPeers() : QList<quint32>());
    QList<quint32> sides;
    for (quint32 client : pairs) {
        const PeerInfo *c = m_session->peer(client);
        const quint32 side = !c ? 0 : toServer ? c->partner : client;
        const PeerInfo *p = side ? m_session->peer(side) : nullptr;
        if (p && p->isOpen())
            sides.append(side);
    }
    return sides;
}

SendRouter::Facts SendRouter::facts() const
{
    Facts f;
    f.mode = m_session->mode();
    f.active = m_session->state() == Session::State::Active;
    f.openPeers = m_session->openPeerCount();
    f.clientsCame = m_clientsCame;
    if (isRelay()) {
        f.openPeers = int(PeerPanel::connectedPairs(m_session).size());
        const QList<quint32> selected = m_peers ? m_peers->selectedPeers() : QList<quint32>();
        f.selected =
            selected.isEmpty() ? 0 : int(PeerPanel::relayPairs(m_session, selected).size());
        f.toServer = m_send->relaySide() == SendPanel::RelaySide::Server;
        f.targets = int(relayTargets().size());
        return f;
    }
    f.selected = int(targets().size());
    const SessionEndpoint e = m_endpoint ? m_endpoint() : SessionEndpoint();
    f.remoteSet = !e.remoteHost.isEmpty();
    f.replyToLast = e.replyToLast;
    f.dtls = f.mode == Session::Mode::Udp && e.tls.enabled;
    f.dtlsServer = f.dtls && e.tls.hasOwnCertificate();
    if (const PeerInfo *last = f.active ? m_session->peer(m_session->lastSenderTarget()) : nullptr)
        f.lastSender = last->endpoint();
    return f;
}

SendReadiness SendRouter::readiness() const
{
    return readiness(facts());
}

SendReadiness SendRouter::readiness(const Facts &f)
{
    SendReadiness r;
    switch (f.mode) {
    case Session::Mode::TcpServer:
        if (!f.active && f.openPeers == 0)
            r.why = tr("Start listening first.");
        else if (f.openPeers == 0)
            r.why =
                f.clientsCame ? tr("No client is connected.") : tr("No client is connected yet.");
        r.label = f.openPeers == 0  ? (f.clientsCame ? tr("No client connected (all have left).")
                                                     : tr("No client connected yet."))
                  : f.selected == 0 ? tr("Send to: all %n client(s)", nullptr, f.openPeers)
                                    : tr("Send to: %n selected client(s)", nullptr, f.selected);
        break;
    case Session::Mode::TcpClient:
        if (!f.active)
            r.why = tr("Connect first.");
        break;
    case Session::Mode::Udp:
        if (f.dtls) {
            dtlsReadiness(f, &r);
            break;
        }
        if (!f.active)
            r.why = tr("Open the socket first.");
        else if (f.selected == 0 && !f.remoteSet && !f.replyToLast)
            r.why = tr("Set a remote address or select a peer.");
        r.label = f.selected > 0   ? tr("Send to: %n selected peer(s)", nullptr, f.selected)
                  : !f.replyToLast ? tr("Send to: the remote address")
                  : !f.lastSender.isEmpty() ? tr("Send to: the last sender, %1").arg(f.lastSender)
                  : f.remoteSet
                      ? tr("Send to: the remote address until a datagram arrives, then its sender")
                      : tr("Send to: the last sender (nothing received yet)");
        break;
    case Session::Mode::Relay:
        relayReadiness(f, &r);
        break;
    }
    r.ok = r.why.isEmpty();
    return r;
}

// DTLS: no remote target for a server, no broadcast or last sender; a handshake first.
void SendRouter::dtlsReadiness(const Facts &f, SendReadiness *r)
{
    if (!f.dtlsServer) {
        if (!f.active)
            r->why = tr("Start first: sends wait for the DTLS handshake with the server.");
        r->label = f.selected > 0 ? tr("Send to: %n selected peer(s)", nullptr, f.selected)
                                  : tr("Send to: the DTLS server");
        return;
    }
    if (!f.active)
        r->why = tr("Open the socket first.");
    else if (f.openPeers == 0)
        r->why = tr("No DTLS client has finished its handshake yet.");
    r->label = f.selected > 0     ? tr("Send to: %n selected peer(s)", nullptr, f.selected)
               : f.openPeers == 0 ? tr("No DTLS client yet.")
                                  : tr("Send to: all %n DTLS client(s)", nullptr, f.openPeers);
}

void SendRouter::relayReadiness(const Facts &f, SendReadiness *r)
{
    if (!f.active && f.openPeers == 0)
        r->why = tr("Start the relay first.");
    else if (f.openPeers == 0)
        r->why = f.clientsCame ? tr("No pair is connected.") : tr("No pair is connected yet.");
    else if (f.targets == 0)
        r->why = tr("No selected pair is connected.");
    if (f.openPeers == 0)
        r->label =
            f.clientsCame ? tr("No pair connected (all have left).") : tr("No pair connected yet.");
    else if (f.selected == 0)
        r->label = f.toServer
                       ? tr("Send to: the server side of all %n pair(s)", nullptr, f.targets)
                       : tr("Send to: the client side of all %n pair(s)", nullptr, f.targets);
    else
        r->label = f.toServer
                       ? tr("Send to: the server side of %n selected pair(s)", nullptr, f.targets)
                       : tr("Send to: the client side of %n selected pair(s)", nullptr, f.targets);
    if (f.openPeers > 0 && f.selected > 0 && f.targets == 0)
        r->label = r->why; // "the server side of 0 selected pairs" says less
}

void SendRouter::refresh()
{
    emit readinessChanged(readiness());
}

void SendRouter::onRecords()
{
    // With reply to last sender, a new sender changes where a send goes.
    if (const quint32 last = m_session->lastSenderTarget(); last != m_shownSender) {
        m_shownSender = last;
        refresh();
    }
}

void SendRouter::beginRun()
{
    m_clientsCame = false;
}

void SendRouter::stopSenders()
{
    stopPeriodic();
    cancelFile();
}

void SendRouter::dropSenders()
{
    delete m_periodic;
    m_periodic = nullptr;
    delete m_file;
    m_file = nullptr;
}

void SendRouter::sendNow(const MessageSpec &spec)
{
    const MessageBuildResult built = build(spec);
    if (!built.ok()) {
        m_send->showSendError(built.errorString);
        return;
    }
    // The session's default target follows the connection bar (ConnectionControl keeps the
    // session's live endpoint current), so an empty target list needs nothing more here.
    const Session::SendResult r = m_session->send(built.bytes, targets());
    if (!r.ok())
        m_send->showSendError(r.error);
    if (r.peers > 0)
        m_send->addToHistory(spec);
}

void SendRouter::startPeriodic(const MessageSpec &spec, int intervalMs, int count)
{
    // {{counter}} runs on from the last periodic run, as it does for the Send button.
    const quint64 counted = m_periodic ? m_periodic->dynamicContext().sequence() : 0;
    delete m_periodic;
    m_periodic = new PeriodicSender(m_session, this);
    m_periodic->dynamicContext().setSequence(counted);
    m_periodic->setMessage(OutgoingMessage::fromSpec(spec));
    m_periodic->setInterval(intervalMs);
    m_periodic->setCount(count);
    m_periodic->setTargets(targets());
    connect(m_periodic, &PeriodicSender::progress, this,
            [this, count](qint64 sent) { m_send->setPeriodicProgress(int(sent), count); });
    connect(m_periodic, &ScheduledSender::finished, this,
            [this](ScheduledSender::FinishReason reason, const QString &text) {
                m_send->setPeriodicRunning(false);
                if (reason == ScheduledSender::FinishReason::Disconnected ||
                    reason == ScheduledSender::FinishReason::Failed)
                    m_send->showSendError(text);
            });
    if (!m_periodic->start()) {
        m_send->showSendError(m_periodic->errorString());
        m_send->setPeriodicRunning(false);
        return;
    }
    m_send->setPeriodicRunning(true);
    m_send->addToHistory(spec);
}

void SendRouter::sendFile(const QString &path)
{
    delete m_file;
    m_file = new FileSender(m_session, this);
    connect(m_file, &FileSender::progress, m_send, &SendPanel::setFileProgress);
    connect(m_file, &FileSender::finished, this,
            [this](FileSender::Outcome outcome, const QString &message) {
                m_send->setFileFinished(outcome == FileSender::Outcome::Completed, message);
            });
    const QList<quint32> selected = targets();
    if (selected.size() > 1) {
        m_send->setFileFinished(false, isRelay() ? tr("Select one pair to send a file to.")
                                                 : tr("Select one peer to send a file to."));
        return;
    }
    if (!m_file->start(path, selected.value(0, 0)))
        m_send->setFileFinished(false, m_file->errorString());
}

void SendRouter::stopPeriodic()
{
    if (m_periodic)
        m_periodic->stop();
}

void SendRouter::cancelFile()
{
    if (m_file)
        m_file->cancel();
}

} // namespace sockscope
