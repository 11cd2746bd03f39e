// TcpLink (core/link): one byte pipe over a connected TCP descriptor. Real sockets on
// 127.0.0.1; peers are python3 scripts from tests/peers (accepted through a QTcpServer that
// hands out raw descriptors, as the session's listener will) or QTcpSocket.

#include "core/link/tcplink.h"

#include "acceptnext.h"
#include "eventloop.h"
#include "loopback.h"
#include "pythonpeer.h"
#include "require.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <sys/ioctl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <sys/socket.h>
#include <unistd.h>

#include <memory>

using namespace sockscope;
using namespace sockscope::test;

namespace {

// Byte k of a pattern stream is k & 0xFF (what big_sender.py and half_close_peer.py send).
QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype k = 0; k < size; ++k)
        bytes[k] = char(k & 0xFF);
    return bytes;
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator rng(size);
    rng.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// Writes `bytes` in chunks of varying size (1 byte to 128 KiB): the queue holds many chunks.
bool writeInPieces(Link *link, const QByteArray &bytes)
{
    QRandomGenerator rng(7);
    for (qsizetype at = 0; at < bytes.size();) {
        const qsizetype n = qMin<qsizetype>(bytes.size() - at, 1 + rng.bounded(128 << 10));
        if (!link->write(bytes.mid(at, n)))
            return false;
        at += n;
    }
    return true;
}

// Hands out accepted connections as raw descriptors, as the session's listener will.
class DescriptorServer : public QTcpServer
{
public:
    ~DescriptorServer() override
    {
        for (qintptr fd : std::as_const(descriptors))
            ::close(int(fd));
    }
    QList<qintptr> descriptors;

protected:
    void incomingConnection(qintptr descriptor) override { descriptors.append(descriptor); }
};

// Everything a link emitted, in order.
struct Watch
{
    explicit Watch(Link *link) : link(link)
    {
        QObject::connect(link, &Link::received, link, [this](const QByteArray &block) {
            ++blocks;
            if (block.isEmpty())
                ++emptyBlocks;
            maxBlock = qMax(maxBlock, block.size());
            rx += block;
            if (events.isEmpty() || events.last() != QLatin1String("rx"))
                events << QStringLiteral("rx");
        });
        QObject::connect(link, &Link::bytesWritten, link, [this](qint64 n) { written += n; });
        QObject::connect(link, &Link::drained, link, [this] {
            ++drains;
            queuedAtDrain = this->link->queuedBytes();
        });
        QObject::connect(link, &Link::peerFinishedSending, link, [this] {
            ++peerFins;
            rxAtPeerFin = rx;
            events << QStringLiteral("fin");
        });
        QObject::connect(link, &Link::closed, link,
                         [this](CloseReason r, const QString &t, qint64 u) {
                             ++closes;
                             reason = r;
                             text = t;
                             unsent = u;
                             events << QStringLiteral("closed");
                         });
    }
    Link *link;
    int blocks = 0;
    int emptyBlocks = 0;
    qsizetype maxBlock = 0;
    QByteArray rx;
    QByteArray rxAtPeerFin;
    qint64 written = 0;
    int drains = 0;
    qint64 queuedAtDrain = -1;
    int peerFins = 0;
    int closes = 0;
    CloseReason reason = CloseReason::Error;
    QString text;
    qint64 unsent = -1;
    QStringList events;
};

} // namespace

class tst_TcpLink : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fromDescriptorChecksIt();
    void ipv6Endpoints();
    void peerCloseCountsEverything();
    void peerReset();
    void abortReportsUnsent();
    void stallAbort_data();
    void stallAbort();
    void halfCloseOurs_data();
    void halfCloseOurs();
    void halfClosePeer_data();
    void halfClosePeer();
    void peerFinDropsQueue();
    void noSpinAfterPeerFin();
    void backPressureDrain();
    void readPauseBoundsMemory_data();
    void readPauseBoundsMemory();
    void pausedAtPeerFin_data();
    void pausedAtPeerFin();
    void readCapYields();
    void maxBlockBytes();
    void idleLinksHoldNoBlock();
    void adoptConnectedSocket_data();
    void adoptConnectedSocket();
    void resetOrClose_data();
    void resetOrClose();

private:
    // Starts `script` (port first, then args) and wraps the connection it makes.
    void connectPeer(PythonPeer &peer, const char *script, const QStringList &args = {});

    std::unique_ptr<DescriptorServer> m_server;
    std::unique_ptr<TcpLink> m_link;
};

void tst_TcpLink::initTestCase()
{
    QProcess probe;
    probe.start(QStringLiteral("python3"), {QStringLiteral("-c"), QStringLiteral("print(1)")});
    if (!probe.waitForFinished(10000) || probe.exitCode() != 0)
        QSKIP("python3 is required for the peers of this test");
}

