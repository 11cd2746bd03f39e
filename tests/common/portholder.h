// "Port already in use", with an owner to name: another process (tests/peers/port_holder.py)
// holds a port on 127.0.0.1 until its stdin closes.
#pragma once

#include "pythonpeer.h"

#include <QTest>

namespace sockscope::test {

class PortHolder : public PythonPeer
{
public:
    // Holds a "tcp" (listening) or "udp" port; returns it once the holder has said which,
    // 0 if it did not in time.
    quint16 hold(const char *protocol, int timeoutMs = 10000)
    {
        start("port_holder.py", {QLatin1String(protocol)});
        const QString key = QStringLiteral("PORT");
        if (!QTest::qWaitFor([&] { return !value(key).isEmpty() || finished(); }, timeoutMs))
            return 0;
        return value(key).toUShort();
    }

    // The holder's process id, as an owner lookup reports it.
    QString pid() { return QString::number(process().processId()); }

    // Lets the port go: the holder exits when its stdin closes. True once it has.
    bool release(int timeoutMs = 10000)
    {
        process().closeWriteChannel();
        return QTest::qWaitFor([this] { return finished(); }, timeoutMs);
    }
};

} // namespace sockscope::test
