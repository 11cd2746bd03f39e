#include "core/transport/udpsession.h"

#include "core/link/datagramreader.h"
#include "core/link/socketerrors.h"
#include "core/net/endpoint.h"

#include <QHostInfo>
#include <QUdpSocket>
#include <QVariant>

#include <utility>

namespace sockscope {

namespace {
// Datagrams read per wake-up at most, so a flood does not starve the event loop (the reader's
// notifier fires again on the next pass while more are queued).
constexpr int kReadBatch = 256;
// Datagrams read at most when the socket closes (bounded even while a flood goes on).
constexpr int kCloseDrainMax = 64 * 1024;

QNetworkInterface interfaceByName(const QString &name)
{
    return name.isEmpty() ? QNetworkInterface() : QNetworkInterface::interfaceFromName(name);
}
} // namespace

UdpSession::UdpSession(QObject *parent) : Session(Mode::Udp, parent)
{
    setSendErrorsLogged(true);
}

UdpSession::~UdpSession()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
}

quint16 UdpSession::localPort() const
{
    return m_socket ? m_socket->localPort() : 0;
}

void UdpSession::start()
{
    if (m_socket || m_lookupId >= 0)
        return;
    m_remote.clear();
    m_liveRemote.clear();
    if (m_options.remoteHost.isEmpty() || m_remote.setAddress(m_options.remoteHost)) {
        bindNow();
        return;
    }
    setState(State::Starting, tr("Looking up %1…").arg(m_options.remoteHost));
    m_lookupId = QHostInfo::lookupHost(m_options.remoteHost, this, [this](const QHostInfo &info) {
        m_lookupId = -1;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            fail(socketErrorText(QAbstractSocket::HostNotFoundError, m_options.remoteHost));
            return;
        }
        m_remote = addressForFamily(info.addresses(), m_options.bindAddress.protocol());
        bindNow();
    });
}

void UdpSession::bindNow()
{
    m_socket = new QUdpSocket(this);
    const QString where = formatEndpoint(m_options.bindAddress.toString(), m_options.port);
    // Shared, so several listeners of a multicast group (this app twice, or another tool
    // that also shares) can bind its port; a socket that did not share still blocks it.
    if (!m_socket->bind(m_options.bindAddress, m_options.port,
                        QAbstractSocket::ShareAddress | QAbstractSocket::ReuseAddressHint)) {
        const QAbstractSocket::SocketError error = m_socket->error();
        delete m_socket;
        m_socket = nullptr;
        if (error == QAbstractSocket::AddressInUseError)
            failPortInUse(true, m_options.port, m_options.bindAddress);
        else
            fail(tr("Cannot bind %1: %2")
                     .arg(where, socketErrorText(error, m_options.bindAddress.toString(),
                                                 m_options.port)));
        return;
    }
    m_socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption,
                              m_options.receiveBufferBytes);
    m_socket->setSocketOption(QAbstractSocket::MulticastTtlOption, m_options.multicastTtl);
    m_socket->setSocketOption(QAbstractSocket::MulticastLoopbackOption,
                              m_options.multicastLoopback ? 1 : 0);
    // Qt's own reading (readyRead) stays unused: the reader takes the datagrams.
    m_reader = DatagramReader::create(m_socket->socketDescriptor(), this);
    if (!m_reader) {
        fail(tr("Cannot read from %1: %2").arg(where, qt_error_string(errno)));
        delete m_socket;
        m_socket = nullptr;
        return;
    }
    connect(m_reader, &DatagramReader::readyRead, this, &UdpSession::readPending);
    connect(m_socket, &QAbstractSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError error) {
                // ICMP port unreachable and the like surface here; the socket stays usable.
                logEvent(0, socketErrorText(error), true);
            });
    QString text = tr("Bound to %1").arg(boundEndpointText(m_socket->localAddress(), localPort()));
    if (!m_remote.isNull())
        text += QLatin1String("; ") +
                tr("sending to %1").arg(formatEndpoint(m_remote.toString(), m_options.remotePort));
    logEvent(0, text);
    setState(State::Active, text);
    rejoinGroups();
}

