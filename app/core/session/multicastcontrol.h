#pragma once

#include <QHostAddress>
#include <QString>

namespace sockscope {

// Multicast group membership of a session that has it (UDP): Session::multicast() hands it
// out, so the window joins and leaves groups without knowing the session's kind.
class MulticastControl
{
public:
    // Joins now (or, while closed, when the socket opens) on the named interface (empty: the
    // system's default). False, with the reason logged, when the join cannot work.
    virtual bool joinGroup(const QHostAddress &group, const QString &interfaceName = QString()) = 0;
    virtual bool leaveGroup(const QHostAddress &group, const QString &interfaceName = QString()) = 0;

protected:
    ~MulticastControl() = default; // not deleted through this interface
};

} // namespace sockscope
