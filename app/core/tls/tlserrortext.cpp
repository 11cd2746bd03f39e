#include "core/tls/tlserrortext.h"

#include "core/tls/certificateinfo.h"

#include <QCoreApplication>
#include <QSslCertificate>

namespace sockscope {

namespace {

class TlsErrors
{
    Q_DECLARE_TR_FUNCTIONS(sockscope::TlsErrors)
};

// TLS record content types (RFC 8446 §5.1): change_cipher_spec … heartbeat.
constexpr unsigned char kFirstContentType = 20;
constexpr unsigned char kAlertContentType = 21;
constexpr unsigned char kLastContentType = 24;

// The certificate's common name (or its whole subject) in quotes, as the sentences name it.
QString certificateName(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return TlsErrors::tr("the peer's certificate");
    const QStringList cn = certificate.subjectInfo(QSslCertificate::CommonName);
    const QString name = cn.isEmpty() ? CertificateInfo(certificate).subject() : cn.constFirst();
    return QLatin1Char('"') + name + QLatin1Char('"');
}

QString hostMismatchText(const QSslCertificate &certificate, const QString &name,
                         const QString &host)
{
    const CertificateInfo info(certificate);
    QStringList names = info.dnsNames() + info.ipAddresses();
    if (names.isEmpty())
        names = certificate.subjectInfo(QSslCertificate::CommonName);
    const QString listed =
        names.isEmpty() ? TlsErrors::tr("none") : names.join(QStringLiteral(", "));
    if (host.isEmpty())
        return TlsErrors::tr("Host name mismatch: %1 does not name this host (it names: %2).")
            .arg(name, listed);
    return TlsErrors::tr("Host name mismatch: %1 is not for %2 (it names: %3).")
        .arg(name, host, listed);
}

QString dateText(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODate);
}

QString issuerText(QSslError::SslError code, const QSslCertificate &certificate,
                   const QString &name)
{
    // Whichever issuer code the library picked, a certificate that signed itself is the
    // clearer story ("self-signed"), and the one a person can act on (trust it or not).
    if (code != QSslError::SelfSignedCertificateInChain && !certificate.isNull() &&
        CertificateInfo(certificate).isSelfSigned()) {
        code = QSslError::SelfSignedCertificate;
    }
    switch (code) {
    case QSslError::SelfSignedCertificate:
        return TlsErrors::tr(
                   "Self-signed: %1 signed itself and is not among the trusted certificates.")
            .arg(name);
    case QSslError::SelfSignedCertificateInChain:
        return TlsErrors::tr("Unknown issuer: the chain of %1 ends in a self-signed certificate "
                             "that is not trusted.")
            .arg(name);
    case QSslError::UnableToVerifyFirstCertificate:
        return TlsErrors::tr("Unknown issuer: the issuer of %1 was not sent and is not trusted (a "
                             "missing intermediate certificate?).")
            .arg(name);
    default:
        return TlsErrors::tr("Unknown issuer: %1 was issued by an authority that is not trusted.")
            .arg(name);
    }
}

using Failure = TlsErrorText::HandshakeFailure;

// Alert descriptions, RFC 8446 §6 and RFC 7301 (ALPN).
Failure failureFromAlert(int description)
{
    switch (description) {
    case 40: // handshake_failure
        return Failure::HandshakeRefused;
    case 70: // protocol_version
    case 71: // insufficient_security
        return Failure::NoSharedProtocol;
    case 120: // no_application_protocol
        return Failure::NoSharedApplicationProtocol;
    case 42: // bad_certificate
    case 43: // unsupported_certificate
    case 44: // certificate_revoked
    case 45: // certificate_expired
    case 46: // certificate_unknown
    case 48: // unknown_ca
        return Failure::PeerRejectedCertificate;
    case 116: // certificate_required
        return Failure::PeerRequiresCertificate;
    default:
        return Failure::PeerAlert;
    }
}

} // namespace

