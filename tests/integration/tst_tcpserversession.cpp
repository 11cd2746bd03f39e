// Loopback integration tests for TcpServerSession: real sockets on 127.0.0.1
// only, with in-process QTcpSockets or python3 peers from tests/peers.

#include "core/codec/textcodec.h"
#include "core/framing/framingspec.h"
#include "core/link/tcplink.h"
#include "core/log/logrecord.h"
#include "core/session/sessionendpoint.h"
#include "core/transport/tcpserversession.h"

#include "eventloop.h"
#include "gbk.h"
#include "loopback.h"
#include "loopbackserver.h"
#include "peerof.h"
#include "portholder.h"
#include "pythonpeer.h"
#include "recordlog.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <cstring>
#include <memory>
#include <vector>

using namespace sockscope;
using namespace sockscope::test;

namespace {

const QString kClientText = QStringLiteral("你好服务端,我是客户端小黑!");
const QString kServerReply = QStringLiteral("收到,我是服务端");

} // namespace

class tst_TcpServerSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void gbkClientByteAtATime_data();
    void gbkClientByteAtATime();
    void stickyPacketsLengthPrefix();
    void fiveHundredClients();
    void maxClientsRefusesExcess();
    void stopListeningKeepsPeers();
    void sendTargets();
    void sendErrors();
    void hundredMebibytes();
    void countersReportedWithoutFrames();
    void peerResetMidTransfer();
    void portInUseNamesProcess();
    void wildcardFamilies_data();
    void wildcardFamilies();
};

void tst_TcpServerSession::initTestCase()
{
    QProcess probe;
    probe.start(QStringLiteral("python3"), {QStringLiteral("-c"), QStringLiteral("print(1)")});
    QVERIFY2(probe.waitForFinished(10000) && probe.exitCode() == 0, "python3 is required");
}

void tst_TcpServerSession::gbkClientByteAtATime_data()
{
    QTest::addColumn<QString>("framing"); // parseFramingSpec() syntax
    QTest::addColumn<bool>("newline");
    // lockstep: the client waits for a "." after each byte, so each byte is its own read.
    QTest::addColumn<bool>("lockstep");
    QTest::newRow("raw") << QStringLiteral("raw") << false << true;
    QTest::newRow("line") << QStringLiteral("line") << true << true;
    QTest::newRow("raw, as fast as it comes") << QStringLiteral("raw") << false << false;
    QTest::newRow("line, as fast as it comes") << QStringLiteral("line") << true << false;
}

