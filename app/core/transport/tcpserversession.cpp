#include "core/transport/tcpserversession.h"

#include "core/link/socketerrors.h"
#include "core/link/tcplink.h"
#include "core/net/endpoint.h"
#include "core/net/portowner.h"

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

namespace {
// After an accept error that refusing cannot clear, poll the listening socket again this late.
constexpr int kAcceptRetryMs = 200;
// Connections accepted per wake-up at most, so a connect storm does not starve the event loop.
constexpr int kAcceptBatch = 128;
} // namespace

TcpServerSession::TcpServerSession(QObject *parent)
    : LinkSession(Mode::TcpServer, parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &TcpServerSession::acceptPending);
    connect(m_server, &QTcpServer::acceptError, this,
            [this](QAbstractSocket::SocketError error) { acceptFailed(socketErrorText(error)); });
    m_resumeTimer.setSingleShot(true);
    m_resumeTimer.setInterval(kAcceptRetryMs);
    connect(&m_resumeTimer, &QTimer::timeout, this, [this] {
        if (m_acceptNotifier)
            m_acceptNotifier->setEnabled(true);
        else if (m_server->isListening())
            m_server->resumeAccepting();
    });
}

TcpServerSession::~TcpServerSession()
{
    stopAccepting();
}

void TcpServerSession::start()
{
    if (m_server->isListening())
        return;
    m_server->setListenBacklogSize(m_options.backlog);
    m_server->setMaxPendingConnections(m_options.backlog);
    const QString where = formatEndpoint(m_options.address.toString(), m_options.port);
    if (!m_server->listen(m_options.address, m_options.port)) {
        if (m_server->serverError() == QAbstractSocket::AddressInUseError)
            failPortInUse(false, m_options.port, m_options.address);
        else
            fail(tr("Cannot listen on %1: %2")
                     .arg(where, socketErrorText(m_server->serverError(),
                                                 m_options.address.toString(), m_options.port)));
        return;
    }
    m_acceptFailing = false;
#ifdef Q_OS_UNIX
    // Qt 6.4's QTcpServer retries an accept() that fails with EMFILE in a busy loop, at full
    // CPU, and never says so; the waiting clients hang. So on Unix the session accepts by
    // itself (acceptReady()) and QTcpServer only listens.
    m_server->pauseAccepting();
    m_acceptNotifier =
        new QSocketNotifier(m_server->socketDescriptor(), QSocketNotifier::Read, this);
    connect(m_acceptNotifier, &QSocketNotifier::activated, this, &TcpServerSession::acceptReady);
    m_spareFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
#endif
    const QString text = listeningText(m_server->serverAddress(), m_server->serverPort());
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
    if (!m_server->isListening())
        return;
    stopAccepting();
    m_server->close();
    logEvent(0, tr("Stopped listening; %n client(s) stay connected.", nullptr, openPeerCount()));
    setState(State::Idle, tr("Not listening (%n client(s) connected)", nullptr, openPeerCount()));
}

void TcpServerSession::stop()
{
    const bool wasListening = m_server->isListening();
    stopAccepting();
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

// Where the session does not accept by itself (see start()).
void TcpServerSession::acceptPending()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (TcpLink *link = TcpLink::adopt(socket, this)) {
            admit(link);
        } else {
            socket->abort();
            socket->deleteLater();
        }
    }
}

void TcpServerSession::acceptReady()
{
#ifdef Q_OS_UNIX
    for (int i = 0; i < kAcceptBatch && m_acceptNotifier; ++i) {
        const int fd = ::accept(int(m_server->socketDescriptor()), nullptr, nullptr);
        if (fd >= 0) {
            ::fcntl(fd, F_SETFD, FD_CLOEXEC);
            if (TcpLink *link = TcpLink::fromDescriptor(fd, this))
                admit(link); // may stop the session through a slot: the loop checks
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
        acceptFailed(socketErrorText(resources ? QAbstractSocket::SocketResourceError
                                               : QAbstractSocket::UnknownSocketError));
        return;
    }
#endif
}

// The classic reserve-descriptor trick: give up the spare, accept the waiting client with it,
// close that at once (the client sees the connection closed, not a hang), take the spare back.
// False when it cannot help: no spare, or out of descriptors even so.
bool TcpServerSession::refuseWithSpareDescriptor()
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
    if (fd >= 0) {
        ::close(fd);
        const auto *sa = reinterpret_cast<const sockaddr *>(&addr);
        const quint16 port =
            ntohs(addr.ss_family == AF_INET6 ? reinterpret_cast<const sockaddr_in6 *>(sa)->sin6_port
                                             : reinterpret_cast<const sockaddr_in *>(sa)->sin_port);
        logEvent(0,
                 tr("Refused %1: too many open files. New clients are accepted again once "
                    "others disconnect.")
                     .arg(formatEndpoint(QHostAddress(sa).toString(), port)),
                 true);
    }
    m_spareFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    // The client may have given up meanwhile: then there is nothing left to refuse.
    const bool gone = error == EAGAIN || error == EWOULDBLOCK || error == ECONNABORTED;
    return m_spareFd >= 0 && (fd >= 0 || gone);
#else
    return false;
#endif
}

// Logs the first of a series of accept errors and polls again a little later: polling at once
// would spin on an error that has not gone away.
void TcpServerSession::acceptFailed(const QString &why)
{
    if (!m_acceptFailing) {
        m_acceptFailing = true;
        logEvent(0, tr("Could not accept a connection: %1").arg(why), true);
    }
    if (m_acceptNotifier)
        m_acceptNotifier->setEnabled(false);
    m_resumeTimer.start();
}

void TcpServerSession::stopAccepting()
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
    m_acceptFailing = false;
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
