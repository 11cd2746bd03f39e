// A relay's rewrite rules over real sockets on 127.0.0.1 (issue #14): what each end receives
// when rules replace (with captures), drop and delay frames, per direction, over TCP and UDP;
// the log's marks; no byte passed on twice or lost when rules change mid-stream, or when a
// side closes while its bytes still wait.

#include "core/autoreply/rewriterules.h"
#include "core/log/logrecord.h"
#include "core/session/relaycontrol.h"
#include "core/transport/tcprelaysession.h"
#include "core/transport/udprelaysession.h"

#include "loopback.h"
#include "pythonpeer.h"
#include "recordlog.h"
#include "rewriterule.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QNetworkDatagram>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

#include <memory>

using namespace sockscope;
using namespace sockscope::test;

namespace {

// temp=N → temp=N0 client→server; anything with "secret" dropped both ways.
RewriteConfig sampleRules()
{
    RewriteConfig c;
    c.rules << rule(QStringLiteral("temp"), RewriteRule::Direction::ClientToServer,
                    AutoReplyRule::Match::Regex, QStringLiteral("^temp=(\\d+)$"),
                    RewriteRule::Action::Replace, QStringLiteral("temp=${1}0"))
            << rule(QStringLiteral("hush"), RewriteRule::Direction::Both,
                    AutoReplyRule::Match::Substring, QStringLiteral("secret"),
                    RewriteRule::Action::Drop);
    return c;
}

FramingSpec lines()
{
    return FramingSpec::delimited("\n");
}

std::unique_ptr<TcpRelaySession> startRelay(quint16 upstreamPort)
{
    auto relay = std::make_unique<TcpRelaySession>();
    TcpRelaySession::Options o;
    o.address = kLoopback;
    o.upstreamHost = QStringLiteral("127.0.0.1");
    o.upstreamPort = upstreamPort;
    relay->setOptions(o);
    relay->setBatchInterval(5);
    relay->setFraming(lines());
    relay->start();
    return relay;
}

// A client of the relay and the upstream's end of its connection.
struct Pair
{
    QTcpSocket client;
    std::unique_ptr<QTcpSocket> server;
};

bool connectPair(Pair &pair, QTcpServer &upstream, quint16 relayPort)
{
    pair.client.connectToHost(kLoopback, relayPort);
    if (!pair.client.waitForConnected(5000))
        return false;
    QDeadlineTimer deadline(5000);
    while (!upstream.hasPendingConnections() && !deadline.hasExpired())
        QTest::qWait(5);
    pair.server.reset(upstream.nextPendingConnection());
    return pair.server != nullptr;
}

// Reads from a socket until `n` bytes came (or 5 s passed).
QByteArray readExactly(QTcpSocket &s, qsizetype n)
{
    QByteArray got;
    QDeadlineTimer deadline(5000);
    while (got.size() < n && !deadline.hasExpired()) {
        if (!s.bytesAvailable())
            QTest::qWait(5);
        got += s.readAll();
    }
    return got;
}

const LogRecord *firstWith(const RecordLog &log, LogRecord::Kind kind, LogRecord::Flag flag)
{
    for (const LogRecord &r : log.all()) {
        if (r.kind == kind && (r.flags & flag))
            return &r;
    }
    return nullptr;
}

} // namespace

class tst_RelayRewrite : public QObject
{
    Q_OBJECT

private slots:
    void replaceAndDropPerDirection();
    void delayKeepsOrder();
    void unfinishedFrameGoesBeforeEndOfStream();
    void changingRulesMidStreamLosesNothing();
    void invalidRulesLeaveOldOnes();
    void pacedBytesOutliveTheirSide();
    void udpDatagramsRewritten();
};

