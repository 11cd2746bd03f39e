// Loopback integration tests for TcpRelaySession: a client and an upstream server on
// 127.0.0.1, python3 peers (tests/peers/relay_ends.py) or in-process Qt sockets, and the
// relay between them.

#include "core/link/tcplink.h"
#include "core/session/relaycontrol.h"
#include "core/log/logrecord.h"
#include "core/transport/tcprelaysession.h"

#include "loopback.h"
#include "pythonpeer.h"
#include "recordlog.h"
#include "require.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace sockscope;
using namespace sockscope::test;

namespace {

std::unique_ptr<TcpRelaySession> startRelay(quint16 upstreamPort,
                                            TcpRelaySession::Options o = {})
{
    auto relay = std::make_unique<TcpRelaySession>();
    o.address = kLoopback;
    o.port = 0;
    o.upstreamHost = QStringLiteral("127.0.0.1");
    o.upstreamPort = upstreamPort;
    relay->setOptions(o);
    relay->setBatchInterval(5);
    relay->start();
    return relay;
}

// "key=value" words of a peer's output line.
QString field(const QString &line, const QString &key)
{
    for (const QString &word : line.split(u' ')) {
        if (word.startsWith(key + u'='))
            return word.mid(key.size() + 1);
    }
    return {};
}

QStringList linesStartingWith(PythonPeer &peer, const QString &head)
{
    QStringList out;
    for (const QString &line : peer.lines()) {
        if (line.startsWith(head + u' ') || line == head)
            out.append(line);
    }
    return out;
}

QList<quint32> sides(const Session &s, PeerInfo::Side side)
{
    QList<quint32> ids;
    for (quint32 id : s.peerIds()) {
        if (s.peer(id)->side == side)
            ids.append(id);
    }
    return ids;
}

// A listening socket that never accepts, its queue full: connecting to it hangs (Linux drops
// the SYN while the accept queue is full).
class DeafListener
{
public:
    DeafListener()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (::bind(m_fd, reinterpret_cast<sockaddr *>(&a), len) != 0 || ::listen(m_fd, 0) != 0 ||
            ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&a), &len) != 0)
            return;
        m_port = ntohs(a.sin_port);
        for (auto &s : m_fillers) // backlog 0 still queues one; fill it
            s.connectToHost(kLoopback, m_port);
    }
    ~DeafListener() { ::close(m_fd); }
    quint16 port() const { return m_port; }

private:
    int m_fd = -1;
    quint16 m_port = 0;
    QTcpSocket m_fillers[3];
};

} // namespace

class tst_TcpRelaySession : public QObject
{
    Q_OBJECT

private slots:
    void exchangeIsByteExact_data();
    void exchangeIsByteExact();
    void halfCloseIsPassedOn();
    void resetIsPassedOn_data();
    void resetIsPassedOn();
    void upstreamRefusedClosesClient();
    void upstreamTimeoutClosesClient();
    void slowReaderKeepsQueueBounded_data();
    void slowReaderKeepsQueueBounded();
    void logsBothDirectionsAndInjects();
    void framingPerDirection();
    void holdReleaseDropKeepOrder();
    void holdKeepsEndOfStream();
    void holdIsCapped();
    void shapingDelaysAndLimits_data();
    void shapingDelaysAndLimits();
    void portInUseFails();
};

// Both directions at once, every byte in order (SHA-256 each way), half-closes passed on
// (each end reads to end of stream), for one big pair and for many pairs at once.
void tst_TcpRelaySession::exchangeIsByteExact_data()
{
    QTest::addColumn<int>("bytes");
    QTest::addColumn<int>("pairs");
    QTest::newRow("one pair, 16 MiB each way") << (16 << 20) << 1;
    QTest::newRow("100 pairs at once") << (64 << 10) << 100;
}

