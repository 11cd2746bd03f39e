#include "core/senders/filesender.h"
#include "core/senders/periodicsender.h"
#include "core/senders/sequencerunner.h"
#include "core/transport/tcpclientsession.h"
#include "core/transport/tcpserversession.h"
#include "core/transport/udpsession.h"

#include "acceptnext.h"
#include "fifo.h"
#include "loopback.h"
#include "loopbackserver.h"
#include "require.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace sockscope;
using namespace sockscope::test;

namespace {

// A TcpClientSession connected to a plain QTcpServer socket in this process:
// the raw socket plays the remote device.
struct TcpPair
{
    QTcpServer server;
    TcpClientSession client;
    QTcpSocket *peer = nullptr; // owned by server
    QByteArray received;

    void collect()
    {
        QObject::connect(peer, &QTcpSocket::readyRead, peer,
                         [this] { received += peer->readAll(); });
    }
};

void connectPair(TcpPair &pair)
{
    QVERIFY(pair.server.listen(kLoopback, 0));
    TcpClientSession::Options options;
    options.host = QStringLiteral("127.0.0.1");
    options.port = pair.server.serverPort();
    pair.client.setOptions(options);
    pair.client.start();
    QTRY_COMPARE(pair.client.connection(), TcpClientSession::Connection::Connected);
    pair.peer = acceptNext(pair.server);
    QVERIFY(pair.peer);
}

// A file of `size` pseudo-random bytes, written (and hashed) 1 MiB at a time.
QString makeFile(const QTemporaryDir &dir, const QString &name, qint64 size, QByteArray *sha256)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QRandomGenerator gen(42);
    QByteArray block(1 << 20, Qt::Uninitialized);
    for (qint64 left = size; left > 0;) {
        const qint64 n = qMin<qint64>(left, block.size());
        gen.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        file.write(block.constData(), n);
        hash.addData(QByteArrayView(block.constData(), n));
        left -= n;
    }
    if (sha256)
        *sha256 = hash.result();
    return path;
}

QByteArray sha256Prefix(const QString &path, qint64 length)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    while (length > 0) {
        const QByteArray b = file.read(qMin<qint64>(length, 1 << 20));
        if (b.isEmpty())
            break;
        hash.addData(b);
        length -= b.size();
    }
    return hash.result();
}

// Reads a raw peer that was paused by a small read buffer, hashing as it goes.
struct Drain
{
    QCryptographicHash hash{QCryptographicHash::Sha256};
    qint64 bytes = 0;

    void start(QTcpSocket *socket)
    {
        auto read = [this, socket] {
            const QByteArray b = socket->readAll();
            bytes += b.size();
            hash.addData(b);
        };
        QObject::connect(socket, &QTcpSocket::readyRead, socket, read);
        read();
    }
};

} // namespace

class tst_Senders : public QObject
{
    Q_OBJECT

private slots:
    void periodicSendsExactCount();
    void periodicRefusesBadSetup();
    void periodicStopsWhenPeerDisconnects();
    void periodicStopsWhenTargetPeerCloses();
    void periodicStop();
    void periodicWakesWhenBackedUpPeerCloses();

    void fileBackPressured();
    void fileCancel();
    void filePeerGone();
    void fileRefused();
    void fileRefusesFifo();
    void fileUdpPaced();
    void fileUdpTargetFixedAtStart();

    void sequenceLoopedTwice();
    void sequenceForeverUntilStopped();
};

