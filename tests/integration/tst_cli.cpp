// The headless command line end to end: the real sockscope binary in a
// QProcess, real sockets on 127.0.0.1, its stdout lines, report and exit codes.
// As a server, its report and its arguments here; as a client, tst_cliclient.
#include "cliprocess.h"
#include "gbk.h"
#include "loopback.h"
#include "pythonpeer.h"
#include "reportfile.h"
#include "randombytes.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUdpSocket>

#include <sys/resource.h>

using namespace sockscope::test;

class tst_Cli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void gbkServerLineEcho_data();
    void gbkServerLineEcho();
    void reportAfterSigterm();
    void reportUnwritableAtTheEnd();
    void bulkTransferCountsExactly();
    void durationEndsTheRun();
    void longDurationRuns();
    void controlCharactersEscaped();
    void portInUseNamesTheOwner();

    void badArguments_data();
    void badArguments();
    void rulesFileReadIsCapped();
    void helpNamesTheCommand();

    void bindWildcardFamilies_data();
    void bindWildcardFamilies();

private:
    QTemporaryDir m_dir;
};

void tst_Cli::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(SOCKSCOPE_BINARY)));
    QVERIFY(m_dir.isValid());
}

// Exercise 1: a Python-style client sends GBK in two writes split inside a character.
void tst_Cli::gbkServerLineEcho_data()
{
    QTest::addColumn<QString>("framing");
    QTest::addColumn<int>("rxLines");
    QTest::newRow("line: one frame") << QStringLiteral("line") << 1;
    QTest::newRow("raw: two chunks, decoder carries the split character")
        << QStringLiteral("raw") << 2;
}

void tst_Cli::gbkServerLineEcho()
{
    QFETCH(QString, framing);
    QFETCH(int, rxLines);
    const QString text = QStringLiteral("你好服务端,我是客户端小黑!");
    const QByteArray message = qtGbk(text + QLatin1Char('\n'));
    QCOMPARE(message.size(), 27);

    CliProcess cli;
    const quint16 port =
        cli.startHeadlessServer({QStringLiteral("--encoding"), QStringLiteral("gbk"),
                          QStringLiteral("--framing"), framing, QStringLiteral("--echo")});
    QVERIFY2(port, qPrintable(cli.err()));

    QTcpSocket client;
    QByteArray echoed;
    connect(&client, &QTcpSocket::readyRead, this, [&] { echoed += client.readAll(); });
    client.connectToHost(kLoopback, port);
    QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
    // 3 bytes: "你" and the lead byte of "好".
    client.write(message.left(3));
    QTRY_COMPARE(client.bytesToWrite(), 0);
    QTRY_VERIFY(cli.out().contains(QLatin1String(" Connected")));
    QTest::qWait(150); // let the first chunk be read on its own
    client.write(message.mid(3));

    // The client gets its bytes back exactly, the "\n" line framing strips included.
    QTRY_COMPARE(echoed, message);
    QTRY_COMPARE(cli.lines(QStringLiteral("TX")).size(), rxLines);

    const QString peer = endpointOf(client);
    const QList<CliLine> rx = cli.lines(QStringLiteral("RX"));
    QCOMPARE(rx.size(), rxLines);
    QString shown;
    qsizetype bytes = 0;
    for (const CliLine &l : rx) {
        QCOMPARE(l.peer, peer);
        shown += l.data;
        bytes += l.count.toInt();
    }
    if (framing == QLatin1String("line")) {
        QCOMPARE(rx.first().count, QStringLiteral("26"));
        QCOMPARE(rx.first().data, text);
        const CliLine tx = cli.lines(QStringLiteral("TX")).first();
        QCOMPARE(tx.peer, peer);
        QCOMPARE(tx.count, QStringLiteral("27"));
        QCOMPARE(tx.data, text + QStringLiteral("\\n"));
    } else {
        QCOMPARE(rx.at(0).count, QStringLiteral("3"));
        QCOMPARE(rx.at(0).data, QStringLiteral("你")); // the lone lead byte waits for its partner
        QCOMPARE(bytes, 27);
        QCOMPARE(shown, text + QStringLiteral("\\n"));
    }
    // Every stdout line parses (the "**" events included).
    for (const CliLine &l : cli.lines())
        QVERIFY2(l.dir != QLatin1String("??"), qPrintable(l.data));

    QCOMPARE(cli.terminate(), 0);
}

