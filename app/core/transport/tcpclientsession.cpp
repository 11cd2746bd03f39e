#include "core/transport/tcpclientsession.h"

#include "core/link/socketerrors.h"
#include "core/link/tcplink.h"
#include "core/net/endpoint.h"

#include <QTcpSocket>

namespace sockscope {

TcpClientSession::TcpClientSession(QObject *parent) : LinkSession(Mode::TcpClient, parent)
{
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        onConnectFailed(CloseReason::Timeout, tr("Connecting to %1 timed out after %2 ms.")
                                                  .arg(target())
                                                  .arg(m_options.connectTimeoutMs));
    });
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &TcpClientSession::connectNow);
}

TcpClientSession::~TcpClientSession()
{
    if (m_socket)
        m_socket->disconnect(this);
}

QString TcpClientSession::target() const
{
    return formatEndpoint(m_options.host, m_options.port);
}

void TcpClientSession::setConnection(Connection c)
{
    if (c == m_connection)
        return;
    m_connection = c;
    emit connectionChanged(c);
}

void TcpClientSession::start()
{
    m_tls = TlsContext();
    if (m_options.tls.enabled && !makeTlsContext(m_options.tls, TlsContext::Role::Client, &m_tls))
        return;
    m_wanted = true;
    m_nextDelayMs = m_options.reconnectInitialMs;
    m_reconnectTimer.stop();
    if (m_connection == Connection::Closed)
        connectNow();
}

void TcpClientSession::connectNow()
{
    if (m_socket || m_handshaking || link(m_peerId))
        return;
    m_socket = new QTcpSocket(this);
    QTcpSocket *socket = m_socket;
    if (!m_options.localAddress.isNull() || m_options.localPort != 0) {
        const QHostAddress local = m_options.localAddress.isNull() ? QHostAddress(QHostAddress::Any)
                                                                   : m_options.localAddress;
        // Reuse: after we closed first, the port's old connection waits in TIME_WAIT for a
        // minute, and without SO_REUSEADDR (on both binds) reconnecting from it fails.
        if (!socket->bind(local, m_options.localPort, QAbstractSocket::ReuseAddressHint)) {
            const QString why =
                tr("Cannot bind the local address %1: %2")
                    .arg(formatEndpoint(local.toString(), m_options.localPort),
                         socketErrorText(socket->error(), local.toString(), m_options.localPort));
            // Retried like a refused connection when auto-reconnect is on: the port may free up.
            onConnectFailed(closeReasonFor(socket->error()), why);
            return;
        }
    }
    connect(socket, &QAbstractSocket::connected, this, &TcpClientSession::onConnected);
    connect(socket, &QAbstractSocket::errorOccurred, this,
            [this, socket](QAbstractSocket::SocketError error) {
                if (socket == m_socket && m_connection == Connection::Connecting)
                    onConnectFailed(closeReasonFor(error),
                                    socketErrorText(error, m_options.host, m_options.port));
            });
    connect(socket, &QAbstractSocket::stateChanged, this,
            [this, socket](QAbstractSocket::SocketState s) {
                if (socket == m_socket && s == QAbstractSocket::ClosingState)
                    setConnection(Connection::Closing);
            });
    setConnection(Connection::Connecting);
    const QString text = tr("Connecting to %1…").arg(target());
    setState(State::Starting, text);
    logEvent(0, text);
    if (m_options.connectTimeoutMs > 0)
        m_connectTimer.start(m_options.connectTimeoutMs);
    socket->connectToHost(m_options.host, m_options.port);
}

void TcpClientSession::onConnected()
{
    m_connectTimer.stop();
    m_nextDelayMs = m_options.reconnectInitialMs;
    // The connection moves into a link (the socket goes; so do its connecting handlers).
    TcpLink *tcp = TcpLink::adopt(m_socket, this);
    if (!tcp) {
        // Only when no descriptor is left to duplicate the connection's into.
        onConnectFailed(closeReasonFor(QAbstractSocket::SocketResourceError),
                        socketErrorText(QAbstractSocket::SocketResourceError));
        return;
    }
    m_socket = nullptr;
    if (m_tls.isNull()) {
        onSecured(tcp);
        return;
    }
    m_handshaking = true;
    secure(tcp, m_tls, m_options.host, [this](Link *secured) {
        m_handshaking = false;
        onSecured(secured);
    }, [this](CloseReason reason, const QString &text, const TlsSessionInfo &refused) {
        m_handshaking = false;
        if (!refused.verifyErrors.isEmpty())
            emit tlsVerificationFailed(refused);
        onConnectFailed(reason, text);
    });
}