void tst_TcpRelaySession::exchangeIsByteExact()
{
    QFETCH(int, bytes);
    QFETCH(int, pairs);
    PythonPeer server;
    server.start("relay_ends.py", {QStringLiteral("server"), QStringLiteral("exchange"),
                                   QString::number(bytes)});
    const quint16 up = server.port();
    QVERIFY(up);
    auto relay = startRelay(up);
    QCOMPARE(relay->state(), Session::State::Active);

    PythonPeer client;
    client.start("relay_ends.py", {QStringLiteral("client"), QStringLiteral("exchange"),
                                   QString::number(relay->boundPort()), QString::number(bytes),
                                   QString::number(pairs)});
    QTRY_VERIFY2_WITH_TIMEOUT(client.lines().contains(QStringLiteral("DONE")),
                              qPrintable(client.diagnostics()), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(linesStartingWith(server, QStringLiteral("CONN")).size(), pairs,
                              10000);

    QStringList clientSent, clientGot, serverSent, serverGot;
    for (const QString &line : linesStartingWith(client, QStringLiteral("CLIENT"))) {
        QCOMPARE(field(line, QStringLiteral("got")).toInt(), bytes);
        clientSent << field(line, QStringLiteral("sent_sha"));
        clientGot << field(line, QStringLiteral("sha"));
    }
    for (const QString &line : linesStartingWith(server, QStringLiteral("CONN"))) {
        QCOMPARE(field(line, QStringLiteral("got")).toInt(), bytes);
        serverSent << field(line, QStringLiteral("sent_sha"));
        serverGot << field(line, QStringLiteral("sha"));
    }
    QCOMPARE(clientSent.size(), pairs);
    clientSent.sort();
    serverGot.sort();
    clientGot.sort();
    serverSent.sort();
    QCOMPARE(serverGot, clientSent); // client → server, every pair exact
    QCOMPARE(clientGot, serverSent); // server → client

    // Counters equal the bytes on the wire, each side; every pair ended in order.
    QTRY_COMPARE(relay->openPeerCount(), 0);
    QVERIFY(relay->peakPeerCount() >= 1 && relay->peakPeerCount() <= pairs); // pairs, not sides
    const QList<quint32> clients = sides(*relay, PeerInfo::Side::Client);
    QCOMPARE(clients.size(), pairs);
    for (quint32 c : clients) {
        const PeerInfo *cp = relay->peer(c);
        const PeerInfo *up2 = relay->peer(cp->partner);
        QVERIFY(up2);
        QCOMPARE(up2->partner, c);
        QCOMPARE(cp->rxBytes, qint64(bytes));
        QCOMPARE(cp->txBytes, qint64(bytes));
        QCOMPARE(up2->rxBytes, qint64(bytes));
        QCOMPARE(up2->txBytes, qint64(bytes));
        QCOMPARE(cp->closeReason, CloseReason::PeerClosed);
        QCOMPARE(up2->closeReason, CloseReason::PeerClosed);
    }
    QCOMPARE(relay->rxBytesTotal(), 2 * qint64(bytes) * pairs);
    QCOMPARE(relay->txBytesTotal(), 2 * qint64(bytes) * pairs);
}

// The client half-closes; the server sees the end of stream and answers; the answer reaches
// the client over the half-open pair.
void tst_TcpRelaySession::halfCloseIsPassedOn()
{
    PythonPeer server;
    server.start("relay_ends.py", {QStringLiteral("server"), QStringLiteral("eof-reply")});
    const quint16 up = server.port();
    QVERIFY(up);
    auto relay = startRelay(up);
    RecordLog log(relay.get());
    PythonPeer client;
    client.start("relay_ends.py", {QStringLiteral("client"), QStringLiteral("eof-reply"),
                                   QString::number(relay->boundPort()),
                                   QStringLiteral("100000")});
    const QByteArray sent(100000, 'x');
    const QString expected =
        QStringLiteral("TOTAL 100000 SHA %1")
            .arg(QString::fromLatin1(
                QCryptographicHash::hash(sent, QCryptographicHash::Sha256).toHex()));
    QTRY_COMPARE_WITH_TIMEOUT(client.value(QStringLiteral("ANSWER")), expected, 15000);
    for (quint32 id : relay->peerIds())
        QVERIFY(relay->peer(id)->finishedSending); // each side half-closed in turn
    QTRY_COMPARE(relay->openPeerCount(), 0);
    bool finishedLogged = false;
    for (const LogRecord &r : log.all())
        finishedLogged |= r.eventText().contains(QStringLiteral("half-close"));
    QVERIFY(finishedLogged);
}

// A reset by one end reaches the other end as a reset.
void tst_TcpRelaySession::resetIsPassedOn_data()
{
    QTest::addColumn<QString>("serverMode");
    QTest::addColumn<QStringList>("clientArgs");
    QTest::addColumn<QString>("expectServer");
    QTest::addColumn<QString>("expectClient");
    QTest::newRow("client resets") << QStringLiteral("slow") << QStringList{QStringLiteral("reset"), QStringLiteral("1000")}
                                   << QStringLiteral("CONN got-reset")
                                   << QStringLiteral("RESET-SENT");
    QTest::newRow("server resets") << QStringLiteral("reset-after") << QStringList{QStringLiteral("wait-reset")}
                                   << QStringLiteral("CONN reset-sent")
                                   << QStringLiteral("GOT-RESET");
}

void tst_TcpRelaySession::resetIsPassedOn()
{
    QFETCH(QString, serverMode);
    QFETCH(QStringList, clientArgs);
    QFETCH(QString, expectServer);
    QFETCH(QString, expectClient);
    PythonPeer server;
    server.start("relay_ends.py", {QStringLiteral("server"), serverMode, QStringLiteral("5")});
    const quint16 up = server.port();
    QVERIFY(up);
    auto relay = startRelay(up);
    PythonPeer client;
    QStringList args{QStringLiteral("client"), clientArgs.first(),
                     QString::number(relay->boundPort())};
    args += clientArgs.mid(1);
    client.start("relay_ends.py", args);
    QTRY_VERIFY2_WITH_TIMEOUT(client.lines().contains(expectClient),
                              qPrintable(client.diagnostics()), 15000);
    QTRY_VERIFY2_WITH_TIMEOUT(server.lines().contains(expectServer),
                              qPrintable(server.diagnostics()), 15000);
    QTRY_COMPARE(relay->openPeerCount(), 0);
    for (quint32 id : relay->peerIds())
        QCOMPARE(relay->peer(id)->closeReason, CloseReason::Reset);
}

// Nothing listens upstream: each client is closed with the reason; the relay keeps listening.
void tst_TcpRelaySession::upstreamRefusedClosesClient()
{
    const quint16 nobody = freeTcpPort();
    QVERIFY(nobody);
    auto relay = startRelay(nobody);
    for (int i = 0; i < 2; ++i) {
        QTcpSocket client;
        client.connectToHost(kLoopback, relay->boundPort());
        QVERIFY(client.waitForConnected(5000));
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 5000);
    }
    QVERIFY(relay->isListening());
    const QList<quint32> clients = sides(*relay, PeerInfo::Side::Client);
    QCOMPARE(clients.size(), 2);
    for (quint32 id : clients) {
        QCOMPARE(relay->peer(id)->closeReason, CloseReason::Refused);
        QVERIFY2(relay->peer(id)->closeText.contains(QStringLiteral("127.0.0.1:%1").arg(nobody)),
                 qPrintable(relay->peer(id)->closeText));
    }
    QVERIFY(sides(*relay, PeerInfo::Side::Upstream).isEmpty());
}

