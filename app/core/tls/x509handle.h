#pragma once

// libcrypto objects owned by unique_ptr, for the .cpp files of core/tls only (OpenSSL::Crypto is
// linked privately: no public header of this folder includes OpenSSL).
#include <QByteArray>
#include <QSslCertificate>

#include <openssl/x509.h>

#include <memory>

namespace sockscope::tls {

template <typename T, void (*Free)(T *)>
struct OpenSslDeleter
{
    void operator()(T *p) const { Free(p); }
};
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509, X509_free>>;

// libcrypto's own view of a certificate Qt holds (null for a null certificate).
inline X509Ptr toX509(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return nullptr;
    const QByteArray der = certificate.toDer();
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &p, long(der.size())));
}

} // namespace sockscope::tls