void tst_Cli::reportAfterSigterm()
{
    const QString reportPath = m_dir.filePath(QStringLiteral("report-sigterm.json"));
    CliProcess cli;
    const quint16 port = cli.startHeadlessServer({QStringLiteral("--framing"), QStringLiteral("line"),
                                           QStringLiteral("--report"), reportPath});
    QVERIFY2(port, qPrintable(cli.err()));

    QTcpSocket leaver;
    QTcpSocket stayer;
    leaver.connectToHost(kLoopback, port);
    stayer.connectToHost(kLoopback, port);
    QTRY_COMPARE(leaver.state(), QAbstractSocket::ConnectedState);
    QTRY_COMPARE(stayer.state(), QAbstractSocket::ConnectedState);
    leaver.write("one\ntwo\n");  // 8 bytes, 2 frames
    stayer.write("three\nfour"); // 10 bytes, 1 frame and an unfinished one
    QTRY_COMPARE(leaver.bytesToWrite(), 0);
    QTRY_COMPARE(stayer.bytesToWrite(), 0);
    QTRY_COMPARE(cli.lines(QStringLiteral("RX")).size(), 3);
    const QString leaverPeer = endpointOf(leaver);
    const QString stayerPeer = endpointOf(stayer);
    leaver.disconnectFromHost();
    QTRY_VERIFY(cli.out().contains(QStringLiteral(" ** %1 - Disconnected").arg(leaverPeer)));

    QCOMPARE(cli.terminate(), 0);
    // The unfinished frame is still shown when the run ends.
    QVERIFY2(cli.out().contains(QStringLiteral("four")), qPrintable(cli.out()));

    const QJsonObject report = readReport(reportPath);
    QVERIFY2(!report.isEmpty(), "no report written");
    QCOMPARE(report.value(QStringLiteral("mode")).toString(), QStringLiteral("tcp-server"));
    QCOMPARE(report.value(QStringLiteral("exit_code")).toInt(-1), 0);
    QCOMPARE(report.value(QStringLiteral("rx_bytes_total")).toInteger(), 18);
    QCOMPARE(report.value(QStringLiteral("tx_bytes_total")).toInteger(), 0);
    QVERIFY(report.value(QStringLiteral("rx_frames_total")).toInteger() >= 3);
    QCOMPARE(report.value(QStringLiteral("peak_clients")).toInt(), 2);
    const QJsonObject lag = report.value(QStringLiteral("event_loop_lag_ms")).toObject();
    for (const char *key : {"p50", "p99", "max", "samples"})
        QVERIFY2(lag.contains(QLatin1String(key)), key);
    QVERIFY(lag.value(QStringLiteral("samples")).toInteger() > 0);

    const QJsonArray connections = report.value(QStringLiteral("connections")).toArray();
    QCOMPARE(connections.size(), 2);
    QHash<QString, QJsonObject> byPeer;
    for (const QJsonValue &v : connections)
        byPeer.insert(v.toObject().value(QStringLiteral("peer")).toString(), v.toObject());
    QVERIFY2(byPeer.contains(leaverPeer) && byPeer.contains(stayerPeer),
             QJsonDocument(connections).toJson().constData());

    const QJsonObject left = byPeer.value(leaverPeer);
    QCOMPARE(left.value(QStringLiteral("rx_bytes")).toInteger(), 8);
    QCOMPARE(left.value(QStringLiteral("rx_frames")).toInteger(), 2);
    QCOMPARE(left.value(QStringLiteral("tx_bytes")).toInteger(), 0);
    QCOMPARE(left.value(QStringLiteral("tx_messages")).toInteger(), 0);
    QCOMPARE(left.value(QStringLiteral("close_reason")).toString(), QStringLiteral("peer-closed"));
    const QJsonObject stayed = byPeer.value(stayerPeer);
    QCOMPARE(stayed.value(QStringLiteral("rx_bytes")).toInteger(), 10);
    QCOMPARE(stayed.value(QStringLiteral("close_reason")).toString(),
             QStringLiteral("local-close"));
    for (const QJsonObject &c : {left, stayed}) {
        const QDateTime opened =
            QDateTime::fromString(c.value(QStringLiteral("opened")).toString(), Qt::ISODateWithMs);
        const QDateTime closed =
            QDateTime::fromString(c.value(QStringLiteral("closed")).toString(), Qt::ISODateWithMs);
        QVERIFY(opened.isValid());
        QVERIFY(closed.isValid());
        QVERIFY(opened <= closed);
    }
}

