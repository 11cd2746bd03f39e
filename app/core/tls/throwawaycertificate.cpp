#include "core/tls/throwawaycertificate.h"

#include "core/tls/certificatefingerprint.h"
#include "core/tls/x509handle.h"

#include <QCoreApplication>

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace sockscope {

namespace {

class TlsCertificates
{
    Q_DECLARE_TR_FUNCTIONS(sockscope::TlsCertificates)
};

using tls::OpenSslDeleter;
using tls::X509Ptr;
using PkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY, EVP_PKEY_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO, BIO_free_all>>;
using BignumPtr = std::unique_ptr<BIGNUM, OpenSslDeleter<BIGNUM, BN_free>>;
using ExtensionPtr =
    std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION, X509_EXTENSION_free>>;

// The oldest queued OpenSSL error in its own words, and an empty queue for the next call.
QString takeOpenSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return {};
    char text[256] = {};
    ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}

bool setSerial(X509 *x509)
{
    // 127 random bits: positive, and unique enough that two runs never share a serial.
    BignumPtr bn(BN_new());
    return bn && BN_rand(bn.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1 &&
           BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(x509)) != nullptr;
}

bool setValidity(X509 *x509, const ThrowawayCertificate::Options &options)
{
    QDateTime from = options.notBefore;
    if (!from.isValid())
        from = QDateTime::currentDateTimeUtc().addSecs(-3600);
    QDateTime until = options.notAfter;
    if (!until.isValid())
        until = from.addDays(options.validDays);
    return ASN1_TIME_set(X509_getm_notBefore(x509), time_t(from.toSecsSinceEpoch())) != nullptr &&
           ASN1_TIME_set(X509_getm_notAfter(x509), time_t(until.toSecsSinceEpoch())) != nullptr;
}

bool addNameEntry(X509_NAME *name, const char *field, const QString &value)
{
    if (value.isEmpty())
        return true;
    const QByteArray utf8 = value.toUtf8();
    return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(utf8.constData()),
                                      int(utf8.size()), -1, 0) == 1;
}

bool setName(X509 *x509, const ThrowawayCertificate::Options &options)
{
    X509_NAME *name = X509_get_subject_name(x509);
    return addNameEntry(name, "CN", options.commonName) &&
           addNameEntry(name, "O", options.organization) &&
           X509_set_issuer_name(x509, name) == 1; // self-signed: issuer = subject
}

QByteArray subjectAltNames(const ThrowawayCertificate::Options &options)
{
    QStringList entries;
    for (const QString &dns : options.dnsNames)
        entries << QStringLiteral("DNS:") + dns;
    for (const QHostAddress &address : options.addresses)
        entries << QStringLiteral("IP:") + address.toString();
    return entries.join(QLatin1Char(',')).toUtf8();
}

bool addExtension(X509 *x509, X509V3_CTX *ctx, int nid, const QByteArray &value)
{
    ExtensionPtr ext(X509V3_EXT_conf_nid(nullptr, ctx, nid, value.constData()));
    return ext && X509_add_ext(x509, ext.get(), -1) == 1;
}

bool addExtensions(X509 *x509, const ThrowawayCertificate::Options &options)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, x509, x509, nullptr, nullptr, 0);
    bool ok = addExtension(x509, &ctx, NID_basic_constraints, "critical,CA:FALSE") &&
              addExtension(x509, &ctx, NID_key_usage, "critical,digitalSignature") &&
              addExtension(x509, &ctx, NID_ext_key_usage, "serverAuth,clientAuth") &&
              addExtension(x509, &ctx, NID_subject_key_identifier, "hash");
    const QByteArray sans = subjectAltNames(options);
    if (ok && !sans.isEmpty())
        ok = addExtension(x509, &ctx, NID_subject_alt_name, sans);
    return ok;
}

X509Ptr makeCertificate(EVP_PKEY *key, const ThrowawayCertificate::Options &options)
{
    X509Ptr x509(X509_new());
    if (!x509 || X509_set_version(x509.get(), X509_VERSION_3) != 1 || !setSerial(x509.get()) ||
        !setValidity(x509.get(), options) || X509_set_pubkey(x509.get(), key) != 1 ||
        !setName(x509.get(), options) || !addExtensions(x509.get(), options) ||
        X509_sign(x509.get(), key, EVP_sha256()) == 0) {
        return nullptr;
    }
    return x509;
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

QByteArray encodeCertificate(X509 *x509)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), x509) != 1)
        return {};
    return bioBytes(bio.get());
}

QByteArray encodePrivateKey(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio ||
        PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    return bioBytes(bio.get());
}

} // namespace

ThrowawayCertificate ThrowawayCertificate::generate(const Options &options, QString *error)
{
    ERR_clear_error();
    ThrowawayCertificate result;
    PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    X509Ptr x509 = key ? makeCertificate(key.get(), options) : nullptr;
    if (x509) {
        result.m_certificatePem = encodeCertificate(x509.get());
        result.m_privateKeyPem = encodePrivateKey(key.get());
        result.m_certificate = QSslCertificate(result.m_certificatePem, QSsl::Pem);
        result.m_privateKey =
            QSslKey(result.m_privateKeyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    }
    if (result.m_certificate.isNull() || result.m_privateKey.isNull()) {
        if (error) {
            const QString reason = takeOpenSslError();
            *error = reason.isEmpty()
                         ? TlsCertificates::tr("Cannot generate a certificate.")
                         : TlsCertificates::tr("Cannot generate a certificate: %1").arg(reason);
        }
        return ThrowawayCertificate();
    }
    return result;
}

QString ThrowawayCertificate::sha256Fingerprint() const
{
    return sockscope::sha256Fingerprint(m_certificate);
}

} // namespace sockscope
