// Loopback integration tests for UdpSession: real sockets on 127.0.0.1 only,
// against in-process QUdpSockets or python3 peers from tests/peers.

#include "core/log/logrecord.h"
#include "core/session/sessionendpoint.h"
#include "core/transport/udpsession.h"

#include "loopback.h"
#include "portholder.h"
#include "pythonpeer.h"
#include "recordlog.h"

#include <QNetworkDatagram>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUdpSocket>

#include <algorithm>
#include <memory>
#include <vector>

using namespace sockscope;
using namespace sockscope::test;

namespace {

std::unique_ptr<UdpSession> makeSession(quint16 remotePort = 0, bool replyToLast = false)
{
    auto s = std::make_unique<UdpSession>();
    UdpSession::Options o;
    o.bindAddress = kLoopback;
    o.port = 0;
    if (remotePort != 0) {
        o.remoteHost = QStringLiteral("127.0.0.1");
        o.remotePort = remotePort;
    }
    o.replyToLastSender = replyToLast;
    s->setOptions(o);
    s->setBatchInterval(5);
    return s;
}

quint32 peerAt(const Session &s, const QHostAddress &address, quint16 port)
{
    for (quint32 id : s.peerIds()) {
        const PeerInfo *p = s.peer(id);
        if (p->isOpen() && p->address == address && p->port == port)
            return id;
    }
    return 0;
}

QList<QByteArray> drain(QUdpSocket &socket)
{
    QList<QByteArray> out;
    while (socket.hasPendingDatagrams())
        out.append(socket.receiveDatagram().data());
    return out;
}

} // namespace

class tst_UdpSession : public QObject
{
    Q_OBJECT

private slots:
    void customerService();
    void replyToLastSender();
    void oversizedDatagram();
    void closedPort();
    void burstOfSmallDatagrams();
    void floodYieldsToEventLoop();
    void manySendersStayBounded();
    void portInUseNamesProcess();
    void lastSenderResetOnStopAndForget();
    void refusedSendToCreatesNoPeer();
    void peerKeyKeepsScopeId();
    void twoListenersShareAPort();
    void wildcardFamilies_data();
    void wildcardFamilies();
};

void tst_UdpSession::customerService()
{
    PythonPeer service;
    service.start("udp_service.py");
    QTRY_VERIFY_WITH_TIMEOUT(!service.value(QStringLiteral("PORT")).isEmpty(), 10000);
    const quint16 servicePort = service.value(QStringLiteral("PORT")).toUShort();

    auto session = makeSession(servicePort);
    RecordLog log(session.get());
    session->start();
    QCOMPARE(session->state(), Session::State::Active);
    const quint16 local = session->localPort();
    QVERIFY(local != 0);

    Session::SendResult r = session->send("hello");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.peers, 1);
    QTRY_COMPARE_WITH_TIMEOUT(session->datagramsReceived(), 1, 5000);
    // The target and the source of the reply are one endpoint, so one peer.
    QCOMPARE(session->peerIds().size(), 1);
    const quint32 id = session->peerIds().constFirst();
    const PeerInfo *p = session->peer(id);
    QCOMPARE(p->address, kLoopback);
    QCOMPARE(p->port, servicePort);
    QCOMPARE(p->txBytes, 5);
    QCOMPARE(p->txMessages, 1);
    QCOMPARE(p->rxBytes, 9);
    QCOMPARE(p->rxFrames, 1);
    session->flushRecords();
    QCOMPARE(log.payloads(id, LogRecord::Kind::Rx), QList<QByteArray>{"ack:hello"});
    QCOMPARE(log.payloads(id, LogRecord::Kind::Tx), QList<QByteArray>{"hello"});

    QVERIFY(session->send("bye").ok());
    QTRY_COMPARE(session->datagramsReceived(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(service.finished(), 5000);
    QVERIFY2(service.process().exitCode() == 0, qPrintable(service.diagnostics()));
    // The service saw our datagrams, from our bound port, byte for byte.
    const QStringList lines = service.lines();
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(1), QStringLiteral("FROM 127.0.0.1:%1 %2")
                              .arg(local)
                              .arg(QLatin1String(QByteArray("hello").toHex())));
    QCOMPARE(lines.at(2), QStringLiteral("FROM 127.0.0.1:%1 %2")
                              .arg(local)
                              .arg(QLatin1String(QByteArray("bye").toHex())));
    session->flushRecords();
    QCOMPARE(log.payloads(id, LogRecord::Kind::Rx), (QList<QByteArray>{"ack:hello", "ack:bye"}));
    QCOMPARE(session->datagramsSent(), 2);
    QCOMPARE(session->rxBytesTotal(), 9 + 7);
    QCOMPARE(session->txBytesTotal(), 5 + 3);
    QCOMPARE(session->peerIds().size(), 1);
}