// Writable at the start, not at the end (its folder was removed): the run says so and does
// not exit 0.
void tst_Cli::reportUnwritableAtTheEnd()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("reports"));
    QVERIFY(QDir().mkpath(folder));
    const QString reportPath = folder + QStringLiteral("/r.json");
    CliProcess cli;
    const quint16 port = cli.startHeadlessServer({QStringLiteral("--report"), reportPath});
    QVERIFY2(port, qPrintable(cli.err()));
    QVERIFY(QDir(folder).removeRecursively());
    QCOMPARE(cli.terminate(), 2);
    QVERIFY2(cli.err().contains(QLatin1String("Cannot write the report")), qPrintable(cli.err()));
    QVERIFY2(cli.err().contains(reportPath), qPrintable(cli.err()));
}

// 10 MiB through a server that echoes; stdout (hex) is discarded.
void tst_Cli::bulkTransferCountsExactly()
{
    const qsizetype size = 10 * 1024 * 1024;
    const QByteArray payload = randomBytes(size, 20241125);
    const QString reportPath = m_dir.filePath(QStringLiteral("report-bulk.json"));
    const quint16 port = freeTcpPort();
    QVERIFY(port);

    CliProcess cli;
    cli.process().setStandardOutputFile(QProcess::nullDevice());
    QVERIFY(cli.start({QStringLiteral("--headless"), QStringLiteral("--mode"),
                       QStringLiteral("tcp-server"), QStringLiteral("--bind"),
                       QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QString::number(port),
                       QStringLiteral("--encoding"), QStringLiteral("hex"),
                       QStringLiteral("--echo"), QStringLiteral("--report"), reportPath}));

    QTcpSocket client;
    QCryptographicHash echoedHash(QCryptographicHash::Sha256);
    qint64 echoed = 0;
    connect(&client, &QTcpSocket::readyRead, this, [&] {
        const QByteArray chunk = client.readAll();
        echoed += chunk.size();
        echoedHash.addData(chunk);
    });
    // The server may need a moment to listen.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            if (client.state() == QAbstractSocket::UnconnectedState)
                client.connectToHost(kLoopback, port);
            return client.state() == QAbstractSocket::ConnectedState;
        }(),
        5000);
    const QString peer = endpointOf(client);
    QElapsedTimer timer;
    timer.start();
    client.write(payload);
    // All echoed back means the server has read every byte.
    QTRY_VERIFY_WITH_TIMEOUT(echoed >= size, 15000);
    QCOMPARE(echoed, size);
    QCOMPARE(echoedHash.result(), QCryptographicHash::hash(payload, QCryptographicHash::Sha256));
    qInfo("10 MiB round trip in %lld ms", qlonglong(timer.elapsed()));

    QCOMPARE(cli.terminate(), 0);
    const QJsonObject report = readReport(reportPath);
    QVERIFY2(!report.isEmpty(), qPrintable(cli.err()));
    QCOMPARE(report.value(QStringLiteral("rx_bytes_total")).toInteger(), size);
    QCOMPARE(report.value(QStringLiteral("tx_bytes_total")).toInteger(), size);
    const QJsonArray connections = report.value(QStringLiteral("connections")).toArray();
    QCOMPARE(connections.size(), 1);
    const QJsonObject c = connections.first().toObject();
    QCOMPARE(c.value(QStringLiteral("peer")).toString(), peer);
    QCOMPARE(c.value(QStringLiteral("rx_bytes")).toInteger(), size);
    QCOMPARE(c.value(QStringLiteral("tx_bytes")).toInteger(), size);
    QCOMPARE(c.value(QStringLiteral("close_reason")).toString(), QStringLiteral("local-close"));
    QCOMPARE(report.value(QStringLiteral("exit_code")).toInt(-1), 0);
}