void tst_TcpRelaySession::upstreamTimeoutClosesClient()
{
    DeafListener deaf;
    QVERIFY(deaf.port());
    QTest::qWait(100); // the fillers take the accept queue
    TcpRelaySession::Options o;
    o.connectTimeoutMs = 300;
    auto relay = startRelay(deaf.port(), o);
    QTcpSocket client;
    client.connectToHost(kLoopback, relay->boundPort());
    QVERIFY(client.waitForConnected(5000));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 5000);
    const QList<quint32> clients = sides(*relay, PeerInfo::Side::Client);
    QCOMPARE(clients.size(), 1);
    QCOMPARE(relay->peer(clients.first())->closeReason, CloseReason::Timeout);
    QVERIFY(relay->isListening());
}

// A side that reads slowly holds the other side back (TCP flow control) instead of making the
// relay queue what it cannot pass on: the queue stays near the high-water mark, and every
// byte still arrives.
void tst_TcpRelaySession::slowReaderKeepsQueueBounded_data()
{
    QTest::addColumn<bool>("slowServer");
    QTest::newRow("slow server") << true;
    QTest::newRow("slow client") << false;
}

void tst_TcpRelaySession::slowReaderKeepsQueueBounded()
{
    QFETCH(bool, slowServer);
    const int bytes = 24 << 20;
    PythonPeer server;
    server.start("relay_ends.py",
                 slowServer ? QStringList{QStringLiteral("server"), QStringLiteral("slow")}
                            : QStringList{QStringLiteral("server"), QStringLiteral("exchange"), QString::number(bytes)});
    const quint16 up = server.port();
    QVERIFY(up);
    TcpRelaySession::Options o;
    o.highWater = 256 << 10;
    o.lowWater = 64 << 10;
    auto relay = startRelay(up, o);
    PythonPeer client;
    client.start("relay_ends.py",
                 slowServer ? QStringList{QStringLiteral("client"), QStringLiteral("exchange"), QString::number(relay->boundPort()),
                                          QString::number(bytes), QStringLiteral("1")}
                            : QStringList{QStringLiteral("client"), QStringLiteral("slow-read"),
                                          QString::number(relay->boundPort())});
    qint64 peak = 0;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &sampler, [&] {
        for (quint32 id : relay->peerIds())
            peak = qMax(peak, relay->pendingWriteBytes(id));
    });
    sampler.start(1);
    QTRY_VERIFY2_WITH_TIMEOUT(!linesStartingWith(client, QStringLiteral("CLIENT")).isEmpty(),
                              qPrintable(client.diagnostics()), 60000);
    sampler.stop();
    // One block read past the mark at most.
    QVERIFY2(peak <= o.highWater + TcpLink::ReadCapBytes, qPrintable(QString::number(peak)));
    QVERIFY(peak > 0);
    QTRY_COMPARE_WITH_TIMEOUT(linesStartingWith(server, QStringLiteral("CONN")).size(), 1, 10000);
    const QString s = linesStartingWith(server, QStringLiteral("CONN")).first();
    const QString c = linesStartingWith(client, QStringLiteral("CLIENT")).first();
    if (slowServer) {
        QCOMPARE(field(s, QStringLiteral("got")).toInt(), bytes);
        QCOMPARE(field(s, QStringLiteral("sha")), field(c, QStringLiteral("sent_sha")));
    } else {
        QCOMPARE(field(c, QStringLiteral("got")).toInt(), bytes);
        QCOMPARE(field(c, QStringLiteral("sha")), field(s, QStringLiteral("sent_sha")));
    }
}

