#include "core/link/tcpconnector.h"

#include "core/link/socketerrors.h"
#include "core/link/tcplink.h"
#include "core/net/endpoint.h"

#include <QTcpSocket>

namespace sockscope {

TcpConnector::TcpConnector(QObject *parent) : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(CloseReason::Timeout, tr("Connecting to %1 timed out after %2 ms.")
                                       .arg(targetText())
                                       .arg(m_target.timeoutMs));
    });
}

TcpConnector::~TcpConnector()
{
    cancel();
}

QString TcpConnector::targetText() const
{
    return formatEndpoint(m_target.host, m_target.port);
}

void TcpConnector::connectTo(const Target &target)
{
    cancel();
    m_target = target;
    m_socket = new QTcpSocket(this);
    QTcpSocket *socket = m_socket;
    connect(socket, &QAbstractSocket::connected, this, &TcpConnector::onConnected);
    connect(socket, &QAbstractSocket::errorOccurred, this,
            [this, socket](QAbstractSocket::SocketError error) {
                if (socket == m_socket)
                    fail(closeReasonFor(error),
                         socketErrorText(error, m_target.host, m_target.port));
            });
    if (!target.localAddress.isNull() || target.localPort != 0) {
        const QHostAddress local =
            target.localAddress.isNull() ? QHostAddress(QHostAddress::Any) : target.localAddress;
        // Reuse: a port of a connection we closed waits in TIME_WAIT for a minute.
        if (!socket->bind(local, target.localPort, QAbstractSocket::ReuseAddressHint)) {
            const QString why =
                tr("Cannot bind the local address %1: %2")
                    .arg(formatEndpoint(local.toString(), target.localPort),
                         socketErrorText(socket->error(), local.toString(), target.localPort));
            const CloseReason reason = closeReasonFor(socket->error());
            // Said from the event loop, as every other outcome.
            QMetaObject::invokeMethod(
                this, [this, socket, reason, why] {
                    if (socket == m_socket)
                        fail(reason, why);
                },
                Qt::QueuedConnection);
            return;
        }
    }
    if (target.timeoutMs > 0)
        m_timeout.start(target.timeoutMs);
    socket->connectToHost(target.host, target.port);
}

void TcpConnector::cancel()
{
    m_timeout.stop();
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void TcpConnector::onConnected()
{
    m_timeout.stop();
    // The connection moves into a link (the socket goes; so do its handlers).
    TcpLink *link = TcpLink::adopt(m_socket, this);
    if (!link) {
        // Only when no descriptor is left to duplicate the connection's into.
        fail(closeReasonFor(QAbstractSocket::SocketResourceError),
             socketErrorText(QAbstractSocket::SocketResourceError));
        return;
    }
    m_socket = nullptr;
    emit connected(link);
}

void TcpConnector::fail(CloseReason reason, const QString &text)
{
    cancel();
    emit failed(reason, text);
}

} // namespace sockscope
