#pragma once

#include <QString>

class QSslCertificate;

namespace sockscope {

// SHA-256 of the DER certificate as colon hex, "AB:CD:…" (upper case), the form
// `openssl x509 -fingerprint -sha256` and browsers show. Empty for a null certificate.
QString sha256Fingerprint(const QSslCertificate &certificate);

} // namespace sockscope
