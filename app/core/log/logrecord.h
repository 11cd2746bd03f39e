#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include "core/codec/textcodec.h"

namespace sockscope {

// One row of a session's log: a received frame, a sent message or an event.
// Raw bytes are kept exactly as they crossed the socket; text is built by
// whoever displays the record, in whatever encoding it chooses.
struct LogRecord
{
    enum class Kind : quint8
    {
        Rx,
        Tx,
        Event
    };
    enum Flag : quint16
    {
        NoFlags = 0,
        Oversized = 0x1,    // the max-frame guard cut this frame into pieces
        Continuation = 0x2, // a later piece of an oversized frame
        Incomplete = 0x4,   // the stream ended mid-frame
        Malformed = 0x8,    // a length header declared an impossible length
        ChecksumOk = 0x10,  // receive-side checksum verification passed
        ChecksumBad = 0x20, // ...or failed
        AutoReply = 0x40,   // a Tx record sent by an auto-reply rule or echo
        Error = 0x80,       // an Event that reports an error
        Echo = 0x100,       // with AutoReply: the received bytes sent back by echo
        // A relay's upstream side: Rx came from the server (S>C), Tx was injected towards it;
        // without it, in a relay, Rx came from the client (C>S), Tx was injected towards it.
        Upstream = 0x200,
        // A relay's rewrite rules (replyRule names the rule): Rx: the frame was passed on
        // changed (a Tx record with Rewritten follows: what went out instead), not at all, or
        // later; Tx: what a rule passed on instead of the frame received.
        Rewritten = 0x400,
        Dropped = 0x800,
        Delayed = 0x1000,
    };
    Q_DECLARE_FLAGS(Flags, Flag)

    qint64 timeUs = 0;  // wall clock, microseconds since the Unix epoch
    quint32 peerId = 0; // 0: the session itself (events not tied to a peer)
    Kind kind = Kind::Event;
    Flags flags;
    // The start of a multibyte character that began at the end of the previous
    // record of the same peer and direction, per encoding (see CharCarry). A
    // display that renders rows independently prepends it, and holds back an
    // incomplete character at the row's end, so split characters show whole,
    // exactly once.
    CarryIn carryUtf8;
    CarryIn carryGbk;
    QByteArray bytes; // Rx/Tx: the payload; Event: the message text in UTF-8
    // AutoReply records of a rule: the rule's name (shared with the rule, not copied).
    QString replyRule; // and a relay's records marked by a rewrite rule

    QString eventText() const { return QString::fromUtf8(bytes); }
};
Q_DECLARE_OPERATORS_FOR_FLAGS(LogRecord::Flags)

using LogRecords = QList<LogRecord>;

// Wall-clock time in microseconds since the Unix epoch: for display only, never to
// measure intervals (the system clock can step).
qint64 nowUs();
// Tests only: from now on nowUs() is off by `us` more, as after a step of the system clock.
void shiftWallClockForTest(qint64 us);

} // namespace sockscope

Q_DECLARE_TYPEINFO(sockscope::LogRecord, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(sockscope::LogRecord)