void tst_TcpLink::connectPeer(PythonPeer &peer, const char *script, const QStringList &args)
{
    m_link.reset();
    m_server = std::make_unique<DescriptorServer>();
    QVERIFY(m_server->listen(kLoopback, 0));
    peer.start(script, QStringList{QString::number(m_server->serverPort())} + args);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->descriptors.size(), 1, 10000);
    const qintptr fd = m_server->descriptors.takeFirst();
    m_link.reset(TcpLink::fromDescriptor(fd));
    if (!m_link)
        ::close(int(fd));
    QVERIFY(m_link);
    QCOMPARE(m_link->state(), Link::State::Open);
    QCOMPARE(m_link->peerAddress(), kLoopback);
    QCOMPARE(m_link->localAddress(), kLoopback);
    QCOMPARE(m_link->localPort(), m_server->serverPort());
    QVERIFY(m_link->peerPort() != 0);
}

void tst_TcpLink::fromDescriptorChecksIt()
{
    QVERIFY(!TcpLink::fromDescriptor(-1));
    // A socket that is not connected is refused and stays the caller's.
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QVERIFY(fd >= 0);
    QVERIFY(!TcpLink::fromDescriptor(fd));
    QCOMPARE(::close(fd), 0);

    PythonPeer peer;
    SOCKSCOPE_REQUIRE(connectPeer(peer, "silent_peer.py"));
    QTRY_VERIFY(!peer.value(QStringLiteral("CONNECTED")).isEmpty());
    QCOMPARE(m_link->peerPort(), peer.value(QStringLiteral("CONNECTED")).toUShort());
    QVERIFY(m_link->canHalfOpen());
    QVERIFY(!m_link->isHalfOpenAllowed()); // the default: a FIN closes, as sessions show it
    QVERIFY(!m_link->isReadPaused());
}

void tst_TcpLink::ipv6Endpoints()
{
    DescriptorServer server;
    if (!server.listen(QHostAddress::LocalHostIPv6, 0))
        QSKIP("no ::1 on this machine");
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHostIPv6, server.serverPort());
    QTRY_COMPARE(server.descriptors.size(), 1);
    QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
    std::unique_ptr<TcpLink> link(TcpLink::fromDescriptor(server.descriptors.takeFirst()));
    QVERIFY(link);
    QCOMPARE(link->peerAddress(), QHostAddress(QHostAddress::LocalHostIPv6));
    QCOMPARE(link->peerPort(), client.localPort());
    QCOMPARE(link->localAddress(), QHostAddress(QHostAddress::LocalHostIPv6));
    QCOMPARE(link->localPort(), server.serverPort());
    Watch w(link.get());
    QVERIFY(link->write("ping"));
    QTRY_COMPARE(client.bytesAvailable(), 4);
    client.write("pong");
    QTRY_COMPARE(w.rx, QByteArray("pong"));
    client.disconnectFromHost();
    QTRY_COMPARE(w.closes, 1);
    QCOMPARE(w.reason, CloseReason::PeerClosed);
}

