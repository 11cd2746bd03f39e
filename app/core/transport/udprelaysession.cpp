#include "core/transport/udprelaysession.h"

#include "core/link/socketerrors.h"
#include "core/net/endpoint.h"
#include "core/net/udplimits.h"
#include "core/transport/relaypacer.h"
#include "core/transport/relayrouting.h"

#include <QHostInfo>
#include <QNetworkDatagram>
#include <QPointer>
#include <QUdpSocket>

namespace sockscope {

namespace {
QString clientKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + u'|' + QString::number(port);
}
} // namespace

UdpRelaySession::UdpRelaySession(QObject *parent)
    : Session(Mode::Relay, parent), m_pacers{new RelayPacer(this), new RelayPacer(this)}
{
    for (RelayPacer *pacer : m_pacers) {
        pacer->setWholeItems(true);
        connect(pacer, &RelayPacer::ready, this, &UdpRelaySession::writeOut);
    }
    setSendErrorsLogged(true);
    m_clock.start();
    connect(&m_idleTimer, &QTimer::timeout, this, &UdpRelaySession::expireIdle);
}

UdpRelaySession::~UdpRelaySession()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
}

qint64 UdpRelaySession::nowMs() const
{
    return m_clock.elapsed();
}

QString UdpRelaySession::upstreamText() const
{
    return formatEndpoint(m_options.upstreamHost, m_options.upstreamPort);
}

void UdpRelaySession::setEndpoint(const SessionEndpoint &e)
{
    m_options.address = e.localAddress.isNull() ? QHostAddress(QHostAddress::Any) : e.localAddress;
    m_options.port = e.localPort;
    m_options.upstreamHost = e.remoteHost;
    m_options.upstreamPort = e.remotePort;
    m_options.maxClients = e.maxClients;
}

void UdpRelaySession::start()
{
    if (m_listen || m_lookupId >= 0)
        return;
    if (m_options.upstreamHost.isEmpty() || m_options.upstreamPort == 0) {
        fail(tr("No server to relay to: give its host and port."));
        return;
    }
    const QHostAddress literal(m_options.upstreamHost);
    if (!literal.isNull()) {
        resolved(literal);
        return;
    }
    setState(State::Starting, tr("Looking up %1…").arg(m_options.upstreamHost));
    m_lookupId = QHostInfo::lookupHost(m_options.upstreamHost, this, [this](const QHostInfo &info) {
        m_lookupId = -1;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            fail(tr("Cannot find the server %1: %2").arg(upstreamText(), info.errorString()));
            return;
        }
        resolved(info.addresses().first());
    });
}

void UdpRelaySession::resolved(const QHostAddress &server)
{
    m_server = server;
    listen();
}

void UdpRelaySession::listen()
{
    m_listen = new QUdpSocket(this);
    if (!m_listen->bind(m_options.address, m_options.port)) {
        const QAbstractSocket::SocketError error = m_listen->error();
        delete m_listen;
        m_listen = nullptr;
        if (error == QAbstractSocket::AddressInUseError)
            failPortInUse(true, m_options.port, m_options.address);
        else
            fail(tr("Cannot bind %1: %2")
                     .arg(formatEndpoint(m_options.address.toString(), m_options.port),
                          socketErrorText(error, m_options.address.toString(), m_options.port)));
        return;
    }
    connect(m_listen, &QUdpSocket::readyRead, this, &UdpRelaySession::readClients);
    m_idleTimer.start(qBound(50, m_options.idleTimeoutMs / 4, 5000));
    const QString text = tr("Bound to %1; relaying datagrams to %2")
                             .arg(boundEndpointText(m_listen->localAddress(), boundPort()),
                                  formatEndpoint(m_server.toString(), m_options.upstreamPort));
    logEvent(0, text);
    setState(State::Active, text);
}

void UdpRelaySession::stop()
{
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    const QList<quint32> clients = m_mappings.keys();
    for (quint32 c : clients)
        closeMapping(c, CloseReason::LocalClose, tr("closed by you"));
    m_idleTimer.stop();
    if (m_listen) {
        m_listen->disconnect(this);
        m_listen->deleteLater();
        m_listen = nullptr;
        logEvent(0, tr("Stopped."));
    }
    setState(State::Idle, tr("Stopped"));
    flushRecords();
}

