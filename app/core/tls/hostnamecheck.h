#pragma once

#include <QString>

class QSslCertificate;

namespace sockscope {

// Whether the certificate is for `host` by RFC 6125, judged by libcrypto's X509_check_host /
// X509_check_ip_asc: an IP address matches IP SANs only; a name matches DNS SANs (one
// left-most "*" label at most), and the CN only when the certificate has no DNS SAN.
// Qt 6.4's own check is looser, and a TLS link should add this one:
//  - it matches the CN even when SANs are present;
//  - an IPv6 peer name and a CN that is not a host name both turn into an empty ACE string,
//    so such a CN ("My Device") matches every IPv6 address.
bool certificateNamesHost(const QSslCertificate &certificate, const QString &host);

} // namespace sockscope
