#pragma once

#include "core/transport/linksession.h"

#include <QHostAddress>
#include <QTimer>

class QTcpSocket;

namespace sockscope {

// One outgoing TCP connection, with a connect timeout, an optional local
// bind and optional auto-reconnect with exponential back-off. Every close
// carries its reason (peer closed, refused, timeout, host not found, ...).
class TcpClientSession : public LinkSession
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpClientSession)

public:
    enum class Connection
    {
        Closed,
        Connecting,
        Connected,
        Closing
    };
    Q_ENUM(Connection)

    struct Options
    {
        QString host;
        quint16 port = 0;
        int connectTimeoutMs = 5000;
        QHostAddress localAddress; // null: let the OS choose
        quint16 localPort = 0;
        bool autoReconnect = false;
        int reconnectInitialMs = 1000;
        int reconnectMaxMs = 30000;
        TlsSettings tls; // tls.enabled: TLS once connected (TlsHandshake), verified by default
    };

    explicit TcpClientSession(QObject *parent = nullptr);
    ~TcpClientSession() override;

    void setEndpoint(const SessionEndpoint &endpoint) override;
    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }

    void start() override; // connect
    void stop() override;  // close (flushing pending writes) and stop reconnecting

    Connection connection() const { return m_connection; }
    quint32 currentPeer() const { return m_peerId; }
    // Why the last connection attempt or connection ended.
    CloseReason lastCloseReason() const { return m_lastReason; }
    int reconnectDelayMs() const { return m_nextDelayMs; }

    void disconnectPeer(quint32 peerId) override;
    QSslCertificate tlsCertificate() const override { return m_tls.localCertificate(); }

signals:
    void connectionChanged(sockscope::TcpClientSession::Connection connection);

private:
    void connectNow();
    void onConnected();
    void onSecured(Link *link);
    void onConnectFailed(CloseReason reason, const QString &message);
    void linkClosed(quint32 id, CloseReason reason) override;
    QList<quint32> defaultTargets(QString *whyNone) override;
    Delivery sendBytes(quint32 id, const QByteArray &bytes, QString *error) override;
    void setConnection(Connection c);
    void scheduleReconnect(const QString &why);
    QString target() const;

    Options m_options;
    QTcpSocket *m_socket = nullptr; // while connecting; then the connection is a link
    quint32 m_peerId = 0;
    Connection m_connection = Connection::Closed;
    CloseReason m_lastReason = CloseReason::LocalClose;
    QTimer m_connectTimer;
    QTimer m_reconnectTimer;
    int m_nextDelayMs = 0;
    bool m_wanted = false; // the user wants a connection (drives auto-reconnect)
    bool m_handshaking = false;
    TlsContext m_tls; // made at start() when tls.enabled
};

} // namespace sockscope
