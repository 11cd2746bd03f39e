#pragma once

#include "core/session/session.h"
#include "core/session/sessionendpoint.h"

#include <QKeySequence>
#include <QList>
#include <QString>

namespace sockscope {

// The words and facts of each session kind, in one table: the tab's title, the connection
// bar's button, the peer panel and the window's "+" menu and File ▸ New session read them
// here. A new kind (the relay, issue 14) is one more row in sessionkinds.cpp.
//
// Each text keeps the translation context of the class that showed it before the table
// existed (SessionTab, MainWindow, ConnectionBar), so the translations carry over as they are.
struct SessionKind
{
    Session::Mode mode;
    const char *nameSource;   // "TCP Server": tab title, "+" menu
    const char *menuSource;   // "TCP &Server": File ▸ New session (with its accelerator)
    Qt::Key shortcutKey;      // File ▸ New session: Ctrl+Shift+this
    bool openAtFirstStart;    // a tab of it opens when there are no saved sessions
    bool streamFraming;       // received bytes are a stream to frame (UDP: one datagram a row)
    bool hasPeerList;         // the peer panel is shown (a TCP client has one peer)
    bool peersAreForgotten;   // dropping a peer forgets it (UDP) rather than disconnecting it
    const char *startSource;  // the connection bar's button while idle: "Listen"
    const char *stopSource;   // … while running: "Stop"
    const char *cancelSource; // … while starting: "Cancel"
    const char *idleSource;   // the state line when idle with nothing to say: "Not listening"
    int peerListWidth = 260;  // the peer panel's first width (a relay's rows say more)
    // Echo and auto-reply rules apply (a relay passes bytes on; it does not answer them).
    bool answers = true;

    // A new session of this kind (idle), a child of parent, fit for the endpoint (a relay's
    // transport: SessionEndpoint::relayOverUdp).
    Session *createSession(QObject *parent, const SessionEndpoint &endpoint = {}) const;
    // A session created for `createdFor` cannot serve `endpoint` (a relay whose transport
    // changed, a UDP tab whose DTLS switch changed): the tab needs a new session before it
    // starts.
    bool needsNewSession(const SessionEndpoint &createdFor, const SessionEndpoint &endpoint) const;
    // Received bytes are a stream to frame for a session made for this endpoint (streamFraming,
    // but a relay over UDP keeps datagrams whole).
    bool streamFramingFor(const SessionEndpoint &endpoint) const;
    QString name() const;
    QString menuText() const;
    QKeySequence shortcut() const;
    QString startText() const;
    QString stopText() const;
    QString cancelText() const;
    QString idleText() const;
    // The peer panel's button acting on the selected peers, and its tooltips.
    QString dropPeersText() const;
    QString dropPeersTip(bool anySelected) const;
    // The tab's title: "TCP Server :9000", "TCP Client → host:9000", "UDP :40000",
    // "Relay :9000 → host:8883" (UDP relay: "UDP Relay :9000 → host:8883").
    // boundPort: the port the session holds now (0: none yet; the asked-for one is shown).
    QString title(const SessionEndpoint &endpoint, quint16 boundPort) const;
};

// Every kind, in the order the menus offer them.
const QList<SessionKind> &sessionKinds();
const SessionKind &sessionKind(Session::Mode mode);

} // namespace sockscope
