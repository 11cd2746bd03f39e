// Loopback integration tests of Session features over real sockets on 127.0.0.1:
// receive checksum verification, auto-replies (rules, delays, echo, the AutoReply
// flag on their Tx records, peers that go away first) and the UDP broadcast option.

#include "core/codec/checksum.h"
#include "core/codec/textcodec.h"
#include "core/framing/framingspec.h"
#include "core/autoreply/autoreply.h"
#include "core/log/logrecord.h"
#include "core/transport/tcpserversession.h"
#include "core/transport/udpsession.h"

#include "echoreplier.h"
#include "eventloop.h"
#include "gbk.h"
#include "lineserver.h"
#include "loopback.h"
#include "peerof.h"
#include "recordlog.h"

#include <QElapsedTimer>
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

#include <memory>
#include <utility>

using namespace sockscope;
using namespace sockscope::test;

namespace {

QByteArray withChecksum(const QByteArray &payload, ChecksumKind kind, ByteOrder order)
{
    QByteArray frame = payload;
    appendChecksum(frame, kind, order);
    return frame;
}

// A payload that is refused for its size whatever the address: UDP tests that involve a
// broadcast address use it, so that even a broken broadcast gate puts nothing on the wire.
const QByteArray kOversized(UdpSession::MaxDatagramIPv4 + 1, 'x');

QString refusal(const QHostAddress &address)
{
    return QStringLiteral("Sending to the broadcast address %1 needs the Broadcast option.")
        .arg(address.toString());
}

std::unique_ptr<UdpSession> startUdp(bool broadcast)
{
    auto session = std::make_unique<UdpSession>();
    UdpSession::Options o;
    o.bindAddress = kLoopback;
    o.broadcast = broadcast;
    session->setOptions(o);
    session->setBatchInterval(5);
    session->start();
    return session;
}

} // namespace

class tst_SessionFeatures : public QObject
{
    Q_OBJECT

private slots:
    void rxChecksumOverTcp_data();
    void rxChecksumOverTcp();
    void autoReplyRulesOverTcp();
    void delayedReplyToClosedTcpPeer();
    void delayedReplyToForgottenUdpPeer();
    void delayedReplyOutlivedBySession();
    void echoBackPressurePausesReading();
    void echoManyTinyLines_data();
    void echoManyTinyLines();
    void amplifyingReplyCapped();
    void delayedRepliesCapped();
    void echoReturnsExactBytes_data();
    void echoReturnsExactBytes();
    void autoReplyTagOnlyOnReplies();
    void idleGapIgnoresWallClockSteps_data();
    void idleGapIgnoresWallClockSteps();
    void idleGapCutsEachPeerOnItsOwn();
    void udpBroadcastRefused_data();
    void udpBroadcastRefused();
    void udpBroadcastAllowed();
    void udpLoopbackUnaffected();
};

void tst_SessionFeatures::rxChecksumOverTcp_data()
{
    QTest::addColumn<ChecksumKind>("kind");
    QTest::addColumn<ByteOrder>("order");
    QTest::addColumn<QList<QByteArray>>("frames"); // sent one line each
    QTest::addColumn<QList<bool>>("expectOk");

    const auto le = ByteOrder::LittleEndian;
    const auto modbus = ChecksumKind::Crc16Modbus;
    QByteArray corrupted = withChecksum("SET T=21", modbus, le);
    corrupted[4] = 'X'; // payload changed after the CRC was computed
    QTest::newRow("crc16-modbus le")
        << modbus << le
        << QList<QByteArray>{withChecksum("READ T", modbus, le), withChecksum("READ H", modbus, le),
                             corrupted}
        << QList<bool>{true, true, false};
    // Right CRC, wrong byte order: must not pass either.
    QTest::newRow("crc16-modbus byte order")
        << modbus << le
        << QList<QByteArray>{withChecksum("READ T", modbus, ByteOrder::BigEndian),
                             withChecksum("READ T", modbus, le)}
        << QList<bool>{false, true};
    // An empty line is shorter than the 1-byte checksum.
    QTest::newRow("sum8 short frame")
        << ChecksumKind::Sum8 << ByteOrder::BigEndian
        << QList<QByteArray>{withChecksum("ABC", ChecksumKind::Sum8, ByteOrder::BigEndian),
                             QByteArray()}
        << QList<bool>{true, false};
}

