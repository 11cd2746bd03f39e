#include "cli/launchoptions.h"

#include "cli/tlsoptions.h"
#include "core/session/relaycontrol.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QtMath>

#include <limits>

namespace sockscope {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(sockscope::LaunchOptions)
};

// Decimal digits only: QString::toUInt() also accepts " 80", "80 " and "+80".
bool parseDigits(const QString &text, qint64 max, qint64 *value)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    qint64 v = 0;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
        v = v * 10 + (c.unicode() - '0');
    }
    if (v > max)
        return false;
    *value = v;
    return true;
}

// A non-negative int, digits only.
int parseCount(const QString &text, bool *ok)
{
    qint64 v = 0;
    *ok = parseDigits(text, std::numeric_limits<int>::max(), &v);
    return int(v);
}

bool parsePort(const QString &text, quint16 *port, bool allowZero)
{
    qint64 v = 0;
    if (!parseDigits(text, 65535, &v) || (!allowZero && v == 0))
        return false;
    *port = quint16(v);
    return true;
}

// A plain decimal number of seconds ("0.5", "30", "1e3"): no blanks, nan or inf, > 0 and
// within a year, so that its milliseconds fit any timer arithmetic.
constexpr double kMaxDurationSeconds = 365.0 * 24 * 3600;

bool parseDuration(const QString &text, double *seconds)
{
    static const QRegularExpression number(QStringLiteral(R"(^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$)"));
    bool ok = false;
    const double v = number.match(text).hasMatch() ? text.toDouble(&ok) : 0;
    if (!ok || !qIsFinite(v) || v <= 0 || v > kMaxDurationSeconds)
        return false;
    *seconds = v;
    return true;
}

// "host:port", "[v6]:port".
bool splitHostPort(const QString &text, QString *host, quint16 *port)
{
    QString h;
    QString p;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1String("]:"));
        if (close < 0)
            return false;
        h = text.mid(1, close - 1);
        p = text.mid(close + 2);
    } else {
        const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
        if (colon <= 0 || text.count(QLatin1Char(':')) != 1)
            return false;
        h = text.left(colon);
        p = text.mid(colon + 1);
    }
    if (h.isEmpty() || !parsePort(p, port, false))
        return false;
    *host = h;
    return true;
}

// Parsed before any QCoreApplication exists, Qt names the program "<executable_name>" (and
// with one, argv[0] as typed, a path): the usage line names the command.
QString helpText(const QCommandLineParser &parser)
{
    QString text = parser.helpText();
    const QLatin1String usage("Usage: ");
    if (text.startsWith(usage)) {
        const qsizetype end = text.indexOf(QLatin1Char(' '), usage.size());
        if (end > 0)
            text.replace(usage.size(), end - usage.size(), QStringLiteral("sockscope"));
    }
    return text;
}

// An option given twice would silently lose one of its values (the last one wins).
QString repeatedOption(const QCommandLineParser &parser)
{
    for (const QString &name : parser.optionNames()) {
        if (parser.values(name).size() > 1)
            return Tr::tr("--%1 is given more than once.").arg(name);
    }
    return {};
}

bool anySet(const QCommandLineParser &parser, std::initializer_list<const char *> names,
            QString *which)
{
    for (const char *name : names) {
        if (parser.isSet(QLatin1String(name))) {
            *which = QLatin1String(name);
            return true;
        }
    }
    return false;
}

