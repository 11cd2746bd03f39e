#pragma once

#include <QList>
#include <QMetaType>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

namespace sockscope {

// What one finished TLS (or DTLS) handshake agreed on, kept per peer: the log's handshake
// event, the peer list's TLS column, the certificate panel and the report's "tls" object.
struct TlsSessionInfo
{
    bool active = false;      // false: a plain connection (every other field empty)
    QString protocol;         // "TLSv1.3", "TLSv1.2", "DTLSv1.2"
    QString cipher;           // "TLS_AES_256_GCM_SHA384"
    QString alpn;             // the protocol both sides agreed on; empty: none
    QList<QSslCertificate> peerChain; // the peer's own certificate first; empty: it showed none
    // Verification errors in words that were accepted (client --insecure, "connect anyway").
    QStringList verifyErrors;

    QSslCertificate peerCertificate() const
    {
        return peerChain.isEmpty() ? QSslCertificate() : peerChain.first();
    }
};

} // namespace sockscope

Q_DECLARE_METATYPE(sockscope::TlsSessionInfo)
