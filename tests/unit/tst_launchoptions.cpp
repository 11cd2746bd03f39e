// parseLaunchOptions(): valid command lines give typed fields, invalid ones an
// error naming the offending option, --help/--version their texts.
#include "cli/launchoptions.h"

#include <QTest>

#include <functional>

using namespace sockscope;

namespace {

QStringList argv(std::initializer_list<const char *> args)
{
    QStringList list{QStringLiteral("sockscope")};
    for (const char *a : args)
        list.append(QString::fromUtf8(a));
    return list;
}

// One field of LaunchOptions by name, so a table row lists only what it cares about.
QVariant field(const LaunchOptions &o, const QString &name)
{
    static const QHash<QString, std::function<QVariant(const LaunchOptions &)>> fields{
        {QStringLiteral("headless"), [](const LaunchOptions &o) { return QVariant(o.headless); }},
        {QStringLiteral("start"), [](const LaunchOptions &o) { return QVariant(o.startNow); }},
        {QStringLiteral("modeGiven"), [](const LaunchOptions &o) { return QVariant(o.modeGiven); }},
        {QStringLiteral("mode"),
         [](const LaunchOptions &o) { return QVariant(Session::modeName(o.mode)); }},
        {QStringLiteral("bind"),
         [](const LaunchOptions &o) {
             return QVariant(o.bindGiven ? o.bind.toString() : QStringLiteral("<none>"));
         }},
        {QStringLiteral("port"), [](const LaunchOptions &o) { return QVariant(int(o.port)); }},
        {QStringLiteral("portGiven"), [](const LaunchOptions &o) { return QVariant(o.portGiven); }},
        {QStringLiteral("host"), [](const LaunchOptions &o) { return QVariant(o.host); }},
        {QStringLiteral("localPort"),
         [](const LaunchOptions &o) { return QVariant(int(o.localPort)); }},
        {QStringLiteral("timeout"),
         [](const LaunchOptions &o) { return QVariant(o.connectTimeoutMs); }},
        {QStringLiteral("reconnect"), [](const LaunchOptions &o) { return QVariant(o.reconnect); }},
        {QStringLiteral("remoteHost"),
         [](const LaunchOptions &o) { return QVariant(o.remoteHost); }},
        {QStringLiteral("remotePort"),
         [](const LaunchOptions &o) { return QVariant(int(o.remotePort)); }},
        {QStringLiteral("broadcast"), [](const LaunchOptions &o) { return QVariant(o.broadcast); }},
        {QStringLiteral("join"),
         [](const LaunchOptions &o) { return QVariant(o.joinGroup.toString()); }},
        {QStringLiteral("replyToLast"),
         [](const LaunchOptions &o) { return QVariant(o.replyToLast); }},
        {QStringLiteral("hexDisplay"),
         [](const LaunchOptions &o) { return QVariant(o.hexDisplay); }},
        {QStringLiteral("encoding"),
         [](const LaunchOptions &o) { return QVariant(encodingName(o.encoding)); }},
        {QStringLiteral("framing"),
         [](const LaunchOptions &o) { return QVariant(toString(o.framing)); }},
        {QStringLiteral("echo"), [](const LaunchOptions &o) { return QVariant(o.echo); }},
        {QStringLiteral("rules"), [](const LaunchOptions &o) { return QVariant(o.rulesFile); }},
        {QStringLiteral("maxClients"),
         [](const LaunchOptions &o) { return QVariant(o.maxClients); }},
        {QStringLiteral("report"), [](const LaunchOptions &o) { return QVariant(o.reportFile); }},
        {QStringLiteral("duration"),
         [](const LaunchOptions &o) { return QVariant(o.durationSeconds); }},
        {QStringLiteral("payload"),
         [](const LaunchOptions &o) {
             switch (o.payload) {
             case LaunchOptions::Payload::None:
                 return QVariant(QStringLiteral("none"));
             case LaunchOptions::Payload::Text:
                 return QVariant(QStringLiteral("text"));
             case LaunchOptions::Payload::Hex:
                 return QVariant(QStringLiteral("hex"));
             case LaunchOptions::Payload::File:
                 return QVariant(QStringLiteral("file"));
             }
             return QVariant();
         }},
        {QStringLiteral("payloadValue"),
         [](const LaunchOptions &o) { return QVariant(o.payloadValue); }},
        {QStringLiteral("escapes"), [](const LaunchOptions &o) { return QVariant(o.escapes); }},
        {QStringLiteral("checksum"),
         [](const LaunchOptions &o) { return QVariant(int(o.checksum)); }},
        {QStringLiteral("interval"), [](const LaunchOptions &o) { return QVariant(o.intervalMs); }},
        {QStringLiteral("count"), [](const LaunchOptions &o) { return QVariant(o.count); }},
        {QStringLiteral("linger"), [](const LaunchOptions &o) { return QVariant(o.lingerMs); }},
    };
    const auto it = fields.constFind(name);
    return it == fields.constEnd() ? QVariant() : (*it)(o);
}

} // namespace

