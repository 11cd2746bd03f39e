#pragma once

#include "core/tls/tlssettings.h"

#include <QHostAddress>
#include <QString>

namespace sockscope {

// Where a session listens or connects and how, independent of the mode: the
// connection bar edits it, the command line fills it, Session::setEndpoint()
// hands it to whichever session kind it is.
struct SessionEndpoint
{
    QHostAddress localAddress; // server/UDP bind (null: the mode's default), client local bind
    quint16 localPort = 0;
    QString remoteHost; // client: the server; UDP: default target; relay: the upstream server
    quint16 remotePort = 0;
    int connectTimeoutMs = 5000;
    bool autoReconnect = false;
    int maxClients = 10000;
    bool broadcast = false;
    bool replyToLast = false;
    QHostAddress multicastGroup;
    QString multicastInterface; // interface name; empty: the system's default
    bool relayOverUdp = false;  // relay: datagrams (a mapping per client) instead of TCP
    TlsSettings tls; // TCP: TLS; UDP: DTLS; relay: per side (TlsSettings::upstream)
};

// A local address as the user writes it (the window's list, --bind, saved settings).
// "::" means every address of both families, as the user expects (QHostAddress::Any; Qt's
// AnyIPv6 would set IPV6_V6ONLY); "[::]" means every IPv6 address only (AnyIPv6), as in
// nginx's "listen [::]". Other addresses may be bracketed too. Null when not an address.
QHostAddress parseLocalAddress(const QString &text);
// The inverse: Any is "::", AnyIPv6 "[::]", AnyIPv4 "0.0.0.0"; empty for a null address.
QString localAddressText(const QHostAddress &address);

} // namespace sockscope