void tst_Cli::durationEndsTheRun()
{
    const QString reportPath = m_dir.filePath(QStringLiteral("report-duration.json"));
    QElapsedTimer timer;
    timer.start();
    CliProcess cli;
    const quint16 port = cli.startHeadlessServer({QStringLiteral("--duration"), QStringLiteral("0.6"),
                                           QStringLiteral("--report"), reportPath});
    QVERIFY2(port, qPrintable(cli.err()));
    QVERIFY(cli.waitForExit(5000));
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(timer.elapsed() >= 550, QByteArray::number(timer.elapsed()).constData());
    QVERIFY(cli.out().contains(QLatin1String("Stopped listening")));
    const QJsonObject report = readReport(reportPath);
    QCOMPARE(report.value(QStringLiteral("exit_code")).toInt(-1), 0);
    QCOMPARE(report.value(QStringLiteral("connections")).toArray().size(), 0);
    QCOMPARE(report.value(QStringLiteral("rx_bytes_total")).toInteger(-1), 0);
    QCOMPARE(report.value(QStringLiteral("peak_clients")).toInt(-1), 0);
}

// 3,000,000 s is about 35 days: more milliseconds than an int (QTimer) holds. It must
// neither end at once nor overflow into a negative timer that never fires.
void tst_Cli::longDurationRuns()
{
    CliProcess cli;
    const quint16 port =
        cli.startHeadlessServer({QStringLiteral("--duration"), QStringLiteral("3000000")});
    QVERIFY2(port, qPrintable(cli.err()));
    QTest::qWait(300);
    QCOMPARE(cli.process().state(), QProcess::Running);
    QCOMPARE(cli.terminate(), 0);
    QVERIFY2(cli.err().isEmpty(), qPrintable(cli.err()));
}

void tst_Cli::controlCharactersEscaped()
{
    // An ANSI colour sequence, CR LF, tab, BEL, NUL, DEL, a backslash.
    const QByteArray data("\x1b[31mred\x1b[0m\r\n\tbell\x07nul", 23);
    QByteArray full = data;
    full += QByteArray("\0\x7f\\end", 6);
    CliProcess cli;
    const quint16 port = cli.startHeadlessServer(
        {QStringLiteral("--framing"), QStringLiteral("fixed:%1").arg(full.size())});
    QVERIFY2(port, qPrintable(cli.err()));
    QTcpSocket client;
    client.connectToHost(kLoopback, port);
    QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
    client.write(full);
    QTRY_COMPARE(cli.lines(QStringLiteral("RX")).size(), 1);
    const CliLine rx = cli.lines(QStringLiteral("RX")).first();
    QCOMPARE(rx.count, QString::number(full.size()));
    QCOMPARE(rx.data, QStringLiteral(R"(\x1B[31mred\x1B[0m\r\n\tbell\x07nul\0\x7F\\end)"));
    QCOMPARE(cli.terminate(), 0);

    const QByteArray raw = cli.rawOut();
    for (char c : {'\x1b', '\x07', '\0', '\r', '\x7f'})
        QVERIFY2(!raw.contains(c), QByteArray::number(int(c)).constData());
    // One record, one line: every line of stdout is a well-formed record.
    for (const CliLine &l : cli.lines())
        QVERIFY2(l.dir != QLatin1String("??"), qPrintable(l.data));
}

// Exercise 8: the port is held by another program; the error names it.
void tst_Cli::portInUseNamesTheOwner()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed: no other program to hold the port");
    QProcess holder;
    holder.start(QStringLiteral("python3"), {peerScript("cli_port_holder.py")});
    QVERIFY2(holder.waitForStarted(5000), qPrintable(holder.errorString()));
    QTRY_VERIFY(holder.canReadLine());
    const QByteArray first = holder.readLine().trimmed();
    QVERIFY2(first.startsWith("PORT "), first.constData());
    const quint16 port = quint16(first.mid(5).toUInt());
    QVERIFY(port);

    CliProcess cli;
    QVERIFY(
        cli.start({QStringLiteral("--headless"), QStringLiteral("--mode"),
                   QStringLiteral("tcp-server"), QStringLiteral("--bind"),
                   QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QString::number(port)}));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 3);
    QVERIFY2(cli.err().contains(QLatin1String("python3")), qPrintable(cli.err()));
    QVERIFY2(cli.err().contains(QString::number(holder.processId())), qPrintable(cli.err()));
    QVERIFY2(cli.err().contains(QString::number(port)), qPrintable(cli.err()));

    holder.closeWriteChannel();
    QVERIFY(holder.waitForFinished(5000));
}

