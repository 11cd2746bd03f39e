#include "core/session/sessionendpoint.h"

namespace sockscope {

QHostAddress parseLocalAddress(const QString &text)
{
    const QString t = text.trimmed();
    const bool bracketed = t.startsWith(QLatin1Char('[')) && t.endsWith(QLatin1Char(']'));
    QHostAddress a;
    if (!a.setAddress(bracketed ? t.mid(1, t.size() - 2) : t))
        return {};
    if (bracketed && a.protocol() != QAbstractSocket::IPv6Protocol)
        return {}; // "[127.0.0.1]" is not an address
    if (a == QHostAddress::AnyIPv6 && a.protocol() == QAbstractSocket::IPv6Protocol)
        return bracketed ? a : QHostAddress(QHostAddress::Any);
    return a;
}

QString localAddressText(const QHostAddress &address)
{
    if (address.isNull())
        return {};
    if (address.protocol() == QAbstractSocket::AnyIPProtocol)
        return QStringLiteral("::");
    if (address.protocol() == QAbstractSocket::IPv6Protocol && address == QHostAddress::AnyIPv6)
        return QStringLiteral("[::]");
    return address.toString();
}

} // namespace sockscope
