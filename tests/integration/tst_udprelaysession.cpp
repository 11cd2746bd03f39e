// Loopback integration tests for UdpRelaySession: UDP clients and an upstream UDP server on
// 127.0.0.1 (in-process Qt sockets), the relay mapping between them.

#include "core/log/logrecord.h"
#include "core/session/relaycontrol.h"
#include "core/transport/udprelaysession.h"

#include "loopback.h"
#include "recordlog.h"

#include <QElapsedTimer>
#include <QNetworkDatagram>
#include <QTest>
#include <QUdpSocket>

#include <memory>

using namespace sockscope;
using namespace sockscope::test;

namespace {

std::unique_ptr<UdpRelaySession> startRelay(quint16 upstreamPort, int idleMs = 60000)
{
    auto relay = std::make_unique<UdpRelaySession>();
    UdpRelaySession::Options o;
    o.address = kLoopback;
    o.upstreamHost = QStringLiteral("127.0.0.1");
    o.upstreamPort = upstreamPort;
    o.idleTimeoutMs = idleMs;
    relay->setOptions(o);
    relay->setBatchInterval(5);
    relay->start();
    return relay;
}

// The next datagram on the socket (waits up to 5 s); invalid if none came.
QNetworkDatagram nextDatagram(QUdpSocket &socket)
{
    if (!socket.hasPendingDatagrams())
        (void)QTest::qWaitFor([&] { return socket.hasPendingDatagrams(); }, 5000);
    return socket.hasPendingDatagrams() ? socket.receiveDatagram() : QNetworkDatagram();
}

} // namespace

class tst_UdpRelaySession : public QObject
{
    Q_OBJECT

private slots:
    void twoClientsGetTwoMappings();
    void idleMappingCloses();
    void injectsToEitherSide();
    void holdReleaseDrop();
    void shapingDelaysDatagrams();
};

// Each client address gets its own upstream socket: the server sees two sources and its
// answers go back to the right client, datagrams whole and unchanged.
void tst_UdpRelaySession::twoClientsGetTwoMappings()
{
    QUdpSocket server;
    QVERIFY(server.bind(kLoopback, 0));
    auto relay = startRelay(server.localPort());
    QCOMPARE(relay->state(), Session::State::Active);
    RecordLog log(relay.get());
    QUdpSocket a, b;
    QVERIFY(a.bind(kLoopback, 0));
    QVERIFY(b.bind(kLoopback, 0));

    const QByteArray big(60000, 'z');
    a.writeDatagram("from-a", kLoopback, relay->boundPort());
    b.writeDatagram(big, kLoopback, relay->boundPort());
    QList<QNetworkDatagram> got{nextDatagram(server), nextDatagram(server)};
    QVERIFY(got[0].isValid() && got[1].isValid());
    if (got[0].data() != "from-a")
        std::swap(got[0], got[1]);
    QCOMPARE(got[0].data(), QByteArray("from-a"));
    QCOMPARE(got[1].data(), big);
    QVERIFY(got[0].senderPort() != got[1].senderPort()); // two mappings
    QVERIFY(got[0].senderPort() != relay->boundPort());

    server.writeDatagram("to-b", got[1].senderAddress(), quint16(got[1].senderPort()));
    server.writeDatagram("to-a", got[0].senderAddress(), quint16(got[0].senderPort()));
    const QNetworkDatagram toA = nextDatagram(a);
    const QNetworkDatagram toB = nextDatagram(b);
    QCOMPARE(toA.data(), QByteArray("to-a"));
    QCOMPARE(toB.data(), QByteArray("to-b"));
    QCOMPARE(quint16(toA.senderPort()), relay->boundPort()); // answers come from the relay

    QCOMPARE(relay->openPeerCount(), 2);
    relay->flushRecords();
    int c2s = 0, s2c = 0;
    for (const LogRecord &r : log.all()) {
        if (r.kind != LogRecord::Kind::Rx)
            continue;
        (r.flags & LogRecord::Upstream ? s2c : c2s) += 1;
    }
    QCOMPARE(c2s, 2);
    QCOMPARE(s2c, 2);
    QCOMPARE(relay->rxUpstreamBytesTotal(), qint64(8));
    QCOMPARE(relay->rxBytesTotal(), qint64(6 + big.size() + 8));
}