class tst_LaunchOptions : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void defaults();
    void invalid_data();
    void invalid();
    void help_data();
    void help();
    void version();
    void overlayKeepsUnsetFields_data();
    void overlayKeepsUnsetFields();
    void tls_data();
    void tls();
    void tlsInvalid_data();
    void tlsInvalid();
};

void tst_LaunchOptions::valid_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QVariantMap>("expected");

    const QString gbk = encodingName(Encoding::Gbk);
    const QString utf8 = encodingName(Encoding::Utf8);
    const QString latin1 = encodingName(Encoding::Latin1);

    QTest::newRow("server, the pinned example")
        << argv({"--headless", "--mode", "tcp-server", "--bind", "127.0.0.1", "--port", "9000"})
        << QVariantMap{{QStringLiteral("headless"), true},
                       {QStringLiteral("modeGiven"), true},
                       {QStringLiteral("mode"), QStringLiteral("tcp-server")},
                       {QStringLiteral("bind"), QStringLiteral("127.0.0.1")},
                       {QStringLiteral("port"), 9000},
                       {QStringLiteral("portGiven"), true},
                       {QStringLiteral("encoding"), utf8},
                       {QStringLiteral("hexDisplay"), false},
                       {QStringLiteral("framing"), toString(FramingSpec::raw())},
                       {QStringLiteral("echo"), false},
                       {QStringLiteral("payload"), QStringLiteral("none")},
                       {QStringLiteral("maxClients"), 10000},
                       {QStringLiteral("duration"), 0.0},
                       {QStringLiteral("count"), 1},
                       {QStringLiteral("interval"), 0}};
    QTest::newRow("server, every display option")
        << argv({"--headless", "--mode",   "tcp-server", "--bind",     "127.0.0.1",
                 "--port",     "0",        "--encoding", "gbk",        "--framing",
                 "line",       "--echo",   "--rules",    "r.json",     "--max-clients",
                 "50",         "--report", "out.json",   "--duration", "2.5"})
        << QVariantMap{{QStringLiteral("port"), 0},
                       {QStringLiteral("portGiven"), true},
                       {QStringLiteral("encoding"), gbk},
                       {QStringLiteral("framing"), toString(FramingSpec::line())},
                       {QStringLiteral("echo"), true},
                       {QStringLiteral("rules"), QStringLiteral("r.json")},
                       {QStringLiteral("maxClients"), 50},
                       {QStringLiteral("report"), QStringLiteral("out.json")},
                       {QStringLiteral("duration"), 2.5}};
    QTest::newRow("--opt=value syntax, upper-case encoding")
        << argv({"--headless", "--mode=tcp-server", "--port=65535", "--encoding=GBK"})
        << QVariantMap{{QStringLiteral("port"), 65535},
                       {QStringLiteral("bind"), QStringLiteral("<none>")},
                       {QStringLiteral("encoding"), gbk}};
    QTest::newRow("hex display keeps the text encoding")
        << argv({"--headless", "--mode", "tcp-server", "--port", "1", "--encoding", "hex"})
        << QVariantMap{{QStringLiteral("hexDisplay"), true}, {QStringLiteral("encoding"), utf8}};
    QTest::newRow("latin1") << argv({"--headless", "--mode", "udp", "--port", "7", "--encoding",
                                     "latin1"})
                            << QVariantMap{{QStringLiteral("encoding"), latin1},
                                           {QStringLiteral("mode"), QStringLiteral("udp")}};
    QTest::newRow("framing delim")
        << argv({"--headless", "--mode", "tcp-server", "--port", "1", "--framing", "delim:0D0A"})
        << QVariantMap{{QStringLiteral("framing"), toString(FramingSpec::delimited("\r\n"))}};
    QTest::newRow("framing fixed")
        << argv({"--headless", "--mode", "tcp-server", "--port", "1", "--framing", "fixed:8"})
        << QVariantMap{{QStringLiteral("framing"), toString(FramingSpec::fixed(8))}};
    QTest::newRow("framing len:4:le")
        << argv({"--headless", "--mode", "tcp-server", "--port", "1", "--framing", "len:4:le"})
        << QVariantMap{{QStringLiteral("framing"),
                        toString(FramingSpec::lengthPrefixed(4, FramingSpec::Endian::Little))}};
    QTest::newRow("framing len:2 is big-endian")
        << argv({"--headless", "--mode", "tcp-server", "--port", "1", "--framing", "len:2"})
        << QVariantMap{{QStringLiteral("framing"),
                        toString(FramingSpec::lengthPrefixed(2, FramingSpec::Endian::Big))}};
    QTest::newRow("framing gap")
        << argv({"--headless", "--mode", "tcp-server", "--port", "1", "--framing", "gap:30"})
        << QVariantMap{{QStringLiteral("framing"), toString(FramingSpec::idleGap(30))}};

    QTest::newRow("client --send")
        << argv({"--headless", "--mode", "tcp-client", "--host", "example.org", "--port", "80",
                 "--send", "GET / HTTP/1.0\\r\\n\\r\\n", "--escapes"})
        << QVariantMap{
               {QStringLiteral("mode"), QStringLiteral("tcp-client")},
               {QStringLiteral("host"), QStringLiteral("example.org")},
               {QStringLiteral("port"), 80},
               {QStringLiteral("payload"), QStringLiteral("text")},
               {QStringLiteral("payloadValue"), QStringLiteral("GET / HTTP/1.0\\r\\n\\r\\n")},
               {QStringLiteral("escapes"), true},
               {QStringLiteral("count"), 1},
               {QStringLiteral("linger"), 500},
               {QStringLiteral("timeout"), 5000}};
    QTest::newRow("client --send-hex with checksum")
        << argv({"--headless", "--mode", "tcp-client", "--host", "::1", "--port", "502",
                 "--send-hex", "01 03 00 00 00 0A", "--checksum", "crc16-modbus"})
        << QVariantMap{{QStringLiteral("payload"), QStringLiteral("hex")},
                       {QStringLiteral("payloadValue"), QStringLiteral("01 03 00 00 00 0A")},
                       {QStringLiteral("checksum"), int(ChecksumKind::Crc16Modbus)}};
    QTest::newRow("client --send-file")
        << argv({"--headless", "--mode", "tcp-client", "--host", "h", "--port", "1", "--send-file",
                 "/tmp/x.bin"})
        << QVariantMap{{QStringLiteral("payload"), QStringLiteral("file")},
                       {QStringLiteral("payloadValue"), QStringLiteral("/tmp/x.bin")}};
    QTest::newRow("client interval and count")
        << argv({"--headless", "--mode", "tcp-client", "--host", "h", "--port", "1", "--send", "x",
                 "--interval", "20", "--count", "5"})
        << QVariantMap{{QStringLiteral("interval"), 20}, {QStringLiteral("count"), 5}};
    QTest::newRow("client interval alone repeats forever")
        << argv({"--headless", "--mode", "tcp-client", "--host", "h", "--port", "1", "--send", "x",
                 "--interval", "1000"})
        << QVariantMap{{QStringLiteral("interval"), 1000}, {QStringLiteral("count"), 0}};
    QTest::newRow("client local bind, timeout, reconnect, linger")
        << argv({"--headless", "--mode", "tcp-client", "--host", "h", "--port", "1", "--bind",
                 "127.0.0.1", "--local-port", "40000", "--timeout", "250", "--reconnect", "--send",
                 "x", "--linger", "0"})
        << QVariantMap{{QStringLiteral("bind"), QStringLiteral("127.0.0.1")},
                       {QStringLiteral("localPort"), 40000},
                       {QStringLiteral("timeout"), 250},
                       {QStringLiteral("reconnect"), true},
                       {QStringLiteral("linger"), 0}};

    QTest::newRow("udp remote, broadcast, join, reply-to-last")
        << argv({"--headless", "--mode", "udp", "--bind", "0.0.0.0", "--port", "8888", "--remote",
                 "127.0.0.1:9999", "--broadcast", "--join", "239.1.2.3", "--reply-to-last",
                 "--send", "hi"})
        << QVariantMap{{QStringLiteral("mode"), QStringLiteral("udp")},
                       {QStringLiteral("bind"), QStringLiteral("0.0.0.0")},
                       {QStringLiteral("port"), 8888},
                       {QStringLiteral("remoteHost"), QStringLiteral("127.0.0.1")},
                       {QStringLiteral("remotePort"), 9999},
                       {QStringLiteral("broadcast"), true},
                       {QStringLiteral("join"), QStringLiteral("239.1.2.3")},
                       {QStringLiteral("replyToLast"), true},
                       {QStringLiteral("payload"), QStringLiteral("text")}};
    QTest::newRow("udp remote IPv6 in brackets")
        << argv({"--headless", "--mode", "udp", "--port", "0", "--remote", "[::1]:8888"})
        << QVariantMap{{QStringLiteral("remoteHost"), QStringLiteral("::1")},
                       {QStringLiteral("remotePort"), 8888}};
    QTest::newRow("udp remote by name")
        << argv({"--headless", "--mode", "udp", "--port", "0", "--remote", "localhost:53"})
        << QVariantMap{{QStringLiteral("remoteHost"), QStringLiteral("localhost")},
                       {QStringLiteral("remotePort"), 53}};

    QTest::newRow("window: no options at all") << argv({})
                                               << QVariantMap{{QStringLiteral("headless"), false},
                                                              {QStringLiteral("modeGiven"), false},
                                                              {QStringLiteral("portGiven"), false}};
    QTest::newRow("window: --start with a mode")
        << argv({"--start", "--mode", "tcp-client", "--host", "h", "--port", "80"})
        << QVariantMap{{QStringLiteral("headless"), false},
                       {QStringLiteral("start"), true},
                       {QStringLiteral("mode"), QStringLiteral("tcp-client")},
                       {QStringLiteral("port"), 80}};
}