void tst_TcpServerSession::gbkClientByteAtATime()
{
    QFETCH(QString, framing);
    QFETCH(bool, newline);
    QFETCH(bool, lockstep);

    FramingSpec spec;
    QVERIFY(parseFramingSpec(framing, &spec));
    auto server = makeLoopbackServer();
    server->setFraming(spec);
    server->start();
    QCOMPARE(server->state(), Session::State::Active);
    QVERIFY(server->isListening());
    const quint16 port = server->serverPort();
    QVERIFY(port != 0);
    RecordLog log(server.get());
    QSignalSpy opened(server.get(), &Session::peerOpened);
    QSignalSpy closed(server.get(), &Session::peerClosed);

    const QByteArray text = gbk(kClientText);
    const QByteArray wire = text + (newline ? QByteArray("\n") : QByteArray());
    QCOMPARE(text.size(), 26); // 12 two-byte characters plus ',' and '!'
    PythonPeer client;
    QStringList args{QString::number(port), QStringLiteral("--expect"), kServerReply};
    if (newline)
        args << QStringLiteral("--newline");
    if (lockstep)
        args << QStringLiteral("--lockstep");
    client.start("gbk_client.py", args);

    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 10000);
    const quint32 id = opened.at(0).at(0).toUInt();
    const PeerInfo *p = server->peer(id);
    QVERIFY(p);
    QCOMPARE(p->address, kLoopback);
    qint64 acked = 0;
    if (lockstep) {
        // Acknowledge each byte once the session has counted it.
        while (acked < wire.size()) {
            QVERIFY(waitUntil([&] { return server->peer(id)->rxBytes > acked; }));
            QCOMPARE(server->peer(id)->rxBytes, acked + 1);
            QVERIFY(server->send(".", {id}).ok());
            ++acked;
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(server->peer(id)->rxBytes, qint64(wire.size()), 10000);
    QTRY_COMPARE(client.value(QStringLiteral("SENT")), QString::number(wire.size()));
    server->flushRecords();

    const LogRecords rx = log.of(id, LogRecord::Kind::Rx);
    QCOMPARE(server->peer(id)->rxFrames, qint64(rx.size()));
    if (newline) {
        // One line, the delimiter stripped, however the bytes were cut on the way.
        QCOMPARE(rx.size(), 1);
        QCOMPARE(rx.at(0).bytes, text);
    } else {
        QCOMPARE(log.bytes(id, LogRecord::Kind::Rx), text);
        if (lockstep) {
            // One record per byte: every two-byte character is split across two records.
            QCOMPARE(rx.size(), text.size());
            int carried = 0;
            for (const LogRecord &r : rx)
                carried += r.carryGbk.size;
            QCOMPARE(carried, 12);
        }
    }
    // Streamed decoding and per-record rendering with the carry both give the text whole.
    StreamDecoder decoder(Encoding::Gbk);
    QString streamed;
    QString perRecord;
    for (const LogRecord &r : rx) {
        decoder.decode(r.bytes, streamed);
        perRecord += decodeRecord(r.carryGbk, r.bytes, Encoding::Gbk);
    }
    decoder.finish(streamed);
    QCOMPARE(streamed, kClientText);
    QCOMPARE(perRecord, kClientText);
    QCOMPARE(decoder.invalidByteCount(), 0);
    qInfo("%s: %lld bytes arrived as %lld Rx records", QTest::currentDataTag(), qint64(wire.size()),
          qint64(rx.size()));

    const QByteArray reply = gbk(kServerReply);
    const Session::SendResult sent = server->send(reply);
    QVERIFY2(sent.ok(), qPrintable(sent.error));
    QCOMPARE(sent.peers, 1);
    QTRY_VERIFY_WITH_TIMEOUT(client.finished(), 10000);
    QVERIFY2(client.process().exitCode() == 0, qPrintable(client.diagnostics()));
    QCOMPARE(client.value(QStringLiteral("REPLY")), kServerReply);

    // The client closes after the reply: an orderly close, counters exact.
    QTRY_COMPARE(closed.count(), 1);
    p = server->peer(id);
    QVERIFY(!p->isOpen());
    QCOMPARE(p->closeReason, CloseReason::PeerClosed);
    QCOMPARE(p->txBytes, acked + reply.size());
    QCOMPARE(p->txMessages, acked + 1);
    QCOMPARE(p->rxBytes, qint64(wire.size()));
    QCOMPARE(server->rxBytesTotal(), qint64(wire.size()));
    QCOMPARE(server->txBytesTotal(), acked + reply.size());
    server->flushRecords();
    QCOMPARE(log.bytes(id, LogRecord::Kind::Tx), QByteArray(acked, '.') + reply);
    // No partial line was pending at the close.
    for (const LogRecord &r : log.of(id, LogRecord::Kind::Rx))
        QVERIFY(!(r.flags & LogRecord::Incomplete));
    QCOMPARE(server->openPeerCount(), 0);
    QVERIFY(server->isListening());
}

void tst_TcpServerSession::stickyPacketsLengthPrefix()
{
    auto server = makeLoopbackServer();
    server->setFraming(FramingSpec::lengthPrefixed(2, FramingSpec::Endian::Big));
    server->start();
    QVERIFY(server->isListening());
    RecordLog log(server.get());
    QSignalSpy opened(server.get(), &Session::peerOpened);
    QSignalSpy closed(server.get(), &Session::peerClosed);

    const int count = 300;
    PythonPeer sender;
    sender.start("sticky_sender.py",
                 {QString::number(server->serverPort()), QString::number(count)});
    QTRY_VERIFY_WITH_TIMEOUT(sender.finished(), 10000);
    QVERIFY2(sender.process().exitCode() == 0, qPrintable(sender.diagnostics()));
    const QStringList lines = sender.lines();
    QCOMPARE(lines.size(), count + 1);
    QCOMPARE(lines.last(), QStringLiteral("DONE"));

    QCOMPARE(opened.count(), 1);
    const quint32 id = opened.at(0).at(0).toUInt();
    QTRY_COMPARE(closed.count(), 1);
    server->flushRecords();
    const LogRecords rx = log.of(id, LogRecord::Kind::Rx);
    QCOMPARE(rx.size(), count);
    qint64 total = 0;
    qsizetype longest = 0;
    int empty = 0;
    for (int i = 0; i < count; ++i) {
        const QByteArray payload = QByteArray::fromHex(lines.at(i).toLatin1());
        longest = qMax(longest, payload.size());
        empty += payload.isEmpty();
        QByteArray frame(2, '\0');
        frame[0] = char(payload.size() >> 8);
        frame[1] = char(payload.size() & 0xFF);
        frame += payload;
        // Frames keep their header: the log shows bytes as they crossed the wire.
        QCOMPARE(rx.at(i).bytes, frame);
        QCOMPARE(rx.at(i).flags, LogRecord::Flags());
        total += frame.size();
    }
    // The mix covers empty payloads and lengths that need both header bytes.
    QCOMPARE(empty, count / 10);
    QVERIFY(longest > 255);
    const PeerInfo *p = server->peer(id);
    QCOMPARE(p->rxBytes, total);
    QCOMPARE(p->rxFrames, qint64(count));
    QCOMPARE(server->rxFramesTotal(), qint64(count));
    QCOMPARE(p->closeReason, CloseReason::PeerClosed);
}

void tst_TcpServerSession::fiveHundredClients()
{
    const int n = 500;
    auto server = makeLoopbackServer();
    server->start();
    QVERIFY(server->isListening());
    RecordLog log(server.get());
    QSignalSpy closed(server.get(), &Session::peerClosed);

    PythonPeer clients;
    clients.start("many_clients.py", {QString::number(server->serverPort()), QString::number(n)});
    qint64 expected = 0;
    for (int i = 0; i < n; ++i)
        expected += QByteArray("client %1\n").replace("%1", QByteArray::number(i)).size();

    QTRY_COMPARE_WITH_TIMEOUT(server->openPeerCount(), n, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(server->rxBytesTotal(), expected, 10000);
    QCOMPARE(server->peakPeerCount(), n);
    QCOMPARE(server->peerIds().size(), n);
    server->flushRecords();

    // Every peer delivered exactly its own line, and every line came from one peer.
    QSet<QByteArray> seen;
    for (quint32 id : server->peerIds()) {
        const PeerInfo *p = server->peer(id);
        QVERIFY(p->isOpen());
        QCOMPARE(p->address, kLoopback);
        const QByteArray got = log.bytes(id, LogRecord::Kind::Rx);
        QCOMPARE(p->rxBytes, qint64(got.size()));
        QVERIFY2(got.startsWith("client ") && got.endsWith('\n'), got.constData());
        seen.insert(got);
    }
    QCOMPARE(seen.size(), n);
    QTRY_COMPARE(clients.value(QStringLiteral("CONNECTED")), QString::number(n));

    server->disconnectAll();
    QTRY_COMPARE_WITH_TIMEOUT(server->openPeerCount(), 0, 10000);
    QCOMPARE(closed.count(), n);
    for (quint32 id : server->peerIds()) {
        const PeerInfo *p = server->peer(id);
        QVERIFY(!p->isOpen());
        QCOMPARE(p->closeReason, CloseReason::LocalClose);
    }
    QCOMPARE(server->peakPeerCount(), n);
    QCOMPARE(server->rxBytesTotal(), expected);
    QTRY_VERIFY_WITH_TIMEOUT(clients.finished(), 15000);
    QVERIFY2(clients.process().exitCode() == 0, qPrintable(clients.diagnostics()));
    QCOMPARE(clients.value(QStringLiteral("CLOSED")), QString::number(n));
    QVERIFY(server->isListening());
}

void tst_TcpServerSession::maxClientsRefusesExcess()
{
    auto server = makeLoopbackServer(3);
    server->start();
    QVERIFY(server->isListening());
    RecordLog log(server.get());

    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < 5; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(kLoopback, server->serverPort());
    }
    auto unconnected = [&clients] {
        int n = 0;
        for (const auto &c : clients)
            n += c->state() == QAbstractSocket::UnconnectedState;
        return n;
    };
    // The excess two are accepted and closed at once, visibly.
    QTRY_COMPARE(unconnected(), 2);
    QTRY_COMPARE(log.errorEvents(QStringLiteral("limit of 3 client")), 2);
    QCOMPARE(server->openPeerCount(), 3);
    QCOMPARE(server->peakPeerCount(), 3);
    QCOMPARE(server->peerIds().size(), 3); // refused connections never become peers
    QVERIFY(server->isListening());
    QCOMPARE(server->state(), Session::State::Active);

    // The accepted three stay usable.
    QCOMPARE(server->send("hi").peers, 3);
    for (const auto &c : clients) {
        if (c->state() == QAbstractSocket::ConnectedState) {
            QTRY_COMPARE(c->bytesAvailable(), 2);
            QCOMPARE(c->readAll(), QByteArray("hi"));
        }
    }

    // A slot frees up when one leaves; the next client is accepted.
    for (const auto &c : clients) {
        if (c->state() == QAbstractSocket::ConnectedState) {
            c->abort();
            break;
        }
    }
    QTRY_COMPARE(server->openPeerCount(), 2);
    QTcpSocket late;
    late.connectToHost(kLoopback, server->serverPort());
    QTRY_COMPARE(server->openPeerCount(), 3);
    QTRY_COMPARE(late.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(log.errorEvents(QStringLiteral("limit of 3 client")), 2);
}

void tst_TcpServerSession::stopListeningKeepsPeers()
{
    auto server = makeLoopbackServer();
    server->start();
    const quint16 port = server->serverPort();
    QTcpSocket a, b;
    a.connectToHost(kLoopback, port);
    b.connectToHost(kLoopback, port);
    QTRY_COMPARE(server->openPeerCount(), 2);

    server->stopListening();
    QVERIFY(!server->isListening());
    QCOMPARE(server->state(), Session::State::Idle);
    QCOMPARE(server->openPeerCount(), 2);

    const Session::SendResult r = server->send("still here\n");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.peers, 2);
    QTRY_COMPARE(a.bytesAvailable(), 11);
    QTRY_COMPARE(b.bytesAvailable(), 11);
    QCOMPARE(a.readAll(), QByteArray("still here\n"));
    QCOMPARE(b.readAll(), QByteArray("still here\n"));
    a.write("back");
    QTRY_COMPARE(server->rxBytesTotal(), 4);

    // Nobody listens on the port any more.
    QTcpSocket c;
    QSignalSpy cError(&c, &QAbstractSocket::errorOccurred);
    c.connectToHost(kLoopback, port);
    QTRY_COMPARE(cError.count(), 1);
    QCOMPARE(c.error(), QAbstractSocket::ConnectionRefusedError);
    QCOMPARE(server->openPeerCount(), 2);
    QCOMPARE(a.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(b.state(), QAbstractSocket::ConnectedState);
}

void tst_TcpServerSession::sendTargets()
{
    auto server = makeLoopbackServer();
    server->start();
    RecordLog log(server.get());
    QTcpSocket c1, c2, c3;
    for (QTcpSocket *c : {&c1, &c2, &c3})
        c->connectToHost(kLoopback, server->serverPort());
    QTRY_COMPARE(server->openPeerCount(), 3);
    for (QTcpSocket *c : {&c1, &c2, &c3})
        QTRY_COMPARE(c->state(), QAbstractSocket::ConnectedState);
    const quint32 p1 = peerOf(*server, c1), p2 = peerOf(*server, c2), p3 = peerOf(*server, c3);
    QVERIFY(p1 && p2 && p3);
    QCOMPARE(QSet<quint32>({p1, p2, p3}).size(), 3);

    QCOMPARE(server->send("one|", {p1}).peers, 1);
    // p1 listed twice (two selections overlapping) still gets one copy.
    QCOMPARE(server->send("two|", {p1, p3, p1}).peers, 2);
    Session::SendResult all = server->send("all|");
    QVERIFY(all.ok());
    QCOMPARE(all.peers, 3);
    QByteArray got1, got2, got3;
    QTRY_VERIFY((got1 += c1.readAll()).size() >= 12 && (got2 += c2.readAll()).size() >= 4 &&
                (got3 += c3.readAll()).size() >= 8);
    // Give any stray bytes a moment to show up before comparing exactly.
    QTest::qWait(50);
    got1 += c1.readAll();
    got2 += c2.readAll();
    got3 += c3.readAll();
    QCOMPARE(got1, QByteArray("one|two|all|"));
    QCOMPARE(got2, QByteArray("all|"));
    QCOMPARE(got3, QByteArray("two|all|"));
    QTRY_COMPARE(server->txBytesTotal(), 24);
    QCOMPARE(server->peer(p1)->txBytes, 12);
    QCOMPARE(server->peer(p2)->txBytes, 4);
    QCOMPARE(server->peer(p3)->txBytes, 8);
    QCOMPARE(server->peer(p1)->txMessages, 3);
    QCOMPARE(server->peer(p2)->txMessages, 1);
    QCOMPARE(server->peer(p3)->txMessages, 2);
    server->flushRecords();
    QCOMPARE(log.bytes(p1, LogRecord::Kind::Tx), QByteArray("one|two|all|"));
    QCOMPARE(log.bytes(p2, LogRecord::Kind::Tx), QByteArray("all|"));
    QCOMPARE(log.bytes(p3, LogRecord::Kind::Tx), QByteArray("two|all|"));
}

void tst_TcpServerSession::sendErrors()
{
    auto server = makeLoopbackServer();
    server->start();

    // Nobody to send to.
    Session::SendResult r = server->send("x");
    QVERIFY(!r.ok());
    QCOMPARE(r.peers, 0);

    QTcpSocket c1, c2;
    c1.connectToHost(kLoopback, server->serverPort());
    c2.connectToHost(kLoopback, server->serverPort());
    QTRY_COMPARE(server->openPeerCount(), 2);
    QTRY_COMPARE(c1.state(), QAbstractSocket::ConnectedState);
    QTRY_COMPARE(c2.state(), QAbstractSocket::ConnectedState);
    const quint32 p1 = peerOf(*server, c1), p2 = peerOf(*server, c2);

    // An empty message is refused, not sent as nothing.
    r = server->send(QByteArray());
    QVERIFY(!r.ok());
    QCOMPARE(r.peers, 0);
    r = server->send(QByteArray(), {p1});
    QVERIFY(!r.ok());

    // An unknown id and a closed peer are errors; the open peer still gets its copy.
    r = server->send("x", {4242});
    QVERIFY(!r.ok());
    QCOMPARE(r.peers, 0);
    c2.abort();
    QTRY_VERIFY(!server->peer(p2)->isOpen());
    QCOMPARE(server->peer(p2)->closeReason, CloseReason::PeerClosed);
    r = server->send("y", {p1, p2});
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(server->peer(p2)->endpoint()), qPrintable(r.error));
    QCOMPARE(r.peers, 1);
    QTRY_COMPARE(c1.bytesAvailable(), 1);
    QCOMPARE(c1.readAll(), QByteArray("y"));
    QTRY_COMPARE(server->txBytesTotal(), 1);
    QCOMPARE(server->peer(p2)->txBytes, 0);
    QCOMPARE(server->peer(p2)->txMessages, 0);

    // After everyone left, "send to all" has no one.
    server->disconnectAll();
    QTRY_COMPARE(server->openPeerCount(), 0);
    r = server->send("z");
    QVERIFY(!r.ok());
    QCOMPARE(r.peers, 0);
    QCOMPARE(server->txBytesTotal(), 1);
}

void tst_TcpServerSession::hundredMebibytes()
{
    const int mib = 100;
    const qint64 total = qint64(mib) * 1024 * 1024;
    auto server = makeLoopbackServer();
    server->start();
    QSignalSpy opened(server.get(), &Session::peerOpened);
    QSignalSpy closed(server.get(), &Session::peerClosed);

    // Check every byte on the fly (byte k is k & 0xFF) instead of keeping 100 MiB of records.
    QByteArray pattern(1024 * 1024 + 256, Qt::Uninitialized);
    for (int k = 0; k < pattern.size(); ++k)
        pattern[k] = char(k & 0xFF);
    qint64 offset = 0;
    qint64 mismatches = 0;
    qint64 records = 0;
    qint64 biggestBatch = 0;
    connect(server.get(), &Session::recordsReady, this, [&](const LogRecords &batch) {
        qint64 batchBytes = 0;
        for (const LogRecord &r : batch)
            batchBytes += r.bytes.size();
        biggestBatch = qMax(biggestBatch, batchBytes);
        for (const LogRecord &r : batch) {
            if (r.kind != LogRecord::Kind::Rx)
                continue;
            ++records;
            const char *data = r.bytes.constData();
            qsizetype left = r.bytes.size();
            while (left > 0) {
                const qsizetype n = qMin<qsizetype>(left, 1024 * 1024);
                if (std::memcmp(data, pattern.constData() + (offset & 0xFF), size_t(n)) != 0)
                    ++mismatches;
                data += n;
                left -= n;
                offset += n;
            }
        }
    });

    QElapsedTimer timer;
    timer.start();
    PythonPeer sender;
    sender.start("big_sender.py", {QString::number(server->serverPort()), QString::number(mib)});
    QTRY_COMPARE_WITH_TIMEOUT(server->rxBytesTotal(), total, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 5000);
    server->flushRecords();
    QCOMPARE(opened.count(), 1);
    const quint32 id = opened.at(0).at(0).toUInt();
    QCOMPARE(server->peer(id)->rxBytes, total);
    QCOMPARE(server->peer(id)->rxFrames, records);
    QCOMPARE(server->peer(id)->closeReason, CloseReason::PeerClosed);
    QCOMPARE(offset, total);
    QCOMPARE(mismatches, 0);
    // A flood reaches listeners in slices, not 30 ms worth at a time (issue #16): at most the
    // flush size plus what one read event adds before the queued flush runs.
    QVERIFY2(biggestBatch <= Session::DefaultBatchFlushBytes + TcpLink::ReadCapBytes,
             qPrintable(QString::number(biggestBatch)));
    QTRY_VERIFY(sender.finished());
    QVERIFY2(sender.process().exitCode() == 0, qPrintable(sender.diagnostics()));
    qInfo("100 MiB in %lld ms, %lld Rx records", timer.elapsed(), records);
}

void tst_TcpServerSession::countersReportedWithoutFrames()
{
    // Bytes that complete no frame (half a line) and bytes the kernel took from a big send
    // still change the counters, and peersUpdated must say so without waiting for a record.
    auto server = makeLoopbackServer();
    server->setFraming(FramingSpec::line());
    server->start();
    QTcpSocket c;
    c.connectToHost(kLoopback, server->serverPort());
    QTRY_COMPARE(server->openPeerCount(), 1);
    QTRY_COMPARE(c.state(), QAbstractSocket::ConnectedState);
    const quint32 id = peerOf(*server, c);
    server->flushRecords();
    QSignalSpy updated(server.get(), &Session::peersUpdated);
    QSignalSpy records(server.get(), &Session::recordsReady);

    c.write("half a line");
    QTRY_COMPARE(server->peer(id)->rxBytes, 11);
    QTRY_VERIFY(updated.count() >= 1);
    QCOMPARE(records.count(), 0); // no frame yet

    // A large send: the Tx record goes out at once, the written count grows afterwards.
    const QByteArray big(4 * 1024 * 1024, 'b');
    QVERIFY(server->send(big, {id}).ok());
    server->flushRecords();
    updated.clear();
    qint64 got = 0;
    QTRY_COMPARE_WITH_TIMEOUT((got += c.readAll().size()), qint64(big.size()), 10000);
    QTRY_COMPARE(server->peer(id)->txBytes, big.size());
    QTRY_VERIFY(updated.count() >= 1);
}

void tst_TcpServerSession::peerResetMidTransfer()
{
    const int n = 100000;
    auto server = makeLoopbackServer();
    server->start();
    QSignalSpy opened(server.get(), &Session::peerOpened);
    QSignalSpy closed(server.get(), &Session::peerClosed);
    RecordLog log(server.get());

    PythonPeer peer;
    peer.start("reset_peer.py", {QString::number(server->serverPort()), QString::number(n)});
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 10000);
    const quint32 id = opened.at(0).at(0).toUInt();
    QTRY_COMPARE_WITH_TIMEOUT(server->peer(id)->rxBytes, n, 10000);

    // "go" plus a payload the peer never reads: the reset lands mid-transfer.
    const QByteArray big = QByteArray("go\n") + QByteArray(16 * 1024 * 1024, 'z');
    QVERIFY(server->send(big).ok());
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 10000);
    QTRY_VERIFY(peer.finished());
    QVERIFY2(peer.process().exitCode() == 0, qPrintable(peer.diagnostics()));
    QVERIFY(peer.lines().contains(QStringLiteral("RESET")));

    const PeerInfo *p = server->peer(id);
    QVERIFY(!p->isOpen());
    // Qt 6.4 reports an RST like an orderly close; TcpLink, on the descriptor, tells them apart.
    QCOMPARE(p->closeReason, CloseReason::Reset);
    QCOMPARE(p->rxBytes, n);
    QCOMPARE(server->rxBytesTotal(), n);
    QVERIFY2(p->txBytes >= 3 && p->txBytes < big.size(), QByteArray::number(p->txBytes));
    QCOMPARE(server->txBytesTotal(), p->txBytes);
    server->flushRecords();
    QByteArray expected(n, Qt::Uninitialized);
    for (int k = 0; k < n; ++k)
        expected[k] = char(k & 0xFF);
    QCOMPARE(log.bytes(id, LogRecord::Kind::Rx), expected);
    QCOMPARE(server->openPeerCount(), 0);
    QVERIFY(server->isListening());
}

