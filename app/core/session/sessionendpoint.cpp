#include "sessionendpoint.h"

#include "transport/tcpclientsession.h"
#include "transport/tcpserversession.h"
#include "transport/udpsession.h"

namespace sockscope {

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