// Options that would be silently ignored are refused, naming them: for the mode, without
// --headless (the window uses none of the sending options), or without what they modify.
QString optionNotApplying(const QCommandLineParser &parser, const LaunchOptions &o)
{
    QString name;
    bool inapplicable = false;
    switch (o.mode) {
    case Session::Mode::TcpServer:
        inapplicable = anySet(parser,
                              {"host", "local-port", "timeout", "reconnect", "remote",
                               "broadcast", "join", "reply-to-last", "send", "send-hex",
                               "send-file", "interval", "count", "linger"},
                              &name);
        break;
    case Session::Mode::TcpClient:
        inapplicable = anySet(
            parser, {"remote", "broadcast", "join", "reply-to-last", "max-clients"}, &name);
        break;
    case Session::Mode::Udp:
        inapplicable =
            anySet(parser, {"host", "local-port", "timeout", "reconnect", "max-clients"}, &name);
        break;
    case Session::Mode::Relay:
        // Sending is injecting into one side of a pair: the window's, not a command line's.
        inapplicable = anySet(parser,
                              {"host", "local-port", "reconnect", "remote", "broadcast", "join",
                               "reply-to-last", "echo", "send", "send-hex",
                               "send-file", "interval", "count", "linger"},
                              &name);
        break;
    }
    if (o.mode != Session::Mode::Relay && !inapplicable)
        inapplicable = anySet(parser,
                              {"upstream", "transport", "s2c-framing", "c2s-delay", "s2c-delay",
                               "c2s-rate", "s2c-rate"},
                              &name);
    if (o.modeGiven && inapplicable)
        return Tr::tr("--%1 does not apply to %2.").arg(name, Session::modeName(o.mode));
    if (!o.headless && anySet(parser,
                              {"send", "send-hex", "send-file", "escapes", "checksum", "interval",
                               "count", "linger", "duration", "rules"},
                              &name))
        return Tr::tr("--%1 applies only with --headless.").arg(name);
    const bool file = parser.isSet(QStringLiteral("send-file"));
    const bool message =
        parser.isSet(QStringLiteral("send")) || parser.isSet(QStringLiteral("send-hex"));
    if (parser.isSet(QStringLiteral("escapes")) && !parser.isSet(QStringLiteral("send")))
        return Tr::tr("--escapes applies only to --send.");
    if (parser.isSet(QStringLiteral("checksum")) && !message)
        return Tr::tr("--checksum applies only to --send and --send-hex.");
    if (!message && !file && anySet(parser, {"interval", "count", "linger"}, &name))
        return Tr::tr("--%1 needs a message to send (--send, --send-hex or --send-file).")
            .arg(name);
    if (file && parser.isSet(QStringLiteral("count")))
        return Tr::tr("--count does not apply to --send-file.");
    return {};
}

} // namespace

SessionEndpoint LaunchOptions::overlay(SessionEndpoint e) const
{
    if (bindGiven)
        e.localAddress = bind;
    if (tls.any())
        e.tls = tls;
    switch (mode) {
    case Session::Mode::TcpServer:
        if (portGiven)
            e.localPort = port;
        e.maxClients = maxClients;
        break;
    case Session::Mode::TcpClient:
        if (!host.isEmpty())
            e.remoteHost = host;
        if (portGiven)
            e.remotePort = port;
        e.localPort = localPort;
        e.connectTimeoutMs = connectTimeoutMs;
        e.autoReconnect = reconnect;
        break;
    case Session::Mode::Relay:
        if (portGiven)
            e.localPort = port;
        if (!upstreamHost.isEmpty()) {
            e.remoteHost = upstreamHost;
            e.remotePort = upstreamPort;
        }
        e.connectTimeoutMs = connectTimeoutMs;
        e.maxClients = maxClients;
        e.relayOverUdp = relayOverUdp;
        break;
    case Session::Mode::Udp:
        if (portGiven)
            e.localPort = port;
        if (!remoteHost.isEmpty()) {
            e.remoteHost = remoteHost;
            e.remotePort = remotePort;
        }
        e.broadcast = broadcast;
        e.replyToLast = replyToLast;
        e.multicastGroup = joinGroup;
        break;
    }
    return e;
}

