#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

namespace sockscope {

// A fresh ECDSA P-256 key and a self-signed X.509 v3 certificate for localhost tests
// (server --gen-cert, "Generate a throwaway certificate"). Nothing is written to disk here;
// writePrivateKeyFile() (privatekeyfile.h) stores the key 0600 when the user wants a file.
class ThrowawayCertificate
{
public:
    struct Options
    {
        // The CN must be a host name: Qt 6.4 compares an IPv6 peer name and a CN that is not a
        // valid host name ("SockScope throwaway certificate") as two empty ACE strings, so such a
        // CN matches every IPv6 address (tst_tlspeers::verifyErrorsInWords). The label goes in O.
        QString commonName = QStringLiteral("localhost");
        QString organization = QStringLiteral("SockScope throwaway certificate");
        QStringList dnsNames = {QStringLiteral("localhost")};
        QList<QHostAddress> addresses = {QHostAddress(QHostAddress::LocalHost),
                                         QHostAddress(QHostAddress::LocalHostIPv6)};
        // Null means "now - 1 h" (clocks of two peers on one machine may still differ a little)
        // and "notBefore + validDays"; tests set both to make expired certificates.
        QDateTime notBefore;
        QDateTime notAfter;
        int validDays = 30;
    };

    // Null on failure, with the reason in *error (OpenSSL's own words appended).
    static ThrowawayCertificate generate(const Options &options, QString *error = nullptr);
    static ThrowawayCertificate generate(QString *error = nullptr)
    {
        return generate(Options(), error);
    }

    bool isNull() const { return m_certificate.isNull(); }
    QByteArray certificatePem() const { return m_certificatePem; }
    QByteArray privateKeyPem() const { return m_privateKeyPem; } // PKCS#8; never log it
    QSslCertificate certificate() const { return m_certificate; }
    QSslKey privateKey() const { return m_privateKey; }
    QString sha256Fingerprint() const; // "AB:CD:…"

private:
    QByteArray m_certificatePem;
    QByteArray m_privateKeyPem;
    QSslCertificate m_certificate;
    QSslKey m_privateKey;
};

} // namespace sockscope