// Line framing per side, directions told apart by the Upstream flag, and injected messages
// to either side arrive there, in order with the forwarded bytes, marked as sent.
void tst_TcpRelaySession::logsBothDirectionsAndInjects()
{
    QTcpServer upstream;
    QVERIFY(upstream.listen(kLoopback, 0));
    auto relay = startRelay(upstream.serverPort());
    FramingSpec lines;
    lines.type = FramingSpec::Type::Delimiter;
    lines.delimiter = "\n";
    relay->setFraming(lines);
    RecordLog log(relay.get());

    QTcpSocket client;
    client.connectToHost(kLoopback, relay->boundPort());
    QVERIFY(client.waitForConnected(5000));
    QTRY_VERIFY(upstream.hasPendingConnections());
    std::unique_ptr<QTcpSocket> server(upstream.nextPendingConnection());
    QTRY_COMPARE(sides(*relay, PeerInfo::Side::Upstream).size(), 1);
    const quint32 c = sides(*relay, PeerInfo::Side::Client).first();
    const quint32 u = sides(*relay, PeerInfo::Side::Upstream).first();

    client.write("hello\nworld\n");
    server->write("welcome\n");
    QTRY_COMPARE(server->bytesAvailable(), 12);
    QTRY_COMPARE(client.bytesAvailable(), 8);
    QCOMPARE(server->readAll(), QByteArray("hello\nworld\n"));
    QCOMPARE(client.readAll(), QByteArray("welcome\n"));

    QString why;
    QVERIFY(relay->defaultSendTargets(&why).isEmpty()); // injecting needs a side
    QVERIFY(!why.isEmpty());
    QVERIFY(!relay->send("ping\n").ok());
    QVERIFY(relay->send("to-server\n", {u}).ok());
    QVERIFY(relay->send("to-client\n", {c}).ok());
    QTRY_COMPARE(server->bytesAvailable(), 10);
    QTRY_COMPARE(client.bytesAvailable(), 10);
    QCOMPARE(server->readAll(), QByteArray("to-server\n"));
    QCOMPARE(client.readAll(), QByteArray("to-client\n"));

    relay->flushRecords();
    QCOMPARE(log.payloads(c, LogRecord::Kind::Rx), (QList<QByteArray>{"hello", "world"}));
    QCOMPARE(log.payloads(u, LogRecord::Kind::Rx), QList<QByteArray>{"welcome"});
    for (const LogRecord &r : log.of(c, LogRecord::Kind::Rx))
        QVERIFY(!(r.flags & LogRecord::Upstream));
    for (const LogRecord &r : log.of(u, LogRecord::Kind::Rx))
        QVERIFY(r.flags & LogRecord::Upstream);
    QCOMPARE(log.payloads(u, LogRecord::Kind::Tx), QList<QByteArray>{"to-server\n"});
    QCOMPARE(log.payloads(c, LogRecord::Kind::Tx), QList<QByteArray>{"to-client\n"});
    QVERIFY(log.of(u, LogRecord::Kind::Tx).first().flags & LogRecord::Upstream);
    QVERIFY(!(log.of(c, LogRecord::Kind::Tx).first().flags & LogRecord::Upstream));
    QCOMPARE(relay->openPeerCount(), 1); // one pair is one client

    // Disconnecting the client side closes the server side too.
    relay->disconnectPeer(c);
    QTRY_COMPARE(server->state(), QAbstractSocket::UnconnectedState);
    QTRY_VERIFY(!relay->peer(u)->isOpen());
}

