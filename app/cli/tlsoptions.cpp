#include "cli/tlsoptions.h"

#include "core/tls/tlscontext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace sockscope {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(sockscope::LaunchOptions)
};

using O = QCommandLineOption;

// Where a flag belongs: the side that shows a certificate, the side that checks one, either.
constexpr const char *kServerHalf[] = {"cert", "key", "gen-cert", "require-client-cert"};
constexpr const char *kClientHalf[] = {"insecure", "sni", "client-cert", "client-key"};
constexpr const char *kEitherHalf[] = {"ca", "alpn"};
// UDP options that have no meaning for one DTLS association per peer.
constexpr const char *kNotWithDtls[] = {"broadcast", "join", "reply-to-last"};

QString firstSet(const QCommandLineParser &parser, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        if (parser.isSet(QLatin1String(name)))
            return QLatin1String(name);
    }
    return {};
}

template <std::size_t N>
QString firstSet(const QCommandLineParser &parser, const char *const (&names)[N])
{
    for (const char *name : names) {
        if (parser.isSet(QLatin1String(name)))
            return QLatin1String(name);
    }
    return {};
}

// The file named by the option, or an error naming the option and why it cannot be read.
QString readableFile(const QCommandLineParser &parser, const char *option, QString *path)
{
    *path = parser.value(QLatin1String(option));
    const QFileInfo info(*path);
    if (path->isEmpty())
        return Tr::tr("--%1 needs a file name.").arg(QLatin1String(option));
    if (!info.exists())
        return Tr::tr("--%1: %2 does not exist.").arg(QLatin1String(option), *path);
    if (!info.isFile() || !info.isReadable())
        return Tr::tr("--%1: %2 is not a readable file.").arg(QLatin1String(option), *path);
    return {};
}

} // namespace

TlsCliOptions::TlsCliOptions()
    : m_tls(QStringLiteral("tls"), Tr::tr("Client, server: TLS on the connection.")),
      m_tlsListen(QStringLiteral("tls-listen"),
                  Tr::tr("Relay: TLS towards clients (terminated here, with --cert/--key or "
                         "--gen-cert).")),
      m_tlsUpstream(QStringLiteral("tls-upstream"),
                    Tr::tr("Relay: TLS towards the server (with --ca, --insecure, --sni, --alpn, "
                           "--client-cert).")),
      m_dtls(QStringLiteral("dtls"),
             Tr::tr("UDP: DTLS (a server with --cert/--key or --gen-cert, else a client of "
                    "--remote; the same options as --tls).")),
      m_cert(QStringLiteral("cert"),
             Tr::tr("TLS: our certificate (PEM; a server's, or a client's own)."),
             QStringLiteral("file")),
      m_key(QStringLiteral("key"), Tr::tr("TLS: the private key of --cert (PEM)."),
            QStringLiteral("file")),
      m_genCert(QStringLiteral("gen-cert"),
                Tr::tr("TLS server: a throwaway self-signed certificate for this run "
                       "(localhost, 127.0.0.1, ::1); prints its SHA-256 fingerprint.")),
      m_ca(QStringLiteral("ca"),
           Tr::tr("TLS: trust these certificates (client: for the server, instead of the "
                  "system's; server: verify client certificates against them)."),
           QStringLiteral("file")),
      m_insecure(QStringLiteral("insecure"),
                 Tr::tr("TLS client: go on despite verification errors (they are logged).")),
      m_sni(QStringLiteral("sni"),
            Tr::tr("TLS client: the server name to send and check (default: the host)."),
            QStringLiteral("name")),
      m_alpn(QStringLiteral("alpn"),
             Tr::tr("TLS: application protocols to offer, comma-separated (h2,http/1.1)."),
             QStringLiteral("list")),
      m_clientCert(QStringLiteral("client-cert"),
                   Tr::tr("TLS client: our certificate for mutual TLS (PEM)."),
                   QStringLiteral("file")),
      m_clientKey(QStringLiteral("client-key"), Tr::tr("TLS client: the key of --client-cert."),
                  QStringLiteral("file")),
      m_requireClientCert(QStringLiteral("require-client-cert"),
                          Tr::tr("TLS server: refuse clients without a valid certificate."))
{
}

void TlsCliOptions::addTo(QCommandLineParser &parser) const
{
    for (const O *o : {&m_tls, &m_tlsListen, &m_tlsUpstream, &m_dtls, &m_cert, &m_key, &m_genCert, &m_ca,
                       &m_insecure, &m_sni, &m_alpn, &m_clientCert, &m_clientKey,
                       &m_requireClientCert})
        parser.addOption(*o);
}