QString UdpSession::whyCannotJoin(const Membership &m) const
{
    const QHostAddress &group = m.group;
    if (!group.isMulticast())
        return tr("%1 is not a multicast group address (IPv4: 224.0.0.0 to 239.255.255.255, "
                  "IPv6: ff00::/8).")
            .arg(group.toString());
    if (!m.interfaceName.isEmpty() &&
        !QNetworkInterface::interfaceFromName(m.interfaceName).isValid())
        return tr("There is no network interface named %1.").arg(m.interfaceName);
    const QHostAddress &bound = m_options.bindAddress;
    // QHostAddress::Any (IPv6 and IPv4) prints as "0.0.0.0"; it is "::" to the user.
    const QString boundText = bound == QHostAddress::Any ? QStringLiteral("::") : bound.toString();
    const bool v4Group = group.protocol() == QAbstractSocket::IPv4Protocol;
    const bool v4Socket = bound.protocol() == QAbstractSocket::IPv4Protocol;
    // The kernel takes IPv4 memberships on IPv4 sockets only (and Qt refuses the mix with
    // "Unknown error"), so say which bind would work.
    if (v4Group && !v4Socket)
        return tr("The IPv4 group %1 cannot be joined on a socket bound to %2. Bind to 0.0.0.0 "
                  "(all IPv4 interfaces) to join it.")
            .arg(group.toString(), boundText);
    if (!v4Group && v4Socket)
        return tr("The IPv6 group %1 cannot be joined on a socket bound to %2. Bind to :: to "
                  "join it.")
            .arg(group.toString(), boundText);
    // A group's datagrams are addressed to the group, so a socket bound to a unicast address
    // never receives them, joined or not.
    const bool wildcard = bound == QHostAddress::Any || bound == QHostAddress::AnyIPv4 ||
                          bound == QHostAddress::AnyIPv6 || bound == group;
    if (!wildcard)
        return tr("Not joined: a socket bound to %1 never receives datagrams sent to the group "
                  "%2 (they are addressed to the group). Bind to 0.0.0.0 (or ::) to receive "
                  "multicast.")
            .arg(boundText, group.toString());
    return {};
}

namespace {
QString interfaceText(const QString &name)
{
    if (name.isEmpty())
        return UdpSession::tr("the default interface");
    const QNetworkInterface iface = QNetworkInterface::interfaceFromName(name);
    return iface.isValid() ? iface.humanReadableName() : name;
}
} // namespace

bool UdpSession::joinNow(const Membership &m, bool rejoin)
{
    const QNetworkInterface iface = interfaceByName(m.interfaceName);
    const bool ok = iface.isValid() ? m_socket->joinMulticastGroup(m.group, iface)
                                    : m_socket->joinMulticastGroup(m.group);
    const QString where = interfaceText(m.interfaceName);
    if (ok)
        logEvent(0, rejoin ? tr("Rejoined multicast group %1 on %2 (joined before the socket was "
                                "reopened).")
                                 .arg(m.group.toString(), where)
                           : tr("Joined multicast group %1 on %2.").arg(m.group.toString(), where));
    else
        logEvent(0,
                 tr("Could not join multicast group %1 on %2: %3")
                     .arg(m.group.toString(), where, m_socket->errorString()),
                 true);
    return ok;
}

bool UdpSession::joinGroup(const QHostAddress &group, const QString &interfaceName)
{
    Membership m{group, interfaceName};
    QString why = whyCannotJoin(m);
    if (why.isEmpty() && m_memberships.contains(m))
        why = tr("Already joined multicast group %1 on %2.")
                  .arg(group.toString(), interfaceText(interfaceName));
    if (!why.isEmpty()) {
        logEvent(0, why, true);
        return false;
    }
    if (!m_socket) {
        m_memberships.append(m);
        logEvent(0, tr("Multicast group %1 on %2 will be joined when the socket opens.")
                        .arg(group.toString(), interfaceText(interfaceName)));
        return true;
    }
    if (!joinNow(m, false))
        return false;
    m.joinedBefore = true;
    m_memberships.append(m);
    return true;
}

void UdpSession::rejoinGroups()
{
    // The previous socket's memberships went with it; the new one may be bound elsewhere.
    const QList<Membership> wanted = std::exchange(m_memberships, {});
    for (const Membership &m : wanted) {
        const QString why = whyCannotJoin(m);
        if (!why.isEmpty()) {
            logEvent(0, tr("Multicast group %1 not rejoined: %2").arg(m.group.toString(), why),
                     true);
        } else if (joinNow(m, m.joinedBefore)) {
            m_memberships.append(m);
            m_memberships.last().joinedBefore = true;
        }
    }
    const Membership fromOptions{m_options.multicastGroup, m_options.multicastInterface};
    if (!fromOptions.group.isNull() && !m_memberships.contains(fromOptions))
        joinGroup(fromOptions.group, fromOptions.interfaceName);
}