void tst_TcpServerSession::portInUseNamesProcess()
{
    PortHolder holder;
    const quint16 port = holder.hold("tcp");
    QVERIFY2(port != 0, qPrintable(holder.diagnostics()));

    TcpServerSession server;
    TcpServerSession::Options o;
    o.address = kLoopback;
    o.port = port;
    server.setOptions(o);
    RecordLog log(&server);
    QSignalSpy errors(&server, &Session::errorOccurred);
    server.start();
    // Failed at once; the owner is named when the lookup (off this thread) answers.
    QCOMPARE(errors.count(), 1);
    QTRY_COMPARE(errors.count(), 2);
    const QString message = errors.at(1).at(0).toString();
    QVERIFY2(message.contains(QLatin1String("python3")), qPrintable(message));
    QVERIFY2(message.contains(holder.pid()), qPrintable(message));
    QVERIFY2(message.contains(QString::number(port)), qPrintable(message));
    QCOMPARE(server.state(), Session::State::Failed);
    QCOMPARE(server.stateText(), message);
    QVERIFY(!server.isListening());
    server.flushRecords();
    QCOMPARE(log.errorEvents(message), 1);

    // Once the other program is gone, the same port works.
    QVERIFY(holder.release());
    server.start();
    QCOMPARE(server.state(), Session::State::Active);
    QCOMPARE(server.serverPort(), port);
}