void tst_SessionFeatures::rxChecksumOverTcp()
{
    QFETCH(ChecksumKind, kind);
    QFETCH(ByteOrder, order);
    QFETCH(QList<QByteArray>, frames);
    QFETCH(QList<bool>, expectOk);

    QByteArray stream;
    for (const QByteArray &frame : std::as_const(frames)) {
        // The line framing must not cut a frame inside its checksum.
        QVERIFY2(!frame.contains('\n') && !frame.endsWith('\r'), frame.toHex().constData());
        stream += frame + '\n';
    }

    auto server = startLineServer();
    QCOMPARE(server->state(), Session::State::Active);
    server->setRxChecksum(kind, order);
    RecordLog log(server.get());
    QTcpSocket client;
    const quint32 id = connectClient(*server, client);
    QVERIFY(id != 0);
    client.write(stream);

    QVERIFY(waitUntil([&] {
        server->flushRecords();
        return log.of(id, LogRecord::Kind::Rx).size() >= frames.size();
    }));
    const LogRecords rx = log.of(id, LogRecord::Kind::Rx);
    QCOMPARE(rx.size(), frames.size());
    int bad = 0;
    for (int i = 0; i < rx.size(); ++i) {
        QCOMPARE(rx.at(i).bytes, frames.at(i));
        const bool ok = rx.at(i).flags.testFlag(LogRecord::ChecksumOk);
        const bool isBad = rx.at(i).flags.testFlag(LogRecord::ChecksumBad);
        QVERIFY2(ok != isBad, qPrintable(QStringLiteral("frame %1: exactly one flag").arg(i)));
        QCOMPARE(ok, expectOk.at(i));
        bad += isBad ? 1 : 0;
    }
    QCOMPARE(server->peer(id)->checksumErrors, bad);
    QCOMPARE(bad, int(expectOk.count(false)));
}

void tst_SessionFeatures::autoReplyRulesOverTcp()
{
    // GBK set: a regex whose capture is copied into the reply, an exact hex rule with a
    // delay, and echo for whatever no rule matched.
    const QByteArray json = R"({
        "format": "sockscope-auto-reply",
        "version": 1,
        "encoding": "GBK",
        "matchMode": "first",
        "echo": "fallback",
        "rules": [
            {"name": "temperature", "match": "regex",
             "pattern": "^查询(.+)的温度$", "reply": "${1}：25℃\\r\\n"},
            {"name": "status", "match": "exact", "patternFormat": "hex",
             "pattern": "AA 01 55", "reply": "AA 81 00 55 0D 0A", "replyFormat": "hex",
             "delayMs": 50}
        ]
    })";
    AutoReplyRules rules;
    AutoReplyIssue issue;
    QVERIFY2(rules.loadJson(json, &issue), qPrintable(issue.toString()));

    auto server = startLineServer();
    server->setAutoReplier(&rules);
    RecordLog log(server.get());
    QTcpSocket client;
    const quint32 id = connectClient(*server, client);
    QVERIFY(id != 0);

    const QByteArray query = gbk(QStringLiteral("查询一号机的温度"));
    const QByteArray status = QByteArray::fromHex("AA0155");
    const QByteArray hello = gbk(QStringLiteral("你好"));
    const QByteArray nearMiss = QByteArray::fromHex("AA0156");
    const QByteArray queryReply = gbk(QStringLiteral("一号机：25℃\r\n"));
    const QByteArray statusReply = QByteArray::fromHex("AA810055") + "\r\n";
    // Immediate replies in frame order, the delayed one last; echoes return the bytes as
    // received, the newline that line framing strips from the frame included.
    const QList<QByteArray> expected{queryReply, hello + '\n', nearMiss + '\n', statusReply};
    const QByteArray expectedStream = expected.join();

    QElapsedTimer sinceSent;
    sinceSent.start();
    client.write(query + '\n' + status + '\n' + hello + '\n' + nearMiss + '\n');
    QByteArray received;
    qint64 statusReplyAfterMs = -1;
    QVERIFY(waitUntil([&] {
        received += client.readAll();
        if (statusReplyAfterMs < 0 && received.endsWith(statusReply))
            statusReplyAfterMs = sinceSent.elapsed();
        return received.size() >= expectedStream.size();
    }));
    spin(100); // nothing more may arrive
    received += client.readAll();
    QCOMPARE(received, expectedStream);
    QVERIFY2(statusReplyAfterMs >= 50, qPrintable(QString::number(statusReplyAfterMs)));

    // A message of the user's own is not an auto-reply.
    QVERIFY(server->send("manual", {id}).ok());
    server->flushRecords();
    const LogRecords tx = log.of(id, LogRecord::Kind::Tx);
    QCOMPARE(tx.size(), expected.size() + 1);
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(tx.at(i).bytes, expected.at(i));
        QVERIFY2(tx.at(i).flags.testFlag(LogRecord::AutoReply), qPrintable(QString::number(i)));
    }
    QCOMPARE(tx.last().bytes, QByteArray("manual"));
    QVERIFY(!tx.last().flags.testFlag(LogRecord::AutoReply));
    // Each reply names what answered: the rule, or echo.
    const QStringList answered{QStringLiteral("temperature"), {}, {}, QStringLiteral("status"), {}};
    const QList<bool> echoes{false, true, true, false, false};
    for (int i = 0; i < tx.size(); ++i) {
        QCOMPARE(tx.at(i).replyRule, answered.at(i));
        QCOMPARE(tx.at(i).flags.testFlag(LogRecord::Echo), echoes.at(i));
    }

    // The delay counts from the frame's arrival.
    const LogRecords rx = log.of(id, LogRecord::Kind::Rx);
    QCOMPARE(rx.size(), 4);
    QCOMPARE(rx.at(1).bytes, status);
    QVERIFY(tx.at(3).timeUs - rx.at(1).timeUs >= 50 * 1000);
    QCOMPARE(server->peer(id)->txMessages, 5);
}

