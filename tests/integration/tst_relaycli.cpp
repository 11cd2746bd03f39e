// The headless relay as other tools drive it (issue #14's pinned command line): the binary
// between python3 or Qt peers on 127.0.0.1, its C>S / S>C lines, report and exit codes.

#include "cliprocess.h"
#include "loopback.h"
#include "portholder.h"
#include "pythonpeer.h"
#include "reportfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkDatagram>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <memory>

using namespace sockscope::test;

namespace {

QStringList relayArgs(quint16 upstream, const QStringList &extra = {})
{
    return QStringList{QStringLiteral("--headless"),
                       QStringLiteral("--mode"),
                       QStringLiteral("relay"),
                       QStringLiteral("--bind"),
                       QStringLiteral("127.0.0.1"),
                       QStringLiteral("--port"),
                       QStringLiteral("0"),
                       QStringLiteral("--upstream"),
                       QStringLiteral("127.0.0.1:%1").arg(upstream)} +
           extra;
}

// The relay's port, from its first event line.
quint16 relayPort(CliProcess &cli)
{
    const QRegularExpressionMatch m = cli.waitForOutput(
        QRegularExpression(QStringLiteral(R"(Listening on 127\.0\.0\.1:(\d+); relaying to )")));
    return m.hasMatch() ? quint16(m.captured(1).toUInt()) : 0;
}

QString word(const QString &line, const QString &key)
{
    for (const QString &w : line.split(u' ')) {
        if (w.startsWith(key + u'='))
            return w.mid(key.size() + 1);
    }
    return {};
}

} // namespace

class tst_RelayCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void tcpRelayLinesAndReport();
    void framingPerDirection();
    void shapingFromCommandLine();
    void udpRelay();
    void rewriteRulesFromFile();
    void badRulesFileExits2_data();
    void badRulesFileExits2();
    void portInUseExits3();
    void badArguments_data();
    void badArguments();

private:
    QTemporaryDir m_dir;
};