void tst_UdpSession::replyToLastSender()
{
    auto session = makeSession(0, true);
    RecordLog log(session.get());
    session->start();
    QCOMPARE(session->state(), Session::State::Active);
    const quint16 port = session->localPort();

    // Nobody has written yet: nobody to reply to.
    Session::SendResult r = session->send("anyone?");
    QVERIFY(!r.ok());
    QCOMPARE(r.peers, 0);
    QCOMPARE(session->datagramsSent(), 0);

    QUdpSocket a, b;
    QVERIFY(a.bind(kLoopback, 0));
    QVERIFY(b.bind(kLoopback, 0));
    a.writeDatagram("from A", kLoopback, port);
    QTRY_COMPARE(session->datagramsReceived(), 1);
    QVERIFY(session->send("to A").ok());
    QTRY_VERIFY(a.hasPendingDatagrams());
    QCOMPARE(drain(a), QList<QByteArray>{"to A"});

    b.writeDatagram("from B 1", kLoopback, port);
    b.writeDatagram("from B 2", kLoopback, port);
    QTRY_COMPARE(session->datagramsReceived(), 3);
    QVERIFY(session->send("to B").ok());
    QTRY_VERIFY(b.hasPendingDatagrams());
    QCOMPARE(drain(b), QList<QByteArray>{"to B"});

    a.writeDatagram("A again", kLoopback, port);
    QTRY_COMPARE(session->datagramsReceived(), 4);
    QVERIFY(session->send("to A again").ok());
    QTRY_VERIFY(a.hasPendingDatagrams());
    QCOMPARE(drain(a), QList<QByteArray>{"to A again"});
    QTest::qWait(20);
    QVERIFY(!b.hasPendingDatagrams());

    // Each distinct endpoint is its own peer, with its own exact counters.
    QCOMPARE(session->peerIds().size(), 2);
    const quint32 pa = peerAt(*session, kLoopback, a.localPort());
    const quint32 pb = peerAt(*session, kLoopback, b.localPort());
    QVERIFY(pa && pb && pa != pb);
    QCOMPARE(session->peer(pa)->rxBytes, 6 + 7);
    QCOMPARE(session->peer(pa)->rxFrames, 2);
    QCOMPARE(session->peer(pa)->txBytes, 4 + 10);
    QCOMPARE(session->peer(pb)->rxBytes, 16);
    QCOMPARE(session->peer(pb)->rxFrames, 2);
    QCOMPARE(session->peer(pb)->txBytes, 4);
    session->flushRecords();
    QCOMPARE(log.payloads(pa, LogRecord::Kind::Rx), (QList<QByteArray>{"from A", "A again"}));
    QCOMPARE(log.payloads(pb, LogRecord::Kind::Rx), (QList<QByteArray>{"from B 1", "from B 2"}));
    QCOMPARE(session->datagramsReceived(), 4);
    QCOMPARE(session->datagramsSent(), 3);

    // An explicit target is a peer too; a forgotten endpoint comes back as a new peer.
    QUdpSocket c;
    QVERIFY(c.bind(kLoopback, 0));
    QCOMPARE(session->sendTo("to C", kLoopback, c.localPort()).peers, 1);
    QTRY_VERIFY(c.hasPendingDatagrams());
    QCOMPARE(drain(c), QList<QByteArray>{"to C"});
    QCOMPARE(session->peerIds().size(), 3);
    session->disconnectPeer(pb);
    QVERIFY(!session->peer(pb)->isOpen());
    b.writeDatagram("B is back", kLoopback, port);
    QTRY_COMPARE(session->datagramsReceived(), 5);
    const quint32 pb2 = peerAt(*session, kLoopback, b.localPort());
    QVERIFY(pb2 != 0 && pb2 != pb);
    QCOMPARE(session->peer(pb2)->rxBytes, 9);
    QCOMPARE(session->openPeerCount(), 3);
}