// A connected pair of Qt sockets through the relay: the client, the server's accepted socket,
// and the two sides' peer ids.
struct QtPair
{
    QTcpServer upstream;
    std::unique_ptr<TcpRelaySession> relay;
    QTcpSocket client;
    std::unique_ptr<QTcpSocket> server;
    quint32 c = 0;
    quint32 u = 0;

    void open()
    {
        QVERIFY(upstream.listen(kLoopback, 0));
        relay = startRelay(upstream.serverPort());
        client.connectToHost(kLoopback, relay->boundPort());
        QVERIFY(client.waitForConnected(5000));
        QTRY_VERIFY(upstream.hasPendingConnections());
        server.reset(upstream.nextPendingConnection());
        QTRY_COMPARE(sides(*relay, PeerInfo::Side::Upstream).size(), 1);
        c = sides(*relay, PeerInfo::Side::Client).first();
        u = sides(*relay, PeerInfo::Side::Upstream).first();
        QVERIFY(relay->relay());
    }
};

// The server reads what reached it so far, after the relay had time to pass more on.
QByteArray settledRead(QTcpSocket &s)
{
    QTest::qWait(150);
    return s.readAll();
}

// Each direction is framed on its own: lines from the client, idle gaps of different lengths
// from the server, and a 4-byte fixed framing switched on for the server side alone.
void tst_TcpRelaySession::framingPerDirection()
{
    QtPair p;
    SOCKSCOPE_REQUIRE(p.open());
    RecordLog log(p.relay.get());
    FramingSpec lines;
    lines.type = FramingSpec::Type::Delimiter;
    lines.delimiter = "\n";
    FramingSpec fixed;
    fixed.type = FramingSpec::Type::FixedLength;
    fixed.fixedLength = 4;
    p.relay->setFraming(lines);
    p.relay->setUpstreamFraming(fixed);
    QCOMPARE(p.relay->upstreamFraming().type, FramingSpec::Type::FixedLength);
    p.client.write("ab\ncd\n");
    p.server->write("12345678");
    QTRY_COMPARE(p.server->bytesAvailable(), 6); // forwarded whole, whatever the framing
    QTRY_COMPARE(p.client.bytesAvailable(), 8);
    p.relay->flushRecords();
    QTRY_COMPARE(log.payloads(p.c, LogRecord::Kind::Rx), (QList<QByteArray>{"ab", "cd"}));
    QTRY_COMPARE(log.payloads(p.u, LogRecord::Kind::Rx), (QList<QByteArray>{"1234", "5678"}));

    // Idle gaps of two lengths, one per direction: each cuts at its own gap.
    FramingSpec shortGap;
    shortGap.type = FramingSpec::Type::IdleGap;
    shortGap.idleGapMs = 30;
    FramingSpec longGap = shortGap;
    longGap.idleGapMs = 1000;
    p.relay->setFraming(longGap);
    p.relay->setUpstreamFraming(shortGap);
    p.client.write("slow");
    p.server->write("fast");
    QTRY_COMPARE(log.payloads(p.u, LogRecord::Kind::Rx).size(), 3); // cut after ~30 ms
    QCOMPARE(log.payloads(p.c, LogRecord::Kind::Rx).size(), 2);    // still waiting for 1 s
    QTRY_COMPARE_WITH_TIMEOUT(log.payloads(p.c, LogRecord::Kind::Rx).size(), 3, 3000);
    QCOMPARE(log.payloads(p.c, LogRecord::Kind::Rx).last(), QByteArray("slow"));
}