// "::" listens on both families, "[::]" on IPv6 only, "0.0.0.0" on IPv4 only; the state
// line says which. (Binds the wildcard, but the clients stay on loopback.)
void tst_TcpServerSession::wildcardFamilies_data()
{
    QTest::addColumn<QString>("bind");
    QTest::addColumn<bool>("v4");
    QTest::addColumn<bool>("v6");
    QTest::addColumn<QString>("stateText");
    QTest::newRow("::") << QStringLiteral("::") << true << true
                        << QStringLiteral("Listening on [::]:%1, IPv6 and IPv4 (");
    QTest::newRow("[::]") << QStringLiteral("[::]") << false << true
                          << QStringLiteral("Listening on [::]:%1, IPv6 only (");
    QTest::newRow("0.0.0.0") << QStringLiteral("0.0.0.0") << true << false
                             << QStringLiteral("Listening on 0.0.0.0:%1 (");
}

void tst_TcpServerSession::wildcardFamilies()
{
    QFETCH(QString, bind);
    QFETCH(bool, v4);
    QFETCH(bool, v6);
    QFETCH(QString, stateText);
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress(QHostAddress::LocalHostIPv6), 0))
            QSKIP("IPv6 loopback is not available here");
    }
    TcpServerSession server;
    SessionEndpoint e;
    e.localAddress = parseLocalAddress(bind);
    QVERIFY(!e.localAddress.isNull());
    server.setEndpoint(e);
    server.start();
    QVERIFY2(server.state() == Session::State::Active, qPrintable(server.stateText()));
    const quint16 port = server.serverPort();
    QVERIFY2(server.stateText().startsWith(stateText.arg(port)), qPrintable(server.stateText()));

    const QList<std::pair<QHostAddress, bool>> clients{
        {QHostAddress(QHostAddress::LocalHost), v4},
        {QHostAddress(QHostAddress::LocalHostIPv6), v6}};
    for (const auto &[address, reachable] : clients) {
        QTcpSocket client;
        client.connectToHost(address, port);
        if (reachable) {
            QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
            // The server names the client as it connected: plain IPv4, not ::ffff:127.0.0.1.
            QTRY_VERIFY(server.openPeerCount() == 1);
            const PeerInfo *p = server.peer(server.peerIds().constLast());
            QCOMPARE(p->address, address);
            client.disconnectFromHost();
            QTRY_COMPARE(server.openPeerCount(), 0);
        } else {
            QTRY_COMPARE(client.error(), QAbstractSocket::ConnectionRefusedError);
        }
    }
}

QTEST_GUILESS_MAIN(tst_TcpServerSession)
#include "tst_tcpserversession.moc"
