#include "core/transport/tcprelaysession.h"

#include "core/link/socketerrors.h"
#include "core/link/tcpconnector.h"
#include "core/link/tcplink.h"
#include "core/link/tcplistener.h"
#include "core/net/endpoint.h"
#include "core/transport/relaypacer.h"
#include "core/transport/relayrouting.h"
#include "core/transport/tcpserversession.h"

namespace sockscope {

TcpRelaySession::TcpRelaySession(QObject *parent)
    : LinkSession(Mode::Relay, parent),
      m_listener(new TcpListener(this)),
      m_pacers{new RelayPacer(this), new RelayPacer(this)}
{
    for (RelayPacer *pacer : m_pacers) {
        connect(pacer, &RelayPacer::ready, this, &TcpRelaySession::writeToPartner);
        connect(pacer, &RelayPacer::drained, this, [this](quint32 side) {
            if (m_finishAfterPacing.remove(side))
                passOnFinish(side);
            if (const auto it = m_closeAfterPacing.constFind(side);
                it != m_closeAfterPacing.constEnd()) {
                const CloseReason reason = it.value();
                m_closeAfterPacing.erase(it);
                closeOther(side, reason);
                return;
            }
            updateReading(side);
        });
    }
    connect(m_listener, &TcpListener::accepted, this, &TcpRelaySession::admit);
    watchListener(m_listener);
}

TcpRelaySession::~TcpRelaySession()
{
    for (TcpConnector *c : std::as_const(m_connecting))
        c->disconnect(this);
}

QString TcpRelaySession::upstreamText() const
{
    return formatEndpoint(m_options.upstreamHost, m_options.upstreamPort);
}

void TcpRelaySession::setEndpoint(const SessionEndpoint &e)
{
    Options o = m_options;
    o.address = e.localAddress.isNull() ? QHostAddress(QHostAddress::Any) : e.localAddress;
    o.port = e.localPort;
    o.upstreamHost = e.remoteHost;
    o.upstreamPort = e.remotePort;
    o.connectTimeoutMs = e.connectTimeoutMs;
    o.maxClients = e.maxClients;
    o.tls = e.tls;
    m_options = o;
}

void TcpRelaySession::start()
{
    if (m_listener->isListening())
        return;
    if (m_options.upstreamHost.isEmpty() || m_options.upstreamPort == 0) {
        fail(tr("No server to relay to: give its host and port."));
        return;
    }
    m_listenTls = TlsContext();
    m_upstreamTls = TlsContext();
    if (m_options.tls.enabled &&
        !makeTlsContext(m_options.tls, TlsContext::Role::Server, &m_listenTls))
        return;
    if (m_options.tls.upstream &&
        !makeTlsContext(m_options.tls, TlsContext::Role::Client, &m_upstreamTls))
        return;
    if (!listenOn(m_listener, m_options.address, m_options.port, m_options.backlog))
        return;
    const QString text =
        tr("%1; relaying to %2")
            .arg(TcpServerSession::listeningText(m_listener->serverAddress(),
                                                 m_listener->serverPort()),
                 upstreamText());
    logEvent(0, text);
    setState(State::Active, text);
}

void TcpRelaySession::stop()
{
    // Clients still waiting for their server too: their links close at once.
    cancelHandshakes();
    stopListeningAndCloseAll(m_listener);
}

bool TcpRelaySession::isListening() const
{
    return m_listener->isListening();
}

quint16 TcpRelaySession::boundPort() const
{
    return m_listener->isListening() ? m_listener->serverPort() : 0;
}

void TcpRelaySession::admit(TcpLink *link)
{
    if (m_listenTls.isNull()) {
        admitSecure(link);
        return;
    }
    if (!roomFor(link, m_options.maxClients))
        return;
    secure(link, m_listenTls, QString(), [this](Link *secured) { admitSecure(secured); });
}

void TcpRelaySession::admitSecure(Link *link)
{
    if (!roomFor(link, m_options.maxClients))
        return;
    // Not read from until its server answers: what it sends waits in the kernel.
    link->setReadPaused(true);
    const quint32 id = attach(link, PeerInfo::Side::Client);
    wire(id, link);
    updateRouting(id);
    logEvent(id, tr("Connected; connecting to the server %1…").arg(upstreamText()));
    logTlsInfo(id);
    connectUpstream(id);
}

void TcpRelaySession::connectUpstream(quint32 client)
{
    auto *connector = new TcpConnector(this);
    m_connecting.insert(client, connector);
    connect(connector, &TcpConnector::connected, this,
            [this, client](TcpLink *link) { upstreamConnected(client, link); });
    connect(connector, &TcpConnector::failed, this,
            [this, client](CloseReason reason, const QString &text) {
                upstreamFailed(client, reason, text);
            });
    TcpConnector::Target target;
    target.host = m_options.upstreamHost;
    target.port = m_options.upstreamPort;
    target.timeoutMs = m_options.connectTimeoutMs;
    connector->connectTo(target);
}

void TcpRelaySession::upstreamConnected(quint32 client, TcpLink *link)
{
    if (TcpConnector *connector = m_connecting.take(client))
        connector->deleteLater();
    if (!this->link(client)) { // the client left meanwhile
        delete link;
        return;
    }
    if (m_upstreamTls.isNull()) {
        upstreamSecured(client, link);
        return;
    }
    secure(link, m_upstreamTls, m_options.upstreamHost,
           [this, client](Link *secured) { upstreamSecured(client, secured); },
           [this, client](CloseReason reason, const QString &text, const TlsSessionInfo &refused) {
               if (!refused.verifyErrors.isEmpty())
                   emit tlsVerificationFailed(refused);
               logEvent(client, text, true);
               closeLink(client, reason, text);
           });
}

void TcpRelaySession::upstreamSecured(quint32 client, Link *link)
{
    if (!this->link(client)) { // the client left during the handshake
        delete link;
        return;
    }
    const quint32 id = attach(link, PeerInfo::Side::Upstream, client);
    wire(id, link);
    updateRouting(id);
    logEvent(id, tr("Connected to the server %1 from %2")
                     .arg(formatEndpoint(unmappedAddress(link->peerAddress()).toString(),
                                         link->peerPort()),
                          formatEndpoint(unmappedAddress(link->localAddress()).toString(),
                                         link->localPort())));
    logTlsInfo(id);
    updateReading(client);
    updateReading(id);
}

void TcpRelaySession::upstreamFailed(quint32 client, CloseReason reason, const QString &text)
{
    if (TcpConnector *connector = m_connecting.take(client))
        connector->deleteLater();
    closeLink(client, reason,
              tr("the server %1 could not be reached: %2").arg(upstreamText(), text));
}

void TcpRelaySession::wire(quint32 id, Link *link)
{
    link->setHalfOpenAllowed(true);
    link->setWaterMarks(m_options.highWater, m_options.lowWater);
    connect(link, &Link::peerFinishedSending, this, [this, id] { sideFinished(id); });
    connect(link, &Link::drained, this, [this, id] { sideDrained(id); });
}

quint32 TcpRelaySession::partnerOf(quint32 id) const
{
    const PeerInfo *p = peer(id);
    return p ? p->partner : 0;
}

bool TcpRelaySession::isClientSide(quint32 id) const
{
    const PeerInfo *p = peer(id);
    return p && p->side == PeerInfo::Side::Client;
}

// Logged and counted first, then forwarded (or held): the same bytes, shared, in order. With
// rewrite rules for the direction, ingest() hands the frames to routeFrame() instead.
void TcpRelaySession::linkReceived(quint32 id, const QByteArray &block)
{
    ingest(id, block);
    if (!routesFrames(id))
        pass(id, block);
}

void TcpRelaySession::pass(quint32 id, const QByteArray &bytes, int delayMs)
{
    PeerInfo *p = mutablePeer(id);
    if (p && p->holding) {
        m_held[id].blocks.emplace_back(bytes, delayMs);
        p->heldBytes += bytes.size();
        markPeersChanged();
        updateReading(id);
        return;
    }
    forward(id, bytes, delayMs);
}

FrameRoute TcpRelaySession::routeFrame(quint32 id, const Frame &frame)
{
    QString failure;
    const FrameRoute route = routeRelayFrame(
        m_rewrite, !isClientSide(id), frame, partnerOf(id),
        [this, id](const QByteArray &bytes, int delayMs) { pass(id, bytes, delayMs); }, &failure);
    if (!failure.isEmpty())
        logEvent(id, failure, true);
    return route;
}

void TcpRelaySession::routeBatch(quint32 id, bool begin)
{
    const bool s2c = !isClientSide(id);
    if (begin) {
        m_rewrite.beginBatch(s2c);
        return;
    }
    for (const QString &notice : m_rewrite.endBatch(s2c))
        logEvent(id, notice, true);
}

void TcpRelaySession::updateRouting(quint32 id)
{
    setRoutesFrames(id, m_rewrite.isActive(!isClientSide(id)));
}

bool TcpRelaySession::setRewriteRules(const RewriteConfig &config, AutoReplyIssue *error)
{
    if (!m_rewrite.setConfig(config, error))
        return false;
    logEvent(0, RewriteRules::describe(config));
    for (quint32 id : peerIds()) {
        const PeerInfo *p = peer(id);
        if (p && p->isOpen())
            updateRouting(id);
    }
    return true;
}

RelayPacer *TcpRelaySession::pacerFor(quint32 id) const
{
    const PeerInfo *p = peer(id);
    return m_pacers[p && p->isUpstream() ? 1 : 0];
}

void TcpRelaySession::forward(quint32 id, const QByteArray &block, int delayMs)
{
    RelayPacer *pacer = pacerFor(id);
    if (delayMs > 0 || pacer->isActive() || pacer->queuedBytes(id) > 0) { // behind what waits
        pacer->push(id, block, delayMs);
        updateReading(id);
        return;
    }
    writeToPartner(id, block);
}

void TcpRelaySession::writeToPartner(quint32 id, const QByteArray &block)
{
    Link *to = link(partnerOf(id));
    if (!to || !to->write(block)) {
        logEvent(id,
                 tr("%n byte(s) could not be passed on: the other side is closed.", nullptr,
                    int(qMin<qint64>(block.size(), INT_MAX))),
                 true);
        return;
    }
    if (to->isBackedUp())
        updateReading(id); // until `to` drains: sideDrained()
}

void TcpRelaySession::updateReading(quint32 id)
{
    Link *from = link(id);
    if (!from)
        return;
    const Link *to = link(partnerOf(id));
    const PeerInfo *p = peer(id);
    const bool overCap = p && p->heldBytes + pacerFor(id)->queuedBytes(id) >= HoldCap;
    from->setReadPaused(!to || to->isBackedUp() || overCap);
}

void TcpRelaySession::sideDrained(quint32 id)
{
    updateReading(partnerOf(id));
}

void TcpRelaySession::sideFinished(quint32 id)
{
    finishFrames(id); // a routed side's unfinished frame goes before its end of stream
    const bool client = isClientSide(id);
    PeerInfo *p = mutablePeer(id);
    if (p) {
        p->finishedSending = true;
        markPeersChanged();
    }
    if (p && p->holding) {
        m_held[id].finished = true;
        logEvent(id, client ? tr("The client finished sending (half-close); held.")
                            : tr("The server finished sending (half-close); held."));
        return;
    }
    logEvent(id, client ? tr("The client finished sending (half-close); passed on to the server.")
                        : tr("The server finished sending (half-close); passed on to the client."));
    passOnFinish(id);
}

void TcpRelaySession::passOnFinish(quint32 id)
{
    if (pacerFor(id)->queuedBytes(id) > 0) { // after the paced bytes
        m_finishAfterPacing.insert(id);
        return;
    }
    if (Link *other = link(partnerOf(id)))
        other->finishSending(); // after everything queued for it
}

void TcpRelaySession::setHolding(quint32 side, bool hold)
{
    if (setPeerHolding(side, hold) && !hold)
        releaseHeld(side); // what was held goes first
}

void TcpRelaySession::releaseHeld(quint32 side)
{
    PeerInfo *p = mutablePeer(side);
    const auto it = m_held.find(side);
    if (!p || it == m_held.end())
        return;
    Held held = std::move(it.value());
    m_held.erase(it);
    if (p->heldBytes > 0)
        logEvent(side, tr("Released %n held byte(s).", nullptr, int(qMin<qint64>(p->heldBytes, INT_MAX))));
    p->heldBytes = 0;
    markPeersChanged();
    for (const auto &[block, delayMs] : held.blocks)
        forward(side, block, delayMs);
    if (held.finished) {
        logEvent(side, tr("Passed on the held end of stream (half-close)."));
        passOnFinish(side);
    }
    updateReading(side);
}

void TcpRelaySession::dropHeld(quint32 side)
{
    PeerInfo *p = mutablePeer(side);
    const auto it = m_held.find(side);
    if (!p || it == m_held.end())
        return;
    const bool finished = it->finished;
    m_held.erase(it);
    logEvent(side, tr("Dropped %n held byte(s); they were not passed on.", nullptr,
                      int(qMin<qint64>(p->heldBytes, INT_MAX))));
    p->heldBytes = 0;
    markPeersChanged();
    if (finished) {
        if (p->holding) // still holding: the end of stream waits for the next release
            m_held[side].finished = true;
        else
            passOnFinish(side);
    }
    updateReading(side);
}

void TcpRelaySession::linkClosed(quint32 id, CloseReason reason)
{
    // What this side sent and still waits for its shaping or a rule's delay goes out before
    // the other side is closed; a reset discards it, as a reset does.
    RelayPacer *pacer = pacerFor(id);
    const bool paced =
        reason != CloseReason::Reset && pacer->queuedBytes(id) > 0 && link(partnerOf(id));
    if (!paced) {
        pacer->forget(id);
        m_finishAfterPacing.remove(id);
    }
    if (const auto held = m_held.constFind(id); held != m_held.constEnd()) {
        if (PeerInfo *p = mutablePeer(id); p && p->heldBytes > 0) {
            logEvent(id, tr("%n held byte(s) were not passed on: the connection closed.",
                            nullptr, int(qMin<qint64>(p->heldBytes, INT_MAX))),
                     true);
            p->heldBytes = 0;
        }
        m_held.erase(held);
    }
    if (TcpConnector *connector = m_connecting.take(id)) {
        connector->cancel();
        connector->deleteLater();
    }
    if (paced)
        m_closeAfterPacing.insert(id, reason); // closeOther() when the pacer has drained
    else
        closeOther(id, reason);
}

// A side closed (reason): its partner follows, as the reason says.
void TcpRelaySession::closeOther(quint32 id, CloseReason reason)
{
    const quint32 other = partnerOf(id);
    if (!link(other))
        return;
    const bool client = isClientSide(id);
    if (reason == CloseReason::Reset) {
        abortLink(other, CloseReason::Reset,
                  client ? tr("the client reset the connection; the reset was passed on")
                         : tr("the server reset the connection; the reset was passed on"));
        return;
    }
    if (reason == CloseReason::PeerClosed && link(other)->peerFinished()) {
        // Both directions are finished: the other side is done as well.
        closeLink(other, reason, tr("the peer closed the connection"));
        return;
    }
    const PeerInfo *p = peer(id);
    const QString why = p ? p->closeText : QString();
    closeLink(other, reason,
              client ? tr("the client side closed (%1)").arg(why)
                     : tr("the server side closed (%1)").arg(why));
}

void TcpRelaySession::setShaping(bool serverToClient, const Shaping &shaping)
{
    RelayPacer *pacer = m_pacers[serverToClient ? 1 : 0];
    pacer->setShape(shaping);
    logEvent(0, RelayPacer::describe(serverToClient, pacer->shape()));
}

RelayControl::Shaping TcpRelaySession::shaping(bool serverToClient) const
{
    return m_pacers[serverToClient ? 1 : 0]->shape();
}

QList<quint32> TcpRelaySession::defaultTargets(QString *whyNone)
{
    *whyNone = tr("Choose where to send: the client side or the server side of a pair.");
    return {};
}

} // namespace sockscope