void tst_TcpRelaySession::holdReleaseDropKeepOrder()
{
    QtPair p;
    SOCKSCOPE_REQUIRE(p.open());
    RelayControl *relay = p.relay->relay();
    relay->setHolding(p.c, true);
    p.client.write("a\nb\n");
    QTRY_COMPARE(p.relay->peer(p.c)->heldBytes, qint64(4));
    QVERIFY(p.relay->peer(p.c)->holding);
    QCOMPARE(settledRead(*p.server), QByteArray()); // held, not passed on
    relay->releaseHeld(p.c);
    QTRY_COMPARE(p.server->bytesAvailable(), 4);
    QCOMPARE(p.server->readAll(), QByteArray("a\nb\n"));
    QCOMPARE(p.relay->peer(p.c)->heldBytes, qint64(0));

    p.client.write("c\n"); // still holding
    QTRY_COMPARE(p.relay->peer(p.c)->heldBytes, qint64(2));
    relay->dropHeld(p.c);
    QCOMPARE(p.relay->peer(p.c)->heldBytes, qint64(0));
    p.client.write("d\n");
    QTRY_COMPARE(p.relay->peer(p.c)->heldBytes, qint64(2));
    relay->setHolding(p.c, false); // what was held goes first
    p.client.write("e\n");
    QTRY_COMPARE(p.server->bytesAvailable(), 4);
    QCOMPARE(settledRead(*p.server), QByteArray("d\ne\n")); // "c" dropped, order kept

    // The other direction is held on its own; the client side passes on meanwhile.
    relay->setHolding(p.u, true);
    p.server->write("S1");
    p.client.write("C1");
    QTRY_COMPARE(p.server->bytesAvailable(), 2);
    QTRY_COMPARE(p.relay->peer(p.u)->heldBytes, qint64(2));
    QCOMPARE(settledRead(p.client), QByteArray());
    relay->setHolding(p.u, false);
    QTRY_COMPARE(p.client.bytesAvailable(), 2);
    QCOMPARE(p.client.readAll(), QByteArray("S1"));
}

// A half-close behind held bytes is held too and passed on after them.
void tst_TcpRelaySession::holdKeepsEndOfStream()
{
    QtPair p;
    SOCKSCOPE_REQUIRE(p.open());
    p.relay->relay()->setHolding(p.c, true);
    p.client.write("last");
    QTRY_COMPARE(p.relay->peer(p.c)->heldBytes, qint64(4));
    ::shutdown(int(p.client.socketDescriptor()), SHUT_WR);
    QTest::qWait(150);
    QCOMPARE(p.server->state(), QAbstractSocket::ConnectedState); // no end of stream yet
    QCOMPARE(p.server->bytesAvailable(), 0);
    p.relay->relay()->releaseHeld(p.c);
    QTRY_COMPARE(p.server->bytesAvailable(), 4);
    QCOMPARE(p.server->readAll(), QByteArray("last"));
    QTRY_COMPARE(p.server->state(), QAbstractSocket::UnconnectedState); // then the FIN
}