QString TlsErrorText::describe(const QSslError &error, const QString &host)
{
    const QSslCertificate certificate = error.certificate();
    const QString name = certificateName(certificate);
    switch (error.error()) {
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
        return issuerText(error.error(), certificate, name);
    case QSslError::HostNameMismatch:
        return hostMismatchText(certificate, name, host);
    case QSslError::CertificateExpired:
        return TlsErrors::tr("Expired: %1 was valid until %2.")
            .arg(name, dateText(certificate.expiryDate()));
    case QSslError::CertificateNotYetValid:
        return TlsErrors::tr("Not yet valid: %1 is valid from %2.")
            .arg(name, dateText(certificate.effectiveDate()));
    case QSslError::InvalidNotBeforeField:
    case QSslError::InvalidNotAfterField:
        return TlsErrors::tr("Malformed: the validity dates of %1 cannot be read.").arg(name);
    case QSslError::CertificateRevoked:
        return TlsErrors::tr("Revoked: the issuer of %1 has withdrawn it.").arg(name);
    case QSslError::CertificateSignatureFailed:
    case QSslError::UnableToDecryptCertificateSignature:
    case QSslError::UnableToDecodeIssuerPublicKey:
        return TlsErrors::tr("Bad signature: the signature on %1 does not verify.").arg(name);
    case QSslError::SubjectIssuerMismatch:
    case QSslError::AuthorityIssuerSerialNumberMismatch:
        return TlsErrors::tr(
                   "Broken chain: the issuer named in %1 is not the certificate that follows it.")
            .arg(name);
    case QSslError::InvalidCaCertificate:
        return TlsErrors::tr("Not an authority: %1 signs other certificates but may not.")
            .arg(name);
    case QSslError::PathLengthExceeded:
        return TlsErrors::tr(
                   "Chain too long: %1 is further from its authority than that authority allows.")
            .arg(name);
    case QSslError::InvalidPurpose:
        return TlsErrors::tr("Wrong purpose: %1 is not meant for this side of a TLS connection.")
            .arg(name);
    case QSslError::NoPeerCertificate:
        return TlsErrors::tr("No certificate: the peer did not send one.");
    case QSslError::CertificateRejected:
    case QSslError::CertificateBlacklisted:
        return TlsErrors::tr("Rejected: %1 is marked as not to be trusted.").arg(name);
    case QSslError::CertificateStatusUnknown:
    case QSslError::OcspStatusUnknown:
        return TlsErrors::tr("Revocation status unknown for %1.").arg(name);
    default:
        return error.errorString();
    }
}

QStringList TlsErrorText::describe(const QList<QSslError> &errors, const QString &host)
{
    QStringList lines;
    for (const QSslError &error : errors)
        lines << describe(error, host);
    lines.removeDuplicates();
    return lines;
}

bool TlsErrorText::looksLikeTls(const QByteArray &firstBytes)
{
    if (firstBytes.isEmpty())
        return false;
    const auto byte = [&firstBytes](int i) { return static_cast<unsigned char>(firstBytes.at(i)); };
    if (byte(0) & 0x80) // SSLv2-compatible ClientHello: 2-byte length, then message type 1
        return firstBytes.size() < 3 || byte(2) == 1;
    if (byte(0) < kFirstContentType || byte(0) > kLastContentType)
        return false;
    return firstBytes.size() < 2 || byte(1) == 3; // record version 3.x
}

bool TlsErrorText::looksLikeClientHello(const QByteArray &firstBytes)
{
    // type 22 (handshake), version 3.x, length(2) | handshake type 1 (client_hello)
    constexpr unsigned char kHandshakeContentType = 22;
    return firstBytes.size() >= 6 &&
           static_cast<unsigned char>(firstBytes.at(0)) == kHandshakeContentType &&
           firstBytes.at(1) == 3 && firstBytes.at(5) == 1;
}

int TlsErrorText::alertDescription(const QByteArray &firstBytes)
{
    // type(1) version(2) length(2) | level(1) description(1)
    if (firstBytes.size() < 7 ||
        static_cast<unsigned char>(firstBytes.at(0)) != kAlertContentType ||
        !looksLikeTls(firstBytes)) {
        return -1;
    }
    return static_cast<unsigned char>(firstBytes.at(6));
}