void tst_SessionFeatures::delayedReplyToClosedTcpPeer()
{
    const auto echo = makeEchoReplier(150);
    QVERIFY(echo);

    auto server = startLineServer();
    server->setAutoReplier(echo.get());
    RecordLog log(server.get());
    QTcpSocket leaver;
    QTcpSocket stayer;
    const quint32 leaverId = connectClient(*server, leaver);
    const quint32 stayerId = connectClient(*server, stayer);
    QVERIFY(leaverId != 0 && stayerId != 0);

    leaver.write("bye\n");
    leaver.disconnectFromHost();
    stayer.write("stay\n");
    QVERIFY(waitUntil([&] { return !server->peer(leaverId)->isOpen(); }));
    // The stayer's reply shows the timers have fired; the leaver's was due at the same time.
    QByteArray received;
    QVERIFY(waitUntil([&] {
        received += stayer.readAll();
        return received == "stay\n";
    }));
    spin(50);
    server->flushRecords();
    QCOMPARE(log.payloads(leaverId, LogRecord::Kind::Rx), QList<QByteArray>{"bye"});
    QVERIFY(log.of(leaverId, LogRecord::Kind::Tx).isEmpty());
    QCOMPARE(server->peer(leaverId)->txMessages, 0);
    QCOMPARE(log.of(stayerId, LogRecord::Kind::Tx).size(), 1);
    QVERIFY(log.of(stayerId, LogRecord::Kind::Tx).constFirst().flags & LogRecord::AutoReply);
}

void tst_SessionFeatures::delayedReplyToForgottenUdpPeer()
{
    // A forgotten UDP peer keeps its address, so only the session's own check stops the reply.
    const auto echo = makeEchoReplier(150);
    QVERIFY(echo);

    auto session = startUdp(false);
    QCOMPARE(session->state(), Session::State::Active);
    session->setAutoReplier(echo.get());
    RecordLog log(session.get());
    QUdpSocket forgotten;
    QUdpSocket remembered;
    QVERIFY(forgotten.bind(kLoopback, 0));
    QVERIFY(remembered.bind(kLoopback, 0));
    forgotten.writeDatagram("one", kLoopback, session->localPort());
    remembered.writeDatagram("two", kLoopback, session->localPort());
    QVERIFY(waitUntil([&] { return session->datagramsReceived() == 2; }));
    quint32 forgottenId = 0;
    for (quint32 id : session->peerIds()) {
        if (session->peer(id)->port == forgotten.localPort())
            forgottenId = id;
    }
    QVERIFY(forgottenId != 0);
    session->disconnectPeer(forgottenId);

    QVERIFY(waitUntil([&] { return remembered.hasPendingDatagrams(); }));
    QCOMPARE(remembered.receiveDatagram().data(), QByteArray("two"));
    spin(50);
    QVERIFY(!forgotten.hasPendingDatagrams());
    QCOMPARE(session->datagramsSent(), 1);
    session->flushRecords();
    QVERIFY(log.of(forgottenId, LogRecord::Kind::Tx).isEmpty());
}

