// The headless command line as a client: the real sockscope binary in a QProcess sending
// over TCP and UDP to sockets of the test on 127.0.0.1; its stdout lines and exit codes.
// As a server, its report and its arguments: tst_cli.
#include "cliprocess.h"
#include "fifo.h"
#include "gbk.h"
#include "loopback.h"
#include "randombytes.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <algorithm>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace sockscope::test;

namespace {

// A QTcpServer that keeps everything its first client sends.
struct Sink
{
    QTcpServer server;
    QTcpSocket *client = nullptr;
    QByteArray received;
    bool peerClosed = false;

    bool listen()
    {
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this] {
            client = server.nextPendingConnection();
            QObject::connect(client, &QTcpSocket::readyRead, client,
                             [this] { received += client->readAll(); });
            QObject::connect(client, &QTcpSocket::disconnected, client,
                             [this] { peerClosed = true; });
        });
        return server.listen(kLoopback, 0);
    }
};

// A listener that does not accept until told to: the kernel completes the handshake and
// buffers what the client sends until the receive window is full, then the client's writes
// back up. accept() then hands the connection over to be read out.
class StalledListener
{
public:
    StalledListener() = default;
    ~StalledListener()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Q_DISABLE_COPY_MOVE(StalledListener)

    quint16 listen()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a = {};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&a), len) != 0 ||
            ::listen(m_fd, 1) != 0 || ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&a), &len))
            return 0;
        return ntohs(a.sin_port);
    }

    // Accepts the waiting connection; from then on received() grows as it is read.
    bool acceptAndRead()
    {
        const int fd = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0 || !m_socket.setSocketDescriptor(fd))
            return false;
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket,
                         [this] { m_received += m_socket.readAll(); });
        m_received += m_socket.readAll();
        return true;
    }
    const QByteArray &received() const { return m_received; }

private:
    int m_fd = -1;
    QTcpSocket m_socket;
    QByteArray m_received;
};

} // namespace

class tst_CliClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void clientSendHex();
    void clientRepeats_data();
    void clientRepeats();
    void clientWritesEverythingBeforeExit();
    void clientCountWaitsForSlowPeer();
    void closingPeerKeepsItsLastCharacters();
    void clientSendFile();
    void sendFileRefusesSpecialFiles_data();
    void sendFileRefusesSpecialFiles();
    void clientRefused();
    void clientHostNotFound();

    void udpSendsToRemote();
    void udpShowsSender();
    void failedSendExitsNonZero();

private:
    QTemporaryDir m_dir;
};

void tst_CliClient::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(SOCKSCOPE_BINARY)));
    QVERIFY(m_dir.isValid());
}

void tst_CliClient::clientSendHex()
{
    Sink sink;
    QVERIFY(sink.listen());
    CliProcess cli;
    QVERIFY(cli.start(headlessClientArgs(sink.server.serverPort())
                      << QStringLiteral("--send-hex") << QStringLiteral("48 65 6c 00 FF 0d0a 1B")
                      << QStringLiteral("--linger") << QStringLiteral("100")));
    // The client ends on its own after the linger time.
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QTRY_COMPARE(sink.received, QByteArray("Hel\0\xff\r\n\x1b", 8));
    QTRY_VERIFY(sink.peerClosed);
    const QList<CliLine> tx = cli.lines(QStringLiteral("TX"));
    QCOMPARE(tx.size(), 1);
    QCOMPARE(tx.first().count, QStringLiteral("8"));
    QCOMPARE(tx.first().peer, QStringLiteral("127.0.0.1:%1").arg(sink.server.serverPort()));
    QVERIFY(!cli.rawOut().contains('\x1b'));
}

void tst_CliClient::clientRepeats_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("messages");
    QTest::addColumn<int>("minSpanMs"); // first to last TX line
    QTest::newRow("--interval 20 --count 5")
        << QStringList{QStringLiteral("--interval"), QStringLiteral("20"),
                       QStringLiteral("--count"), QStringLiteral("5")}
        << 5 << 60;
    QTest::newRow("--count 3 without an interval")
        << QStringList{QStringLiteral("--count"), QStringLiteral("3")} << 3 << 0;
}

