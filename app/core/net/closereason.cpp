#include "core/net/closereason.h"

#include <QCoreApplication>

namespace sockscope {

namespace {

// Translation context of these free functions ("sockscope::SocketErrors" in .ts files).
class SocketErrors
{
    Q_DECLARE_TR_FUNCTIONS(sockscope::SocketErrors)
};

struct ReasonName
{
    CloseReason reason;
    const char *name;
};

constexpr ReasonName kReasonNames[] = {
    {CloseReason::PeerClosed, "peer-closed"},
    {CloseReason::Reset, "reset"},
    {CloseReason::Timeout, "timeout"},
    {CloseReason::Refused, "refused"},
    {CloseReason::HostNotFound, "host-not-found"},
    {CloseReason::NetworkUnreachable, "network-unreachable"},
    {CloseReason::LocalClose, "local-close"},
    {CloseReason::Error, "error"},
    {CloseReason::TlsFailed, "tls-failed"},
};

} // namespace

QString closeReasonName(CloseReason reason)
{
    for (const ReasonName &entry : kReasonNames) {
        if (entry.reason == reason)
            return QLatin1String(entry.name);
    }
    return QStringLiteral("error");
}

bool closeReasonFromName(QStringView name, CloseReason *reason)
{
    for (const ReasonName &entry : kReasonNames) {
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0) {
            if (reason)
                *reason = entry.reason;
            return true;
        }
    }
    return false;
}

QString closeReasonText(CloseReason reason)
{
    switch (reason) {
    case CloseReason::PeerClosed:
        return SocketErrors::tr("Closed by peer");
    case CloseReason::Reset:
        return SocketErrors::tr("Reset by peer");
    case CloseReason::Timeout:
        return SocketErrors::tr("Timed out");
    case CloseReason::Refused:
        return SocketErrors::tr("Refused");
    case CloseReason::HostNotFound:
        return SocketErrors::tr("Host not found");
    case CloseReason::NetworkUnreachable:
        return SocketErrors::tr("Network unreachable");
    case CloseReason::LocalClose:
        return SocketErrors::tr("Closed locally");
    case CloseReason::Error:
        return SocketErrors::tr("Error");
    case CloseReason::TlsFailed:
        return SocketErrors::tr("TLS failed");
    }
    return SocketErrors::tr("Error");
}

} // namespace sockscope