void tst_UdpSession::oversizedDatagram()
{
    QUdpSocket receiver;
    QVERIFY(receiver.bind(kLoopback, 0));
    receiver.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 1024 * 1024);
    auto session = makeSession(receiver.localPort());
    RecordLog log(session.get());
    session->start();

    const Session::SendResult tooBig = session->send(QByteArray(65508, 'o'));
    QVERIFY(!tooBig.ok());
    QCOMPARE(tooBig.peers, 0);
    QVERIFY2(tooBig.error.contains(QLatin1String("65507")), qPrintable(tooBig.error));
    QCOMPARE(session->datagramsSent(), 0);
    QCOMPARE(session->txBytesTotal(), 0);

    // The largest legal datagram goes through whole, and it is the first thing to arrive.
    const QByteArray largest(UdpSession::MaxDatagramIPv4, 'L');
    QCOMPARE(largest.size(), 65507);
    const Session::SendResult ok = session->send(largest);
    QVERIFY2(ok.ok(), qPrintable(ok.error));
    QTRY_VERIFY(receiver.hasPendingDatagrams());
    QCOMPARE(drain(receiver), QList<QByteArray>{largest});
    QCOMPARE(session->datagramsSent(), 1);
    QCOMPARE(session->txBytesTotal(), 65507);
    const quint32 id = peerAt(*session, kLoopback, receiver.localPort());
    QCOMPARE(session->peer(id)->txMessages, 1);
    session->flushRecords();
    QCOMPARE(log.payloads(id, LogRecord::Kind::Tx), QList<QByteArray>{largest});
    QCOMPARE(log.errorEvents(), 1); // the refusal is logged
}

void tst_UdpSession::closedPort()
{
    quint16 closedPort = 0;
    {
        QUdpSocket probe;
        QVERIFY(probe.bind(kLoopback, 0));
        closedPort = probe.localPort();
    }
    QUdpSocket live;
    QVERIFY(live.bind(kLoopback, 0));

    auto session = makeSession(closedPort);
    RecordLog log(session.get());
    QSignalSpy errors(session.get(), &Session::errorOccurred);
    session->start();

    // The kernel answers with ICMP port unreachable. On an unconnected socket Linux does not
    // report it to send() or recv() (no IP_RECVERR), so Qt sees nothing: each datagram counts
    // as sent, and the session carries on.
    for (int i = 0; i < 3; ++i) {
        const Session::SendResult r = session->send("anyone?");
        QVERIFY2(r.ok(), qPrintable(r.error));
        QTest::qWait(20);
    }
    QCOMPARE(session->datagramsSent(), 3);
    QCOMPARE(session->txBytesTotal(), 21);
    QCOMPARE(session->datagramsReceived(), 0);
    QCOMPARE(session->rxBytesTotal(), 0);
    QCOMPARE(session->state(), Session::State::Active);
    QCOMPARE(errors.count(), 0);
    session->flushRecords();
    QCOMPARE(log.errorEvents(), 0);

    // The socket still works for a live endpoint.
    QCOMPARE(session->sendTo("alive?", kLoopback, live.localPort()).peers, 1);
    QTRY_VERIFY(live.hasPendingDatagrams());
    QCOMPARE(drain(live), QList<QByteArray>{"alive?"});
    live.writeDatagram("yes", kLoopback, session->localPort());
    QTRY_COMPARE(session->datagramsReceived(), 1);
    QCOMPARE(session->datagramsSent(), 4);
    QCOMPARE(session->txBytesTotal(), 27);
    QCOMPARE(session->rxBytesTotal(), 3);
}

void tst_UdpSession::burstOfSmallDatagrams()
{
    const int count = 2000;
    auto session = makeSession();
    RecordLog log(session.get());
    session->start();
    QCOMPARE(session->state(), Session::State::Active);

    PythonPeer burst;
    burst.start("udp_burst.py", {QString::number(session->localPort()), QString::number(count)});
    QTRY_VERIFY_WITH_TIMEOUT(burst.finished(), 10000);
    QVERIFY2(burst.process().exitCode() == 0, qPrintable(burst.diagnostics()));
    QCOMPARE(burst.value(QStringLiteral("SENT")), QString::number(count));
    QTRY_COMPARE_WITH_TIMEOUT(session->datagramsReceived(), count, 5000);
    QCOMPARE(session->peerIds().size(), 1);
    const quint32 id = session->peerIds().constFirst();
    QCOMPARE(session->peer(id)->rxBytes, qint64(count) * 12);
    QCOMPARE(session->peer(id)->rxFrames, count);
    session->flushRecords();
    const QList<QByteArray> got = log.payloads(id, LogRecord::Kind::Rx);
    QCOMPARE(got.size(), count);
    for (int i = 0; i < count; ++i)
        QCOMPARE(got.at(i), QByteArray("burst ") + QByteArray::number(i).rightJustified(6, '0'));
}