quint16 UdpRelaySession::boundPort() const
{
    return m_listen ? m_listen->localPort() : 0;
}

UdpRelaySession::Mapping *UdpRelaySession::mappingFor(const QHostAddress &address, quint16 port)
{
    const QString key = clientKey(address, port);
    if (const quint32 c = m_byClient.value(key))
        return &m_mappings[c];
    if (openPeerCount() >= m_options.maxClients) {
        noteLost(0, 0, tr("the limit of %n client(s) is reached", nullptr, m_options.maxClients));
        return nullptr;
    }
    auto *socket = new QUdpSocket(this);
    const QHostAddress any = m_server.protocol() == QAbstractSocket::IPv6Protocol
                                 ? QHostAddress(QHostAddress::AnyIPv6)
                                 : QHostAddress(QHostAddress::AnyIPv4);
    if (!socket->bind(any, 0)) {
        noteLost(0, 0, socketErrorText(socket->error()));
        delete socket;
        return nullptr;
    }
    Mapping m;
    m.address = address;
    m.port = port;
    m.socket = socket;
    m.lastActiveMs = nowMs();
    m.client = openPeer(address, port, PeerInfo::Side::Client);
    m.upstream = openPeer(m_server, m_options.upstreamPort, PeerInfo::Side::Upstream, m.client);
    setRoutesFrames(m.client, m_rewrite.isActive(false));
    setRoutesFrames(m.upstream, m_rewrite.isActive(true));
    const quint32 client = m.client;
    connect(socket, &QUdpSocket::readyRead, this, [this, client] { readUpstream(client); });
    m_byClient.insert(key, client);
    m_clientOfUpstream.insert(m.upstream, client);
    logEvent(client, tr("New client; passing its datagrams to %1 from %2")
                         .arg(formatEndpoint(m_server.toString(), m_options.upstreamPort),
                              boundEndpointText(socket->localAddress(), socket->localPort())));
    return &m_mappings.insert(client, m).value();
}

void UdpRelaySession::readClients()
{
    QPointer<UdpRelaySession> self(this);
    for (int i = 0; i < ReadBatch && m_listen && m_listen->hasPendingDatagrams(); ++i) {
        const QNetworkDatagram d = m_listen->receiveDatagram(MaxDatagramIPv6);
        if (!d.isValid())
            break;
        Mapping *m = mappingFor(unmappedAddress(d.senderAddress()), quint16(d.senderPort()));
        if (!m)
            continue;
        m->lastActiveMs = nowMs();
        const quint32 client = m->client;
        ingestDatagram(client, d.data()); // routed: passed on from routeFrame()
        if (!self)
            return;
        if (!routesFrames(client))
            pass(client, d.data());
    }
    if (m_listen && m_listen->hasPendingDatagrams())
        QMetaObject::invokeMethod(this, &UdpRelaySession::readClients, Qt::QueuedConnection);
}

void UdpRelaySession::readUpstream(quint32 client)
{
    for (int i = 0; i < ReadBatch; ++i) {
        const auto it = m_mappings.constFind(client);
        if (it == m_mappings.constEnd() || !m_listen || !it->socket->hasPendingDatagrams())
            return;
        const Mapping m = it.value();
        const QNetworkDatagram d = m.socket->receiveDatagram(MaxDatagramIPv6);
        if (!d.isValid())
            return;
        // Only the server's answers are passed on, as a NAT would.
        if (unmappedAddress(d.senderAddress()) != unmappedAddress(m_server) ||
            quint16(d.senderPort()) != m_options.upstreamPort)
            continue;
        m_mappings[client].lastActiveMs = nowMs();
        ingestDatagram(m.upstream, d.data());
        if (!routesFrames(m.upstream))
            pass(m.upstream, d.data());
    }
    const auto it = m_mappings.constFind(client);
    if (it != m_mappings.constEnd() && it->socket->hasPendingDatagrams())
        QMetaObject::invokeMethod(
            this, [this, client] { readUpstream(client); }, Qt::QueuedConnection);
}