void tst_UdpRelaySession::idleMappingCloses()
{
    QUdpSocket server;
    QVERIFY(server.bind(kLoopback, 0));
    auto relay = startRelay(server.localPort(), 200);
    QUdpSocket a;
    QVERIFY(a.bind(kLoopback, 0));
    a.writeDatagram("x", kLoopback, relay->boundPort());
    QVERIFY(nextDatagram(server).isValid());
    QCOMPARE(relay->openPeerCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(relay->openPeerCount(), 0, 3000);
    for (quint32 id : relay->peerIds())
        QCOMPARE(relay->peer(id)->closeReason, CloseReason::Timeout);
    // The client's next datagram opens a new mapping.
    a.writeDatagram("y", kLoopback, relay->boundPort());
    QCOMPARE(nextDatagram(server).data(), QByteArray("y"));
    QCOMPARE(relay->openPeerCount(), 1);
}

void tst_UdpRelaySession::injectsToEitherSide()
{
    QUdpSocket server;
    QVERIFY(server.bind(kLoopback, 0));
    auto relay = startRelay(server.localPort());
    QUdpSocket a;
    QVERIFY(a.bind(kLoopback, 0));
    a.writeDatagram("hi", kLoopback, relay->boundPort());
    const QNetworkDatagram first = nextDatagram(server);
    QVERIFY(first.isValid());
    quint32 client = 0, upstream = 0;
    for (quint32 id : relay->peerIds())
        (relay->peer(id)->isUpstream() ? upstream : client) = id;
    QVERIFY(client && upstream);
    QVERIFY(relay->send("inj-server", {upstream}).ok());
    QVERIFY(relay->send("inj-client", {client}).ok());
    const QNetworkDatagram s = nextDatagram(server);
    QCOMPARE(s.data(), QByteArray("inj-server"));
    QCOMPARE(s.senderPort(), first.senderPort()); // from the client's mapping
    QCOMPARE(nextDatagram(a).data(), QByteArray("inj-client"));
    QVERIFY(!relay->send("nowhere").ok());
}

void tst_UdpRelaySession::holdReleaseDrop()
{
    QUdpSocket server;
    QVERIFY(server.bind(kLoopback, 0));
    auto relay = startRelay(server.localPort());
    QUdpSocket a;
    QVERIFY(a.bind(kLoopback, 0));
    a.writeDatagram("open", kLoopback, relay->boundPort());
    QCOMPARE(nextDatagram(server).data(), QByteArray("open"));
    const quint32 client = relay->peerIds().first();
    QVERIFY(relay->relay());
    relay->relay()->setHolding(client, true);
    a.writeDatagram("one", kLoopback, relay->boundPort());
    a.writeDatagram("two", kLoopback, relay->boundPort());
    QTRY_COMPARE(relay->peer(client)->heldBytes, qint64(6));
    QTest::qWait(100);
    QVERIFY(!server.hasPendingDatagrams());
    relay->relay()->releaseHeld(client);
    QCOMPARE(nextDatagram(server).data(), QByteArray("one"));
    QCOMPARE(nextDatagram(server).data(), QByteArray("two"));
    a.writeDatagram("three", kLoopback, relay->boundPort());
    QTRY_COMPARE(relay->peer(client)->heldBytes, qint64(5));
    relay->relay()->dropHeld(client);
    relay->relay()->setHolding(client, false);
    a.writeDatagram("four", kLoopback, relay->boundPort());
    QCOMPARE(nextDatagram(server).data(), QByteArray("four")); // "three" was dropped
}

// A latency on server→client: the answer comes no sooner, whole; client→server is not slowed.
void tst_UdpRelaySession::shapingDelaysDatagrams()
{
    QUdpSocket server;
    QVERIFY(server.bind(kLoopback, 0));
    auto relay = startRelay(server.localPort());
    relay->relay()->setShaping(true, {1000, 0});
    QUdpSocket a;
    QVERIFY(a.bind(kLoopback, 0));
    QElapsedTimer clock;
    clock.start();
    a.writeDatagram("ask", kLoopback, relay->boundPort());
    const QNetworkDatagram asked = nextDatagram(server);
    QCOMPARE(asked.data(), QByteArray("ask"));
    QVERIFY(clock.elapsed() < 1000); // not shaped
    clock.restart();
    server.writeDatagram(QByteArray(3000, 'a'), asked.senderAddress(), quint16(asked.senderPort()));
    QCOMPARE(nextDatagram(a).data(), QByteArray(3000, 'a'));
    QVERIFY2(clock.elapsed() >= 980, qPrintable(QString::number(clock.elapsed())));
}

QTEST_GUILESS_MAIN(tst_UdpRelaySession)
#include "tst_udprelaysession.moc"
