#pragma once

#include "core/tls/tlssettings.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>

namespace sockscope {

// TlsSettings made real for one role: files read and checked, a throwaway certificate made,
// Qt's QSslConfiguration filled. Built once when a session starts, so a bad file fails the
// start with a sentence naming the file and why, not each connection later.
class TlsContext
{
public:
    enum class Role
    {
        Server, // we accept: our certificate, optional client certificates
        Client, // we connect: verify the server, SNI, our optional client certificate
    };

    TlsContext() = default;
    // Null (isNull()) with the reason in *error when a file cannot be used.
    static TlsContext make(const TlsSettings &settings, Role role, QString *error);

    bool isNull() const { return !m_valid; }
    Role role() const { return m_role; }
    const TlsSettings &settings() const { return m_settings; }
    // For QSslSocket::setSslConfiguration(): protocols, certificates, key, CAs, ALPN, verify mode.
    QSslConfiguration configuration() const { return m_configuration; }
    // The certificate we show (server; client with a client certificate); null: none.
    QSslCertificate localCertificate() const { return m_configuration.localCertificate(); }
    bool isGenerated() const { return m_generated; }
    // Client: the name checked against the server's certificate and sent as SNI.
    QString peerName(const QString &host) const;
    bool isInsecure() const { return m_settings.insecure; }

    // True when the PEM key file is encrypted (the window asks for a passphrase first).
    static bool keyNeedsPassphrase(const QString &path);

private:
    bool loadOwnCertificate(const QString &certPath, const QString &keyPath, QString *error);
    bool loadCaFile(QString *error);
    bool generateCertificate(QString *error);

    TlsSettings m_settings;
    Role m_role = Role::Client;
    QSslConfiguration m_configuration;
    bool m_valid = false;
    bool m_generated = false;
};

} // namespace sockscope
