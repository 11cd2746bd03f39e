#pragma once

#include "core/net/closereason.h"
#include "core/tls/tlscontext.h"
#include "core/tls/tlssessioninfo.h"

#include <QDtls>
#include <QHostAddress>
#include <QObject>
#include <QStringList>
#include <QTimer>

class QUdpSocket;

namespace sockscope {

// One DTLS association with one remote endpoint over a socket it shares (not owned): the
// handshake (retransmissions, an overall timeout, verification like TlsHandshake's: Qt's
// checks plus our RFC 6125 host check, insecure keeps the accepted errors), then encrypted
// datagrams both ways, then the close. The session routes each datagram from the endpoint
// to handleDatagram().
class DtlsAssociation : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DtlsAssociation)

public:
    // host: client role, what the user named (checked and sent as SNI unless the settings
    // name a server).
    DtlsAssociation(QUdpSocket *socket, const TlsContext &context, const QHostAddress &address,
                    quint16 port, const QString &host, QObject *parent);
    ~DtlsAssociation() override;

    // Server: the ClientHello that QDtlsClientVerifier verified; client: empty (we say hello).
    void begin(const QByteArray &verifiedHello = QByteArray());
    void handleDatagram(const QByteArray &datagram);
    // One datagram, encrypted; false with the reason when it cannot go.
    bool write(const QByteArray &bytes, QString *error);
    // Our close_notify, when the handshake had finished; ends the association either way.
    void shutdown();

    bool isEncrypted() const { return m_established; }
    QHostAddress address() const { return m_address; }
    quint16 port() const { return m_port; }
    TlsSessionInfo sessionInfo() const;

    // The most a DTLS record carries (DTLS does not split a write across records).
    static constexpr int MaxPlaintext = 16384;
    // Whether bytes could be a DTLS record (content type 20..25, major version 0xfe).
    static bool looksLikeDtls(const QByteArray &datagram);
    // Whether it is a DTLS handshake record holding a ClientHello.
    static bool isClientHello(const QByteArray &datagram);

signals:
    void established();
    void received(const QByteArray &plain);
    void closedByPeer();
    // A datagram that did not decrypt (the association goes on).
    void ignored(const QString &why);
    // refused: for a failed verification, the chain the peer showed and why.
    void failed(sockscope::CloseReason reason, const QString &text,
                const sockscope::TlsSessionInfo &refused);

private:
    bool isClient() const { return m_context.role() == TlsContext::Role::Client; }
    QString peerName() const;
    void afterHandshakeStep(bool ok);
    void onVerificationFailed();
    QStringList verificationWords(QList<QSslError> errors) const;
    void finishHandshake();
    void decrypt(const QByteArray &datagram);
    void fail(CloseReason reason, const QString &text);
    QList<QSslCertificate> peerChain() const;

    QUdpSocket *m_socket;
    TlsContext m_context;
    QHostAddress m_address;
    quint16 m_port;
    QString m_host;
    QDtls m_dtls;
    QTimer m_timeout;
    QStringList m_acceptedErrors;
    TlsSessionInfo m_refused;
    bool m_established = false;
    bool m_done = false; // failed or shut down: nothing more
};

} // namespace sockscope