QString TlsCliOptions::read(const QCommandLineParser &parser, Session::Mode mode,
                            bool relayOverUdp, TlsSettings *tls) const
{
    const bool relay = mode == Session::Mode::Relay;
    const bool plainTls = parser.isSet(m_tls);
    const bool listen = parser.isSet(m_tlsListen);
    const bool upstream = parser.isSet(m_tlsUpstream);
    if (plainTls && (relay || mode == Session::Mode::Udp))
        return relay ? Tr::tr("--tls does not apply to a relay: use --tls-listen (towards "
                              "clients) and/or --tls-upstream (towards the server).")
                     : Tr::tr("--tls does not apply to udp: use --dtls.");
    if ((listen || upstream) && !relay)
        return Tr::tr("--%1 applies only to --mode relay.")
            .arg(listen ? QStringLiteral("tls-listen") : QStringLiteral("tls-upstream"));
    if ((listen || upstream) && relayOverUdp)
        return Tr::tr("--%1 needs a TCP relay (TLS runs over TCP).")
            .arg(listen ? QStringLiteral("tls-listen") : QStringLiteral("tls-upstream"));
    const bool dtls = parser.isSet(m_dtls);
    if (QString why = dtls ? checkDtlsScope(parser, mode, relayOverUdp)
                           : checkScope(parser, mode, listen, upstream);
        !why.isEmpty())
        return why;
    if (!plainTls && !listen && !upstream && !dtls)
        return {};

    // A DTLS session with a certificate of its own is a server (checkDtlsScope: else a client).
    const bool dtlsServer = dtls && firstSet(parser, kServerHalf).size() > 0;
    const bool server = mode == Session::Mode::TcpServer || listen || dtlsServer;
    const bool client = mode == Session::Mode::TcpClient || upstream || (dtls && !dtlsServer);
    tls->enabled = plainTls || listen || dtls;
    tls->upstream = upstream;
    if (QString why = parser.isSet(m_ca) ? readableFile(parser, "ca", &tls->caFile) : QString();
        !why.isEmpty())
        return why;
    const QStringList alpn = parser.isSet(m_alpn) ? parser.value(m_alpn).split(u',') : QStringList();
    for (const QString &name : alpn) {
        const QString trimmed = name.trimmed();
        if (trimmed.isEmpty() || trimmed.toUtf8().size() > 255)
            return Tr::tr("--alpn needs protocol names of 1 to 255 bytes, not \"%1\".").arg(name);
        tls->alpn << trimmed;
    }
    if (server) {
        if (QString why = readServerHalf(parser, tls); !why.isEmpty())
            return why;
    }
    if (client) {
        if (QString why = readClientHalf(parser, tls); !why.isEmpty())
            return why;
    }
    return readPassphrase(tls);
}

// An encrypted key's passphrase comes from the environment, as with `openssl -pass env:…`: an
// argument would show in `ps`, and a prompt would hang a headless run.
QString TlsCliOptions::readPassphrase(TlsSettings *tls)
{
    const bool encrypted = (!tls->keyFile.isEmpty() && TlsContext::keyNeedsPassphrase(tls->keyFile)) ||
                           (!tls->clientKeyFile.isEmpty() &&
                            TlsContext::keyNeedsPassphrase(tls->clientKeyFile));
    if (!encrypted)
        return {};
    if (!qEnvironmentVariableIsSet(kPassphraseVariable))
        return Tr::tr("The key file is encrypted: give its passphrase in the environment "
                      "variable %1.")
            .arg(QLatin1String(kPassphraseVariable));
    tls->keyPassphrase = qgetenv(kPassphraseVariable);
    return {};
}

QString TlsCliOptions::checkScope(const QCommandLineParser &parser, Session::Mode mode,
                                  bool listen, bool upstream) const
{
    const bool relay = mode == Session::Mode::Relay;
    const bool on = parser.isSet(m_tls) || listen || upstream;
    if (!on) {
        QString name = firstSet(parser, kServerHalf);
        if (name.isEmpty())
            name = firstSet(parser, kClientHalf);
        if (name.isEmpty())
            name = firstSet(parser, kEitherHalf);
        if (name.isEmpty())
            return {};
        if (mode == Session::Mode::Udp)
            return Tr::tr("--%1 needs --dtls.").arg(name);
        return relay ? Tr::tr("--%1 needs --tls-listen or --tls-upstream.").arg(name)
                     : Tr::tr("--%1 needs --tls.").arg(name);
    }
    if (mode == Session::Mode::TcpClient) {
        if (const QString name = firstSet(parser, {"gen-cert", "require-client-cert"});
            !name.isEmpty())
            return Tr::tr("--%1 applies to a TLS server, not a client.").arg(name);
    }
    if (mode == Session::Mode::TcpServer) {
        if (const QString name = firstSet(parser, kClientHalf); !name.isEmpty())
            return Tr::tr("--%1 applies to a TLS client, not a server.").arg(name);
    }
    if (relay && !listen) {
        if (const QString name = firstSet(parser, kServerHalf); !name.isEmpty())
            return Tr::tr("--%1 is for the relay's side towards clients: it needs --tls-listen.")
                .arg(name);
    }
    if (relay && !upstream) {
        if (const QString name = firstSet(parser, kClientHalf); !name.isEmpty())
            return Tr::tr("--%1 is for the relay's side towards the server: it needs "
                          "--tls-upstream.")
                .arg(name);
    }
    return {};
}