void tst_Senders::periodicSendsExactCount()
{
    TcpPair pair;
    SOCKSCOPE_REQUIRE(connectPair(pair));
    pair.collect();

    MessageSpec spec;
    spec.content = QStringLiteral("msg{{counter}};");
    spec.dynamicFields = true;

    PeriodicSender sender(&pair.client);
    sender.setMessage(OutgoingMessage::fromSpec(spec));
    sender.setInterval(20);
    sender.setCount(5);
    QSignalSpy progress(&sender, &PeriodicSender::progress);
    QSignalSpy finished(&sender, &ScheduledSender::finished);
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(sender.start(), qPrintable(sender.errorString()));
    QVERIFY(sender.isRunning());
    QCOMPARE(progress.count(), 0); // the first send is from the event loop

    QTRY_COMPARE(finished.count(), 1);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(finished.at(0).at(0).value<ScheduledSender::FinishReason>(),
             ScheduledSender::FinishReason::Completed);
    QVERIFY(!sender.isRunning());
    // 5 messages span 4 intervals; far more would mean drift or a stall.
    QVERIFY2(elapsed >= 4 * 20 - 2, qPrintable(QString::number(elapsed)));
    QVERIFY2(elapsed < 1500, qPrintable(QString::number(elapsed)));
    QCOMPARE(progress.count(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(progress.at(i).at(0).toLongLong(), qint64(i + 1));

    const QByteArray expected = "msg1;msg2;msg3;msg4;msg5;";
    QTRY_COMPARE(pair.received, expected);
    QTest::qWait(60); // nothing more may follow
    QCOMPARE(pair.received, expected);
    QCOMPARE(sender.sentCount(), qint64(5));
}

void tst_Senders::periodicRefusesBadSetup()
{
    TcpClientSession idle; // never connected
    PeriodicSender sender(&idle);
    QSignalSpy finished(&sender, &ScheduledSender::finished);
    sender.setMessage(OutgoingMessage::fromBytes("x"));
    sender.setInterval(10);
    QVERIFY(!sender.start());
    QVERIFY(!sender.errorString().isEmpty());

    TcpPair pair;
    SOCKSCOPE_REQUIRE(connectPair(pair));
    PeriodicSender p2(&pair.client);
    QSignalSpy finished2(&p2, &ScheduledSender::finished);
    p2.setInterval(10);
    QVERIFY(!p2.start()); // no message
    p2.setMessage(OutgoingMessage::fromBytes("x"));
    p2.setInterval(0);
    QVERIFY(!p2.start());
    QVERIFY(p2.errorString().contains(QLatin1String("1 ms")));
    MessageSpec bad;
    bad.format = MessageFormat::Hex;
    bad.content = QStringLiteral("41 4G");
    p2.setMessage(OutgoingMessage::fromSpec(bad));
    p2.setInterval(10);
    QVERIFY(!p2.start());
    QVERIFY(!p2.errorString().isEmpty());
    QVERIFY(!p2.isRunning());
    QTest::qWait(20);
    QCOMPARE(finished.count() + finished2.count(), 0);
}

void tst_Senders::periodicStopsWhenPeerDisconnects()
{
    TcpPair pair;
    SOCKSCOPE_REQUIRE(connectPair(pair));
    pair.collect();

    PeriodicSender sender(&pair.client);
    sender.setMessage(OutgoingMessage::fromBytes("ping\n"));
    sender.setInterval(10);
    sender.setCount(ScheduledSender::Forever);
    QSignalSpy finished(&sender, &ScheduledSender::finished);
    QVERIFY2(sender.start(), qPrintable(sender.errorString()));
    QTRY_VERIFY(pair.received.size() >= 3 * 5);

    pair.peer->disconnectFromHost();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<ScheduledSender::FinishReason>(),
             ScheduledSender::FinishReason::Disconnected);
    const QString text = finished.at(0).at(1).toString();
    QVERIFY2(text.contains(QLatin1String("127.0.0.1")), qPrintable(text));
    QVERIFY(!sender.isRunning());
    const qint64 sent = sender.sentCount();
    QTest::qWait(40);
    QCOMPARE(sender.sentCount(), sent);
    QCOMPARE(finished.count(), 1);
}

void tst_Senders::periodicStopsWhenTargetPeerCloses()
{
    const auto server = startLoopbackServer();
    QTRY_COMPARE(server->state(), Session::State::Active);

    QTcpSocket a;
    QTcpSocket b;
    a.connectToHost(kLoopback, server->serverPort());
    QTRY_COMPARE(server->openPeerCount(), 1);
    const quint32 first = server->peerIds().constFirst();
    b.connectToHost(kLoopback, server->serverPort());
    QTRY_COMPARE(server->openPeerCount(), 2);

    QByteArray toA;
    QByteArray toB;
    connect(&a, &QTcpSocket::readyRead, &a, [&] { toA += a.readAll(); });
    connect(&b, &QTcpSocket::readyRead, &b, [&] { toB += b.readAll(); });

    PeriodicSender sender(server.get());
    sender.setTargets({first});
    sender.setMessage(OutgoingMessage::fromBytes("t"));
    sender.setInterval(5);
    QSignalSpy finished(&sender, &ScheduledSender::finished);
    QVERIFY2(sender.start(), qPrintable(sender.errorString()));
    QTRY_VERIFY(toA.size() >= 2);

    a.disconnectFromHost();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<ScheduledSender::FinishReason>(),
             ScheduledSender::FinishReason::Disconnected);
    QCOMPARE(server->openPeerCount(), 1); // the other client stays
    QVERIFY(toB.isEmpty());              // and was never a target
}

