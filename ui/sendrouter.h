#pragma once

#include "core/session/session.h"
#include "core/session/sessionendpoint.h"

#include <QObject>

#include <functional>

namespace sockscope {

class FileSender;
class PeerPanel;
class PeriodicSender;
class SendPanel;
struct MessageSpec;

// Whether the send buttons may send now and, if not, why; and the peer panel's words for
// where a send goes. Derived from the one target (SendRouter::targets()) and the session.
struct SendReadiness
{
    bool ok = false;
    QString why;   // empty when ok: "Start listening first."
    QString label; // "Send to: all 3 client(s)"; empty for kinds without a peer list
};

// Where the send panel's messages go and who sends them: the one send target (the peer
// panel's selection; empty: the session's default target), the Send button, the periodic
// sender and the file sender. Also what the send buttons may do now (readiness()).
class SendRouter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendRouter)

public:
    // What readiness() is decided from; one row of the table in tst_sendrouter.
    struct Facts
    {
        Session::Mode mode = Session::Mode::TcpServer;
        bool active = false; // listening, connected or bound
        int openPeers = 0;
        bool clientsCame = false; // a client connected since the session last started
        int selected = 0;         // peers selected in the panel
        // UDP, from the connection bar and the session:
        bool remoteSet = false;   // a remote address is filled in
        bool replyToLast = false; // "Reply to last sender" is ticked
        QString lastSender;       // endpoint a send answers now because it sent last; or empty
        // Relay: openPeers counts connected pairs, selected the selected pairs; the side
        // chosen on the send panel, and how many sides a send reaches now.
        bool toServer = true;
        int targets = 0;
        // UDP with DTLS (the bar's switch), and its role: a server (its own certificate) sends
        // to its clients, a client to the remote target, each once the handshake finished.
        bool dtls = false;
        bool dtlsServer = false;
    };
    static SendReadiness readiness(const Facts &facts);

    // peers: nullptr for kinds without a peer list (every send goes to the default target).
    SendRouter(Session *session, PeerPanel *peers, SendPanel *send, QObject *parent = nullptr);

    // The connection bar's fields, as the UDP words need them (remote set, reply to last).
    void setEndpointSource(std::function<SessionEndpoint()> endpoint);

    // The one send target: the selected peers, in list order; empty: the default target.
    // A relay: the chosen side (send panel) of each selected pair, or of every connected pair
    // when none is selected; a relay has no default target.
    QList<quint32> targets() const;

    SendReadiness readiness() const;

    void sendNow(const MessageSpec &spec);
    void startPeriodic(const MessageSpec &spec, int intervalMs, int count);
    void stopPeriodic();
    void sendFile(const QString &path);
    void cancelFile();
    // The session is about to start: "No client is connected yet." holds again.
    void beginRun();
    // The session is about to stop: senders go first, so nothing sends into it.
    void stopSenders();
    // The tab is closing: the senders go now (a dying session must not hear from them).
    void dropSenders();
    // Works readiness() out again and emits it (state, peers or the fields changed).
    void refresh();

signals:
    void readinessChanged(const sockscope::SendReadiness &readiness);

private:
    Facts facts() const;
    static void relayReadiness(const Facts &facts, SendReadiness *readiness);
    static void dtlsReadiness(const Facts &facts, SendReadiness *readiness);
    bool isRelay() const { return m_session->mode() == Session::Mode::Relay; }
    QList<quint32> relayTargets() const;
    void onRecords();

    Session *m_session;
    PeerPanel *m_peers;
    SendPanel *m_send;
    std::function<SessionEndpoint()> m_endpoint;
    PeriodicSender *m_periodic = nullptr;
    FileSender *m_file = nullptr;
    bool m_clientsCame = false;
    quint32 m_shownSender = 0; // the last sender named by the label (reply to last)
};

} // namespace sockscope