void tst_LaunchOptions::valid()
{
    QFETCH(QStringList, args);
    QFETCH(QVariantMap, expected);
    const LaunchParse parsed = parseLaunchOptions(args);
    QVERIFY2(parsed.outcome == LaunchParse::Outcome::Ok, qPrintable(parsed.message));
    QVERIFY(parsed.message.isEmpty());
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const QVariant actual = field(parsed.options, it.key());
        QVERIFY2(actual.isValid(), qPrintable(QStringLiteral("no such field: ") + it.key()));
        QVERIFY2(actual == it.value(),
                 qPrintable(QStringLiteral("%1: got %2, expected %3")
                                .arg(it.key(), actual.toString(), it.value().toString())));
    }
}

void tst_LaunchOptions::defaults()
{
    const LaunchParse parsed =
        parseLaunchOptions(argv({"--headless", "--mode", "udp", "--port", "0"}));
    QCOMPARE(parsed.outcome, LaunchParse::Outcome::Ok);
    const LaunchOptions &o = parsed.options;
    QCOMPARE(o.port, quint16(0));
    QVERIFY(o.portGiven);
    QVERIFY(!o.bindGiven);
    QVERIFY(o.host.isEmpty());
    QVERIFY(o.remoteHost.isEmpty());
    QCOMPARE(o.remotePort, quint16(0));
    QVERIFY(!o.broadcast);
    QVERIFY(o.joinGroup.isNull());
    QCOMPARE(o.encoding, Encoding::Utf8);
    QCOMPARE(toString(o.framing), toString(FramingSpec::raw()));
    QCOMPARE(o.payload, LaunchOptions::Payload::None);
    QCOMPARE(o.checksum, ChecksumKind::None);
    QVERIFY(o.reportFile.isEmpty());
    QVERIFY(o.rulesFile.isEmpty());
    QCOMPARE(o.connectTimeoutMs, 5000);
    QCOMPARE(o.lingerMs, 500);
}

