#pragma once

#include "core/codec/checksum.h"
#include "core/codec/encoding.h"
#include "core/framing/framingspec.h"
#include "core/session/session.h"
#include "core/session/sessionendpoint.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace sockscope {

// Everything the command line can say, for the headless runner and for the
// window (which opens a tab configured the same way). Parsing validates every
// value so that both get a clean, typed description or a clear error.
struct LaunchOptions
{
    bool headless = false;
    bool startNow = false; // GUI: listen/connect right away (--start)
    bool modeGiven = false;
    Session::Mode mode = Session::Mode::TcpServer;

    QHostAddress bind; // server/UDP local address; client: local bind address
    bool bindGiven = false;
    quint16 port = 0; // server/UDP: local port; client: remote port
    bool portGiven = false;
    QString host; // client: remote host
    quint16 localPort = 0;
    int connectTimeoutMs = 5000;
    bool reconnect = false;

    QString remoteHost; // UDP default target
    quint16 remotePort = 0;
    QString upstreamHost; // relay: the server clients are passed on to
    quint16 upstreamPort = 0;
    bool relayOverUdp = false; // --transport udp
    TlsSettings tls;           // --tls, --tls-listen, --tls-upstream and their files
    // Relay "bad network", per direction (--c2s-delay, --c2s-rate, --s2c-delay, --s2c-rate).
    int c2sDelayMs = 0;
    qint64 c2sRate = 0;
    int s2cDelayMs = 0;
    qint64 s2cRate = 0;
    bool broadcast = false;
    QHostAddress joinGroup;
    bool replyToLast = false;

    bool hexDisplay = false;
    Encoding encoding = Encoding::Utf8;
    FramingSpec framing;
    FramingSpec s2cFraming; // relay: the server→client direction's, if given
    bool s2cFramingGiven = false;
    bool echo = false;
    QString rulesFile;
    int maxClients = 10000;
    QString reportFile;
    double durationSeconds = 0; // 0: until stopped

    enum class Payload
    {
        None,
        Text,
        Hex,
        File
    };
    Payload payload = Payload::None;
    QString payloadValue; // the text, hex or file path
    bool escapes = false;
    ChecksumKind checksum = ChecksumKind::None;
    int intervalMs = 0;
    int count = 1;
    int lingerMs = 500; // client: how long to wait for replies after the last send

    // `base` with what these options give for their mode laid over it: the window applies
    // them to a tab's endpoint, the headless runner to the defaults (endpoint()).
    SessionEndpoint overlay(SessionEndpoint base) const;
    SessionEndpoint endpoint() const { return overlay(SessionEndpoint()); }
};

struct LaunchParse
{
    enum class Outcome
    {
        Ok,
        Error,
        Help,
        Version
    };
    Outcome outcome = Outcome::Ok;
    QString message; // error text, or the help/version text to print
    LaunchOptions options;
};

// Parses arguments (argv[0] first). Does not print or exit.
LaunchParse parseLaunchOptions(const QStringList &arguments);

} // namespace sockscope
