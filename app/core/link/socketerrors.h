#pragma once

#include "core/net/closereason.h"
#include "core/net/endpoint.h"

#include <QAbstractSocket>
#include <QString>

namespace sockscope {

// A translatable user-facing sentence for every QAbstractSocket::SocketError. Host and port
// give context ("Connection to 127.0.0.1:9 was refused: ..."); pass an empty host and port 0
// for the context-free wording. HostNotFoundError names only the host.
QString socketErrorText(QAbstractSocket::SocketError error, const QString &host = QString(),
                        quint16 port = 0);

// Caveat: Qt 6.4 on Unix never lets a TCP reset be told apart from an orderly close by the
// error code. QNativeSocketEngine's read turns ECONNRESET into a 0-byte read (end of stream),
// and its write turns EPIPE/ECONNRESET into RemoteHostClosedError, so a peer RST arrives as
// RemoteHostClosedError and maps to PeerClosed here; TcpLink (link/tcplink.h) reads the
// descriptor itself, sees ECONNRESET and reports Reset instead. Likewise a connect() that
// times out in the kernel (ETIMEDOUT) is reported by Qt as NetworkError, as are
// ENETUNREACH/EHOSTUNREACH, so NetworkError maps to NetworkUnreachable; Qt's own connect
// timer gives SocketTimeoutError. LocalClose is never produced either: closing or aborting a
// socket ourselves emits no error, and UnknownSocketError may be a real failure, so it maps
// to Error.
CloseReason closeReasonFor(QAbstractSocket::SocketError error);

} // namespace sockscope