void tst_LaunchOptions::invalid_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions"); // the message names the offending option or value

    QTest::newRow("unknown option")
        << argv({"--headless", "--mode", "udp", "--port", "0", "--bogus"})
        << QStringLiteral("bogus");
    QTest::newRow("missing value")
        << argv({"--headless", "--mode", "udp", "--port"}) << QStringLiteral("port");
    QTest::newRow("positional") << argv({"--headless", "--mode", "udp", "--port", "0", "stray"})
                                << QStringLiteral("stray");
    QTest::newRow("headless without mode")
        << argv({"--headless", "--port", "1"}) << QStringLiteral("--mode");
    QTest::newRow("unknown mode") << argv({"--headless", "--mode", "sctp", "--port", "1"})
                                  << QStringLiteral("sctp");
    QTest::newRow("unknown mode, window") << argv({"--mode", "tcp"}) << QStringLiteral("--mode");
    QTest::newRow("bad bind") << argv({"--headless", "--mode", "udp", "--port", "0", "--bind",
                                       "localhost"})
                              << QStringLiteral("--bind");
    QTest::newRow("port too big") << argv({"--headless", "--mode", "tcp-server", "--port", "65536"})
                                  << QStringLiteral("--port");
    QTest::newRow("port negative")
        << argv({"--headless", "--mode", "tcp-server", "--port", "-1"}) << QStringLiteral("--port");
    QTest::newRow("port not a number")
        << argv({"--headless", "--mode", "tcp-server", "--port", "http"})
        << QStringLiteral("--port");
    QTest::newRow("client port 0")
        << argv({"--headless", "--mode", "tcp-client", "--host", "h", "--port", "0"})
        << QStringLiteral("--port");
    QTest::newRow("server without port")
        << argv({"--headless", "--mode", "tcp-server"}) << QStringLiteral("--port");
    QTest::newRow("udp without port")
        << argv({"--headless", "--mode", "udp"}) << QStringLiteral("--port");
    QTest::newRow("client without host")
        << argv({"--headless", "--mode", "tcp-client", "--port", "80"}) << QStringLiteral("--host");
    QTest::newRow("client without port")
        << argv({"--headless", "--mode", "tcp-client", "--host", "h"}) << QStringLiteral("--port");
    QTest::newRow("bad local port") << argv({"--headless", "--mode", "tcp-client", "--host", "h",
                                             "--port", "1", "--local-port", "99999"})
                                    << QStringLiteral("--local-port");
    QTest::newRow("bad timeout") << argv({"--headless", "--mode", "tcp-client", "--host", "h",
                                          "--port", "1", "--timeout", "soon"})
                                 << QStringLiteral("--timeout");
    QTest::newRow("remote without port")
        << argv({"--headless", "--mode", "udp", "--port", "0", "--remote", "127.0.0.1"})
        << QStringLiteral("--remote");
    QTest::newRow("remote port 0")
        << argv({"--headless", "--mode", "udp", "--port", "0", "--remote", "127.0.0.1:0"})
        << QStringLiteral("--remote");
    QTest::newRow("remote bare IPv6")
        << argv({"--headless", "--mode", "udp", "--port", "0", "--remote", "::1:80"})
        << QStringLiteral("--remote");
    QTest::newRow("join unicast") << argv({"--headless", "--mode", "udp", "--port", "0", "--join",
                                           "10.0.0.1"})
                                  << QStringLiteral("--join");
    QTest::newRow("unknown encoding")
        << argv({"--headless", "--mode", "udp", "--port", "0", "--encoding", "ebcdic"})
        << QStringLiteral("ebcdic");
    QTest::newRow("bad framing") << argv({"--headless", "--mode", "tcp-server", "--port", "0",
                                          "--framing", "bogus"})
                                 << QStringLiteral("--framing");
    QTest::newRow("bad framing length size")
        << argv({"--headless", "--mode", "tcp-server", "--port", "0", "--framing", "len:3"})
        << QStringLiteral("--framing");
    QTest::newRow("bad framing hex")
        << argv({"--headless", "--mode", "tcp-server", "--port", "0", "--framing", "delim:ZZ"})
        << QStringLiteral("--framing");
    QTest::newRow("max-clients 0")
        << argv({"--headless", "--mode", "tcp-server", "--port", "0", "--max-clients", "0"})
        << QStringLiteral("--max-clients");
    QTest::newRow("duration 0") << argv({"--headless", "--mode", "tcp-server", "--port", "0",
                                         "--duration", "0"})
                                << QStringLiteral("--duration");
    QTest::newRow("duration text")
        << argv({"--headless", "--mode", "tcp-server", "--port", "0", "--duration", "long"})
        << QStringLiteral("--duration");
    QTest::newRow("--send and --send-hex")
        << argv({"--headless", "--mode", "tcp-client", "--host", "h", "--port", "1", "--send", "a",
                 "--send-hex", "00"})
        << QStringLiteral("--send-hex");
    QTest::newRow("--send-hex and --send-file")
        << argv({"--headless", "--mode", "tcp-client", "--host", "h", "--port", "1", "--send-hex",
                 "00", "--send-file", "f"})
        << QStringLiteral("--send-file");
    QTest::newRow("empty --send") << argv({"--headless", "--mode", "tcp-client", "--host", "h",
                                           "--port", "1", "--send", ""})
                                  << QStringLiteral("--send");
    QTest::newRow("unknown checksum") << argv({"--headless", "--mode", "tcp-client", "--host", "h",
                                               "--port", "1", "--send", "a", "--checksum", "md5"})
                                      << QStringLiteral("--checksum");
    QTest::newRow("interval 0") << argv({"--headless", "--mode", "tcp-client", "--host", "h",
                                         "--port", "1", "--send", "a", "--interval", "0"})
                                << QStringLiteral("--interval");
    QTest::newRow("count negative") << argv({"--headless", "--mode", "tcp-client", "--host", "h",
                                             "--port", "1", "--send", "a", "--count", "-2"})
                                    << QStringLiteral("--count");
    QTest::newRow("linger negative") << argv({"--headless", "--mode", "tcp-client", "--host", "h",
                                              "--port", "1", "--linger", "-1"})
                                     << QStringLiteral("--linger");
    QTest::newRow("udp send without remote")
        << argv({"--headless", "--mode", "udp", "--port", "0", "--send", "hi"})
        << QStringLiteral("--remote");
    QTest::newRow("send-file with interval")
        << argv({"--headless", "--mode", "tcp-client", "--host", "h", "--port", "1", "--send-file",
                 "f", "--interval", "10"})
        << QStringLiteral("--interval");
}