void tst_SessionFeatures::delayedReplyOutlivedBySession()
{
    const auto echo = makeEchoReplier(100);
    QVERIFY(echo);

    auto server = startLineServer();
    server->setAutoReplier(echo.get());
    QTcpSocket client;
    const quint32 id = connectClient(*server, client);
    QVERIFY(id != 0);
    client.write("late\n");
    QVERIFY(waitUntil([&] { return server->rxFramesTotal() == 1; }));
    server.reset(); // the reply's timer is pending
    spin(200);
    QCOMPARE(client.bytesAvailable(), 0);
}

// Reads everything `client` has, waiting until `expected` bytes came or `ms` passed.
QByteArray readUntil(QTcpSocket &client, qint64 expected, int ms)
{
    QByteArray got;
    waitUntil(
        [&] {
            got += client.readAll();
            return got.size() >= expected;
        },
        ms);
    return got;
}

// A peer that sends but does not read: echo stops reading from it (TCP flow control slows
// it down) instead of queueing replies without bound or dropping them; when it reads
// again, every byte comes back, in order.
void tst_SessionFeatures::echoBackPressurePausesReading()
{
    const auto echo = makeEchoReplier();
    QVERIFY(echo);

    auto server = startLineServer();
    server->setAutoReplier(echo.get());
    RecordLog log(server.get());
    QTcpSocket client;
    client.setReadBufferSize(1); // Qt would otherwise read for it
    client.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    const quint32 id = connectClient(*server, client);
    QVERIFY(id != 0);

    QByteArray payload;
    for (int i = 0; payload.size() < 16 * 1024 * 1024; ++i)
        payload += QByteArray::number(i).rightJustified(1023, 'x') + '\n';
    const qint64 total = payload.size();
    client.write(payload);
    // The server stops taking bytes while its echo backs up.
    qint64 rx = -1;
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 20000 && (rx <= 0 || rx != server->rxBytesTotal())) {
        rx = server->rxBytesTotal();
        spin(300);
    }
    QVERIFY2(rx < total, qPrintable(QString::number(rx)));
    const Session::ReplyLimits limits = server->replyLimits();
    QCOMPARE(limits.maxUnwrittenPerPeer, 4 * 1024 * 1024); // the default
    QVERIFY2(server->pendingWriteBytes(id) <= limits.maxUnwrittenPerPeer + limits.maxHeldPerPeer,
             qPrintable(QString::number(server->pendingWriteBytes(id))));
    QVERIFY(server->heldReplyBytes() <= limits.maxHeldPerPeer);
    QCOMPARE(server->repliesDropped(), 0);

    // The peer reads: the rest flows, every byte echoed exactly once, nothing dropped.
    client.setReadBufferSize(0);
    const QByteArray back = readUntil(client, total, 30000);
    QCOMPARE(back.size(), total);
    QVERIFY(back == payload);
    QCOMPARE(server->rxBytesTotal(), total);
    QCOMPARE(server->repliesDropped(), 0);
    QCOMPARE(log.errorEvents(), 0);
}

void tst_SessionFeatures::echoManyTinyLines_data()
{
    QTest::addColumn<bool>("echoAfterConnect");
    QTest::newRow("echo on before the peer connects") << false;
    // The open peer's reads must shrink to small blocks too, or one read of the lines
    // buffered meanwhile makes more replies than a peer may have waiting.
    QTest::newRow("echo turned on while it is connected") << true;
}

// Many tiny lines in one read: echo answers every one (the replies wait for the next pass
// of the event loop; reading pauses before they overrun the per-peer limit).
void tst_SessionFeatures::echoManyTinyLines()
{
    QFETCH(bool, echoAfterConnect);
    const auto echo = makeEchoReplier();
    QVERIFY(echo);

    auto server = startLineServer();
    if (!echoAfterConnect)
        server->setAutoReplier(echo.get());
    QTcpSocket client;
    const quint32 id = connectClient(*server, client);
    QVERIFY(id != 0);
    if (echoAfterConnect)
        server->setAutoReplier(echo.get());
    QByteArray payload;
    for (int i = 0; i < 300000; ++i)
        payload += char('a' + i % 26) + QByteArray("\n");
    client.write(payload);
    // Into the kernel before the session reads again: its first reads find a lot waiting.
    client.waitForBytesWritten(5000);
    const QByteArray back = readUntil(client, payload.size(), 30000);
    QCOMPARE(back.size(), payload.size());
    QVERIFY(back == payload);
    QCOMPARE(server->repliesDropped(), 0);
}