// A sender faster than the reader must not hold the event loop: datagrams are read in
// bounded batches, and timers (the window, the log batch) run between them. The sender
// here outpaces the reader completely: every datagram is queued in the kernel before the
// session reads the first one.
void tst_UdpSession::floodYieldsToEventLoop()
{
    // Several read batches, yet few enough for the kernel to queue them all even where
    // net.core.rmem_max is Linux's default (the buffer is then 2 x 208 KiB; a small
    // datagram is accounted as ~832 bytes), so none is dropped.
    const int count = 400;
    auto session = makeSession();
    RecordLog log(session.get());
    session->start();
    QCOMPARE(session->state(), Session::State::Active);

    QUdpSocket sender;
    QVERIFY(sender.bind(kLoopback, 0));
    for (int i = 0; i < count; ++i) {
        const QByteArray d = QByteArray("flood ") + QByteArray::number(i).rightJustified(6, '0');
        QCOMPARE(sender.writeDatagram(d, kLoopback, session->localPort()), qint64(d.size()));
    }

    // A zero timer fires on every event-loop pass; note how far the reader had got each time.
    QList<qint64> seen;
    QTimer tick;
    tick.setInterval(0);
    connect(&tick, &QTimer::timeout, this, [&] { seen.append(session->datagramsReceived()); });
    tick.start();
    QTRY_COMPARE_WITH_TIMEOUT(session->datagramsReceived(), count, 10000);
    tick.stop();
    const bool ranMidFlood =
        std::any_of(seen.cbegin(), seen.cend(), [&](qint64 n) { return n > 0 && n < count; });
    QVERIFY2(ranMidFlood, "the event loop did not run until every queued datagram was read");

    // Nothing lost or reordered across the batches.
    session->flushRecords();
    const quint32 id = session->peerIds().constFirst();
    const QList<QByteArray> got = log.payloads(id, LogRecord::Kind::Rx);
    QCOMPARE(got.size(), count);
    for (int i = 0; i < count; ++i)
        QCOMPARE(got.at(i), QByteArray("flood ") + QByteArray::number(i).rightJustified(6, '0'));
}

// Every sender endpoint is a peer, but datagrams from ever new source ports must not grow
// the table without bound: beyond maxPeers (+ a quarter) the oldest senders are forgotten,
// every datagram still counted.
void tst_UdpSession::manySendersStayBounded()
{
    auto session = makeSession();
    UdpSession::Options o = session->options();
    o.maxPeers = 100;
    session->setOptions(o);
    session->start();
    QCOMPARE(session->state(), Session::State::Active);
    const quint16 port = session->localPort();

    std::vector<std::unique_ptr<QUdpSocket>> senders;
    for (int i = 0; i < 300; ++i) {
        senders.push_back(std::make_unique<QUdpSocket>());
        QVERIFY(senders.back()->bind(kLoopback, 0));
        QCOMPARE(senders.back()->writeDatagram("x", 1, kLoopback, port), qint64(1));
        if (i % 50 == 49)
            QTRY_COMPARE(session->datagramsReceived(), i + 1);
    }
    QCOMPARE(session->rxBytesTotal(), 300);
    QVERIFY2(session->openPeerCount() >= 100 && session->openPeerCount() <= 125,
             QByteArray::number(session->openPeerCount()));
    QCOMPARE(session->peakPeerCount(), 126); // one over the slack triggers a pass
    // The newest senders are the ones kept; the first were forgotten, and say why.
    QVERIFY(peerAt(*session, kLoopback, senders.back()->localPort()) != 0);
    QCOMPARE(peerAt(*session, kLoopback, senders.front()->localPort()), 0u);
    const PeerInfo *first = session->peer(session->peerIds().constFirst());
    QVERIFY(!first->isOpen());
    QCOMPARE(first->closeText, QStringLiteral("forgotten: more than 100 senders"));

    // A forgotten sender that speaks again is a new peer.
    QCOMPARE(senders.front()->writeDatagram("again", 5, kLoopback, port), qint64(5));
    QTRY_COMPARE(session->datagramsReceived(), 301);
    const quint32 back = peerAt(*session, kLoopback, senders.front()->localPort());
    QVERIFY(back != 0);
    QCOMPARE(session->peer(back)->rxBytes, 5);
    QCOMPARE(session->rxBytesTotal(), 305);
}