void tst_TcpLink::peerCloseCountsEverything()
{
    const int size = 8 << 20;
    PythonPeer peer;
    SOCKSCOPE_REQUIRE(connectPeer(peer, "exchange_peer.py", {QString::number(size)}));
    Watch w(m_link.get());
    const QByteArray ours = randomBytes(size);
    QVERIFY(writeInPieces(m_link.get(), ours));
    QCOMPARE(m_link->queuedBytes(), qint64(size)); // nothing is written from inside write()
    QCOMPARE(w.written, 0);

    QTRY_COMPARE_WITH_TIMEOUT(w.closes, 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(peer.finished(), 10000);
    QVERIFY2(peer.process().exitCode() == 0, qPrintable(peer.diagnostics()));
    QCOMPARE(w.reason, CloseReason::PeerClosed);
    QCOMPARE(w.text, QStringLiteral("the peer closed the connection"));
    QCOMPARE(w.unsent, 0);
    // Every byte both ways, in order; what reached the kernel is exactly what was written.
    QCOMPARE(w.written, qint64(size));
    QCOMPARE(peer.value(QStringLiteral("RECEIVED")).toInt(), size);
    QCOMPARE(peer.value(QStringLiteral("SHA256")), sha256(ours));
    QCOMPARE(w.rx.size(), size);
    QCOMPARE(sha256(w.rx), peer.value(QStringLiteral("SENT_SHA256")));
    QCOMPARE(w.emptyBlocks, 0);
    QVERIFY(w.maxBlock <= TcpLink::ReadCapBytes);
    QCOMPARE(m_link->state(), Link::State::Closed);
    QCOMPARE(m_link->queuedBytes(), 0);
    QVERIFY(!m_link->write("late"));
    spin(50);
    QCOMPARE(w.closes, 1);
}

void tst_TcpLink::peerReset()
{
    const int size = 100000;
    PythonPeer peer;
    SOCKSCOPE_REQUIRE(connectPeer(peer, "reset_peer.py", {QString::number(size)}));
    Watch w(m_link.get());
    QTRY_COMPARE_WITH_TIMEOUT(w.rx.size(), size, 10000);
    // "go", then more than its 4 KiB receive buffer holds: the reset comes mid-transfer.
    QVERIFY(m_link->write("go\n"));
    QVERIFY(m_link->write(randomBytes(4 << 20)));
    QTRY_COMPARE_WITH_TIMEOUT(w.closes, 1, 10000);
    QTRY_VERIFY(peer.lines().contains(QStringLiteral("RESET")));
    QCOMPARE(w.reason, CloseReason::Reset);
    QVERIFY2(w.text.startsWith(QStringLiteral("the peer reset the connection")),
             qPrintable(w.text));
    QCOMPARE(w.rx, pattern(size));
    // Whatever had not reached the kernel is reported, and adds up with what had.
    QCOMPARE(w.written + w.unsent, qint64(3 + (4 << 20)));
    QCOMPARE(w.text.contains(QString::number(w.unsent)), w.unsent > 0);
}

void tst_TcpLink::abortReportsUnsent()
{
    PythonPeer peer;
    SOCKSCOPE_REQUIRE(connectPeer(peer, "silent_peer.py"));
    Watch w(m_link.get());
    QSignalSpy states(m_link.get(), &Link::stateChanged);
    const int size = 8 << 20;
    QVERIFY(m_link->write(randomBytes(size)));
    // The peer reads nothing: the kernel buffers fill, the rest stays queued with us.
    QTRY_VERIFY(w.written > 0);
    QVERIFY(m_link->queuedBytes() > 0);
    QCOMPARE(m_link->queuedBytes() + w.written, qint64(size));

    m_link->abort();
    QCOMPARE(w.closes, 1); // at once
    QCOMPARE(w.reason, CloseReason::LocalClose);
    QCOMPARE(w.unsent, size - w.written);
    QVERIFY2(w.text.startsWith(QStringLiteral("closed by you; ")) &&
                 w.text.contains(QString::number(w.unsent)),
             qPrintable(w.text));
    QCOMPARE(m_link->queuedBytes(), 0);
    QCOMPARE(m_link->state(), Link::State::Closed);
    QCOMPARE(states.count(), 1);
    QVERIFY(!m_link->write("x"));
    m_link->abort();
    m_link->close();
    QCOMPARE(w.closes, 1);

    // An abort is a reset: the peer, now reading, gets one instead of an end of stream.
    peer.process().write("\n");
    QVERIFY(peer.process().waitForFinished(10000));
    QCOMPARE(peer.process().exitCode(), 5);
}

void tst_TcpLink::stallAbort_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("bytes");
    QTest::addColumn<int>("stallMs");
    QTest::addColumn<bool>("aborted");
    QTest::newRow("silent peer") << QStringLiteral("silent_peer.py") << (8 << 20) << 500 << true;
    // 64 KiB every 100 ms: our own queue may stand still longer than the stall time (the
    // kernel asks for more only once half its buffer is free), the peer still takes bytes.
    QTest::newRow("slow reader") << QStringLiteral("slow_reader.py") << (512 << 10) << 300
                                 << false;
}

void tst_TcpLink::stallAbort()
{
    QFETCH(QString, script);
    QFETCH(int, bytes);
    QFETCH(int, stallMs);
    QFETCH(bool, aborted);
    PythonPeer peer;
    SOCKSCOPE_REQUIRE(connectPeer(peer, qPrintable(script)));
    // A small kernel buffer (no autotuning) keeps most of the bytes in our own queue.
    const int sndbuf = 32 << 10;
    QCOMPARE(::setsockopt(int(m_link->descriptor()), SOL_SOCKET, SO_SNDBUF, &sndbuf,
                          sizeof sndbuf),
             0);
    Watch w(m_link.get());
    QSignalSpy states(m_link.get(), &Link::stateChanged);
    const QByteArray data = randomBytes(bytes);
    QVERIFY(writeInPieces(m_link.get(), data));
    QTRY_VERIFY(w.written > 0);

    QElapsedTimer clock;
    clock.start();
    m_link->close(stallMs);
    QCOMPARE(m_link->state(), Link::State::Closing);
    QCOMPARE(states.count(), 1);
    QVERIFY(!m_link->write("x")); // closing: nothing more is accepted
    QTRY_COMPARE_WITH_TIMEOUT(w.closes, 1, 20000);
    QCOMPARE(w.reason, CloseReason::LocalClose);
    QCOMPARE(w.written + w.unsent, qint64(bytes));
    if (aborted) {
        // Not before the stall time (coarse timers may fire 5 % early), and about then.
        QVERIFY2(clock.elapsed() >= stallMs * 9 / 10, QByteArray::number(clock.elapsed()));
        QVERIFY2(clock.elapsed() < stallMs + 3000, QByteArray::number(clock.elapsed()));
        QVERIFY(w.unsent > 0);
        QVERIFY2(w.text.contains(QString::number(w.unsent)), qPrintable(w.text));
        peer.process().write("\n");
        QVERIFY(peer.process().waitForFinished(10000));
        QCOMPARE(peer.process().exitCode(), 5); // reset
    } else {
        QCOMPARE(w.unsent, 0);
        QCOMPARE(w.text, QStringLiteral("closed by you"));
        QTRY_VERIFY_WITH_TIMEOUT(peer.finished(), 20000);
        QVERIFY2(peer.lines().contains(QStringLiteral("EOF")), qPrintable(peer.diagnostics()));
        QCOMPARE(peer.value(QStringLiteral("TOTAL")).toInt(), bytes);
        QCOMPARE(peer.value(QStringLiteral("SHA256")), sha256(data));
    }
}

