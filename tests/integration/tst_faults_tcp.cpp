// Fault injection over TCP (issue #7): peers that half-close or stop reading, a server stopped
// under its clients, connects that time out. Real sockets on 127.0.0.1 only; python3 peers from
// tests/peers; the blackholed connect runs the headless binary in a network namespace.
//
// Covered elsewhere, not repeated here: connection refused and host not found
// (tst_tcpclientsession refused/hostNotFound, tst_cliclient clientRefused/clientHostNotFound),
// a peer reset mid-transfer (tst_tcpserversession peerResetMidTransfer), a port in use
// (tst_tcpserversession/tst_udpsession portInUseNamesProcess), stopListening() keeping its
// peers (tst_tcpserversession stopListeningKeepsPeers).

#include "core/senders/filesender.h"
#include "core/log/logrecord.h"
#include "core/transport/tcpclientsession.h"
#include "core/transport/tcpserversession.h"

#include "eventloop.h"
#include "loopback.h"
#include "loopbackserver.h"
#include "pythonpeer.h"
#include "recordlog.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <vector>

using namespace sockscope;
using namespace sockscope::test;

namespace {

// Byte k of every test stream is k & 0xFF.
QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype k = 0; k < size; ++k)
        bytes[k] = char(k & 0xFF);
    return bytes;
}

// A TCP listener on 127.0.0.1 whose accept queue is full: it never accepts, its backlog is 0
// and connections fill the queue until one hangs. Linux then drops every further SYN, so a
// connect to it neither completes nor is refused: it times out.
class FullAcceptQueue
{
public:
    FullAcceptQueue()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&a), len) != 0 ||
            ::listen(m_fd, 0) != 0 ||
            ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&a), &len) != 0)
            return;
        m_port = ntohs(a.sin_port);
        for (int i = 0; i < 16; ++i) {
            auto filler = std::make_unique<QTcpSocket>();
            filler->connectToHost(kLoopback, m_port);
            if (!filler->waitForConnected(300)) {
                m_full = true; // this SYN was dropped: the queue is full
                return;
            }
            m_fillers.push_back(std::move(filler));
        }
    }
    ~FullAcceptQueue()
    {
        m_fillers.clear();
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Q_DISABLE_COPY_MOVE(FullAcceptQueue)

    bool isFull() const { return m_full && !m_fillers.empty(); }
    quint16 port() const { return m_port; }

private:
    int m_fd = -1;
    quint16 m_port = 0;
    bool m_full = false;
    std::vector<std::unique_ptr<QTcpSocket>> m_fillers;
};

QString findTool(const QString &name)
{
    const QString inPath = QStandardPaths::findExecutable(name);
    if (!inPath.isEmpty())
        return inPath;
    return QStandardPaths::findExecutable(
        name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"), QStringLiteral("/usr/bin")});
}

// A file of `size` bytes: one pseudo-random MiB repeated.
QString makeFile(const QTemporaryDir &dir, qint64 size)
{
    const QString path = dir.filePath(QStringLiteral("big.bin"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QByteArray block(1 << 20, Qt::Uninitialized);
    for (int k = 0; k < block.size(); ++k)
        block[k] = char((uint(k) * 7919u) >> 3);
    for (qint64 left = size; left > 0; left -= block.size()) {
        if (file.write(block.constData(), qMin<qint64>(left, block.size())) < 0)
            return {};
    }
    return path;
}

QByteArray sha256(const QString &path, qint64 prefix, const QByteArray &suffix)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (qint64 left = prefix; left > 0;) {
        const QByteArray b = file.read(qMin<qint64>(left, 1 << 20));
        if (b.isEmpty())
            return {};
        hash.addData(b);
        left -= b.size();
    }
    hash.addData(suffix);
    return hash.result().toHex();
}

} // namespace

class tst_FaultsTcp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void peerHalfCloses_data();
    void peerHalfCloses();
    void stopWithClientsAttached_data();
    void stopWithClientsAttached();
    void stopWithStalledPeerAborts();
    void connectTimeoutFullAcceptQueue();
    void connectTimeoutBlackholedInNamespace();
    void fileToPeerThatStopsReading();
};

