#pragma once

#include <QAbstractSocket>
#include <QHostAddress>
#include <QString>
#include <QStringView>

namespace sockscope {

// "host:port", with brackets for IPv6 literals ("[::1]:9"); just the host when port is 0,
// just ":port" when the host is empty.
QString formatEndpoint(const QString &host, quint16 port);

// Where a bound socket really listens, for state lines: "0.0.0.0:9000", "[::1]:9000",
// "[::]:9000, IPv6 and IPv4" for QHostAddress::Any (dual-stack, which Qt prints as
// "0.0.0.0"), "[::]:9000, IPv6 only" for AnyIPv6 (IPV6_V6ONLY).
QString boundEndpointText(const QHostAddress &address, quint16 port);

// An IPv4 peer of a dual-stack socket arrives v4-mapped (::ffff:127.0.0.1); shown and
// keyed as the plain IPv4 address it is. Other addresses are returned unchanged.
QHostAddress unmappedAddress(const QHostAddress &address);

// A translatable user-facing sentence for every QAbstractSocket::SocketError. Host and port
// give context ("Connection to 127.0.0.1:9 was refused: ..."); pass an empty host and port 0
// for the context-free wording. HostNotFoundError names only the host.
QString socketErrorText(QAbstractSocket::SocketError error, const QString &host = QString(),
                        quint16 port = 0);

// Why a connection ended, short and stable for logs and reports.
enum class CloseReason
{
    PeerClosed,         // "peer-closed"
    Reset,              // "reset"
    Timeout,            // "timeout"
    Refused,            // "refused"
    HostNotFound,       // "host-not-found"
    NetworkUnreachable, // "network-unreachable"
    LocalClose,         // "local-close"
    Error,              // "error"
};

// Caveat: Qt 6.4 on Unix never lets a TCP reset be told apart from an orderly close by the
// error code. QNativeSocketEngine's read turns ECONNRESET into a 0-byte read (end of stream),
// and its write turns EPIPE/ECONNRESET into RemoteHostClosedError, so a peer RST arrives as
// RemoteHostClosedError and maps to PeerClosed here; sessions learn of the reset from
// ResetProbe (transport/resetprobe.h) and report Reset instead. Likewise a connect() that
// times out in the kernel (ETIMEDOUT) is reported by Qt as NetworkError, as are
// ENETUNREACH/EHOSTUNREACH, so NetworkError maps to NetworkUnreachable; Qt's own connect
// timer gives SocketTimeoutError. LocalClose is never produced either: closing or aborting a
// socket ourselves emits no error, and UnknownSocketError may be a real failure, so it maps
// to Error.
CloseReason closeReasonFor(QAbstractSocket::SocketError error);

QString closeReasonName(CloseReason reason); // "peer-closed", ...
bool closeReasonFromName(QStringView name, CloseReason *reason);

// Short translatable label for a UI column, e.g. "Closed by peer".
QString closeReasonText(CloseReason reason);

} // namespace sockscope