void tst_UdpSession::portInUseNamesProcess()
{
    PortHolder holder;
    const quint16 port = holder.hold("udp");
    QVERIFY2(port != 0, qPrintable(holder.diagnostics()));

    UdpSession session;
    UdpSession::Options o;
    o.bindAddress = kLoopback;
    o.port = port;
    session.setOptions(o);
    QSignalSpy errors(&session, &Session::errorOccurred);
    session.start();
    // Failed at once; the owner is named when the lookup (off this thread) answers.
    QCOMPARE(errors.count(), 1);
    QTRY_COMPARE(errors.count(), 2);
    const QString message = errors.at(1).at(0).toString();
    QVERIFY2(message.contains(QLatin1String("python3")), qPrintable(message));
    QVERIFY2(message.contains(holder.pid()), qPrintable(message));
    QCOMPARE(session.state(), Session::State::Failed);
    QCOMPARE(session.localPort(), 0);
    QVERIFY(!session.send("x").ok());
}

// Reply-to-last never answers a sender from before the socket was reopened, nor one that
// was forgotten: both are gone, and the datagram would go to a stranger.
void tst_UdpSession::lastSenderResetOnStopAndForget()
{
    auto session = makeSession(0, true);
    session->start();
    const quint16 port = session->localPort();
    UdpSession::Options o = session->options();
    o.port = port; // reopen on the same port
    session->setOptions(o);
    QUdpSocket a;
    QVERIFY(a.bind(kLoopback, 0));

    a.writeDatagram("hello", kLoopback, port);
    QTRY_COMPARE(session->datagramsReceived(), 1);
    const quint32 pa = peerAt(*session, kLoopback, a.localPort());
    QVERIFY(pa != 0);
    session->disconnectPeer(pa);
    Session::SendResult r = session->send("after forget");
    QVERIFY(!r.ok());
    QCOMPARE(r.peers, 0);

    a.writeDatagram("hello again", kLoopback, port);
    QTRY_COMPARE(session->datagramsReceived(), 2);
    session->stop();
    session->start();
    QCOMPARE(session->state(), Session::State::Active);
    QCOMPARE(session->localPort(), port);
    r = session->send("after reopen");
    QVERIFY(!r.ok());
    QCOMPARE(r.peers, 0);
    QTest::qWait(20);
    QVERIFY(drain(a).isEmpty());
    QCOMPARE(session->datagramsSent(), 0);
}

// A send that is refused before anything goes out (empty, too big, broadcast without the
// option) must not leave a new peer behind in the list.
void tst_UdpSession::refusedSendToCreatesNoPeer()
{
    auto session = makeSession();
    session->start();
    QUdpSocket target;
    QVERIFY(target.bind(kLoopback, 0));
    const QByteArray tooBig(UdpSession::MaxDatagramIPv4 + 1, 'x');
    QVERIFY(!session->sendTo(tooBig, kLoopback, target.localPort()).ok());
    QVERIFY(!session->sendTo(QByteArray(), kLoopback, target.localPort()).ok());
    QVERIFY(!session->sendTo("b", QHostAddress(QStringLiteral("127.255.255.255")), 9).ok());
    QVERIFY2(session->peerIds().isEmpty(), QByteArray::number(session->peerIds().size()));

    // An accepted one does make a peer.
    QCOMPARE(session->sendTo("ok", kLoopback, target.localPort()).peers, 1);
    QCOMPARE(session->peerIds().size(), 1);
}