// A rule whose reply is far bigger than what triggers it, to a peer that never reads: our
// memory stays bounded; what does not fit is dropped, counted and logged once per run.
void tst_SessionFeatures::amplifyingReplyCapped()
{
    AutoReplyConfig config;
    AutoReplyRule rule;
    rule.match = AutoReplyRule::Match::Substring;
    rule.pattern = QStringLiteral("go");
    rule.reply = QString(AutoReplyRules::MaxReplyChars, QLatin1Char('r'));
    config.rules.append(rule);
    AutoReplyRules rules;
    QVERIFY(rules.setConfig(config));

    auto server = startLineServer();
    server->setAutoReplier(&rules);
    RecordLog log(server.get());
    QTcpSocket client;
    client.setReadBufferSize(1);
    client.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    const quint32 id = connectClient(*server, client);
    QVERIFY(id != 0);

    const QByteArray line("go\n");
    constexpr qint64 lines = 16 * 1024; // 256 MiB of replies
    for (qint64 i = 0; i < lines; ++i)
        client.write(line);
    QVERIFY(waitUntil([&] { return server->rxBytesTotal() == lines * line.size(); }, 20000));
    spin(50); // the last replies go out from the event loop
    const Session::ReplyLimits limits = server->replyLimits();
    QVERIFY2(server->pendingWriteBytes(id) <= limits.maxUnwrittenPerPeer + limits.maxHeldPerPeer,
             qPrintable(QString::number(server->pendingWriteBytes(id))));
    QCOMPARE(server->heldReplyBytes(), 0);
    QVERIFY(server->repliesDropped() > 0);
    server->flushRecords();
    const qint64 sent = log.of(id, LogRecord::Kind::Tx).size();
    QCOMPARE(sent + server->repliesDropped(), lines);
    QCOMPARE(server->replyBytesDropped(), server->repliesDropped() * rule.reply.size());
    // Logged once per run of drops, not once per drop; each run is summed up when it ends.
    const int runs = log.errorEvents(QStringLiteral("Auto-reply not sent"));
    QVERIFY2(runs >= 1 && runs <= 16, qPrintable(QString::number(runs)));
    client.abort(); // ends the last run of drops: its sum is logged
    QVERIFY(waitUntil([&] { return !server->peer(id)->isOpen(); }));
    server->flushRecords();
    const QRegularExpression sum(QStringLiteral("^(\\d+) auto-reply\\(ies\\) not sent \\((\\d+) bytes in all\\)"));
    qint64 summed = 0;
    qint64 summedBytes = 0;
    int sums = 0;
    for (const LogRecord &r : log.of(id, LogRecord::Kind::Event)) {
        const QRegularExpressionMatch m = sum.match(r.eventText());
        if (m.hasMatch()) {
            ++sums;
            summed += m.captured(1).toLongLong();
            summedBytes += m.captured(2).toLongLong();
        }
    }
    QCOMPARE(sums, runs);
    QCOMPARE(summed, server->repliesDropped());
    QCOMPARE(summedBytes, server->replyBytesDropped());
}