void tst_FaultsTcp::initTestCase()
{
    QProcess probe;
    probe.start(QStringLiteral("python3"), {QStringLiteral("-c"), QStringLiteral("print(1)")});
    QVERIFY2(probe.waitForFinished(10000) && probe.exitCode() == 0, "python3 is required");
}

void tst_FaultsTcp::peerHalfCloses_data()
{
    QTest::addColumn<int>("sentFirst"); // bytes we send the peer as soon as it connects
    QTest::addColumn<int>("peerReads"); // of which the peer reads this many before its FIN
    QTest::newRow("peer read our bytes before its FIN") << 64 * 1024 << 64 * 1024;
    // More than the kernel buffers hold for a peer that does not read: some of it is still
    // queued in our socket when the FIN comes.
    QTest::newRow("our bytes still queued at its FIN") << 16 * 1024 * 1024 << 1;
}

void tst_FaultsTcp::peerHalfCloses()
{
    QFETCH(int, sentFirst);
    QFETCH(int, peerReads);
    const int peerBytes = 1024 * 1024 + 17;

    auto server = startLoopbackServer();
    QVERIFY(server->isListening());
    RecordLog log(server.get());
    QSignalSpy opened(server.get(), &Session::peerOpened);
    QSignalSpy closed(server.get(), &Session::peerClosed);

    // The peer sends and half-closes only after it read `peerReads` of our bytes.
    PythonPeer peer;
    peer.start("half_close_peer.py",
               {QString::number(server->serverPort()), QString::number(peerBytes),
                QStringLiteral("--read-first"), QString::number(peerReads)});
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 10000);
    const quint32 id = opened.at(0).at(0).toUInt();
    const QByteArray first = pattern(sentFirst);
    const Session::SendResult sent = server->send(first, {id});
    QVERIFY2(sent.ok(), qPrintable(sent.error));

    // The peer's shutdown(SHUT_WR) is an end of stream for us. Qt 6.4 cannot keep a half-closed
    // socket: it closes it, so the peer is shown closed by the peer, not half-open.
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(peer.finished(), 10000);
    QVERIFY2(peer.process().exitCode() == 0, qPrintable(peer.diagnostics()));
    QVERIFY(peer.lines().contains(QStringLiteral("HALF_CLOSED")));
    // We close in order after the peer's FIN: it reads to an end of stream, not a reset.
    QVERIFY2(peer.lines().contains(QStringLiteral("EOF")), qPrintable(peer.diagnostics()));

    const PeerInfo *p = server->peer(id);
    QVERIFY(!p->isOpen());
    QCOMPARE(p->closeReason, CloseReason::PeerClosed);
    server->flushRecords();
    QVERIFY(log.hasEvent(id, QStringLiteral("closed the connection")));
    QCOMPARE(log.errorEvents(), 0);

    // Everything the peer sent before its FIN was counted and logged, in order.
    QCOMPARE(p->rxBytes, qint64(peerBytes));
    QCOMPARE(server->rxBytesTotal(), qint64(peerBytes));
    QCOMPARE(log.bytes(id, LogRecord::Kind::Rx), pattern(peerBytes));

    // The peer received exactly what reached the kernel before we closed: the written counter.
    // Bytes still queued in our socket at the FIN are dropped with it, so the counter can be
    // below what the Tx record shows handed over, never above.
    const qint64 received = peer.value(QStringLiteral("TOTAL")).toLongLong();
    QCOMPARE(p->txBytes, received);
    QCOMPARE(server->txBytesTotal(), received);
    QCOMPARE(log.bytes(id, LogRecord::Kind::Tx), first);
    if (peerReads == sentFirst)
        QCOMPARE(received, qint64(sentFirst));
    else
        QVERIFY2(received >= peerReads && received <= sentFirst, QByteArray::number(received));
    qInfo("%s: the peer received %lld of %d bytes", QTest::currentDataTag(), received, sentFirst);
    // What was lost is said, not silent: "...; N bytes queued for it were not sent".
    const bool lost = received < sentFirst;
    QCOMPARE(p->closeText.contains(QLatin1String("not sent")), lost);
    if (lost)
        QVERIFY2(p->closeText.contains(QString::number(sentFirst - received)),
                 qPrintable(p->closeText));

    // Sending to it now says it is gone; the server carries on.
    const Session::SendResult late = server->send("late", {id});
    QVERIFY(!late.ok());
    QCOMPARE(late.peers, 0);
    QVERIFY2(late.error.contains(p->endpoint()), qPrintable(late.error));
    QCOMPARE(server->txBytesTotal(), received);
    QCOMPARE(server->openPeerCount(), 0);
    QVERIFY(server->isListening());
    QCOMPARE(server->state(), Session::State::Active);
}

