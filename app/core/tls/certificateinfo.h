#pragma once

#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

namespace sockscope {

// What a person reads in one certificate (the handshake view's chain panel, --tls reports),
// judged against a given moment so tests need no clock tricks.
class CertificateInfo
{
public:
    enum class Validity
    {
        Valid,
        Expired,
        NotYetValid
    };

    explicit CertificateInfo(const QSslCertificate &certificate,
                             const QDateTime &now = QDateTime::currentDateTimeUtc());

    QString subject() const { return m_subject; } // "CN=…, O=…, OU=…", the most specific first
    QString issuer() const { return m_issuer; }
    QDateTime notBefore() const { return m_certificate.effectiveDate(); }
    QDateTime notAfter() const { return m_certificate.expiryDate(); }
    Validity validity() const { return m_validity; }
    QStringList dnsNames() const { return m_dnsNames; }
    QStringList ipAddresses() const { return m_ipAddresses; }
    QString sha256Fingerprint() const { return m_fingerprint; }
    // Subject = issuer and the signature verifies with the certificate's own key. Not
    // QSslCertificate::isSelfSigned(): that also wants keyCertSign, which a leaf (ours) lacks.
    bool isSelfSigned() const { return m_selfSigned; }

    QString validityText() const; // "valid", "expired", "not yet valid"
    QString toText() const;       // labelled lines, copyable

    // Each certificate's text, numbered from the peer's own ("0: peer") towards the root.
    static QString chainText(const QList<QSslCertificate> &chain,
                             const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    QSslCertificate m_certificate;
    QString m_subject;
    QString m_issuer;
    QStringList m_dnsNames;
    QStringList m_ipAddresses;
    QString m_fingerprint;
    Validity m_validity = Validity::Valid;
    bool m_selfSigned = false;
};

} // namespace sockscope