bool UdpSession::leaveGroup(const QHostAddress &group, const QString &interfaceName)
{
    const Membership m{group, interfaceName};
    const QString where = interfaceText(interfaceName);
    if (!m_memberships.removeOne(m)) {
        logEvent(0, tr("Not a member of multicast group %1 on %2.").arg(group.toString(), where),
                 true);
        return false;
    }
    if (!m_socket) {
        logEvent(0, tr("Left multicast group %1 on %2.").arg(group.toString(), where));
        return true;
    }
    const QNetworkInterface iface = interfaceByName(interfaceName);
    const bool ok = iface.isValid() ? m_socket->leaveMulticastGroup(group, iface)
                                    : m_socket->leaveMulticastGroup(group);
    logEvent(0,
             ok ? tr("Left multicast group %1 on %2.").arg(group.toString(), where)
                : tr("Could not leave multicast group %1 on %2: %3")
                      .arg(group.toString(), where, m_socket->errorString()),
             !ok);
    return ok;
}

void UdpSession::stop()
{
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    if (m_socket) {
        readDatagrams(kCloseDrainMax);
        // Later: stop() may run inside the reader's read (a datagram's consequences).
        std::exchange(m_reader, nullptr)->deleteLater();
        m_socket->close();
        m_socket->deleteLater();
        m_socket = nullptr;
        logEvent(0, tr("Socket closed."));
    }
    const QList<quint32> ids = peerIds();
    for (quint32 id : ids)
        closePeer(id, CloseReason::LocalClose, tr("socket closed"));
    m_byEndpoint.clear();
    m_lastSender = 0; // a sender from before the close is not the one to answer after it
    setState(State::Idle, tr("Closed"));
    flushRecords();
}

quint32 UdpSession::peerFor(const QHostAddress &address, quint16 port)
{
    // v4-mapped senders (dual-stack sockets) are shown and keyed as plain IPv4.
    const QHostAddress a = unmappedAddress(address);
    const EndpointKey key{a, a.scopeId(), port};
    auto it = m_byEndpoint.constFind(key);
    if (it != m_byEndpoint.constEnd()) {
        const PeerInfo *p = peer(it.value());
        if (p && p->isOpen())
            return it.value();
    }
    const quint32 id = openPeer(a, port);
    m_byEndpoint.insert(key, id);
    limitPeers();
    return id;
}

void UdpSession::forget(quint32 peerId, const QString &why)
{
    if (const PeerInfo *p = peer(peerId)) {
        const EndpointKey key{p->address, p->address.scopeId(), p->port};
        if (m_byEndpoint.value(key) == peerId)
            m_byEndpoint.remove(key);
    }
    if (m_lastSender == peerId)
        m_lastSender = 0;
    closePeer(peerId, CloseReason::LocalClose, why);
}

void UdpSession::limitPeers()
{
    const int max = qMax(1, m_options.maxPeers);
    if (openPeerCount() <= max + max / 4)
        return;
    int excess = openPeerCount() - max;
    const QString why = tr("forgotten: more than %n senders", nullptr, max);
    const QList<quint32> ids = peerIds(); // oldest first
    for (quint32 id : ids) {
        if (excess == 0)
            break;
        const PeerInfo *p = peer(id);
        if (p && p->isOpen()) {
            forget(id, why);
            --excess;
        }
    }
}

void UdpSession::readPending()
{
    readDatagrams(kReadBatch);
}

void UdpSession::readDatagrams(int max)
{
    if (!m_reader)
        return;
    m_reader->read(
        max,
        [this](DatagramReader::Datagram &&d) {
            const quint32 id = peerFor(d.sender, d.port);
            ++m_datagramsIn;
            m_lastSender = id;
            ingestDatagram(id, d.data);
            return m_reader != nullptr; // stopped by what the datagram caused
        },
        [this](int error) { logEvent(0, tr("Receive failed: %1").arg(qt_error_string(error)), true); });
}

QList<quint32> UdpSession::defaultTargets(QString *whyNone)
{
    if (!m_socket) {
        *whyNone = tr("The UDP socket is not open.");
        return {};
    }
    const quint32 id = defaultTarget(whyNone);
    return id ? QList<quint32>{id} : QList<quint32>{};
}

Session::Delivery UdpSession::sendBytes(quint32 id, const QByteArray &bytes, QString *error)
{
    const PeerInfo *p = peer(id);
    if (!m_socket) {
        *error = tr("The UDP socket is not open.");
        return Delivery::Failed;
    }
    if (!p) {
        *error = tr("Unknown peer.");
        return Delivery::Failed;
    }
    if (!mayBeSent(p->address, bytes.size(), error))
        return Delivery::Failed;
    const qint64 n = m_socket->writeDatagram(bytes, p->address, p->port);
    if (n != bytes.size()) {
        *error = socketErrorText(m_socket->error(), p->address.toString(), p->port);
        return Delivery::Failed;
    }
    ++m_datagramsOut;
    return Delivery::Written;
}