// Delayed replies are held within limits, per peer and in all; a peer's go when it closes.
void tst_SessionFeatures::delayedRepliesCapped()
{
    const auto echo = makeEchoReplier(60000); // none is due during the test
    QVERIFY(echo);

    auto server = startLineServer();
    server->setAutoReplier(echo.get());
    Session::ReplyLimits limits;
    limits.maxHeldPerPeer = 64 * 1024;
    limits.maxHeldTotal = 96 * 1024;
    server->setReplyLimits(limits);
    RecordLog log(server.get());
    QTcpSocket a;
    QTcpSocket b;
    const quint32 aId = connectClient(*server, a);
    const quint32 bId = connectClient(*server, b);
    QVERIFY(aId && bId);

    const QByteArray line = QByteArray(1023, 'x') + '\n';
    const qint64 cost = line.size() + Session::HeldReplyOverhead;
    auto send200 = [&](QTcpSocket &client, qint64 rxTotal) {
        for (int i = 0; i < 200; ++i)
            client.write(line);
        return waitUntil([&] { return server->rxBytesTotal() == rxTotal; });
    };
    QVERIFY(send200(a, 200 * line.size()));
    const qint64 aHeld = limits.maxHeldPerPeer / cost; // 60
    QCOMPARE(server->heldReplyBytes(), aHeld * cost);
    QCOMPARE(server->repliesDropped(), 200 - aHeld);
    QVERIFY(send200(b, 400 * line.size()));
    const qint64 bHeld = limits.maxHeldTotal / cost - aHeld; // the session's limit
    QCOMPARE(server->heldReplyBytes(), (aHeld + bHeld) * cost);
    QCOMPARE(server->repliesDropped(), 400 - aHeld - bHeld);
    QCOMPARE(server->replyBytesDropped(), server->repliesDropped() * line.size());
    server->flushRecords();
    QCOMPARE(log.errorEvents(QStringLiteral("already wait for this peer")), 1);
    QCOMPARE(log.errorEvents(QStringLiteral("already wait in this session")), 1);

    a.disconnectFromHost();
    QVERIFY(waitUntil([&] { return !server->peer(aId)->isOpen(); }));
    QCOMPARE(server->heldReplyBytes(), bHeld * cost);
    QCOMPARE(server->repliesDropped(), 400 - bHeld);
    server->flushRecords();
    QVERIFY(log.hasEvent(aId, QStringLiteral("%1 waiting auto-reply(ies) dropped (%2 bytes)")
                                  .arg(aHeld)
                                  .arg(aHeld * line.size())));
    QVERIFY(log.of(aId, LogRecord::Kind::Tx).isEmpty());
    QCOMPARE(server->peer(aId)->txMessages, 0);
    QVERIFY(log.of(bId, LogRecord::Kind::Tx).isEmpty()); // b's still wait
}

void tst_SessionFeatures::echoReturnsExactBytes_data()
{
    QTest::addColumn<FramingSpec>("framing");
    QTest::addColumn<AutoReplyConfig::EchoMode>("mode");
    QTest::addColumn<QByteArray>("sent");
    QTest::addColumn<QList<QByteArray>>("frames"); // as logged

    const auto always = AutoReplyConfig::EchoMode::Always;
    const auto fallback = AutoReplyConfig::EchoMode::Fallback;
    const QByteArray lines = "a\nb\r\n\nend\r\n";
    const QList<QByteArray> lineFrames{"a", "b", "", "end"};
    QTest::newRow("line always") << FramingSpec::line() << always << lines << lineFrames;
    QTest::newRow("line fallback") << FramingSpec::line() << fallback << lines << lineFrames;
    QTest::newRow("delim 0D0A") << FramingSpec::delimited("\r\n") << always
                                << QByteArray("x\r\ny\ny\r\n") << QList<QByteArray>{"x", "y\ny"};
    QTest::newRow("delim kept") << FramingSpec::delimited("\r\n", true) << always
                                << QByteArray("x\r\n") << QList<QByteArray>{"x\r\n"};
    FramingSpec small = FramingSpec::line();
    small.maxFrameSize = 4; // an oversized line comes in pieces; the last one had the LF
    QTest::newRow("line oversized")
        << small << always << QByteArray("0123456789\n") << QList<QByteArray>{"0123", "4567", "89"};
}

// Echo returns exactly the bytes received, whatever the framing took off for the log.
void tst_SessionFeatures::echoReturnsExactBytes()
{
    QFETCH(FramingSpec, framing);
    QFETCH(AutoReplyConfig::EchoMode, mode);
    QFETCH(QByteArray, sent);
    QFETCH(QList<QByteArray>, frames);
    AutoReplyConfig config;
    config.echo = mode;
    AutoReplyRules echo;
    QVERIFY(echo.setConfig(config));

    auto server = startLineServer();
    server->setFraming(framing);
    server->setAutoReplier(&echo);
    RecordLog log(server.get());
    QTcpSocket client;
    const quint32 id = connectClient(*server, client);
    QVERIFY(id != 0);
    client.write(sent);
    QByteArray received;
    QVERIFY(waitUntil([&] {
        received += client.readAll();
        return received.size() >= sent.size();
    }));
    spin(50);
    received += client.readAll();
    QCOMPARE(received, sent);
    server->flushRecords();
    QCOMPARE(log.payloads(id, LogRecord::Kind::Rx), frames);
    QCOMPARE(log.bytes(id, LogRecord::Kind::Tx), sent);
}