// Now, or through the direction's shaping (behind what already waits there).
void UdpRelaySession::passOn(quint32 from, const QByteArray &datagram, int delayMs)
{
    RelayPacer *pacer = m_pacers[isUpstreamSide(from) ? 1 : 0];
    if (delayMs <= 0 && !pacer->isActive() && pacer->queuedBytes(from) == 0)
        writeOut(from, datagram);
    else if (pacer->queuedBytes(from) + datagram.size() > HoldCap)
        noteLost(from, datagram.size(), tr("too many datagrams wait for the shaping"));
    else
        pacer->push(from, datagram, delayMs);
}

bool UdpRelaySession::isUpstreamSide(quint32 id) const
{
    const PeerInfo *p = peer(id);
    return p && p->isUpstream();
}

FrameRoute UdpRelaySession::routeFrame(quint32 id, const Frame &frame)
{
    const PeerInfo *p = peer(id);
    QString failure;
    const FrameRoute route = routeRelayFrame(
        m_rewrite, isUpstreamSide(id), frame, p ? p->partner : 0,
        [this, id](const QByteArray &bytes, int delayMs) { pass(id, bytes, delayMs); }, &failure);
    if (!failure.isEmpty())
        logEvent(id, failure, true);
    return route;
}

void UdpRelaySession::routeBatch(quint32 id, bool begin)
{
    const bool s2c = isUpstreamSide(id);
    if (begin) {
        m_rewrite.beginBatch(s2c);
        return;
    }
    for (const QString &notice : m_rewrite.endBatch(s2c))
        logEvent(id, notice, true);
}

bool UdpRelaySession::setRewriteRules(const RewriteConfig &config, AutoReplyIssue *error)
{
    if (!m_rewrite.setConfig(config, error))
        return false;
    logEvent(0, RewriteRules::describe(config));
    for (quint32 id : peerIds()) {
        const PeerInfo *p = peer(id);
        if (p && p->isOpen())
            setRoutesFrames(id, m_rewrite.isActive(p->isUpstream()));
    }
    return true;
}

void UdpRelaySession::pass(quint32 from, const QByteArray &datagram, int delayMs)
{
    PeerInfo *p = mutablePeer(from);
    if (!p || !p->holding) {
        passOn(from, datagram, delayMs);
        return;
    }
    if (p->heldBytes + datagram.size() > HoldCap) {
        noteLost(from, datagram.size(), tr("the hold is full"));
        return;
    }
    m_held[from].append({datagram, delayMs});
    p->heldBytes += datagram.size();
    markPeersChanged();
}

void UdpRelaySession::writeOut(quint32 from, const QByteArray &datagram)
{
    const bool fromClient = m_mappings.contains(from);
    const quint32 client = fromClient ? from : m_clientOfUpstream.value(from);
    const auto it = m_mappings.constFind(client);
    if (it == m_mappings.constEnd() || !m_listen)
        return;
    QUdpSocket *out = fromClient ? it->socket : m_listen;
    const qint64 n = fromClient ? out->writeDatagram(datagram, m_server, m_options.upstreamPort)
                                : out->writeDatagram(datagram, it->address, it->port);
    if (n != datagram.size())
        noteLost(from, datagram.size(), socketErrorText(out->error()));
    else
        noteWritten(fromClient ? it->upstream : client, datagram.size());
}

void UdpRelaySession::setHolding(quint32 side, bool hold)
{
    if (setPeerHolding(side, hold) && !hold)
        releaseHeld(side); // what was held goes first
}

void UdpRelaySession::releaseHeld(quint32 side)
{
    PeerInfo *p = mutablePeer(side);
    const auto held = m_held.take(side);
    if (!p || held.isEmpty())
        return;
    logEvent(side, tr("Released %n held datagram(s).", nullptr, int(held.size())));
    p->heldBytes = 0;
    markPeersChanged();
    for (const auto &[d, delayMs] : held)
        passOn(side, d, delayMs);
}

void UdpRelaySession::dropHeld(quint32 side)
{
    PeerInfo *p = mutablePeer(side);
    const auto held = m_held.take(side);
    if (!p || held.isEmpty())
        return;
    logEvent(side, tr("Dropped %n held datagram(s); they were not passed on.", nullptr,
                      int(held.size())));
    p->heldBytes = 0;
    markPeersChanged();
}

