// The classic GBK exercise with echo, one byte per write: every place that shows the text
// (the headless output, and the per-record rendering the window's log, exports and recording
// use) must read the greeting whole, however reads, batches, echoes and the peer's close fall.
// Each case runs several clients in a row, since the timing differs from run to run.
#include "core/codec/textcodec.h"
#include "core/transport/tcpserversession.h"

#include "appprocess.h"
#include "echoreplier.h"
#include "gbk.h"
#include "loopback.h"
#include "recordlog.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace sockscope;
using namespace sockscope::test;
using namespace Qt::StringLiterals;

namespace {

const QString kGreeting = QStringLiteral("你好服务端,我是客户端小黑!");
constexpr int kRuns = 3;

// How the client paces its bytes: gapMs between writes; after byte pauseAfter (-1: never) it
// waits pauseMs instead; after the last byte it waits closeAfterMs, then closes.
struct Pace
{
    int gapMs = 10;
    int pauseAfter = -1;
    int pauseMs = 0;
    int closeAfterMs = 0;
};

} // namespace

Q_DECLARE_METATYPE(Pace)

namespace {

void addPaces()
{
    QTest::addColumn<Pace>("pace");
    const QByteArray bytes = gbk(kGreeting);
    // 黑 is the last character: BA DA, then '!'.
    const int hei = int(bytes.indexOf(gbk(QStringLiteral("黑"))));
    QTest::newRow("10 ms apart, close at once") << Pace{10, -1, 0, 0};
    // The batch holding BA goes out alone; DA and '!' arrive with the close.
    QTest::newRow("lead byte shown alone, the rest with the close") << Pace{10, hei, 150, 0};
}

// One client: connects, sends the greeting byte by byte (TCP_NODELAY), closes. Returns its
// local port; 0 when it could not connect.
quint16 runClient(quint16 serverPort, const Pace &pace)
{
    QTcpSocket client;
    client.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    client.connectToHost(kLoopback, serverPort);
    if (!client.waitForConnected(5000))
        return 0;
    const QByteArray bytes = gbk(kGreeting);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        client.write(bytes.mid(i, 1));
        client.flush();
        const bool last = i + 1 == bytes.size();
        QTest::qWait(last ? pace.closeAfterMs : i == pace.pauseAfter ? pace.pauseMs : pace.gapMs);
    }
    const quint16 port = client.localPort();
    client.close();
    return port;
}

// Everything the per-record rendering shows for one peer and direction, checked record by
// record against one stream decoder fed the same records; at the end, what that decoder
// still held (shown as \xNN).
QString renderRecords(const LogRecords &records)
{
    StreamDecoder stream(Encoding::Gbk, InvalidBytes::Visible);
    QString joined;
    for (const LogRecord &r : records) {
        const QString shown =
            decodeRecord(r.carryGbk, r.bytes, Encoding::Gbk, InvalidBytes::Visible);
        if (shown != stream.decode(r.bytes))
            return QStringLiteral("record %1 differs from the stream")
                .arg(QString::fromLatin1(r.bytes.toHex()));
        joined += shown;
    }
    return joined + stream.finish();
}

} // namespace

class tst_GbkStream : public QObject
{
    Q_OBJECT

private slots:
    void headlessEchoByteAtATime_data() { addPaces(); }
    void headlessEchoByteAtATime();
    void sessionRecordsByteAtATime_data() { addPaces(); }
    void sessionRecordsByteAtATime();
};

// `sockscope --headless --mode tcp-server --encoding gbk --echo`: the RX and TX rows of each
// client read the greeting.
void tst_GbkStream::headlessEchoByteAtATime()
{
    QFETCH(Pace, pace);
    AppProcess cli;
    const quint16 serverPort = cli.startHeadlessServer(
        {QStringLiteral("--encoding"), QStringLiteral("gbk"), QStringLiteral("--echo")});
    QVERIFY2(serverPort != 0, qPrintable(cli.diagnostics()));

    for (int run = 0; run < kRuns; ++run) {
        const quint16 port = runClient(serverPort, pace);
        QVERIFY(port != 0);
        const QString peer = QStringLiteral("127.0.0.1:%1").arg(port);
        const QString closed = QStringLiteral(" ** %1 - Disconnected").arg(peer);
        QTRY_VERIFY_WITH_TIMEOUT(cli.out().contains(closed), 10000);

        // "TIME RX|TX PEER COUNT TEXT", one line per record.
        const QRegularExpression row(
            QStringLiteral(R"(^\S+ (RX|TX) %1 (\d+) (.*)$)").arg(QRegularExpression::escape(peer)),
            QRegularExpression::MultilineOption);
        QString rx, tx;
        qint64 rxBytes = 0;
        for (auto it = row.globalMatch(cli.out()); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            if (m.captured(1) == u"RX") {
                rx += m.captured(3);
                rxBytes += m.captured(2).toLongLong();
            } else {
                tx += m.captured(3);
            }
        }
        QCOMPARE(rxBytes, gbk(kGreeting).size());
        QVERIFY2(rx == kGreeting,
                 qPrintable(QStringLiteral("run %1: RX read %2").arg(run).arg(rx)));
        // The echo of the last bytes is dropped when the peer has already gone.
        QVERIFY2(kGreeting.startsWith(tx) && tx.size() >= kGreeting.size() - 2,
                 qPrintable(QStringLiteral("run %1: TX read %2").arg(run).arg(tx)));
    }
}

// The same in-process: the records a session hands to the window (with their carry-in),
// rendered one by one, read the greeting for both directions; the echo's records and the
// close do not disturb the received ones.
void tst_GbkStream::sessionRecordsByteAtATime()
{
    QFETCH(Pace, pace);
    const auto echo = makeEchoReplier();
    QVERIFY(echo);
    TcpServerSession server;
    TcpServerSession::Options o;
    o.address = kLoopback;
    o.port = 0;
    server.setOptions(o);
    server.setAutoReplier(echo.get());
    RecordLog log(&server);
    server.start();
    QCOMPARE(server.state(), Session::State::Active);

    for (int run = 0; run < kRuns; ++run) {
        const quint16 port = runClient(server.serverPort(), pace);
        QVERIFY(port != 0);
        quint32 id = 0;
        for (quint32 candidate : server.peerIds())
            if (server.peer(candidate)->port == port)
                id = candidate;
        QVERIFY(id != 0);
        QTRY_VERIFY_WITH_TIMEOUT(!server.peer(id)->isOpen(), 10000);
        server.flushRecords();
        QCOMPARE(renderRecords(log.of(id, LogRecord::Kind::Rx)), kGreeting);
        // The echo of the last bytes is dropped when the peer has already gone; a character
        // whose second byte was not echoed shows as its first byte.
        const QString tx = renderRecords(log.of(id, LogRecord::Kind::Tx));
        const QString txWhole = tx.endsWith(u"\\xBA"_s) ? tx.chopped(4) : tx;
        QVERIFY2(kGreeting.startsWith(txWhole) && txWhole.size() >= kGreeting.size() - 2,
                 qPrintable(tx));
    }
}

QTEST_GUILESS_MAIN(tst_GbkStream)
#include "tst_gbkstream.moc"
