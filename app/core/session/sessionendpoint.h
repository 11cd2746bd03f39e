#pragma once

#include "session/session.h"

#include <QHostAddress>
#include <QString>

namespace sockscope {

// Where a session listens or connects and how, independent of the mode: the
// connection bar edits it, the command line fills it, applyEndpoint() hands
// it to whichever session kind it is.
struct SessionEndpoint
{
    QHostAddress localAddress; // server/UDP bind (null: the mode's default), client local bind
    quint16 localPort = 0;
    QString remoteHost; // client: the server; UDP: default target
    quint16 remotePort = 0;
    int connectTimeoutMs = 5000;
    bool autoReconnect = false;
    int maxClients = 10000;
    bool broadcast = false;
    bool replyToLast = false;
    QHostAddress multicastGroup;
    QString multicastInterface; // interface name; empty: the system's default
};

// A new, idle session of the given mode.
Session *createSession(Session::Mode mode, QObject *parent);

// Configures a session (of any mode) from the endpoint; takes effect at start().
void applyEndpoint(Session *session, const SessionEndpoint &endpoint);

} // namespace sockscope