void tst_CliClient::clientRepeats()
{
    QFETCH(QStringList, extra);
    QFETCH(int, messages);
    QFETCH(int, minSpanMs);
    Sink sink;
    QVERIFY(sink.listen());
    CliProcess cli;
    QVERIFY(cli.start(headlessClientArgs(sink.server.serverPort())
                      << QStringLiteral("--send") << QStringLiteral("ping;")
                      << QStringLiteral("--linger") << QStringLiteral("200") << extra));
    QVERIFY2(cli.waitForExit(5000), "the client did not finish after its last message");
    QCOMPARE(cli.exitCode(), 0);
    QTRY_COMPARE(sink.received, QByteArray("ping;").repeated(messages));
    const QList<CliLine> tx = cli.lines(QStringLiteral("TX"));
    QCOMPARE(tx.size(), messages);
    for (const CliLine &l : tx) {
        QCOMPARE(l.count, QStringLiteral("5"));
        QCOMPARE(l.data, QStringLiteral("ping;"));
    }
    const qint64 span = QDateTime::fromString(tx.first().time, Qt::ISODateWithMs)
                            .msecsTo(QDateTime::fromString(tx.last().time, Qt::ISODateWithMs));
    QVERIFY2(span >= minSpanMs, QByteArray::number(span).constData());
}

// Quitting right after the last send must not drop what the socket has not written yet.
void tst_CliClient::clientWritesEverythingBeforeExit()
{
    const QByteArray message = randomBytes(60000, 3);
    const int count = 50;
    Sink sink;
    QVERIFY(sink.listen());
    CliProcess cli;
    cli.process().setStandardOutputFile(QProcess::nullDevice());
    QVERIFY(cli.start(headlessClientArgs(sink.server.serverPort())
                      << QStringLiteral("--send-hex") << QString::fromLatin1(message.toHex())
                      << QStringLiteral("--count") << QString::number(count)
                      << QStringLiteral("--linger") << QStringLiteral("0")));
    QVERIFY(cli.waitForExit(10000));
    QCOMPARE(cli.exitCode(), 0);
    QTRY_VERIFY(sink.peerClosed);
    QCOMPARE(sink.received.size(), message.size() * count);
    QVERIFY(sink.received == message.repeated(count));
}

// --count N without --interval: N sends back to back, but never more queued than the
// peer takes: a peer that does not read holds the sender up instead of growing its buffer.
void tst_CliClient::clientCountWaitsForSlowPeer()
{
    // 24 MiB: three times what the kernel (~4 MiB) and the sender's high-water mark (4 MiB)
    // hold together on loopback.
    const QByteArray message(64 * 1024, 'a');
    const int count = 384;
    StalledListener peer;
    const quint16 port = peer.listen();
    QVERIFY(port);
    CliProcess cli;
    // Every send prints a TX line holding the message: stdout says how much was handed over.
    // To a file: the test's event loop would drain a pipe slower than the data flows.
    const QString outPath = m_dir.filePath(QStringLiteral("count-stdout.txt"));
    cli.process().setStandardOutputFile(outPath);
    QVERIFY(cli.start(headlessClientArgs(port) << QStringLiteral("--send") << QString::fromLatin1(message)
                                       << QStringLiteral("--count") << QString::number(count)
                                       << QStringLiteral("--linger") << QStringLiteral("0")));
    const auto shown = [&] { return QFileInfo(outPath).size(); };
    QTRY_VERIFY(shown() > message.size());
    qint64 before = -1;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            // Unchanged for a while: the sender is waiting for the peer.
            const qint64 now = shown();
            const bool stable = now == before;
            before = now;
            QTest::qWait(200);
            return stable && shown() == now;
        }(),
        10000);
    const qint64 all = qint64(count) * message.size();
    QVERIFY2(before < all / 2, qPrintable(QStringLiteral("%1 bytes of TX lines for %2 bytes of "
                                                         "messages while the peer read nothing")
                                              .arg(before)
                                              .arg(all)));
    QCOMPARE(cli.process().state(), QProcess::Running);

    QVERIFY(peer.acceptAndRead());
    QVERIFY(cli.waitForExit(20000));
    QCOMPARE(cli.exitCode(), 0);
    QTRY_COMPARE(peer.received().size(), message.size() * count);
    QVERIFY(peer.received() == message.repeated(count));
    QFile out(outPath);
    QVERIFY(out.open(QIODevice::ReadOnly));
    QCOMPARE(out.readAll().count(" TX 127.0.0.1:"), count);
}

