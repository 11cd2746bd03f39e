#include "core/transport/dtlssession.h"

#include "core/link/socketerrors.h"
#include "core/net/endpoint.h"
#include "core/tls/certificateinfo.h"
#include "core/transport/dtlsassociation.h"

#include <QHostInfo>
#include <QNetworkDatagram>
#include <QUdpSocket>

namespace sockscope {

namespace {
// Datagrams read per wake-up at most, so a flood does not starve the event loop.
constexpr int kReadBatch = 128;
// Datagrams still read when the socket closes (what arrived before stop()).
constexpr int kCloseDrainMax = 1024;
// Senders of ignored datagrams named in the log; past this many the list starts again.
constexpr int kNamedIgnoredMax = 256;
} // namespace

DtlsSession::DtlsSession(QObject *parent) : Session(Mode::Udp, parent)
{
    m_readMore.setSingleShot(true);
    m_readMore.setInterval(0);
    connect(&m_readMore, &QTimer::timeout, this, &DtlsSession::readPending);
    setSendErrorsLogged(true);
}

DtlsSession::~DtlsSession()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
}

bool DtlsSession::isServer(const TlsSettings &settings)
{
    return settings.hasOwnCertificate();
}

quint16 DtlsSession::boundPort() const
{
    return m_socket ? m_socket->localPort() : 0;
}

QSslCertificate DtlsSession::tlsCertificate() const
{
    return m_context.isNull() ? QSslCertificate() : m_context.localCertificate();
}

QString DtlsSession::target() const
{
    return formatEndpoint(m_options.remoteHost, m_options.remotePort);
}

void DtlsSession::start()
{
    if (m_socket || m_lookupId >= 0)
        return;
    if (makeContext())
        resolveThenBind();
}

bool DtlsSession::makeContext()
{
    m_server = isServer(m_options.tls);
    if (!m_server && (m_options.remoteHost.isEmpty() || m_options.remotePort == 0)) {
        fail(tr("DTLS cannot start: a DTLS client needs the server's address and port; a DTLS "
                "server needs a certificate and its key (or a generated one)."));
        return false;
    }
    QString error;
    m_context = TlsContext::make(
        m_options.tls, m_server ? TlsContext::Role::Server : TlsContext::Role::Client, &error);
    if (m_context.isNull()) {
        fail(tr("DTLS cannot start: %1").arg(error));
        return false;
    }
    const QSslCertificate certificate = m_context.localCertificate();
    if (!certificate.isNull()) {
        const CertificateInfo info(certificate);
        logEvent(0, m_context.isGenerated()
                        ? tr("DTLS certificate generated for this run: %1, SHA-256 %2")
                              .arg(info.subject(), info.sha256Fingerprint())
                        : tr("DTLS certificate: %1, SHA-256 %2")
                              .arg(info.subject(), info.sha256Fingerprint()));
    }
    return true;
}

void DtlsSession::resolveThenBind()
{
    m_remote.clear();
    if (m_server || m_remote.setAddress(m_options.remoteHost)) {
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

void DtlsSession::bindNow()
{
    m_socket = new QUdpSocket(this);
    if (!m_socket->bind(m_options.bindAddress, m_options.port,
                        QAbstractSocket::DontShareAddress)) {
        const QAbstractSocket::SocketError error = m_socket->error();
        delete m_socket;
        m_socket = nullptr;
        if (error == QAbstractSocket::AddressInUseError)
            failPortInUse(true, m_options.port, m_options.bindAddress);
        else
            fail(tr("Cannot bind %1: %2")
                     .arg(formatEndpoint(m_options.bindAddress.toString(), m_options.port),
                          socketErrorText(error, m_options.bindAddress.toString(),
                                          m_options.port)));
        return;
    }
    m_socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption,
                              m_options.receiveBufferBytes);
    connect(m_socket, &QUdpSocket::readyRead, this, &DtlsSession::readPending);
    connect(m_socket, &QAbstractSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError error) { logEvent(0, socketErrorText(error), true); });
    const QString bound = boundEndpointText(m_socket->localAddress(), boundPort());
    if (m_server) {
        const QString text = tr("DTLS server bound to %1").arg(bound);
        logEvent(0, text);
        setState(State::Active, text);
        return;
    }
    const QString text = tr("DTLS handshake with %1 from %2…")
                             .arg(formatEndpoint(m_remote.toString(), m_options.remotePort), bound);
    logEvent(0, text);
    // A TLS client would send this name as SNI; QDtls (Qt 6.4) sends none, so say what it does.
    const QString name = m_context.peerName(m_options.remoteHost);
    if (QHostAddress(name).isNull())
        logEvent(0, tr("The server name %1 is checked against the server's certificate but not "
                       "sent (Qt's DTLS sends no SNI).")
                        .arg(name));
    setState(State::Starting, text);
    associate(m_remote, m_options.remotePort)->begin();
}