namespace {

// Every option of the command line (help and version aside), each declared once.
struct CliOptions
{
    using O = QCommandLineOption;
    const O headless{QStringLiteral("headless"), Tr::tr("Run without a window; log to stdout.")};
    const O start{QStringLiteral("start"), Tr::tr("Window: listen/connect right away.")};
    const O mode{QStringLiteral("mode"), Tr::tr("tcp-server, tcp-client, udp or relay."),
                 QStringLiteral("mode")};
    const O upstream{QStringLiteral("upstream"),
                     Tr::tr("Relay: the server to pass each client on to."),
                     QStringLiteral("host:port")};
    const O transport{QStringLiteral("transport"), Tr::tr("Relay: tcp (the default) or udp."),
                      QStringLiteral("tcp|udp")};
    const O bind{QStringLiteral("bind"),
                 Tr::tr("Local address (server/UDP: where to listen, :: for every IPv6 and IPv4 "
                        "address, [::] for IPv6 only; client: local bind)."),
                 QStringLiteral("addr")};
    const O port{QStringLiteral("port"),
                 Tr::tr("Server/UDP: local port (0 = any). Client: the server's port."),
                 QStringLiteral("port")};
    const O host{QStringLiteral("host"), Tr::tr("Client: server host name or address."),
                 QStringLiteral("host")};
    const O localPort{QStringLiteral("local-port"), Tr::tr("Client: local port to bind."),
                      QStringLiteral("port")};
    const O timeout{QStringLiteral("timeout"),
                    Tr::tr("Client, relay: connect timeout in ms."), QStringLiteral("ms"),
                    QStringLiteral("5000")};
    const O reconnect{QStringLiteral("reconnect"), Tr::tr("Client: reconnect automatically.")};
    const O remote{QStringLiteral("remote"), Tr::tr("UDP: default target host:port."),
                   QStringLiteral("host:port")};
    const O broadcast{QStringLiteral("broadcast"), Tr::tr("UDP: allow broadcast.")};
    const O join{QStringLiteral("join"), Tr::tr("UDP: join a multicast group."),
                 QStringLiteral("group")};
    const O replyLast{QStringLiteral("reply-to-last"),
                      Tr::tr("UDP: send to whoever sent the last datagram.")};
    const O encoding{QStringLiteral("encoding"),
                     Tr::tr("Display/send encoding: utf-8, gbk, latin1 or hex."),
                     QStringLiteral("enc"), QStringLiteral("utf-8")};
    const O framing{QStringLiteral("framing"),
                    Tr::tr("Receive framing: raw, line, delim:HEX, fixed:N, len:1|2|4[:be|le], "
                           "gap:MS."),
                    QStringLiteral("spec"), QStringLiteral("raw")};
    const O s2cFraming{QStringLiteral("s2c-framing"),
                       Tr::tr("Relay: framing of the server→client direction (default: as "
                              "--framing, which then frames client→server only)."),
                       QStringLiteral("spec")};
    const O c2sDelay{QStringLiteral("c2s-delay"),
                     Tr::tr("Relay: pass client→server bytes on this many ms late."),
                     QStringLiteral("ms")};
    const O s2cDelay{QStringLiteral("s2c-delay"),
                     Tr::tr("Relay: pass server→client bytes on this many ms late."),
                     QStringLiteral("ms")};
    const O c2sRate{QStringLiteral("c2s-rate"),
                    Tr::tr("Relay: pass client→server bytes on at most this fast."),
                    QStringLiteral("bytes/s")};
    const O s2cRate{QStringLiteral("s2c-rate"),
                    Tr::tr("Relay: pass server→client bytes on at most this fast."),
                    QStringLiteral("bytes/s")};
    const O echo{QStringLiteral("echo"), Tr::tr("Send every received frame back.")};
    const O rules{QStringLiteral("rules"),
                  Tr::tr("Auto-reply rules (JSON file); for a relay, rewrite rules."),
                  QStringLiteral("file")};
    const O maxClients{QStringLiteral("max-clients"), Tr::tr("Server: client limit."),
                       QStringLiteral("n"), QStringLiteral("10000")};
    const O report{QStringLiteral("report"), Tr::tr("Write a JSON report when done."),
                   QStringLiteral("file")};
    const O duration{QStringLiteral("duration"),
                     Tr::tr("Stop after this many seconds (above 0, at most 365 days)."),
                     QStringLiteral("seconds")};
    const O send{QStringLiteral("send"), Tr::tr("Send this text."), QStringLiteral("text")};
    const O sendHex{QStringLiteral("send-hex"), Tr::tr("Send these hex bytes."),
                    QStringLiteral("hex")};
    const O sendFile{QStringLiteral("send-file"), Tr::tr("Send this file's bytes."),
                     QStringLiteral("path")};
    const O escapes{QStringLiteral("escapes"),
                    Tr::tr("Interpret \\r \\n \\t \\xNN \\uXXXX escapes in --send.")};
    const O checksum{QStringLiteral("checksum"),
                     Tr::tr("Append a checksum: sum8, xor8, crc8, crc16-modbus, "
                            "crc16-ccitt-false, crc16-xmodem, crc32."),
                     QStringLiteral("kind")};
    const O interval{QStringLiteral("interval"), Tr::tr("Repeat the send every ms."),
                     QStringLiteral("ms")};
    const O count{QStringLiteral("count"),
                  Tr::tr("How many times to send: back to back, or one every --interval "
                         "(0 = forever, with --interval only)."),
                  QStringLiteral("n")};
    const O linger{QStringLiteral("linger"),
                   Tr::tr("Client: ms to wait for replies after the last send."),
                   QStringLiteral("ms"), QStringLiteral("500")};

