#pragma once

#include "core/transport/linksession.h"

#include <QHash>
#include <QHostAddress>
#include <QTimer>

namespace sockscope {

class TcpLink;
class TcpListener;

// Listens on an address/port and keeps every accepted client as a peer.
// Excess clients beyond maxClients are accepted and closed at once, with an
// event in the log, so they are refused visibly rather than dropped. So are
// clients that arrive while the process is out of file descriptors (see
// TcpListener): the server keeps listening and accepts again once peers leave.
class TcpServerSession : public LinkSession
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpServerSession)

public:
    // "Listening on 127.0.0.1:9000"; for a wildcard address it adds that other machines
    // can connect.
    static QString listeningText(const QHostAddress &address, quint16 port);
    struct Options
    {
        QHostAddress address = QHostAddress(QHostAddress::Any);
        quint16 port = 0; // 0: any free port (see serverPort())
        int maxClients = 10000;
        int backlog = 1024; // connect bursts wait in the kernel instead of being refused
        TlsSettings tls;    // tls.enabled: every client is a TLS client (TlsHandshake)
    };

    explicit TcpServerSession(QObject *parent = nullptr);
    ~TcpServerSession() override;

    void setEndpoint(const SessionEndpoint &endpoint) override;
    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }

    // Starts listening; the result is reported through stateChanged/errorOccurred.
    void start() override;
    // Stops listening and disconnects every peer.
    void stop() override;
    // Stops listening but keeps connected peers, as closing a listen socket does.
    void stopListening();
    bool isListening() const;
    quint16 serverPort() const;
    quint16 boundPort() const override { return isListening() ? serverPort() : 0; }

    void disconnectAll();
    QSslCertificate tlsCertificate() const override { return m_tls.localCertificate(); }

private:
    void admit(TcpLink *link);
    void admitSecure(Link *link);
    QList<quint32> defaultTargets(QString *whyNone) override;

    Options m_options;
    TcpListener *m_listener;
    TlsContext m_tls; // made at start() when tls.enabled
};

} // namespace sockscope