bool UdpSession::mayBeSent(const QHostAddress &address, qsizetype size, QString *error)
{
    // Before the size check, so the gate is testable without putting anything on the wire.
    if (!m_options.broadcast && isBroadcastAddress(address)) {
        *error = tr("Sending to the broadcast address %1 needs the Broadcast option.")
                     .arg(address.toString());
        return false;
    }
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int limit = v6 ? MaxDatagramIPv6 : MaxDatagramIPv4;
    if (size > limit) {
        *error = tr("A UDP datagram can carry at most %1 bytes over %2; this message has %3 bytes. "
                    "Split it, or use TCP.")
                     .arg(limit)
                     .arg(v6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4"))
                     .arg(size);
        return false;
    }
    return true;
}

bool UdpSession::isBroadcastAddress(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (!isV4) // IPv6 has no broadcast
        return false;
    const QHostAddress a(v4);
    if (a == QHostAddress(QHostAddress::Broadcast))
        return true;
    // Directed broadcasts of the local subnets; the interface list costs system calls,
    // so a flood of datagrams re-reads it only now and then.
    if (!m_interfaceBroadcastsAge.isValid() || m_interfaceBroadcastsAge.hasExpired(5000)) {
        m_interfaceBroadcasts.clear();
        const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
        for (const QNetworkInterface &iface : interfaces) {
            const QList<QNetworkAddressEntry> entries = iface.addressEntries();
            for (const QNetworkAddressEntry &e : entries) {
                if (!e.broadcast().isNull())
                    m_interfaceBroadcasts.append(e.broadcast());
            }
        }
        m_interfaceBroadcastsAge.start();
    }
    return m_interfaceBroadcasts.contains(a);
}

quint32 UdpSession::defaultTarget(QString *error)
{
    if (m_options.replyToLastSender && m_lastSender != 0)
        return m_lastSender;
    if (!m_liveRemote.isNull())
        return peerFor(m_liveRemote, m_liveRemotePort);
    if (!m_remote.isNull() && m_options.remotePort != 0)
        return peerFor(m_remote, m_options.remotePort);
    *error = m_options.replyToLastSender
                 ? tr("No datagram has been received yet, so there is no sender to reply to.")
                 : tr("No remote address is set.");
    return 0;
}

Session::SendResult UdpSession::sendTo(const QByteArray &bytes, const QHostAddress &address,
                                       quint16 port)
{
    SendResult r;
    if (!m_socket) {
        r.error = tr("The UDP socket is not open.");
        return r;
    }
    // Refused sends are refused before the endpoint becomes a peer, so they leave no trace.
    if (bytes.isEmpty()) {
        r.error = tr("Nothing to send: the message is empty.");
        return r;
    }
    const QHostAddress target = unmappedAddress(address); // as its peer will show it
    if (!mayBeSent(target, bytes.size(), &r.error)) {
        logEvent(0, r.error, true);
        return r;
    }
    return send(bytes, {peerFor(target, port)});
}

void UdpSession::disconnectPeer(quint32 peerId)
{
    forget(peerId, tr("forgotten"));
}

void UdpSession::updateLiveEndpoint(const SessionEndpoint &e)
{
    m_options.broadcast = e.broadcast;
    m_options.replyToLastSender = e.replyToLast;
    if (!m_socket)
        return; // the next start() takes the whole endpoint
    // A host name is looked up only when the socket opens; until then the address found
    // then stays the target.
    const QHostAddress typed(e.remoteHost);
    const bool usable = !typed.isNull() && e.remotePort != 0;
    m_liveRemote = usable ? typed : QHostAddress();
    m_liveRemotePort = usable ? e.remotePort : 0;
}

quint32 UdpSession::lastSenderTarget() const
{
    return m_options.replyToLastSender ? m_lastSender : 0;
}

void UdpSession::setEndpoint(const SessionEndpoint &e)
{
    UdpSession::Options o;
    if (!e.localAddress.isNull())
        o.bindAddress = e.localAddress;
    o.port = e.localPort;
    o.remoteHost = e.remoteHost;
    o.remotePort = e.remotePort;
    o.broadcast = e.broadcast;
    o.replyToLastSender = e.replyToLast;
    o.multicastGroup = e.multicastGroup;
    o.multicastInterface = e.multicastInterface;
    setOptions(o);
}

} // namespace sockscope
