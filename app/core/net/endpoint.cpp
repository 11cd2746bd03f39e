#include "core/net/endpoint.h"

#include <QCoreApplication>

namespace sockscope {

namespace {

// Translation context of these free functions ("sockscope::SocketErrors" in .ts files).
class SocketErrors
{
    Q_DECLARE_TR_FUNCTIONS(sockscope::SocketErrors)
};

} // namespace

QString formatEndpoint(const QString &host, quint16 port)
{
    if (port == 0)
        return host;
    const bool ipv6Literal = host.contains(QLatin1Char(':')) && !host.startsWith(QLatin1Char('['));
    const QString shownHost = ipv6Literal ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return shownHost + QLatin1Char(':') + QString::number(port);
}

QHostAddress unmappedAddress(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 && address.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress(v4) : address;
}

QString boundEndpointText(const QHostAddress &address, quint16 port)
{
    if (address.protocol() == QAbstractSocket::AnyIPProtocol)
        return SocketErrors::tr("%1, IPv6 and IPv4")
            .arg(formatEndpoint(QStringLiteral("::"), port));
    if (address.protocol() == QAbstractSocket::IPv6Protocol && address == QHostAddress::AnyIPv6)
        return SocketErrors::tr("%1, IPv6 only").arg(formatEndpoint(address.toString(), port));
    return formatEndpoint(address.toString(), port);
}

QHostAddress addressForFamily(const QList<QHostAddress> &addresses,
                              QAbstractSocket::NetworkLayerProtocol family)
{
    for (const QHostAddress &a : addresses) {
        if (a.protocol() == family)
            return a;
    }
    return addresses.isEmpty() ? QHostAddress() : addresses.constFirst();
}

} // namespace sockscope
