#include "core/session/sessionendpoint.h"

#include "core/transport/tcpclientsession.h"
#include "core/transport/tcpserversession.h"
#include "core/transport/udpsession.h"

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

Session *createSession(Session::Mode mode, QObject *parent)
{
    switch (mode) {
    case Session::Mode::TcpServer:
        return new TcpServerSession(parent);
    case Session::Mode::TcpClient:
        return new TcpClientSession(parent);
    case Session::Mode::Udp:
        return new UdpSession(parent);
    }
    return nullptr;
}

void applyEndpoint(Session *session, const SessionEndpoint &e)
{
    if (auto *s = qobject_cast<TcpServerSession *>(session)) {
        TcpServerSession::Options o;
        if (!e.localAddress.isNull())
            o.address = e.localAddress;
        o.port = e.localPort;
        o.maxClients = e.maxClients;
        s->setOptions(o);
    } else if (auto *c = qobject_cast<TcpClientSession *>(session)) {
        TcpClientSession::Options o;
        o.host = e.remoteHost;
        o.port = e.remotePort;
        o.connectTimeoutMs = e.connectTimeoutMs;
        o.autoReconnect = e.autoReconnect;
        o.localAddress = e.localAddress;
        o.localPort = e.localPort;
        c->setOptions(o);
    } else if (auto *u = qobject_cast<UdpSession *>(session)) {
        UdpSession::Options o;
        if (!e.localAddress.isNull())
            o.bindAddress = e.localAddress;
        o.port = e.localPort;
        o.remoteHost = e.remoteHost;
        o.remotePort = e.remotePort;
        o.broadcast = e.broadcast;
        o.replyToLastSender = e.replyToLast;
        o.multicastGroup = e.multicastGroup;
        o.multicastInterface = e.multicastInterface;
        u->setOptions(o);
    }
}

} // namespace sockscope
