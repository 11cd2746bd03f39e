#include "core/link/datagramreader.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace sockscope {

struct DatagramReader::Buffers
{
    QByteArray data{Slots * SlotBytes, Qt::Uninitialized};
    mmsghdr headers[Slots];
    iovec vectors[Slots];
    sockaddr_storage senders[Slots];
};

DatagramReader *DatagramReader::create(qintptr descriptor, QObject *parent)
{
    const int fd = ::fcntl(int(descriptor), F_DUPFD_CLOEXEC, 0);
    if (fd < 0)
        return nullptr;
    return new DatagramReader(fd, parent);
}

DatagramReader::DatagramReader(int descriptor, QObject *parent)
    : QObject(parent),
      m_fd(descriptor),
      m_notifier(new QSocketNotifier(descriptor, QSocketNotifier::Read, this)),
      m_buffers(std::make_unique<Buffers>())
{
    connect(m_notifier, &QSocketNotifier::activated, this, &DatagramReader::readyRead);
}

DatagramReader::~DatagramReader()
{
    delete m_notifier;
    ::close(m_fd);
}

void DatagramReader::setEnabled(bool enabled)
{
    m_notifier->setEnabled(enabled);
}

void DatagramReader::read(int max, const Sink &sink, const std::function<void(int)> &error)
{
    while (max > 0) {
        if (m_next == m_filled) {
            const int n = fill(qMin(max, Slots));
            if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
                error(errno);
            if (n <= 0)
                return;
        }
        --max;
        if (!sink(take(m_next++)))
            return;
    }
}

// One recvmmsg() into the slots; -1 with errno on failure.
int DatagramReader::fill(int want)
{
    Buffers &b = *m_buffers;
    for (int i = 0; i < want; ++i) {
        b.vectors[i] = {b.data.data() + qsizetype(i) * SlotBytes, size_t(SlotBytes)};
        b.headers[i] = {};
        b.headers[i].msg_hdr.msg_name = &b.senders[i];
        b.headers[i].msg_hdr.msg_namelen = sizeof(sockaddr_storage);
        b.headers[i].msg_hdr.msg_iov = &b.vectors[i];
        b.headers[i].msg_hdr.msg_iovlen = 1;
    }
    int n;
    do {
        n = ::recvmmsg(m_fd, b.headers, unsigned(want), MSG_DONTWAIT, nullptr);
    } while (n < 0 && errno == EINTR);
    m_next = 0;
    m_filled = qMax(n, 0);
    return n;
}

DatagramReader::Datagram DatagramReader::take(int slot)
{
    const Buffers &b = *m_buffers;
    const auto *sa = reinterpret_cast<const sockaddr *>(&b.senders[slot]);
    const QByteArrayView raw(reinterpret_cast<const char *>(sa),
                             qsizetype(b.headers[slot].msg_hdr.msg_namelen));
    if (raw != QByteArrayView(m_lastRaw)) {
        m_lastRaw = raw.toByteArray();
        m_lastAddress = QHostAddress(sa);
    }
    Datagram d;
    d.sender = m_lastAddress;
    d.port = ntohs(sa->sa_family == AF_INET6 ? reinterpret_cast<const sockaddr_in6 *>(sa)->sin6_port
                                             : reinterpret_cast<const sockaddr_in *>(sa)->sin_port);
    d.data = QByteArray(static_cast<const char *>(b.vectors[slot].iov_base),
                        qsizetype(b.headers[slot].msg_len));
    return d;
}

} // namespace sockscope
