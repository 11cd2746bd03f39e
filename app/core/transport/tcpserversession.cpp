#include "tcpserversession.h"

#include "transport/portowner.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace sockscope {

TcpServerSession::TcpServerSession(QObject *parent)
    : Session(Mode::TcpServer, parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &TcpServerSession::acceptPending);
    connect(m_server, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError error) {
        // EMFILE and friends: keep listening; the next accept may succeed once peers leave.
        logEvent(0, tr("Could not accept a connection: %1").arg(socketErrorText(error)), true);
    });
}

TcpServerSession::~TcpServerSession()
{
    // Sockets are children; stop signal delivery into a half-destroyed session.
    for (QTcpSocket *s : std::as_const(m_sockets))
        s->disconnect(this);
}

void TcpServerSession::start()
{
    if (m_server->isListening())
        return;
    m_server->setListenBacklogSize(m_options.backlog);
    m_server->setMaxPendingConnections(m_options.backlog);
    const QString where = formatEndpoint(m_options.address.toString(), m_options.port);
    if (!m_server->listen(m_options.address, m_options.port)) {
        QString message;
        if (m_server->serverError() == QAbstractSocket::AddressInUseError) {
            const PortOwner owner =
                PortOwnerLookup().find(PortProtocol::Tcp, m_options.port, m_options.address);
            message = PortOwnerLookup::describe(owner);
        } else {
            message =
                tr("Cannot listen on %1: %2")
                    .arg(where, socketErrorText(m_server->serverError(),
                                                m_options.address.toString(), m_options.port));
        }
        fail(message);
        return;
    }
    const QString text =
        tr("Listening on %1")
            .arg(formatEndpoint(m_server->serverAddress().toString(), m_server->serverPort()));
    logEvent(0, text);
    setState(State::Active, text);
}

void TcpServerSession::stopListening()
{
    if (!m_server->isListening())
        return;
    m_server->close();
    logEvent(0, tr("Stopped listening; %n client(s) stay connected.", nullptr, openPeerCount()));
    setState(State::Idle, tr("Not listening (%n client(s) connected)", nullptr, openPeerCount()));
}

void TcpServerSession::stop()
{
    const bool wasListening = m_server->isListening();
    m_server->close();
    disconnectAll();
    if (wasListening)
        logEvent(0, tr("Stopped listening."));
    setState(State::Idle, tr("Stopped"));
    flushRecords();
}

bool TcpServerSession::isListening() const
{
    return m_server->isListening();
}

quint16 TcpServerSession::serverPort() const
{
    return m_server->serverPort();
}

void TcpServerSession::acceptPending()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (openPeerCount() >= m_options.maxClients) {
            logEvent(0,
                     tr("Refused %1: the limit of %n client(s) is reached.", nullptr,
                        m_options.maxClients)
                         .arg(formatEndpoint(socket->peerAddress().toString(), socket->peerPort())),
                     true);
            socket->abort();
            socket->deleteLater();
            continue;
        }
        adopt(socket);
    }
}

void TcpServerSession::adopt(QTcpSocket *socket)
{
    socket->setParent(this);
    const quint32 id = openPeer(socket->peerAddress(), socket->peerPort());
    m_sockets.insert(id, socket);
    logEvent(id, tr("Connected"));
    wireTcpSocket(socket, id);
}

qint64 TcpServerSession::pendingWriteBytes(quint32 peerId) const
{
    QTcpSocket *s = m_sockets.value(peerId);
    return s ? s->bytesToWrite() : 0;
}

Session::SendResult TcpServerSession::send(const QByteArray &bytes, const QList<quint32> &peers)
{
    SendResult result;
    if (bytes.isEmpty()) {
        result.error = tr("Nothing to send: the message is empty.");
        return result;
    }
    const QList<quint32> targets = peers.isEmpty() ? m_sockets.keys() : peers;
    if (targets.isEmpty()) {
        result.error = tr("No client is connected.");
        return result;
    }
    QStringList gone;
    for (quint32 id : targets) {
        QTcpSocket *s = m_sockets.value(id);
        if (!s || s->state() != QAbstractSocket::ConnectedState) {
            const PeerInfo *p = peer(id);
            gone.append(p ? p->endpoint() : QString::number(id));
            continue;
        }
        if (s->write(bytes) != bytes.size()) {
            gone.append(peer(id)->endpoint());
            continue;
        }
        noteSent(id, bytes);
        ++result.peers;
    }
    if (!gone.isEmpty())
        result.error =
            tr("Not sent to %1: no longer connected.").arg(gone.join(QLatin1String(", ")));
    return result;
}

void TcpServerSession::disconnectPeer(quint32 peerId)
{
    if (QTcpSocket *s = m_sockets.value(peerId))
        closeTcpLocally(s);
}

void TcpServerSession::disconnectAll()
{
    const auto sockets = m_sockets.values();
    for (QTcpSocket *s : sockets)
        closeTcpLocally(s);
}

void TcpServerSession::tcpSocketClosed(quint32 id, QTcpSocket *socket)
{
    m_sockets.remove(id);
    socket->deleteLater();
}

} // namespace sockscope
