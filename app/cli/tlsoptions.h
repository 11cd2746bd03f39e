#pragma once

#include "core/session/session.h"
#include "core/tls/tlssettings.h"

#include <QCommandLineOption>

class QCommandLineParser;

namespace sockscope {

// The TLS options of the command line (issue #15, pinned): --tls for a client or server,
// --tls-listen/--tls-upstream for a relay's sides, --dtls for udp, and the files and switches
// they use.
// Declared, checked against the mode and read into TlsSettings here, so launchoptions.cpp
// only hands them on.
class TlsCliOptions
{
public:
    TlsCliOptions();

    void addTo(QCommandLineParser &parser) const;
    // Empty, with *tls filled, or the sentence saying what is wrong (a flag that does not
    // apply, one missing its partner, a file that is not there).
    QString read(const QCommandLineParser &parser, Session::Mode mode, bool relayOverUdp,
                 TlsSettings *tls) const;

    // Where an encrypted key's passphrase comes from.
    static constexpr const char *kPassphraseVariable = "SOCKSCOPE_KEY_PASSPHRASE";

private:
    static QString readPassphrase(TlsSettings *tls);
    QString readServerHalf(const QCommandLineParser &parser, TlsSettings *tls) const;
    QString readClientHalf(const QCommandLineParser &parser, TlsSettings *tls) const;
    QString checkScope(const QCommandLineParser &parser, Session::Mode mode, bool listen,
                       bool upstream) const;
    QString checkDtlsScope(const QCommandLineParser &parser, Session::Mode mode,
                           bool relayOverUdp) const;

    QCommandLineOption m_tls;
    QCommandLineOption m_tlsListen;
    QCommandLineOption m_tlsUpstream;
    QCommandLineOption m_dtls;
    QCommandLineOption m_cert;
    QCommandLineOption m_key;
    QCommandLineOption m_genCert;
    QCommandLineOption m_ca;
    QCommandLineOption m_insecure;
    QCommandLineOption m_sni;
    QCommandLineOption m_alpn;
    QCommandLineOption m_clientCert;
    QCommandLineOption m_clientKey;
    QCommandLineOption m_requireClientCert;
};

} // namespace sockscope