    void addTo(QCommandLineParser &parser) const
    {
        for (const O *o :
             {&headless, &start,     &mode,    &upstream,   &transport, &bind,     &port,
              &host,     &localPort,
              &timeout,  &reconnect, &remote,  &broadcast,  &join,     &replyLast, &encoding,
              &framing,  &s2cFraming, &c2sDelay, &s2cDelay, &c2sRate, &s2cRate, &echo,      &rules,   &maxClients, &report,   &duration,  &send,
              &sendHex,  &sendFile,  &escapes, &checksum,   &interval, &count,     &linger})
            parser.addOption(*o);
    }
};

// Where to listen or connect (after --mode): an error sentence, or empty.
QString readConnection(const QCommandLineParser &parser, const CliOptions &c, LaunchOptions &o)
{
    if (parser.isSet(c.bind)) {
        o.bind = parseLocalAddress(parser.value(c.bind)); // "::" both families, "[::]" IPv6 only
        if (o.bind.isNull())
            return Tr::tr("--bind needs an IP address, not \"%1\".").arg(parser.value(c.bind));
        o.bindGiven = true;
    }
    if (parser.isSet(c.port)) {
        if (!parsePort(parser.value(c.port), &o.port, o.mode != Session::Mode::TcpClient))
            return Tr::tr("--port needs a number from %1 to 65535, not \"%2\".")
                .arg(o.mode == Session::Mode::TcpClient ? 1 : 0)
                .arg(parser.value(c.port));
        o.portGiven = true;
    }
    o.host = parser.value(c.host);
    if (parser.isSet(c.localPort) && !parsePort(parser.value(c.localPort), &o.localPort, true))
        return Tr::tr("--local-port needs a number from 0 to 65535.");
    bool ok = false;
    o.connectTimeoutMs = parseCount(parser.value(c.timeout), &ok);
    if (!ok || o.connectTimeoutMs < 0)
        return Tr::tr("--timeout needs a number of milliseconds.");
    o.reconnect = parser.isSet(c.reconnect);
    if (parser.isSet(c.remote) &&
        !splitHostPort(parser.value(c.remote), &o.remoteHost, &o.remotePort))
        return Tr::tr("--remote needs host:port (e.g. 127.0.0.1:8888 or [::1]:8888), "
                      "not \"%1\".")
            .arg(parser.value(c.remote));
    o.broadcast = parser.isSet(c.broadcast);
    if (parser.isSet(c.join) &&
        (!o.joinGroup.setAddress(parser.value(c.join)) || !o.joinGroup.isMulticast()))
        return Tr::tr("--join needs a multicast group address (224.0.0.0/4 or ff00::/8), "
                      "not \"%1\".")
            .arg(parser.value(c.join));
    o.replyToLast = parser.isSet(c.replyLast);
    if (parser.isSet(c.upstream) &&
        !splitHostPort(parser.value(c.upstream), &o.upstreamHost, &o.upstreamPort))
        return Tr::tr("--upstream needs host:port (e.g. 127.0.0.1:8883 or [::1]:8883), "
                      "not \"%1\".")
            .arg(parser.value(c.upstream));
    if (parser.isSet(c.transport)) {
        const QString t = parser.value(c.transport).toLower();
        if (t != QLatin1String("tcp") && t != QLatin1String("udp"))
            return Tr::tr("--transport must be tcp or udp, not \"%1\".")
                .arg(parser.value(c.transport));
        o.relayOverUdp = t == QLatin1String("udp");
    }
    return {};
}

// How to show, frame and answer what arrives; the run's report and duration.
QString readReceive(const QCommandLineParser &parser, const CliOptions &c, LaunchOptions &o)
{
    bool ok = false;
    const QString enc = parser.value(c.encoding);
    if (enc.compare(QLatin1String("hex"), Qt::CaseInsensitive) == 0)
        o.hexDisplay = true;
    else if (!encodingFromName(enc, &o.encoding))
        return Tr::tr("--encoding must be utf-8, gbk, latin1 or hex, not \"%1\".").arg(enc);

    QString framingError;
    if (!parseFramingSpec(parser.value(c.framing), &o.framing, &framingError))
        return Tr::tr("--framing: %1").arg(framingError);
    // Valid as a stored setting, but asked for on a command line it cuts every frame into
    // flagged pieces: surely not what was meant.
    if (o.framing.type == FramingSpec::Type::FixedLength &&
        o.framing.maxFrameSize < o.framing.fixedLength)
        return Tr::tr("--framing: the maximum frame size (%1) is below the fixed length "
                      "(%2): every frame would be cut.")
            .arg(o.framing.maxFrameSize)
            .arg(o.framing.fixedLength);
    for (auto [option, value] : {std::pair{&c.c2sDelay, &o.c2sDelayMs},
                                 std::pair{&c.s2cDelay, &o.s2cDelayMs}}) {
        if (parser.isSet(*option)) {
            *value = parseCount(parser.value(*option), &ok);
            if (!ok || *value > RelayControl::MaxLatencyMs)
                return Tr::tr("--%1 needs a number of milliseconds up to %2.")
                    .arg(option->names().constFirst())
                    .arg(RelayControl::MaxLatencyMs);
        }
    }
    for (auto [option, value] :
         {std::pair{&c.c2sRate, &o.c2sRate}, std::pair{&c.s2cRate, &o.s2cRate}}) {
        if (parser.isSet(*option)) {
            *value = parseCount(parser.value(*option), &ok);
            if (!ok || *value < 1)
                return Tr::tr("--%1 needs a positive number of bytes per second.")
                    .arg(option->names().constFirst());
        }
    }
    if (parser.isSet(c.s2cFraming)) {
        if (!parseFramingSpec(parser.value(c.s2cFraming), &o.s2cFraming, &framingError))
            return Tr::tr("--s2c-framing: %1").arg(framingError);
        o.s2cFramingGiven = true;
    }
    o.echo = parser.isSet(c.echo);
    o.rulesFile = parser.value(c.rules);
    if (parser.isSet(c.rules) && o.rulesFile.isEmpty())
        return Tr::tr("--rules needs a file name.");
    o.maxClients = parseCount(parser.value(c.maxClients), &ok);
    if (!ok || o.maxClients < 1)
        return Tr::tr("--max-clients needs a positive number.");
    o.reportFile = parser.value(c.report);
    if (parser.isSet(c.report) && o.reportFile.isEmpty())
        return Tr::tr("--report needs a file name.");
    if (parser.isSet(c.duration) && !parseDuration(parser.value(c.duration), &o.durationSeconds))
        return Tr::tr("--duration needs a number of seconds above 0 and at most %1 "
                      "(365 days), not \"%2\".")
            .arg(qint64(kMaxDurationSeconds))
            .arg(parser.value(c.duration));
    return {};
}

// What to send and how often.
QString readPayload(const QCommandLineParser &parser, const CliOptions &c, LaunchOptions &o)
{
    bool ok = false;
    const int payloads =
        int(parser.isSet(c.send)) + int(parser.isSet(c.sendHex)) + int(parser.isSet(c.sendFile));
    if (payloads > 1)
        return Tr::tr("Use only one of --send, --send-hex and --send-file.");
    if (parser.isSet(c.send)) {
        o.payload = LaunchOptions::Payload::Text;
        o.payloadValue = parser.value(c.send);
    } else if (parser.isSet(c.sendHex)) {
        o.payload = LaunchOptions::Payload::Hex;
        o.payloadValue = parser.value(c.sendHex);
    } else if (parser.isSet(c.sendFile)) {
        o.payload = LaunchOptions::Payload::File;
        o.payloadValue = parser.value(c.sendFile);
    }
    o.escapes = parser.isSet(c.escapes);
    if (parser.isSet(c.checksum) && !checksumKindFromName(parser.value(c.checksum), &o.checksum))
        return Tr::tr("--checksum: unknown kind \"%1\".").arg(parser.value(c.checksum));
    if (parser.isSet(c.interval)) {
        o.intervalMs = parseCount(parser.value(c.interval), &ok);
        if (!ok || o.intervalMs < 1)
            return Tr::tr("--interval needs a positive number of milliseconds.");
        o.count = 0; // with an interval, repeat until stopped unless --count says otherwise
    }
    if (parser.isSet(c.count)) {
        o.count = parseCount(parser.value(c.count), &ok);
        if (!ok || o.count < 0)
            return Tr::tr("--count needs a number (0 = forever).");
        // Back to back for ever would be a flood until stopped: that takes an explicit pace.
        if (o.count == 0 && o.intervalMs == 0)
            return Tr::tr("--count 0 (forever) needs --interval MS.");
    }
    o.lingerMs = parseCount(parser.value(c.linger), &ok);
    if (!ok || o.lingerMs < 0)
        return Tr::tr("--linger needs a number of milliseconds.");
    return {};
}

// Headless runs must be complete on the command line: checked before starting.
QString validateHeadless(const LaunchOptions &o)
{
    if (o.mode == Session::Mode::TcpClient && (o.host.isEmpty() || !o.portGiven))
        return Tr::tr("tcp-client needs --host and --port.");
    if (o.mode == Session::Mode::Relay && o.upstreamHost.isEmpty())
        return Tr::tr("relay needs --upstream host:port (the server to pass clients on to).");
    if (o.mode != Session::Mode::TcpClient && !o.portGiven)
        return Tr::tr("%1 needs --port (0 for any free port).").arg(Session::modeName(o.mode));
    if (o.payload != LaunchOptions::Payload::None && o.mode == Session::Mode::Udp &&
        o.remoteHost.isEmpty())
        return Tr::tr("Sending over UDP needs --remote host:port.");
    // A socket bound to one family cannot send to the other: known before starting.
    const QHostAddress remote(o.remoteHost);
    if (o.mode == Session::Mode::Udp && o.bindGiven && !remote.isNull() &&
        o.bind.protocol() != QAbstractSocket::AnyIPProtocol &&
        remote.protocol() != o.bind.protocol() &&
        !(o.bind == QHostAddress::AnyIPv6 && remote.protocol() == QAbstractSocket::IPv4Protocol))
        return Tr::tr("--remote %1 cannot be reached from --bind %2: they are of "
                      "different IP versions.")
            .arg(o.remoteHost, o.bind.toString());
    if (o.payload == LaunchOptions::Payload::File && o.intervalMs > 0)
        return Tr::tr("--send-file cannot be repeated with --interval.");
    return {};
}

} // namespace