void tst_Senders::periodicStop()
{
    TcpPair pair;
    SOCKSCOPE_REQUIRE(connectPair(pair));
    pair.collect();

    PeriodicSender sender(&pair.client);
    sender.setMessage(OutgoingMessage::fromBytes("abc"));
    sender.setInterval(10);
    QSignalSpy finished(&sender, &ScheduledSender::finished);
    QVERIFY(sender.start());
    QTRY_VERIFY(sender.sentCount() >= 2);
    sender.stop();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<ScheduledSender::FinishReason>(),
             ScheduledSender::FinishReason::Stopped);
    const qint64 sent = sender.sentCount();
    QTRY_COMPARE(pair.received.size(), 3 * sent);
    QTest::qWait(50);
    QCOMPARE(pair.received.size(), 3 * sent);
    sender.stop(); // not running: no second finished()
    QCOMPARE(finished.count(), 1);
}

void tst_Senders::periodicWakesWhenBackedUpPeerCloses()
{
    // Every 1 ms to two clients; one stops reading until the sender waits for it to drain,
    // then closes. The sender must go on with the other client, not wait for ever.
    const auto server = startLoopbackServer();
    QTRY_COMPARE(server->state(), Session::State::Active);

    QTcpSocket stuck;
    QTcpSocket reader;
    // It never reads (Qt would otherwise drain the kernel into its own buffer), with a
    // small receive window, so the server's write buffer backs up quickly.
    stuck.setReadBufferSize(1);
    stuck.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    stuck.connectToHost(kLoopback, server->serverPort());
    QTRY_COMPARE(server->openPeerCount(), 1);
    const quint32 stuckId = server->peerIds().constFirst();
    reader.connectToHost(kLoopback, server->serverPort());
    QTRY_COMPARE(server->openPeerCount(), 2);
    qint64 readerBytes = 0;
    connect(&reader, &QTcpSocket::readyRead, &reader,
            [&] { readerBytes += reader.readAll().size(); });

    PeriodicSender sender(server.get());
    sender.setMessage(OutgoingMessage::fromBytes(QByteArray(4096, 'p')));
    sender.setInterval(1);
    sender.setMaxPendingBytes(64 * 1024);
    QSignalSpy finished(&sender, &ScheduledSender::finished);
    QVERIFY2(sender.start(), qPrintable(sender.errorString()));
    // Waiting for the stuck peer: the count stops moving.
    QTRY_VERIFY_WITH_TIMEOUT(server->pendingWriteBytes(stuckId) > 64 * 1024, 10000);
    const qint64 stalledAt = sender.sentCount();
    QTest::qWait(50);
    QCOMPARE(sender.sentCount(), stalledAt);

    stuck.abort();
    QTRY_VERIFY(!server->peer(stuckId)->isOpen());
    const qint64 readerBefore = readerBytes;
    QTRY_VERIFY_WITH_TIMEOUT(sender.sentCount() >= stalledAt + 20, 3000);
    QTRY_VERIFY(readerBytes >= readerBefore + 20 * 4096);
    QVERIFY(sender.isRunning());
    QCOMPARE(finished.count(), 0);
    sender.stop();
}

void tst_Senders::fileBackPressured()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const qint64 total = 20 << 20;
    QByteArray fileSha;
    const QString path = makeFile(dir, QStringLiteral("big.bin"), total, &fileSha);
    QVERIFY(!path.isEmpty());

    TcpPair pair;
    SOCKSCOPE_REQUIRE(connectPair(pair));
    // The peer does not read at first: once its small buffer and the kernel's
    // are full, only the sender's socket buffer can grow.
    pair.peer->setReadBufferSize(16 * 1024);

    FileSender sender(&pair.client);
    const FileSender::Options opt = sender.options();
    QCOMPARE(opt.chunkSize, 64 * 1024);
    QCOMPARE(opt.highWaterBytes, qint64(256 * 1024));

    qint64 maxPending = 0;
    qint64 lastProgress = -1;
    bool progressMonotonic = true;
    auto sample = [&] {
        maxPending = qMax(maxPending, pair.client.pendingWriteBytes(sender.peer()));
    };
    connect(&sender, &FileSender::progress, this, [&](qint64 written, qint64 all) {
        sample();
        progressMonotonic = progressMonotonic && written >= lastProgress && all == total;
        lastProgress = written;
    });
    // Connected after the sender's own slot: samples right after each refill.
    connect(&pair.client, &Session::peerBytesWritten, this, sample);
    QSignalSpy finished(&sender, &FileSender::finished);

    QVERIFY2(sender.start(path), qPrintable(sender.errorString()));
    QCOMPARE(sender.totalBytes(), total);
    QTRY_VERIFY(sender.bytesQueued() > 0);
    QTest::qWait(300);
    sample();
    // Back-pressure engaged: most of the file is still unread.
    QVERIFY(sender.isRunning());
    QVERIFY2(sender.bytesQueued() < total / 2, qPrintable(QString::number(sender.bytesQueued())));
    QVERIFY(maxPending > 0);

    Drain drain;
    drain.start(pair.peer);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(finished.at(0).at(0).value<FileSender::Outcome>(), FileSender::Outcome::Completed);
    QTRY_COMPARE_WITH_TIMEOUT(drain.bytes, total, 5000);
    QCOMPARE(drain.hash.result(), fileSha);
    QCOMPARE(sender.bytesWritten(), total);
    QCOMPARE(lastProgress, total);
    QVERIFY(progressMonotonic);
    QVERIFY2(maxPending <= opt.highWaterBytes + opt.chunkSize,
             qPrintable(QString::number(maxPending)));
}