// Two clients through the relay both ways; every byte shows once in its direction (hex lines,
// per client), the report has the pinned fields, and the counts agree with the peers.
void tst_RelayCli::tcpRelayLinesAndReport()
{
    const int bytes = 300000;
    PythonPeer server;
    server.start("relay_ends.py", {QStringLiteral("server"), QStringLiteral("exchange"),
                                   QString::number(bytes)});
    QTRY_VERIFY_WITH_TIMEOUT(!server.value(QStringLiteral("PORT")).isEmpty(), 10000);
    const quint16 up = server.value(QStringLiteral("PORT")).toUShort();
    const QString report = m_dir.filePath(QStringLiteral("relay.json"));
    CliProcess cli;
    QVERIFY(cli.start(relayArgs(up, {QStringLiteral("--encoding"), QStringLiteral("hex"),
                                     QStringLiteral("--report"), report})));
    const quint16 port = relayPort(cli);
    QVERIFY2(port, qPrintable(cli.diagnostics()));

    PythonPeer client;
    client.start("relay_ends.py", {QStringLiteral("client"), QStringLiteral("exchange"),
                                   QString::number(port), QString::number(bytes),
                                   QStringLiteral("2")});
    QTRY_VERIFY2_WITH_TIMEOUT(client.lines().contains(QStringLiteral("DONE")),
                              qPrintable(client.diagnostics()), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(cli.out().count(QStringLiteral("Client side closed")) == 2 &&
                                 cli.out().count(QStringLiteral("Server side closed")) == 2,
                             10000);
    QCOMPARE(cli.terminate(), 0);

    // Per client (the peer named on both directions' lines): what it sent, what it got.
    QHash<QString, QByteArray> c2s, s2c;
    for (const CliLine &l : cli.lines()) {
        QVERIFY2(l.dir != QLatin1String("??"), qPrintable(l.data));
        if (l.dir == QLatin1String("C>S") || l.dir == QLatin1String("S>C")) {
            QVERIFY(l.peer.startsWith(QLatin1String("127.0.0.1:")));
            QVERIFY2(l.peer != QStringLiteral("127.0.0.1:%1").arg(up), qPrintable(l.peer));
            const QByteArray data = QByteArray::fromHex(l.data.toLatin1());
            QCOMPARE(data.size(), l.count.toInt());
            (l.dir == QLatin1String("C>S") ? c2s : s2c)[l.peer] += data;
        }
    }
    QCOMPARE(c2s.size(), 2);
    QStringList sentByClients, gotByClients, fromLines, toLines;
    for (const QString &line : client.lines()) {
        if (line.startsWith(QLatin1String("CLIENT "))) {
            sentByClients << word(line, QStringLiteral("sent_sha"));
            gotByClients << word(line, QStringLiteral("sha"));
        }
    }
    for (const QString &peer : c2s.keys()) {
        fromLines << QString::fromLatin1(
            QCryptographicHash::hash(c2s[peer], QCryptographicHash::Sha256).toHex());
        toLines << QString::fromLatin1(
            QCryptographicHash::hash(s2c[peer], QCryptographicHash::Sha256).toHex());
    }
    sentByClients.sort();
    gotByClients.sort();
    fromLines.sort();
    toLines.sort();
    QCOMPARE(fromLines, sentByClients);
    QCOMPARE(toLines, gotByClients);

    const QJsonObject r = readReport(report);
    QCOMPARE(r.value(QStringLiteral("mode")).toString(), QStringLiteral("relay"));
    QCOMPARE(r.value(QStringLiteral("c2s_bytes_total")).toInteger(), 2 * bytes);
    QCOMPARE(r.value(QStringLiteral("s2c_bytes_total")).toInteger(), 2 * bytes);
    QVERIFY(r.value(QStringLiteral("peak_clients")).toInt() >= 1);
    QVERIFY(r.value(QStringLiteral("event_loop_lag_ms")).isObject());
    const QJsonArray connections = r.value(QStringLiteral("connections")).toArray();
    QCOMPARE(connections.size(), 2);
    for (const QJsonValue &v : connections) {
        const QJsonObject c = v.toObject();
        QVERIFY(c2s.contains(c.value(QStringLiteral("peer")).toString()));
        QCOMPARE(c.value(QStringLiteral("upstream")).toString(),
                 QStringLiteral("127.0.0.1:%1").arg(up));
        QCOMPARE(c.value(QStringLiteral("c2s_bytes")).toInteger(), bytes);
        QCOMPARE(c.value(QStringLiteral("s2c_bytes")).toInteger(), bytes);
        QVERIFY(!c.value(QStringLiteral("opened")).toString().isEmpty());
        QVERIFY(!c.value(QStringLiteral("closed")).toString().isEmpty());
        QCOMPARE(c.value(QStringLiteral("close_reason")).toString(),
                 QStringLiteral("peer-closed"));
    }
}

// --framing frames client→server, --s2c-framing server→client.
void tst_RelayCli::framingPerDirection()
{
    QTcpServer server;
    QVERIFY(server.listen(kLoopback, 0));
    CliProcess cli;
    QVERIFY(cli.start(relayArgs(server.serverPort(),
                                {QStringLiteral("--framing"), QStringLiteral("line"),
                                 QStringLiteral("--s2c-framing"), QStringLiteral("fixed:3")})));
    const quint16 port = relayPort(cli);
    QVERIFY2(port, qPrintable(cli.diagnostics()));
    QTcpSocket client;
    client.connectToHost(kLoopback, port);
    QVERIFY(client.waitForConnected(5000));
    QTRY_VERIFY(server.hasPendingConnections());
    std::unique_ptr<QTcpSocket> up(server.nextPendingConnection());
    client.write("one\ntwo\n");
    up->write("abcdef");
    QTRY_COMPARE(client.bytesAvailable(), 6);
    QTRY_COMPARE(cli.lines(QStringLiteral("S>C")).size(), 2);
    QTRY_COMPARE(cli.lines(QStringLiteral("C>S")).size(), 2);
    QCOMPARE(cli.lines(QStringLiteral("C>S")).at(1).data, QStringLiteral("two"));
    QCOMPARE(cli.lines(QStringLiteral("S>C")).at(1).data, QStringLiteral("def"));
    QCOMPARE(cli.terminate(), 0);
}

// --s2c-delay slows the server's answers only; --c2s-rate is accepted with it.
void tst_RelayCli::shapingFromCommandLine()
{
    QTcpServer server;
    QVERIFY(server.listen(kLoopback, 0));
    CliProcess cli;
    QVERIFY(cli.start(relayArgs(server.serverPort(),
                                {QStringLiteral("--s2c-delay"), QStringLiteral("1000"),
                                 QStringLiteral("--c2s-rate"), QStringLiteral("1000000")})));
    const quint16 port = relayPort(cli);
    QVERIFY2(port, qPrintable(cli.diagnostics()));
    QVERIFY2(cli.out().contains(QStringLiteral("Server→client: passed on 1000 ms late.")),
             qPrintable(cli.out()));
    QTcpSocket client;
    client.connectToHost(kLoopback, port);
    QVERIFY(client.waitForConnected(5000));
    QTRY_VERIFY(server.hasPendingConnections());
    std::unique_ptr<QTcpSocket> up(server.nextPendingConnection());
    QElapsedTimer clock;
    clock.start();
    client.write("ping");
    QTRY_COMPARE(up->bytesAvailable(), 4);
    QVERIFY(clock.elapsed() < 1000); // client→server is not delayed
    clock.restart();
    up->write("pong");
    QTRY_COMPARE_WITH_TIMEOUT(client.bytesAvailable(), 4, 5000);
    QVERIFY2(clock.elapsed() >= 980, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(cli.terminate(), 0);
}

void tst_RelayCli::udpRelay()
{
    QUdpSocket server;
    QVERIFY(server.bind(kLoopback, 0));
    const QString report = m_dir.filePath(QStringLiteral("udp-relay.json"));
    CliProcess cli;
    QVERIFY(cli.start(relayArgs(server.localPort(),
                                {QStringLiteral("--transport"), QStringLiteral("udp"),
                                 QStringLiteral("--report"), report})));
    const QRegularExpressionMatch m = cli.waitForOutput(
        QRegularExpression(QStringLiteral(R"(Bound to 127\.0\.0\.1:(\d+); relaying datagrams)")));
    QVERIFY2(m.hasMatch(), qPrintable(cli.diagnostics()));
    const quint16 port = quint16(m.captured(1).toUInt());
    QUdpSocket client;
    QVERIFY(client.bind(kLoopback, 0));
    client.writeDatagram("ping", kLoopback, port);
    QTRY_VERIFY(server.hasPendingDatagrams());
    const QNetworkDatagram d = server.receiveDatagram();
    QCOMPARE(d.data(), QByteArray("ping"));
    server.writeDatagram("pong!", d.senderAddress(), quint16(d.senderPort()));
    QTRY_VERIFY(client.hasPendingDatagrams());
    QCOMPARE(client.receiveDatagram().data(), QByteArray("pong!"));
    const QString me = QStringLiteral("127.0.0.1:%1").arg(client.localPort());
    QTRY_VERIFY(cli.out().contains(QStringLiteral(" S>C %1 5 pong!").arg(me)));
    QVERIFY2(cli.out().contains(QStringLiteral(" C>S %1 4 ping").arg(me)), qPrintable(cli.out()));
    QCOMPARE(cli.terminate(), 0);
    const QJsonObject r = readReport(report);
    QCOMPARE(r.value(QStringLiteral("mode")).toString(), QStringLiteral("relay"));
    QCOMPARE(r.value(QStringLiteral("c2s_bytes_total")).toInteger(), 4);
    QCOMPARE(r.value(QStringLiteral("s2c_bytes_total")).toInteger(), 5);
}

// --rules FILE for a relay: rewrite rules (issue #14): the server receives what the rules made
// of the client's lines, and the lines say which rule did what.
void tst_RelayCli::rewriteRulesFromFile()
{
    const QString rules = m_dir.filePath(QStringLiteral("rewrite.json"));
    QFile f(rules);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "sockscope-rewrite-rules", "version": 1, "rules": [
        {"name": "temp", "direction": "c2s", "match": "regex", "pattern": "^temp=(\\d+)$",
         "action": "replace", "replacement": "temp=${1}0"},
        {"name": "hush", "direction": "both", "match": "substring", "pattern": "secret",
         "action": "drop"}]})");
    f.close();
    QTcpServer server;
    QVERIFY(server.listen(kLoopback, 0));
    CliProcess cli;
    QVERIFY(cli.start(relayArgs(server.serverPort(),
                                {QStringLiteral("--framing"), QStringLiteral("line"),
                                 QStringLiteral("--rules"), rules})));
    const quint16 port = relayPort(cli);
    QVERIFY2(port, qPrintable(cli.diagnostics()));
    QTcpSocket client;
    client.connectToHost(kLoopback, port);
    QVERIFY(client.waitForConnected(5000));
    QTRY_VERIFY(server.hasPendingConnections());
    std::unique_ptr<QTcpSocket> up(server.nextPendingConnection());
    client.write("temp=25\nsecret\nkeep\n");
    QTRY_COMPARE(up->bytesAvailable(), 14);
    QCOMPARE(up->readAll(), QByteArray("temp=250\nkeep\n"));
    up->write("a secret\nok\n");
    QTRY_COMPARE(client.bytesAvailable(), 3);
    QCOMPARE(client.readAll(), QByteArray("ok\n"));

    QTRY_COMPARE(cli.lines(QStringLiteral("C>S")).size(), 4);
    const QList<CliLine> c2s = cli.lines(QStringLiteral("C>S"));
    QCOMPARE(c2s.at(0).data, QStringLiteral("temp=25 [rewritten: \"temp\"]"));
    QCOMPARE(c2s.at(1).data, QStringLiteral("temp=250\\n [replacement: \"temp\"]"));
    QCOMPARE(c2s.at(2).data, QStringLiteral("secret [dropped: \"hush\"]"));
    QCOMPARE(c2s.at(3).data, QStringLiteral("keep"));
    QTRY_COMPARE(cli.lines(QStringLiteral("S>C")).size(), 2);
    QCOMPARE(cli.lines(QStringLiteral("S>C")).at(0).data,
             QStringLiteral("a secret [dropped: \"hush\"]"));
    QCOMPARE(cli.terminate(), 0);
}

