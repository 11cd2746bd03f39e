#pragma once

#include "core/session/session.h"

namespace sockscope {

// A new, idle session of the given kind; Session::setEndpoint() configures it. A relay is over
// TCP unless relayOverUdp (SessionEndpoint::relayOverUdp). A UDP session speaks DTLS when dtls
// (SessionEndpoint::tls.enabled): a server with its own certificate, else a client.
Session *createSession(Session::Mode mode, QObject *parent, bool relayOverUdp = false,
                       bool dtls = false);

} // namespace sockscope