// A peer that sends its last bytes and closes at once: the close is handled before the batch
// holding those bytes is printed, and the last characters must still decode with the carry
// of the bytes before them.
void tst_CliClient::closingPeerKeepsItsLastCharacters()
{
    const QString text = QStringLiteral("你好服务端,我是客户端小黑!");
    const QByteArray message = qtGbk(text);
    CliProcess cli;
    const quint16 port = cli.startHeadlessServer({QStringLiteral("--encoding"), QStringLiteral("gbk")});
    QVERIFY2(port, qPrintable(cli.err()));
    for (int round = 0; round < 3; ++round) {
        QTcpSocket client;
        client.connectToHost(kLoopback, port);
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        const QString peer = endpointOf(client);
        // "你" and the lead byte of "好": shown as "你", the lead byte carried.
        client.write(message.left(3));
        const auto rxFromPeer = [&] {
            const QList<CliLine> rx = cli.lines(QStringLiteral("RX"));
            return std::any_of(rx.cbegin(), rx.cend(),
                               [&](const CliLine &l) { return l.peer == peer; });
        };
        QTRY_VERIFY(rxFromPeer());
        client.write(message.mid(3));
        client.disconnectFromHost();
        QTRY_VERIFY(cli.out().contains(QStringLiteral(" ** %1 - Disconnected").arg(peer)));
        QString shown;
        for (const CliLine &l : cli.lines(QStringLiteral("RX")))
            if (l.peer == peer)
                shown += l.data;
        QCOMPARE(shown, text);
    }
    QCOMPARE(cli.terminate(), 0);
}

void tst_CliClient::clientSendFile()
{
    const QByteArray payload = randomBytes(1024 * 1024, 7);
    const QString path = m_dir.filePath(QStringLiteral("one-mib.bin"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(payload), payload.size());
    }
    Sink sink;
    QVERIFY(sink.listen());
    CliProcess cli;
    QVERIFY(cli.start(headlessClientArgs(sink.server.serverPort())
                      << QStringLiteral("--send-file") << path << QStringLiteral("--encoding")
                      << QStringLiteral("hex") << QStringLiteral("--linger")
                      << QStringLiteral("200")));
    QVERIFY(cli.waitForExit(10000));
    QCOMPARE(cli.exitCode(), 0);
    QTRY_VERIFY(sink.peerClosed);
    QCOMPARE(sink.received.size(), payload.size());
    QVERIFY(sink.received == payload);
}

void tst_CliClient::sendFileRefusesSpecialFiles_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("FIFO") << QStringLiteral("fifo") << QStringLiteral("not a regular file");
    QTest::newRow("character device")
        << QStringLiteral("/dev/zero") << QStringLiteral("not a regular file");
    QTest::newRow("folder") << QString() << QStringLiteral("folder");
}

// Refused at once, before connecting: a FIFO with no writer blocked open(), and the
// process then ignored SIGTERM (its handler needs the event loop).
void tst_CliClient::sendFileRefusesSpecialFiles()
{
    QFETCH(QString, path);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    if (path == QLatin1String("fifo")) {
        path = dir.filePath(QStringLiteral("pipe"));
        QVERIFY(makeFifo(path));
    } else if (path.isEmpty()) {
        path = dir.path();
    }
    Sink sink;
    QVERIFY(sink.listen());
    CliProcess cli;
    QVERIFY(
        cli.start(headlessClientArgs(sink.server.serverPort()) << QStringLiteral("--send-file") << path));
    if (!cli.waitForExit(3000)) {
        const int afterTerm = cli.terminate();
        QFAIL(qPrintable(QStringLiteral("still running after 3 s; SIGTERM %1")
                             .arg(afterTerm < 0 ? QStringLiteral("did not end it")
                                                : QStringLiteral("ended it"))));
    }
    QCOMPARE(cli.exitCode(), 2);
    QVERIFY2(cli.err().contains(mentions), qPrintable(cli.err()));
    QVERIFY2(cli.err().contains(path), qPrintable(cli.err()));
    QVERIFY2(!cli.out().contains(QLatin1String("Connected")), qPrintable(cli.out()));
    QVERIFY(!sink.client);
}

void tst_CliClient::clientRefused()
{
    const quint16 port = freeTcpPort();
    QVERIFY(port);
    CliProcess cli;
    QVERIFY(cli.start(headlessClientArgs(port) << QStringLiteral("--send") << QStringLiteral("hi")));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 3);
    QVERIFY2(cli.err().contains(QLatin1String("refused"), Qt::CaseInsensitive),
             qPrintable(cli.err()));
    QVERIFY(cli.lines(QStringLiteral("TX")).isEmpty());
}