void tst_LaunchOptions::invalid()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const LaunchParse parsed = parseLaunchOptions(args);
    QCOMPARE(parsed.outcome, LaunchParse::Outcome::Error);
    QVERIFY2(parsed.message.contains(mentions, Qt::CaseInsensitive), qPrintable(parsed.message));
    // One clear line for stderr.
    QVERIFY2(!parsed.message.trimmed().contains(QLatin1Char('\n')), qPrintable(parsed.message));
}

void tst_LaunchOptions::help_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("--help") << argv({"--help"});
    QTest::newRow("-h") << argv({"-h"});
    QTest::newRow("--help wins over bad values") << argv({"--headless", "--mode", "x", "--help"});
}

void tst_LaunchOptions::help()
{
    QFETCH(QStringList, args);
    const LaunchParse parsed = parseLaunchOptions(args);
    QCOMPARE(parsed.outcome, LaunchParse::Outcome::Help);
    for (const char *option :
         {"--headless", "--mode",     "--bind",   "--port",      "--host",
          "--encoding", "--framing",  "--echo",   "--rules",     "--max-clients",
          "--report",   "--duration", "--send",   "--send-hex",  "--send-file",
          "--interval", "--count",    "--remote", "--broadcast", "--join"})
        QVERIFY2(parsed.message.contains(QLatin1String(option)), option);
}

