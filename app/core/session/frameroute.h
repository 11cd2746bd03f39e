#pragma once

#include "core/log/logrecord.h"

#include <QByteArray>
#include <QString>

namespace sockscope {

// What a relay's rewrite rules made of one received frame (Session::routeFrame()), for its log
// records.
struct FrameRoute
{
    LogRecord::Flags flags; // for the frame's Rx record: Rewritten, Dropped or Delayed
    QString rule;           // the rule that decided
    quint32 sentTo = 0;     // with `sent`: logged as a Tx record to that peer, Rewritten
    QByteArray sent;
};

} // namespace sockscope
