// The loopback network interface, where multicast tests join and send so that nothing
// leaves the machine.
#pragma once

#include <QNetworkInterface>
#include <QString>

namespace sockscope::test {

// Its name ("lo"), or empty if no loopback interface is up (the test skips).
inline QString loopbackInterfaceName()
{
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : interfaces) {
        if ((iface.flags() & QNetworkInterface::IsLoopBack) &&
            (iface.flags() & QNetworkInterface::IsUp))
            return iface.name();
    }
    return {};
}

} // namespace sockscope::test
