#include "core/transport/sessionfactory.h"

#include "core/transport/dtlssession.h"
#include "core/transport/tcpclientsession.h"
#include "core/transport/tcprelaysession.h"
#include "core/transport/udprelaysession.h"
#include "core/transport/tcpserversession.h"
#include "core/transport/udpsession.h"

namespace sockscope {

Session *createSession(Session::Mode mode, QObject *parent, bool relayOverUdp, bool dtls)
{
    switch (mode) {
    case Session::Mode::TcpServer:
        return new TcpServerSession(parent);
    case Session::Mode::TcpClient:
        return new TcpClientSession(parent);
    case Session::Mode::Udp:
        if (dtls)
            return new DtlsSession(parent);
        return new UdpSession(parent);
    case Session::Mode::Relay:
        if (relayOverUdp)
            return new UdpRelaySession(parent);
        return new TcpRelaySession(parent);
    }
    return nullptr;
}

} // namespace sockscope