LaunchParse parseLaunchOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("SockScope network debugging assistant: TCP server, TCP client, UDP peer and "
               "relay.\n"
               "Without --headless the window opens, configured by the same options."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const CliOptions c;
    c.addTo(parser);
    const TlsCliOptions tlsOptions;
    tlsOptions.addTo(parser);

    LaunchParse r;
    auto error = [&r](const QString &message) {
        r.outcome = LaunchParse::Outcome::Error;
        r.message = message;
        return r;
    };
    if (!parser.parse(arguments))
        return error(parser.errorText());
    if (parser.isSet(help)) {
        r.outcome = LaunchParse::Outcome::Help;
        r.message = helpText(parser);
        return r;
    }
    if (parser.isSet(version)) {
        r.outcome = LaunchParse::Outcome::Version;
        r.message = QStringLiteral("SockScope " SOCKSCOPE_VERSION);
        return r;
    }
    if (!parser.positionalArguments().isEmpty())
        return error(Tr::tr("Unexpected argument: %1").arg(parser.positionalArguments().first()));

    if (const QString twice = repeatedOption(parser); !twice.isEmpty())
        return error(twice);

    LaunchOptions &o = r.options;
    o.headless = parser.isSet(c.headless);
    o.startNow = parser.isSet(c.start);
    if (parser.isSet(c.mode)) {
        if (!Session::modeFromName(parser.value(c.mode), &o.mode))
            return error(Tr::tr("--mode must be tcp-server, tcp-client, udp or relay, not \"%1\".")
                             .arg(parser.value(c.mode)));
        o.modeGiven = true;
    } else if (o.headless) {
        return error(Tr::tr("--headless needs --mode tcp-server, tcp-client, udp or relay."));
    }
    if (const QString why = optionNotApplying(parser, o); !why.isEmpty())
        return error(why);
    if (QString why = readConnection(parser, c, o); !why.isEmpty())
        return error(why);
    if (QString why = readReceive(parser, c, o); !why.isEmpty())
        return error(why);
    if (QString why = tlsOptions.read(parser, o.mode, o.relayOverUdp, &o.tls); !why.isEmpty())
        return error(why);
    if (QString why = readPayload(parser, c, o); !why.isEmpty())
        return error(why);
    if (o.modeGiven && o.headless) {
        if (QString why = validateHeadless(o); !why.isEmpty())
            return error(why);
    }
    if (o.payload == LaunchOptions::Payload::Text && o.payloadValue.isEmpty())
        return error(Tr::tr("--send needs a non-empty message."));
    return r;
}

} // namespace sockscope
