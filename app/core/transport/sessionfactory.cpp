#include "core/transport/sessionfactory.h"

#include "core/transport/tcpclientsession.h"
#include "core/transport/tcprelaysession.h"
#include "core/transport/tcpserversession.h"
#include "core/transport/udpsession.h"

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
    case Session::Mode::Relay:
        return new TcpRelaySession(parent);
    }
    return nullptr;
}

} // namespace sockscope