void tst_LaunchOptions::version()
{
    for (const char *flag : {"--version", "-v"}) {
        const LaunchParse parsed = parseLaunchOptions(argv({flag}));
        QCOMPARE(parsed.outcome, LaunchParse::Outcome::Version);
        QCOMPARE(parsed.message, QStringLiteral("SockScope " SOCKSCOPE_VERSION));
    }
}

void tst_LaunchOptions::overlayKeepsUnsetFields_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected"); // the overlaid endpoint, as text

    auto row = [](const char *name, std::initializer_list<const char *> args, const char *want) {
        QTest::newRow(name) << argv(args) << QString::fromUtf8(want);
    };
    // Laid over a tab's endpoint the user had set up (see overlayKeepsUnsetFields()).
    row("server: nothing given keeps the tab's address and port", {"--mode", "tcp-server"},
        "local=192.168.1.5:7000 remote=device.local:502 timeout=9000 max=10000 bcast=1 last=1");
    row("server: --port only", {"--mode", "tcp-server", "--port", "9000"},
        "local=192.168.1.5:9000 remote=device.local:502 timeout=9000 max=10000 bcast=1 last=1");
    row("server: --bind only", {"--mode", "tcp-server", "--bind", "127.0.0.1"},
        "local=127.0.0.1:7000 remote=device.local:502 timeout=9000 max=10000 bcast=1 last=1");
    row("client: --host keeps the tab's port", {"--mode", "tcp-client", "--host", "10.0.0.2"},
        "local=192.168.1.5:0 remote=10.0.0.2:502 timeout=5000 max=20 bcast=1 last=1");
    row("client: --port keeps the tab's host", {"--mode", "tcp-client", "--port", "503"},
        "local=192.168.1.5:0 remote=device.local:503 timeout=5000 max=20 bcast=1 last=1");
    row("udp: --remote replaces host and port", {"--mode", "udp", "--remote", "[::1]:9"},
        "local=192.168.1.5:7000 remote=::1:9 timeout=9000 max=20 bcast=0 last=0");
    row("udp: no --remote keeps it", {"--mode", "udp", "--broadcast"},
        "local=192.168.1.5:7000 remote=device.local:502 timeout=9000 max=20 bcast=1 last=0");
}