// fe80::1%eth0 and fe80::1%wlan0 are different machines: the scope id is part of the
// endpoint. ::1 with and without a scope reach the same socket here, which lets the test
// stay on this machine.
void tst_UdpSession::peerKeyKeepsScopeId()
{
    QUdpSocket target;
    if (!target.bind(QHostAddress(QHostAddress::LocalHostIPv6), 0))
        QSKIP("IPv6 loopback is not available here");
    auto session = makeSession();
    UdpSession::Options o = session->options();
    o.bindAddress = QHostAddress(QHostAddress::LocalHostIPv6);
    session->setOptions(o);
    session->start();
    QCOMPARE(session->state(), Session::State::Active);

    QHostAddress scoped(QHostAddress::LocalHostIPv6);
    scoped.setScopeId(QStringLiteral("lo"));
    QCOMPARE(session->sendTo("plain", QHostAddress(QHostAddress::LocalHostIPv6), target.localPort())
                 .peers,
             1);
    QCOMPARE(session->sendTo("scoped", scoped, target.localPort()).peers, 1);
    QCOMPARE(session->peerIds().size(), 2);
    const PeerInfo *second = session->peer(session->peerIds().at(1));
    QCOMPARE(second->address.scopeId(), QStringLiteral("lo"));
    QCOMPARE(second->txBytes, 6);
    // The same scoped endpoint again is the same peer.
    QCOMPARE(session->sendTo("again", scoped, target.localPort()).peers, 1);
    QCOMPARE(session->peerIds().size(), 2);
    QList<QByteArray> got;
    QTRY_COMPARE((got += drain(target)).size(), 3);
    QCOMPARE(got, (QList<QByteArray>{"plain", "scoped", "again"}));
}

// Two multicast listeners (this app twice, or with another tool) share the group's port.
void tst_UdpSession::twoListenersShareAPort()
{
    auto first = makeSession();
    UdpSession::Options o = first->options();
    o.bindAddress = QHostAddress(QHostAddress::AnyIPv4);
    first->setOptions(o);
    first->start();
    QCOMPARE(first->state(), Session::State::Active);
    auto second = makeSession();
    o.port = first->localPort();
    second->setOptions(o);
    second->start();
    QVERIFY2(second->state() == Session::State::Active, qPrintable(second->stateText()));
    QCOMPARE(second->localPort(), first->localPort());
}

// "::" receives both families, "[::]" IPv6 only, "0.0.0.0" IPv4 only; the state line says
// which. (Binds the wildcard, but the senders stay on loopback.)
void tst_UdpSession::wildcardFamilies_data()
{
    QTest::addColumn<QString>("bind");
    QTest::addColumn<bool>("v4");
    QTest::addColumn<bool>("v6");
    QTest::addColumn<QString>("stateText");
    QTest::newRow("::") << QStringLiteral("::") << true << true
                        << QStringLiteral("Bound to [::]:%1, IPv6 and IPv4");
    QTest::newRow("[::]") << QStringLiteral("[::]") << false << true
                          << QStringLiteral("Bound to [::]:%1, IPv6 only");
    QTest::newRow("0.0.0.0") << QStringLiteral("0.0.0.0") << true << false
                             << QStringLiteral("Bound to 0.0.0.0:%1");
}

void tst_UdpSession::wildcardFamilies()
{
    QFETCH(QString, bind);
    QFETCH(bool, v4);
    QFETCH(bool, v6);
    QFETCH(QString, stateText);
    QUdpSocket from4, from6;
    QVERIFY(from4.bind(kLoopback, 0));
    if (!from6.bind(QHostAddress(QHostAddress::LocalHostIPv6), 0))
        QSKIP("IPv6 loopback is not available here");
    UdpSession session;
    SessionEndpoint e;
    e.localAddress = parseLocalAddress(bind);
    QVERIFY(!e.localAddress.isNull());
    session.setEndpoint(e);
    RecordLog log(&session);
    session.start();
    QVERIFY2(session.state() == Session::State::Active, qPrintable(session.stateText()));
    const quint16 port = session.localPort();
    QCOMPARE(session.stateText(), stateText.arg(port));

    // Sent in this order to one socket: once the IPv6 one is read, the IPv4 one was too,
    // or it never will be.
    from4.writeDatagram("four", kLoopback, port);
    from6.writeDatagram("six", QHostAddress(QHostAddress::LocalHostIPv6), port);
    if (v6) {
        QTRY_VERIFY(peerAt(session, QHostAddress(QHostAddress::LocalHostIPv6), from6.localPort()));
    } else {
        QTRY_COMPARE(session.datagramsReceived(), 1);
        QTest::qWait(50);
    }
    QCOMPARE(session.datagramsReceived(), int(v4) + int(v6));
    QCOMPARE(peerAt(session, kLoopback, from4.localPort()) != 0, v4); // plain IPv4, not mapped
}

QTEST_GUILESS_MAIN(tst_UdpSession)
#include "tst_udpsession.moc"