void tst_Senders::fileCancel()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const qint64 total = 20 << 20;
    const QString path = makeFile(dir, QStringLiteral("big.bin"), total, nullptr);

    TcpPair pair;
    SOCKSCOPE_REQUIRE(connectPair(pair));
    pair.peer->setReadBufferSize(16 * 1024);

    FileSender sender(&pair.client);
    QSignalSpy finished(&sender, &FileSender::finished);
    QVERIFY(sender.start(path));
    QTRY_VERIFY(sender.bytesQueued() > 0);
    QTest::qWait(100);
    sender.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<FileSender::Outcome>(), FileSender::Outcome::Cancelled);
    QVERIFY(!sender.isRunning());
    const qint64 queued = sender.bytesQueued();
    QVERIFY(queued < total);

    // What was handed over still arrives, and nothing after it.
    Drain drain;
    drain.start(pair.peer);
    QTRY_COMPARE_WITH_TIMEOUT(drain.bytes, queued, 5000);
    QTest::qWait(50);
    QCOMPARE(drain.bytes, queued);
    QCOMPARE(sender.bytesQueued(), queued);
    QCOMPARE(drain.hash.result(), sha256Prefix(path, queued));
    sender.cancel();
    QCOMPARE(finished.count(), 1);
}

void tst_Senders::filePeerGone()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = makeFile(dir, QStringLiteral("big.bin"), 20 << 20, nullptr);

    TcpPair pair;
    SOCKSCOPE_REQUIRE(connectPair(pair));
    pair.peer->setReadBufferSize(16 * 1024);
    const QString endpoint = QStringLiteral("127.0.0.1:%1").arg(pair.server.serverPort());

    FileSender sender(&pair.client);
    QSignalSpy finished(&sender, &FileSender::finished);
    QVERIFY(sender.start(path));
    QTRY_VERIFY(sender.bytesQueued() > 0);
    QTest::qWait(50);
    pair.peer->abort();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<FileSender::Outcome>(), FileSender::Outcome::Failed);
    const QString message = finished.at(0).at(1).toString();
    QVERIFY2(message.contains(endpoint), qPrintable(message));
    QVERIFY(!sender.isRunning());
}

void tst_Senders::fileRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString empty = makeFile(dir, QStringLiteral("empty.bin"), 0, nullptr);
    QVERIFY(QFile::exists(empty));
    const QString small = makeFile(dir, QStringLiteral("small.bin"), 10, nullptr);

    TcpClientSession idle;
    FileSender notConnected(&idle);
    QVERIFY(!notConnected.start(small));
    QVERIFY(!notConnected.errorString().isEmpty());

    TcpPair pair;
    SOCKSCOPE_REQUIRE(connectPair(pair));
    FileSender sender(&pair.client);
    QSignalSpy finished(&sender, &FileSender::finished);

    const QString missing = dir.filePath(QStringLiteral("no-such-file.bin"));
    QVERIFY(!sender.start(missing));
    QVERIFY2(sender.errorString().contains(QLatin1String("no-such-file.bin")),
             qPrintable(sender.errorString()));
    QVERIFY(sender.errorString().contains(QLatin1String("does not exist")));

    QVERIFY(!sender.start(dir.path()));
    QVERIFY2(sender.errorString().contains(QLatin1String("folder")),
             qPrintable(sender.errorString()));

    QVERIFY(!sender.start(empty));
    QVERIFY2(sender.errorString().contains(QLatin1String("empty")),
             qPrintable(sender.errorString()));

    QVERIFY(!sender.start(QString()));
    QVERIFY(!sender.isRunning());
    QTest::qWait(20);
    QCOMPARE(finished.count(), 0);

    // And a good one still works afterwards.
    pair.collect();
    QVERIFY2(sender.start(small), qPrintable(sender.errorString()));
    QVERIFY(sender.errorString().isEmpty());
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<FileSender::Outcome>(), FileSender::Outcome::Completed);
    QTRY_COMPARE(pair.received.size(), 10);
}

