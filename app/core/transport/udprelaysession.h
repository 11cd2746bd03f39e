#pragma once

#include "core/autoreply/rewriterules.h"
#include "core/session/relaycontrol.h"
#include "core/session/session.h"

#include <QHash>
#include <QHostAddress>
#include <QElapsedTimer>
#include <QTimer>

class QUdpSocket;

namespace sockscope {

class RelayPacer;

// The relay over UDP, like a NAT: datagrams from each client address go to the upstream
// server from a socket of that client's own (a mapping), and what the server answers to that
// socket goes back to that client. Each mapping is a pair of peers (client side, upstream
// side) as in TcpRelaySession; a mapping quiet for idleTimeoutMs is closed (its socket freed).
// Datagrams are forwarded whole and unchanged; one that cannot be sent (the kernel's buffer
// full) is lost as UDP loses it, counted and logged (once per run of losses). Rewrite rules
// see each datagram as a frame: replaced, dropped or delayed whole.
class UdpRelaySession : public Session, public RelayControl
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpRelaySession)

public:
    struct Options
    {
        QHostAddress address = QHostAddress(QHostAddress::Any);
        quint16 port = 0;
        QString upstreamHost; // an address or a name (looked up once, at start)
        quint16 upstreamPort = 0;
        int maxClients = 10000;
        int idleTimeoutMs = 60000;
    };
    // Datagrams read per wake-up of a socket at most: the event loop turns between batches.
    static constexpr int ReadBatch = 128;

    explicit UdpRelaySession(QObject *parent = nullptr);
    ~UdpRelaySession() override;

    void setEndpoint(const SessionEndpoint &endpoint) override;
    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }
    QString upstreamText() const;

    void start() override;
    void stop() override;
    quint16 boundPort() const override;
    // Closes the mapping the peer belongs to (both sides).
    void disconnectPeer(quint32 peerId) override;
    qint64 datagramsLost() const { return m_lost; }

    RelayControl *relay() override { return this; }
    void setHolding(quint32 side, bool hold) override;
    void releaseHeld(quint32 side) override;
    void dropHeld(quint32 side) override;
    void setShaping(bool serverToClient, const Shaping &shaping) override;
    Shaping shaping(bool serverToClient) const override;
    bool setRewriteRules(const RewriteConfig &config, AutoReplyIssue *error = nullptr) override;
    const RewriteConfig &rewriteRules() const override { return m_rewrite.config(); }

private:
    struct Mapping
    {
        quint32 client = 0;
        quint32 upstream = 0;
        QHostAddress address; // the client's
        quint16 port = 0;
        QUdpSocket *socket = nullptr; // towards the server
        qint64 lastActiveMs = 0;
    };
    void resolved(const QHostAddress &server);
    void listen();
    void readClients();
    void readUpstream(quint32 client);
    Mapping *mappingFor(const QHostAddress &address, quint16 port);
    void closeMapping(quint32 client, CloseReason reason, const QString &text);
    void expireIdle();
    void noteLost(quint32 id, qint64 bytes, const QString &why);
    // What `from` (a side's peer) sent, to the other side; or held, if `from` is holding.
    void pass(quint32 from, const QByteArray &datagram, int delayMs = 0);
    void passOn(quint32 from, const QByteArray &datagram, int delayMs = 0);
    FrameRoute routeFrame(quint32 id, const Frame &frame) override;
    void routeBatch(quint32 id, bool begin) override;
    bool isUpstreamSide(quint32 id) const;
    void writeOut(quint32 from, const QByteArray &datagram);
    QList<quint32> defaultTargets(QString *whyNone) override;
    Delivery sendBytes(quint32 id, const QByteArray &bytes, QString *error) override;
    qint64 nowMs() const;

    Options m_options;
    QHostAddress m_server;
    QUdpSocket *m_listen = nullptr;
    QHash<quint32, Mapping> m_mappings;             // by client peer
    QHash<QString, quint32> m_byClient;             // "addr|port" → client peer
    QHash<quint32, quint32> m_clientOfUpstream;     // upstream peer → client peer
    QTimer m_idleTimer;
    QElapsedTimer m_clock;
    int m_lookupId = -1;
    QHash<quint32, QList<std::pair<QByteArray, int>>> m_held; // by sending side, with delays
    RelayPacer *m_pacers[2];                   // client→server, server→client
    qint64 m_lost = 0;
    bool m_losing = false;
    RewriteRules m_rewrite;
};

} // namespace sockscope