void tst_CliClient::clientHostNotFound()
{
    CliProcess cli;
    QVERIFY(cli.start({QStringLiteral("--headless"), QStringLiteral("--mode"),
                       QStringLiteral("tcp-client"), QStringLiteral("--host"),
                       QStringLiteral("nosuch.invalid"), QStringLiteral("--port"),
                       QStringLiteral("80"), QStringLiteral("--timeout"), QStringLiteral("4000")}));
    QVERIFY(cli.waitForExit(8000));
    QCOMPARE(cli.exitCode(), 3);
    QVERIFY2(cli.err().contains(QLatin1String("nosuch.invalid")), qPrintable(cli.err()));
}

// Exercise 5: send datagrams to a UDP "customer service".
void tst_CliClient::udpSendsToRemote()
{
    QUdpSocket receiver;
    QVERIFY(receiver.bind(kLoopback, 0));
    CliProcess cli;
    QVERIFY(cli.start({QStringLiteral("--headless"), QStringLiteral("--mode"),
                       QStringLiteral("udp"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                       QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--remote"),
                       QStringLiteral("127.0.0.1:%1").arg(receiver.localPort()),
                       QStringLiteral("--send"), QStringLiteral("hello udp"),
                       QStringLiteral("--linger"), QStringLiteral("100")}));
    QTRY_VERIFY(receiver.hasPendingDatagrams());
    QByteArray datagram(int(receiver.pendingDatagramSize()), Qt::Uninitialized);
    QHostAddress from;
    quint16 fromPort = 0;
    QCOMPARE(receiver.readDatagram(datagram.data(), datagram.size(), &from, &fromPort), qint64(9));
    QCOMPARE(datagram, QByteArray("hello udp"));
    QVERIFY(from.isEqual(kLoopback, QHostAddress::ConvertV4MappedToIPv4));

    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    // The bound port in the log is the one the datagram came from.
    QVERIFY2(cli.out().contains(QStringLiteral("Bound to 127.0.0.1:%1").arg(fromPort)),
             qPrintable(cli.out()));
    const QList<CliLine> tx = cli.lines(QStringLiteral("TX"));
    QCOMPARE(tx.size(), 1);
    QCOMPARE(tx.first().count, QStringLiteral("9"));
    QCOMPARE(tx.first().data, QStringLiteral("hello udp"));
}

void tst_CliClient::udpShowsSender()
{
    CliProcess cli;
    QVERIFY(
        cli.start({QStringLiteral("--headless"), QStringLiteral("--mode"), QStringLiteral("udp"),
                   QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                   QStringLiteral("0"), QStringLiteral("--encoding"), QStringLiteral("gbk")}));
    const QRegularExpressionMatch bound =
        cli.waitForOutput(QRegularExpression(QStringLiteral(R"(Bound to 127\.0\.0\.1:(\d+))")));
    QVERIFY2(bound.hasMatch(), qPrintable(cli.out() + cli.err()));
    const quint16 port = quint16(bound.captured(1).toUInt());

    QUdpSocket sender;
    QVERIFY(sender.bind(kLoopback, 0));
    const QByteArray hello = qtGbk(QStringLiteral("客服你好\r\n"));
    QCOMPARE(sender.writeDatagram(hello, kLoopback, port), qint64(hello.size()));
    QTRY_COMPARE(cli.lines(QStringLiteral("RX")).size(), 1);
    const CliLine rx = cli.lines(QStringLiteral("RX")).first();
    QCOMPARE(rx.peer, endpointOf(sender));
    QCOMPARE(rx.count, QString::number(hello.size()));
    QCOMPARE(rx.data, QStringLiteral("客服你好\\r\\n"));
    QCOMPARE(cli.terminate(), 0);
}

// A send the kernel refuses (a broadcast address without --broadcast; nothing leaves the
// socket) is a network error: exit 3, not 0.
void tst_CliClient::failedSendExitsNonZero()
{
    CliProcess cli;
    QVERIFY(cli.start({QStringLiteral("--headless"), QStringLiteral("--mode"),
                       QStringLiteral("udp"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                       QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--remote"),
                       QStringLiteral("127.255.255.255:9"), QStringLiteral("--send"),
                       QStringLiteral("x"), QStringLiteral("--linger"), QStringLiteral("0")}));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 3);
    QVERIFY2(cli.err().contains(QLatin1String("broadcast"), Qt::CaseInsensitive),
             qPrintable(cli.err()));
    QVERIFY(cli.lines(QStringLiteral("TX")).isEmpty());
}

QTEST_GUILESS_MAIN(tst_CliClient)
#include "tst_cliclient.moc"