void UdpRelaySession::noteLost(quint32 id, qint64 bytes, const QString &why)
{
    ++m_lost;
    if (m_losing)
        return;
    m_losing = true; // said once per run of losses: a flood must not flood the log too
    logEvent(id,
             bytes > 0 ? tr("A datagram of %n byte(s) was lost: %1", nullptr, int(bytes)).arg(why)
                       : tr("A datagram was lost: %1").arg(why),
             true);
    QMetaObject::invokeMethod(this, [this] { m_losing = false; }, Qt::QueuedConnection);
}

void UdpRelaySession::closeMapping(quint32 client, CloseReason reason, const QString &text)
{
    const auto it = m_mappings.find(client);
    if (it == m_mappings.end())
        return;
    const Mapping m = it.value();
    m_mappings.erase(it);
    m_byClient.remove(clientKey(m.address, m.port));
    m_clientOfUpstream.remove(m.upstream);
    m.socket->disconnect(this);
    m.socket->deleteLater();
    m_held.remove(m.client);
    m_held.remove(m.upstream);
    m_pacers[0]->forget(m.client);
    m_pacers[1]->forget(m.upstream);
    closePeer(m.upstream, reason, text);
    closePeer(m.client, reason, text);
}

void UdpRelaySession::expireIdle()
{
    const qint64 now = nowMs();
    QList<quint32> idle;
    for (auto it = m_mappings.cbegin(); it != m_mappings.cend(); ++it) {
        if (now - it->lastActiveMs >= m_options.idleTimeoutMs)
            idle.append(it.key());
    }
    for (quint32 c : std::as_const(idle))
        closeMapping(c, CloseReason::Timeout,
                     tr("no datagram either way for %1 s").arg(m_options.idleTimeoutMs / 1000.0));
}

void UdpRelaySession::disconnectPeer(quint32 peerId)
{
    const quint32 client = m_mappings.contains(peerId) ? peerId : m_clientOfUpstream.value(peerId);
    closeMapping(client, CloseReason::LocalClose, tr("closed by you"));
}

void UdpRelaySession::setShaping(bool serverToClient, const Shaping &shaping)
{
    RelayPacer *pacer = m_pacers[serverToClient ? 1 : 0];
    pacer->setShape(shaping);
    logEvent(0, RelayPacer::describe(serverToClient, pacer->shape()));
}

RelayControl::Shaping UdpRelaySession::shaping(bool serverToClient) const
{
    return m_pacers[serverToClient ? 1 : 0]->shape();
}

QList<quint32> UdpRelaySession::defaultTargets(QString *whyNone)
{
    *whyNone = tr("Choose where to send: the client side or the server side of a pair.");
    return {};
}

Session::Delivery UdpRelaySession::sendBytes(quint32 id, const QByteArray &bytes, QString *error)
{
    const bool toClient = m_mappings.contains(id);
    const quint32 client = toClient ? id : m_clientOfUpstream.value(id);
    const auto it = m_mappings.constFind(client);
    if (it == m_mappings.constEnd() || !m_listen)
        return Delivery::Gone;
    const bool v6 = (toClient ? it->address : m_server).protocol() == QAbstractSocket::IPv6Protocol;
    if (bytes.size() > (v6 ? MaxDatagramIPv6 : MaxDatagramIPv4)) {
        *error = tr("A UDP datagram can carry at most %1 bytes; this message has %2 bytes.")
                     .arg(v6 ? MaxDatagramIPv6 : MaxDatagramIPv4)
                     .arg(bytes.size());
        return Delivery::Failed;
    }
    QUdpSocket *socket = toClient ? m_listen : it->socket;
    const qint64 n = toClient ? socket->writeDatagram(bytes, it->address, it->port)
                              : socket->writeDatagram(bytes, m_server, m_options.upstreamPort);
    if (n != bytes.size()) {
        *error = socketErrorText(socket->error());
        return Delivery::Failed;
    }
    return Delivery::Written;
}

} // namespace sockscope