void tst_LaunchOptions::overlayKeepsUnsetFields()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    const LaunchParse parsed = parseLaunchOptions(args);
    QCOMPARE(parsed.outcome, LaunchParse::Outcome::Ok);
    SessionEndpoint base;
    base.localAddress = QHostAddress(QStringLiteral("192.168.1.5"));
    base.localPort = 7000;
    base.remoteHost = QStringLiteral("device.local");
    base.remotePort = 502;
    base.connectTimeoutMs = 9000;
    base.maxClients = 20;
    base.broadcast = true;
    base.replyToLast = true;
    const SessionEndpoint e = parsed.options.overlay(base);
    const QString got = QStringLiteral("local=%1:%2 remote=%3:%4 timeout=%5 max=%6 bcast=%7 last=%8")
                            .arg(e.localAddress.toString())
                            .arg(e.localPort)
                            .arg(e.remoteHost)
                            .arg(e.remotePort)
                            .arg(e.connectTimeoutMs)
                            .arg(e.maxClients)
                            .arg(int(e.broadcast))
                            .arg(int(e.replyToLast));
    QCOMPARE(got, expected);
}


// Any readable file stands in for a PEM here: contents are TlsContext's business, at start.
static QString aFile()
{
    return QCoreApplication::applicationFilePath();
}

// Options to append to a command line made by argv() (which names the program first).
static QStringList more(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

static QStringList withFiles(QStringList args)
{
    for (QString &a : args)
        a.replace(QStringLiteral("FILE"), aFile());
    return args;
}

using ClientCerts = TlsSettings::ClientCertificates;

void tst_LaunchOptions::tls_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<bool>("upstream");
    QTest::addColumn<bool>("generate");
    QTest::addColumn<bool>("insecure");
    QTest::addColumn<int>("clientCerts");
    QTest::addColumn<QString>("clientCert"); // "FILE" or empty
    QTest::addColumn<QStringList>("alpn");

    const QStringList server = argv({"--headless", "--mode", "tcp-server", "--port", "0"});
    const QStringList client = argv({"--headless", "--mode", "tcp-client", "--host", "localhost",
                                     "--port", "9"});
    const QStringList relay = argv({"--headless", "--mode", "relay", "--port", "0", "--upstream",
                                    "127.0.0.1:9"});
    QTest::newRow("server, generated") << server + more({"--tls", "--gen-cert"}) << true << false
                                       << true << false << int(ClientCerts::None) << QString()
                                       << QStringList();
    QTest::newRow("server, files, --ca asks clients")
        << server + more({"--tls", "--cert", "FILE", "--key", "FILE", "--ca", "FILE"}) << true
        << false << false << false << int(ClientCerts::Optional) << QString() << QStringList();
    QTest::newRow("server, required") << server + more({"--tls", "--gen-cert", "--ca", "FILE",
                                                        "--require-client-cert"})
                                      << true << false << true << false
                                      << int(ClientCerts::Required) << QString() << QStringList();
    QTest::newRow("client, insecure, alpn")
        << client + more({"--tls", "--insecure", "--alpn", "h2, http/1.1"}) << true << false
        << false << true << int(ClientCerts::None) << QString()
        << QStringList{QStringLiteral("h2"), QStringLiteral("http/1.1")};
    QTest::newRow("client, --cert/--key are its own")
        << client + more({"--tls", "--cert", "FILE", "--key", "FILE"}) << true << false << false
        << false << int(ClientCerts::None) << QStringLiteral("FILE") << QStringList();
    QTest::newRow("client, --client-cert") << client + more({"--tls", "--client-cert", "FILE",
                                                             "--client-key", "FILE"})
                                           << true << false << false << false
                                           << int(ClientCerts::None) << QStringLiteral("FILE")
                                           << QStringList();
    QTest::newRow("relay, listen only") << relay + more({"--tls-listen", "--gen-cert"}) << true
                                        << false << true << false << int(ClientCerts::None)
                                        << QString() << QStringList();
    QTest::newRow("relay, upstream only, --ca for the server")
        << relay + more({"--tls-upstream", "--ca", "FILE", "--sni", "device.example"}) << false
        << true << false << false << int(ClientCerts::None) << QString() << QStringList();
    QTest::newRow("relay, both") << relay + more({"--tls-listen", "--gen-cert", "--tls-upstream",
                                                  "--ca", "FILE", "--client-cert", "FILE",
                                                  "--client-key", "FILE"})
                                 << true << true << true << false << int(ClientCerts::None)
                                 << QStringLiteral("FILE") << QStringList();
}

