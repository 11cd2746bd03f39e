#include "core/tls/hostnamecheck.h"

#include "core/tls/x509handle.h"

#include <QHostAddress>
#include <QUrl>

#include <openssl/err.h>
#include <openssl/x509v3.h>

namespace sockscope {

bool certificateNamesHost(const QSslCertificate &certificate, const QString &host)
{
    const tls::X509Ptr x509 = tls::toX509(certificate);
    if (!x509 || host.isEmpty())
        return false;
    bool matches = false;
    if (!QHostAddress(host).isNull()) {
        matches = X509_check_ip_asc(x509.get(), host.toLatin1().constData(), 0) == 1;
    } else {
        // A-labels, as certificates hold them; a trailing dot names the same host.
        QString name = host;
        if (name.endsWith(QLatin1Char('.')))
            name.chop(1);
        const QByteArray ace = QUrl::toAce(name);
        matches =
            !ace.isEmpty() && X509_check_host(x509.get(), ace.constData(), size_t(ace.size()),
                                              X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, nullptr) == 1;
    }
    ERR_clear_error(); // a mismatch must not linger in this thread's queue for the TLS code
    return matches;
}

} // namespace sockscope
