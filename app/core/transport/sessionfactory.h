#pragma once

#include "core/session/session.h"

namespace sockscope {

// A new, idle session of the given kind; Session::setEndpoint() configures it. A relay is over
// TCP unless relayOverUdp (SessionEndpoint::relayOverUdp).
Session *createSession(Session::Mode mode, QObject *parent, bool relayOverUdp = false);

} // namespace sockscope
