#pragma once

#include "core/session/session.h"

namespace sockscope {

// A new, idle session of the given kind; Session::setEndpoint() configures it.
Session *createSession(Session::Mode mode, QObject *parent);

} // namespace sockscope