void tst_LaunchOptions::tls()
{
    QFETCH(QStringList, args);
    QFETCH(bool, enabled);
    QFETCH(bool, upstream);
    QFETCH(bool, generate);
    QFETCH(bool, insecure);
    QFETCH(int, clientCerts);
    QFETCH(QString, clientCert);
    QFETCH(QStringList, alpn);
    const LaunchParse parsed = parseLaunchOptions(withFiles(args));
    QVERIFY2(parsed.outcome == LaunchParse::Outcome::Ok, qPrintable(parsed.message));
    const TlsSettings t = parsed.options.endpoint().tls;
    QCOMPARE(t.enabled, enabled);
    QCOMPARE(t.upstream, upstream);
    QCOMPARE(t.generateCertificate, generate);
    QCOMPARE(t.insecure, insecure);
    QCOMPARE(int(t.clientCertificates), clientCerts);
    QCOMPARE(t.clientCertFile, clientCert.isEmpty() ? QString() : aFile());
    QCOMPARE(t.alpn, alpn);
    if (args.contains(QStringLiteral("--sni")))
        QCOMPARE(t.serverName, QStringLiteral("device.example"));
}

void tst_LaunchOptions::tlsInvalid_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    const QStringList server = argv({"--headless", "--mode", "tcp-server", "--port", "0"});
    const QStringList client = argv({"--headless", "--mode", "tcp-client", "--host", "localhost",
                                     "--port", "9"});
    const QStringList relay = argv({"--headless", "--mode", "relay", "--port", "0", "--upstream",
                                    "127.0.0.1:9"});
    QTest::newRow("server without a certificate") << server + more({"--tls"})
                                                  << QStringLiteral("--gen-cert");
    QTest::newRow("--cert without --key") << server + more({"--tls", "--cert", "FILE"})
                                          << QStringLiteral("--key");
    QTest::newRow("--gen-cert and --cert") << server + more({"--tls", "--gen-cert", "--cert",
                                                             "FILE"})
                                           << QStringLiteral("--cert");
    QTest::newRow("missing file") << server + more({"--tls", "--cert", "/nonexistent/c.pem",
                                                    "--key", "FILE"})
                                  << QStringLiteral("/nonexistent/c.pem");
    QTest::newRow("--cert without --tls") << server + more({"--cert", "FILE", "--key", "FILE"})
                                          << QStringLiteral("--tls");
    QTest::newRow("--insecure on a server") << server + more({"--tls", "--gen-cert", "--insecure"})
                                            << QStringLiteral("--insecure");
    QTest::newRow("--gen-cert on a client") << client + more({"--tls", "--gen-cert"})
                                            << QStringLiteral("--gen-cert");
    QTest::newRow("--client-cert without its key")
        << client + more({"--tls", "--client-cert", "FILE"}) << QStringLiteral("--client-key");
    QTest::newRow("empty --alpn name") << client + more({"--tls", "--alpn", "h2,,"})
                                       << QStringLiteral("--alpn");
    QTest::newRow("--tls on a relay") << relay + more({"--tls"}) << QStringLiteral("--tls-listen");
    QTest::newRow("--tls on udp") << argv({"--headless", "--mode", "udp", "--port", "0", "--tls"})
                                  << QStringLiteral("--tls");
    QTest::newRow("--tls-listen on a server") << server + more({"--tls-listen"})
                                              << QStringLiteral("--tls-listen");
    QTest::newRow("--tls-upstream on a UDP relay")
        << relay + more({"--transport", "udp", "--tls-upstream"}) << QStringLiteral("TCP");
    QTest::newRow("relay --gen-cert without --tls-listen")
        << relay + more({"--tls-upstream", "--gen-cert"}) << QStringLiteral("--tls-listen");
    QTest::newRow("relay --insecure without --tls-upstream")
        << relay + more({"--tls-listen", "--gen-cert", "--insecure"})
        << QStringLiteral("--tls-upstream");
}

void tst_LaunchOptions::tlsInvalid()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const LaunchParse parsed = parseLaunchOptions(withFiles(args));
    QCOMPARE(parsed.outcome, LaunchParse::Outcome::Error);
    QVERIFY2(parsed.message.contains(mentions), qPrintable(parsed.message));
}

QTEST_GUILESS_MAIN(tst_LaunchOptions)
#include "tst_launchoptions.moc"