void DtlsSession::readPending()
{
    if (readDatagrams(kReadBatch))
        m_readMore.start();
}

bool DtlsSession::readDatagrams(int max)
{
    for (int n = 0; n < max; ++n) {
        if (!m_socket || !m_socket->hasPendingDatagrams())
            return false;
        const QNetworkDatagram d = m_socket->receiveDatagram();
        if (!d.isValid())
            return false;
        route(unmappedAddress(d.senderAddress()), quint16(d.senderPort()), d.data());
    }
    return m_socket && m_socket->hasPendingDatagrams();
}

void DtlsSession::route(const QHostAddress &address, quint16 port, const QByteArray &datagram)
{
    if (DtlsAssociation *a = m_associations.value(EndpointKey{address, port})) {
        // A hello to an open session: the client restarted (a device rebooted) without a
        // close_notify. Its new session replaces the old one once its cookie checks out.
        if (m_server && a->isEncrypted() && DtlsAssociation::isClientHello(datagram))
            admitHello(address, port, datagram);
        else
            a->handleDatagram(datagram);
        return;
    }
    if (m_server)
        admitHello(address, port, datagram);
    else
        noteIgnored(address, port, tr("it is not from the DTLS server %1.").arg(target()));
}

void DtlsSession::admitHello(const QHostAddress &address, quint16 port,
                             const QByteArray &datagram)
{
    if (!DtlsAssociation::looksLikeDtls(datagram)) {
        noteIgnored(address, port,
                    tr("it is not DTLS (%n byte(s)); this port speaks DTLS only.", nullptr,
                       int(datagram.size())));
        return;
    }
    // Until the client answers the cookie it has proven nothing: no state is kept for it, and
    // nothing it says can end another session.
    if (!m_verifier.verifyClient(m_socket, datagram, address, port)) {
        if (m_verifier.dtlsError() != QDtlsError::NoError)
            noteIgnored(address, port, m_verifier.dtlsErrorString());
        return;
    }
    if (DtlsAssociation *old = m_associations.value(EndpointKey{address, port}))
        forget(old, tr("the client started a new DTLS session"), false); // it forgot the old one
    if (!makeRoom()) {
        noteIgnored(address, port,
                    tr("%n DTLS client(s) are handshaking already (the limit).", nullptr,
                       qMax(1, m_options.maxPeers)));
        return;
    }
    logEvent(0, tr("DTLS handshake with %1…").arg(formatEndpoint(address.toString(), port)));
    associate(address, port)->begin(m_verifier.verifiedHello());
}

bool DtlsSession::makeRoom()
{
    const int max = qMax(1, m_options.maxPeers);
    if (m_associations.size() < max)
        return true;
    // Clients that vanished without a close_notify would otherwise hold their places for good.
    const QList<quint32> ids = peerIds(); // oldest first
    for (quint32 id : ids) {
        if (DtlsAssociation *a = m_byPeer.value(id)) {
            forget(a, tr("forgotten: more than %n DTLS client(s)", nullptr, max));
            return true;
        }
    }
    return false; // every place is a handshake still going on
}

void DtlsSession::forget(DtlsAssociation *a, const QString &why, bool notify)
{
    const quint32 id = m_peerOf.value(a);
    if (notify)
        a->shutdown(); // our close_notify
    dropAssociation(a);
    if (id)
        closePeer(id, CloseReason::LocalClose, why);
}

DtlsAssociation *DtlsSession::associate(const QHostAddress &address, quint16 port)
{
    auto *a = new DtlsAssociation(m_socket, m_context, address, port,
                                  m_server ? QString() : m_options.remoteHost, this);
    m_associations.insert(EndpointKey{address, port}, a);
    connect(a, &DtlsAssociation::established, this, [this, a] { onEstablished(a); });
    connect(a, &DtlsAssociation::received, this, [this, a](const QByteArray &plain) {
        if (const quint32 id = m_peerOf.value(a))
            ingestDatagram(id, plain);
    });
    connect(a, &DtlsAssociation::ignored, this,
            [this, a](const QString &why) { noteIgnored(a->address(), a->port(), why); });
    connect(a, &DtlsAssociation::failed, this,
            [this, a](CloseReason, const QString &text, const TlsSessionInfo &refused) {
                onFailed(a, text, refused);
            });
    connect(a, &DtlsAssociation::closedByPeer, this, [this, a] {
        const quint32 id = m_peerOf.value(a);
        dropAssociation(a);
        if (id)
            closePeer(id, CloseReason::PeerClosed, tr("the peer ended the DTLS session"));
        if (!m_server) {
            teardown();
            setState(State::Idle, tr("The server ended the DTLS session."));
        }
    });
    return a;
}