void tst_Cli::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    const QStringList server{QStringLiteral("--headless"), QStringLiteral("--mode"),
                             QStringLiteral("tcp-server"), QStringLiteral("--port"),
                             QStringLiteral("0")};
    const QStringList client = headlessClientArgs(9);

    QTest::newRow("unknown mode") << QStringList{QStringLiteral("--headless"),
                                                 QStringLiteral("--mode"), QStringLiteral("tcp"),
                                                 QStringLiteral("--port"), QStringLiteral("0")}
                                  << QStringLiteral("--mode");
    QTest::newRow("no mode") << QStringList{QStringLiteral("--headless")}
                             << QStringLiteral("--mode");
    QTest::newRow("bad framing") << server + QStringList{QStringLiteral("--framing"),
                                                         QStringLiteral("len:3")}
                                 << QStringLiteral("--framing");
    QTest::newRow("bad port") << QStringList{QStringLiteral("--headless"), QStringLiteral("--mode"),
                                             QStringLiteral("tcp-server"), QStringLiteral("--port"),
                                             QStringLiteral("99999")}
                              << QStringLiteral("--port");
    QTest::newRow("--send and --send-hex")
        << client + QStringList{QStringLiteral("--send"), QStringLiteral("a"),
                                QStringLiteral("--send-hex"), QStringLiteral("61")}
        << QStringLiteral("--send-hex");
    QTest::newRow("--count 0 (forever) without --interval")
        << client + QStringList{QStringLiteral("--send"), QStringLiteral("a"),
                                QStringLiteral("--count"), QStringLiteral("0")}
        << QStringLiteral("--interval");
    for (const char *duration : {"nan", "inf", "-inf", "-1", "0", "1e10", "1e400", " 5", "5s"})
        QTest::addRow("--duration %s", duration)
            << server + QStringList{QStringLiteral("--duration"), QLatin1String(duration)}
            << QStringLiteral("--duration");
    QTest::newRow("--report in a missing folder")
        << server + QStringList{QStringLiteral("--report"), QStringLiteral("/nonexistent/r.json")}
        << QStringLiteral("/nonexistent/r.json");
    QTest::newRow("--report to a folder")
        << server + QStringList{QStringLiteral("--report"), QDir::tempPath()} << QDir::tempPath();
    QTest::newRow("--report \"\"") << server + QStringList{QStringLiteral("--report"), QString()}
                                   << QStringLiteral("--report");
    QTest::newRow("--rules \"\"") << server + QStringList{QStringLiteral("--rules"), QString()}
                                  << QStringLiteral("--rules");
    QTest::newRow("--rules /dev/zero")
        << server + QStringList{QStringLiteral("--rules"), QStringLiteral("/dev/zero")}
        << QStringLiteral("not a regular file");
    // Options that do not apply are refused, naming them (#12 9).
    const QStringList udp{QStringLiteral("--headless"), QStringLiteral("--mode"),
                          QStringLiteral("udp"),        QStringLiteral("--port"),
                          QStringLiteral("0"),          QStringLiteral("--remote"),
                          QStringLiteral("127.0.0.1:9")};
    const auto row = [](const char *name, const QStringList &args, const char *mentions) {
        QTest::newRow(name) << args << QString::fromLatin1(mentions);
    };
    const auto L = [](std::initializer_list<const char *> items) {
        QStringList list;
        for (const char *i : items)
            list << QString::fromLatin1(i);
        return list;
    };
    row("--mode twice", L({"--headless", "--mode", "tcp-server", "--mode", "udp", "--port", "0"}),
        "--mode");
    row("--port twice", server + L({"--port", "1"}), "--port");
    row("len:2:be:le", server + L({"--framing", "len:2:be:le"}), "byte order");
    row("fixed:16:max=4", server + L({"--framing", "fixed:16:max=4"}), "maximum frame size");
    row("--send on tcp-server", server + L({"--send", "x"}), "--send");
    row("--send-hex on tcp-server", server + L({"--send-hex", "61"}), "--send-hex");
    row("--send-file on tcp-server", server + L({"--send-file", "/etc/hostname"}), "--send-file");
    row("--host on tcp-server", server + L({"--host", "127.0.0.1"}), "--host");
    row("--remote on tcp-server", server + L({"--remote", "127.0.0.1:9"}), "--remote");
    row("--reconnect on tcp-server", server + L({"--reconnect"}), "--reconnect");
    row("--join on tcp-server", server + L({"--join", "239.1.2.3"}), "--join");
    row("--broadcast on tcp-server", server + L({"--broadcast"}), "--broadcast");
    row("--remote on tcp-client", client + L({"--remote", "127.0.0.1:9"}), "--remote");
    row("--max-clients on udp", udp + L({"--max-clients", "3"}), "--max-clients");
    row("--host on udp", udp + L({"--host", "127.0.0.1"}), "--host");
    row("--checksum with --send-file",
        client + L({"--send-file", "/etc/hostname", "--checksum", "crc16-modbus"}), "--checksum");
    row("--escapes with --send-hex", client + L({"--send-hex", "61", "--escapes"}), "--escapes");
    row("--interval without a message", client + L({"--interval", "100"}), "--interval");
    row("--count without a message", client + L({"--count", "3"}), "--count");
    row("--send without --headless",
        L({"--mode", "tcp-client", "--host", "127.0.0.1", "--port", "9", "--send", "x"}), "--send");
    // Ports are digits only (#12 10); what cannot work is refused while parsing.
    row("--port \" 0\"", L({"--headless", "--mode", "tcp-server", "--port", " 0"}), "--port");
    row("--port +0", L({"--headless", "--mode", "tcp-server", "--port", "+0"}), "--port");
    row("--port 0x50", L({"--headless", "--mode", "tcp-server", "--port", "0x50"}), "--port");
    row("--remote port +9",
        L({"--headless", "--mode", "udp", "--port", "0", "--remote", "127.0.0.1:+9", "--send",
           "x"}),
        "--remote");
    row("--local-port \" 1\"", client + L({"--local-port", " 1"}), "--local-port");
    row("IPv4 --remote from an IPv6 --bind",
        L({"--headless", "--mode", "udp", "--bind", "::1", "--port", "0", "--remote", "127.0.0.1:9",
           "--send", "x"}),
        "--remote");
    QTest::newRow("unknown option")
        << server + QStringList{QStringLiteral("--colour")} << QStringLiteral("colour");
    // Found by the runner before any socket is opened.
    QTest::newRow("bad hex payload")
        << client + QStringList{QStringLiteral("--send-hex"), QStringLiteral("4G")}
        << QStringLiteral("message");
    QTest::newRow("missing rules file")
        << server + QStringList{QStringLiteral("--rules"), QStringLiteral("/nonexistent/r.json")}
        << QStringLiteral("/nonexistent/r.json");
}