void tst_RelayCli::badRulesFileExits2_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("an auto-reply file")
        << QByteArray(R"({"format": "sockscope-auto-reply", "version": 1, "rules": []})")
        << QStringLiteral("not a rewrite rule file");
    QTest::newRow("no action")
        << QByteArray(R"({"format": "sockscope-rewrite-rules", "version": 1, "rules": [
               {"match": "substring", "pattern": "x"}]})")
        << QStringLiteral("Rule 1, action");
    QTest::newRow("unknown direction")
        << QByteArray(R"({"format": "sockscope-rewrite-rules", "version": 1, "rules": [
               {"match": "substring", "pattern": "x", "action": "drop", "direction": "up"}]})")
        << QStringLiteral("direction");
    QTest::newRow("replace without replacement")
        << QByteArray(R"({"format": "sockscope-rewrite-rules", "version": 1, "rules": [
               {"name": "r", "match": "substring", "pattern": "x", "action": "replace"}]})")
        << QStringLiteral("replacement");
    QTest::newRow("bad regex")
        << QByteArray(R"({"format": "sockscope-rewrite-rules", "version": 1, "rules": [
               {"match": "regex", "pattern": "(", "action": "drop"}]})")
        << QStringLiteral("pattern");
}

void tst_RelayCli::badRulesFileExits2()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    const QString rules = m_dir.filePath(QStringLiteral("bad-rewrite.json"));
    QFile f(rules);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(json);
    f.close();
    CliProcess cli;
    QVERIFY(cli.start(relayArgs(9, {QStringLiteral("--rules"), rules})));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 2);
    QVERIFY2(cli.err().contains(mentions), qPrintable(cli.err()));
    QVERIFY2(!cli.out().contains(QLatin1String("Listening")), qPrintable(cli.out()));
}