void tst_FaultsTcp::stopWithClientsAttached_data()
{
    QTest::addColumn<bool>("stopListeningFirst");
    QTest::newRow("while listening") << false;
    QTest::newRow("after stopListening") << true;
}

void tst_FaultsTcp::stopWithClientsAttached()
{
    QFETCH(bool, stopListeningFirst);
    const int clients = 3;
    const int reply = 256 * 1024; // still being written when stop() comes

    auto server = startLoopbackServer();
    const quint16 port = server->serverPort();
    RecordLog log(server.get());
    QSignalSpy closed(server.get(), &Session::peerClosed);

    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    std::vector<QByteArray> received(clients);
    std::vector<int> eofs(clients, 0);
    qint64 sentByClients = 0;
    for (int i = 0; i < clients; ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        QTcpSocket *s = sockets.back().get();
        connect(s, &QTcpSocket::readyRead, this, [&, s, i] { received[i] += s->readAll(); });
        connect(s, &QTcpSocket::disconnected, this, [&, i] { ++eofs[i]; });
        s->connectToHost(kLoopback, port);
    }
    QTRY_COMPARE(server->openPeerCount(), clients);
    for (int i = 0; i < clients; ++i) {
        QTRY_COMPARE(sockets[i]->state(), QAbstractSocket::ConnectedState);
        const QByteArray hello = QByteArray("client ") + QByteArray::number(i) + '\n';
        sockets[i]->write(hello);
        sentByClients += hello.size();
    }
    QTRY_COMPARE(server->rxBytesTotal(), sentByClients);
    if (stopListeningFirst) {
        server->stopListening();
        QCOMPARE(server->openPeerCount(), clients);
    }

    const Session::SendResult r = server->send(pattern(reply));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.peers, clients);
    server->stop();
    QVERIFY(!server->isListening());
    QCOMPARE(server->state(), Session::State::Idle);
    QCOMPARE(server->stateText(), QStringLiteral("Stopped"));

    // Every client gets all that was sent, then an orderly end of stream.
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), clients, 10000);
    for (int i = 0; i < clients; ++i) {
        QTRY_COMPARE(eofs[i], 1);
        QCOMPARE(received[i], pattern(reply));
        QCOMPARE(sockets[i]->error(), QAbstractSocket::RemoteHostClosedError);
    }
    QCOMPARE(server->openPeerCount(), 0);
    server->flushRecords();
    for (quint32 id : server->peerIds()) {
        const PeerInfo *p = server->peer(id);
        QVERIFY(!p->isOpen());
        QCOMPARE(p->closeReason, CloseReason::LocalClose);
        QVERIFY(!p->closeText.isEmpty());
        QCOMPARE(p->txBytes, qint64(reply));
        QCOMPARE(p->rxBytes, qint64(log.bytes(id, LogRecord::Kind::Rx).size()));
        QVERIFY(log.bytes(id, LogRecord::Kind::Rx).startsWith("client "));
    }
    QCOMPARE(server->peerIds().size(), clients);
    QCOMPARE(server->rxBytesTotal(), sentByClients);
    QCOMPARE(server->txBytesTotal(), qint64(clients) * reply);
    QCOMPARE(log.errorEvents(), 0);
    // "Stopped listening." is said once, by whichever call closed the listener.
    int stoppedEvents = 0;
    for (const LogRecord &e : log.of(0, LogRecord::Kind::Event))
        stoppedEvents += e.eventText().startsWith(QLatin1String("Stopped listening"));
    QCOMPARE(stoppedEvents, 1);

    // Nothing listens any more.
    QTcpSocket late;
    QSignalSpy lateError(&late, &QAbstractSocket::errorOccurred);
    late.connectToHost(kLoopback, port);
    QTRY_COMPARE(lateError.count(), 1);
    QCOMPARE(late.error(), QAbstractSocket::ConnectionRefusedError);
}

