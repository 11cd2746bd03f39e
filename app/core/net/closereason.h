#pragma once

#include <QString>
#include <QStringView>

namespace sockscope {

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
    TlsFailed,          // "tls-failed": the TLS/DTLS handshake failed (words say why)
};

QString closeReasonName(CloseReason reason); // "peer-closed", ...
bool closeReasonFromName(QStringView name, CloseReason *reason);

// Short translatable label for a UI column, e.g. "Closed by peer".
QString closeReasonText(CloseReason reason);

} // namespace sockscope
