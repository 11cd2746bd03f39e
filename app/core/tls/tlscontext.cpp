#include "core/tls/tlscontext.h"

#include "core/tls/throwawaycertificate.h"
#include "core/tls/x509handle.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSslKey>

#include <openssl/evp.h>
#include <openssl/x509.h>

namespace sockscope {

namespace {

class TlsFiles
{
    Q_DECLARE_TR_FUNCTIONS(sockscope::TlsFiles)
};

// The file's bytes, or empty with the reason (naming the file) in *error.
QByteArray readPemFile(const QString &path, const QString &what, QString *error)
{
    QFile file(path);
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = TlsFiles::tr("The %1 file %2 does not exist.").arg(what, path);
        return {};
    }
    // A FIFO or a device would block the event loop on open or read.
    if (!info.isFile()) {
        *error = TlsFiles::tr("The %1 file %2 is not a regular file.").arg(what, path);
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = TlsFiles::tr("The %1 file %2 cannot be read: %3.")
                     .arg(what, path, file.errorString());
        return {};
    }
    // Certificates and keys are small; a huge file is a wrong pick, not a PEM.
    constexpr qint64 kMaxPemBytes = 1 << 20;
    if (file.size() > kMaxPemBytes) {
        *error = TlsFiles::tr("The %1 file %2 is too big for a PEM file.").arg(what, path);
        return {};
    }
    const QByteArray bytes = file.readAll();
    if (bytes.isEmpty())
        *error = TlsFiles::tr("The %1 file %2 is empty.").arg(what, path);
    return bytes;
}

QList<QSslCertificate> readCertificates(const QString &path, const QString &what, QString *error)
{
    const QByteArray pem = readPemFile(path, what, error);
    if (pem.isEmpty())
        return {};
    QList<QSslCertificate> list = QSslCertificate::fromData(pem, QSsl::Pem);
    if (list.isEmpty())
        list = QSslCertificate::fromData(pem, QSsl::Der);
    if (list.isEmpty())
        *error = TlsFiles::tr("The %1 file %2 holds no certificate (PEM or DER expected).")
                     .arg(what, path);
    return list;
}

QSslKey readKey(const QString &path, const QByteArray &passphrase, QString *error)
{
    const QByteArray pem = readPemFile(path, TlsFiles::tr("key"), error);
    if (pem.isEmpty())
        return {};
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa, QSsl::Dh}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey, passphrase);
        if (!key.isNull())
            return key;
    }
    if (TlsContext::keyNeedsPassphrase(path)) {
        *error = passphrase.isEmpty()
                     ? TlsFiles::tr("The key file %1 is encrypted: it needs its passphrase.")
                           .arg(path)
                     : TlsFiles::tr("The key file %1 does not open with this passphrase.").arg(path);
    } else {
        *error = TlsFiles::tr("The key file %1 holds no private key (PEM expected).").arg(path);
    }
    return {};
}

// Whether the private key belongs to the certificate (libcrypto's X509_check_private_key): Qt
// would only find out in the first handshake, as an unexplained failure.
bool keyMatches(const QSslCertificate &certificate, const QSslKey &key)
{
    const tls::X509Ptr x509 = tls::toX509(certificate);
    const QByteArray der = key.toDer();
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    std::unique_ptr<EVP_PKEY, tls::OpenSslDeleter<EVP_PKEY, EVP_PKEY_free>> pkey(
        d2i_AutoPrivateKey(nullptr, &p, long(der.size())));
    if (!x509 || !pkey)
        return true; // cannot tell: let the handshake judge
    return X509_check_private_key(x509.get(), pkey.get()) == 1;
}

} // namespace

TlsContext TlsContext::make(const TlsSettings &settings, Role role, QString *error)
{
    TlsContext context;
    context.m_settings = settings;
    context.m_role = role;
    QSslConfiguration &c = context.m_configuration;
    c = QSslConfiguration::defaultConfiguration();
    c.setProtocol(QSsl::TlsV1_2OrLater);
    QList<QByteArray> alpn;
    for (const QString &name : settings.alpn)
        alpn << name.trimmed().toUtf8();
    c.setAllowedNextProtocols(alpn);
    if (!context.loadCaFile(error))
        return {};
    if (role == Role::Server) {
        const bool ok = settings.generateCertificate
                            ? context.generateCertificate(error)
                            : context.loadOwnCertificate(settings.certFile, settings.keyFile, error);
        if (!ok)
            return {};
        switch (settings.clientCertificates) {
        case TlsSettings::ClientCertificates::None:
            c.setPeerVerifyMode(QSslSocket::VerifyNone);
            break;
        case TlsSettings::ClientCertificates::Optional:
            // Verified like Required; TlsHandshake lets a client without one through.
        case TlsSettings::ClientCertificates::Required:
            c.setPeerVerifyMode(QSslSocket::VerifyPeer);
            break;
        }
    } else {
        c.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!settings.clientCertFile.isEmpty() || !settings.clientKeyFile.isEmpty()) {
            if (!context.loadOwnCertificate(settings.clientCertFile, settings.clientKeyFile, error))
                return {};
        }
    }
    context.m_valid = true;
    return context;
}

bool TlsContext::loadCaFile(QString *error)
{
    if (m_settings.caFile.isEmpty())
        return true; // the system's CAs (client) / no client verification (server)
    const QList<QSslCertificate> cas =
        readCertificates(m_settings.caFile, TlsFiles::tr("CA"), error);
    if (cas.isEmpty())
        return false;
    m_configuration.setCaCertificates(cas);
    return true;
}

bool TlsContext::loadOwnCertificate(const QString &certPath, const QString &keyPath,
                                    QString *error)
{
    if (certPath.isEmpty() || keyPath.isEmpty()) {
        *error = m_role == Role::Server
                     ? TlsFiles::tr("A TLS server needs a certificate file and its key file "
                                    "(or a generated throwaway certificate).")
                     : TlsFiles::tr("A client certificate needs its key file too.");
        return false;
    }
    const QList<QSslCertificate> chain =
        readCertificates(certPath, TlsFiles::tr("certificate"), error);
    if (chain.isEmpty())
        return false;
    const QSslKey key = readKey(keyPath, m_settings.keyPassphrase, error);
    if (key.isNull())
        return false;
    if (!keyMatches(chain.first(), key)) {
        *error = TlsFiles::tr("The key file %1 is not the key of the certificate in %2.")
                     .arg(keyPath, certPath);
        return false;
    }
    m_configuration.setLocalCertificateChain(chain);
    m_configuration.setPrivateKey(key);
    return true;
}

bool TlsContext::generateCertificate(QString *error)
{
    const ThrowawayCertificate generated = ThrowawayCertificate::generate(error);
    if (generated.isNull())
        return false;
    m_configuration.setLocalCertificate(generated.certificate());
    m_configuration.setPrivateKey(generated.privateKey());
    m_generated = true;
    return true;
}

QString TlsContext::peerName(const QString &host) const
{
    return m_settings.serverName.isEmpty() ? host : m_settings.serverName;
}

bool TlsContext::keyNeedsPassphrase(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(64 << 10);
    return head.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") ||
           head.contains("Proc-Type: 4,ENCRYPTED");
}

} // namespace sockscope