// A FIFO with no writer would block open() (and the event loop with it) until one comes.
void tst_Senders::fileRefusesFifo()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    QVERIFY(makeFifo(fifo));
    TcpPair pair;
    SOCKSCOPE_REQUIRE(connectPair(pair));
    FileSender sender(&pair.client);
    bool started = true;
    {
        FifoRescuer rescuer(fifo);
        started = sender.start(fifo);
        QVERIFY2(!rescuer.rescued(), "start() blocked opening the FIFO");
    }
    QVERIFY(!started);
    QVERIFY2(sender.errorString().contains(QLatin1String("not a regular file")),
             qPrintable(sender.errorString()));
    QVERIFY(!sender.isRunning());
}

void tst_Senders::fileUdpPaced()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const qint64 total = 256 * 1024;
    QByteArray fileSha;
    const QString path = makeFile(dir, QStringLiteral("udp.bin"), total, &fileSha);

    QUdpSocket receiver;
    QVERIFY(receiver.bind(kLoopback, 0));
    receiver.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 1 << 20);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 received = 0;
    int datagrams = 0;
    int largest = 0;
    connect(&receiver, &QUdpSocket::readyRead, &receiver, [&] {
        while (receiver.hasPendingDatagrams()) {
            const QByteArray d = receiver.receiveDatagram().data();
            received += d.size();
            largest = qMax(largest, int(d.size()));
            ++datagrams;
            hash.addData(d);
        }
    });

    UdpSession udp;
    UdpSession::Options uo;
    uo.bindAddress = kLoopback;
    uo.remoteHost = QStringLiteral("127.0.0.1");
    uo.remotePort = receiver.localPort();
    udp.setOptions(uo);
    udp.start();
    QTRY_COMPARE(udp.state(), Session::State::Active);

    FileSender sender(&udp);
    FileSender::Options opt;
    opt.datagramSize = UdpSession::MaxDatagramIPv4 + 1;
    sender.setOptions(opt);
    QVERIFY(!sender.start(path));
    QVERIFY(sender.errorString().contains(QString::number(UdpSession::MaxDatagramIPv4)));

    opt.datagramSize = 1400;
    opt.udpBytesPerSecond = 4 << 20; // 256 KiB take ~62 ms
    sender.setOptions(opt);
    QSignalSpy finished(&sender, &FileSender::finished);
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(sender.start(path), qPrintable(sender.errorString()));
    QTRY_COMPARE(finished.count(), 1);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(finished.at(0).at(0).value<FileSender::Outcome>(), FileSender::Outcome::Completed);
    QVERIFY(finished.at(0).at(1).toString().contains(FileSender::udpDeliveryNotice()));
    QVERIFY2(elapsed >= 50, qPrintable(QString::number(elapsed))); // paced, not one burst
    const int expectedDatagrams = int((total + 1399) / 1400);
    QCOMPARE(sender.datagramsSent(), qint64(expectedDatagrams));

    // Loopback with a paced sender and a big receive buffer does not drop.
    QTRY_COMPARE(received, total);
    QCOMPARE(datagrams, expectedDatagrams);
    QCOMPARE(largest, 1400);
    QCOMPARE(hash.result(), fileSha);
}