// A hold beyond its cap stops reading the side (its bytes wait in the kernel): memory stays
// bounded, and after the release every byte still arrives, in order.
void tst_TcpRelaySession::holdIsCapped()
{
    QtPair p;
    SOCKSCOPE_REQUIRE(p.open());
    p.relay->relay()->setHolding(p.c, true);
    QByteArray data(12 << 20, Qt::Uninitialized);
    for (int i = 0; i < data.size(); ++i)
        data[i] = char(i * 7 + (i >> 13));
    p.client.write(data);
    QTRY_VERIFY_WITH_TIMEOUT(p.relay->peer(p.c)->heldBytes >= RelayControl::HoldCap, 10000);
    QTest::qWait(200);
    QVERIFY2(p.relay->peer(p.c)->heldBytes <= RelayControl::HoldCap + TcpLink::ReadCapBytes,
             qPrintable(QString::number(p.relay->peer(p.c)->heldBytes)));
    p.relay->relay()->setHolding(p.c, false);
    QByteArray got;
    QTRY_VERIFY_WITH_TIMEOUT((got += p.server->readAll()).size() >= data.size(), 20000);
    QVERIFY(got == data);
}

// "Bad network": a latency and a rate on one direction; the bytes arrive exact, in order,
// never earlier than the shaping allows (a lower bound only: a busy machine is only slower),
// the half-close after them; the other direction is not slowed.
void tst_TcpRelaySession::shapingDelaysAndLimits_data()
{
    QTest::addColumn<int>("latencyMs");
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("bytes");
    QTest::newRow("latency 300 ms") << 300 << 0 << 10;
    QTest::newRow("200 KB/s") << 0 << 200000 << 200000;
    QTest::newRow("both") << 200 << 100000 << 50000;
}

void tst_TcpRelaySession::shapingDelaysAndLimits()
{
    QFETCH(int, latencyMs);
    QFETCH(int, rate);
    QFETCH(int, bytes);
    // A rate lets a tenth of a second's worth (at least 4 KiB) go at once, then paces the
    // rest; 20 ms of slack for the timer's granularity.
    const qint64 burst = rate > 0 ? qMax(4096, rate / 10) : bytes;
    const qint64 atLeastMs =
        latencyMs + (rate > 0 ? qMax<qint64>(0, bytes - burst) * 1000 / rate : 0) - 20;
    QtPair p;
    SOCKSCOPE_REQUIRE(p.open());
    p.relay->relay()->setShaping(false, {latencyMs, rate});
    QCOMPARE(p.relay->relay()->shaping(false).latencyMs, latencyMs);
    QByteArray data(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        data[i] = char(i * 13 + (i >> 8));
    QElapsedTimer clock;
    clock.start();
    p.client.write(data);
    p.server->write("back");
    QTRY_COMPARE(p.client.bytesToWrite(), 0); // in the kernel: then our FIN may follow
    ::shutdown(int(p.client.socketDescriptor()), SHUT_WR);
    QTRY_COMPARE(p.client.bytesAvailable(), 4);
    const qint64 backMs = clock.elapsed();
    QByteArray got;
    QTRY_VERIFY_WITH_TIMEOUT((got += p.server->readAll()).size() >= bytes, 20000);
    const qint64 tookMs = clock.elapsed();
    QVERIFY(got == data);
    QVERIFY2(tookMs >= atLeastMs, qPrintable(QString::number(tookMs)));
    QVERIFY2(backMs < tookMs, qPrintable(QStringLiteral("%1 %2").arg(backMs).arg(tookMs)));
    QTRY_COMPARE(p.server->state(), QAbstractSocket::UnconnectedState); // FIN after the bytes
}

void tst_TcpRelaySession::portInUseFails()
{
    QTcpServer holder;
    QVERIFY(holder.listen(kLoopback, 0));
    auto relay = std::make_unique<TcpRelaySession>();
    TcpRelaySession::Options o;
    o.address = kLoopback;
    o.port = holder.serverPort();
    o.upstreamHost = QStringLiteral("127.0.0.1");
    o.upstreamPort = 9;
    relay->setOptions(o);
    relay->start();
    QCOMPARE(relay->state(), Session::State::Failed);
    QVERIFY(!relay->isListening());
}

QTEST_GUILESS_MAIN(tst_TcpRelaySession)
#include "tst_tcprelaysession.moc"
