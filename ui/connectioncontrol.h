#pragma once

#include <QObject>

namespace sockscope {

class ConnectionBar;
class Session;

// The connection bar and the session, both ways: start() (the tab calls it for the bar's
// button, after making sure the session fits the endpoint) and the bar's button stop the
// session with the bar's endpoint, fields that may change while it runs reach it at once
// (Session::updateLiveEndpoint), Join/Leave go to its multicast groups, and the bar shows
// the session's state.
class ConnectionControl : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionControl)

public:
    ConnectionControl(Session *session, ConnectionBar *bar, QObject *parent = nullptr);

    void start();
    void stop();
    // The bar shows the session's state now (button text, state line and its colour).
    void showState();

signals:
    // Emitted just before the session starts or stops, so the other parts can get ready
    // (framing handed over; senders stopped first, so nothing sends into a stopping session).
    void aboutToStart();
    void aboutToStop();
    // A field the session took while running changed (the send target may have moved).
    void liveEndpointChanged();

private:
    void connectMulticast();

    Session *m_session;
    ConnectionBar *m_bar;
};

} // namespace sockscope