void tst_Cli::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    CliProcess cli;
    QVERIFY(cli.start(args));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 2);
    QVERIFY2(cli.err().contains(mentions, Qt::CaseInsensitive), qPrintable(cli.err()));
    QVERIFY2(cli.err().startsWith(QLatin1String("sockscope: ")), qPrintable(cli.err()));
    // Nothing was started, so nothing was logged.
    QVERIFY2(cli.lines(QStringLiteral("TX")).isEmpty() &&
                 !cli.out().contains(QLatin1String("Listening")),
             qPrintable(cli.out()));
}

// A 1 GiB rules file (sparse: it takes no room) is refused after reading 64 MiB and a byte,
// as the window does, not after loading all of it. Outside sanitizer builds (whose shadow
// memory needs the address space) the child's address space is limited to show it.
void tst_Cli::rulesFileReadIsCapped()
{
    const QString path = m_dir.filePath(QStringLiteral("huge-rules.json"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(qint64(1) << 30));
    }
    CliProcess cli;
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    cli.process().setChildProcessModifier([] {
        const rlimit limit{512u << 20, 512u << 20};
        ::setrlimit(RLIMIT_AS, &limit);
    });
#endif
    QVERIFY(cli.start({QStringLiteral("--headless"), QStringLiteral("--mode"),
                       QStringLiteral("tcp-server"), QStringLiteral("--port"), QStringLiteral("0"),
                       QStringLiteral("--rules"), path}));
    QVERIFY(cli.waitForExit(10000));
    QCOMPARE(cli.exitCode(), 2);
    QVERIFY2(cli.err().contains(QLatin1String("larger than 64 MiB")), qPrintable(cli.err()));
    QVERIFY(!cli.out().contains(QLatin1String("Listening")));
    QFile::remove(path);
}

