#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace sockscope {

// What the user chose for TLS on a TCP tab (and DTLS on a UDP tab): the window's TLS options,
// the command line's --tls… flags. Plain values only; TlsContext turns them into Qt's
// configuration (loading files, generating a throwaway certificate).
//
// One struct for every role, because the pinned flags are shared: a server uses certFile/
// keyFile (or generateCertificate), caFile to verify client certificates and clientCerts; a
// client uses caFile, insecure, serverName, alpn and clientCertFile/clientKeyFile. A relay uses
// the server half on its listening side (listenSide) and the client half upstream (upstreamSide).
struct TlsSettings
{
    enum class ClientCertificates
    {
        None,     // do not ask for one
        Optional, // ask, verify what comes, accept none
        Required, // ask, verify, refuse a client without one
    };

    // Client, server, UDP (DTLS): TLS on. Relay: TLS on the client-facing (listening) side.
    bool enabled = false;
    // Relay only: TLS towards the upstream server.
    bool upstream = false;

    // Our own certificate and key (PEM): a server's, or the listening side of a relay.
    QString certFile;
    QString keyFile;
    // A fresh self-signed certificate (SAN localhost, 127.0.0.1, ::1) for this run instead.
    bool generateCertificate = false;

    // Trust anchors (PEM): a client verifies the server against these (empty: the system's
    // CAs); a server verifies client certificates against them.
    QString caFile;
    // Client: go on despite verification errors (they are logged, and in the report).
    bool insecure = false;
    // Client: the name sent as SNI and checked against the server's certificate (empty: the
    // host connected to).
    QString serverName;
    // Both: ALPN protocols, most wanted first ("h2", "http/1.1", "mqtt").
    QStringList alpn;
    // Client: our certificate for mutual TLS.
    QString clientCertFile;
    QString clientKeyFile;
    // Server: whether clients must show a certificate.
    ClientCertificates clientCertificates = ClientCertificates::None;

    // For an encrypted key file (whichever key this side loads). Never saved, never logged.
    QByteArray keyPassphrase;
    // A handshake that has not finished after this long fails ("timed out").
    int handshakeTimeoutMs = 10000;

    // TLS on anywhere (any side of a relay).
    bool any() const { return enabled || upstream; }
    // We show a certificate of our own as a server does: on a UDP tab this makes DTLS a
    // server (DtlsSession), otherwise a client of the remote target.
    bool hasOwnCertificate() const
    {
        return generateCertificate || !certFile.isEmpty() || !keyFile.isEmpty();
    }
};

} // namespace sockscope
