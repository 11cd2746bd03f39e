#pragma once

#include "session/session.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QNetworkInterface>

class QUdpSocket;
class QNetworkDatagram;

namespace sockscope {

// A bound UDP socket. Every distinct remote endpoint (sender or target) is
// its own peer, so each gets its own log and counters. Each datagram is one
// frame: UDP keeps message boundaries, so stream framing does not apply.
class UdpSession : public Session
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpSession)

public:
    // Largest payloads UDP can carry (65535 minus IP and UDP headers).
    static constexpr int MaxDatagramIPv4 = 65507;
    static constexpr int MaxDatagramIPv6 = 65527;

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

    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }

    void start() override; // bind (resolving the remote host first when needed)
    void stop() override;
    quint16 localPort() const;

    bool joinGroup(const QHostAddress &group, const QString &interfaceName = QString());
    bool leaveGroup(const QHostAddress &group, const QString &interfaceName = QString());

    // Sends a datagram to each given peer, or to the default target.
    SendResult send(const QByteArray &bytes, const QList<quint32> &peers = {}) override;
    // Sends to an explicit endpoint (creating its peer entry).
    SendResult sendTo(const QByteArray &bytes, const QHostAddress &address, quint16 port);
    void disconnectPeer(quint32 peerId) override; // forgets the peer

    qint64 datagramsReceived() const { return m_datagramsIn; }
    quint32 lastSender() const { return m_lastSender; } // 0: nobody yet
    qint64 datagramsSent() const { return m_datagramsOut; }

private:
    void bindNow();
    void readPending();
    quint32 peerFor(const QHostAddress &address, quint16 port);
    void forget(quint32 peerId, const QString &why);
    void limitPeers();
    bool sendOne(quint32 id, const QByteArray &bytes, QString *error);
    bool isBroadcastAddress(const QHostAddress &address);

    Options m_options;
    QUdpSocket *m_socket = nullptr;
    QHostAddress m_remote;
    quint32 m_lastSender = 0;
    int m_lookupId = -1;
    QHash<QPair<QHostAddress, quint16>, quint32> m_byEndpoint;
    qint64 m_datagramsIn = 0;
    qint64 m_datagramsOut = 0;
    // Broadcast addresses of the local interfaces, re-read every few seconds at most.
    QList<QHostAddress> m_interfaceBroadcasts;
    QElapsedTimer m_interfaceBroadcastsAge;
};

} // namespace sockscope
