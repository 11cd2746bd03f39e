#include "core/tls/certificateinfo.h"

#include "core/tls/certificatefingerprint.h"
#include "core/tls/x509handle.h"

#include <QCoreApplication>
#include <QMultiMap>

#include <openssl/err.h>

#include <algorithm>

namespace sockscope {

namespace {

class TlsCertificates
{
    Q_DECLARE_TR_FUNCTIONS(sockscope::TlsCertificates)
};

// The usual reading order of a distinguished name; other attributes follow in Qt's order.
const char *const kNameOrder[] = {"CN", "OU", "O", "L", "ST", "C", "emailAddress"};

using InfoReader = QStringList (QSslCertificate::*)(const QByteArray &) const;

QString nameLine(const QSslCertificate &certificate, InfoReader read,
                 const QList<QByteArray> &present)
{
    QList<QByteArray> order;
    for (const char *attribute : kNameOrder)
        order << QByteArray(attribute);
    for (const QByteArray &attribute : present) {
        if (!order.contains(attribute))
            order << attribute;
    }
    QStringList parts;
    for (const QByteArray &attribute : order) {
        for (const QString &value : (certificate.*read)(attribute))
            parts << QString::fromLatin1(attribute) + QLatin1Char('=') + value;
    }
    return parts.isEmpty() ? TlsCertificates::tr("(empty)") : parts.join(QStringLiteral(", "));
}

CertificateInfo::Validity validityAt(const QSslCertificate &certificate, const QDateTime &now)
{
    if (now < certificate.effectiveDate())
        return CertificateInfo::Validity::NotYetValid;
    if (now > certificate.expiryDate())
        return CertificateInfo::Validity::Expired;
    return CertificateInfo::Validity::Valid;
}

bool signedItself(const QSslCertificate &certificate)
{
    const tls::X509Ptr x509 = tls::toX509(certificate);
    if (!x509 ||
        X509_NAME_cmp(X509_get_subject_name(x509.get()), X509_get_issuer_name(x509.get())) != 0)
        return false;
    EVP_PKEY *key = X509_get0_pubkey(x509.get());
    const bool verified = key && X509_verify(x509.get(), key) == 1;
    ERR_clear_error(); // a failed check must not linger in this thread's queue for the TLS code
    return verified;
}

QString dateText(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODate);
}

QString listText(const QStringList &items)
{
    return items.isEmpty() ? TlsCertificates::tr("(none)") : items.join(QStringLiteral(", "));
}

} // namespace

CertificateInfo::CertificateInfo(const QSslCertificate &certificate, const QDateTime &now)
    : m_certificate(certificate), m_subject(nameLine(certificate, &QSslCertificate::subjectInfo,
                                                     certificate.subjectInfoAttributes())),
      m_issuer(
          nameLine(certificate, &QSslCertificate::issuerInfo, certificate.issuerInfoAttributes())),
      m_fingerprint(sockscope::sha256Fingerprint(certificate)),
      m_validity(validityAt(certificate, now)),
      m_selfSigned(!certificate.isNull() && signedItself(certificate))
{
    const auto names = certificate.subjectAlternativeNames();
    m_dnsNames = names.values(QSsl::DnsEntry);
    m_ipAddresses = names.values(QSsl::IpAddressEntry);
    // QMultiMap hands back the newest insertion first; keep the certificate's own order.
    std::reverse(m_dnsNames.begin(), m_dnsNames.end());
    std::reverse(m_ipAddresses.begin(), m_ipAddresses.end());
}

QString CertificateInfo::validityText() const
{
    switch (m_validity) {
    case Validity::Valid:
        return TlsCertificates::tr("valid");
    case Validity::Expired:
        return TlsCertificates::tr("expired");
    case Validity::NotYetValid:
        return TlsCertificates::tr("not yet valid");
    }
    return {};
}

QString CertificateInfo::toText() const
{
    QStringList lines;
    lines << TlsCertificates::tr("Subject: %1").arg(m_subject)
          << TlsCertificates::tr("Issuer: %1").arg(m_issuer)
          << TlsCertificates::tr("Valid from %1 until %2 (%3)")
                 .arg(dateText(notBefore()), dateText(notAfter()), validityText())
          << TlsCertificates::tr("DNS names: %1").arg(listText(m_dnsNames))
          << TlsCertificates::tr("IP addresses: %1").arg(listText(m_ipAddresses))
          << TlsCertificates::tr("SHA-256: %1").arg(m_fingerprint)
          << (isSelfSigned() ? TlsCertificates::tr("Self-signed: yes")
                             : TlsCertificates::tr("Self-signed: no"));
    return lines.join(QLatin1Char('\n'));
}

QString CertificateInfo::chainText(const QList<QSslCertificate> &chain, const QDateTime &now)
{
    QStringList blocks;
    for (qsizetype i = 0; i < chain.size(); ++i) {
        const QString heading = i == 0 ? TlsCertificates::tr("Certificate %1 (peer)").arg(i)
                                       : TlsCertificates::tr("Certificate %1").arg(i);
        blocks << heading + QLatin1Char('\n') + CertificateInfo(chain.at(i), now).toText();
    }
    return blocks.join(QStringLiteral("\n\n"));
}

} // namespace sockscope