// With reply-to-last, a file sent to the default target goes wholly to whoever had sent
// last when the transfer began, even if another sender speaks up in the middle.
void tst_Senders::fileUdpTargetFixedAtStart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // More than one pacing burst (64 KiB), so B is heard before the end even on a slow run.
    const qint64 total = 256 * 1024;
    QByteArray fileSha;
    const QString path = makeFile(dir, QStringLiteral("udp.bin"), total, &fileSha);

    UdpSession udp;
    UdpSession::Options uo;
    uo.bindAddress = kLoopback;
    uo.replyToLastSender = true;
    udp.setOptions(uo);
    udp.start();
    QTRY_COMPARE(udp.state(), Session::State::Active);

    QUdpSocket a, b;
    QVERIFY(a.bind(kLoopback, 0));
    QVERIFY(b.bind(kLoopback, 0));
    a.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 1 << 20);
    b.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 1 << 20);
    qint64 toA = 0, toB = 0;
    connect(&a, &QUdpSocket::readyRead, &a, [&] {
        while (a.hasPendingDatagrams())
            toA += a.receiveDatagram().data().size();
    });
    connect(&b, &QUdpSocket::readyRead, &b, [&] {
        while (b.hasPendingDatagrams())
            toB += b.receiveDatagram().data().size();
    });
    a.writeDatagram("send me the file", kLoopback, udp.localPort());
    QTRY_COMPARE(udp.datagramsReceived(), 1);

    FileSender sender(&udp);
    FileSender::Options opt;
    opt.datagramSize = 1024;
    opt.udpBytesPerSecond = 2 << 20; // 256 KiB take ~125 ms
    sender.setOptions(opt);
    QSignalSpy finished(&sender, &FileSender::finished);
    qint64 heardAtEnd = 0;
    connect(&sender, &FileSender::finished, &b, [&] { heardAtEnd = udp.datagramsReceived(); });
    // B speaks up as soon as the first datagrams are out.
    connect(&sender, &FileSender::progress, &b, [&] {
        if (b.property("spoke").toBool())
            return;
        b.setProperty("spoke", true);
        b.writeDatagram("me too", kLoopback, udp.localPort());
    });
    QVERIFY2(sender.start(path), qPrintable(sender.errorString()));
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<FileSender::Outcome>(), FileSender::Outcome::Completed);
    QCOMPARE(heardAtEnd, 2); // B was heard during the transfer
    QTRY_COMPARE(toA, total);
    QTest::qWait(20);
    QCOMPARE(toB, 0);
}

void tst_Senders::sequenceLoopedTwice()
{
    TcpPair pair;
    SOCKSCOPE_REQUIRE(connectPair(pair));
    pair.collect();

    MessageSpec counted;
    counted.content = QStringLiteral("C{{counter}};");
    counted.dynamicFields = true;

    SequenceRunner runner(&pair.client);
    runner.setSteps({
        {OutgoingMessage::fromBytes("A;"), 10},
        {OutgoingMessage::fromBytes("B;"), 0},
        {OutgoingMessage::fromSpec(counted), 5},
    });
    runner.setLoops(2);
    QSignalSpy progress(&runner, &SequenceRunner::progress);
    QSignalSpy finished(&runner, &ScheduledSender::finished);
    QVERIFY2(runner.start(), qPrintable(runner.errorString()));
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<ScheduledSender::FinishReason>(),
             ScheduledSender::FinishReason::Completed);

    QCOMPARE(progress.count(), 6);
    for (int i = 0; i < 6; ++i) {
        QCOMPARE(progress.at(i).at(0).toInt(), i % 3);
        QCOMPARE(progress.at(i).at(1).toInt(), i / 3);
    }
    const QByteArray expected = "A;B;C1;A;B;C2;";
    QTRY_COMPARE(pair.received, expected);
    QTest::qWait(40);
    QCOMPARE(pair.received, expected);
}

void tst_Senders::sequenceForeverUntilStopped()
{
    TcpPair pair;
    SOCKSCOPE_REQUIRE(connectPair(pair));
    pair.collect();

    SequenceRunner runner(&pair.client);
    runner.setSteps({{OutgoingMessage::fromBytes("x"), 2}, {OutgoingMessage::fromBytes("y"), 2}});
    runner.setLoops(ScheduledSender::Forever);
    QSignalSpy finished(&runner, &ScheduledSender::finished);
    // Stop from a progress slot: the runner must not send after it.
    connect(&runner, &SequenceRunner::progress, &runner, [&](int step, int loop) {
        if (loop == 3 && step == 1)
            runner.stop();
    });
    QVERIFY(runner.start());
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<ScheduledSender::FinishReason>(),
             ScheduledSender::FinishReason::Stopped);
    QCOMPARE(runner.sentCount(), qint64(8));
    QTRY_COMPARE(pair.received, QByteArray("xyxyxyxy"));
    QTest::qWait(30);
    QCOMPARE(pair.received, QByteArray("xyxyxyxy"));
}

QTEST_GUILESS_MAIN(tst_Senders)
#include "tst_senders.moc"