void TcpClientSession::onSecured(Link *tcp)
{
    m_peerId = attach(tcp);
    connect(tcp, &Link::stateChanged, this, [this](Link::State s) {
        if (s == Link::State::Closing)
            setConnection(Connection::Closing);
    });
    const QString text =
        tr("Connected to %1 from %2")
            .arg(formatEndpoint(tcp->peerAddress().toString(), tcp->peerPort()),
                 formatEndpoint(tcp->localAddress().toString(), tcp->localPort()));
    logEvent(m_peerId, text);
    logTlsInfo(m_peerId);
    setConnection(Connection::Connected);
    setState(State::Active, text);
}

void TcpClientSession::onConnectFailed(CloseReason reason, const QString &message)
{
    m_connectTimer.stop();
    m_lastReason = reason;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    setConnection(Connection::Closed);
    if (m_wanted && m_options.autoReconnect) {
        logEvent(0, message, true);
        emit errorOccurred(message);
        scheduleReconnect(message);
        return;
    }
    m_wanted = false;
    fail(message);
}

void TcpClientSession::linkClosed(quint32 id, CloseReason reason)
{
    m_lastReason = reason;
    m_peerId = 0;
    setConnection(Connection::Closed);
    const PeerInfo *p = peer(id);
    const QString why = p ? p->closeText : QString();
    if (m_wanted && m_options.autoReconnect && m_lastReason != CloseReason::LocalClose) {
        scheduleReconnect(why);
        return;
    }
    m_wanted = false;
    setState(State::Idle, tr("Disconnected: %1").arg(why));
}

void TcpClientSession::scheduleReconnect(const QString &why)
{
    const int delay = m_nextDelayMs;
    m_nextDelayMs = qMin(m_nextDelayMs * 2, m_options.reconnectMaxMs);
    const QString text = tr("Reconnecting in %1 s (%2)").arg(delay / 1000.0, 0, 'f', 1).arg(why);
    logEvent(0, text);
    setState(State::Starting, text);
    m_reconnectTimer.start(delay);
}

void TcpClientSession::stop()
{
    m_wanted = false;
    m_reconnectTimer.stop();
    m_connectTimer.stop();
    if ((m_socket || m_handshaking) && m_connection == Connection::Connecting) {
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->abort();
            m_socket->deleteLater();
            m_socket = nullptr;
        }
        cancelHandshakes();
        m_handshaking = false;
        m_lastReason = CloseReason::LocalClose;
        setConnection(Connection::Closed);
        logEvent(0, tr("Connection attempt cancelled."));
    } else if (Link *l = link(m_peerId)) {
        l->close();
    }
    if (m_connection == Connection::Closed)
        setState(State::Idle, tr("Disconnected"));
    flushRecords();
}

QList<quint32> TcpClientSession::defaultTargets(QString *whyNone)
{
    if (!link(m_peerId) || m_connection != Connection::Connected) {
        *whyNone = tr("Not connected.");
        return {};
    }
    return {m_peerId};
}

Session::Delivery TcpClientSession::sendBytes(quint32 id, const QByteArray &bytes, QString *error)
{
    // A peer id of an earlier connection is "not connected" too.
    if (!link(m_peerId) || m_connection != Connection::Connected || id != m_peerId) {
        *error = tr("Not connected.");
        return Delivery::Failed;
    }
    return LinkSession::sendBytes(id, bytes, error);
}

void TcpClientSession::disconnectPeer(quint32 peerId)
{
    if (peerId == m_peerId)
        stop();
}

void TcpClientSession::setEndpoint(const SessionEndpoint &e)
{
    TcpClientSession::Options o;
    o.host = e.remoteHost;
    o.port = e.remotePort;
    o.connectTimeoutMs = e.connectTimeoutMs;
    o.autoReconnect = e.autoReconnect;
    o.localAddress = e.localAddress;
    o.localPort = e.localPort;
    o.tls = e.tls;
    setOptions(o);
}

} // namespace sockscope
