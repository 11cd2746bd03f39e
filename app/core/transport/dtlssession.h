#pragma once

#include "core/session/session.h"
#include "core/tls/tlscontext.h"

#include <QDtlsClientVerifier>
#include <QHash>
#include <QHostAddress>
#include <QSet>
#include <QTimer>

class QUdpSocket;

namespace sockscope {

class DtlsAssociation;

// DTLS over one bound UDP socket (issue #15, the UDP tab's DTLS switch). Its role comes from
// the settings: with its own certificate (certFile/keyFile or generateCertificate) it is a
// server: a client is first asked to prove its address (QDtlsClientVerifier: no state before
// that), then each client address:port gets an association of its own and becomes a peer when
// its handshake finished. Without one it is a client of the remote address: the peer opens, and
// the session becomes Active, when the handshake with the server finished.
//
// Each decrypted datagram is one frame (as UdpSession). A peer's close_notify closes it
// (peer-closed); stop() sends ours to each. A verified hello from an open peer's address:port
// (the client restarted) replaces its session. Bounded: maxPeers associations (handshaking
// included; past it the oldest open peer is forgotten, as UdpSession does), a capped number of
// datagrams per wake-up, no queue of its own.
class DtlsSession : public Session
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DtlsSession)

public:
    struct Options
    {
        QHostAddress bindAddress = QHostAddress(QHostAddress::AnyIPv4);
        quint16 port = 0;   // 0: ephemeral
        QString remoteHost; // client: the server (a name is resolved at start)
        quint16 remotePort = 0;
        TlsSettings tls;
        int receiveBufferBytes = 4 * 1024 * 1024;
        // Associations at once (handshaking or open); a new client beyond forgets the oldest
        // open one (one that vanished without a close_notify would otherwise stay for good).
        int maxPeers = 4096;
    };

    explicit DtlsSession(QObject *parent = nullptr);
    ~DtlsSession() override;

    void setEndpoint(const SessionEndpoint &endpoint) override;
    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }

    void start() override;
    void stop() override;
    quint16 boundPort() const override;
    void disconnectPeer(quint32 peerId) override;
    QSslCertificate tlsCertificate() const override;

    // The role start() takes with these settings: a server when it has its own certificate.
    static bool isServer(const TlsSettings &settings);
    // Datagrams that were not DTLS (or did not decrypt), ignored.
    qint64 ignoredDatagrams() const { return m_ignored; }

private:
    bool makeContext();
    void resolveThenBind();
    void bindNow();
    void teardown();
    void readPending();
    bool readDatagrams(int max);
    void route(const QHostAddress &address, quint16 port, const QByteArray &datagram);
    void admitHello(const QHostAddress &address, quint16 port, const QByteArray &datagram);
    bool makeRoom();
    // Ends an association and closes its peer (LocalClose, why); notify: with our close_notify.
    void forget(DtlsAssociation *association, const QString &why, bool notify = true);
    DtlsAssociation *associate(const QHostAddress &address, quint16 port);
    void onEstablished(DtlsAssociation *association);
    void onFailed(DtlsAssociation *association, const QString &text,
                  const TlsSessionInfo &refused);
    void dropAssociation(DtlsAssociation *association);
    void noteIgnored(const QHostAddress &address, quint16 port, const QString &why);
    void logHandshakeInfo(quint32 id);
    QString target() const;
    QList<quint32> defaultTargets(QString *whyNone) override;
    Delivery sendBytes(quint32 id, const QByteArray &bytes, QString *error) override;

    struct EndpointKey
    {
        QHostAddress address;
        quint16 port = 0;
        friend bool operator==(const EndpointKey &a, const EndpointKey &b)
        {
            return a.port == b.port && a.address == b.address &&
                   a.address.scopeId() == b.address.scopeId();
        }
        friend size_t qHash(const EndpointKey &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.address, k.address.scopeId(), k.port);
        }
    };

    Options m_options;
    TlsContext m_context;
    bool m_server = false;
    QUdpSocket *m_socket = nullptr;
    QDtlsClientVerifier m_verifier;
    QTimer m_readMore;
    QHostAddress m_remote;
    int m_lookupId = -1;
    QHash<EndpointKey, DtlsAssociation *> m_associations;
    QHash<quint32, DtlsAssociation *> m_byPeer;
    QHash<DtlsAssociation *, quint32> m_peerOf;
    // Senders already told about (once each, so a flood is one line); bounded, then restarted.
    QSet<EndpointKey> m_namedIgnored;
    qint64 m_ignored = 0;
};

} // namespace sockscope