void tst_RelayCli::portInUseExits3()
{
    PortHolder holder;
    const quint16 port = holder.hold("tcp");
    QVERIFY2(port, qPrintable(holder.diagnostics()));
    CliProcess cli;
    QStringList args = relayArgs(9);
    args[args.indexOf(QStringLiteral("--port")) + 1] = QString::number(port);
    QVERIFY(cli.start(args));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 3);
    QVERIFY2(cli.err().contains(holder.pid()), qPrintable(cli.err()));
    QVERIFY2(cli.err().contains(QLatin1String("python3")), qPrintable(cli.err()));
}

void tst_RelayCli::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    const QStringList base{QStringLiteral("--headless"), QStringLiteral("--mode"),
                           QStringLiteral("relay"), QStringLiteral("--port"), QStringLiteral("0")};
    QTest::newRow("no upstream") << base << QStringLiteral("--upstream");
    QTest::newRow("upstream without port")
        << base + QStringList{QStringLiteral("--upstream"), QStringLiteral("127.0.0.1")}
        << QStringLiteral("host:port");
    QTest::newRow("unknown transport")
        << base + QStringList{QStringLiteral("--upstream"), QStringLiteral("127.0.0.1:9"),
                              QStringLiteral("--transport"), QStringLiteral("sctp")}
        << QStringLiteral("sctp");
    QTest::newRow("send with relay")
        << base + QStringList{QStringLiteral("--upstream"), QStringLiteral("127.0.0.1:9"),
                              QStringLiteral("--send"), QStringLiteral("x")}
        << QStringLiteral("--send");
    QTest::newRow("bad s2c framing")
        << base + QStringList{QStringLiteral("--upstream"), QStringLiteral("127.0.0.1:9"),
                              QStringLiteral("--s2c-framing"), QStringLiteral("fixed:0")}
        << QStringLiteral("--s2c-framing");
    QTest::newRow("delay not a number")
        << base + QStringList{QStringLiteral("--upstream"), QStringLiteral("127.0.0.1:9"),
                              QStringLiteral("--c2s-delay"), QStringLiteral("soon")}
        << QStringLiteral("--c2s-delay");
    QTest::newRow("zero rate")
        << base + QStringList{QStringLiteral("--upstream"), QStringLiteral("127.0.0.1:9"),
                              QStringLiteral("--s2c-rate"), QStringLiteral("0")}
        << QStringLiteral("--s2c-rate");
    QTest::newRow("delay on a server")
        << QStringList{QStringLiteral("--headless"), QStringLiteral("--mode"),
                       QStringLiteral("tcp-server"), QStringLiteral("--port"), QStringLiteral("0"),
                       QStringLiteral("--s2c-delay"), QStringLiteral("5")}
        << QStringLiteral("--s2c-delay");
    QTest::newRow("upstream without relay")
        << QStringList{QStringLiteral("--headless"), QStringLiteral("--mode"),
                       QStringLiteral("tcp-server"), QStringLiteral("--port"), QStringLiteral("0"),
                       QStringLiteral("--upstream"), QStringLiteral("127.0.0.1:9")}
        << QStringLiteral("--upstream");
}

void tst_RelayCli::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    CliProcess cli;
    QVERIFY(cli.start(args));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 2);
    QVERIFY2(cli.err().contains(mentions), qPrintable(cli.err()));
    QVERIFY2(!cli.out().contains(QLatin1String("Listening")), qPrintable(cli.out()));
}

QTEST_GUILESS_MAIN(tst_RelayCli)
#include "tst_relaycli.moc"