TlsErrorText::HandshakeFailure TlsErrorText::classifyHandshake(const QByteArray &firstBytes,
                                                               QAbstractSocket::SocketError error)
{
    if (error == QAbstractSocket::SocketTimeoutError)
        return HandshakeFailure::TimedOut;
    if (!firstBytes.isEmpty() && !looksLikeTls(firstBytes))
        return HandshakeFailure::NotTls;
    const int alert = alertDescription(firstBytes);
    if (alert >= 0)
        return failureFromAlert(alert);
    // Nothing came back, so the peer cannot have disagreed with us in TLS terms: it hung up.
    if (firstBytes.isEmpty() && (error == QAbstractSocket::RemoteHostClosedError ||
                                 error == QAbstractSocket::SslHandshakeFailedError)) {
        return HandshakeFailure::ClosedWithoutAnswer;
    }
    return HandshakeFailure::Other;
}

TlsErrorText::HandshakeFailure TlsErrorText::classifyLibraryError(const QString &errorString)
{
    struct Phrase
    {
        const char *text; // OpenSSL 3's reason strings, as Qt quotes them
        HandshakeFailure failure;
    };
    static constexpr Phrase kPhrases[] = {
        {"wrong version number", HandshakeFailure::NotTls},
        {"packet length too long", HandshakeFailure::NotTls},
        {"http request", HandshakeFailure::NotTls},
        {"record layer failure", HandshakeFailure::NotTls},
        {"unknown protocol", HandshakeFailure::NotTls},
        {"no application protocol", HandshakeFailure::NoSharedApplicationProtocol},
        {"certificate required", HandshakeFailure::PeerRequiresCertificate},
        {"peer did not return a certificate", HandshakeFailure::PeerRequiresCertificate},
        {"unknown ca", HandshakeFailure::PeerRejectedCertificate},
        {"bad certificate", HandshakeFailure::PeerRejectedCertificate},
        {"certificate expired", HandshakeFailure::PeerRejectedCertificate},
        {"certificate unknown", HandshakeFailure::PeerRejectedCertificate},
        {"certificate revoked", HandshakeFailure::PeerRejectedCertificate},
        {"unsupported protocol", HandshakeFailure::NoSharedProtocol},
        {"no shared cipher", HandshakeFailure::NoSharedProtocol},
        {"no protocols available", HandshakeFailure::NoSharedProtocol},
        {"protocol version", HandshakeFailure::NoSharedProtocol},
        {"handshake failure", HandshakeFailure::HandshakeRefused},
        {"alert", HandshakeFailure::PeerAlert},
        {"unexpected eof", HandshakeFailure::ClosedWithoutAnswer},
    };
    for (const Phrase &phrase : kPhrases) {
        if (errorString.contains(QLatin1String(phrase.text), Qt::CaseInsensitive))
            return phrase.failure;
    }
    return HandshakeFailure::Other;
}

QString TlsErrorText::handshakeText(HandshakeFailure failure)
{
    switch (failure) {
    case HandshakeFailure::NotTls:
        return TlsErrors::tr("The peer does not speak TLS: its first bytes are not a TLS record "
                             "(plaintext on a TLS port?).");
    case HandshakeFailure::ClosedWithoutAnswer:
        return TlsErrors::tr("The peer closed the connection without answering: it does not speak "
                             "TLS, or it refused the handshake.");
    case HandshakeFailure::NoSharedProtocol:
        return TlsErrors::tr(
            "No shared protocol version or cipher: the peer accepts none of those offered.");
    case HandshakeFailure::HandshakeRefused:
        return TlsErrors::tr("The peer refused the handshake (alert handshake_failure): it shares "
                             "no protocol version or cipher with us, or it wants a client "
                             "certificate.");
    case HandshakeFailure::NoSharedApplicationProtocol:
        return TlsErrors::tr("No shared application protocol (ALPN).");
    case HandshakeFailure::PeerRejectedCertificate:
        return TlsErrors::tr("The peer rejected the certificate it was shown.");
    case HandshakeFailure::PeerRequiresCertificate:
        return TlsErrors::tr("The peer requires a client certificate.");
    case HandshakeFailure::PeerAlert:
        return TlsErrors::tr("The peer ended the handshake with a TLS alert.");
    case HandshakeFailure::TimedOut:
        return TlsErrors::tr("The TLS handshake timed out.");
    case HandshakeFailure::Other:
        break;
    }
    return TlsErrors::tr("The TLS handshake failed.");
}

} // namespace sockscope
