#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>

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

// Of the addresses a name resolved to, the first of the bound socket's family (a UDP socket
// bound to IPv4 cannot send to IPv6), else the first. Null for none.
QHostAddress addressForFamily(const QList<QHostAddress> &addresses,
                              QAbstractSocket::NetworkLayerProtocol family);

} // namespace sockscope
