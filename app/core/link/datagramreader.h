#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

#include <functional>
#include <memory>

class QSocketNotifier;

namespace sockscope {

// Reads a bound UDP socket's datagrams many per system call (recvmmsg), on a descriptor of
// its own (a duplicate of the QUdpSocket's, which keeps binding, multicast and sending).
//
// Why: QUdpSocket takes three system calls per datagram (is one pending, how big, read it);
// with three senders at full speed the session lost a fifth of what a plain receiver got
// (issue #16). Here one call takes up to Slots datagrams into warm buffers, and each is
// copied out at its own size.
class DatagramReader final : public QObject
{
    Q_OBJECT
public:
    static constexpr int Slots = 32;
    // Room per slot: more than the largest UDP payload (65,527 bytes over IPv6).
    static constexpr int SlotBytes = 65536;

    struct Datagram
    {
        QHostAddress sender;
        quint16 port = 0;
        QByteArray data;
    };
    // Takes one datagram; false to stop reading (the session stopped).
    using Sink = std::function<bool(Datagram &&)>;

    // nullptr when the descriptor cannot be duplicated.
    static DatagramReader *create(qintptr descriptor, QObject *parent = nullptr);
    ~DatagramReader() override;

    void setEnabled(bool enabled);
    // Reads up to `max` datagrams, handing each to `sink` in arrival order; errors end the
    // read and are given to `error` (errno). The notifier fires again while more are queued.
    // A sink may read again (a session that stops drains what is queued): the inner read
    // goes on with the datagrams the outer one had taken from the kernel, in order.
    void read(int max, const Sink &sink, const std::function<void(int)> &error);

signals:
    void readyRead();

private:
    explicit DatagramReader(int descriptor, QObject *parent);
    Datagram take(int slot);
    int fill(int want);

    struct Buffers;
    int m_fd;
    QSocketNotifier *m_notifier;
    std::unique_ptr<Buffers> m_buffers;
    int m_next = 0;  // the next slot to hand over
    int m_filled = 0; // slots the last recvmmsg() filled
    // The last sender, kept as its raw address: most datagrams of a flood come from a few.
    QByteArray m_lastRaw;
    QHostAddress m_lastAddress;
};

} // namespace sockscope