// Only the replies' own records are marked as auto-replies: a message the user's code sends
// while a reply is going out (here from peerBytesWritten, which a UDP reply emits at once,
// as a paced sender would react) is the user's, not echo's.
void tst_SessionFeatures::autoReplyTagOnlyOnReplies()
{
    const auto echo = makeEchoReplier();
    QVERIFY(echo);
    auto session = startUdp(false);
    QCOMPARE(session->state(), Session::State::Active);
    session->setAutoReplier(echo.get());
    RecordLog log(session.get());
    bool sentOwn = false;
    connect(session.get(), &Session::peerBytesWritten, this, [&](quint32 id) {
        if (!std::exchange(sentOwn, true))
            QVERIFY(session->send("user", {id}).ok());
    });
    QUdpSocket client;
    QVERIFY(client.bind(kLoopback, 0));
    client.writeDatagram("ping", kLoopback, session->localPort());
    QVERIFY(waitUntil([&] { return session->datagramsSent() == 2; }));
    session->flushRecords();
    const quint32 id = session->peerIds().value(0);
    const LogRecords tx = log.of(id, LogRecord::Kind::Tx);
    QCOMPARE(tx.size(), 2);
    QCOMPARE(tx[0].bytes, QByteArray("ping"));
    QVERIFY(tx[0].flags & LogRecord::AutoReply);
    QVERIFY(tx[0].flags & LogRecord::Echo);
    QCOMPARE(tx[1].bytes, QByteArray("user"));
    QVERIFY2(!(tx[1].flags & (LogRecord::AutoReply | LogRecord::Echo)),
             qPrintable(QString::number(int(tx[1].flags))));
}

void tst_SessionFeatures::idleGapIgnoresWallClockSteps_data()
{
    QTest::addColumn<qint64>("stepUs");
    QTest::newRow("forward-1h") << qint64(3600) * 1000 * 1000;
    QTest::newRow("back-1h") << -qint64(3600) * 1000 * 1000;
}

// Idle-gap framing measures silence on a monotonic clock: a step of the system clock (NTP,
// the user) between two bytes neither cuts a frame early nor holds it for the step's length.
// The log's timestamps do follow the wall clock.
void tst_SessionFeatures::idleGapIgnoresWallClockSteps()
{
    QFETCH(qint64, stepUs);
    constexpr int gapMs = 400;
    auto server = startLineServer();
    server->setFraming(FramingSpec::idleGap(gapMs));
    RecordLog log(server.get());
    QTcpSocket client;
    const quint32 id = connectClient(*server, client);
    QVERIFY(id != 0);

    qint64 shifted = 0;
    struct Restore
    {
        qint64 &shifted;
        ~Restore() { shiftWallClockForTest(-shifted); }
    } restore{shifted};
    auto step = [&] {
        shiftWallClockForTest(stepUs);
        shifted += stepUs;
    };

    // A step between two bytes of one frame.
    client.write("ab");
    QVERIFY(waitUntil([&] { return server->rxBytesTotal() == 2; }));
    step();
    client.write("cd"); // well within the gap: the same frame
    QVERIFY(waitUntil([&] { return server->rxBytesTotal() == 4; }));
    const qint64 shiftedNow = nowUs();
    QVERIFY(waitUntil([&] { return server->rxFramesTotal() >= 1; }, 5 * gapMs));
    spin(gapMs / 2); // a second frame would be a cut
    server->flushRecords();
    QCOMPARE(log.payloads(id, LogRecord::Kind::Rx), QList<QByteArray>{"abcd"});
    const qint64 shown = log.of(id, LogRecord::Kind::Rx).constFirst().timeUs;
    QVERIFY2(qAbs(shown - shiftedNow) < 60 * 1000 * 1000, qPrintable(QString::number(shown)));

    // A step after the last byte, while its frame waits for the gap.
    client.write("ef");
    QVERIFY(waitUntil([&] { return server->rxBytesTotal() == 6; }));
    step();
    QVERIFY(waitUntil([&] { return server->rxFramesTotal() >= 2; }, 5 * gapMs));
    server->flushRecords();
    QCOMPARE(log.payloads(id, LogRecord::Kind::Rx), (QList<QByteArray>{"abcd", "ef"}));
}

