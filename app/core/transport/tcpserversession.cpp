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
    connect(m_listener, &TcpListener::refused, this,
            [this](const QHostAddress &address, quint16 port) {
                logEvent(0,
                         tr("Refused %1: too many open files. New clients are accepted again "
                            "once others disconnect.")
                             .arg(formatEndpoint(address.toString(), port)),
                         true);
            });
    connect(m_listener, &TcpListener::acceptFailed, this, [this](const QString &why) {
        logEvent(0, tr("Could not accept a connection: %1").arg(why), true);
    });
}

TcpServerSession::~TcpServerSession() = default;

void TcpServerSession::start()
{
    if (m_listener->isListening())
        return;
    const QString where = formatEndpoint(m_options.address.toString(), m_options.port);
    if (!m_listener->listen(m_options.address, m_options.port, m_options.backlog)) {
        const QAbstractSocket::SocketError error = m_listener->serverError();
        if (error == QAbstractSocket::AddressInUseError)
            failPortInUse(false, m_options.port, m_options.address);
        else
            fail(tr("Cannot listen on %1: %2")
                     .arg(where, socketErrorText(error, m_options.address.toString(),
                                                 m_options.port)));
        return;
    }
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
    const bool wasListening = m_listener->isListening();
    m_listener->close();
    disconnectAll();
    if (wasListening)
        logEvent(0, tr("Stopped listening."));
    setState(State::Idle, tr("Stopped"));
    flushRecords();
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
    if (openPeerCount() >= m_options.maxClients) {
        logEvent(
            0,
            tr("Refused %1: the limit of %n client(s) is reached.", nullptr, m_options.maxClients)
                .arg(formatEndpoint(unmappedAddress(link->peerAddress()).toString(),
                                    link->peerPort())),
            true);
        delete link; // closes the connection quietly (nothing was read or written)
        return;
    }
    const quint32 id = attach(link);
    logEvent(id, tr("Connected"));
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
    setOptions(o);
}

} // namespace sockscope
