#pragma once

#include "core/net/udplimits.h"
#include "core/session/multicastcontrol.h"
#include "core/session/session.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QNetworkInterface>
#include <QTimer>

class QUdpSocket;

namespace sockscope {

class DatagramReader;

// A bound UDP socket. Every distinct remote endpoint (sender or target) is
// its own peer, so each gets its own log and counters. Each datagram is one
// frame: UDP keeps message boundaries, so stream framing does not apply.
class UdpSession : public Session, public MulticastControl
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpSession)

public:
    // Largest payloads UDP can carry (65535 minus IP and UDP headers).
    static constexpr int MaxDatagramIPv4 = sockscope::MaxDatagramIPv4;
    static constexpr int MaxDatagramIPv6 = sockscope::MaxDatagramIPv6;

    struct Options
    {
        QHostAddress bindAddress = QHostAddress(QHostAddress::AnyIPv4);
        quint16 port = 0;   // 0: ephemeral
        QString remoteHost; // default target; a name is resolved at start
        quint16 remotePort = 0;
        bool replyToLastSender = false; // default target becomes whoever sent last
        bool broadcast = false;         // allow sending to broadcast addresses
        QHostAddress multicastGroup;    // joined at start when set
        QString multicastInterface;     // interface name; empty: the OS default
        int multicastTtl = 1;
        bool multicastLoopback = true;
        int receiveBufferBytes = 4 * 1024 * 1024; // absorbs bursts
        // Each sender endpoint is a peer. Beyond this many (plus a quarter, so it happens in
        // batches) the oldest are forgotten: datagrams from ever new source ports cannot
        // grow the table without bound. A forgotten sender comes back as a new peer.
        int maxPeers = 4096;
    };

    explicit UdpSession(QObject *parent = nullptr);
    ~UdpSession() override;

    void setEndpoint(const SessionEndpoint &endpoint) override;
    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }

    void start() override; // bind (resolving the remote host first when needed)
    void stop() override;
    quint16 localPort() const;
    quint16 boundPort() const override { return localPort(); }

    // Allows or refuses sending to broadcast addresses; applies at once, also while open.
    void setBroadcast(bool on) { m_options.broadcast = on; }

    // A group joined on an interface (by name; empty: the system's default interface).
    struct Membership
    {
        QHostAddress group;
        QString interfaceName;
        bool joinedBefore = false; // joined on an earlier socket (not part of the identity)
        bool operator==(const Membership &o) const
        {
            return group == o.group && interfaceName == o.interfaceName;
        }
    };
    // Joins now (or, while closed, when the socket opens). Memberships outlive the socket:
    // a reopened socket rejoins them and logs it. A join that cannot work is refused with
    // the reason logged: wrong family, a socket bound to a unicast address, twice.
    bool joinGroup(const QHostAddress &group, const QString &interfaceName = QString()) override;
    bool leaveGroup(const QHostAddress &group, const QString &interfaceName = QString()) override;
    MulticastControl *multicast() override { return this; }
    // While open: a literal remote address (with its port) replaces the resolved one for
    // sends without targets until the socket closes; Broadcast and Reply to last sender apply
    // at once.
    void updateLiveEndpoint(const SessionEndpoint &endpoint) override;
    quint32 lastSenderTarget() const override;
    QList<Membership> joinedGroups() const { return m_memberships; }

    // The peer a send without targets goes to now: the last sender (reply-to-last), else
    // the remote address (its peer created if needed); 0 with the reason when there is none.
    quint32 defaultTarget(QString *error);
    // Sends to an explicit endpoint (creating its peer entry unless the send is refused).
    SendResult sendTo(const QByteArray &bytes, const QHostAddress &address, quint16 port);
    void disconnectPeer(quint32 peerId) override; // forgets the peer

    qint64 datagramsReceived() const { return m_datagramsIn; }
    quint32 lastSender() const { return m_lastSender; } // 0: nobody yet
    qint64 datagramsSent() const { return m_datagramsOut; }

private:
    void bindNow();
    void readPending();
    // Reads up to max datagrams; true when more are still queued.
    void readDatagrams(int max);
    quint32 peerFor(const QHostAddress &address, quint16 port);
    void forget(quint32 peerId, const QString &why);
    void limitPeers();
    // send(): one datagram to each given peer, or to defaultTarget().
    QList<quint32> defaultTargets(QString *whyNone) override;
    Delivery sendBytes(quint32 id, const QByteArray &bytes, QString *error) override;
    bool mayBeSent(const QHostAddress &address, qsizetype size, QString *error);
    bool isBroadcastAddress(const QHostAddress &address);
    QString whyCannotJoin(const Membership &m) const;
    bool joinNow(const Membership &m, bool rejoin);
    void rejoinGroups();

    Options m_options;
    QUdpSocket *m_socket = nullptr;
    DatagramReader *m_reader = nullptr; // reads m_socket's datagrams
    QHostAddress m_remote;
    QHostAddress m_liveRemote; // typed while open (updateLiveEndpoint); null: m_remote
    quint16 m_liveRemotePort = 0;
    quint32 m_lastSender = 0;
    int m_lookupId = -1;
    // QHostAddress's == and qHash ignore the IPv6 scope id, yet fe80::1%eth0 and
    // fe80::1%wlan0 are different machines: the key holds it.
    struct EndpointKey
    {
        QHostAddress address;
        QString scopeId;
        quint16 port = 0;
        friend bool operator==(const EndpointKey &a, const EndpointKey &b)
        {
            return a.port == b.port && a.address == b.address && a.scopeId == b.scopeId;
        }
        friend size_t qHash(const EndpointKey &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.address, k.scopeId, k.port);
        }
    };
    QHash<EndpointKey, quint32> m_byEndpoint;
    QList<Membership> m_memberships;
    qint64 m_datagramsIn = 0;
    qint64 m_datagramsOut = 0;
    // Broadcast addresses of the local interfaces, re-read every few seconds at most.
    QList<QHostAddress> m_interfaceBroadcasts;
    QElapsedTimer m_interfaceBroadcastsAge;
};

} // namespace sockscope