void tst_TcpLink::halfCloseOurs_data()
{
    QTest::addColumn<bool>("halfOpen");
    QTest::newRow("default") << false;
    QTest::newRow("half-open allowed") << true;
}

void tst_TcpLink::halfCloseOurs()
{
    QFETCH(bool, halfOpen);
    PythonPeer peer;
    SOCKSCOPE_REQUIRE(connectPeer(peer, "read_to_eof_then_reply.py"));
    m_link->setHalfOpenAllowed(halfOpen);
    Watch w(m_link.get());
    bool finishedBeforeAnswer = false;
    connect(m_link.get(), &Link::received, this,
            [&] { finishedBeforeAnswer = finishedBeforeAnswer || m_link->writeFinished(); });
    const QByteArray data = randomBytes(4 << 20);
    QVERIFY(writeInPieces(m_link.get(), data));
    m_link->finishSending();
    QVERIFY(!m_link->write("x")); // the write side is finishing
    QVERIFY(!m_link->writeFinished()); // not before the queue is out
    QTRY_VERIFY_WITH_TIMEOUT(m_link->writeFinished(), 10000);
    QCOMPARE(w.written, qint64(data.size()));

    // The peer saw our end of stream after every byte and answered on the same connection.
    QTRY_COMPARE_WITH_TIMEOUT(w.closes, 1, 10000);
    const QByteArray answer = "TOTAL " + QByteArray::number(data.size()) + " SHA " +
                              sha256(data).toLatin1() + '\n';
    QCOMPARE(w.rx, answer);
    QVERIFY(finishedBeforeAnswer);
    QCOMPARE(w.reason, CloseReason::PeerClosed);
    QCOMPARE(w.unsent, 0);
    QCOMPARE(w.peerFins, halfOpen ? 1 : 0);
    QVERIFY(!m_link->write("x"));
}

void tst_TcpLink::halfClosePeer_data()
{
    QTest::addColumn<bool>("halfOpen");
    QTest::newRow("allowed") << true;
    QTest::newRow("not allowed") << false;
}

