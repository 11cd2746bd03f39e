#include "core/transport/tcpserversession.h"

#include "core/link/socketerrors.h"
#include "core/link/tcplink.h"
#include "core/link/tcplistener.h"
#include "core/net/endpoint.h"
#include "core/net/portowner.h"


namespace sockscope {

TcpServerSession::TcpServerSession(QObject *parent)
    : LinkSession(Mode::TcpServer, parent), m_listener(new TcpListener(this))
{
    connect(m_listener, &TcpListener::accepted, this, &TcpServerSession::admit);
    watchListener(m_listener);
}

TcpServerSession::~TcpServerSession() = default;

void TcpServerSession::start()
{
    if (m_listener->isListening())
        return;
    m_tls = TlsContext();
    if (m_options.tls.enabled && !makeTlsContext(m_options.tls, TlsContext::Role::Server, &m_tls))
        return;
    if (!listenOn(m_listener, m_options.address, m_options.port, m_options.backlog))
        return;
    const QString text = listeningText(m_listener->serverAddress(), m_listener->serverPort());
    logEvent(0, text);
    setState(State::Active, text);
}

QString TcpServerSession::listeningText(const QHostAddress &address, quint16 port)
{
    const QString where = boundEndpointText(address, port);
    // Where a server can be reached is a security matter: say it when that is everywhere.
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4 ||
        address == QHostAddress::AnyIPv6)
        return tr("Listening on %1 (every interface: other machines can connect)").arg(where);
    return tr("Listening on %1").arg(where);
}

void TcpServerSession::stopListening()
{
    if (!m_listener->isListening())
        return;
    m_listener->close();
    logEvent(0, tr("Stopped listening; %n client(s) stay connected.", nullptr, openPeerCount()));
    setState(State::Idle, tr("Not listening (%n client(s) connected)", nullptr, openPeerCount()));
}

void TcpServerSession::stop()
{
    cancelHandshakes();
    stopListeningAndCloseAll(m_listener);
}

bool TcpServerSession::isListening() const
{
    return m_listener->isListening();
}

quint16 TcpServerSession::serverPort() const
{
    return m_listener->serverPort();
}

void TcpServerSession::admit(TcpLink *link)
{
    if (m_tls.isNull()) {
        admitSecure(link);
        return;
    }
    if (!roomFor(link, m_options.maxClients))
        return;
    secure(link, m_tls, QString(), [this](Link *secured) { admitSecure(secured); });
}

void TcpServerSession::admitSecure(Link *link)
{
    if (!roomFor(link, m_options.maxClients))
        return;
    const quint32 id = attach(link);
    logEvent(id, tr("Connected"));
    logTlsInfo(id);
}

QList<quint32> TcpServerSession::defaultTargets(QString *whyNone)
{
    const QList<quint32> ids = linkedPeers();
    if (ids.isEmpty())
        *whyNone = tr("No client is connected.");
    return ids;
}

void TcpServerSession::disconnectAll()
{
    closeAll();
}

void TcpServerSession::setEndpoint(const SessionEndpoint &e)
{
    TcpServerSession::Options o;
    if (!e.localAddress.isNull())
        o.address = e.localAddress;
    o.port = e.localPort;
    o.maxClients = e.maxClients;
    o.tls = e.tls;
    setOptions(o);
}

} // namespace sockscope