// Client→server: temp=25 becomes temp=250 (a capture), a secret line vanishes; server→client
// has no replace rule, but its secrets vanish too. The log marks each frame with its rule, and
// the replacement follows the rewritten frame as a Tx record towards the server.
void tst_RelayRewrite::replaceAndDropPerDirection()
{
    QTcpServer upstream;
    QVERIFY(upstream.listen(kLoopback, 0));
    auto relay = startRelay(upstream.serverPort());
    QVERIFY(relay->relay()->setRewriteRules(sampleRules()));
    RecordLog log(relay.get());
    Pair pair;
    QVERIFY(connectPair(pair, upstream, relay->boundPort()));

    pair.client.write("temp=25\nmy secret\ntemp=7\n");
    QCOMPARE(readExactly(*pair.server, 16), QByteArray("temp=250\ntemp=70\n"));
    pair.server->write("temp=1\nsecret too\nbye\n");
    QCOMPARE(readExactly(pair.client, 11), QByteArray("temp=1\nbye\n")); // no s2c replace

    QTRY_VERIFY(firstWith(log, LogRecord::Kind::Rx, LogRecord::Dropped));
    const LogRecord *rewritten = firstWith(log, LogRecord::Kind::Rx, LogRecord::Rewritten);
    QVERIFY(rewritten);
    QCOMPARE(rewritten->bytes, QByteArray("temp=25")); // what the client sent, as it sent it
    QCOMPARE(rewritten->replyRule, QStringLiteral("temp"));
    QTRY_VERIFY(firstWith(log, LogRecord::Kind::Tx, LogRecord::Rewritten));
    const LogRecord *replacement = firstWith(log, LogRecord::Kind::Tx, LogRecord::Rewritten);
    QCOMPARE(replacement->bytes, QByteArray("temp=250\n"));
    QVERIFY(replacement->flags & LogRecord::Upstream); // towards the server
    auto dropped = [&log] {
        QList<QByteArray> out;
        for (const LogRecord &r : log.all()) {
            if (r.kind == LogRecord::Kind::Rx && (r.flags & LogRecord::Dropped) &&
                r.replyRule == QLatin1String("hush"))
                out << r.bytes;
        }
        return out;
    };
    QTRY_COMPARE(dropped(), (QList<QByteArray>{"my secret", "secret too"}));
}

// A delayed frame holds back what follows it: nothing overtakes it, and it comes no sooner
// than its delay (a lower bound only).
void tst_RelayRewrite::delayKeepsOrder()
{
    QTcpServer upstream;
    QVERIFY(upstream.listen(kLoopback, 0));
    auto relay = startRelay(upstream.serverPort());
    RewriteConfig c;
    c.rules << rule(QStringLiteral("slow"), RewriteRule::Direction::ServerToClient,
                    AutoReplyRule::Match::ExactBytes, QStringLiteral("slow"),
                    RewriteRule::Action::Delay, {}, 300);
    QVERIFY(relay->relay()->setRewriteRules(c));
    RecordLog log(relay.get());
    Pair pair;
    QVERIFY(connectPair(pair, upstream, relay->boundPort()));
    QElapsedTimer clock;
    clock.start();
    pair.server->write("slow\nfast\n");
    QCOMPARE(readExactly(pair.client, 10), QByteArray("slow\nfast\n"));
    QVERIFY2(clock.elapsed() >= 290, qPrintable(QString::number(clock.elapsed())));
    QTRY_VERIFY(firstWith(log, LogRecord::Kind::Rx, LogRecord::Delayed));
    QCOMPARE(firstWith(log, LogRecord::Kind::Rx, LogRecord::Delayed)->bytes, QByteArray("slow"));
}

// The client half-closes mid-line: the partial line is passed on (unchanged: no rule sees a
// frame that never ended) and then the end of stream; a python server reads to EOF and answers
// with what it got.
void tst_RelayRewrite::unfinishedFrameGoesBeforeEndOfStream()
{
    PythonPeer server;
    server.start("relay_ends.py", {QStringLiteral("server"), QStringLiteral("eof-reply")});
    const quint16 up = server.port();
    QVERIFY2(up, qPrintable(server.diagnostics()));
    auto relay = startRelay(up);
    QVERIFY(relay->relay()->setRewriteRules(sampleRules()));
    QTcpSocket client;
    client.connectToHost(kLoopback, relay->boundPort());
    QVERIFY(client.waitForConnected(5000));
    client.write("temp=1\ntemp=2"); // the last line never ends: passed on as it is
    QVERIFY(client.waitForBytesWritten(5000));
    client.disconnectFromHost(); // FIN after the bytes
    const QByteArray expected("temp=10\ntemp=2");
    const QString sha = QString::fromLatin1(
        QCryptographicHash::hash(expected, QCryptographicHash::Sha256).toHex());
    QTRY_COMPARE_WITH_TIMEOUT(server.value(QStringLiteral("CONN")),
                              QStringLiteral("got=%1 sha=%2").arg(expected.size()).arg(sha),
                              10000);
}

