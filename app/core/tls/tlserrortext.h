#pragma once

#include <QAbstractSocket>
#include <QByteArray>
#include <QList>
#include <QSslError>
#include <QString>
#include <QStringList>

namespace sockscope {

// Plain words for why TLS failed: certificate verification errors (QSslError) and
// handshakes that never got that far. Pure functions: the links feed them what they saw.
class TlsErrorText
{
public:
    // Why a handshake failed, judged from the peer's first bytes and the socket's error.
    enum class HandshakeFailure
    {
        NotTls,              // the peer's first bytes are not a TLS record
        ClosedWithoutAnswer, // closed or reset before sending anything back
        NoSharedProtocol,    // alert: protocol_version, insufficient_security
        HandshakeRefused,    // alert: handshake_failure (no shared cipher, or a missing
                             // client certificate in TLS 1.2: the alert does not say which)
        NoSharedApplicationProtocol, // alert: no_application_protocol (ALPN)
        PeerRejectedCertificate, // alert: bad/unknown/expired/revoked certificate, unknown CA…
        PeerRequiresCertificate, // alert: certificate_required (mutual TLS)
        PeerAlert,               // another fatal alert
        TimedOut,                // the handshake did not finish in time
        Other,
    };

    // One sentence per error, naming the certificate's subject or the host where that helps.
    static QString describe(const QSslError &error, const QString &host = QString());
    static QStringList describe(const QList<QSslError> &errors, const QString &host = QString());

    // firstBytes: what the peer sent before the failure (empty if nothing);
    // error: QAbstractSocket::SocketTimeoutError for the caller's own handshake timer.
    static HandshakeFailure classifyHandshake(const QByteArray &firstBytes,
                                              QAbstractSocket::SocketError error);
    // What the TLS library's own message (QSslSocket::errorString()) says, for the side that
    // cannot see the peer's first bytes: "wrong version number" is a plaintext answer, "tlsv13
    // alert certificate required" an alert… Other when it names none of these.
    static HandshakeFailure classifyLibraryError(const QString &errorString);
    static QString handshakeText(HandshakeFailure failure);

    // True when bytes could begin a TLS record (or an SSLv2-style ClientHello).
    static bool looksLikeTls(const QByteArray &firstBytes);
    // True when bytes begin a TLS handshake record holding a ClientHello: a TLS client talking
    // to a plain port.
    static bool looksLikeClientHello(const QByteArray &firstBytes);
    // The description byte of a TLS alert record at the start of bytes, or -1.
    static int alertDescription(const QByteArray &firstBytes);
};

} // namespace sockscope