// Each peer's frame is cut by its own silence, whatever the others do.
void tst_SessionFeatures::idleGapCutsEachPeerOnItsOwn()
{
    constexpr int gapMs = 300;
    auto server = startLineServer();
    server->setFraming(FramingSpec::idleGap(gapMs));
    RecordLog log(server.get());
    QTcpSocket quiet;
    QTcpSocket chatty;
    QTcpSocket later;
    const quint32 quietId = connectClient(*server, quiet);
    const quint32 chattyId = connectClient(*server, chatty);
    const quint32 laterId = connectClient(*server, later);
    QVERIFY(quietId && chattyId && laterId);

    quiet.write("q");
    chatty.write("c");
    // The chatty peer keeps its frame open past the quiet one's deadline.
    for (int i = 0; i < 10; ++i) {
        spin(gapMs / 8);
        chatty.write("c");
        if (i == 5)
            later.write("l");
    }
    // The quiet peer's frame came out on time although others kept reading.
    server->flushRecords();
    QCOMPARE(log.payloads(quietId, LogRecord::Kind::Rx), QList<QByteArray>{"q"});
    QVERIFY(log.payloads(chattyId, LogRecord::Kind::Rx).isEmpty());
    QVERIFY(waitUntil([&] {
        server->flushRecords();
        return log.of(chattyId, LogRecord::Kind::Rx).size() == 1 &&
               log.of(laterId, LogRecord::Kind::Rx).size() == 1;
    }));
    QCOMPARE(log.payloads(chattyId, LogRecord::Kind::Rx), QList<QByteArray>{"ccccccccccc"});
    QCOMPARE(log.payloads(laterId, LogRecord::Kind::Rx), QList<QByteArray>{"l"});
    spin(gapMs);
    server->flushRecords();
    QCOMPARE(log.of(quietId, LogRecord::Kind::Rx).size(), 1);
}

void tst_SessionFeatures::udpBroadcastRefused_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::newRow("255.255.255.255") << QHostAddress(QHostAddress::Broadcast);
    QTest::newRow("v4-mapped 255.255.255.255")
        << QHostAddress(QStringLiteral("::ffff:255.255.255.255"));
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : interfaces) {
        for (const QNetworkAddressEntry &e : iface.addressEntries()) {
            if (!e.broadcast().isNull())
                QTest::addRow("%s %s", qPrintable(iface.name()),
                              qPrintable(e.broadcast().toString()))
                    << e.broadcast();
        }
    }
}

void tst_SessionFeatures::udpBroadcastRefused()
{
    QFETCH(QHostAddress, address);
    auto session = startUdp(false);
    QCOMPARE(session->state(), Session::State::Active);
    RecordLog log(session.get());
    const Session::SendResult r = session->sendTo(kOversized, address, 9);
    QCOMPARE(r.peers, 0);
    bool isV4 = false;
    const QHostAddress shown(address.toIPv4Address(&isV4));
    QVERIFY(isV4);
    QCOMPARE(r.error, refusal(shown));
    QCOMPARE(session->datagramsSent(), 0);
    session->flushRecords();
    QCOMPARE(log.errorEvents(refusal(shown)), 1);
}

void tst_SessionFeatures::udpBroadcastAllowed()
{
    // Nothing may be sent to a broadcast address here, so the allowed path is shown by the
    // oversized message getting past the broadcast gate to the size check, the last check
    // before writeDatagram(), which then refuses it: the refusal sentence must not appear.
    auto session = startUdp(true);
    QCOMPARE(session->state(), Session::State::Active);
    const QHostAddress limited(QHostAddress::Broadcast);
    const Session::SendResult r = session->sendTo(kOversized, limited, 9);
    QCOMPARE(r.peers, 0);
    QVERIFY2(!r.error.contains(QLatin1String("broadcast address")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QString::number(UdpSession::MaxDatagramIPv4)), qPrintable(r.error));
    QCOMPARE(session->datagramsSent(), 0);
}

void tst_SessionFeatures::udpLoopbackUnaffected()
{
    auto session = startUdp(false);
    QCOMPARE(session->state(), Session::State::Active);
    QUdpSocket receiver;
    QVERIFY(receiver.bind(kLoopback, 0));
    const Session::SendResult r = session->sendTo("ping", kLoopback, receiver.localPort());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.peers, 1);
    QVERIFY(waitUntil([&] { return receiver.hasPendingDatagrams(); }));
    QCOMPARE(receiver.receiveDatagram().data(), QByteArray("ping"));
    QCOMPARE(session->datagramsSent(), 1);
}

QTEST_GUILESS_MAIN(tst_SessionFeatures)
#include "tst_sessionfeatures.moc"
