#include "core/link/tcplink.h"

#include <QPointer>
#include <QSocketNotifier>
#include <QTcpSocket>
#include <QTimer>

#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#ifdef Q_OS_LINUX
#include <linux/sockios.h>
#endif

#include <utility>

namespace sockscope {

namespace {

// Chunks per sendmsg(): many small writes go out in one system call.
constexpr int kMaxIov = 64;

bool addressOf(int fd, bool peer, QHostAddress *address, quint16 *port)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    auto *sa = reinterpret_cast<sockaddr *>(&storage);
    if ((peer ? ::getpeername(fd, sa, &length) : ::getsockname(fd, sa, &length)) != 0)
        return false;
    if (sa->sa_family == AF_INET)
        *port = ntohs(reinterpret_cast<const sockaddr_in *>(sa)->sin_port);
    else if (sa->sa_family == AF_INET6)
        *port = ntohs(reinterpret_cast<const sockaddr_in6 *>(sa)->sin6_port);
    else
        return false;
    address->setAddress(sa);
    return true;
}

// The nearest Qt error for an errno of recv()/send(), so socketErrorText() words it.
QAbstractSocket::SocketError socketErrorFor(int error)
{
    switch (error) {
    case EPIPE:
    case ECONNRESET:
        return QAbstractSocket::RemoteHostClosedError;
    case ETIMEDOUT:
        return QAbstractSocket::SocketTimeoutError;
    case ENETDOWN:
    case ENETUNREACH:
    case EHOSTDOWN:
    case EHOSTUNREACH:
        return QAbstractSocket::NetworkError;
    case ENOBUFS:
    case ENOMEM:
        return QAbstractSocket::SocketResourceError;
    case EACCES:
    case EPERM:
        return QAbstractSocket::SocketAccessError;
    default:
        return QAbstractSocket::UnknownSocketError;
    }
}

} // namespace

TcpLink *TcpLink::fromDescriptor(qintptr descriptor, QObject *parent)
{
    const int fd = int(descriptor);
    int type = 0;
    socklen_t length = sizeof type;
    if (fd < 0 || ::getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &length) != 0 ||
        type != SOCK_STREAM)
        return nullptr;
    QHostAddress peer;
    quint16 peerPort = 0;
    if (!addressOf(fd, true, &peer, &peerPort))
        return nullptr; // not connected
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0)
        return nullptr;
    auto *link = new TcpLink(fd, parent);
    link->m_peerAddress = peer;
    link->m_peerPort = peerPort;
    addressOf(fd, false, &link->m_localAddress, &link->m_localPort);
    return link;
}

TcpLink *TcpLink::adopt(QTcpSocket *connected, QObject *parent)
{
    if (!connected || connected->state() != QAbstractSocket::ConnectedState ||
        connected->bytesToWrite() > 0 || connected->socketDescriptor() < 0)
        return nullptr;
    // Our own descriptor of the same connection: closing Qt's copy leaves it open.
    const int fd = ::fcntl(int(connected->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    if (fd < 0)
        return nullptr;
    TcpLink *link = fromDescriptor(fd, parent);
    if (!link) {
        ::close(fd);
        return nullptr;
    }
    link->m_held = connected->readAll();
    // No slot of the socket's owner may see the abort as a disconnect.
    QObject::disconnect(connected, nullptr, nullptr, nullptr);
    connected->abort();
    connected->deleteLater();
    if (!link->m_held.isEmpty()) {
        link->updateReadNotifier(); // off until the held bytes are out: they come first
        QMetaObject::invokeMethod(link, &TcpLink::deliverHeld, Qt::QueuedConnection);
    }
    return link;
}

TcpLink::TcpLink(int descriptor, QObject *parent)
    : Link(parent),
      m_fd(descriptor),
      m_readNotifier(new QSocketNotifier(descriptor, QSocketNotifier::Read, this)),
      m_writeNotifier(new QSocketNotifier(descriptor, QSocketNotifier::Write, this)),
      m_stallTimer(new QTimer(this))
{
    m_writeNotifier->setEnabled(false);
    m_stallTimer->setSingleShot(true);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &TcpLink::onReadable);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &TcpLink::onWritable);
    connect(m_stallTimer, &QTimer::timeout, this, &TcpLink::checkStall);
}

TcpLink::~TcpLink()
{
    // Quietly, like a QTcpSocket's destructor: what the kernel holds still goes out.
    delete m_readNotifier;
    delete m_writeNotifier;
    if (m_fd >= 0)
        ::close(m_fd);
}

