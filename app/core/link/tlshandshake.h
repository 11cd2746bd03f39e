#pragma once

#include "core/net/closereason.h"
#include "core/tls/tlscontext.h"
#include "core/tls/tlssessioninfo.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QSslError>
#include <QTimer>

class QSocketNotifier;
class QSslSocket;

namespace sockscope {

class TcpLink;
class TlsLink;

// One TLS handshake over a fresh TCP connection, ending as a TlsLink or as a failure in words.
//
// Server role: it first waits for the client's first bytes and peeks at them (MSG_PEEK, so the
// TLS library still reads them): plaintext on a TLS port is named as such, with what it said.
// Client role: the library's own message tells a plaintext answer apart ("wrong version
// number"). Either way a handshake that takes longer than the settings' timeout fails.
//
// Verification (client): Qt's checks plus our RFC 6125 host check (certificateNamesHost);
// with insecure set the errors are accepted and kept (TlsSessionInfo::verifyErrors).
class TlsHandshake : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsHandshake)

public:
    // Takes the connection out of `plain` (which is deleted later). host: what the client
    // connected to (the peer name checked and sent as SNI unless the settings name one).
    static TlsHandshake *start(TcpLink *plain, const TlsContext &context, const QString &host,
                               QObject *parent);
    ~TlsHandshake() override;

    QHostAddress peerAddress() const { return m_peerAddress; }
    quint16 peerPort() const { return m_peerPort; }

signals:
    // The link's parent is this handshake until the receiver takes it; delete the handshake
    // (deleteLater) after either signal.
    void finished(sockscope::TlsLink *link);
    // refused: for a failed verification, the chain the peer showed and why (verifyErrors).
    void failed(sockscope::CloseReason reason, const QString &text,
                const sockscope::TlsSessionInfo &refused);

private:
    TlsHandshake(const TlsContext &context, const QString &host, QObject *parent);

    void begin(qintptr descriptor);
    void onFirstBytes();
    void startTls();
    void onSslErrors(const QList<QSslError> &errors);
    void onEncrypted();
    void onSocketError();
    void fail(CloseReason reason, const QString &text);
    TlsSessionInfo sessionInfo(QSslSocket *socket) const;
    QString peerName() const;
    static QString noClientCertificateText();

    TlsContext m_context;
    QString m_host;
    qintptr m_fd = -1; // ours until the socket takes it
    QSocketNotifier *m_peekNotifier = nullptr;
    QSslSocket *m_socket = nullptr;
    QTimer m_timeout;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    QStringList m_acceptedErrors;
    TlsSessionInfo m_refused;
    bool m_noClientCertificate = false;
    bool m_done = false;
};

} // namespace sockscope
