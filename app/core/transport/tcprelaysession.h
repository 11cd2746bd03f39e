#pragma once

#include "core/autoreply/rewriterules.h"
#include "core/session/relaycontrol.h"
#include "core/transport/linksession.h"

#include <QHash>
#include <QHostAddress>
#include <QSet>

#include <deque>

namespace sockscope {

class RelayPacer;
class TcpConnector;
class TcpLink;
class TcpListener;

// The relay (man in the middle) over TCP: listens like a server and, for every accepted
// client, connects to the upstream server; the two links are a pair, and what one side sends
// is forwarded to the other, unchanged, in order, and logged in both directions.
//
// Each side of a pair is a peer of its own (PeerInfo::Side Client / Upstream, partners of
// each other), so framing, decoding, checksums and counters work per direction as for any
// peer; the log tells the directions apart by LogRecord::Upstream.
//
// - Back-pressure: a side whose write queue passes highWater stops the other side being read
//   until it falls to lowWater; memory stays bounded whatever the speeds.
// - The client is not read from until its upstream connection is up; if that fails (refused,
//   unreachable, timeout) the client is closed with the reason, the listener keeps running.
// - Half-close is forwarded: a side's FIN becomes our FIN to the other side (after
//   everything it sent), and the other direction keeps flowing until it finishes too.
// - A reset is passed on as a reset; any other end of one side closes the other gracefully
//   (queued bytes go out first).
// - Sending (inject) goes to the peer ids given: a client side or an upstream side.
// - Hold / release / drop per side (RelayControl).
// - Rewrite rules (RelayControl::setRewriteRules): a direction with rules is passed on frame
//   by frame from routeFrame(), each frame replaced, dropped, delayed or as it came; holds,
//   shaping and back-pressure then act on what the rules passed on.
class TcpRelaySession : public LinkSession, public RelayControl
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpRelaySession)

public:
    struct Options
    {
        QHostAddress address = QHostAddress(QHostAddress::Any);
        quint16 port = 0; // 0: any free port (see boundPort())
        QString upstreamHost;
        quint16 upstreamPort = 0;
        int connectTimeoutMs = 5000;
        int maxClients = 10000;
        int backlog = 1024;
        qint64 highWater = 4 << 20;
        qint64 lowWater = 1 << 20;
        // enabled: clients speak TLS to us (we terminate it with our certificate);
        // upstream: we speak TLS to the server (verifying it as a client would).
        TlsSettings tls;
    };

    explicit TcpRelaySession(QObject *parent = nullptr);
    ~TcpRelaySession() override;

    void setEndpoint(const SessionEndpoint &endpoint) override;
    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }
    // "host:port" of the upstream server.
    QString upstreamText() const;

    void start() override;
    // Stops listening and closes every pair (queued bytes go out first).
    void stop() override;
    bool isListening() const;
    quint16 boundPort() const override;

    RelayControl *relay() override { return this; }
    void setHolding(quint32 side, bool hold) override;
    void releaseHeld(quint32 side) override;
    void dropHeld(quint32 side) override;
    void setShaping(bool serverToClient, const Shaping &shaping) override;
    Shaping shaping(bool serverToClient) const override;
    bool setRewriteRules(const RewriteConfig &config, AutoReplyIssue *error = nullptr) override;
    const RewriteConfig &rewriteRules() const override { return m_rewrite.config(); }
    QSslCertificate tlsCertificate() const override { return m_listenTls.localCertificate(); }

private:
    void admit(TcpLink *link);
    void admitSecure(Link *link);
    void connectUpstream(quint32 client);
    void upstreamConnected(quint32 client, TcpLink *link);
    void upstreamSecured(quint32 client, Link *link);
    void upstreamFailed(quint32 client, CloseReason reason, const QString &text);
    void linkReceived(quint32 id, const QByteArray &block) override;
    void linkClosed(quint32 id, CloseReason reason) override;
    void closeOther(quint32 id, CloseReason reason);
    void sideFinished(quint32 id);
    void sideDrained(quint32 id);
    void wire(quint32 id, Link *link);
    // What a side sends, after the rules: held, or forwarded (delayMs later).
    void pass(quint32 id, const QByteArray &bytes, int delayMs = 0);
    void forward(quint32 id, const QByteArray &block, int delayMs = 0);
    FrameRoute routeFrame(quint32 id, const Frame &frame) override;
    void routeBatch(quint32 id, bool begin) override;
    void updateRouting(quint32 id);
    void writeToPartner(quint32 id, const QByteArray &block);
    RelayPacer *pacerFor(quint32 id) const;
    void passOnFinish(quint32 id);
    // Reads from a side while its partner can take more and its hold is under the cap.
    void updateReading(quint32 id);
    quint32 partnerOf(quint32 id) const;
    bool isClientSide(quint32 id) const;
    QList<quint32> defaultTargets(QString *whyNone) override;

    Options m_options;
    TcpListener *m_listener;
    QHash<quint32, TcpConnector *> m_connecting; // client peer → its upstream attempt
    struct Held
    {
        std::deque<std::pair<QByteArray, int>> blocks; // and the delay a rule gave them
        bool finished = false; // the side's end of stream came while held
    };
    QHash<quint32, Held> m_held; // by sending side
    RelayPacer *m_pacers[2];     // client→server, server→client
    QSet<quint32> m_finishAfterPacing; // sides whose FIN waits behind paced bytes
    QHash<quint32, CloseReason> m_closeAfterPacing; // closed sides whose paced bytes still go
    RewriteRules m_rewrite;
    TlsContext m_listenTls;   // made at start() when tls.enabled
    TlsContext m_upstreamTls; // … when tls.upstream
};

} // namespace sockscope
