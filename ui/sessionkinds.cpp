#include "sessionkinds.h"

#include "core/net/endpoint.h"
#include "core/transport/sessionfactory.h"

#include <QCoreApplication>

namespace sockscope {

namespace {

// The contexts the words were translated in before they moved here (see the header).
constexpr char TabContext[] = "sockscope::SessionTab";
constexpr char WindowContext[] = "sockscope::MainWindow";
constexpr char BarContext[] = "sockscope::ConnectionBar";

QString translated(const char *context, const char *source)
{
    return QCoreApplication::translate(context, source);
}

const QList<SessionKind> &table()
{
    static const QList<SessionKind> kinds{
        {Session::Mode::TcpServer, QT_TRANSLATE_NOOP("sockscope::SessionTab", "TCP Server"),
         QT_TRANSLATE_NOOP("sockscope::MainWindow", "TCP &Server"), Qt::Key_S,
         /*openAtFirstStart*/ true,
         /*streamFraming*/ true, /*hasPeerList*/ true, /*peersAreForgotten*/ false,
         QT_TRANSLATE_NOOP("sockscope::ConnectionBar", "Listen"),
         QT_TRANSLATE_NOOP("sockscope::ConnectionBar", "Stop"),
         QT_TRANSLATE_NOOP("sockscope::ConnectionBar", "Stop"),
         QT_TRANSLATE_NOOP("sockscope::ConnectionBar", "Not listening")},
        {Session::Mode::TcpClient, QT_TRANSLATE_NOOP("sockscope::SessionTab", "TCP Client"),
         QT_TRANSLATE_NOOP("sockscope::MainWindow", "TCP &Client"), Qt::Key_C,
         /*openAtFirstStart*/ true,
         /*streamFraming*/ true, /*hasPeerList*/ false, /*peersAreForgotten*/ false,
         QT_TRANSLATE_NOOP("sockscope::ConnectionBar", "Connect"),
         QT_TRANSLATE_NOOP("sockscope::ConnectionBar", "Disconnect"),
         QT_TRANSLATE_NOOP("sockscope::ConnectionBar", "Cancel"),
         QT_TRANSLATE_NOOP("sockscope::ConnectionBar", "Not connected")},
        {Session::Mode::Udp, QT_TRANSLATE_NOOP("sockscope::SessionTab", "UDP"),
         QT_TRANSLATE_NOOP("sockscope::MainWindow", "&UDP"), Qt::Key_U, /*openAtFirstStart*/ true,
         /*streamFraming*/ false, /*hasPeerList*/ true, /*peersAreForgotten*/ true,
         QT_TRANSLATE_NOOP("sockscope::ConnectionBar", "Open"),
         QT_TRANSLATE_NOOP("sockscope::ConnectionBar", "Close"),
         QT_TRANSLATE_NOOP("sockscope::ConnectionBar", "Close"),
         QT_TRANSLATE_NOOP("sockscope::ConnectionBar", "Closed")},
        {Session::Mode::Relay, QT_TRANSLATE_NOOP("sockscope::SessionTab", "Relay"),
         QT_TRANSLATE_NOOP("sockscope::MainWindow", "&Relay"), Qt::Key_R,
         /*openAtFirstStart*/ false,
         /*streamFraming*/ true, /*hasPeerList*/ true, /*peersAreForgotten*/ false,
         QT_TRANSLATE_NOOP("sockscope::ConnectionBar", "Start"),
         QT_TRANSLATE_NOOP("sockscope::ConnectionBar", "Stop"),
         QT_TRANSLATE_NOOP("sockscope::ConnectionBar", "Stop"),
         QT_TRANSLATE_NOOP("sockscope::ConnectionBar", "Not relaying"), /*peerListWidth*/ 360,
         /*answers*/ false},
    };
    return kinds;
}

} // namespace

const QList<SessionKind> &sessionKinds()
{
    return table();
}

const SessionKind &sessionKind(Session::Mode mode)
{
    for (const SessionKind &k : table())
        if (k.mode == mode)
            return k;
    Q_ASSERT_X(false, "sessionKind", "every mode has a row");
    return table().constFirst();
}

Session *SessionKind::createSession(QObject *parent, const SessionEndpoint &endpoint) const
{
    return sockscope::createSession(mode, parent, endpoint.relayOverUdp, endpoint.tls.enabled);
}

bool SessionKind::needsNewSession(const SessionEndpoint &createdFor,
                                  const SessionEndpoint &endpoint) const
{
    // Only a relay comes in two transports; every other kind serves any endpoint.
    return mode == Session::Mode::Relay && createdFor.relayOverUdp != endpoint.relayOverUdp;
}

bool SessionKind::streamFramingFor(const SessionEndpoint &endpoint) const
{
    return streamFraming && !(mode == Session::Mode::Relay && endpoint.relayOverUdp);
}

QString SessionKind::name() const
{
    return translated(TabContext, nameSource);
}

QString SessionKind::menuText() const
{
    return translated(WindowContext, menuSource);
}

QKeySequence SessionKind::shortcut() const
{
    return QKeySequence(Qt::CTRL | Qt::SHIFT | shortcutKey);
}

QString SessionKind::startText() const
{
    return translated(BarContext, startSource);
}

QString SessionKind::stopText() const
{
    return translated(BarContext, stopSource);
}

QString SessionKind::cancelText() const
{
    return translated(BarContext, cancelSource);
}

QString SessionKind::idleText() const
{
    return translated(BarContext, idleSource);
}

QString SessionKind::dropPeersText() const
{
    return translated(TabContext, peersAreForgotten
                                      ? QT_TRANSLATE_NOOP("sockscope::SessionTab", "Forget")
                                      : QT_TRANSLATE_NOOP("sockscope::SessionTab", "Disconnect"));
}

QString SessionKind::dropPeersTip(bool anySelected) const
{
    const char *forget =
        anySelected
            ? QT_TRANSLATE_NOOP("sockscope::SessionTab",
                                "Forget the selected peers (their next datagram "
                                "adds them again).")
            : QT_TRANSLATE_NOOP("sockscope::SessionTab", "Select the peers to forget first.");
    const char *disconnect =
        anySelected ? QT_TRANSLATE_NOOP("sockscope::SessionTab", "Disconnect the selected clients.")
                    : QT_TRANSLATE_NOOP("sockscope::SessionTab",
                                        "Select the clients to disconnect first (Ctrl+click for "
                                        "several).");
    const char *disconnectPairs =
        anySelected
            ? QT_TRANSLATE_NOOP("sockscope::SessionTab",
                                "Disconnect the selected pairs (the client and its "
                                "connection to the server).")
            : QT_TRANSLATE_NOOP("sockscope::SessionTab",
                                "Select the pairs to disconnect first (Ctrl+click for several).");
    if (mode == Session::Mode::Relay)
        return translated(TabContext, disconnectPairs);
    return translated(TabContext, peersAreForgotten ? forget : disconnect);
}

QString SessionKind::title(const SessionEndpoint &e, quint16 boundPort) const
{
    switch (mode) {
    case Session::Mode::TcpClient:
        return QStringLiteral("%1 → %2").arg(name(), formatEndpoint(e.remoteHost, e.remotePort));
    case Session::Mode::Relay:
        return QStringLiteral("%1 :%2 → %3")
            .arg(e.relayOverUdp ? translated(TabContext, QT_TRANSLATE_NOOP("sockscope::SessionTab",
                                                                           "UDP Relay"))
                                : name())
            .arg(boundPort ? boundPort : e.localPort)
            .arg(formatEndpoint(e.remoteHost, e.remotePort));
    case Session::Mode::TcpServer:
    case Session::Mode::Udp:
        break;
    }
    // The real port once bound (port 0 asks for any free one), else the one asked for.
    return QStringLiteral("%1 :%2").arg(name()).arg(boundPort ? boundPort : e.localPort);
}

} // namespace sockscope