// Rules switched on mid-line: the part already passed on raw is not passed on again; switched
// off mid-line: the part waiting for its line's end goes on. The server gets every byte once.
void tst_RelayRewrite::changingRulesMidStreamLosesNothing()
{
    QTcpServer upstream;
    QVERIFY(upstream.listen(kLoopback, 0));
    auto relay = startRelay(upstream.serverPort());
    Pair pair;
    QVERIFY(connectPair(pair, upstream, relay->boundPort()));
    pair.client.write("abc");
    QCOMPARE(readExactly(*pair.server, 3), QByteArray("abc")); // no rules: raw, at once
    QVERIFY(relay->relay()->setRewriteRules(sampleRules()));
    pair.client.write("def\ntemp=3\nghi");
    QCOMPARE(readExactly(*pair.server, 13), QByteArray("def\ntemp=30\n"));
    QVERIFY(relay->relay()->setRewriteRules({})); // "ghi" waited for its line's end
    QCOMPARE(readExactly(*pair.server, 3), QByteArray("ghi"));
    pair.client.write("jkl\ntemp=4\n");
    QCOMPARE(readExactly(*pair.server, 11), QByteArray("jkl\ntemp=4\n"));
    QTest::qWait(50);
    QCOMPARE(pair.server->bytesAvailable(), 0);
}

void tst_RelayRewrite::invalidRulesLeaveOldOnes()
{
    TcpRelaySession relay;
    QVERIFY(relay.setRewriteRules(sampleRules()));
    RewriteConfig bad = sampleRules();
    bad.rules << rule(QStringLiteral("broken"), RewriteRule::Direction::Both,
                      AutoReplyRule::Match::Regex, QStringLiteral("("),
                      RewriteRule::Action::Drop);
    AutoReplyIssue issue;
    QVERIFY(!relay.setRewriteRules(bad, &issue));
    QCOMPARE(issue.ruleIndex, 2);
    QCOMPARE(issue.field, QStringLiteral("pattern"));
    QCOMPARE(relay.rewriteRules(), sampleRules());
}

// The client half-closes, the server answers and closes at once while server→client is
// delayed: the answer still reaches the client before its side closes (it used to be lost
// with the server's side). Both ends are python.
void tst_RelayRewrite::pacedBytesOutliveTheirSide()
{
    PythonPeer server;
    server.start("relay_ends.py", {QStringLiteral("server"), QStringLiteral("eof-reply")});
    const quint16 up = server.port();
    QVERIFY2(up, qPrintable(server.diagnostics()));
    auto relay = startRelay(up);
    relay->relay()->setShaping(true, RelayControl::Shaping{200, 0});
    PythonPeer client;
    client.start("relay_ends.py", {QStringLiteral("client"), QStringLiteral("eof-reply"),
                                   QString::number(relay->boundPort()), QStringLiteral("1000")});
    const QString sha = QString::fromLatin1(
        QCryptographicHash::hash(QByteArray(1000, 'x'), QCryptographicHash::Sha256).toHex());
    QTRY_COMPARE_WITH_TIMEOUT(client.value(QStringLiteral("ANSWER")),
                              QStringLiteral("TOTAL 1000 SHA %1").arg(sha), 10000);
    QTRY_COMPARE(relay->openPeerCount(), 0);
}

// UDP: every datagram is a frame; rules replace and drop whole datagrams.
void tst_RelayRewrite::udpDatagramsRewritten()
{
    QUdpSocket server;
    QVERIFY(server.bind(kLoopback, 0));
    UdpRelaySession relay;
    UdpRelaySession::Options o;
    o.address = kLoopback;
    o.upstreamHost = QStringLiteral("127.0.0.1");
    o.upstreamPort = server.localPort();
    relay.setOptions(o);
    relay.setBatchInterval(5);
    QVERIFY(relay.setRewriteRules(sampleRules()));
    relay.start();
    QTRY_VERIFY(relay.boundPort() != 0);
    RecordLog log(&relay);
    QUdpSocket client;
    QVERIFY(client.bind(kLoopback, 0));
    client.writeDatagram("temp=42", kLoopback, relay.boundPort());
    client.writeDatagram("secret", kLoopback, relay.boundPort());
    client.writeDatagram("plain", kLoopback, relay.boundPort());
    QList<QByteArray> got;
    QDeadlineTimer deadline(5000);
    while (got.size() < 2 && !deadline.hasExpired()) {
        if (!server.hasPendingDatagrams())
            QTest::qWait(5);
        while (server.hasPendingDatagrams())
            got << server.receiveDatagram().data();
    }
    QCOMPARE(got, (QList<QByteArray>{"temp=420", "plain"}));
    QTRY_VERIFY(firstWith(log, LogRecord::Kind::Rx, LogRecord::Dropped));
    QTest::qWait(50);
    QVERIFY(!server.hasPendingDatagrams()); // the secret never came
}

QTEST_GUILESS_MAIN(tst_RelayRewrite)
#include "tst_relayrewrite.moc"
