#include "core/link/tcplistener.h"

#include "core/link/socketerrors.h"
#include "core/link/tcplink.h"

#include <QPointer>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace sockscope {

TcpListener::TcpListener(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &TcpListener::acceptPending);
    connect(m_server, &QTcpServer::acceptError, this,
            [this](QAbstractSocket::SocketError error) { failAccept(socketErrorText(error)); });
    m_resumeTimer.setSingleShot(true);
    m_resumeTimer.setInterval(AcceptRetryMs);
    connect(&m_resumeTimer, &QTimer::timeout, this, [this] {
        if (m_acceptNotifier)
            m_acceptNotifier->setEnabled(true);
        else if (m_server->isListening())
            m_server->resumeAccepting();
    });
}

TcpListener::~TcpListener()
{
    stopAccepting();
}

bool TcpListener::listen(const QHostAddress &address, quint16 port, int backlog)
{
    if (m_server->isListening())
        return true;
    m_server->setListenBacklogSize(backlog);
    m_server->setMaxPendingConnections(backlog);
    if (!m_server->listen(address, port))
        return false;
    m_acceptFailing = false;
#ifdef Q_OS_UNIX
    m_server->pauseAccepting(); // QTcpServer only listens; see the class comment
    m_acceptNotifier =
        new QSocketNotifier(m_server->socketDescriptor(), QSocketNotifier::Read, this);
    connect(m_acceptNotifier, &QSocketNotifier::activated, this, &TcpListener::acceptReady);
    m_spareFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
#endif
    return true;
}

QAbstractSocket::SocketError TcpListener::serverError() const
{
    return m_server->serverError();
}

void TcpListener::close()
{
    stopAccepting();
    m_server->close();
}

bool TcpListener::isListening() const
{
    return m_server->isListening();
}

QHostAddress TcpListener::serverAddress() const
{
    return m_server->serverAddress();
}

quint16 TcpListener::serverPort() const
{
    return m_server->serverPort();
}

void TcpListener::hand(TcpLink *link)
{
    m_acceptFailing = false;
    emit accepted(link);
}

// Where the listener does not accept by itself (see the class comment).
void TcpListener::acceptPending()
{
    QPointer<TcpListener> self(this);
    while (self && m_server->isListening()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            return;
        if (TcpLink *link = TcpLink::adopt(socket, this)) {
            hand(link);
        } else {
            socket->abort();
            socket->deleteLater();
        }
    }
}

void TcpListener::acceptReady()
{
#ifdef Q_OS_UNIX
    for (int i = 0; i < AcceptBatch && m_acceptNotifier; ++i) {
        const int fd = ::accept(int(m_server->socketDescriptor()), nullptr, nullptr);
        if (fd >= 0) {
            ::fcntl(fd, F_SETFD, FD_CLOEXEC);
            if (TcpLink *link = TcpLink::fromDescriptor(fd, this))
                hand(link); // may close the listener through a slot: the loop checks
            else
                ::close(fd);
            continue;
        }
        const int error = errno;
        switch (error) {
        case EAGAIN:
#if EAGAIN != EWOULDBLOCK
        case EWOULDBLOCK:
#endif
            return; // all accepted
        case EMFILE:
        case ENFILE:
            if (refuseWithSpareDescriptor())
                continue;
            break;
        case EINTR:
        case ECONNABORTED: // the client gave up while it waited; Linux also reports these
        case EPROTO:       // network errors of a new connection here, to be retried
        case ENETDOWN:
        case ENETUNREACH:
        case EHOSTDOWN:
        case EHOSTUNREACH:
        case ENOPROTOOPT:
        case EOPNOTSUPP:
            continue;
        default:
            break;
        }
        const bool resources =
            error == EMFILE || error == ENFILE || error == ENOBUFS || error == ENOMEM;
        failAccept(socketErrorText(resources ? QAbstractSocket::SocketResourceError
                                             : QAbstractSocket::UnknownSocketError));
        return;
    }
#endif
}

// The classic reserve-descriptor trick: give up the spare, accept the waiting client with it,
// close that at once, take the spare back. False when it cannot help: no spare, or out of
// descriptors even so.
bool TcpListener::refuseWithSpareDescriptor()
{
#ifdef Q_OS_UNIX
    if (m_spareFd < 0) // lost earlier: try to get it back
        m_spareFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (m_spareFd < 0)
        return false;
    ::close(m_spareFd);
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    const int fd =
        ::accept(int(m_server->socketDescriptor()), reinterpret_cast<sockaddr *>(&addr), &len);
    const int error = errno;
    if (fd >= 0)
        ::close(fd);
    m_spareFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        const auto *sa = reinterpret_cast<const sockaddr *>(&addr);
        const quint16 port =
            ntohs(addr.ss_family == AF_INET6 ? reinterpret_cast<const sockaddr_in6 *>(sa)->sin6_port
                                             : reinterpret_cast<const sockaddr_in *>(sa)->sin_port);
        emit refused(QHostAddress(sa), port);
    }
    // The client may have given up meanwhile: then there is nothing left to refuse.
    const bool gone = error == EAGAIN || error == EWOULDBLOCK || error == ECONNABORTED;
    return m_spareFd >= 0 && (fd >= 0 || gone);
#else
    return false;
#endif
}

// Says the first of a series of accept errors and polls again a little later: polling at
// once would spin on an error that has not gone away.
void TcpListener::failAccept(const QString &why)
{
    if (!m_acceptFailing) {
        m_acceptFailing = true;
        emit acceptFailed(why);
    }
    if (m_acceptNotifier)
        m_acceptNotifier->setEnabled(false);
    m_resumeTimer.start();
}

void TcpListener::stopAccepting()
{
    m_resumeTimer.stop();
    if (m_acceptNotifier) {
        // Not deleted here: this may run inside its activated() signal.
        m_acceptNotifier->setEnabled(false);
        m_acceptNotifier->deleteLater();
        m_acceptNotifier = nullptr;
    }
#ifdef Q_OS_UNIX
    if (m_spareFd >= 0)
        ::close(m_spareFd);
#endif
    m_spareFd = -1;
}

} // namespace sockscope
