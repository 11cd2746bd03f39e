#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace sockscope {

// A reply a session should send back to the peer a frame came from.
struct AutoReply
{
    QByteArray bytes;
    int delayMs = 0;
    QString source; // rule name, or "echo", for the log
    bool echo = false; // the received bytes sent back (a rule may be named "echo" too)
};

// Decides replies for received frames (device simulation). Implementations
// only ever map bytes to bytes: nothing received is executed or interpreted
// as a command.
class AutoReplier
{
public:
    // A batch: the frames of one read, matched without returning to the event loop.
    // Work budgets are per batch; endBatch() returns what is worth logging about it
    // (a rule skipped for blowing its budget, and why).
    virtual void beginBatch() {}
    virtual QStringList endBatch() { return {}; }

    virtual ~AutoReplier() = default;
    // `stripped`: what the framing took off the frame's end (Frame::stripped). Rules match
    // the frame alone; echo sends back frame + stripped, exactly the bytes received.
    virtual QList<AutoReply> repliesFor(QByteArrayView frame, QByteArrayView stripped = {}) = 0;
};

} // namespace sockscope