// stop() closes in order, letting queued data go out; a peer that stopped reading would
// hold the connection (and our buffer) forever. Without progress for 2 s it is aborted,
// and the log says how much was not sent.
void tst_FaultsTcp::stopWithStalledPeerAborts()
{
    auto server = startLoopbackServer();
    QSignalSpy opened(server.get(), &Session::peerOpened);
    QTcpSocket stalled;
    stalled.setReadBufferSize(1); // reads (almost) nothing: the kernel buffers fill up
    stalled.connectToHost(kLoopback, server->serverPort());
    QTRY_COMPARE(opened.count(), 1);
    const quint32 id = opened.at(0).at(0).toUInt();
    const QByteArray big = pattern(32 * 1024 * 1024);
    QVERIFY(server->send(big, {id}).ok());
    QTRY_VERIFY(server->peer(id)->txBytes > 0);
    QTest::qWait(100);
    QVERIFY(server->pendingWriteBytes(id) > 0);

    QElapsedTimer clock;
    clock.start();
    server->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!server->peer(id)->isOpen(), 10000);
    QVERIFY2(clock.elapsed() >= 1500, QByteArray::number(clock.elapsed()));
    const PeerInfo *p = server->peer(id);
    QCOMPARE(p->closeReason, CloseReason::LocalClose);
    const qint64 unsent = big.size() - p->txBytes;
    QVERIFY(unsent > 0);
    QVERIFY2(p->closeText.contains(QLatin1String("not sent")) &&
                 p->closeText.contains(QString::number(unsent)),
             qPrintable(p->closeText));
    QCOMPARE(server->openPeerCount(), 0);
    QCOMPARE(server->state(), Session::State::Idle);
}

void tst_FaultsTcp::connectTimeoutFullAcceptQueue()
{
    FullAcceptQueue blackhole;
    QVERIFY2(blackhole.isFull(), "could not fill the accept queue of a backlog-0 listener");

    TcpClientSession client;
    TcpClientSession::Options o;
    o.host = QStringLiteral("127.0.0.1");
    o.port = blackhole.port();
    o.connectTimeoutMs = 400;
    client.setOptions(o);
    client.setBatchInterval(5);
    RecordLog log(&client);
    QSignalSpy errors(&client, &Session::errorOccurred);
    QSignalSpy opened(&client, &Session::peerOpened);

    QElapsedTimer timer;
    timer.start();
    client.start();
    QCOMPARE(client.connection(), TcpClientSession::Connection::Connecting);
    QCOMPARE(client.state(), Session::State::Starting);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), Session::State::Failed, 5000);
    const qint64 elapsed = timer.elapsed();
    // Our own timer ended it (QTimer may fire a few ms early), not the kernel's ~2 min.
    QVERIFY2(elapsed >= 350 && elapsed < 3000, QByteArray::number(elapsed));

    QCOMPARE(client.lastCloseReason(), CloseReason::Timeout);
    QCOMPARE(client.connection(), TcpClientSession::Connection::Closed);
    QCOMPARE(errors.count(), 1);
    const QString message = errors.at(0).at(0).toString();
    QCOMPARE(
        message,
        QStringLiteral("Connecting to 127.0.0.1:%1 timed out after 400 ms.").arg(blackhole.port()));
    QCOMPARE(client.stateText(), message);
    QCOMPARE(opened.count(), 0);
    QVERIFY(client.peerIds().isEmpty());
    QCOMPARE(client.rxBytesTotal(), 0);
    QCOMPARE(client.txBytesTotal(), 0);
    QVERIFY(!client.send("x").ok());
    client.flushRecords();
    QCOMPARE(log.errorEvents(message), 1);
    // No retry without auto-reconnect.
    spin(200);
    QCOMPARE(errors.count(), 1);
}

