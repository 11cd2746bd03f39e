#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace sockscope {

// A reply a session should send back to the peer a frame came from.
struct AutoReply
{
    QByteArray bytes;
    int delayMs = 0;
    QString source; // rule name, or "echo", for the log
};

// Decides replies for received frames (device simulation). Implementations
// only ever map bytes to bytes: nothing received is executed or interpreted
// as a command.
class AutoReplier
{
public:
    virtual ~AutoReplier() = default;
    virtual QList<AutoReply> repliesFor(QByteArrayView frame) = 0;
};

} // namespace sockscope