qintptr TcpLink::takeDescriptor()
{
    if (m_fd < 0 || state() != State::Open || !m_held.isEmpty() || m_queued > 0)
        return -1;
    m_readNotifier->setEnabled(false);
    m_writeNotifier->setEnabled(false);
    m_stallTimer->stop();
    return std::exchange(m_fd, -1);
}

bool TcpLink::write(const QByteArray &bytes)
{
    if (state() != State::Open || m_finishPending || writeFinished())
        return false;
    if (bytes.isEmpty())
        return true;
    m_queue.push_back(bytes);
    m_queued += bytes.size();
    noteQueueGrew();
    // Written from the event loop, never from here: see Link.
    m_writeNotifier->setEnabled(true);
    return true;
}

void TcpLink::setReadPaused(bool paused)
{
    if (m_readPaused == paused)
        return;
    m_readPaused = paused;
    updateReadNotifier();
    if (!paused && !m_held.isEmpty())
        QMetaObject::invokeMethod(this, &TcpLink::deliverHeld, Qt::QueuedConnection);
}

void TcpLink::setReadHeld(bool held)
{
    if (m_readHeld == held)
        return;
    m_readHeld = held;
    updateReadNotifier();
    if (!held && !m_held.isEmpty())
        QMetaObject::invokeMethod(this, &TcpLink::deliverHeld, Qt::QueuedConnection);
}

void TcpLink::updateReadNotifier()
{
    m_readNotifier->setEnabled(m_fd >= 0 && state() == State::Open && !peerFinished() &&
                               !readBlocked() && m_held.isEmpty());
}

void TcpLink::deliverHeld()
{
    if (m_held.isEmpty() || readBlocked() || state() != State::Open)
        return;
    QPointer<TcpLink> self(this);
    emit received(std::exchange(m_held, QByteArray()));
    if (self)
        updateReadNotifier();
}

void TcpLink::onReadable()
{
    ++m_readEvents;
    QPointer<TcpLink> self(this);
    qint64 total = 0;
    while (total < ReadCapBytes) {
        qint64 want = qMin<qint64>(ReceiveBuffer::BlockBytes, ReadCapBytes - total);
        if (maxBlockBytes() > 0)
            want = qMin(want, maxBlockBytes());
        // No ioctl to ask how much first: the warm block takes whatever the kernel has.
        const ssize_t n = ::recv(m_fd, m_receive.space(), size_t(want), MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                fail(errno);
            return;
        }
        if (n == 0) {
            onPeerFin();
            return;
        }
        total += n;
        emit received(m_receive.take(n));
        if (!self || state() != State::Open || readBlocked())
            return; // closed, paused or deleted by a handler
        if (n < want)
            return; // the kernel had no more; the notifier fires again when it has
    }
}

void TcpLink::onPeerFin()
{
    if (!isHalfOpenAllowed()) {
        closeNow(CloseReason::PeerClosed,
                 withUnsent(tr("the peer closed the connection"), m_queued), m_queued, false);
        return;
    }
    // The notifier would report the end of stream on every loop pass from now on.
    m_readNotifier->setEnabled(false);
    QPointer<TcpLink> self(this);
    notePeerFinished();
    if (self && state() != State::Closed && writeFinished())
        closeNow(CloseReason::PeerClosed, tr("the peer closed the connection"), 0, false);
}

void TcpLink::onWritable()
{
    QPointer<TcpLink> self(this);
    qint64 written = 0;
    while (!m_queue.empty() && written < WriteCapBytes) {
        iovec iov[kMaxIov];
        int count = 0;
        qint64 want = 0;
        for (auto it = m_queue.begin(); it != m_queue.end() && count < kMaxIov; ++it, ++count) {
            const qsizetype offset = count == 0 ? m_frontOffset : 0;
            iov[count].iov_base = const_cast<char *>(it->constData() + offset);
            iov[count].iov_len = size_t(it->size() - offset);
            want += qint64(iov[count].iov_len);
        }
        msghdr message{};
        message.msg_iov = iov;
        message.msg_iovlen = size_t(count);
        const ssize_t n = ::sendmsg(m_fd, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                fail(errno);
                return;
            }
            break;
        }
        consumeWritten(n);
        written += n;
        if (n < want)
            break; // the kernel's buffer is full
    }
    if (written > 0) {
        emit bytesWritten(written);
        if (!self || state() == State::Closed)
            return;
        noteQueueShrank();
        if (!self || state() == State::Closed)
            return;
    }
    if (!m_queue.empty())
        return;
    m_writeNotifier->setEnabled(false);
    if (state() == State::Closing)
        closeNow(CloseReason::LocalClose, tr("closed by you"), 0, false);
    else if (m_finishPending)
        shutdownWrite();
}