void tst_FaultsTcp::connectTimeoutBlackholedInNamespace()
{
    // A fresh network namespace (with a user namespace when we are not root) whose loopback
    // drops every packet: a token bucket filter too small for any packet. The headless client
    // runs inside it, so nothing outside the test is touched.
    const QString unshare = findTool(QStringLiteral("unshare"));
    const QString ip = findTool(QStringLiteral("ip"));
    const QString tc = findTool(QStringLiteral("tc"));
    if (unshare.isEmpty() || ip.isEmpty() || tc.isEmpty())
        QSKIP("needs unshare (util-linux) and ip, tc (iproute2)");
    const QString setup =
        QStringLiteral("\"$0\" link set lo up && \"$1\" qdisc add dev lo root tbf rate 8bit "
                       "burst 32 limit 32 || exit 77; shift; exec \"$@\"");
    auto run = [&](const QStringList &unshareArgs, const QStringList &command, QProcess &p) {
        p.start(unshare,
                unshareArgs +
                    QStringList{QStringLiteral("sh"), QStringLiteral("-c"), setup, ip, tc} +
                    command);
    };
    // Probe which unshare flavour works here: user+net (unprivileged), then net (root).
    QStringList flavour;
    QString why;
    for (const QStringList &candidate :
         {QStringList{QStringLiteral("--user"), QStringLiteral("--map-root-user"),
                      QStringLiteral("--net")},
          QStringList{QStringLiteral("--net")}}) {
        QProcess probe;
        run(candidate, {QStringLiteral("true")}, probe);
        if (probe.waitForFinished(10000) && probe.exitStatus() == QProcess::NormalExit &&
            probe.exitCode() == 0) {
            flavour = candidate;
            break;
        }
        why += QString::fromLocal8Bit(probe.readAllStandardError()).trimmed() + u' ';
    }
    if (flavour.isEmpty())
        QSKIP(qPrintable(QStringLiteral("cannot create a network namespace with a blackholed "
                                        "loopback: ") +
                         why));

    const quint16 port = 9000;
    QProcess cli;
    QElapsedTimer timer;
    timer.start();
    run(flavour,
        {QStringLiteral(SOCKSCOPE_BINARY), QStringLiteral("--headless"), QStringLiteral("--mode"),
         QStringLiteral("tcp-client"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
         QStringLiteral("--port"), QString::number(port), QStringLiteral("--timeout"),
         QStringLiteral("600"), QStringLiteral("--send"), QStringLiteral("never sent")},
        cli);
    QVERIFY(cli.waitForFinished(15000));
    const qint64 elapsed = timer.elapsed();
    const QString out = QString::fromUtf8(cli.readAllStandardOutput());
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QVERIFY2(cli.exitCode() != 77, qPrintable(err));
    // A start-up network error: exit code 3 and the sentence on stderr.
    QCOMPARE(cli.exitCode(), 3);
    const QString sentence =
        QStringLiteral("Connecting to 127.0.0.1:%1 timed out after 600 ms.").arg(port);
    QVERIFY2(err.contains(sentence), qPrintable(err));
    QVERIFY2(!out.contains(QLatin1String(" TX ")), qPrintable(out));
    QVERIFY2(elapsed >= 550 && elapsed < 10000, QByteArray::number(elapsed));
}

void tst_FaultsTcp::fileToPeerThatStopsReading()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const qint64 total = qint64(64) << 20;
    const QString path = makeFile(dir, total);
    QVERIFY(!path.isEmpty());

    auto server = startLoopbackServer();
    QSignalSpy opened(server.get(), &Session::peerOpened);
    PythonPeer peer;
    peer.start("silent_peer.py", {QString::number(server->serverPort())});
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 10000);
    const quint32 id = opened.at(0).at(0).toUInt();

    FileSender sender(server.get());
    const FileSender::Options opt = sender.options();
    const qint64 bound = opt.highWaterBytes + opt.chunkSize;
    qint64 maxPending = 0;
    int progressSignals = 0;
    auto sample = [&] { maxPending = qMax(maxPending, server->pendingWriteBytes(id)); };
    connect(&sender, &FileSender::progress, this, [&] {
        ++progressSignals;
        sample();
    });
    connect(server.get(), &Session::peerBytesWritten, this, sample);
    QSignalSpy finished(&sender, &FileSender::finished);
    QVERIFY2(sender.start(path), qPrintable(sender.errorString()));
    QCOMPARE(sender.peer(), id);

    // Progress stops once the peer's window and the kernel buffers are full.
    QTRY_VERIFY(sender.bytesWritten() > 0);
    QElapsedTimer stallTimer;
    stallTimer.start();
    for (;;) {
        const qint64 before = sender.bytesWritten();
        spin(300);
        sample();
        if (sender.bytesWritten() == before)
            break;
        QVERIFY2(!stallTimer.hasExpired(15000), "the transfer never stalled");
    }
    const int signalsAtStall = progressSignals;
    const qint64 writtenAtStall = sender.bytesWritten();
    spin(300);
    QCOMPARE(progressSignals, signalsAtStall);
    QCOMPARE(sender.bytesWritten(), writtenAtStall);
    QVERIFY(sender.isRunning());
    QCOMPARE(finished.count(), 0);

    // In flight stays bounded: what the socket holds, and what was read but not yet written.
    QVERIFY2(maxPending > 0 && maxPending <= bound, QByteArray::number(maxPending));
    QVERIFY2(sender.bytesQueued() - writtenAtStall <= bound,
             QByteArray::number(sender.bytesQueued() - writtenAtStall));
    QVERIFY2(sender.bytesQueued() < total / 4, QByteArray::number(sender.bytesQueued()));
    // The written counters agree: the file is all this peer was sent.
    QCOMPARE(server->peer(id)->txBytes, writtenAtStall);
    qInfo("stalled after %lld bytes written, %lld read from the file, at most %lld pending",
          writtenAtStall, sender.bytesQueued(), maxPending);

    sender.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<FileSender::Outcome>(), FileSender::Outcome::Cancelled);
    QVERIFY2(finished.at(0).at(1).toString().contains(QString::number(total)),
             qPrintable(finished.at(0).at(1).toString()));
    QVERIFY(!sender.isRunning());
    const qint64 queued = sender.bytesQueued();

    // The session stays usable: a message goes out after the queued part of the file.
    const QByteArray after("after cancel\n");
    const Session::SendResult r = server->send(after, {id});
    QVERIFY2(r.ok(), qPrintable(r.error));
    peer.process().write("drain\n");
    QTRY_COMPARE_WITH_TIMEOUT(server->peer(id)->txBytes, queued + after.size(), 15000);
    QCOMPARE(server->pendingWriteBytes(id), 0);
    QCOMPARE(sender.bytesQueued(), queued); // nothing more was read after the cancel
    server->disconnectPeer(id);
    QTRY_VERIFY_WITH_TIMEOUT(peer.finished(), 10000);
    QVERIFY2(peer.process().exitCode() == 0, qPrintable(peer.diagnostics()));

    // What the peer got is exactly the file's first `queued` bytes plus the message.
    QCOMPARE(peer.value(QStringLiteral("TOTAL")).toLongLong(), queued + after.size());
    QCOMPARE(peer.value(QStringLiteral("SHA256")).toLatin1(), sha256(path, queued, after));
    const PeerInfo *p = server->peer(id);
    QCOMPARE(p->txBytes, queued + after.size());
    QCOMPARE(server->txBytesTotal(), queued + after.size());
    QCOMPARE(p->txMessages, (queued + opt.chunkSize - 1) / opt.chunkSize + 1);
    QCOMPARE(p->closeReason, CloseReason::LocalClose);
    QCOMPARE(server->state(), Session::State::Active);
    QVERIFY(server->isListening());
}

QTEST_GUILESS_MAIN(tst_FaultsTcp)
#include "tst_faults_tcp.moc"