void tst_Cli::helpNamesTheCommand()
{
    CliProcess cli;
    QVERIFY(cli.start({QStringLiteral("--help")}));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    const QStringList lines = cli.out().split(QLatin1Char('\n'));
    QCOMPARE(lines.first(), QStringLiteral("Usage: sockscope [options]"));
    QVERIFY2(!cli.out().contains(QLatin1String("executable_name")), qPrintable(cli.out()));
    for (const char *option : {"--headless", "--mode <mode>", "--count <n>", "--send-file <path>"})
        QVERIFY2(cli.out().contains(QLatin1String(option)), option);
    QVERIFY(cli.err().isEmpty());

    CliProcess version;
    QVERIFY(version.start({QStringLiteral("--version")}));
    QVERIFY(version.waitForExit());
    QCOMPARE(version.exitCode(), 0);
    QCOMPARE(version.out(), QStringLiteral("SockScope " SOCKSCOPE_VERSION "\n"));
}

// --bind :: listens on both families, --bind [::] on IPv6 only, and the state line says
// which. (The wildcard is bound; the clients stay on loopback.)
void tst_Cli::bindWildcardFamilies_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("bind");
    QTest::addColumn<bool>("v4");
    QTest::addColumn<QString>("families"); // after "[::]:PORT"
    QTest::newRow("tcp ::") << QStringLiteral("tcp-server") << QStringLiteral("::") << true
                            << QStringLiteral(", IPv6 and IPv4");
    QTest::newRow("tcp [::]") << QStringLiteral("tcp-server") << QStringLiteral("[::]") << false
                              << QStringLiteral(", IPv6 only");
    QTest::newRow("udp ::") << QStringLiteral("udp") << QStringLiteral("::") << true
                            << QStringLiteral(", IPv6 and IPv4");
    QTest::newRow("udp [::]") << QStringLiteral("udp") << QStringLiteral("[::]") << false
                              << QStringLiteral(", IPv6 only");
}

void tst_Cli::bindWildcardFamilies()
{
    QFETCH(QString, mode);
    QFETCH(QString, bind);
    QFETCH(bool, v4);
    QFETCH(QString, families);
    const QHostAddress loopback6(QHostAddress::LocalHostIPv6);
    {
        QUdpSocket probe;
        if (!probe.bind(loopback6, 0))
            QSKIP("IPv6 loopback is not available here");
    }
    const bool tcp = mode == QStringLiteral("tcp-server");
    CliProcess cli;
    QVERIFY(
        cli.start({QStringLiteral("--headless"), QStringLiteral("--mode"), mode,
                   QStringLiteral("--bind"), bind, QStringLiteral("--port"), QStringLiteral("0")}));
    const QRegularExpressionMatch state = cli.waitForOutput(
        QRegularExpression((tcp ? QStringLiteral("Listening on ") : QStringLiteral("Bound to ")) +
                           QStringLiteral(R"((\[::\]|0\.0\.0\.0):(\d+)([^\n(]*))")));
    QVERIFY2(state.hasMatch(), qPrintable(cli.out() + cli.err()));
    const quint16 port = quint16(state.captured(2).toUInt());

    if (tcp) {
        QTcpSocket six, four;
        six.connectToHost(loopback6, port);
        QTRY_COMPARE(six.state(), QAbstractSocket::ConnectedState);
        four.connectToHost(kLoopback, port);
        if (v4)
            QTRY_COMPARE(four.state(), QAbstractSocket::ConnectedState);
        else
            QTRY_COMPARE(four.error(), QAbstractSocket::ConnectionRefusedError);
    } else {
        QUdpSocket four, six;
        QVERIFY(four.bind(kLoopback, 0));
        QVERIFY(six.bind(loopback6, 0));
        // In this order to one socket: once "six" is printed, "four" was too, or never will be.
        four.writeDatagram("four", kLoopback, port);
        six.writeDatagram("six", loopback6, port);
        QTRY_VERIFY(cli.out().contains(QStringLiteral(" six")));
        QStringList got;
        for (const CliLine &l : cli.lines(QStringLiteral("RX")))
            got.append(l.data);
        const QStringList expected = v4 ? QStringList{QStringLiteral("four"), QStringLiteral("six")}
                                        : QStringList{QStringLiteral("six")};
        QCOMPARE(got, expected);
    }
    // What the state line says.
    QCOMPARE(state.captured(1), QStringLiteral("[::]"));
    QCOMPARE(state.captured(3).trimmed(), families.trimmed());
    QCOMPARE(cli.terminate(), 0);
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