QString TlsCliOptions::checkDtlsScope(const QCommandLineParser &parser, Session::Mode mode,
                                      bool relayOverUdp) const
{
    if (mode != Session::Mode::Udp)
        return relayOverUdp || mode == Session::Mode::Relay
                   ? Tr::tr("--dtls applies only to --mode udp (a relay does not speak DTLS).")
                   : Tr::tr("--dtls applies only to --mode udp: use --tls for TCP.");
    if (parser.isSet(m_alpn))
        return Tr::tr("--alpn does not apply to --dtls: Qt's DTLS does not negotiate "
                      "application protocols.");
    if (const QString name = firstSet(parser, kNotWithDtls); !name.isEmpty())
        return Tr::tr("--%1 does not apply to --dtls (one DTLS session per peer).").arg(name);
    const QString serverFlag = firstSet(parser, kServerHalf);
    if (!serverFlag.isEmpty()) {
        if (const QString name = firstSet(parser, kClientHalf); !name.isEmpty())
            return Tr::tr("--%1 applies to a DTLS client, not a server (--%2 makes this a "
                          "DTLS server).")
                .arg(name, serverFlag);
        return {};
    }
    if (!parser.isSet(QStringLiteral("remote")))
        return Tr::tr("A DTLS client needs --remote HOST:PORT (the server); a DTLS server needs "
                      "--cert FILE --key FILE, or --gen-cert.");
    return {};
}

QString TlsCliOptions::readServerHalf(const QCommandLineParser &parser, TlsSettings *tls) const
{
    const bool cert = parser.isSet(m_cert);
    const bool key = parser.isSet(m_key);
    if (parser.isSet(m_genCert)) {
        if (cert || key)
            return Tr::tr("--gen-cert makes its own certificate: leave out --%1.")
                .arg(cert ? QStringLiteral("cert") : QStringLiteral("key"));
        tls->generateCertificate = true;
    } else if (!cert || !key) {
        if (cert != key)
            return Tr::tr("--%1 needs --%2 too.")
                .arg(cert ? QStringLiteral("cert") : QStringLiteral("key"),
                     cert ? QStringLiteral("key") : QStringLiteral("cert"));
        return Tr::tr("A TLS server needs --cert FILE --key FILE, or --gen-cert for a throwaway "
                      "certificate.");
    } else {
        if (QString why = readableFile(parser, "cert", &tls->certFile); !why.isEmpty())
            return why;
        if (QString why = readableFile(parser, "key", &tls->keyFile); !why.isEmpty())
            return why;
    }
    // --ca on a server side asks clients for a certificate and checks it; a relay that also
    // originates TLS gives --ca to its upstream side instead.
    if (parser.isSet(m_requireClientCert))
        tls->clientCertificates = TlsSettings::ClientCertificates::Required;
    else if (parser.isSet(m_ca) && !tls->upstream)
        tls->clientCertificates = TlsSettings::ClientCertificates::Optional;
    return {};
}

QString TlsCliOptions::readClientHalf(const QCommandLineParser &parser, TlsSettings *tls) const
{
    tls->insecure = parser.isSet(m_insecure);
    tls->serverName = parser.value(m_sni);
    if (parser.isSet(m_sni) && tls->serverName.trimmed().isEmpty())
        return Tr::tr("--sni needs a server name.");
    // A plain client may name its own certificate with --cert/--key as well.
    const bool ownAsCert = parser.isSet(m_tls); // not a relay's: its --cert is the listen side's
    const char *certOption = "client-cert";
    const char *keyOption = "client-key";
    if (ownAsCert && (parser.isSet(m_cert) || parser.isSet(m_key))) {
        if (parser.isSet(m_clientCert) || parser.isSet(m_clientKey))
            return Tr::tr("Give the client certificate once: --cert/--key or "
                          "--client-cert/--client-key.");
        certOption = "cert";
        keyOption = "key";
    }
    const bool cert = parser.isSet(QLatin1String(certOption));
    const bool key = parser.isSet(QLatin1String(keyOption));
    if (cert != key)
        return Tr::tr("--%1 needs --%2 too.")
            .arg(QLatin1String(cert ? certOption : keyOption),
                 QLatin1String(cert ? keyOption : certOption));
    if (cert) {
        if (QString why = readableFile(parser, certOption, &tls->clientCertFile); !why.isEmpty())
            return why;
        if (QString why = readableFile(parser, keyOption, &tls->clientKeyFile); !why.isEmpty())
            return why;
    }
    return {};
}

} // namespace sockscope