void TcpLink::consumeWritten(qint64 bytes)
{
    m_queued -= bytes;
    while (bytes > 0) {
        const qint64 rest = m_queue.front().size() - m_frontOffset;
        if (bytes < rest) {
            m_frontOffset += bytes;
            return;
        }
        bytes -= rest;
        m_queue.pop_front();
        m_frontOffset = 0;
    }
}

void TcpLink::finishSending()
{
    if (state() != State::Open || m_finishPending || writeFinished())
        return;
    m_finishPending = true;
    if (m_queue.empty())
        shutdownWrite();
}

void TcpLink::shutdownWrite()
{
    m_finishPending = false;
    if (::shutdown(m_fd, SHUT_WR) != 0) {
        fail(errno);
        return;
    }
    noteWriteFinished();
    if (peerFinished())
        closeNow(CloseReason::PeerClosed, tr("the peer closed the connection"), 0, false);
}

void TcpLink::close(int stallMs)
{
    if (state() != State::Open)
        return;
    if (m_queue.empty()) {
        closeNow(CloseReason::LocalClose, tr("closed by you"), 0, false);
        return;
    }
    setState(State::Closing);
    if (state() != State::Closing)
        return; // a stateChanged handler aborted
    updateReadNotifier();
    m_stallMs = qMax(0, stallMs);
    m_pendingAtCheck = m_queued + unsentInKernel();
    m_stallTimer->start(m_stallMs);
}

void TcpLink::checkStall()
{
    if (state() != State::Closing)
        return;
    // Progress is the peer taking bytes, which the kernel's queue shows even while ours
    // stands still: the kernel only asks for more once half of its buffer is free again,
    // and a slow reader can take seconds to free that much.
    const qint64 pending = m_queued + unsentInKernel();
    if (pending < m_pendingAtCheck) {
        m_pendingAtCheck = pending;
        m_stallTimer->start(m_stallMs);
        return;
    }
    closeNow(CloseReason::LocalClose, withUnsent(tr("closed by you"), m_queued), m_queued, true);
}

qint64 TcpLink::unsentInKernel() const
{
    int bytes = 0;
#ifdef Q_OS_LINUX
    // Not yet acknowledged by the peer; asked only by close()'s stall check.
    if (m_fd < 0 || ::ioctl(m_fd, SIOCOUTQ, &bytes) != 0)
        bytes = 0;
#endif
    return bytes;
}

void TcpLink::abort()
{
    if (state() == State::Closed)
        return;
    closeNow(CloseReason::LocalClose, withUnsent(tr("closed by you"), m_queued), m_queued, true);
}

void TcpLink::fail(int error)
{
    if (error == ECONNRESET) {
        closeNow(CloseReason::Reset, withUnsent(tr("the peer reset the connection"), m_queued),
                 m_queued, false);
        return;
    }
    const QAbstractSocket::SocketError socketError = socketErrorFor(error);
    const QString text = socketError == QAbstractSocket::RemoteHostClosedError
                             ? tr("the peer closed the connection")
                             : socketErrorText(socketError);
    closeNow(closeReasonFor(socketError), withUnsent(text, m_queued), m_queued, false);
}

void TcpLink::closeNow(CloseReason reason, const QString &text, qint64 unsent, bool reset)
{
    m_stallTimer->stop();
    m_readNotifier->setEnabled(false);
    m_writeNotifier->setEnabled(false);
    if (m_fd >= 0) {
        if (reset) {
            // Linger 0: close() sends a reset and drops what the kernel still holds.
            const linger hard{1, 0};
            ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        }
        ::close(m_fd);
        m_fd = -1;
    }
    m_queue.clear();
    m_frontOffset = 0;
    m_queued = 0;
    m_held.clear();
    noteClosed(reason, text, unsent);
}

QString TcpLink::withUnsent(const QString &text, qint64 unsent) const
{
    if (unsent <= 0)
        return text;
    return text + tr("; %n byte(s) queued for it were not sent", nullptr,
                     int(qMin<qint64>(unsent, INT_MAX)));
}

} // namespace sockscope