void DtlsSession::onEstablished(DtlsAssociation *a)
{
    const quint32 id =
        openPeer(a->address(), a->port(), PeerInfo::Side::None, 0, a->sessionInfo());
    m_byPeer.insert(id, a);
    m_peerOf.insert(a, id);
    logHandshakeInfo(id);
    if (!m_server) {
        const QString text = tr("DTLS session with %1 from %2")
                                 .arg(formatEndpoint(a->address().toString(), a->port()),
                                      boundEndpointText(m_socket->localAddress(), boundPort()));
        logEvent(id, text);
        setState(State::Active, text);
    }
}

void DtlsSession::logHandshakeInfo(quint32 id)
{
    const PeerInfo *p = peer(id);
    if (!p || !p->tls.active)
        return;
    const TlsSessionInfo &tls = p->tls;
    QString text = tr("DTLS handshake finished: %1, %2").arg(tls.protocol, tls.cipher);
    const QSslCertificate certificate = tls.peerCertificate();
    if (!certificate.isNull()) {
        const CertificateInfo info(certificate);
        text += tr("; peer certificate %1 (SHA-256 %2)")
                    .arg(info.subject(), info.sha256Fingerprint());
    }
    logEvent(id, text);
    for (const QString &error : tls.verifyErrors)
        logEvent(id, tr("Accepted despite a failed verification (insecure): %1").arg(error), true);
}

void DtlsSession::onFailed(DtlsAssociation *a, const QString &text, const TlsSessionInfo &refused)
{
    const QString why = tr("DTLS handshake with %1 failed: %2")
                            .arg(formatEndpoint(a->address().toString(), a->port()), text);
    dropAssociation(a);
    if (m_server) {
        logEvent(0, why, true);
        return;
    }
    if (!refused.verifyErrors.isEmpty())
        emit tlsVerificationFailed(refused);
    teardown();
    fail(why);
}

void DtlsSession::dropAssociation(DtlsAssociation *a)
{
    m_associations.remove(EndpointKey{a->address(), a->port()});
    if (const quint32 id = m_peerOf.take(a))
        m_byPeer.remove(id);
    a->disconnect(this);
    a->deleteLater(); // it may be inside one of its own signals
}

void DtlsSession::noteIgnored(const QHostAddress &address, quint16 port, const QString &why)
{
    ++m_ignored;
    const EndpointKey key{address, port};
    if (m_namedIgnored.contains(key))
        return;
    if (m_namedIgnored.size() >= kNamedIgnoredMax)
        m_namedIgnored.clear();
    m_namedIgnored.insert(key);
    logEvent(0,
             tr("Ignored a datagram from %1: %2")
                 .arg(formatEndpoint(address.toString(), port), why),
             true);
}

void DtlsSession::teardown()
{
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    const QList<DtlsAssociation *> all = m_associations.values();
    for (DtlsAssociation *a : all) {
        a->shutdown(); // our close_notify to each open one
        dropAssociation(a);
    }
    m_readMore.stop();
    if (m_socket) {
        m_socket->close();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_namedIgnored.clear();
}

void DtlsSession::stop()
{
    const bool open = m_socket != nullptr;
    if (open) {
        m_readMore.stop();
        readDatagrams(kCloseDrainMax); // what arrived before the stop is still shown
    }
    teardown();
    if (open)
        logEvent(0, tr("Socket closed."));
    const QList<quint32> ids = peerIds();
    for (quint32 id : ids)
        closePeer(id, CloseReason::LocalClose, tr("socket closed"));
    setState(State::Idle, tr("Closed"));
    flushRecords();
}

void DtlsSession::disconnectPeer(quint32 peerId)
{
    DtlsAssociation *a = m_byPeer.value(peerId);
    if (!a)
        return;
    if (!m_server) {
        stop(); // the client has one peer: the server
        return;
    }
    forget(a, tr("DTLS session closed"));
}

QList<quint32> DtlsSession::defaultTargets(QString *whyNone)
{
    if (!m_socket) {
        *whyNone = tr("The UDP socket is not open.");
        return {};
    }
    QList<quint32> ids;
    const QList<quint32> all = peerIds();
    for (quint32 id : all) {
        if (m_byPeer.contains(id))
            ids << id;
    }
    if (ids.isEmpty())
        *whyNone = m_server ? tr("No DTLS client has finished its handshake yet.")
                            : tr("The DTLS handshake with %1 has not finished yet.").arg(target());
    return ids;
}

Session::Delivery DtlsSession::sendBytes(quint32 id, const QByteArray &bytes, QString *error)
{
    DtlsAssociation *a = m_byPeer.value(id);
    if (!a || !m_socket)
        return Delivery::Gone;
    return a->write(bytes, error) ? Delivery::Written : Delivery::Failed;
}

void DtlsSession::setEndpoint(const SessionEndpoint &e)
{
    Options o;
    if (!e.localAddress.isNull())
        o.bindAddress = e.localAddress;
    o.port = e.localPort;
    o.remoteHost = e.remoteHost;
    o.remotePort = e.remotePort;
    o.tls = e.tls;
    setOptions(o);
}

} // namespace sockscope