void tst_TcpLink::halfClosePeer()
{
    QFETCH(bool, halfOpen);
    const int peerBytes = (1 << 20) + 17;
    const int reply = 4 << 20;
    PythonPeer peer;
    SOCKSCOPE_REQUIRE(connectPeer(peer, "half_close_peer.py", {QString::number(peerBytes)}));
    m_link->setHalfOpenAllowed(halfOpen);
    Watch w(m_link.get());
    const QByteArray data = randomBytes(reply);
    connect(m_link.get(), &Link::peerFinishedSending, this, [&] {
        // Still open for writing after the peer's FIN.
        QVERIFY(writeInPieces(m_link.get(), data));
        m_link->close();
    });
    QTRY_COMPARE_WITH_TIMEOUT(w.closes, 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(peer.finished(), 10000);
    QVERIFY2(peer.lines().contains(QStringLiteral("EOF")), qPrintable(peer.diagnostics()));
    QCOMPARE(w.rx, pattern(peerBytes));
    if (halfOpen) {
        QCOMPARE(w.peerFins, 1);
        QCOMPARE(w.rxAtPeerFin, pattern(peerBytes)); // after every byte the peer sent
        QCOMPARE(w.reason, CloseReason::LocalClose);
        QCOMPARE(w.text, QStringLiteral("closed by you"));
        QCOMPARE(w.unsent, 0);
        QCOMPARE(w.written, qint64(reply));
        QCOMPARE(peer.value(QStringLiteral("TOTAL")).toInt(), reply);
    } else {
        QCOMPARE(w.peerFins, 0);
        QCOMPARE(w.reason, CloseReason::PeerClosed);
        QCOMPARE(w.text, QStringLiteral("the peer closed the connection"));
        QCOMPARE(peer.value(QStringLiteral("TOTAL")).toInt(), 0);
    }
    QCOMPARE(w.events.last(), QStringLiteral("closed"));
}

// Today's sessions (tst_faults_tcp::peerHalfCloses, "our bytes still queued at its FIN"):
// without half-open, the peer's FIN closes at once; what had reached the kernel still goes
// out in order, what was still queued with us is dropped and said.
void tst_TcpLink::peerFinDropsQueue()
{
    const int size = 16 << 20;
    PythonPeer peer;
    SOCKSCOPE_REQUIRE(connectPeer(peer, "half_close_peer.py",
                                  {QStringLiteral("17"), QStringLiteral("--read-first"),
                                   QStringLiteral("1")}));
    Watch w(m_link.get());
    QVERIFY(m_link->write(pattern(size)));
    QTRY_COMPARE_WITH_TIMEOUT(w.closes, 1, 10000);
    QCOMPARE(w.reason, CloseReason::PeerClosed);
    QCOMPARE(w.rx, pattern(17));
    QVERIFY(w.unsent > 0);
    QCOMPARE(w.written + w.unsent, qint64(size));
    QCOMPARE(w.text, QStringLiteral("the peer closed the connection; %1 byte(s) queued for it "
                                    "were not sent")
                         .arg(w.unsent));
    QTRY_VERIFY_WITH_TIMEOUT(peer.finished(), 10000);
    QVERIFY2(peer.lines().contains(QStringLiteral("EOF")), qPrintable(peer.diagnostics()));
    QCOMPARE(peer.value(QStringLiteral("TOTAL")).toLongLong(), w.written);
}

void tst_TcpLink::noSpinAfterPeerFin()
{
    PythonPeer peer;
    SOCKSCOPE_REQUIRE(connectPeer(peer, "half_close_peer.py", {QStringLiteral("17")}));
    m_link->setHalfOpenAllowed(true);
    Watch w(m_link.get());
    QTRY_COMPARE_WITH_TIMEOUT(w.peerFins, 1, 10000);
    // A level-triggered notifier left on at end of stream would fire on every loop pass.
    const qint64 before = m_link->readEvents();
    spin(500);
    QVERIFY2(m_link->readEvents() - before <= 2, QByteArray::number(m_link->readEvents() - before));
    QCOMPARE(m_link->state(), Link::State::Open);
    QVERIFY(m_link->peerFinished());

    QVERIFY(m_link->write(QByteArray(1000, 'x')));
    m_link->close();
    QTRY_COMPARE_WITH_TIMEOUT(w.closes, 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(peer.finished(), 10000);
    QCOMPARE(peer.value(QStringLiteral("TOTAL")).toInt(), 1000);
    QCOMPARE(w.rx, pattern(17));
}

void tst_TcpLink::backPressureDrain()
{
    PythonPeer peer;
    SOCKSCOPE_REQUIRE(connectPeer(peer, "silent_peer.py"));
    Watch w(m_link.get());
    const qint64 high = 1 << 20;
    const qint64 low = 256 << 10;
    m_link->setWaterMarks(high, low);
    QCOMPARE(m_link->highWater(), high);
    QCOMPARE(m_link->lowWater(), low);
    const QByteArray data = randomBytes(6 << 20);
    QVERIFY(writeInPieces(m_link.get(), data));
    QVERIFY(m_link->isBackedUp());

    // The peer reads nothing: the queue stays above the low mark, no drained().
    spin(300);
    QVERIFY(w.written > 0);
    QVERIFY(m_link->isBackedUp());
    QCOMPARE(w.drains, 0);

    peer.process().write("\n");
    QTRY_COMPARE_WITH_TIMEOUT(w.drains, 1, 10000);
    QVERIFY2(w.queuedAtDrain <= low, QByteArray::number(w.queuedAtDrain));
    QVERIFY(!m_link->isBackedUp());
    m_link->close();
    QTRY_COMPARE_WITH_TIMEOUT(w.closes, 1, 10000);
    QCOMPARE(w.unsent, 0);
    QCOMPARE(w.drains, 1);
    QVERIFY(peer.process().waitForFinished(10000));
    QCOMPARE(peer.value(QStringLiteral("TOTAL")).toInt(), data.size());
    QCOMPARE(peer.value(QStringLiteral("SHA256")), sha256(data));
}

void tst_TcpLink::readPauseBoundsMemory_data()
{
    QTest::addColumn<bool>("fromStart");
    QTest::newRow("paused before any byte") << true;
    QTest::newRow("paused by the first block's handler") << false;
}

void tst_TcpLink::readPauseBoundsMemory()
{
    QFETCH(bool, fromStart);
    const int mib = 8;
    PythonPeer peer;
    SOCKSCOPE_REQUIRE(connectPeer(peer, "big_sender.py", {QString::number(mib)}));
    Watch w(m_link.get());
    if (fromStart) {
        m_link->setReadPaused(true);
    } else {
        connect(m_link.get(), &Link::received, this,
                [&] { m_link->setReadPaused(w.blocks == 1 || m_link->isReadPaused()); });
    }
    QVERIFY(m_link->isReadPaused() || fromStart == false);
    spin(300);
    QCOMPARE(w.blocks, fromStart ? 0 : 1);
    QVERIFY(m_link->isReadPaused());
    // What the peer sent waits in the kernel, not with us: TCP flow control holds the peer.
    int waiting = 0;
    QCOMPARE(::ioctl(int(m_link->descriptor()), FIONREAD, &waiting), 0);
    QVERIFY2(waiting > 0, QByteArray::number(waiting));
    QCOMPARE(m_link->state(), Link::State::Open);

    disconnect(m_link.get(), &Link::received, this, nullptr);
    m_link->setReadPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(w.closes, 1, 15000);
    QCOMPARE(w.rx.size(), mib << 20);
    QCOMPARE(w.rx, pattern(mib << 20));
    QCOMPARE(w.reason, CloseReason::PeerClosed);
    QVERIFY(w.maxBlock <= TcpLink::ReadCapBytes);
    QTRY_VERIFY_WITH_TIMEOUT(peer.finished(), 10000);
    QCOMPARE(peer.value(QStringLiteral("SENT")).toInt(), mib << 20);
}

void tst_TcpLink::pausedAtPeerFin_data()
{
    QTest::addColumn<bool>("halfOpen");
    QTest::newRow("FIN closes") << false;
    QTest::newRow("half-open allowed") << true;
}

void tst_TcpLink::pausedAtPeerFin()
{
    QFETCH(bool, halfOpen);
    PythonPeer peer;
    SOCKSCOPE_REQUIRE(connectPeer(peer, "half_close_peer.py", {QStringLiteral("70000")}));
    m_link->setReadPaused(true);
    m_link->setHalfOpenAllowed(halfOpen);
    Watch w(m_link.get());
    QTRY_VERIFY_WITH_TIMEOUT(peer.lines().contains(QStringLiteral("HALF_CLOSED")), 10000);
    spin(200);
    // Bytes and FIN wait behind the pause.
    QCOMPARE(w.blocks, 0);
    QCOMPARE(w.closes, 0);
    QCOMPARE(w.peerFins, 0);
    QCOMPARE(m_link->state(), Link::State::Open);

    m_link->setReadPaused(false);
    if (halfOpen) {
        QTRY_COMPARE_WITH_TIMEOUT(w.peerFins, 1, 10000);
        QCOMPARE(w.rxAtPeerFin, pattern(70000));
        QCOMPARE(w.events, QStringList({QStringLiteral("rx"), QStringLiteral("fin")}));
        m_link->close();
        QCOMPARE(w.reason, CloseReason::LocalClose);
    } else {
        QTRY_COMPARE_WITH_TIMEOUT(w.closes, 1, 10000);
        QCOMPARE(w.events, QStringList({QStringLiteral("rx"), QStringLiteral("closed")}));
        QCOMPARE(w.reason, CloseReason::PeerClosed);
    }
    QCOMPARE(w.rx, pattern(70000));
    QCOMPARE(w.closes, 1);
    QTRY_VERIFY_WITH_TIMEOUT(peer.finished(), 10000);
    QVERIFY2(peer.lines().contains(QStringLiteral("EOF")), qPrintable(peer.diagnostics()));
}

void tst_TcpLink::readCapYields()
{
    const int mib = 48;
    PythonPeer peer;
    SOCKSCOPE_REQUIRE(connectPeer(peer, "big_sender.py", {QString::number(mib)}));
    Watch w(m_link.get());
    // Bytes handed over between two turns of the event loop (two ticks of a 0 ms timer).
    qint64 sinceTick = 0;
    qint64 mostBetweenTicks = 0;
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(0);
    connect(&ticker, &QTimer::timeout, this, [&] {
        ++ticks;
        mostBetweenTicks = qMax(mostBetweenTicks, sinceTick);
        sinceTick = 0;
    });
    connect(m_link.get(), &Link::received, this, [&](const QByteArray &block) {
        sinceTick += block.size();
    });
    ticker.start();
    // exec(), as an application runs: Qt's glib dispatcher gives timers idle priority there.
    QEventLoop loop;
    connect(m_link.get(), &Link::closed, &loop, &QEventLoop::quit);
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    QCOMPARE(w.closes, 1);
    QCOMPARE(w.rx.size(), mib << 20);
    QVERIFY(ticks > 0);
    // Each readiness event reads at most ReadCapBytes; allow the loop's order within a pass.
    QVERIFY2(mostBetweenTicks <= 2 * TcpLink::ReadCapBytes, QByteArray::number(mostBetweenTicks));
    qInfo("%d ticks, at most %lld bytes between two, %d blocks", ticks, mostBetweenTicks,
          w.blocks);
}

void tst_TcpLink::maxBlockBytes()
{
    const int mib = 2;
    const qint64 maxBlock = 32 << 10;
    PythonPeer peer;
    SOCKSCOPE_REQUIRE(connectPeer(peer, "big_sender.py", {QString::number(mib)}));
    m_link->setMaxBlockBytes(maxBlock);
    QCOMPARE(m_link->maxBlockBytes(), maxBlock);
    Watch w(m_link.get());
    // Paused by the handler of a block: the next block comes only after the resume.
    int blocksWhenPaused = -1;
    connect(m_link.get(), &Link::received, this, [&] {
        if (w.blocks == 3) {
            blocksWhenPaused = w.blocks;
            m_link->setReadPaused(true);
            QTimer::singleShot(100, m_link.get(), [&] {
                QCOMPARE(w.blocks, blocksWhenPaused);
                m_link->setReadPaused(false);
            });
        }
    });
    QTRY_COMPARE_WITH_TIMEOUT(w.closes, 1, 10000);
    QCOMPARE(blocksWhenPaused, 3);
    QCOMPARE(w.rx, pattern(mib << 20));
    QVERIFY2(w.maxBlock <= maxBlock, QByteArray::number(w.maxBlock));
    QVERIFY(w.blocks >= (mib << 20) / maxBlock);
}

void tst_TcpLink::adoptConnectedSocket_data()
{
    QTest::addColumn<bool>("inConnectedHandler");
    QTest::addColumn<int>("bufferedFirst"); // bytes Qt has already read when we adopt
    QTest::newRow("from connected()") << true << 0;
    QTest::newRow("with bytes Qt had read") << false << 100000;
}

void tst_TcpLink::adoptConnectedSocket()
{
    QFETCH(bool, inConnectedHandler);
    QFETCH(int, bufferedFirst);
    QTcpServer server;
    QVERIFY(server.listen(kLoopback, 0));
    auto *client = new QTcpSocket;
    QVERIFY(!TcpLink::adopt(client)); // not connected
    QVERIFY(!TcpLink::adopt(nullptr));

    std::unique_ptr<TcpLink> link;
    std::unique_ptr<Watch> w;
    auto adopt = [&] {
        link.reset(TcpLink::adopt(client));
        if (link)
            w = std::make_unique<Watch>(link.get());
    };
    bool disconnectSeen = false;
    connect(client, &QAbstractSocket::disconnected, this, [&] { disconnectSeen = true; });
    if (inConnectedHandler)
        connect(client, &QAbstractSocket::connected, this, adopt);
    QPointer<QTcpSocket> watchClient(client);
    client->connectToHost(kLoopback, server.serverPort());
    QTcpSocket *peerSide = acceptNext(server);
    QVERIFY(peerSide);
    const QByteArray first = randomBytes(bufferedFirst) + "-then-this";
    if (!inConnectedHandler) {
        QVERIFY(client->waitForConnected(5000));
        peerSide->write(first.left(bufferedFirst));
        QTRY_COMPARE(client->bytesAvailable(), qint64(bufferedFirst));
        adopt();
    }
    QTRY_VERIFY(link);
    QTRY_VERIFY(!watchClient); // the QTcpSocket is gone
    QVERIFY(!disconnectSeen);  // and no slot of its owner heard of it
    QCOMPARE(link->peerPort(), server.serverPort());
    QCOMPARE(link->localPort(), peerSide->peerPort());
    peerSide->write(first.mid(bufferedFirst));

    // Both ways over the adopted descriptor; closing Qt's copy did not end the connection.
    const QByteArray data = randomBytes(1 << 20);
    QVERIFY(writeInPieces(link.get(), data));
    QByteArray atPeer;
    connect(peerSide, &QIODevice::readyRead, this, [&] { atPeer += peerSide->readAll(); });
    QTRY_COMPARE_WITH_TIMEOUT(atPeer.size(), data.size(), 10000);
    QCOMPARE(atPeer, data);
    QTRY_COMPARE(w->rx, first);
    QCOMPARE(peerSide->state(), QAbstractSocket::ConnectedState);
    link->close();
    QCOMPARE(w->closes, 1);
    QCOMPARE(w->reason, CloseReason::LocalClose);
    QTRY_COMPARE(peerSide->state(), QAbstractSocket::UnconnectedState);
}

// A reset is told from an orderly close on both kinds of link, idle or with megabytes still
// queued when the peer goes (the rows tst_socketerrors had for the ResetProbe this replaces).
void tst_TcpLink::resetOrClose_data()
{
    QTest::addColumn<bool>("adopted"); // the connecting side (adopt) or the accepted one
    QTest::addColumn<bool>("peerResets");
    QTest::addColumn<int>("pendingSend");

    for (const bool adopted : {false, true}) {
        for (const bool resets : {false, true}) {
            for (const int pending : {0, 8 << 20}) {
                const QByteArray name = QByteArray(adopted ? "adopted" : "accepted") +
                                        (resets ? ", peer resets" : ", peer closes") +
                                        (pending ? ", sending" : ", idle");
                QTest::newRow(name.constData()) << adopted << resets << pending;
            }
        }
    }
}

void tst_TcpLink::resetOrClose()
{
    QFETCH(bool, adopted);
    QFETCH(bool, peerResets);
    QFETCH(int, pendingSend);

    DescriptorServer server; // accepts for the link
    QTcpServer peerServer;   // accepts for the peer
    QVERIFY(server.listen(kLoopback, 0));
    QVERIFY(peerServer.listen(kLoopback, 0));
    QTcpSocket connecting;
    QTcpSocket *other = nullptr; // the peer
    std::unique_ptr<TcpLink> link;
    if (adopted) {
        // The link's side connects (a QTcpSocket, adopted); the peer is accepted.
        auto *client = new QTcpSocket;
        client->connectToHost(kLoopback, peerServer.serverPort());
        other = acceptNext(peerServer);
        QTRY_COMPARE(client->state(), QAbstractSocket::ConnectedState);
        link.reset(TcpLink::adopt(client));
    } else {
        connecting.connectToHost(kLoopback, server.serverPort());
        QTRY_COMPARE(server.descriptors.size(), 1);
        QTRY_COMPARE(connecting.state(), QAbstractSocket::ConnectedState);
        other = &connecting;
        link.reset(TcpLink::fromDescriptor(server.descriptors.takeFirst()));
    }
    QVERIFY(link);
    QVERIFY(other);
    other->setReadBufferSize(4096); // Qt stops reading for the peer once that much is in
    Watch w(link.get());
    if (pendingSend > 0) {
        // The peer does not read: the bytes stay queued in both kernels and in the link.
        QVERIFY(link->write(QByteArray(pendingSend, 'x')));
        QTRY_VERIFY(w.written > 0);
        QVERIFY(link->queuedBytes() > 0);
    }
    if (peerResets) {
        const linger hardClose{1, 0};
        QCOMPARE(::setsockopt(int(other->socketDescriptor()), SOL_SOCKET, SO_LINGER,
                              &hardClose, sizeof hardClose),
                 0);
        other->abort();
    } else if (pendingSend > 0) {
        // Closing with unread data makes the kernel send RST (RFC 1122), so an orderly
        // close from a peer that did not read everything is a half-close: FIN only.
        QCOMPARE(::shutdown(int(other->socketDescriptor()), SHUT_WR), 0);
    } else {
        other->abort();
    }

    QTRY_COMPARE_WITH_TIMEOUT(w.closes, 1, 10000);
    QCOMPARE(w.reason, peerResets ? CloseReason::Reset : CloseReason::PeerClosed);
    QVERIFY2(w.text.startsWith(peerResets ? QStringLiteral("the peer reset the connection")
                                          : QStringLiteral("the peer closed the connection")),
             qPrintable(w.text));
    QCOMPARE(w.written + w.unsent, qint64(pendingSend));
}

// Reads land in one warm block per thread (ReceiveBuffer), not one per link: a thousand
// connections that each sent a line hold their lines, not 256 KiB each (issue #16; a block per
// link took headless sockscope from 32 to 283 MiB with flood.py's 1,000 clients).
void tst_TcpLink::idleLinksHoldNoBlock()
{
#if !defined(__GLIBC__) || defined(__SANITIZE_ADDRESS__)
    QSKIP("counts the heap with glibc's mallinfo2(); this build has another allocator");
#else
    const int count = 100;
    DescriptorServer server;
    QVERIFY(server.listen(kLoopback, 0));
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < count; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(kLoopback, server.serverPort());
        if (i % 20 == 19) // within the listen backlog
            QTRY_COMPARE_WITH_TIMEOUT(server.descriptors.size(), i + 1, 10000);
    }
    for (auto &c : clients) {
        QTRY_VERIFY(c->state() == QAbstractSocket::ConnectedState);
        c->write(QByteArray(1024, 'x'));
    }
    // In use from the heap, plus chunks big enough to get a mapping of their own.
    const auto heapInUse = [] {
        const struct mallinfo2 m = mallinfo2();
        return qint64(m.uordblks + m.hblkhd);
    };
    const qint64 before = heapInUse();
    std::vector<std::unique_ptr<TcpLink>> links;
    qint64 received = 0;
    for (qintptr fd : std::as_const(server.descriptors)) {
        links.emplace_back(TcpLink::fromDescriptor(fd));
        QVERIFY(links.back());
        connect(links.back().get(), &Link::received, this,
                [&](const QByteArray &b) { received += b.size(); });
    }
    server.descriptors.clear(); // the links own them now
    QTRY_COMPARE_WITH_TIMEOUT(received, qint64(count) * 1024, 10000);
    const qint64 grown = heapInUse() - before;
    QVERIFY2(grown < 8 << 20, qPrintable(QStringLiteral("%1 links hold %2 bytes more")
                                              .arg(count)
                                              .arg(grown)));
#endif
}

QTEST_MAIN(tst_TcpLink)
#include "tst_tcplink.moc"
